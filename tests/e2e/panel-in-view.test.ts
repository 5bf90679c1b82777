/**
 * Issue 22, item 5: on a case system page showing every part of the assessment at once
 * (an older WebForms "whole assessment" view), "Things to think about" is the part the
 * worker is in (the focused field's part, or the one most on screen), not all ten parts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { WAIT, fixPanelClock } from './panel-helpers';
import { E2E_WAIT_MS } from '../support/sizing';

const CASE = 'SA-1001';
const demo = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'adapters', 'maps', 'lcs-demo.json'), 'utf8')) as Record<string, unknown> & { sections: Array<{ id: string }> };
/** The demo map for the whole-assessment view: every section on one page, each in its own part. */
const wholeView = {
  ...demo,
  id: 'whole-view',
  version: '1.0.0',
  page: { url: '^/CF/Assessment\\.aspx\\?', assessmentId: { url: '[?&]id=([^&#]+)' } },
  sections: demo.sections.map((s) => ({ id: s.id, url: '[?&]step=all(?:[&#]|$)', scope: `#part-${s.id}` })),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Imports a field map through the options page, as a council's administrator does, and waits until the page reader has it. */
async function importMap(map: Record<string, unknown>): Promise<void> {
  const options = await h.browser.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  const file = join(mkdtempSync(join(tmpdir(), 'map-')), 'map.json');
  writeFileSync(file, JSON.stringify(map));
  const input = await options.waitForSelector('input[type=file]');
  await input!.uploadFile(file);
  await options.waitForFunction(
    async (id: string) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      const m = (await c.storage.local.get('readerFieldMap')).readerFieldMap as { id?: string } | undefined;
      return m?.id === id;
    },
    { timeout: E2E_WAIT_MS, polling: 100 },
    String(map.id),
  );
  await options.close();
}

describe('a page showing every part of the assessment', () => {
  it('Things to think about follows the part in view: focus one part’s field, then scroll to another', async () => {
    await importMap(wholeView);
    const page = await h.browser.newPage();
    await page.setViewport({ width: 1000, height: 900 });
    await page.goto(`${h.serverUrl}/CF/Assessment.aspx?id=${CASE}&step=all`, { waitUntil: 'load' });
    await page.bringToFront();
    const panel = await h.browser.newPage({ type: 'window', windowBounds: { left: 1010, top: 0, width: 420, height: 900 } });
    await h.panel.close().catch(() => undefined);
    h.panel = panel;
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html`, { waitUntil: 'load' });
    await fixPanelClock(panel);
    await panel.waitForSelector(`[data-panel-status="ready"][data-assessment="${CASE}"]`, WAIT);
    const prompts = () => panel.$eval('[data-prompts]', (el) => ({ open: el.getAttribute('data-prompts'), count: el.querySelectorAll('li[data-rule-id]').length }));

    // Before the worker is anywhere on the page, every part it shows is open.
    expect((await prompts()).open?.split(' ')).toHaveLength(10);

    // Focus a field in the child's profile: only its prompts are shown.
    await page.focus('#part-profile input, #part-profile select, #part-profile textarea');
    await panel.waitForSelector('[data-prompts="profile"]', WAIT);
    const profile = await prompts();
    expect(profile.count).toBeGreaterThan(0);

    // Leave the field and scroll the views of the child and family to the top: they are in view now.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.getElementById('part-views')?.scrollIntoView({ block: 'start' });
    });
    await panel.waitForSelector('[data-prompts="views"]', WAIT);
    expect((await prompts()).open).toBe('views');
    await page.close();
  });
});
