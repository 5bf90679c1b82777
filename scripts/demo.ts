/**
 * `npm run demo`: builds the extension (or reuses the demo build when nothing that goes
 * into it has changed since), starts the demo case system and opens a browser with the
 * extension loaded at the work tray.
 * `npm run demo -- --headless`: opens a seed case and the panel, prints what the
 * panel shows, saves a screenshot of the case page with the panel beside it, exits.
 * `--browser=firefox`: the same in Firefox with the Firefox build (the sidebar's page).
 * `npm run demo -- --headless --caseload`: reads every seed case, then prints the
 * caseload page as text and saves a screenshot of it.
 * Each case page is brought to the front before it loads, as a worker would: the panel
 * follows only the front tab of its window. tests/e2e/demo-process.test.ts runs each of these.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TimeoutError, type Browser, type Page } from 'puppeteer';
import { SEED_CASES } from '../tests/fixtures/case-system/seed';
import { startCaseSystem } from '../tests/fixtures/case-system/server';
import { E2E_WAIT_MS } from '../tests/support/sizing';
import { CASE_VIEWPORT, settle, showCase, waitForPanelOn } from './lib/case-page';
import { ensureDemoBuild } from './lib/demo-build';
import { launchBrowser, locateBrowser, openExtensionPage, openPanelPage, REPO_ROOT, SetupError, type BrowserKind } from './lib/launch';

const args = process.argv.slice(2);
const headless = args.includes('--headless');
const caseArg = args.find((a) => a.startsWith('--case='))?.slice('--case='.length) ?? 'SA-1002';
const sectionArg = args.find((a) => a.startsWith('--section='))?.slice('--section='.length) ?? 'plan';
const SECTIONS = ['household', 'reasons', 'plan', 'child-protection', 'background', 'profile', 'views', 'analysis', 'manager', 'outcomes'];
const viewArg = args.includes('--manager') ? 'manager' : 'worker';
const browserArg = args.find((a) => a.startsWith('--browser='))?.slice('--browser='.length) ?? 'chrome';
const caseloadArg = args.includes('--caseload');

const NO_DISPLAY =
  'There is no display here to open a browser on: `npm run demo -- --headless` shows the same thing, printing the panel and saving a screenshot.';

/** Can a browser window open here? On Linux only with an X or Wayland display. */
function hasDisplay(env = process.env): boolean {
  return process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function browserKind(): BrowserKind {
  if (browserArg === 'chrome' || browserArg === 'firefox') return browserArg;
  throw new SetupError(`--browser=${browserArg} is not known: use --browser=chrome (Chrome, Edge or Chromium) or --browser=firefox.`);
}

/**
 * Brings the case page to the front at a part of an assessment, as a worker would, and waits
 * for the panel to follow it. A panel that never does is reported, not fatal, in a demo.
 */
async function visit(casePage: Page, panel: Page, base: string, formId: string, section: string): Promise<void> {
  await showCase(casePage, base, formId, section);
  try {
    await waitForPanelOn(panel, formId, section);
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    console.warn(`(The panel took a long time to read ${formId}, ${section}; carrying on.)`);
  }
}

/** Puts two screenshots side by side in one picture, using the browser itself (no image library needed). */
async function sideBySide(browser: Browser, left: Uint8Array, right: Uint8Array, file: string): Promise<void> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1420, height: 900 });
  const img = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;display:flex;gap:0;background:#b1b4b6"><img style="width:1000px;height:900px;object-fit:cover;object-position:top" src="${img(left)}"><img style="width:420px;height:900px;object-fit:cover;object-position:top;border-left:2px solid #0b0c0c" src="${img(right)}"></body>`,
    { waitUntil: 'load' },
  );
  await page.screenshot({ path: file as `${string}.png` });
  await page.close();
}

/** Visits each part of an assessment in turn, as a worker would, so the panel has read them all. */
async function readEveryPart(casePage: Page, panel: Page, base: string, formId: string): Promise<void> {
  for (const section of SECTIONS) await visit(casePage, panel, base, formId, section);
}

