/**
 * Starts a real browser with the built extension loaded, for the demo, end-to-end tests and
 * benchmarks: Chrome, Edge or Chromium with the demo build `.output/chrome-mv3-demo`
 * (`npm run build:demo`), or Firefox with `.output/firefox-mv2-demo` (`npm run build:demo:firefox`).
 * Only the demo builds may read the demo case system on 127.0.0.1 and localhost.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { browserArgs, findBrowser, findFirefox } from './find-browser.mjs';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const OUTPUT_DIR = process.env.AC_OUT_DIR ? resolve(REPO_ROOT, process.env.AC_OUT_DIR) : join(REPO_ROOT, '.output');
export const EXTENSION_DIR = join(OUTPUT_DIR, 'chrome-mv3-demo');
export const FIREFOX_EXTENSION_DIR = join(OUTPUT_DIR, 'firefox-mv2-demo');
/** The production builds (`npm run build`, `npm run build:firefox`): what a council installs. */
export const PRODUCTION_EXTENSION_DIR = join(OUTPUT_DIR, 'chrome-mv3');
export const PRODUCTION_FIREFOX_EXTENSION_DIR = join(OUTPUT_DIR, 'firefox-mv2');
/** The build commands for the demo builds, as `npm run` script names. */
export const DEMO_BUILD_SCRIPT: Record<BrowserKind, string> = { chrome: 'build:demo', firefox: 'build:demo:firefox' };
/** The add-on id the Firefox build declares (wxt.config.ts). */
const FIREFOX_ADDON_ID = 'assessment-companion@councils.example';

export type BrowserKind = 'chrome' | 'firefox';

export class SetupError extends Error {}

export interface LaunchOptions {
  /** Chrome, Edge or Chromium (the default), or Firefox. */
  browser?: BrowserKind;
  headless?: boolean;
  /** Load the extension (false: the same browser without it, for comparisons). */
  withExtension?: boolean;
  extensionDir?: string;
  windowSize?: { width: number; height: number };
  /** Firefox only: preferences for the test profile (e.g. a proxy that records every request). */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

export interface Launched {
  kind: BrowserKind;
  browser: Browser;
  /** Chrome: the extension id. Firefox: the add-on's internal UUID, the host of its moz-extension:// pages. */
  extensionId: string | undefined;
  /** Where the extension's pages are: `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string | undefined;
  executablePath: string;
  close(): Promise<void>;
}

/** Finds the browser of that kind, or says in one line what to install. */
export function locateBrowser(kind: BrowserKind = 'chrome'): string {
  const found = kind === 'firefox' ? findFirefox() : findBrowser();
  if (!found.ok) throw new SetupError(found.message);
  return found.path;
}

function buildCommand(kind: BrowserKind): string {
  return `npm run ${DEMO_BUILD_SCRIPT[kind]}`;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Launched> {
  const kind = options.browser ?? 'chrome';
  const executablePath = locateBrowser(kind);
  const withExtension = options.withExtension ?? true;
  const extensionDir = options.extensionDir ?? (kind === 'firefox' ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR);
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new SetupError(`The extension is not built (no ${join(extensionDir, 'manifest.json')}). Run: ${buildCommand(kind)}`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'assessment-companion-profile-'));
  const size = options.windowSize ?? { width: 1400, height: 900 };
  const cleanUp = () => rmSync(userDataDir, { recursive: true, force: true });
  const start: Start = { executablePath, userDataDir, size, withExtension, extensionDir, headless: options.headless ?? true, firefoxPrefs: options.firefoxPrefs ?? {} };
  const started = kind === 'firefox' ? await startFirefox(start) : await startChrome(start);
  return {
    kind,
    ...started,
    extensionOrigin: started.extensionId ? `${kind === 'firefox' ? 'moz' : 'chrome'}-extension://${started.extensionId}/` : undefined,
    executablePath,
    async close() {
      await started.browser.close().catch(() => undefined);
      cleanUp();
    },
  };
}

interface Start {
  executablePath: string;
  userDataDir: string;
  size: { width: number; height: number };
  withExtension: boolean;
  extensionDir: string;
  headless: boolean;
  firefoxPrefs: Record<string, string | number | boolean>;
}
type Started = { browser: Browser; extensionId: string | undefined };

async function startChrome({ executablePath, userDataDir, size, withExtension, extensionDir, headless }: Start): Promise<Started> {
  const browser = await puppeteer.launch({
    executablePath,
    headless,
    pipe: true,
    userDataDir,
    defaultViewport: null,
    ...(withExtension ? { enableExtensions: [extensionDir] } : {}),
    args: [...browserArgs(), `--window-size=${size.width},${size.height}`],
  });
  if (!withExtension) return { browser, extensionId: undefined };
  const worker = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://') && t.url().endsWith('/background.js'),
    { timeout: 60_000 },
  );
  return { browser, extensionId: new URL(worker.url()).host };
}

/**
 * Firefox through WebDriver BiDi. The add-on is installed as a temporary add-on
 * (`webExtension.install`), with its internal UUID fixed beforehand in the profile so its
 * pages' address is known. Opening a moz-extension:// page from a test needs
 * `--remote-allow-system-access`: without it WebDriver refuses to navigate there.
 */
async function startFirefox({ executablePath, userDataDir, size, withExtension, extensionDir, headless, firefoxPrefs }: Start): Promise<Started> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    userDataDir,
    defaultViewport: null,
    // A busy machine can take well over puppeteer's 30 s to start Firefox.
    timeout: 120_000,
    protocolTimeout: 180_000,
    args: ['--remote-allow-system-access', `--width=${size.width}`, `--height=${size.height}`],
    // Release builds honour the Remote Settings override below only with this set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: uuid }),
      // Firefox's own Remote Settings polling (firefox.settings.services.mozilla.com): off, so
      // the browser's own traffic stays out of the demo and the no-network test.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      ...firefoxPrefs,
    },
  });
  if (!withExtension) return { browser, extensionId: undefined };
  try {
    await browser.installExtension(resolve(extensionDir));
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
  return { browser, extensionId: uuid };
}

