import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact, type AssessmentRecord } from '../../../model';
import { statusOf, testRule } from '../../../../tests/support/rule-tester';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { hertfordshirePack as pack, HertfordshireParamsSchema } from './index';
import { testConditionalPrompt, testPrompt } from '../../../../tests/support/hertfordshire-rules';

const COUNTDOWN = 'hertfordshire/assessment-5-working-days';

/** The complete record with a referral date and the completion date set (null: not completed yet). */
function referredOn(referral: string, completed: string | null): AssessmentRecord {
  return withFacts(complete, { 'dates.referral': referral, 'dates.completed': completed });
}

// Due dates worked out by hand from the 2026–27 England and Wales calendar:
//   Fri 13 Nov 2026 → Mon 16, Tue 17, Wed 18, Thu 19, Fri 20 Nov          → due Fri 20 Nov (weekend after day 0)
//   Mon 16 Nov 2026 → 17, 18, 19, 20, Mon 23 Nov                          → due Mon 23 Nov (across a weekend)
//   Tue 17 Nov 2026 → 18, 19, 20, 23, Tue 24 Nov                          → due Tue 24 Nov
//   Wed 18 Nov 2026 → 19, 20, 23, 24, Wed 25 Nov                          → due Wed 25 Nov
//   Thu 19 Nov 2026 → 20, 23, 24, 25, Thu 26 Nov                          → due Thu 26 Nov
//   Sat 21 Nov 2026 (day 0 even at a weekend) → 23, 24, 25, 26, Fri 27 Nov → due Fri 27 Nov
//   Mon 21 Dec 2026 → 22, 23, 24, [Fri 25 and Mon 28 bank holidays] 29, Wed 30 Dec → due Wed 30 Dec
//   Wed 24 Mar 2027 → 25, [Good Friday 26, Easter Monday 29] 30, 31, 1 Apr, Fri 2 Apr → due Fri 2 Apr
// The test clock is Monday 23 Nov 2026, 10:00 UTC (10:00 in London).
testRule(pack, COUNTDOWN, [
  { name: 'completed before the due date', record: complete, expect: 'met-on-time', due: '2026-11-23' },
  { name: 'completed on the due date', record: referredOn('2026-11-16', '2026-11-23'), expect: 'met-on-time', due: '2026-11-23' },
  { name: 'completed a working day late', record: referredOn('2026-11-13', '2026-11-23'), expect: 'met-late', due: '2026-11-20' },
  { name: 'referral date blank: the clock cannot start', record: withFacts(complete, { 'dates.referral': null }), expect: 'missing' },
  { name: 'referral date not read yet', record: withoutFact(complete, 'dates.referral'), expect: 'unknown' },
  { name: 'three working days left', record: referredOn('2026-11-19', null), expect: 'on-track', due: '2026-11-26' },
  { name: 'two working days left', record: referredOn('2026-11-18', null), expect: 'due-soon', due: '2026-11-25' },
  { name: 'one working day left', record: referredOn('2026-11-17', null), expect: 'due-soon', due: '2026-11-24' },
  { name: 'due today', record: referredOn('2026-11-16', null), expect: 'due-today', due: '2026-11-23' },
  { name: 'overdue since Friday, across the weekend', record: referredOn('2026-11-13', null), expect: 'overdue', due: '2026-11-20' },
  {
    name: 'past due but whether completed is not read yet: never claimed overdue',
    record: withoutFact(referredOn('2026-11-13', null), 'dates.completed'),
    expect: 'unknown',
    due: '2026-11-20',
  },
  { name: 'referral on a Saturday is day 0', record: referredOn('2026-11-21', null), expect: 'on-track', due: '2026-11-27' },
  // Christmas 2026: Friday 25 and Monday 28 December are bank holidays.
  { name: 'Christmas: due soon the day before', record: referredOn('2026-12-21', null), now: '2026-12-29T10:00:00Z', expect: 'due-soon', due: '2026-12-30' },
  { name: 'Christmas: on a bank holiday, two working days left', record: referredOn('2026-12-21', null), now: '2026-12-28T10:00:00Z', expect: 'due-soon', due: '2026-12-30' },
  { name: 'Christmas: due today', record: referredOn('2026-12-21', null), now: '2026-12-30T10:00:00Z', expect: 'due-today', due: '2026-12-30' },
  { name: 'Christmas: overdue the day after', record: referredOn('2026-12-21', null), now: '2026-12-31T10:00:00Z', expect: 'overdue', due: '2026-12-30' },
  { name: 'Christmas: completed on the due date', record: referredOn('2026-12-21', '2026-12-30'), now: '2027-01-05T10:00:00Z', expect: 'met-on-time', due: '2026-12-30' },
  { name: 'Christmas: completed a day late', record: referredOn('2026-12-21', '2026-12-31'), now: '2027-01-05T10:00:00Z', expect: 'met-late', due: '2026-12-30' },
  { name: 'Easter 2027', record: referredOn('2027-03-24', null), now: '2027-03-25T10:00:00Z', expect: 'on-track', due: '2027-04-02' },
]);

