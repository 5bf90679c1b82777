/**
 * The headless demo run exactly as the README tells a user to (`npm run demo -- --headless …`),
 * each variant as a real child process. Each must end with exit code 0, save its screenshot,
 * and print no warning: nothing on stderr (where the demo writes its warnings and errors),
 * and no "took a long time" line. A test of behaviour, not of speed: nothing here is timed.
 *
 * The first run builds the demo build if it is out of date; the runs after it reuse it,
 * and say so in one line.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFirefox } from '../../scripts/lib/find-browser.mjs';
import { REPO_ROOT } from '../../scripts/lib/launch';
import { E2E_COMMAND_TIMEOUT_MS } from '../support/sizing';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment a user's shell gives: without what the test runner adds (a build under NODE_ENV=test is not the demo's). */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key === 'TEST' || (key === 'NODE_ENV' && value === 'test')) continue;
    env[key] = value;
  }
  return env;
}

/**
 * Runs `npm run demo -- --headless <args>` and collects what it prints. A run still going near
 * the test's timeout is stopped (SIGTERM to its process group, which closes its browser).
 */
function runDemo(args: readonly string[]): Promise<Run> {
  const child = spawn('npm', ['run', 'demo', '--', '--headless', ...args], {
    cwd: REPO_ROOT,
    env: userEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    shell: process.platform === 'win32',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const stop = setTimeout(() => {
    if (child.pid !== undefined) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGTERM');
  }, E2E_COMMAND_TIMEOUT_MS - 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(stop);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Every line that is a warning or an error: all of stderr, and any line saying the panel was slow or the demo failed. */
function warnings(run: Run): string[] {
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return [...lines(run.stderr), ...lines(run.stdout).filter((l) => /took a long time|carrying on|Demo failed|detached/i.test(l))];
}

const BUILT = /^Building the extension…$/m;
const REUSED = /^Using the demo build from \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}; nothing has changed since\.$/m;

/** Runs a variant and checks it ended well, with its screenshot saved by this run; returns what it printed. */
async function demoSucceeds(args: readonly string[], screenshot: string): Promise<string> {
  const started = Date.now();
  const run = await runDemo(args);
  expect(warnings(run)).toEqual([]);
  expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
  const file = join(REPO_ROOT, '.tmp', screenshot);
  expect(run.stdout).toContain(`Screenshot saved: ${file}`);
  expect(existsSync(file)).toBe(true);
  // Written by this run (file times are kept to the second or better).
  expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(started - 2_000);
  expect(BUILT.test(run.stdout) || REUSED.test(run.stdout)).toBe(true);
  return run.stdout;
}

const TIMEOUT = { timeout: E2E_COMMAND_TIMEOUT_MS };

describe('npm run demo -- --headless, in Chromium, as the README writes it', () => {
  it('the worker view of SA-1002 (building the demo build if it is out of date)', TIMEOUT, async () => {
    const out = await demoSucceeds([], 'demo-SA-1002-worker.png');
    expect(out).toContain('=== Assessment Companion panel: SA-1002, section plan ===');
  });

  it('--manager: the manager view, reusing the build just made', TIMEOUT, async () => {
    const out = await demoSucceeds(['--manager'], 'demo-SA-1002-manager.png');
    expect(out).toMatch(REUSED);
    expect(out).not.toMatch(BUILT);
    // SA-1002 on day 0 has not been sent to the manager: the manager sees progress, not a verdict.
    expect(out).toContain('In progress:');
  });

  it('--case=SA-1003: another seed case', TIMEOUT, async () => {
    const out = await demoSucceeds(['--case=SA-1003'], 'demo-SA-1003-worker.png');
    expect(out).toMatch(REUSED);
    expect(out).toContain('=== Assessment Companion panel: SA-1003, section plan ===');
  });

  it('--section=views: another part of the form', TIMEOUT, async () => {
    const out = await demoSucceeds(['--section=views'], 'demo-SA-1002-worker.png');
    expect(out).toMatch(REUSED);
    expect(out).toContain('=== Assessment Companion panel: SA-1002, section views ===');
  });

  it('--caseload: every seed case read, then the caseload page', TIMEOUT, async () => {
    const out = await demoSucceeds(['--caseload'], 'demo-caseload.png');
    expect(out).toMatch(REUSED);
    expect(out).toContain('=== Assessment Companion caseload ===');
    expect(out).toContain('Showing 6 assessments of 6.');
  });
});

const firefox = findFirefox();

describe.skipIf(!firefox.ok)('npm run demo -- --headless --browser=firefox (skipped when no Firefox is found)', () => {
  it('the sidebar’s page beside SA-1002 in Firefox, with the Firefox demo build', TIMEOUT, async () => {
    const out = await demoSucceeds(['--browser=firefox'], 'demo-SA-1002-worker-firefox.png');
    expect(out).toContain('=== Assessment Companion sidebar (Firefox): SA-1002, section plan ===');
  });
});
