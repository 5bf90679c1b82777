/**
 * `npx tsx scripts/screenshots.ts [--no-build]`: the pictures in docs/screenshots/, taken
 * from the built extension in a real browser over the demo case system (the same pieces as
 * the end-to-end tests), with today fixed at 23 Nov 2026 so they do not change from day to day.
 * The demo build is made first unless it is newer than its sources (scripts/lib/demo-build.ts).
 *
 *   worker-view.png   SA-1001 (part way) on 2.3 Assessment plan, the worker view beside it
 *   worker-show-me.png  the same after Show me: the field outlined on the page, the step in the panel
 *   worker-section-47.png  SA-1002, a Section 47 on its first day, on 2.5: the unsafe answer first, above the clocks
 *   manager-view.png  the manager view: SA-1003 ready for sign-off, SA-1001 in progress (not sent to the manager yet)
 *   work-tray.png     the work tray with the Companion's deadline badges (when the tray shows them)
 *   caseload.png      the caseload page after reading the five seed cases
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { startCaseSystem } from '../tests/fixtures/case-system/server';
import { fixPanelClock } from '../tests/e2e/panel-helpers';
import { caseUrl, settle, waitForPanelOn } from './lib/case-page';
import { ensureDemoBuild } from './lib/demo-build';
import { launchBrowser, REPO_ROOT, SetupError } from './lib/launch';
import { SEED_CASES } from '../tests/fixtures/case-system/seed';

const TODAY = '2026-11-23';
const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const SECTIONS = ['household', 'reasons', 'plan', 'child-protection', 'background', 'profile', 'views', 'analysis', 'manager', 'outcomes'];
const PAGE = { width: 1000, height: 860 };
const PANEL = { width: 420, height: 860 };
const MAX_BYTES = 300_000;

const png = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;

/** Puts screenshots side by side in one picture, using the browser itself (no image library). */
async function compose(browser: Browser, parts: ReadonlyArray<{ image: Uint8Array; width: number }>, height: number, file: string): Promise<void> {
  const page = await browser.newPage();
  const width = parts.reduce((w, p) => w + p.width, 0) + 2 * (parts.length - 1);
  await page.setViewport({ width, height });
  const imgs = parts
    .map((p, i) => `<img style="display:block;width:${p.width}px;height:${height}px;object-fit:cover;object-position:top${i > 0 ? ';border-left:2px solid #0b0c0c' : ''}" src="${png(p.image)}">`)
    .join('');
  await page.setContent(`<body style="margin:0;display:flex;background:#fff">${imgs}</body>`, { waitUntil: 'load' });
  await page.screenshot({ path: file as `${string}.png` });
  await page.close();
  const size = statSync(file).size;
  console.log(`  ${file} (${Math.round(size / 1024)} kB)`);
  if (size > MAX_BYTES) console.warn(`  warning: ${file} is over ${MAX_BYTES / 1000} kB`);
}

async function visit(page: Page, panel: Page, base: string, formId: string, sections: readonly string[]): Promise<void> {
  for (const section of sections) {
    await page.goto(caseUrl(base, formId, section), { waitUntil: 'load' });
    await waitForPanelOn(panel, formId, section);
  }
  // 2.5's iframe reports on its own; wait until nothing is waiting to be read from what was visited.
  if (sections.length === SECTIONS.length) {
    await panel.waitForFunction(() => document.querySelector('[data-not-read], li[data-status="unknown"]') === null, { timeout: 20_000, polling: 'mutation' });
  }
}

