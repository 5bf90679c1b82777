// A field map and holiday feed set by policy reach the extension whole. Chromium keeps only
// the keys a managed schema lists from an object policy, so they travel as JSON text; this
// writes a real policy file where Debian's Chromium reads it and checks the options page
// shows the policy's map in use. Needs root (CI runs as root); skipped, saying why, otherwise.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchBrowser } from '../../scripts/lib/launch';
import { E2E_WAIT_MS } from '../support/sizing';

const POLICY_DIR = '/etc/chromium/policies/managed';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const clean of cleanups.reverse()) clean();
});

describe.skipIf(!isRoot)(`policy set in ${POLICY_DIR} (skipped unless run as root, which writing there needs)`, () => {
  it('a field map and holiday feed given as JSON text arrive whole and are in use; inspect mode set by policy is on and locked', async () => {
    // A copy of the build: its own extension id, so no other test's browser sees this policy.
    const dir = mkdtempSync(join(tmpdir(), 'ac-policy-ext-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    const first = await launchBrowser({ extensionDir: dir });
    const id = first.extensionId;
    await first.close();
    expect(id).toMatch(/^[a-p]{32}$/);

    const demo = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'adapters', 'maps', 'lcs-demo.json'), 'utf8')) as Record<string, unknown>;
    const map = { ...demo, id: 'policy-map', version: '7.1.0' };
    const feed = { 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'New Year’s Day', date: '2028-01-03' }] } };
    mkdirSync(POLICY_DIR, { recursive: true });
    const file = join(POLICY_DIR, `assessment-companion-e2e-${String(id)}.json`);
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [String(id)]: { fieldMap: JSON.stringify(map), holidayFeed: JSON.stringify(feed), inspectMode: true } } } }));
    cleanups.push(() => rmSync(file, { force: true }));

    const second = await launchBrowser({ extensionDir: dir });
    cleanups.push(() => void second.close());
    expect(second.extensionId).toBe(id);
    const options = await second.browser.newPage();
    await options.goto(`chrome-extension://${String(id)}/options.html`);
    await options.waitForFunction(() => document.body.innerText.includes('policy-map'), { timeout: E2E_WAIT_MS, polling: 100 });
    const text = await options.evaluate(() => document.body.innerText);
    expect(text).toContain('7.1.0');
    expect(text).toContain('In use');
    expect(text).toContain('Set by your organisation');
    const inspect = await options.$eval('[data-inspect-setting] input[type=checkbox]', (b) => ({ on: (b as HTMLInputElement).checked, locked: (b as HTMLInputElement).disabled }));
    expect(inspect).toEqual({ on: true, locked: true });
    await second.close();
  });
});
