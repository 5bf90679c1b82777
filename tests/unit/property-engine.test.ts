import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { applyFacts, emptyRecord, factSchema, knownFactPaths, parseRecord, type AssessmentRecord, type FactUpdate, type FactValue } from '../../lib/model';
import { propertyRuns, propertyTimeout } from '../support/sizing';
import { CHECK_STATUSES, COUNTDOWN_STATES, evaluate, PACK_IDS, PACKS, type AnyPack, type Evaluation } from '../../lib/rules';
import { isDone } from '../../lib/rules/engine';

// Arbitrary records inside the model's schema — any subset of facts, each a value,
// blank (null) or not read (absent), any children and adults — fed to both packs at
// any moment: evaluate never throws, no rule fails ("could not check"), the same input
// always gives the same answer, and a record with nothing read is never "missing".

const PACK_LIST: Array<[string, AnyPack]> = PACK_IDS.map((id) => [id, PACKS[id] as unknown as AnyPack]);
// PROPERTY_RUNS=5000 npx vitest run tests/unit/property-engine.test.ts for a longer hunt.
const RUNS = propertyRuns(200);
const TIMEOUT = propertyTimeout(RUNS, 20);

// ---------------------------------------------------------------- values from the schema

const MIN = new Date('2023-06-01T00:00:00Z');
const MAX = new Date('2028-12-31T23:59:59Z');
const moment = fc.date({ min: MIN, max: MAX, noInvalidDate: true });
const isoDate = moment.map((d) => d.toISOString().slice(0, 10));
const pad = (n: number) => String(n).padStart(2, '0');
const isoDateTime = fc.tuple(moment, fc.constantFrom('Z', '+00:00', '+01:00')).map(([d, zone]) => {
  if (zone === 'Z') return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const local = new Date(d.getTime() + (zone === '+01:00' ? 3_600_000 : 0));
  return `${local.toISOString().slice(0, 16)}:${pad(local.getUTCSeconds())}${zone}`;
});

type AnyZod = z.ZodType;
function unwrap(schema: AnyZod): AnyZod {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as AnyZod;
  return s;
}

/** Values the fact's own schema accepts, worked out from the schema (not a hand-written list). */
function valuesFor(path: string): fc.Arbitrary<FactValue> {
  const schema = factSchema(path);
  if (!schema) throw new Error(`no schema for ${path}`);
  const inner = unwrap(schema);
  let arb: fc.Arbitrary<unknown>;
  if (inner instanceof z.ZodBoolean) arb = fc.boolean();
  else if (inner instanceof z.ZodEnum) arb = fc.constantFrom(...(inner.options as string[]));
  else if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element as AnyZod);
    if (element instanceof z.ZodEnum) arb = fc.uniqueArray(fc.constantFrom(...(element.options as string[])), { maxLength: 5 });
    else if (element instanceof z.ZodObject) arb = fc.array(fc.record({ date: isoDate, alone: fc.boolean() }), { maxLength: 4 });
    else arb = fc.array(fc.constantFrom('mother', 'father', 'carer', 'child', 'P1'), { maxLength: 3 });
  } else if (inner instanceof z.ZodString) {
    if (inner.safeParse('2026-01-01').success) arb = isoDate;
    else if (inner.safeParse('2026-01-01T10:00:00Z').success) arb = isoDateTime;
    else arb = fc.string({ maxLength: 6 });
  } else {
    throw new Error(`no generator for ${path} (${inner.constructor.name})`);
  }
  // Whatever the generator makes must pass the fact's schema; the rest are dropped.
  return arb.filter((v) => schema.safeParse(v).success) as fc.Arbitrary<FactValue>;
}

const ABSENT = Symbol('absent');
/** One fact in its three states: a value, blank (null), or not read (left out). */
function threeState(path: string): fc.Arbitrary<FactValue | null | typeof ABSENT> {
  return fc.oneof(fc.constant(ABSENT), fc.constant(null), valuesFor(path));
}

const FACTS = knownFactPaths();
const RECORD_FACTS = FACTS.filter((p) => !p.includes('[]'));
const CHILD_FACTS = FACTS.filter((p) => p.startsWith('children[].'));
const ADULT_FACTS = FACTS.filter((p) => p.startsWith('adults[].'));

function factsArb(paths: readonly string[], concrete: (p: string) => string): fc.Arbitrary<FactUpdate[]> {
  return fc
    .tuple(...paths.map((p) => threeState(p).map((v) => [concrete(p), v] as const)))
    .map((pairs) => pairs.flatMap(([path, value]) => (value === ABSENT ? [] : [{ path, value }])));
}

