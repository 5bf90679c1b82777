import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findBrowser, findFirefox } from '../../scripts/lib/find-browser.mjs';

describe('findBrowser', () => {
  it('uses CHROME_PATH when it points at a file', () => {
    expect(findBrowser({ CHROME_PATH: process.execPath }, 'linux')).toEqual({ ok: true, path: process.execPath });
  });

  it('names what was tried when CHROME_PATH is wrong, without searching elsewhere', () => {
    const result = findBrowser({ CHROME_PATH: '/no/such/chrome' }, 'linux');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.tried).toEqual(['/no/such/chrome']);
      expect(result.message).toContain('/no/such/chrome');
    }
  });

  it('searches the usual places for Chrome, Edge and Chromium on Windows', () => {
    const result = findBrowser({ PROGRAMFILES: 'Z:\\nowhere' }, 'win32');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.tried.some((p) => p.includes('chrome.exe'))).toBe(true);
      expect(result.tried.some((p) => p.includes('msedge.exe'))).toBe(true);
    }
  });
});

describe('findFirefox', () => {
  it('uses FIREFOX_PATH when it points at a file', () => {
    expect(findFirefox({ FIREFOX_PATH: process.execPath }, 'linux')).toEqual({ ok: true, path: process.execPath });
  });

  it('names what was tried when FIREFOX_PATH is wrong, without searching elsewhere', () => {
    const result = findFirefox({ FIREFOX_PATH: '/no/such/firefox' }, 'linux');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.tried).toEqual(['/no/such/firefox']);
      expect(result.message).toContain('/no/such/firefox');
    }
  });

  it('looks for Debian’s Firefox ESR first on Linux, and for Firefox on Windows', () => {
    const linux = findFirefox({}, 'linux');
    if (!linux.ok) expect(linux.tried[0]).toBe('/usr/bin/firefox-esr');
    const windows = findFirefox({ PROGRAMFILES: 'Z:\\nowhere' }, 'win32');
    expect(windows.ok).toBe(false);
    if (!windows.ok) expect(windows.tried.some((p) => p.endsWith('firefox.exe'))).toBe(true);
  });
});

describe('npm run demo with a bad CHROME_PATH', () => {
  it('prints one line naming what was tried and exits non-zero, with no stack trace', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/demo.ts', '--headless'], {
      env: { ...process.env, CHROME_PATH: '/no/such/browser' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.trim() && !l.includes('npm warn'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('/no/such/browser');
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});

describe('npm run demo with no display', () => {
  it.runIf(process.platform === 'linux')('says in one line that there is no display and that --headless shows the same, before building', () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const run = spawnSync('npx', ['tsx', 'scripts/demo.ts'], { env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.trim() && !l.includes('npm warn'));
    expect(lines).toEqual([expect.stringContaining('no display')]);
    expect(lines[0]).toContain('npm run demo -- --headless');
    expect(run.stdout).not.toContain('Building');
  });

  it('names the browsers it knows when --browser is wrong', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/demo.ts', '--headless', '--browser=safari'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--browser=firefox');
  });
});
