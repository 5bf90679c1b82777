// The extension runs only on the case system's configured origins. The same demo case
// system served on an origin that is not configured (127.0.0.3: all of 127.0.0.0/8 is
// loopback on Linux, but it is not 127.0.0.1) gets no content script, so nothing is
// read or stored from it. And the production build (`npm run build`) has no access to the
// demo case system at all: not even its address reaches the extension.

import type { CDPSession, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY, startHarness, type Harness } from './harness';
import { PRODUCTION_EXTENSION_DIR } from '../../scripts/lib/launch';
import { startTrustHarness } from '../fixtures/hostile/harness';
import { startCaseSystem, type CaseSystem } from '../fixtures/case-system/server';
import { isServiceWorkerOf, readRecords } from '../fixtures/hostile/probe';
import { E2E_WAIT_MS } from '../support/sizing';

const EXTENSION_NAME = 'Assessment Companion';

let h: Harness;
let elsewhere: CaseSystem;

beforeAll(async () => {
  [h, elsewhere] = await Promise.all([startTrustHarness(), startCaseSystem({ host: '127.0.0.3', port: 0, today: TEST_TODAY })]);
});
afterAll(async () => {
  await h?.close();
  await elsewhere?.close();
});

interface Watched {
  page: Page;
  session: CDPSession;
  /** Names of the isolated worlds created in the page (a content script's is named after its extension). */
  worlds: string[];
}

/** Opens a page with the DevTools protocol listening for every script world created in it. */
async function openWatched(url: string): Promise<Watched> {
  const page = await h.browser.newPage();
  const session = await page.createCDPSession();
  const worlds: string[] = [];
  session.on('Runtime.executionContextCreated', (e: { context: { name: string; auxData?: { type?: string } } }) => {
    if (e.context.auxData?.type === 'isolated') worlds.push(e.context.name);
  });
  await session.send('Runtime.enable');
  await page.goto(url, { waitUntil: 'load' });
  return { page, session, worlds };
}

describe('an origin that is not configured', () => {
  it('gets no content script, and nothing is read or stored from it', async () => {
    expect(elsewhere.url).toMatch(/^http:\/\/127\.0\.0\.3:\d+$/);
    const other = await openWatched(`${elsewhere.url}/assessment/SA-1002/household`);
    await other.page.bringToFront();
    // Change a field there, as a worker would.
    await other.page.select('#f-household-interpreterUsed', 'Y');

    // The control: the same page on the configured origin, opened afterwards, is read.
    const demo = await openWatched(`${h.serverUrl}/assessment/SA-1001/household`);
    await demo.page.bringToFront();
    await h.panel.waitForSelector('[data-panel-status="ready"][data-assessment="SA-1001"]', { timeout: E2E_WAIT_MS });
    expect(demo.worlds).toContain(EXTENSION_NAME);

    // The page on 127.0.0.3 has had at least as long, and has no content script world.
    expect(other.worlds).not.toContain(EXTENSION_NAME);
    const keys = (await readRecords(h.panel)).map((r) => r.key);
    expect(keys).toContain('lcs-demo:SA-1001');
    expect(keys).not.toContain('lcs-demo:SA-1002');
    expect(await other.page.$('#assessment-companion-reconnect-note')).toBeNull();

    await Promise.all([other.page.close(), demo.page.close()]);
  });
});

// The extension API, as the service worker sees it (evaluated there, not here).
declare const chrome: {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  scripting: { executeScript(o: { target: { tabId: number }; func: () => string }): Promise<unknown> };
};

describe('the production build on the demo case system (127.0.0.1)', () => {
  it('has no host access: the address is hidden from it, no reader can run there, nothing is stored', async () => {
    const prod = await startHarness({ extensionDir: PRODUCTION_EXTENSION_DIR });
    try {
      const page = await prod.openCase('SA-1001', 'household');
      await page.select('#f-household-interpreterUsed', 'Y');
      const worker = await (await prod.browser.waitForTarget(isServiceWorkerOf(prod.extensionId), { timeout: E2E_WAIT_MS })).worker();
      const seen = await worker!.evaluate(async () => {
        const granted = (await chrome.permissions.getAll()).origins ?? [];
        const tabs = await chrome.tabs.query({});
        const attempts = await Promise.all(
          tabs.map((t) =>
            chrome.scripting.executeScript({ target: { tabId: t.id ?? -1 }, func: () => location.href }).then(
              () => 'ran',
              () => 'refused',
            ),
          ),
        );
        return { granted, urls: tabs.map((t) => t.url ?? null), attempts };
      });
      expect(seen.granted).toEqual([]);
      // Without host access the browser does not tell the extension any tab's address...
      expect(seen.urls.filter((u) => u !== null && /127\.0\.0\.1|localhost/.test(u))).toEqual([]);
      // ...and refuses to run anything in the case system's page.
      expect(seen.attempts.length).toBeGreaterThan(0);
      expect(seen.attempts.every((a) => a === 'refused')).toBe(true);
      expect(await readRecords(prod.panel)).toEqual([]);
      // The options page says no address is set.
      const options = await prod.browser.newPage();
      await options.goto(`${prod.extensionOrigin}options.html`);
      await options.waitForFunction(() => document.body.innerText.includes('No addresses yet'), { timeout: E2E_WAIT_MS, polling: 100 });
    } finally {
      await prod.close();
    }
  });
});
