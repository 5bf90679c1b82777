// Rules needing a fact the map never reads are "not checked with this case system", never
// "not read yet" for ever; Derby's clock runs from the referral on a system with no
// separate decision date.
import { describe, expect, it } from 'vitest';
import { coverageReport, mapReads } from '../../lib/adapters/coverage';
import { type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMap } from '../../lib/adapters/map-checks';
import demo from '../../lib/adapters/maps/lcs-demo.json';
import { withoutFact } from '../../lib/model';
import { evaluate } from '../../lib/rules/engine';
import { derbyPack } from '../../lib/rules/packs/derby';
import { inProgressDerbyRecord } from '../fixtures/records/derby-records';

function demoWithout(...facts: string[]): FieldMap {
  const d = demo as unknown as FieldMap;
  const r = validateFieldMap({ ...d, fields: (d.fields ?? []).filter((f) => !facts.includes(f.fact)), groups: (d.groups ?? []).map((g) => ({ ...g, fields: g.fields.filter((f) => !facts.includes(f.fact)) })) });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.map;
}

const NOW = '2026-11-20T10:00:00Z';

describe('coverage', () => {
  const map = demoWithout('dates.assessmentDecision', 'background.genogram');

  it('knows which facts the map reads', () => {
    const reads = mapReads(map);
    expect(reads('dates.referral')).toBe(true);
    expect(reads('children[C1].seenDates')).toBe(true);
    expect(reads('dates.assessmentDecision')).toBe(false);
    expect(reads('background.genogram')).toBe(false);
  });

  it('Derby’s 45 days run from the referral when the system records no decision date', () => {
    const record = withoutFact(inProgressDerbyRecord, 'dates.assessmentDecision');
    const unmapped = evaluate(record, derbyPack, NOW).countdowns.find((c) => c.ruleId === 'derby/assessment-45-working-days');
    expect(unmapped?.status).toBe('unknown');
    const c = evaluate(record, derbyPack, NOW, { reads: mapReads(map) }).countdowns.find((x) => x.ruleId === 'derby/assessment-45-working-days');
    expect(c?.basis).toMatch(/from referral on 2 Nov 2026/);
    expect(c?.notCheckedHere).toBeUndefined();
  });

  it('a rule needing a fact the map never reads is not checked here, and does not block sign-off', () => {
    const record = withoutFact(inProgressDerbyRecord, 'background.genogram');
    const e = evaluate(record, derbyPack, NOW, { reads: mapReads(map) });
    const genogram = e.findings.filter((f) => f.field === 'background.genogram');
    expect(genogram.length).toBeGreaterThan(0);
    for (const f of genogram) expect(f.notCheckedHere).toBe(true);
    expect(e.ready.blocking.some((b) => b.field === 'background.genogram')).toBe(false);
    expect(e.ready.expected.some((b) => b.field === 'background.genogram')).toBe(false);
  });

  it('reports facts read, rules checkable and rules that cannot be checked with the fact they need', () => {
    const report = coverageReport(map, derbyPack);
    expect(report.factsRead).toContain('dates.referral');
    expect(report.notCheckable.find((r) => r.needs === 'background.genogram')).toBeDefined();
    expect(report.checkable.map((r) => r.ruleId)).toContain('derby/assessment-45-working-days');
  });
});
