// Removal end to end: what the case system no longer shows is no longer held. A household
// member deleted on the page (the row taken out, as the case system does when a person
// added by mistake is deleted) leaves the panel and the stored record, with their facts; a
// field that is no longer on a page that showed it goes back to not-read-yet.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFact } from '../../lib/model';
import { E2E_WAIT_MS } from '../support/sizing';
import { startTrustHarness, type TrustHarness } from '../fixtures/hostile/harness';
import { eventually, readRecord } from '../fixtures/hostile/probe';

let h: TrustHarness;
beforeAll(async () => {
  h = await startTrustHarness();
});
afterAll(async () => {
  await h?.close();
});

const KEY = 'lcs-demo:SA-1002';
const POPPY = '200203';
const childIds = (r: Awaited<ReturnType<typeof readRecord>>) => (r?.record.children ?? []).map((c) => c.id);
const panelText = () => h.panel.evaluate(() => document.body.innerText);

describe('removed on the page, removed from the record', () => {
  it('a household member deleted on the page leaves the panel and the record; a field taken off the page goes back to not-read-yet', async () => {
    const page = await h.openCase('SA-1002', 'household');
    await h.panel.waitForSelector('[data-panel-status="ready"][data-assessment="SA-1002"][data-section="household"]', { timeout: E2E_WAIT_MS });
    const before = await eventually('Poppy and the interpreter answer to be stored', async () => {
      const r = await readRecord(h.panel, KEY);
      return r && childIds(r).includes(POPPY) && readFact(r.record, 'household.interpreterNeeded') === true ? r : undefined;
    }, E2E_WAIT_MS);
    expect(childIds(before)).toEqual(expect.arrayContaining(['200201', '200202', POPPY]));
    await eventually('the panel to name Poppy', async () => /\bPS\b/.test(await panelText()), E2E_WAIT_MS);

    // The case system deletes Poppy's row, and the interpreter question is no longer shown.
    const left = await page.evaluate((pid: string) => {
      document.querySelector(`tr[data-person-id="${pid}"]`)?.remove();
      document.getElementById('f-household-interpreterNeeded')?.closest('.field')?.remove();
      return [document.getElementById('f-household-interpreterNeeded') === null, document.getElementById('f-household-interpreterUsed') !== null];
    }, POPPY);
    expect(left).toEqual([true, true]);

    const after = await eventually('Poppy and the interpreter answer to be gone from the record', async () => {
      const r = await readRecord(h.panel, KEY);
      return r && !childIds(r).includes(POPPY) && readFact(r.record, 'household.interpreterNeeded') === undefined ? r : undefined;
    }, E2E_WAIT_MS);
    // The others stay, with their facts; nothing of Poppy's is left, not even where it was read.
    expect(childIds(after)).toEqual(expect.arrayContaining(['200201', '200202']));
    expect(JSON.stringify(after.record)).not.toContain(POPPY);
    expect(readFact(after.record, 'household.interpreterUsed')).toBe(readFact(before.record, 'household.interpreterUsed'));
    await eventually('the panel to stop naming Poppy', async () => !/\bPS\b/.test(await panelText()), E2E_WAIT_MS);
    await page.close();
  });
});