async function selectView(panel: Page, label: string): Promise<void> {
  await panel.$$eval(
    '[role="tab"]',
    (tabs, want) => tabs.find((t) => t.textContent === want)?.dispatchEvent(new MouseEvent('click', { bubbles: true })),
    label,
  );
  await panel.waitForFunction((want: string) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === want, {}, label);
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) ensureDemoBuild('chrome', { quiet: true });
  mkdirSync(OUT, { recursive: true });
  const server = await startCaseSystem({ port: 0, today: TODAY });
  const launched = await launchBrowser({ headless: true });
  const { browser } = launched;
  try {
    const extensionId = launched.extensionId as string;
    // The case page in a tab; the panel in a window of its own beside it, so both are drawn.
    const page = await browser.newPage();
    await page.setViewport(PAGE);
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const panel = await browser.newPage({ type: 'window', windowBounds: { left: 1010, top: 0, width: PANEL.width, height: 900 } });
    await panel.setViewport(PANEL);
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`, { waitUntil: 'load' });
    await fixPanelClock(panel, `${TODAY}T10:00:00Z`);

    console.log('Taking the screenshots…');
    // Worker: SA-1001 part way, on 2.3 Assessment plan after reading 2.1 and 2.2.
    await visit(page, panel, server.url, 'SA-1001', ['household', 'reasons', 'plan']);
    await panel.waitForSelector('[data-missing-steps] [data-show-me="here"]', { timeout: 20_000 });
    await settle(page);
    await settle(panel);
    await compose(
      browser,
      [
        { image: await page.screenshot(), width: PAGE.width },
        { image: await panel.screenshot(), width: PANEL.width },
      ],
      PAGE.height,
      join(OUT, 'worker-view.png'),
    );

    // Show me: the panel at its missing steps, the date box outlined on the page.
    const item = '[data-missing-steps] li[data-rule-id="derby/assessment-plan-agreed-in-writing"]';
    await panel.$eval('#missing-heading', (h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 8));
    await panel.$eval(`${item} [data-show-me]`, (b) => (b as HTMLButtonElement).click());
    await panel.waitForSelector(`${item} [data-show-me-result]`, { timeout: 20_000 });
    // The page scrolls smoothly to the field: wait until it is outlined and still.
    await page.waitForFunction(
      () => {
        const el = document.querySelector('[name="plan.planAgreedDate"]') as HTMLElement | null;
        const w = window as Window & { lastY?: number };
        const still = w.lastY === window.scrollY;
        w.lastY = window.scrollY;
        return el !== null && el.style.outlineStyle === 'solid' && still && window.scrollY > 0;
      },
      { timeout: 3_000, polling: 100 },
    );
    await compose(
      browser,
      [
        { image: await page.screenshot(), width: PAGE.width },
        { image: await panel.screenshot(), width: PANEL.width },
      ],
      PAGE.height,
      join(OUT, 'worker-show-me.png'),
    );

    // The other seed cases, read in full, so the work tray has a badge for each and the
    // caseload shows their real states (SA-1004 overdue, SA-1006 due today).
    for (const formId of SEED_CASES.filter((id) => !['SA-1001', 'SA-1003'].includes(id))) await visit(page, panel, server.url, formId, SECTIONS);

    // A Section 47 on its first day (SA-1002): the worker view opens on the unsafe answer (no
    // to safe sleep, with a baby), above the clocks, on 2.5 where the safety questions are.
    await visit(page, panel, server.url, 'SA-1002', ['background']);
    await panel.waitForSelector('[data-risks]', { timeout: 20_000 });
    await settle(page);
    await settle(panel);
    await compose(
      browser,
      [
        { image: await page.screenshot(), width: PAGE.width },
        { image: await panel.screenshot(), width: PANEL.width },
      ],
      PAGE.height,
      join(OUT, 'worker-section-47.png'),
    );

    // Manager: SA-1003 (complete) is ready; SA-1001 (part way, not sent yet) shows its progress.
    await selectView(panel, 'Manager view');
    await visit(page, panel, server.url, 'SA-1003', SECTIONS);
    await panel.waitForSelector('[data-readiness="ready"]', { timeout: 20_000 });
    await settle(panel);
    const ready = await panel.screenshot();
    await visit(page, panel, server.url, 'SA-1001', SECTIONS);
    await panel.waitForSelector('[data-readiness="in-progress"]', { timeout: 20_000 });
    await settle(panel);
    const notReady = await panel.screenshot();
    await compose(
      browser,
      [
        { image: ready, width: PANEL.width },
        { image: notReady, width: PANEL.width },
      ],
      PANEL.height,
      join(OUT, 'manager-view.png'),
    );

    // Work tray: badges beside the assessments the Companion has read, if this build draws them.
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const badges = await page
      .waitForSelector('[data-assessment-companion-badge]', { timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (badges) {
      await settle(page);
      const tray = await page.$('main');
      const box = await tray?.boundingBox();
      const height = Math.min(PAGE.height, Math.ceil((box?.y ?? 0) + (box?.height ?? PAGE.height) + 16));
      await compose(browser, [{ image: await page.screenshot({ clip: { x: 0, y: 0, width: PAGE.width, height } }), width: PAGE.width }], height, join(OUT, 'work-tray.png'));
    } else {
      console.log('  work-tray.png skipped: this build shows no badges on the work tray.');
    }

    // Caseload: every seed case read, most urgent first.
    const caseload = await browser.newPage();
    await caseload.setViewport({ width: 1200, height: 700 });
    await caseload.goto(`chrome-extension://${extensionId}/caseload.html`, { waitUntil: 'load' });
    await fixPanelClock(caseload, `${TODAY}T10:00:00Z`);
    await caseload.waitForFunction(() => document.querySelectorAll('[data-caseload-row]').length >= 5, { timeout: 20_000 });
    await settle(caseload);
    const main = await caseload.$('main');
    const mainBox = await main?.boundingBox();
    const caseloadHeight = Math.ceil((mainBox?.y ?? 0) + (mainBox?.height ?? 700) + 8);
    await caseload.setViewport({ width: 1200, height: caseloadHeight });
    await settle(caseload);
    await compose(browser, [{ image: await caseload.screenshot(), width: 1200 }], caseloadHeight, join(OUT, 'caseload.png'));
  } finally {
    await launched.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof SetupError) console.error(error.message);
  else console.error(`Screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
