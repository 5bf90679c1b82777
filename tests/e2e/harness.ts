/**
 * End-to-end harness: the built extension in a real browser over the demo case
 * system. Returns the extension id, the demo server URL and the panel page.
 */
import type { Browser, Page } from 'puppeteer';
import { openCase } from '../../scripts/lib/case-page';
import { launchBrowser, openPanelPage, type BrowserKind, type LaunchOptions } from '../../scripts/lib/launch';
import { startCaseSystem } from '../fixtures/case-system/server';
import { E2E_WAIT_MS } from '../support/sizing';

export const TEST_TODAY = '2026-11-23';

export interface Harness {
  browser: Browser;
  extensionId: string;
  /** Where the extension's pages are: `chrome-extension://<id>/` or, in Firefox, `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  serverUrl: string;
  /** The side panel page, opened as a tab. */
  panel: Page;
  /** Opens a section of a seed assessment in a new tab at the front (scripts/lib/case-page.ts). */
  openCase(formId: string, section: string): Promise<Page>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  today?: string;
  headless?: boolean;
  extensionDir?: string;
  /** Chrome, Edge or Chromium (the default) with the Chrome build, or Firefox with the Firefox build. */
  browser?: BrowserKind;
  firefoxPrefs?: LaunchOptions['firefoxPrefs'];
  /** A demo case system already running (another browser profile shares it): not started, and not closed with this harness. */
  serverUrl?: string;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const server = options.serverUrl ? { url: options.serverUrl, close: async () => undefined } : await startCaseSystem({ port: 0, today: options.today ?? TEST_TODAY });
  const launched = await launchBrowser({
    headless: options.headless ?? true,
    ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}),
    ...(options.browser ? { browser: options.browser } : {}),
    ...(options.firefoxPrefs ? { firefoxPrefs: options.firefoxPrefs } : {}),
  });
  const extensionId = launched.extensionId;
  const extensionOrigin = launched.extensionOrigin;
  if (!extensionId || !extensionOrigin) throw new Error('extension did not load');
  const panel = await openPanelPage(launched.browser, extensionOrigin);
  return {
    browser: launched.browser,
    extensionId,
    extensionOrigin,
    serverUrl: server.url,
    panel,
    openCase: (formId, section) => openCase(launched.browser, server.url, formId, section),
    async close() {
      await launched.close();
      await server.close();
    },
  };
}

/** Waits until the panel's text contains (or no longer contains) a string. */
export async function waitForPanelText(panel: Page, text: string, present = true, timeout = E2E_WAIT_MS): Promise<void> {
  await panel.waitForFunction(
    (t: string, p: boolean) => document.body.innerText.includes(t) === p,
    { timeout, polling: 50 },
    text,
    present,
  );
}

/** Waits until the panel's "Steps still missing" has (or no longer has) an item for this rule. */
export async function waitForMissing(panel: Page, ruleId: string, present: boolean, timeout = E2E_WAIT_MS): Promise<void> {
  await panel.waitForFunction(
    (r: string, p: boolean) => (document.querySelector(`[data-missing-steps] li[data-rule-id="${r}"]`) !== null) === p,
    { timeout, polling: 'mutation' },
    ruleId,
    present,
  );
}
