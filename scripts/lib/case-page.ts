/**
 * Case pages and the panel beside them, for the demo, the screenshots and the end-to-end
 * tests: one place that opens a part of an assessment as a worker would, and waits for the
 * panel to follow it.
 *
 * The panel follows only the tab at the front of its window (a page loading behind it is
 * never followed), so a case page is brought to the front before it loads, as a worker
 * clicks on its tab and then on a link.
 */
import type { Browser, Page } from 'puppeteer';
import { E2E_WAIT_MS } from '../../tests/support/sizing';

/** The case page's size in the demo, the tests and the screenshots. */
export const CASE_VIEWPORT = { width: 1000, height: 900 } as const;

/** The address of a part of an assessment on the demo case system. */
export function caseUrl(serverUrl: string, formId: string, section: string): string {
  return `${serverUrl}/assessment/${formId}/${section}`;
}

/** Brings the case page's tab to the front, then moves it to a part of an assessment. */
export async function showCase(page: Page, serverUrl: string, formId: string, section: string): Promise<void> {
  await page.bringToFront();
  await page.goto(caseUrl(serverUrl, formId, section), { waitUntil: 'load' });
}

/** Opens a part of an assessment in a new tab at the front. */
export async function openCase(browser: Browser, serverUrl: string, formId: string, section: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(CASE_VIEWPORT);
  await showCase(page, serverUrl, formId, section);
  return page;
}

/**
 * Waits until the panel follows this assessment and section and has read it. The wait is on
 * a condition, so a long timeout costs nothing when the machine is quiet.
 */
export async function waitForPanelOn(panel: Page, formId: string, section: string, timeout: number = E2E_WAIT_MS): Promise<void> {
  await panel.waitForSelector(`[data-panel-status="ready"][data-assessment="${formId}"][data-section="${section}"]`, { timeout });
}

/**
 * Lets a page settle (fonts, layout) and scrolls it to the top before a picture. The page
 * must be at the front: a tab behind another draws no frames.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}
