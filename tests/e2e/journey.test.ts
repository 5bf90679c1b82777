import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitForPanelText, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a worker records an assessment with the panel beside it', () => {
  it('reads a seed case and updates the panel as the worker types', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    const page = await h.openCase('SA-1001', 'background');
    const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
    await h.panel.waitForSelector('[data-panel-status="ready"][data-assessment="SA-1001"]', { timeout: 15_000 });
    const before = await h.panel.evaluate(() => document.body.innerText);
    expect(before).toContain('genogram');
    // Tick the genogram box inside the iframe: the missing step goes away.
    const genogram = await frame!.waitForSelector('input[type=checkbox][name*=genogram i]');
    await genogram!.click();
    await h.panel.waitForFunction(
      () => !/genogram/i.test(document.querySelector('[data-missing-steps]')?.textContent ?? ''),
      { timeout: 10_000, polling: 50 },
    );
  });
});
export { waitForPanelText };
