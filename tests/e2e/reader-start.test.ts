/**
 * When the page reader starts (Chrome and Edge). It is not declared in the manifest, so
 * the browser never holds a case page's load event for it: the background puts it into
 * the page once the page has loaded, and into any frame that loads later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { backgroundFrame, tick, waitForItem, waitForPanelOn } from './panel-helpers';
import { serviceWorkerTarget, stopServiceWorker } from '../fixtures/hostile/probe';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the page reader starts after the page has loaded', () => {
  it('starts once the load event is over, and reads the page', async () => {
    const page = await h.browser.newPage();
    const cdp = await page.createCDPSession();
    // When each of the extension's isolated worlds (one per frame it reads) comes into being.
    const started: number[] = [];
    cdp.on('Runtime.executionContextCreated', (event) => {
      const aux = event.context.auxData as { type?: string } | undefined;
      if (aux?.type === 'isolated' && event.context.origin === `chrome-extension://${h.extensionId}`) started.push(Date.now());
    });
    await cdp.send('Runtime.enable');
    await page.goto(`${h.serverUrl}/assessment/SA-1002/household`, { waitUntil: 'load' });
    await page.bringToFront();
    await waitForPanelOn(h.panel, 'SA-1002', 'household');
    const loadEnded = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return performance.timeOrigin + nav.loadEventEnd;
    });
    expect(started.length).toBeGreaterThan(0);
    // Wall clocks of the same machine; the reader's world is made after the load event ended.
    expect(Math.min(...started)).toBeGreaterThanOrEqual(Math.floor(loadEnded));
    await page.close();
  });

  it('reads a frame that loads again after the page (a section reopened in its frame)', async () => {
    const page = await h.openCase('SA-1001', 'background');
    await waitForPanelOn(h.panel, 'SA-1001', 'background');
    await waitForItem(h.panel, '[data-missing-steps]', 'derby/genogram', true);
    // The frame loads again on its own: the page around it stays, so no page load tells the background.
    const frame = await backgroundFrame(page);
    await frame.goto(frame.url(), { waitUntil: 'load' });
    const reloaded = await backgroundFrame(page);
    // A change in the new frame document is read: it has a reader of its own.
    await tick(reloaded, 'background.genogram');
    await waitForItem(h.panel, '[data-missing-steps]', 'derby/genogram', false);
    await page.close();
  });

  it('reads a page loaded while the service worker was stopped (the page load starts it)', async () => {
    const page = await h.openCase('SA-1003', 'reasons');
    await waitForPanelOn(h.panel, 'SA-1003', 'reasons');
    // The browser stops an idle service worker after about 30 seconds: a worker back from a break.
    await stopServiceWorker(h.browser, h.extensionId, h.panel);
    expect(serviceWorkerTarget(h.browser, h.extensionId)).toBeUndefined();
    await page.goto(`${h.serverUrl}/assessment/SA-1003/household`, { waitUntil: 'load' });
    await waitForPanelOn(h.panel, 'SA-1003', 'household');
    expect(serviceWorkerTarget(h.browser, h.extensionId)).toBeDefined();
    await page.close();
  });
});
