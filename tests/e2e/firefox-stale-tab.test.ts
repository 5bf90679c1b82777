/**
 * Firefox tells every listener of a storage change even when the value stored is the same.
 * The background stores the page reader's map again whenever a setting changes, so each
 * open case tab was told "a new map": a tab left open on an old copy read the page again
 * with fresh read times, and its old answer overwrote a newer one from another tab.
 * (Firefox build: `npm run build:demo:firefox`.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { eventually, readRecord } from '../fixtures/hostile/probe';
import { readFact } from '../../lib/model';
import { E2E_WAIT_MS } from '../support/sizing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ browser: 'firefox' });
});
afterAll(async () => {
  await h?.close();
});

type Local = { get(k: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
type Ext = { browser: { storage: { local: Local; onChanged: { addListener(l: (changes: Record<string, unknown>, area: string) => void): void } } } };

const key = 'lcs-demo:SA-1002';
const stored = (what: string, check: (value: unknown, other: unknown) => boolean) =>
  eventually(what, async () => {
    const r = await readRecord(h.panel, key);
    return r && check(readFact(r.record, 'household.interpreterNeeded'), readFact(r.record, 'household.interpreterUsed')) ? r : undefined;
  }, E2E_WAIT_MS);

describe('Firefox: changing a setting with a stale case tab open', () => {
  it('does not make the stale tab read again, and the newer answer stands', async () => {
    const stale = await h.openCase('SA-1002', 'household');
    // The panel shows the case once its first read is stored: only then does the probe open the
    // extension's database (opening it while the extension creates it can stall that first write).
    await h.panel.waitForFunction(() => document.body.innerText.includes('SA-1002'), { timeout: E2E_WAIT_MS, polling: 100 });
    await stored('the household to be read', (needed) => needed === true);

    // Another tab saves a change.
    const fresh = await h.openCase('SA-1002', 'household');
    await fresh.select('#f-household-interpreterNeeded', 'N');
    await Promise.all([fresh.waitForNavigation({ waitUntil: 'load' }), fresh.click('button[type=submit]')]);
    await stored('the saved change to be read', (needed) => needed === false);
    await fresh.close();

    // The worker changes a setting, and the same reader map is stored again: Firefox says it changed.
    await h.panel.evaluate(() => {
      const ext = (globalThis as unknown as Ext).browser;
      (globalThis as unknown as { mapStoredAgain?: boolean }).mapStoredAgain = false;
      ext.storage.onChanged.addListener((changes, area) => {
        if (area === 'local' && 'readerFieldMap' in changes) (globalThis as unknown as { mapStoredAgain?: boolean }).mapStoredAgain = true;
      });
    });
    await h.panel.evaluate(async () => {
      const ext = (globalThis as unknown as Ext).browser;
      const { settings, readerFieldMap } = await ext.storage.local.get('settings').then(async (s) => ({ ...s, ...(await ext.storage.local.get('readerFieldMap')) }));
      await ext.storage.local.set({ settings: { ...(settings as object | undefined), retentionDays: 31 } });
      // The background now stores the map only when it changed; an older version (or any other
      // writer) storing the same map again is still told to every tab by Firefox: do it here.
      await ext.storage.local.set({ readerFieldMap });
    });
    await h.panel.waitForFunction(() => (globalThis as unknown as { mapStoredAgain?: boolean }).mapStoredAgain === true, { timeout: E2E_WAIT_MS, polling: 100 });

    // The stale tab changes another field: once that is in, anything it sent before it is in too.
    await stale.bringToFront();
    await stale.select('#f-household-interpreterUsed', 'Y');
    await stored('the stale tab’s own change to be merged', (_needed, used) => used === true);
    const after = await readRecord(h.panel, key);
    expect(readFact(after!.record, 'household.interpreterNeeded')).toBe(false);
    await stale.close();
  });
});
