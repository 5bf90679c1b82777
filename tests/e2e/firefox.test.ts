/**
 * The Firefox build in real Firefox (Debian's Firefox ESR here): the foundation journey,
 * what is stored, and that nothing leaves the machine.
 *
 * What differs from Chrome, and how it is handled:
 * - A test cannot open Firefox's sidebar (no WebDriver command does); the sidebar's page is
 *   opened as a tab instead, as the Chrome tests open the side panel's page. It follows the
 *   case page brought to the front, as the sidebar does.
 * - Firefox has no DevTools protocol to watch each target's network. Instead every request
 *   from any part of Firefox goes through a recording proxy (recording-proxy.ts), the case
 *   system's own 127.0.0.1 included, so anything the add-on sent would be seen there.
 * - The add-on is installed as a temporary add-on over WebDriver BiDi.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitForMissing as waitForPanelMissing, waitForPanelText, type Harness } from './harness';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';
import { readRecord } from '../fixtures/hostile/probe';
import { readFact } from '../../lib/model';
import { E2E_WAIT_MS } from '../support/sizing';

let h: Harness;
let proxy: RecordingProxy;
let origin: string;

beforeAll(async () => {
  proxy = await startRecordingProxy();
  h = await startHarness({ browser: 'firefox', firefoxPrefs: proxy.firefoxPrefs });
  origin = new URL(h.serverUrl).origin;
  proxy.allow(origin);
});
afterAll(async () => {
  await h?.close();
  await proxy?.close();
});

const waitForMissing = (ruleId: string, present: boolean) => waitForPanelMissing(h.panel, ruleId, present, E2E_WAIT_MS);

async function ready(formId: string, section: string): Promise<void> {
  await h.panel.waitForSelector(`[data-panel-status="ready"][data-assessment="${formId}"][data-section="${section}"]`, { timeout: E2E_WAIT_MS });
}

/** Everything the add-on keeps: its IndexedDB rows, and its local and session storage. */
async function storedEverything(panel: Page): Promise<string> {
  return panel.evaluate(async () => {
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const open = indexedDB.open('assessment-companion');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const all = db.transaction('records').objectStore('records').getAll();
        all.onsuccess = () => {
          db.close();
          resolve(all.result);
        };
        all.onerror = () => reject(all.error);
      };
    });
    type Area = { get(k: null): Promise<unknown> };
    const ext = (globalThis as unknown as { browser: { storage: { local: Area; session: Area } } }).browser;
    return JSON.stringify({ rows, local: await ext.storage.local.get(null), session: await ext.storage.session.get(null) });
  });
}

describe('Firefox: a worker records an assessment with the sidebar beside it', () => {
  it('loads the add-on and opens its sidebar page', async () => {
    expect(h.extensionOrigin).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}\/$/);
    await waitForPanelText(h.panel, 'Assessment Companion', true, E2E_WAIT_MS);
  });

  it('reads a seed case, shows its deadlines and missing steps, and follows the worker’s changes', async () => {
    const page = await h.openCase('SA-1001', 'background');
    await ready('SA-1001', 'background');
    await waitForPanelText(h.panel, 'Deadlines', true, E2E_WAIT_MS);
    // 2.5's fields are in an iframe: once its facts arrive the steps are missing, not "not read yet".
    await waitForMissing('derby/genogram', true);
    await waitForMissing('derby/chronology', true);
    await waitForPanelText(h.panel, 'Complete a genogram', true, E2E_WAIT_MS);

    const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
    const genogram = await frame.waitForSelector('input[type=checkbox][name="background.genogram"]');
    await genogram!.click();
    await waitForMissing('derby/genogram', false);
    expect(await h.panel.$('[data-missing-steps] li[data-rule-id="derby/chronology"]')).not.toBeNull();

    await frame.select('select[name="background.chronologyUpdated"]', 'Y');
    await waitForMissing('derby/chronology', false);
    expect(await h.panel.$('[data-missing-steps] li[data-rule-id="derby/ecomap"]')).not.toBeNull();
    await page.close();
  });

  it('stores the facts it read and no narrative: a marker typed into every text box never reaches storage', async () => {
    const marker = `MARKER-${Date.now()}-zq`;
    for (const section of ['reasons', 'analysis']) {
      const page = await h.openCase('SA-1001', section);
      await ready('SA-1001', section);
      for (const box of await page.$$('textarea')) await box.type(` "${marker} said the child"`);
      await new Promise((r) => setTimeout(r, 500));
      await page.close();
    }
    const row = await readRecord(h.panel, 'lcs-demo:SA-1001');
    expect(row).toBeDefined();
    expect(readFact(row!.record, 'background.genogram')).toBe(true);
    const everything = await storedEverything(h.panel);
    expect(everything).toContain('lcs-demo:SA-1001');
    expect(everything).not.toContain(marker);
    expect(everything).not.toContain('Test Child Example');
  });

  it('sends nothing anywhere: every request Firefox made was a case page asking its own case system', async () => {
    // The CSP refuses connections from the add-on's pages even if code tried.
    const url = `${h.serverUrl}/api/assessments`;
    const tried = await h.panel.evaluate((target: string) => fetch(target).then(() => 'sent', () => 'refused'), url);
    expect(tried).toBe('refused');
    expect(proxy.seen.filter((r) => r.url === url)).toEqual([]);
    // The proxy saw the journey…
    expect(proxy.seen.filter((r) => r.url.startsWith(`${origin}/assessment/SA-1001/`)).length).toBeGreaterThan(2);
    // …and nothing else, from any part of Firefox.
    expect(proxy.seen.filter((r) => !r.url.startsWith(`${origin}/`))).toEqual([]);
    // The watch would see a request elsewhere: a case page asking another host is recorded.
    const page = await h.openCase('SA-1001', 'plan');
    const elsewhere = 'http://elsewhere.example/probe';
    await page.evaluate((u: string) => fetch(u, { mode: 'no-cors' }).catch(() => undefined), elsewhere);
    expect(proxy.seen.map((r) => r.url)).toContain(elsewhere);
    await page.close();
  });
});
