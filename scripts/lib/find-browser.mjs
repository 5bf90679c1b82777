// Finds Chrome, Edge or Chromium (CHROME_PATH first), or Firefox (FIREFOX_PATH first), on
// this machine, then in the usual install paths. Plain JavaScript so the set-up step can
// use it before `npm ci`.
import { statSync } from 'node:fs';
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
 * The browser named by `envVar` when set (and nothing else then), or the first of the usual
 * places that holds one.
 * @returns {{ ok: true, path: string } | { ok: false, tried: string[], message: string }}
 */
function find(envVar, what, usual, install, env) {
  const fromEnv = env[envVar];
  if (fromEnv) {
    if (isFile(fromEnv)) return { ok: true, path: fromEnv };
    return {
      ok: false,
      tried: [fromEnv],
      message: `${envVar} is set to "${fromEnv}", but no browser is there. Point ${envVar} at ${what}, or unset it to search the usual places.`,
    };
  }
  const found = usual.find((p) => isFile(p));
  if (found) return { ok: true, path: found };
  return { ok: false, tried: usual, message: `No ${what} found. Tried: ${usual.join(', ')}. ${install}, or set ${envVar} to its program file.` };
}

/** Chrome, Edge or Chromium: CHROME_PATH, then the usual places. */
export function findBrowser(env = process.env, platform = process.platform) {
  return find('CHROME_PATH', 'Chrome, Edge or Chromium', candidates(env, platform), 'Install one', env);
}

/** Firefox (ESR or release): FIREFOX_PATH, then the usual places. */
export function findFirefox(env = process.env, platform = process.platform) {
  return find('FIREFOX_PATH', 'Firefox', firefoxCandidates(env, platform), 'Install Firefox (on Debian: apt-get install firefox-esr)', env);
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
