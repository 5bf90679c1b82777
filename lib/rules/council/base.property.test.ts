// Properties of the shared England base, for any figures a council pack may set: clocks count
// working days exactly as the calendar does; a good-practice rule never blocks readiness; and a
// pack that only renames or re-cites its rules changes no verdict.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact, type AssessmentRecord, type FactValue } from '../../model';
import { addCalendarDays, defaultCalendar } from '../../calendar';
import { evaluate } from '../engine';
import { propertyRuns, propertyTimeout } from '../../../tests/support/sizing';
import { completeHertfordshireRecord } from '../../../tests/fixtures/records/hertfordshire-records';
import wirralJson from '../packs/wirral/wirral.json';
import { loadCouncilPack } from './load';
import type { CouncilPackDoc } from './format';

const RUNS = propertyRuns(100);
const TIMEOUT = propertyTimeout(RUNS, 20);

type Doc = CouncilPackDoc & Record<string, unknown>;
const wirral = (): Doc => structuredClone(wirralJson) as unknown as Doc;

function load(doc: unknown) {
  const result = loadCouncilPack(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.pack;
}

const day = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-10-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const later = (from: string, n: number) => addCalendarDays(from, n);

/** A record built from the complete one, with the facts the base reads each a value, blank or not read. */
const facts = fc.record({
  referral: day,
  decision: fc.option(day, { nil: undefined }),
  completedAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
  todayAfter: fc.integer({ min: 0, max: 150 }),
  reason: fc.constantFrom<FactValue | null | undefined>(true, false, null, undefined),
  endorsedAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  views: fc.constantFrom<FactValue | null | undefined>(true, null, undefined),
  shared: fc.constantFrom<FactValue | null | undefined>('2026-11-23', null, undefined),
});

type Facts = typeof facts extends fc.Arbitrary<infer T> ? T : never;

function recordFrom(f: Facts): { record: AssessmentRecord; now: string } {
  let record = withFacts(completeHertfordshireRecord, {
    'dates.referral': f.referral,
    'dates.assessmentDecision': f.decision ?? null,
    'dates.completed': f.completedAfter === undefined ? null : later(f.referral, Math.min(f.completedAfter, f.todayAfter)),
    'dates.managerPlanEndorsed': f.endorsedAfter === undefined ? null : later(f.referral, Math.min(f.endorsedAfter, f.todayAfter)),
    'outcome.sharedWithFamilyInWriting': f.shared ?? null,
  });
  for (const [path, value] of [
    ['timescale.exceededReasonRecorded', f.reason],
    ['children[C1].viewsRecorded', f.views],
  ] as const) {
    record = value === undefined ? withoutFact(record, path) : withFacts(record, { [path]: value });
  }
  if (f.decision !== undefined && f.decision > f.referral) record = withFacts(record, { 'dates.assessmentDecision': f.referral });
  if (f.shared === undefined) record = withoutFact(record, 'outcome.sharedWithFamilyInWriting');
  return { record, now: `${later(f.referral, f.todayAfter)}T10:00:00Z` };
}

describe('the shared England base, for any figures', () => {
  it(
    'counts a timescale in working days exactly as the calendar does, and in days as the calendar does',
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 120 }), facts, (days, review, workingDays, f) => {
          const doc = wirral();
          doc.settings.assessmentDays!.default = days;
          doc.settings.firstReviewWorkingDays!.default = review;
          doc.settings.exceptionalWorkingDays!.default = workingDays;
          const { record, now } = recordFrom(f);
          const evaluation = evaluate(record, load(doc), now);
          const start = record.dates?.referral as string;
          const by = (id: string) => evaluation.countdowns.find((c) => c.ruleId === id);
          expect(by('wirral/assessment-30-days')?.due).toBe(addCalendarDays(start, days));
          expect(by('wirral/assessment-45-working-days-exceptional')?.due).toBe(defaultCalendar.addWorkingDays(start, workingDays));
          const first = by('wirral/first-review-5-working-days');
          expect(first?.due).toBe(defaultCalendar.addWorkingDays(start, review));
          if (first?.workingDaysLeft !== undefined) expect(first.workingDaysLeft).toBe(defaultCalendar.workingDaysBetween(evaluation.today, first.due as string));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'never lets a good-practice rule or a prompt block sign-off',
    () => {
      fc.assert(
        fc.property(facts, fc.array(fc.constantFrom<'expected' | 'prompt'>('expected', 'prompt'), { minLength: 6, maxLength: 6 }), (f, weights) => {
          const doc = wirral();
          doc.rules.forEach((r, i) => {
            const w = weights[i] ?? 'expected';
            r.severity = r.use === 'review-if-beyond' || r.use === 'child-views' || r.use === 'outcome-shared' ? 'expected' : w;
          });
          const { record, now } = recordFrom(f);
          const evaluation = evaluate(record, load(doc), now);
          expect(evaluation.ready.blocking.filter((b) => b.ruleId.startsWith('wirral/'))).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'gives the same verdicts for a pack that only renames or re-cites its rules',
    () => {
      const renamed = wirral();
      renamed.name = 'Wirral Council';
      renamed.procedure.title = 'Single Assessment Policy and Guidance (renamed)';
      renamed.rules.forEach((r) => {
        r.message = 'Words changed, and the verdict stays the same.';
        r.source = { section: `${r.source.section} (re-cited)`, quote: 'other words' };
        if (r.name) r.name = `${r.name} (renamed)`;
      });
      renamed.prompts.forEach((p) => {
        p.source = { section: 'elsewhere', textNotHeld: 'Re-cited, with no quote at all.' };
      });
      const original = load(wirral());
      const other = load(renamed);
      const verdict = (e: ReturnType<typeof evaluate>) => ({
        countdowns: e.countdowns.map((c) => [c.ruleId, c.status, c.due, c.workingDaysLeft]),
        findings: e.findings.map((x) => [x.ruleId, x.status, x.subject?.id]),
        prompts: e.prompts.map((p) => p.ruleId),
        ready: e.ready.ready,
        blocking: e.ready.blocking.map((b) => b.ruleId),
      });
      fc.assert(
        fc.property(facts, (f) => {
          const { record, now } = recordFrom(f);
          expect(verdict(evaluate(record, other, now))).toEqual(verdict(evaluate(record, original, now)));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
