/**
 * The foundation journey: the built extension in a real browser over the demo case system.
 * Open seed case SA-1001, tick a box and choose an answer, and see the panel change.
 * Every wait is on a condition the panel shows (its data-* hooks), never a fixed sleep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitForMissing as waitForPanelMissing, waitForPanelText, type Harness } from './harness';
import { E2E_WAIT_MS } from '../support/sizing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const waitForMissing = (ruleId: string, present: boolean) => waitForPanelMissing(h.panel, ruleId, present);

describe('a worker records an assessment with the panel beside it', () => {
  it('reads a seed case and updates the panel as the worker types', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    const page = await h.openCase('SA-1001', 'background');
    const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
    await h.panel.waitForSelector('[data-panel-status="ready"][data-assessment="SA-1001"][data-section="background"]', { timeout: E2E_WAIT_MS });
    // 2.5's fields are in an iframe: its facts arrive on their own, then the steps are missing (not "not read yet").
    await waitForMissing('derby/genogram', true);
    await waitForMissing('derby/chronology', true);
    await waitForPanelText(h.panel, 'Complete a genogram');

    // Tick the genogram box inside the iframe: that missing step goes away, the others stay.
    const genogram = await frame!.waitForSelector('input[type=checkbox][name="background.genogram"]');
    await genogram!.click();
    await waitForMissing('derby/genogram', false);
    expect(await h.panel.$('[data-missing-steps] li[data-rule-id="derby/chronology"]')).not.toBeNull();

    // Choose "Yes" for the chronology: that one goes too.
    await frame!.select('select[name="background.chronologyUpdated"]', 'Y');
    await waitForMissing('derby/chronology', false);
    expect(await h.panel.$('[data-missing-steps] li[data-rule-id="derby/ecomap"]')).not.toBeNull();
  });
});
