// Set-up that the README's two commands do for themselves on a fresh machine:
// install the locked npm packages when needed, and make sure a browser is there.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.assessment-companion-setup');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`Set-up failed: ${command} ${args.join(' ')} exited with ${result.status ?? result.signal}.`);
    process.exit(1);
  }
}

const lockHash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
// `npm ci` / `npm install` call this with --stamp (postinstall): note which lockfile is installed.
if (process.argv.includes('--stamp')) {
  writeFileSync(stamp, lockHash);
  process.exit(0);
}
const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (installed !== lockHash) {
  console.log('Installing packages (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, lockHash);
}

const { findBrowser, findFirefox } = await import('./lib/find-browser.mjs');
// Chrome, Edge or Chromium, and Firefox: the end-to-end tests run in both. On Debian, as root,
// whichever is missing is installed (Chromium, Firefox ESR); elsewhere we say what to install.
// Firefox is needed by `npm test` (--firefox); the Chromium demo goes on without it.
let browser = findBrowser();
let firefox = findFirefox();
const missing = [
  ...(!browser.ok && !process.env.CHROME_PATH ? ['chromium'] : []),
  ...(!firefox.ok && !process.env.FIREFOX_PATH ? ['firefox-esr'] : []),
];
if (missing.length > 0) {
  const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt) {
    console.log(`Installing Debian's ${missing.join(' and ')}…`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', ...missing]);
    browser = findBrowser();
    firefox = findFirefox();
  }
}
for (const found of process.argv.includes('--firefox') ? [browser, firefox] : [browser]) {
  if (!found.ok) {
    console.error(found.message);
    process.exit(1);
  }
}