/** The panel's page: as wide as the real side panel, and tall enough to show a whole section. */
const PANEL_VIEWPORT = { width: 420, height: 1100 };

export interface PanelPageOptions {
  /**
   * In a window of its own beside the case page (as the real side panel sits beside it)
   * rather than a tab behind it: the case page and the panel are then each the front tab
   * of their window, so both are drawn and neither is put aside by the browser.
   */
  ownWindow?: boolean;
  /** The panel's width (420 px, as the real side panel, unless set). */
  width?: number;
}

/**
 * Opens the side panel's page (sidebar in Firefox) as a tab, or in a window of its own:
 * what the real panel shows. `extensionOrigin` is Launched.extensionOrigin, or a Chrome
 * extension id.
 */
export async function openPanelPage(browser: Browser, extensionOrigin: string, query = '', options: PanelPageOptions = {}): Promise<Page> {
  const origin = extensionOrigin.includes('://') ? extensionOrigin : `chrome-extension://${extensionOrigin}/`;
  const width = options.width ?? PANEL_VIEWPORT.width;
  // The window starts just right of a 1000 px case page.
  const window = options.ownWindow ? { left: 1010, top: 0, width, height: 900 } : undefined;
  return openExtensionPage(browser, `${origin}sidepanel.html${query}`, { width, height: PANEL_VIEWPORT.height }, window);
}

/** Opens one of the extension's pages in a new tab (or a new window at `window`), in Chrome or Firefox. */
export async function openExtensionPage(
  browser: Browser,
  url: string,
  viewport?: { width: number; height: number },
  window?: { left: number; top: number; width: number; height: number },
): Promise<Page> {
  const page = window ? await browser.newPage({ type: 'window', windowBounds: window }) : await browser.newPage();
  if (viewport) await page.setViewport(viewport);
  if (url.startsWith('moz-extension://')) {
    // Firefox never tells WebDriver that an extension page has loaded, so wait for the page itself.
    void page.goto(url).catch(() => undefined);
    await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', { timeout: 60_000, polling: 100 }, url);
  } else {
    await page.goto(url);
  }
  return page;
}
