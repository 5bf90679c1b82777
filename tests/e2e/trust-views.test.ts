// Views of one assessment and stale tabs, in Chromium with the built extension: a print view
// at the same path, or a step of a case system that routes its steps in the query, never
// erases what another view read; a tab left open on an old copy never wins over a newer
// answer when a new field map is imported.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFact } from '../../lib/model';
import type { StoredRecord } from '../../lib/store/schema';
import { startTrustHarness, type TrustHarness } from '../fixtures/hostile/harness';
import { importMapInOptions } from './harness';
import { eventually, readRecord } from '../fixtures/hostile/probe';
import { E2E_WAIT_MS } from '../support/sizing';

let h: TrustHarness;
beforeAll(async () => {
  h = await startTrustHarness();
});
afterAll(async () => {
  await h?.close();
});

const demo = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'adapters', 'maps', 'lcs-demo.json'), 'utf8')) as Record<string, unknown> & { id: string; version: string; sections: Array<{ id: string }> };

const record = (key: string) => readRecord(h.panel, key);
const stored = (what: string, key: string, check: (r: StoredRecord) => boolean) =>
  eventually(what, async () => {
    const r = await record(key);
    return r && check(r) ? r : undefined;
  }, E2E_WAIT_MS);

const importMap = (map: Record<string, unknown>) => importMapInOptions(h, map);

async function open(path: string): Promise<Page> {
  const page = await h.browser.newPage();
  await page.goto(`${h.serverUrl}${path}`, { waitUntil: 'load' });
  await page.bringToFront();
  return page;
}

describe('a print view at the same path', () => {
  it('shows fewer fields and erases nothing the form read; the form’s later change is kept with the rest', async () => {
    const key = 'lcs-demo:SA-1003';
    const edit = await h.openCase('SA-1003', 'household');
    const before = await stored('the household to be read', key, (r) => readFact(r.record, 'household.interpreterUsed') === false);
    const adults = before.record.adults?.length ?? 0;
    expect(adults).toBeGreaterThan(0);

    const print = await open('/assessment/SA-1003/household?view=print');
    // The print view's read is in (it is a view of its own), and the language questions it leaves out are still there.
    const after = await stored('the print view to be read', key, (r) => Object.keys(r.pageFacts ?? {}).some((v) => v.includes('(view)')));
    expect(readFact(after.record, 'household.interpreterUsed')).toBe(false);
    expect(readFact(after.record, 'household.interpreterNeeded')).toBe(false);
    expect(after.record.adults?.length).toBe(adults);
    await print.close();

    // The form's tab changes a field: the record has it, and everything else it read.
    await edit.bringToFront();
    await edit.select('#f-household-interpreterNeeded', 'Y');
    const changed = await stored('the change to be merged', key, (r) => readFact(r.record, 'household.interpreterNeeded') === true);
    expect(readFact(changed.record, 'household.interpreterUsed')).toBe(false);
    expect(changed.record.adults?.length).toBe(adults);
    await edit.close();
  });
});

describe('a stale tab and a newly imported map', () => {
  it('the old tab reads again with the new map, and its old answer does not overwrite the newer one', async () => {
    const key = 'lcs-demo:SA-1001';
    const stale = await h.openCase('SA-1001', 'household');
    await stored('the household to be read', key, (r) => readFact(r.record, 'household.interpreterNeeded') === false);

    // Another tab saves a change.
    const fresh = await h.openCase('SA-1001', 'household');
    await fresh.select('#f-household-interpreterNeeded', 'Y');
    await Promise.all([fresh.waitForNavigation({ waitUntil: 'load' }), fresh.click('button[type=submit]')]);
    const saved = await stored('the saved change to be read', key, (r) => readFact(r.record, 'household.interpreterNeeded') === true);
    await fresh.close();

    await importMap({ ...demo, version: '1.1.0' });
    // The stale tab has read again with the new map (it is the only case tab open)...
    const after = await stored('the stale tab to read again', key, (r) => r.updatedAt > saved.updatedAt);
    // ...and the newer answer stands.
    expect(readFact(after.record, 'household.interpreterNeeded')).toBe(true);
    await stale.close();
  });
});

describe('a case system that routes its steps in the query', () => {
  it('step 2’s read keeps what step 1 read, and the caseload link keeps the assessment’s id', async () => {
    await importMap({
      ...demo,
      id: 'query-routed',
      version: '1.0.0',
      page: { url: '^/CF/Assessment\\.aspx\\?', assessmentId: { url: '[?&]id=([^&#]+)' } },
      // Steps 1 and 2 are the household and the reasons (the case system's own order).
      sections: demo.sections.map((s) => (s.id === 'household' ? { id: s.id, url: '[?&]step=1(?:[&#]|$)' } : s.id === 'reasons' ? { id: s.id, url: '[?&]step=2(?:[&#]|$)' } : s)),
    });
    const key = 'lcs-demo:SA-1005';
    const page = await open('/CF/Assessment.aspx?id=SA-1005&step=1');
    await stored('step 1 to be read', key, (r) => readFact(r.record, 'household.interpreterNeeded') !== undefined);
    await page.goto(`${h.serverUrl}/CF/Assessment.aspx?id=SA-1005&step=2`, { waitUntil: 'load' });
    const after = await stored('step 2 to be read', key, (r) => readFact(r.record, 'dates.referral') !== undefined);
    expect(readFact(after.record, 'household.interpreterNeeded')).not.toBeUndefined();
    expect((after.record.children ?? []).length).toBeGreaterThan(0);
    expect(after.pageUrl).toBe(`${h.serverUrl}/CF/Assessment.aspx?id=SA-1005&step=2`);
    await page.close();
  });
});
