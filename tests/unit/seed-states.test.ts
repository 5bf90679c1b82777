import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../lib/adapters/extractor';
import { validateFieldMap } from '../../lib/adapters/field-map-schema';
import mapJson from '../../lib/adapters/maps/lcs-demo.json';
import { applyFacts, emptyRecord, type AssessmentRecord } from '../../lib/model';
import { evaluate } from '../../lib/rules/engine';
import { derbyPack } from '../../lib/rules/packs/derby/index';
import { COUNTDOWN_STATES } from '../../lib/rules/types';
import { SEED_CASES } from '../fixtures/case-system/seed';
import { startCaseSystem, type CaseSystem } from '../fixtures/case-system/server';

// The demo is where a worker or manager first meets the panel: its seed cases, read in full
// with the demo map, must between them show every deadline state, on any weekday of the
// year (the seeds are dated from today, and bank holidays move working days).

const SECTIONS = ['household', 'reasons', 'plan', 'child-protection', 'background', 'profile', 'views', 'analysis', 'manager', 'outcomes'];
const validated = validateFieldMap(mapJson);
if (!validated.ok) throw new Error('lcs-demo.json is invalid');
const map = validated.map;

async function readCase(cs: CaseSystem, formId: string, today: string): Promise<AssessmentRecord> {
  const text = async (path: string) => (await fetch(cs.url + path)).text();
  let record: AssessmentRecord = { ...emptyRecord('lcs-demo', formId), pack: 'derby' };
  for (const section of SECTIONS) {
    const path = `/assessment/${formId}/${section}`;
    const doc = new JSDOM(await text(path), { url: cs.url + path }).window.document;
    const frames = new Map<string, Document>();
    for (const f of doc.querySelectorAll('iframe')) {
      const src = f.getAttribute('src') ?? '';
      frames.set(src, new JSDOM(await text(src), { url: cs.url + src }).window.document);
    }
    const read = extract(doc, cs.url + path, map, new Date(`${today}T12:00:00Z`), { frames: (f) => frames.get(f.getAttribute('src') ?? '') });
    if (read) record = { ...applyFacts(record, read.facts).record, pack: 'derby' };
  }
  return record;
}

// A Monday in term, the first working day after Christmas, and the Tuesday after Easter Monday.
describe.each(['2026-11-23', '2027-01-04', '2027-03-30'])('the seed cases on %s', (today) => {
  let cs: CaseSystem;
  beforeAll(async () => {
    cs = await startCaseSystem({ port: 0, today });
  });
  afterAll(async () => {
    await cs.close();
  });

  it('between them show every deadline state', async () => {
    const shown = new Set<string>();
    for (const formId of SEED_CASES) {
      const evaluation = evaluate(await readCase(cs, formId, today), derbyPack, `${today}T10:00:00Z`);
      for (const c of evaluation.countdowns) shown.add(c.status);
    }
    expect([...COUNTDOWN_STATES].filter((s) => !shown.has(s))).toEqual([]);
  });
});
