/** Starts a real Chrome, Edge or Chromium with the built extension loaded: for the demo, end-to-end tests and benchmarks. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { browserArgs, findBrowser } from './find-browser.mjs';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = join(process.env.AC_OUT_DIR ? resolve(REPO_ROOT, process.env.AC_OUT_DIR) : join(REPO_ROOT, '.output'), 'chrome-mv3');

export class SetupError extends Error {}

export interface LaunchOptions {
  headless?: boolean;
  /** Load the extension (false: the same browser without it, for comparisons). */
  withExtension?: boolean;
  extensionDir?: string;
  windowSize?: { width: number; height: number };
}

export interface Launched {
  browser: Browser;
  extensionId: string | undefined;
  executablePath: string;
  close(): Promise<void>;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Launched> {
  const found = findBrowser();
  if (!found.ok) throw new SetupError(found.message);
  const withExtension = options.withExtension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new SetupError(`The extension is not built (no ${join(extensionDir, 'manifest.json')}). Run: npm run build`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'assessment-companion-profile-'));
  const size = options.windowSize ?? { width: 1400, height: 900 };
  const browser = await puppeteer.launch({
    executablePath: found.path,
    headless: options.headless ?? true,
    pipe: true,
    userDataDir,
    defaultViewport: null,
    ...(withExtension ? { enableExtensions: [extensionDir] } : {}),
    args: [...browserArgs(), `--window-size=${size.width},${size.height}`],
  });
  let extensionId: string | undefined;
  if (withExtension) {
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://') && t.url().endsWith('/background.js'),
      { timeout: 30_000 },
    );
    extensionId = new URL(worker.url()).host;
  }
  return {
    browser,
    extensionId,
    executablePath: found.path,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the side panel's page as a tab (what the real side panel shows). */
export async function openPanelPage(browser: Browser, extensionId: string, query = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 420, height: 1100 });
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html${query}`);
  return page;
}
