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

const { findBrowser } = await import('./lib/find-browser.mjs');
let browser = findBrowser();
if (!browser.ok && !process.env.CHROME_PATH) {
  const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt) {
    console.log('No browser found: installing Debian Chromium…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
    browser = findBrowser();
  }
}
if (!browser.ok) {
  console.error(browser.message);
  process.exit(1);
}