describe(`${COUNTDOWN}: details`, () => {
  it('counts working days left and states its basis', () => {
    const { countdown } = statusOf(pack, COUNTDOWN, referredOn('2026-11-19', null));
    expect(countdown?.workingDaysLeft).toBe(3);
    expect(countdown?.basis).toBe('5 working days from referral on 19 Nov 2026');
    expect(countdown?.field).toBe('dates.completed');
    expect(countdown?.calendarNote).toBeUndefined();
  });

  it('counts working days overdue as negative', () => {
    const { countdown } = statusOf(pack, COUNTDOWN, referredOn('2026-11-13', null));
    expect(countdown?.workingDaysLeft).toBe(-1);
  });

  it('notes when the due date is beyond the bank holidays it knows', () => {
    // Mon 10 Jan 2028 → 11, 12, 13, 14, Mon 17 Jan (weekends only: 2028 holidays not in the data).
    const { countdown } = statusOf(pack, COUNTDOWN, referredOn('2028-01-10', null), '2028-01-11T10:00:00Z');
    expect(countdown?.due).toBe('2028-01-17');
    expect(countdown?.calendarNote).toMatch(/not known after 31 Dec 2027/);
  });

  it('takes an authority’s own number of working days', () => {
    const params = HertfordshireParamsSchema.parse({ assessmentWorkingDays: 10 });
    // Mon 16 Nov + 10 working days: 17, 18, 19, 20, 23, 24, 25, 26, 27, Mon 30 Nov.
    const { countdown } = statusOf(pack, COUNTDOWN, referredOn('2026-11-16', null), undefined, params);
    expect(countdown?.due).toBe('2026-11-30');
    expect(countdown?.basis).toBe('10 working days from referral on 16 Nov 2026');
    expect(countdown?.status).toBe('on-track');
  });

  it('takes an authority’s own "due soon" threshold', () => {
    const params = HertfordshireParamsSchema.parse({ dueSoonWorkingDays: 0 });
    const { countdown } = statusOf(pack, COUNTDOWN, referredOn('2026-11-17', null), undefined, params);
    expect(countdown?.status).toBe('on-track');
  });
});

const overdue = referredOn('2026-11-13', null);
const late = referredOn('2026-11-13', '2026-11-23');
testRule(pack, 'hertfordshire/timescale-exceeded-reason', [
  { name: 'overdue, reason recorded', record: withFacts(overdue, { 'timescale.exceededReasonRecorded': true }), expect: 'met' },
  { name: 'completed late, reason recorded', record: withFacts(late, { 'timescale.exceededReasonRecorded': true }), expect: 'met' },
  { name: 'overdue, reason box blank', record: overdue, expect: 'missing' },
  { name: 'completed late, reason box blank', record: late, expect: 'missing' },
  { name: 'overdue, reason not read yet', record: withoutFact(overdue, 'timescale.exceededReasonRecorded'), expect: 'unknown' },
  { name: 'referral date not read: cannot tell yet', record: withoutFact(complete, 'dates.referral'), expect: 'unknown' },
  { name: 'completed on time', record: complete, expect: 'not-applicable' },
  { name: 'still within the timescale', record: referredOn('2026-11-19', null), expect: 'not-applicable' },
]);

