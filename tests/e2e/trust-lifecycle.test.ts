// The extension's life cycle under a worker's feet: the MV3 service worker is stopped
// mid-journey (as the browser does when it is idle), and the extension is reloaded
// (as on an update) with a case tab open. No record is lost, the next change is still
// merged, and the orphaned page is told to refresh; it is never reloaded for the worker.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { readFact, type AssessmentRecord } from '../../lib/model';
import { startTrustHarness, type TrustHarness } from '../fixtures/hostile/harness';
import { eventually, readRecord, readRecords, serviceWorkerTarget, stopServiceWorker } from '../fixtures/hostile/probe';
import { E2E_WAIT_MS } from '../support/sizing';

// The extension API, as the extension's own pages see it (evaluated there, not here).
declare const chrome: {
  runtime: { reload(): void };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

let h: TrustHarness;
let casePage: Page;
beforeAll(async () => {
  h = await startTrustHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The record without when-and-where it was read (those change on every read). */
function factsOnly(record: AssessmentRecord): AssessmentRecord {
  const { provenance: _provenance, ...rest } = record;
  return rest as AssessmentRecord;
}

describe('the service worker is stopped mid-journey', () => {
  it('keeps the record, and merges the next change once the browser starts it again', async () => {
    const page = await h.openCase('SA-1003', 'reasons');
    await h.panel.waitForSelector('[data-panel-status="ready"][data-assessment="SA-1003"][data-section="reasons"]', { timeout: E2E_WAIT_MS });
    await page.goto(`${h.serverUrl}/assessment/SA-1003/household`, { waitUntil: 'load' });
    await h.panel.waitForSelector('[data-panel-status="ready"][data-assessment="SA-1003"][data-section="household"]', { timeout: E2E_WAIT_MS });
    const key = 'lcs-demo:SA-1003';
    const before = await eventually('the household facts to be stored', async () => {
      const r = await readRecord(h.panel, key);
      return r && readFact(r.record, 'household.interpreterUsed') !== undefined ? r : undefined;
    });

    await stopServiceWorker(h.browser, h.extensionId, h.panel);
    expect(serviceWorkerTarget(h.browser, h.extensionId)).toBeUndefined();
    // The record is in IndexedDB, not in the worker: nothing was lost.
    expect(await readRecord(h.panel, key)).toEqual(before);

    // The worker changes a field: the browser starts the service worker for the message.
    const was = readFact(before.record, 'household.interpreterUsed');
    await page.select('#f-household-interpreterUsed', was === true ? 'N' : 'Y');
    const after = await eventually('the change after the restart to be merged', async () => {
      const r = await readRecord(h.panel, key);
      return r && readFact(r.record, 'household.interpreterUsed') === (was !== true) ? r : undefined;
    });
    expect(serviceWorkerTarget(h.browser, h.extensionId)).toBeDefined();
    // Everything read before the stop is still there; only the changed fact differs.
    const expected = factsOnly(before.record);
    expected.household = { ...expected.household, interpreterUsed: was !== true };
    expect(factsOnly(after.record)).toEqual(expected);
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt);
    await page.close();
  });
});

describe('the extension is reloaded (updated) with a case tab open', () => {
  it('the old content script stops quietly, the page says "refresh", and the page is not reloaded', async () => {
    const page = await h.openCase('SA-1001', 'household');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await h.panel.waitForSelector('[data-panel-status="ready"][data-assessment="SA-1001"]', { timeout: E2E_WAIT_MS });
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    // Work the worker has not saved yet.
    const unsaved = '\nUnsaved: spoke to the school nurse about speech therapy.';
    await page.type('#f-household-communicationNeeds', unsaved);
    const timeOrigin = await page.evaluate(() => {
      (window as unknown as { __marker?: string }).__marker = 'still the same page';
      return performance.timeOrigin;
    });

    // A setting the user chose, and the record: to see both go on uninstall (below).
    await h.panel.evaluate(() => chrome.storage.local.set({ settings: { retentionDays: 7 } }));
    expect(await readRecord(h.panel, 'lcs-demo:SA-1001')).toBeDefined();
    // Reload from the panel (an extension page): the browser closes the extension's pages as it unloads it.
    await h.panel.evaluate(() => {
      setTimeout(() => chrome.runtime.reload(), 0);
    });
    await eventually('the extension to unload (its panel page closes)', async () => h.panel.isClosed());

    // The next change on the page: the orphaned script notices, stops and says so.
    await page.select('#f-household-interpreterUsed', 'Y');
    const note = await page.waitForSelector('#assessment-companion-reconnect-note', { timeout: E2E_WAIT_MS });
    expect(await note!.evaluate((el) => [el.getAttribute('role'), el.textContent])).toEqual([
      'status',
      expect.stringMatching(/refresh this page/i),
    ]);
    // More changes: the stopped script does nothing more (one note, no errors).
    await page.select('#f-household-interpreterUsed', 'N');
    await page.type('#f-household-communicationNeeds', '!');
    expect(await page.$$eval('#assessment-companion-reconnect-note', (els) => els.length)).toBe(1);

    // The page was not reloaded: same document, same marker, the unsaved words still there.
    const state = await page.evaluate(() => ({
      marker: (window as unknown as { __marker?: string }).__marker,
      timeOrigin: performance.timeOrigin,
      notes: (document.getElementById('f-household-communicationNeeds') as HTMLTextAreaElement).value,
      navigationType: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type,
    }));
    expect(state.marker).toBe('still the same page');
    expect(state.timeOrigin).toBe(timeOrigin);
    expect(state.notes).toContain(`${unsaved}!`);
    expect(state.navigationType).toBe('navigate');
    expect(navigations).toBe(0);
    expect(errors).toEqual([]);

    casePage = page;
  });

  it('uninstalling removes every record and setting; the new version reads the page once refreshed', async () => {
    // Headless Chromium does not bring an unpacked extension back after runtime.reload()
    // (its pages stay blocked); an update from the store or by policy does. So the new
    // version arrives here by uninstall and install, which also shows what uninstall leaves.
    await h.browser.uninstallExtension(h.extensionId);
    const id = await h.browser.installExtension(h.extensionDir);
    expect(id).toBe(h.extensionId);
    const panel = await h.browser.newPage();
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    expect(await readRecords(panel)).toEqual([]);
    const stored = await panel.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored)).not.toContain('settings');

    // The worker saves and refreshes: the new version reads the page; the note is gone.
    await casePage.reload({ waitUntil: 'load' });
    expect(await casePage.$('#assessment-companion-reconnect-note')).toBeNull();
    await eventually('the new version to read the refreshed page', async () => readRecord(panel, 'lcs-demo:SA-1001'));
    await Promise.all([casePage.close(), panel.close()]);
  });
});
