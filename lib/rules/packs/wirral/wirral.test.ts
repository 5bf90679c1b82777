// Wirral, defined by JSON alone (wirral.json) over the shared England base. What we hold of
// chapter 1.3.3 is its timescales note and headings (../shared/procedures/wirral-1.3.3-facts.md):
// each quote below is from that note.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact, type AssessmentRecord } from '../../../model';
import { statusOf, testRule } from '../../../../tests/support/rule-tester';
import { packTests } from '../../../../tests/support/pack-tests';
import { completeHertfordshireRecord } from '../../../../tests/fixtures/records/hertfordshire-records';
import { loadCouncilPack } from '../../council/load';
import { CouncilPackSchema, wordsIn } from '../../council/format';
import { wirralPack as pack } from '../index';
import wirralJson from './wirral.json';

// Referral Monday 16 Nov 2026; completed Friday 20 Nov; the manager endorsed the plan on 17 Nov.
const complete: AssessmentRecord = { ...completeHertfordshireRecord, assessmentId: 'SA-WIRRAL-TEST', pack: 'wirral' };
/** Referred on Thursday 1 Oct 2026 and still open on 23 Nov: past 30 days and past 15 working days. */
const longOpen = withFacts(complete, { 'dates.referral': '2026-10-01', 'dates.assessmentDecision': '2026-10-01', 'dates.completed': null, 'dates.authorised': null });

const { testPrompt, testConditionalPrompt } = packTests(pack, complete);

// "the maximum timescale is 30 days": calendar days, as the chapter writes them (not working days).
testRule(pack, 'wirral/assessment-30-days', [
  { name: 'completed 4 days after the referral', record: complete, expect: 'met-on-time', due: '2026-12-16' },
  { name: 'open 53 days after the referral', record: longOpen, expect: 'overdue', due: '2026-10-31' },
  { name: 'completed on day 31', record: withFacts(complete, { 'dates.completed': '2026-12-17' }), now: '2026-12-18T10:00:00Z', expect: 'met-late' },
  { name: 'referral not read yet', record: withoutFact(complete, 'dates.referral'), expect: 'unknown' },
  { name: 'referral blank', record: withFacts(complete, { 'dates.referral': null }), expect: 'missing' },
]);

// "45 working days for exceptional cases".
testRule(pack, 'wirral/assessment-45-working-days-exceptional', [
  { name: 'completed within 45 working days', record: complete, expect: 'met-on-time', due: '2027-01-21' },
  { name: 'open 60 working days after the referral', record: withFacts(longOpen, { 'dates.referral': '2026-08-28' }), expect: 'overdue' },
  { name: 'referral not read yet', record: withoutFact(complete, 'dates.referral'), expect: 'unknown' },
]);

// "a first review at 5 working days": the chapter's words on the review are not held, so it is good practice.
testRule(pack, 'wirral/first-review-5-working-days', [
  { name: 'plan endorsed by the manager on day 1', record: complete, expect: 'met-on-time', due: '2026-11-23' },
  { name: 'no review by day 5', record: withFacts(complete, { 'dates.managerPlanEndorsed': null }), now: '2026-11-24T10:00:00Z', expect: 'overdue' },
  { name: 'review date not read yet, past day 5', record: withoutFact(complete, 'dates.managerPlanEndorsed'), now: '2026-11-24T10:00:00Z', expect: 'unknown' },
]);

// "a second review is to be scheduled if the assessment is going to extend beyond 15 working days, recording why and the impact".
testRule(pack, 'wirral/second-review-beyond-15-working-days', [
  { name: 'completed within 15 working days', record: complete, expect: 'not-applicable' },
  { name: 'past 15 working days, why and the impact recorded', record: withFacts(longOpen, { 'timescale.exceededReasonRecorded': true }), expect: 'met' },
  { name: 'past 15 working days, nothing recorded', record: longOpen, expect: 'missing' },
  { name: 'completed on working day 16, nothing recorded', record: withFacts(complete, { 'dates.completed': '2026-12-08' }), now: '2026-12-09T10:00:00Z', expect: 'missing' },
  { name: 'past 15 working days, the reason not read yet', record: withoutFact(longOpen, 'timescale.exceededReasonRecorded'), expect: 'unknown' },
  { name: 'referral not read yet', record: withoutFact(withoutFact(longOpen, 'dates.referral'), 'timescale.exceededReasonRecorded'), expect: 'unknown' },
]);

