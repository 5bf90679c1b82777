// A reason excuses only its own duty (issue 22): each rule that accepts a recorded reason names it on
// the rule (`acceptsReason` for a check, `excusedBy` for a clock), and recording every other reason
// changes nothing about it. Checked over both packs, on records where the steps are still to do.
import { describe, expect, it } from 'vitest';
import { withFacts, type AssessmentRecord } from '../../lib/model';
import { evaluate } from '../../lib/rules/engine';
import type { AnyPack } from '../../lib/rules';
import { derbyPack } from '../../lib/rules/packs/derby/index';
import { hertfordshirePack } from '../../lib/rules/packs/hertfordshire/index';
import { allBlank as derbyBlank } from '../support/derby-rules';
import { allBlank as hertfordshireBlank } from '../support/hertfordshire-rules';
import { completeDerbyRecord } from '../fixtures/records/derby-records';
import { completeHertfordshireRecord } from '../fixtures/records/hertfordshire-records';

/** Every recorded reason the model has. */
const REASONS = [
  'children[].notSeenAloneReason',
  'children[].exclusionReason',
  'adults[].notInvolvedReason',
  'outcome.notSharedWithFamilyReason',
  'consent.withoutConsentReasonRecorded',
  'timescale.exceededReasonRecorded',
] as const;

/** The "reasons for exceeding the time limit" are these checks' own step, not a reason in place of one. */
const REASON_IS_THE_STEP: Record<string, string> = {
  'derby/timescale-exceeded-reason': 'timescale.exceededReasonRecorded',
  'hertfordshire/timescale-exceeded-reason': 'timescale.exceededReasonRecorded',
};

function withReasons(record: AssessmentRecord, reasons: readonly string[]): AssessmentRecord {
  const facts: Record<string, boolean> = {};
  for (const reason of reasons) {
    if (reason.startsWith('children[].')) for (const c of record.children ?? []) facts[reason.replace('children[]', `children[${c.id}]`)] = true;
    else if (reason.startsWith('adults[].')) for (const a of record.adults ?? []) facts[reason.replace('adults[]', `adults[${a.id}]`)] = true;
    else facts[reason] = true;
  }
  return withFacts(record, facts);
}

const NOW = '2026-11-23T10:00:00Z';
const CASES: Array<[string, AnyPack, AssessmentRecord[]]> = [
  ['derby', derbyPack as unknown as AnyPack, [derbyBlank, withFacts(completeDerbyRecord, { 'dates.completed': null, 'dates.authorised': '2026-11-20' })]],
  ['hertfordshire', hertfordshirePack as unknown as AnyPack, [hertfordshireBlank, withFacts(completeHertfordshireRecord, { 'dates.completed': null, 'dates.authorised': '2026-11-20' })]],
];

describe.each(CASES)('the %s pack: a reason counts only where its rule names it', (_id, pack, records) => {
  it('names only reasons the model has', () => {
    for (const rule of pack.rules) {
      const named = rule.kind === 'check' ? rule.acceptsReason : rule.kind === 'countdown' ? rule.excusedBy : undefined;
      if (named) expect(REASONS as readonly string[], rule.id).toContain(named.fact);
      if (named) expect(named.allowedBy.length, rule.id).toBeGreaterThan(10);
    }
  });

  it.each(records.map((r, i) => [i, r] as const))('record %i: every other reason recorded changes no rule', (_i, record) => {
    const before = evaluate(record, pack, NOW);
    for (const rule of pack.rules) {
      if (rule.kind === 'prompt') continue;
      const own = rule.kind === 'check' ? (rule.acceptsReason?.fact ?? REASON_IS_THE_STEP[rule.id]) : rule.excusedBy?.fact;
      const after = evaluate(withReasons(record, REASONS.filter((r) => r !== own)), pack, NOW);
      if (rule.kind === 'check') {
        const statuses = (e: typeof before) => e.findings.filter((f) => f.ruleId === rule.id).map((f) => `${f.subject?.id ?? ''}:${f.status}`);
        expect(statuses(after), rule.id).toEqual(statuses(before));
      } else {
        const clock = (e: typeof before) => e.countdowns.find((c) => c.ruleId === rule.id);
        expect(clock(after)?.status, rule.id).toBe(clock(before)?.status);
        expect(clock(after)?.excused, rule.id).toBeUndefined();
      }
    }
  });
});
