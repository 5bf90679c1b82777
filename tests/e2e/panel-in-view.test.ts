/**
 * Issue 22, item 5: on a case system page showing every part of the assessment at once
 * (an older WebForms "whole assessment" view), "Things to think about" is the part the
 * worker is in (the focused field's part, or the one most on screen), not all ten parts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMapInOptions, startHarness, type Harness } from './harness';
import { WAIT, fixPanelClock } from './panel-helpers';

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

const importMap = (map: Record<string, unknown>) => importMapInOptions(h, map);

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
