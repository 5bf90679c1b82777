// Rules needing a fact the map never reads are "not checked with this case system", never
// "not read yet" for ever; Derby's clock runs from the referral on a system with no
// separate decision date.
import { describe, expect, it } from 'vitest';
import { asThisMapReads, coverageReport, mapReads } from '../../lib/verdict/coverage';
import { type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMap } from '../../lib/adapters/map-checks';
import demo from '../../lib/adapters/maps/lcs-demo.json';
import { readFact, withoutFact } from '../../lib/model';
import { notCheckedHereItems } from '../../lib/verdict/checks';
import { evaluate } from '../../lib/rules/engine';
import { derbyPack } from '../../lib/rules/packs/derby';
import { completeDerbyRecord, inProgressDerbyRecord } from '../fixtures/records/derby-records';

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

// Issue 22: a council's system that never records the ICPC date, the agencies consulted,
// whether information was shared without consent or the completion date. Once every section
// is read, a step whose applicability or check waits for one of those is "not checked with
// this case system" (listed for the manager), never "not read yet" blocking sign-off.
describe('coverage by dependency', () => {
  const NEVER = ['dates.icpc', 'background.agenciesConsulted', 'consent.sharedWithoutConsent', 'dates.completed'];
  const map = demoWithout(...NEVER);
  const { record, dropped } = asThisMapReads(completeDerbyRecord, map);

  it('takes out of a record what the map never reads', () => {
    expect(dropped.sort()).toEqual([...NEVER].sort());
    for (const fact of NEVER) expect(readFact(record, fact)).toBeUndefined();
    expect(readFact(record, 'dates.referral')).toBe('2026-09-14');
  });

  it('every section read: nothing blocks as not read yet, and what waits for an unread fact is listed', () => {
    const e = evaluate(record, derbyPack, '2026-11-23T10:00:00Z', { reads: mapReads(map) });
    expect(e.ready.blocking.filter((b) => b.status === 'unknown')).toEqual([]);
    const unknown = [...e.findings, ...e.countdowns].filter((f) => f.status === 'unknown' && f.severity !== 'prompt');
    expect(unknown.filter((f) => !f.notCheckedHere).map((f) => f.ruleId)).toEqual([]);
    const items = notCheckedHereItems(e);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.needs?.every((n) => NEVER.includes(n))).toBe(true);
    // appliesWhen included: the ICPC deadline waits on a date this system never records.
    expect(items.some((i) => i.needs?.includes('dates.icpc'))).toBe(true);
    expect(items.some((i) => i.needs?.includes('background.agenciesConsulted'))).toBe(true);
  });

  it('a step still waiting for a fact the map does read is not read yet, not "not checked"', () => {
    const partly = withoutFact(record, 'childProtection.conferenceDecided');
    const e = evaluate(partly, derbyPack, '2026-11-23T10:00:00Z', { reads: mapReads(map) });
    const waiting = [...e.findings, ...e.countdowns].filter((f) => f.status === 'unknown' && !f.notCheckedHere);
    expect(waiting.length).toBeGreaterThan(0);
  });

  it('the coverage report lists exactly the panel’s items', () => {
    const e = evaluate(record, derbyPack, '2026-11-23T10:00:00Z', { reads: mapReads(map) });
    const report = coverageReport(map, derbyPack, e);
    expect(report.notCheckable.map((r) => r.ruleId)).toEqual(notCheckedHereItems(e).map((i) => i.ruleId));
  });
});