const seenOnlyWithOthers = withFacts(complete, { 'children[C1].seenDates': [{ date: '2026-11-17', alone: false }] });
testRule(pack, 'hertfordshire/child-seen-alone', [
  { name: 'subject child seen alone', record: complete, expect: 'met', subjectId: 'C1' },
  {
    name: 'not seen alone, reason recorded',
    record: withFacts(seenOnlyWithOthers, { 'children[C1].notSeenAloneReason': true }),
    expect: 'met',
  },
  { name: 'seen only with others, no reason', record: seenOnlyWithOthers, expect: 'missing', subjectId: 'C1' },
  { name: 'no visits recorded, no reason', record: withFacts(complete, { 'children[C1].seenDates': null }), expect: 'missing', subjectId: 'C1' },
  {
    name: 'seen only with others, reason not read yet',
    record: withoutFact(seenOnlyWithOthers, 'children[C1].notSeenAloneReason'),
    expect: 'unknown',
    subjectId: 'C1',
  },
  { name: 'visits not read yet, no reason', record: withoutFact(complete, 'children[C1].seenDates'), expect: 'unknown', subjectId: 'C1' },
  { name: 'household not read yet', record: { ...complete, children: undefined }, expect: 'unknown' },
  { name: 'subject child not identified yet', record: withoutFact(complete, 'children[C1].isSubject'), expect: 'unknown' },
  {
    name: 'unborn subject child',
    record: withFacts(withoutFact(seenOnlyWithOthers, 'children[C1].dateOfBirth'), { 'children[C1].unborn': true, 'children[C1].seenDates': null }),
    expect: 'not-applicable',
  },
  {
    name: 'whether the subject child is born not read yet',
    record: withoutFact(withoutFact(seenOnlyWithOthers, 'children[C1].dateOfBirth'), 'children[C1].unborn'),
    expect: 'unknown',
  },
]);

testRule(pack, 'hertfordshire/all-children-seen', [
  { name: 'both children included and seen', record: complete, expect: 'met' },
  { name: 'sibling never seen', record: withFacts(complete, { 'children[C2].seenDates': [] }), expect: 'missing', subjectId: 'C2' },
  { name: 'sibling visits blank', record: withFacts(complete, { 'children[C2].seenDates': null }), expect: 'missing', subjectId: 'C2' },
  {
    name: 'sibling left out of the assessment (Hertfordshire has no exclusion route)',
    record: withFacts(complete, { 'children[C2].includedInAssessment': false, 'children[C2].exclusionReason': true }),
    expect: 'missing',
    subjectId: 'C2',
  },
  { name: 'sibling visits not read yet', record: withoutFact(complete, 'children[C2].seenDates'), expect: 'unknown', subjectId: 'C2' },
  { name: 'household not read yet', record: { ...complete, children: undefined }, expect: 'unknown' },
  {
    name: 'unborn sibling: included is enough',
    record: withFacts(withoutFact(complete, 'children[C2].dateOfBirth'), { 'children[C2].unborn': true, 'children[C2].seenDates': null }),
    expect: 'met',
  },
]);

describe('hertfordshire/all-children-seen: one finding per child', () => {
  it('reports each child on its own', () => {
    const { findings } = statusOf(pack, 'hertfordshire/all-children-seen', withFacts(complete, { 'children[C2].seenDates': [] }));
    expect(findings.map((f) => [f.subject?.id, f.status])).toEqual([
      ['C1', 'met'],
      ['C2', 'missing'],
    ]);
    expect(findings[1]?.detail).toBe('Still to record: seen.');
    expect(findings[1]?.field).toBe('children[C2].seenDates');
  });
});

