// Trust the record, in real Chromium: field map patterns that could hang the page are
// refused (the page keeps answering), and the panel follows the tab the worker is
// looking at in its own window, never a tab loading behind it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrustHarness } from '../fixtures/hostile/harness';
import { startTrustHarness } from '../fixtures/hostile/harness';
import { eventually } from '../fixtures/hostile/probe';
import { E2E_WAIT_MS } from '../support/sizing';

let h: TrustHarness;
beforeAll(async () => {
  h = await startTrustHarness();
});
afterAll(async () => {
  await h?.close();
});

type Chrome = {
  storage: { local: { set(v: unknown): Promise<void>; get(k: string | null): Promise<Record<string, unknown>>; remove(k: string): Promise<void> } };
  tabs: { query(q: unknown): Promise<Array<{ id: number; windowId: number; url?: string }>> };
};

const demoMap = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'adapters', 'maps', 'lcs-demo.json'), 'utf8')) as {
  page: { url: string; assessmentId: { url?: string } };
  fields: Array<{ find: Record<string, unknown> }>;
};

/** Does the page's main thread answer? A page busy in a runaway pattern never does. */
async function answers(page: Page): Promise<boolean> {
  const reply = page.evaluate(() => document.readyState).then(() => true);
  const silent = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), E2E_WAIT_MS));
  return Promise.race([reply, silent]);
}

describe('a field map pattern cannot hang the case system page', () => {
  const cases: Array<[string, (m: ReturnType<typeof demoMap>) => void, string]> = [
    ['the page address', (m) => void (m.page.url = '^/assessment/([a-zA-Z0-9-]+)+/'), `/assessment/${'a'.repeat(40)}`],
    ['an id pattern', (m) => void (m.page.assessmentId.url = '^/assessment/((\\w+)+)+/x'), `/assessment/${'a'.repeat(40)}/`],
    ['a match: "regex" locator on page text', (m) => void (m.fields[0]!.find = { label: '^(\\w+\\s?)*!$', match: 'regex' }), '/assessment/SA-1001/household'],
  ];
  for (const [where, spoil, path] of cases) {
    it(`refuses a catastrophic pattern in ${where}; the page keeps answering`, async () => {
      const map = demoMap();
      spoil(map);
      await h.panel.evaluate(async (fieldMap) => {
        const c = (globalThis as unknown as { chrome: Chrome }).chrome;
        await c.storage.local.set({ settings: { fieldMap } });
      }, map);
      const page = await h.browser.newPage();
      try {
        await page.goto(`${h.serverUrl}${path}`, { waitUntil: 'load' });
        // Give the reader time to start and read, then ask the page something, several times.
        for (let i = 0; i < 5; i++) {
          await new Promise((r) => setTimeout(r, 300));
          expect(await answers(page)).toBe(true);
        }
        // The map in force is still the demo map: the spoilt one was refused.
        const active = await h.panel.evaluate(async () => {
          const c = (globalThis as unknown as { chrome: Chrome }).chrome;
          const s = { ...(await c.storage.local.get('readerFieldMap')), ...(await c.storage.local.get('activeFieldMapSource')) };
          return s.activeFieldMapSource === 'bundled' ? null : (s.readerFieldMap ?? null);
        });
        expect(active).toBeNull();
      } finally {
        await page.close();
        await h.panel.evaluate(async () => {
          const c = (globalThis as unknown as { chrome: Chrome }).chrome;
          await c.storage.local.remove('settings');
        });
      }
    });
  }
});

describe('the panel follows the tab the worker is looking at, in its own window', () => {
  it('a case tab reloading behind the one on screen does not take the panel, and switching tabs does', async () => {
    const older = await h.openCase('SA-1002', 'reasons');
    const onScreen = await h.openCase('SA-1003', 'reasons');
    const windowId = await h.panel.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const tabs = await c.tabs.query({});
      return tabs.find((t) => t.url?.includes('/assessment/SA-1003/'))?.windowId ?? -1;
    });
    expect(windowId).toBeGreaterThanOrEqual(0);
    const panel = await h.browser.newPage({ type: 'window', windowBounds: { left: 1010, top: 0, width: 420, height: 900 } });
    try {
      await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?window=${windowId}`, { waitUntil: 'load' });
      // The panel shows the case on screen.
      await onScreen.bringToFront();
      await onScreen.reload({ waitUntil: 'load' });
      await panel.waitForSelector('[data-assessment="SA-1003"]', { timeout: E2E_WAIT_MS });
      // The other tab loads again behind it: its read is stored, but the panel stays.
      await older.reload({ waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 1500));
      expect(await panel.$eval('[data-assessment]', (e) => e.getAttribute('data-assessment'))).toBe('SA-1003');
      // The worker switches to that tab: the panel follows and says which case it shows.
      await older.bringToFront();
      await eventually('the panel to follow the tab switched to', async () =>
        (await panel.$eval('[data-assessment]', (e) => e.getAttribute('data-assessment'))) === 'SA-1002');
      expect(await panel.evaluate(() => document.body.innerText)).toContain('SA-1002');
    } finally {
      await panel.close();
      await older.close();
      await onScreen.close();
    }
  });
});
