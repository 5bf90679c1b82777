import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../scripts/lib/find-browser.mjs';

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