testRule(pack, 'hertfordshire/home-visited-bedroom-seen', [
  { name: 'home visited and bedroom seen', record: complete, expect: 'met', subjectId: 'C1' },
  { name: 'home visit blank', record: withFacts(complete, { 'household.homeVisited': null }), expect: 'missing', subjectId: 'C1' },
  { name: 'bedroom not seen', record: withFacts(complete, { 'children[C1].bedroomSeen': false }), expect: 'missing', subjectId: 'C1' },
  { name: 'home visit not read yet', record: withoutFact(complete, 'household.homeVisited'), expect: 'unknown', subjectId: 'C1' },
  { name: 'bedroom not read yet', record: withoutFact(complete, 'children[C1].bedroomSeen'), expect: 'unknown', subjectId: 'C1' },
  {
    name: 'unborn subject child: the home visit is enough',
    record: withFacts(withoutFact(complete, 'children[C1].dateOfBirth'), { 'children[C1].unborn': true, 'children[C1].bedroomSeen': null }),
    expect: 'met',
  },
]);

// Section 2 asks "How will the consent of family members be obtained?": a planning question,
// so a prompt that never blocks sign-off, even with consent blank.
testPrompt('hertfordshire/consent-obtained', 'plan');

describe('hertfordshire/consent-obtained is a question, not a blocker', () => {
  it('consent blank: still ready for sign-off', () => {
    const { evaluation } = statusOf(pack, 'hertfordshire/consent-obtained', withFacts(complete, { 'consent.obtained': null }));
    expect(evaluation.ready.ready).toBe(true);
  });
});

for (const id of [
  'prompt-who-undertakes',
  'prompt-who-involved',
  'prompt-grouping',
  'prompt-services-during',
  'prompt-ethnicity-disability',
  'prompt-methods-tools',
  'prompt-timescales',
  'prompt-recording',
  'prompt-analysis-plan',
  'prompt-outcomes-planning',
]) {
  testPrompt(`hertfordshire/${id}`, 'plan');
}

testConditionalPrompt('hertfordshire/prompt-parent-involvement-safety', 'plan', {
  shown: [{ name: 'domestic abuse recorded', record: withFacts(complete, { 'concerns.domesticAbuse': true }) }],
  hidden: [
    { name: 'no such worry recorded', record: complete },
    { name: 'the worries not read yet', record: withoutFact(withoutFact(complete, 'concerns.domesticAbuse'), 'concerns.sexualAbuse') },
  ],
});

testRule(pack, 'hertfordshire/plan-agreed-by-participants', [
  { name: 'plan agreed, date recorded', record: complete, expect: 'met' },
  { name: 'not agreed', record: withFacts(complete, { 'dates.planAgreedWithFamily': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'dates.planAgreedWithFamily'), expect: 'unknown' },
]);

testRule(pack, 'hertfordshire/case-direction-timescales', [
  { name: 'case direction and timescales recorded', record: complete, expect: 'met' },
  { name: 'no timescales', record: withFacts(complete, { 'planning.timescaleAgreed': null }), expect: 'missing' },
  { name: 'case direction not read yet', record: withoutFact(complete, 'planning.planRecorded'), expect: 'unknown' },
]);

testRule(pack, 'hertfordshire/progress-circulated', [
  { name: 'progress circulated', record: complete, expect: 'met' },
  { name: 'not circulated', record: withFacts(complete, { 'planning.progressCirculated': false }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'planning.progressCirculated'), expect: 'unknown' },
]);

describe('hertfordshire/assessment-5-working-days: where the figure comes from', () => {
  it('says the 5 working days are the procedure’s figure and can be changed in the pack settings', () => {
    const { countdown } = statusOf(pack, 'hertfordshire/assessment-5-working-days', complete);
    expect(countdown?.figureNote).toBe('The 5 working days are the figure written in Hertfordshire’s procedure (section 6). Your council can change it in the pack settings');
  });

  it('says so when a council has set its own figure', () => {
    const params = HertfordshireParamsSchema.parse({ assessmentWorkingDays: 45 });
    const { countdown } = statusOf(pack, 'hertfordshire/assessment-5-working-days', complete, undefined, params);
    expect(countdown?.figureNote).toBe('Your council has set 45 working days in the pack settings; Hertfordshire’s procedure (section 6) says 5');
  });
});
