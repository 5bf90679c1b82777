// Faults in real Chromium. The service worker stopped again and again while a worker changes
// fields (each change sent on its own, only what changed) loses none of them; and a browser
// whose storage for the extension is full says so in the panel, and nothing crashes: once
// there is room again, reading carries on.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFact } from '../../lib/model';
import { E2E_WAIT_MS } from '../support/sizing';
import { startTrustHarness, type TrustHarness } from '../fixtures/hostile/harness';
import { eventually, readRecord, stopServiceWorker } from '../fixtures/hostile/probe';

let h: TrustHarness;
beforeAll(async () => {
  h = await startTrustHarness();
});
afterAll(async () => {
  await h?.close();
});

// First, while the extension's database is still empty: Chromium checks the quota as the database grows.
describe('the browser’s storage for the extension is full', () => {
  it('the panel says so, nothing crashes, and reads are saved again once there is room', async () => {
    const session = await h.panel.createCDPSession();
    const origin = `chrome-extension://${h.extensionId}`;
    try {
      // Quota of one byte for the extension's IndexedDB: every write is refused as over quota.
      await session.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
      const page = await h.openCase('SA-1004', 'reasons');
      await h.panel.waitForSelector('[data-record-note="store-full"]', { timeout: E2E_WAIT_MS });
      const note = await h.panel.$eval('[data-record-note="store-full"]', (el) => el.textContent ?? '');
      expect(note).toMatch(/storage for Assessment Companion is full/);
      expect(await readRecord(h.panel, 'lcs-demo:SA-1004')).toBeUndefined();

      // Room again (the quota back to the browser's own): the next change is saved and the note goes.
      await session.send('Storage.overrideQuotaForOrigin', { origin });
      await page.click('input[type="checkbox"][name^="reasons.concern."]');
      await eventually('the read to be saved once there is room', async () => readRecord(h.panel, 'lcs-demo:SA-1004'), E2E_WAIT_MS);
      await h.panel.waitForSelector('[data-record-note="store-full"]', { hidden: true, timeout: E2E_WAIT_MS });
      await page.close();
    } finally {
      await session.send('Storage.overrideQuotaForOrigin', { origin }).catch(() => undefined);
      await session.detach().catch(() => undefined);
    }
  });
});

describe('the service worker is stopped in the middle of merges', () => {
  it('loses none of the changes made between the stops', async () => {
    const key = 'lcs-demo:SA-1003';
    const page = await h.openCase('SA-1003', 'household');
    await h.panel.waitForSelector('[data-panel-status="ready"][data-assessment="SA-1003"][data-section="household"]', { timeout: E2E_WAIT_MS });
    await eventually('the household page to be stored', async () => {
      const r = await readRecord(h.panel, key);
      return r && readFact(r.record, 'household.interpreterUsed') !== undefined;
    }, E2E_WAIT_MS);
    // Three fields, each changed and the worker stopped straight after, before its merge is known to be done.
    const changes: [string, string, string, boolean][] = [
      ['#f-household-interpreterNeeded', 'Y', 'household.interpreterNeeded', true],
      ['#f-household-interpreterUsed', 'N', 'household.interpreterUsed', false],
      ['#f-household-firstLanguageNotEnglish', 'Y', 'household.firstLanguageNotEnglish', true],
    ];
    for (const [selector, value] of changes) {
      await page.select(selector, value);
      await stopServiceWorker(h.browser, h.extensionId, h.panel);
    }
    // One more change wakes the worker; every change made is in the record.
    await page.type('#f-household-communicationNeeds', ' Makaton signs at home.');
    const after = await eventually('every change to be merged', async () => {
      const r = await readRecord(h.panel, key);
      return r && changes.every(([, , fact, want]) => readFact(r.record, fact) === want) ? r : undefined;
    }, E2E_WAIT_MS);
    expect(readFact(after.record, 'household.communicationNeedsRecorded')).toBe(true);
    await page.close();
  });
});

describe('a page that makes up frame load events', () => {
  it('does not get the reader put in again: only a frame that really loads does', async () => {
    const page = await h.openCase('SA-1002', 'background');
    const session = await page.createCDPSession();
    // Each time the background puts the reader into the page's frames, the browser parses it again.
    let injected = 0;
    session.on('Debugger.scriptParsed', (e: { url: string }) => {
      if (e.url === `chrome-extension://${h.extensionId}/case-reader.js`) injected += 1;
    });
    await session.send('Debugger.enable');
    await h.panel.waitForSelector('[data-panel-status="ready"][data-assessment="SA-1002"][data-section="background"]', { timeout: E2E_WAIT_MS });
    const before = injected;

    // Page script fires 300 made-up load events at its iframe, spread out over time.
    await page.evaluate(async () => {
      for (let i = 0; i < 300; i += 1) {
        for (const frame of document.querySelectorAll('iframe')) frame.dispatchEvent(new Event('load'));
        if (i % 10 === 0) await new Promise((r) => setTimeout(r, 10));
      }
    });
    // Then a frame really loads: that, and only that, brings the reader in once more.
    await page.evaluate(async (src: string) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      document.body.append(frame);
      await loaded;
    }, `/assessment/SA-1002/background/frame`);
    await eventually('the reader to be put into the new frame', async () => injected > before, E2E_WAIT_MS);
    // One round: at most once into each frame of the page.
    expect(injected - before).toBeLessThanOrEqual(page.frames().length);
    await session.detach().catch(() => undefined);
    await page.close();
  });
});