testRule(pack, 'wirral/child-views', [
  { name: 'both children’s views recorded', record: complete, expect: 'met' },
  { name: 'the 14-year-old’s views blank', record: withFacts(complete, { 'children[C1].viewsRecorded': null }), expect: 'missing', subjectId: 'C1' },
  { name: 'views not read yet', record: withoutFact(complete, 'children[C1].viewsRecorded'), expect: 'unknown' },
]);

testRule(pack, 'wirral/outcome-shared-with-family', [
  { name: 'outcome shared in writing', record: complete, expect: 'met' },
  { name: 'not shared', record: withFacts(complete, { 'outcome.sharedWithFamilyInWriting': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'outcome.sharedWithFamilyInWriting'), expect: 'unknown' },
]);

testPrompt('wirral/prompt-plan-smart', 'plan');
testPrompt('wirral/prompt-background-multi-agency', 'background');
testPrompt('wirral/prompt-analysis-evaluation', 'analysis');
testPrompt('wirral/prompt-child-protection-lscb', 'child-protection');
testConditionalPrompt('wirral/prompt-plan-pre-birth-steps', 'plan', {
  shown: [{ name: 'a pre-birth assessment', record: withFacts(complete, { kind: 'pre-birth' }) }],
  hidden: [{ name: 'a child in need assessment', record: complete }],
});

describe('Wirral readiness', () => {
  it('a long-open assessment is held back by the second review and the 30 days until why is recorded', () => {
    // 37 working days in: past 30 days, within the 45 working days of an exceptional case.
    const { evaluation } = statusOf(pack, 'wirral/second-review-beyond-15-working-days', longOpen);
    expect(evaluation.ready.blocking.map((b) => b.ruleId).sort()).toEqual(['wirral/assessment-30-days', 'wirral/second-review-beyond-15-working-days']);
    const explained = statusOf(pack, 'wirral/second-review-beyond-15-working-days', withFacts(longOpen, { 'timescale.exceededReasonRecorded': true }));
    expect(explained.evaluation.ready.ready).toBe(true);
  });

  it('the first review, good practice, never blocks sign-off when it is missed', () => {
    const { evaluation, countdown } = statusOf(pack, 'wirral/first-review-5-working-days', withFacts(complete, { 'dates.managerPlanEndorsed': null }), '2026-11-24T10:00:00Z');
    expect(countdown?.status).toBe('overdue');
    expect(evaluation.ready.blocking.some((b) => b.ruleId === 'wirral/first-review-5-working-days')).toBe(false);
  });

  it('a complete record is ready', () => {
    expect(statusOf(pack, 'wirral/assessment-30-days', complete).evaluation.ready).toMatchObject({ ready: true, blocking: [] });
  });
});

describe('wirral.json', () => {
  it('is a valid council pack', () => {
    expect(loadCouncilPack(wirralJson).ok).toBe(true);
  });

  it('says what of the chapter is not held', () => {
    expect(CouncilPackSchema.parse(wirralJson).notHeld.length).toBeGreaterThan(0);
  });

  const FACTS = resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'procedures', 'wirral-1.3.3-facts.md');
  it.skipIf(!existsSync(FACTS))('quotes only what we hold of the chapter, 25 words at most', () => {
    const held = readFileSync(FACTS, 'utf8').replace(/\s+/g, ' ');
    const doc = CouncilPackSchema.parse(wirralJson);
    const quotes = [...doc.rules, ...doc.prompts].filter((r) => r.source.document === undefined).flatMap((r) => (r.source.quote ? [r.source.quote] : []));
    expect(quotes.length).toBeGreaterThan(3);
    for (const q of quotes) {
      expect(wordsIn(q)).toBeLessThanOrEqual(25);
      for (const part of q.split('…').map((p) => p.trim().replace(/^[,;.]|[,;.]$/g, '').trim())) expect(held, q).toContain(part);
    }
  });
});
