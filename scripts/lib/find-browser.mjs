// Finds Chrome, Edge or Chromium (CHROME_PATH first), or Firefox (FIREFOX_PATH first), on
// this machine, then in the usual install paths. Plain JavaScript so the set-up step can
// use it before `npm ci`.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

function candidates(env = process.env, platform = process.platform) {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  return [
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
  ];
}

function firefoxCandidates(env = process.env, platform = process.platform) {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(Boolean);
    return roots.flatMap((root) => [join(root, 'Mozilla Firefox', 'firefox.exe')]);
  }
  if (platform === 'darwin') return ['/Applications/Firefox.app/Contents/MacOS/firefox'];
  // Debian's Firefox ESR first: the Firefox councils' managed desktops most often run.
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox', '/snap/bin/firefox'];
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Chrome, Edge or Chromium.
 * @returns {{ ok: true, path: string } | { ok: false, tried: string[], message: string }}
 */
export function findBrowser(env = process.env, platform = process.platform) {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (isFile(fromEnv)) return { ok: true, path: fromEnv };
    return {
      ok: false,
      tried: [fromEnv],
      message: `CHROME_PATH is set to "${fromEnv}", but no browser is there. Point CHROME_PATH at Chrome, Edge or Chromium, or unset it to search the usual places.`,
    };
  }
  const tried = candidates(env, platform);
  const found = tried.find((p) => existsSync(p) && isFile(p));
  if (found) return { ok: true, path: found };
  return {
    ok: false,
    tried,
    message: `No Chrome, Edge or Chromium found. Tried: ${tried.join(', ')}. Install one, or set CHROME_PATH to its program file.`,
  };
}

/**
 * Firefox (ESR or release).
 * @returns {{ ok: true, path: string } | { ok: false, tried: string[], message: string }}
 */
export function findFirefox(env = process.env, platform = process.platform) {
  const fromEnv = env.FIREFOX_PATH;
  if (fromEnv) {
    if (isFile(fromEnv)) return { ok: true, path: fromEnv };
    return {
      ok: false,
      tried: [fromEnv],
      message: `FIREFOX_PATH is set to "${fromEnv}", but no browser is there. Point FIREFOX_PATH at Firefox, or unset it to search the usual places.`,
    };
  }
  const tried = firefoxCandidates(env, platform);
  const found = tried.find((p) => isFile(p));
  if (found) return { ok: true, path: found };
  return {
    ok: false,
    tried,
    message: `No Firefox found. Tried: ${tried.join(', ')}. Install Firefox (on Debian: apt-get install firefox-esr), or set FIREFOX_PATH to its program file.`,
  };
}

/** Flags for a browser started by our demo, tests and benchmarks (not a worker's own browser). */
export function browserArgs({ root = process.getuid?.() === 0 } = {}) {
  return [
    ...(root ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
}
