/**
 * End-to-end harness: the built extension in a real browser over the demo case
 * system. Returns the extension id, the demo server URL and the panel page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * Imports a field map through the options page, as a council's administrator does, and waits
 * until the page reader has it (the same id, and the same version when the map gives one).
 */
export async function importMapInOptions(h: Pick<Harness, 'browser' | 'extensionId'>, map: Record<string, unknown>): Promise<void> {
  const options = await h.browser.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  const file = join(mkdtempSync(join(tmpdir(), 'map-')), 'map.json');
  writeFileSync(file, JSON.stringify(map));
  const input = await options.waitForSelector('input[type=file]');
  await input!.uploadFile(file);
  await options.waitForFunction(
    async (id: string, version: string | null) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      const m = (await c.storage.local.get('readerFieldMap')).readerFieldMap as { id?: string; version?: string } | undefined;
      return m?.id === id && (version === null || m.version === version);
    },
    { timeout: E2E_WAIT_MS, polling: 100 },
    String(map.id),
    typeof map.version === 'string' ? map.version : null,
  );
  await options.close();
}
