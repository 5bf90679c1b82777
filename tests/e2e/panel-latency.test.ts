/**
 * A quick measure (not a test of timings): how long from a keystroke in the host form to the
 * panel showing its effect, end to end (content script read, background merge and store,
 * panel live query, evaluation, render). Skipped unless asked for:
 *
 *   MEASURE_LATENCY=1 npx vitest run --project e2e tests/e2e/panel-latency.test.ts
 *
 * Each of 100 keystrokes changes one digit of the referral date (2 ↔ 3 Nov 2026), which moves
 * the 45-working-day due date (7 ↔ 8 Jan 2027). The keystroke's time is taken in the page at
 * keydown and the panel's in a MutationObserver, both on the shared performance clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { WAIT, openWorkspace, typeInto } from './panel-helpers';

const RUNS = Number(process.env.MEASURE_LATENCY_RUNS ?? 100);
const DUE = '[data-deadlines] li[data-rule-id="derby/assessment-45-working-days"]';

describe.skipIf(!process.env.MEASURE_LATENCY)('keystroke to panel latency (measure only)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`measures ${RUNS} keystrokes`, async () => {
    const { page, panel } = await openWorkspace(h, 'SA-1001', 'reasons');
    await typeInto(page, 'reasons.assessmentStartDate', '');
    await typeInto(page, 'reasons.referralDate', '02/11/2026');
    await panel.waitForSelector(`${DUE}[data-due="2027-01-07"]`, WAIT);

    // Times on the clock both pages share (performance.timeOrigin + now), not Date (the panel's is fixed).
    await page.evaluate(() => {
      const w = window as Window & { keyAt?: number };
      document.addEventListener('keydown', () => (w.keyAt = performance.timeOrigin + performance.now()), true);
    });
    await panel.evaluate((selector: string) => {
      const w = window as Window & { seen?: Record<string, number> };
      w.seen = {};
      new MutationObserver(() => {
        const due = document.querySelector(selector)?.getAttribute('data-due');
        if (due && w.seen && !(due in w.seen)) w.seen[due] = performance.timeOrigin + performance.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-due'] });
    }, DUE);

    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const digit = i % 2 === 0 ? '3' : '2';
      const due = digit === '3' ? '2027-01-08' : '2027-01-07';
      await panel.evaluate(() => {
        (window as Window & { seen?: Record<string, number> }).seen = {};
      });
      // Select the day's second digit, then one keystroke replaces it.
      await page.$eval('[name="reasons.referralDate"]', (el) => {
        const input = el as HTMLInputElement;
        input.focus();
        input.setSelectionRange(1, 2);
      });
      await page.keyboard.press(digit);
      await panel.waitForSelector(`${DUE}[data-due="${due}"]`, WAIT);
      const keyAt = await page.evaluate(() => (window as Window & { keyAt?: number }).keyAt ?? NaN);
      const shownAt = await panel.evaluate((d: string) => (window as Window & { seen?: Record<string, number> }).seen?.[d] ?? NaN, due);
      samples.push(shownAt - keyAt);
    }
    const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
    const summary = { runs: sorted.length, p50: Math.round(at(0.5)), p95: Math.round(at(0.95)), min: Math.round(sorted[0] ?? NaN), max: Math.round(sorted.at(-1) ?? NaN) };
    console.log(`keystroke → panel (ms): ${JSON.stringify(summary)}`);
    expect(sorted.length).toBe(RUNS);
  });
});
