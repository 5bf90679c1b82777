/**
 * A household of 10,000 people: its first read takes many slices, and meanwhile the panel
 * says how far it has got, in plain words; then it shows the page's findings. Waits are on
 * what the panel shows, never on time.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, launchBrowser, type Launched } from '../../scripts/lib/launch';
import { startBenchPages, type BenchPages } from '../fixtures/bench/server';
import { TEST_TODAY } from './harness';
import { WAIT } from './panel-helpers';

let launched: Launched;
let pages: BenchPages;

beforeAll(async () => {
  [launched, pages] = await Promise.all([launchBrowser({ headless: true }), startBenchPages({ today: TEST_TODAY })]);
});
afterAll(async () => {
  await launched?.close();
  await pages?.close();
});

describe('the first read of a very large page', () => {
  it('shows how many people have been read so far, then the findings', async () => {
    const page = await launched.browser.newPage();
    // The panel in a window of its own beside the case page, as the side panel sits (both visible).
    const panel: Page = await launched.browser.newPage({ type: 'window', windowBounds: { left: 1010, top: 0, width: 420, height: 900 } });
    await panel.goto(`${launched.extensionOrigin}sidepanel.html`, { waitUntil: 'load' });
    await page.bringToFront();
    // Not waiting for the load event: the page builds its 10,000 rows before it, and the reader starts after it.
    void page.goto(`${pages.url}/assessment/SA-BENCH-10000/household`, { waitUntil: 'load', timeout: 0 }).catch(() => undefined);
    const progress = await panel.waitForSelector('[data-panel-status="reading"] [data-reading-progress]', WAIT);
    const text = await progress!.evaluate((el) => el.textContent ?? '');
    expect(text).toMatch(/^Reading this page: ([\d,]+ of 10,000 people so far|all 10,000 people)/);
    // For a person to look at (.tmp is not kept in git).
    mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
    await panel.screenshot({ path: join(REPO_ROOT, '.tmp', 'reading-progress.png') });
    await panel.waitForSelector('[data-panel-status="ready"][data-assessment="SA-BENCH-10000"]', WAIT);
    expect(await panel.$('[data-reading-progress]')).toBeNull();
    await page.close();
    await panel.close();
  });
});
