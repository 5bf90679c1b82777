import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('work tray badges', () => {
  it('shows the next deadline beside each assessment the extension has read, and nothing beside the others', async () => {
    // Read the overdue case's reasons (referral date) and analysis (completed date) pages.
    for (const section of ['reasons', 'analysis']) {
      const page = await h.openCase('SA-1004', section);
      await h.panel.waitForSelector(`[data-assessment="SA-1004"][data-section="${section}"]`, { timeout: 15_000 });
      await page.close();
    }
    const tray = await h.browser.newPage();
    await tray.goto(`${h.serverUrl}/`);
    const badge = await tray.waitForSelector('tr[data-form-id="SA-1004"] [data-assessment-companion-badge]', { timeout: 15_000 });
    const text = await badge!.evaluate((el) => el.textContent ?? '');
    expect(text).toMatch(/Overdue: \d{1,2} \w{3} 2026/);
    expect(await badge!.evaluate((el) => el.getAttribute('data-assessment-companion-badge'))).toBe('overdue');
    // The badge sits in the Due column.
    expect(await badge!.evaluate((el) => el.closest('td')?.cellIndex)).toBe(6);
    expect(await tray.$$('[data-assessment-companion-badge]')).toHaveLength(1);
  });
});