/** Reads every part of every seed case, as a worker would, then prints and pictures the caseload page. */
async function showCaseload(browser: Browser, extensionOrigin: string, casePage: Page, panel: Page, base: string): Promise<void> {
  for (const formId of SEED_CASES) await readEveryPart(casePage, panel, base, formId);
  const caseload = await openExtensionPage(browser, `${extensionOrigin}caseload.html`, { width: 1280, height: 800 });
  await caseload.waitForFunction((n: number) => document.querySelectorAll('[data-caseload-row]').length >= n, { timeout: E2E_WAIT_MS, polling: 100 }, SEED_CASES.length);
  // As text: the table's rows one to a line, without the words only a screen reader needs.
  const text = await caseload.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('.visually-hidden')) el.style.display = 'none';
    for (const cell of document.querySelectorAll<HTMLElement>('td, th')) cell.style.whiteSpace = 'nowrap';
    for (const cell of document.querySelectorAll<HTMLElement>('td span, td strong')) cell.style.display = 'inline';
    const out = document.body.innerText;
    for (const el of document.querySelectorAll<HTMLElement>('.visually-hidden, td, th, td span, td strong')) el.style.removeProperty('display');
    for (const cell of document.querySelectorAll<HTMLElement>('td, th')) cell.style.removeProperty('white-space');
    return out;
  });
  console.log('\n=== Assessment Companion caseload ===\n');
  console.log(text.trim());
  const outDir = join(REPO_ROOT, '.tmp');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'demo-caseload.png');
  await caseload.screenshot({ path: file as `${string}.png`, fullPage: true });
  writeFileSync(join(outDir, 'demo-caseload.txt'), text);
  console.log(`\nScreenshot saved: ${file}`);
}

async function main(): Promise<void> {
  // Say what is wrong before anything slow: an unknown --browser, a wrong CHROME_PATH, no display.
  const kind = browserKind();
  locateBrowser(kind);
  if (!headless && !hasDisplay()) throw new SetupError(NO_DISPLAY);
  ensureDemoBuild(kind, { quiet: headless });
  const server = await startCaseSystem({ port: headless ? 0 : 4173 });
  const launched = await launchBrowser({ headless, browser: kind }).catch(async (error: unknown) => {
    await server.close();
    // A display that is set but cannot be reached ends the same way.
    if (error instanceof Error && /Missing X server|cannot open display|no DISPLAY/i.test(error.message)) throw new SetupError(NO_DISPLAY);
    throw error;
  });
  const { browser } = launched;
  const extensionOrigin = launched.extensionOrigin as string;
  const shutdown = async () => {
    await launched.close();
    await server.close();
  };

  if (!headless) {
    const tray = (await browser.pages())[0] ?? (await browser.newPage());
    await tray.goto(`${server.url}/`);
    console.log(`Demo case system: ${server.url}/`);
    console.log(
      kind === 'firefox'
        ? 'Firefox is open at the work tray. Open an assessment, then open the Assessment Companion sidebar (View › Sidebar, or its toolbar button).'
        : 'The browser is open at the work tray. Open an assessment, then use the Assessment Companion button in the toolbar to open the side panel.',
    );
    console.log('Close the browser window (or press Ctrl+C) to stop the demo.');
    process.on('SIGINT', () => void shutdown().then(() => process.exit(0)));
    browser.on('disconnected', () => void server.close().then(() => process.exit(0)));
    return;
  }

  try {
    // The case page in the first window, brought to the front for each part as a worker would;
    // the panel in a window of its own beside it, as the real side panel sits. Each is the front
    // tab of its window for the whole run: both drawn, neither put aside by the browser.
    const casePage = await browser.newPage();
    await casePage.setViewport(CASE_VIEWPORT);
    const panel = await openPanelPage(browser, extensionOrigin, viewArg === 'manager' ? '?view=manager' : '', { ownWindow: true });
    if (caseloadArg) {
      await showCaseload(browser, extensionOrigin, casePage, panel, server.url);
      return;
    }
    await readEveryPart(casePage, panel, server.url, caseArg);
    await visit(casePage, panel, server.url, caseArg, sectionArg);
    await settle(casePage);
    await settle(panel);
    const left = await casePage.screenshot();
    const right = await panel.screenshot({ fullPage: false });
    const text = await panel.evaluate(() => document.body.innerText);
    console.log(`\n=== Assessment Companion ${kind === 'firefox' ? 'sidebar (Firefox)' : 'panel'}: ${caseArg}, section ${sectionArg} ===\n`);
    console.log(text.trim());
    const outDir = join(REPO_ROOT, '.tmp');
    mkdirSync(outDir, { recursive: true });
    const name = `demo-${caseArg}-${viewArg}${kind === 'firefox' ? '-firefox' : ''}`;
    const file = join(outDir, `${name}.png`);
    await sideBySide(browser, left, right, file);
    writeFileSync(join(outDir, `${name}.txt`), text);
    console.log(`\nScreenshot saved: ${file}`);
  } finally {
    await shutdown();
  }
}

main().catch((error: unknown) => {
  if (error instanceof SetupError) console.error(error.message);
  else console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
