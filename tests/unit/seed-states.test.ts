import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFieldMap } from '../../lib/adapters/map-checks';
import mapJson from '../../lib/adapters/maps/lcs-demo.json';
import { applyFacts, emptyRecord, type AssessmentRecord } from '../../lib/model';
import { evaluate } from '../../lib/rules/engine';
import { derbyPack } from '../../lib/rules/packs/derby/index';
import { COUNTDOWN_STATES } from '../../lib/rules/types';
import { SEED_CASES } from '../fixtures/case-system/seed';
import { startCaseSystem, type CaseSystem } from '../fixtures/case-system/server';
import { DEMO_SECTIONS, readDemoPage } from '../support/read-demo-page';

// The demo is where a worker or manager first meets the panel: its seed cases, read in full
// with the demo map, must between them show every deadline state, on any weekday of the
// year (the seeds are dated from today, and bank holidays move working days).

const validated = validateFieldMap(mapJson);
if (!validated.ok) throw new Error('lcs-demo.json is invalid');
const map = validated.map;

async function readCase(cs: CaseSystem, formId: string, today: string): Promise<AssessmentRecord> {
  let record: AssessmentRecord = { ...emptyRecord('lcs-demo', formId), pack: 'derby' };
  for (const section of DEMO_SECTIONS) {
    const read = await readDemoPage(cs, `/assessment/${formId}/${section}`, map, today);
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

  it('only SA-1003 has a target date in its plan shorter than the 45 working days (40, endorsed by the manager)', async () => {
    // Derby 2.3: "sometimes a shorter deadline will be required". The others' plans give the 45
    // working days themselves: no second deadline, whatever bank holidays fall in between.
    const shorter: string[] = [];
    for (const formId of SEED_CASES) {
      const evaluation = evaluate(await readCase(cs, formId, today), derbyPack, `${today}T10:00:00Z`);
      const target = evaluation.countdowns.find((c) => c.ruleId === 'derby/plan-target-date');
      if (target && target.status !== 'not-applicable') shorter.push(formId);
    }
    expect(shorter).toEqual(['SA-1003']);
  });
});