const personIds = fc.uniqueArray(fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5', '200101', '200102', 'x.y:z'), { maxLength: 5 });

const people = (group: 'children' | 'adults', paths: readonly string[]) =>
  personIds.chain((ids) =>
    fc.tuple(...ids.map((id) => factsArb(paths, (p) => p.replace(`${group}[]`, `${group}[${id}]`)))).map((lists) => ({ ids, facts: lists.flat() })),
  );

/** A record the schema accepts, built the way the store builds one: fact updates on an empty record. */
const recordArb: fc.Arbitrary<AssessmentRecord> = fc
  .tuple(factsArb(RECORD_FACTS, (p) => p), people('children', CHILD_FACTS), people('adults', ADULT_FACTS), fc.boolean(), fc.boolean())
  .map(([facts, children, adults, listChildren, listAdults]) => {
    let record = emptyRecord('lcs-demo', 'SA-1');
    // A person can be listed with nothing read about them yet (just their id).
    if (listChildren) record = { ...record, children: children.ids.map((id) => ({ id })) };
    if (listAdults) record = { ...record, adults: adults.ids.map((id) => ({ id })) };
    const { record: next, rejected } = applyFacts(record, [...facts, ...children.facts, ...adults.facts]);
    if (rejected.length > 0) throw new Error(`generator made facts the model rejects: ${JSON.stringify(rejected)}`);
    const parsed = parseRecord(next);
    if (!parsed.ok) throw new Error(`generator made a record the schema rejects: ${JSON.stringify(parsed.problems)}`);
    return parsed.record;
  });

/** A record and a moment to evaluate it at: any moment, or (to reach due soon / due today) days after its referral. */
const caseArb: fc.Arbitrary<[AssessmentRecord, Date]> = fc
  .tuple(recordArb, moment, fc.integer({ min: -3, max: 70 }), fc.integer({ min: 0, max: 23 }), fc.boolean())
  .map(([record, any, days, hour, near]) => {
    const referral = record.dates?.referral;
    if (!near || typeof referral !== 'string') return [record, any];
    return [record, new Date(Date.parse(`${referral}T00:00:00Z`) + days * 86_400_000 + hour * 3_600_000)];
  });

// ---------------------------------------------------------------- properties

function everyResult(e: Evaluation) {
  return [...e.findings, ...e.countdowns];
}

const COUNTDOWN_STATUSES = new Set<string>([...COUNTDOWN_STATES, 'unknown', 'missing', 'not-applicable']);

describe.each(PACK_LIST)('evaluate with the %s pack, on arbitrary records', (_id, pack) => {
  it('never throws, and no rule fails ("could not check")', () => {
    fc.assert(
      fc.property(caseArb, ([record, now]) => {
        const e = evaluate(record, pack, now);
        expect(everyResult(e).filter((f) => f.error !== undefined)).toEqual([]);
        for (const f of e.findings) expect(CHECK_STATUSES).toContain(f.status);
        for (const c of e.countdowns) expect(COUNTDOWN_STATUSES.has(c.status)).toBe(true);
        // Findings about a person name one the record has.
        const ids = new Set([...(record.children ?? []), ...(record.adults ?? [])].map((p) => p.id));
        for (const f of everyResult(e)) if (f.subject) expect(ids.has(f.subject.id)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('gives the same answer for the same input, and leaves the record as it was', () => {
    fc.assert(
      fc.property(caseArb, ([record, now]) => {
        const before = structuredClone(record);
        const first = evaluate(record, pack, now);
        const second = evaluate(structuredClone(record), pack, new Date(now.getTime()));
        expect(second).toEqual(first);
        expect(record).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  // A step that is done never blocks as "not read yet": when a check is met, an unknown answer to
  // "does it apply?" cannot make it unknown (met, or not applicable: neither blocks). Compared with
  // the same pack with every check's (or countdown's) applies-when taken away.
  it('a check that is met is met or not applicable, whatever is unread about whether it applies', () => {
    const checksAlways: AnyPack = { ...pack, rules: pack.rules.map((r) => (r.kind === 'check' ? { ...r, appliesWhen: undefined } : r)) };
    const clocksAlways: AnyPack = { ...pack, rules: pack.rules.map((r) => (r.kind === 'countdown' ? { ...r, appliesWhen: undefined } : r)) };
    fc.assert(
      fc.property(caseArb, ([record, now]) => {
        const e = evaluate(record, pack, now);
        const always = evaluate(record, checksAlways, now);
        for (const rule of pack.rules) {
          if (rule.kind !== 'check') continue;
          const done = always.findings.filter((f) => f.ruleId === rule.id);
          if (!isDone(done)) continue;
          const real = e.findings.filter((f) => f.ruleId === rule.id);
          expect(real.every((f) => f.status === 'met' || f.status === 'not-applicable'), rule.id).toBe(true);
        }
        const clocks = evaluate(record, clocksAlways, now);
        for (const c of clocks.countdowns) {
          if (c.status !== 'met-on-time') continue;
          const real = e.countdowns.find((r) => r.ruleId === c.ruleId);
          expect(['met-on-time', 'not-applicable'], c.ruleId).toContain(real?.status);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('never calls a step "missing" when nothing has been read', () => {
    // People may be listed by id with nothing about them read. (An empty list is not
    // "nothing read": it says the household has nobody in that group.)
    const listed = fc.option(personIds.filter((ids) => ids.length > 0), { nil: undefined });
    const nothingRead = fc.record({ assessmentId: fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/), children: listed, adults: listed });
    fc.assert(
      fc.property(nothingRead, moment, ({ assessmentId, children, adults }, now) => {
        const record: AssessmentRecord = {
          ...emptyRecord('lcs-demo', assessmentId),
          // People listed by id only: nothing about them read yet.
          ...(children ? { children: children.map((id) => ({ id })) } : {}),
          ...(adults ? { adults: adults.map((id) => ({ id })) } : {}),
        };
        const e = evaluate(record, pack, now);
        expect(e.findings.filter((f) => f.status === 'missing').map((f) => f.ruleId)).toEqual([]);
        expect(e.countdowns.filter((c) => ['missing', 'overdue', 'met-late'].includes(c.status)).map((c) => c.ruleId)).toEqual([]);
        expect(e.ready.ready).toBe(false);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
