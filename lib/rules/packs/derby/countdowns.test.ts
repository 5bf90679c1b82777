import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact, type AssessmentRecord, type FactValue } from '../../../model';
import { statusOf, testRule } from '../../../../tests/support/rule-tester';
import { completeDerbyRecord as complete, section47DerbyRecord as s47, SIBLING, SUBJECT } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';
import { DerbyParamsSchema } from './params';

// Due dates are worked out by hand from the England and Wales calendar (day 0 is the start
// day itself). Bank holidays used: Mon 25 May 2026; Fri 25 Dec 2026, Mon 28 Dec 2026
// (Boxing Day substitute), Fri 1 Jan 2027. The test clock is Mon 23 Nov 2026, 10:00 GMT.

/** The complete record with the clock running from a referral (no separate decision date) and nothing finished yet. */
function referredOn(referral: string, facts: Record<string, FactValue | null> = {}): AssessmentRecord {
  return withFacts(complete, {
    'dates.assessmentDecision': null,
    'dates.referral': referral,
    'dates.completed': null,
    'dates.submittedToManager': null,
    ...facts,
  });
}

/** The subject child's visits: seen alone on `date` (at `time`, when given), or (null) only ever seen with others. */
function subjectSeenAlone(date: string | null, time?: string): Record<string, FactValue> {
  const visit = date ? (time ? { date, alone: true, time } : { date, alone: true }) : { date: '2026-01-05', alone: false };
  return { [`children[${SUBJECT}].seenDates`]: [visit] };
}

const FORTY_FIVE = 'derby/assessment-45-working-days';
// Tue 15 Sep 2026 + 45: 16–18 Sep (3), four full weeks to 16 Oct (23), 19 Oct–13 Nov (43), Mon 16 (44), Tue 17 Nov (45).
// Mon 14 Sep 2026 + 45: 15–18 Sep (4), … Fri 13 Nov (44), Mon 16 Nov (45).
// Tue 1 Dec 2026 + 45: 2–4 Dec (3), 7–18 Dec (13), 21–24 Dec (17), [25, 28 Dec], 29–31 Dec (20), [1 Jan],
//   4–29 Jan 2027 (40), 1–5 Feb (45) → Fri 5 Feb 2027.
// Fri 30 Oct 2026 + 45: 2 Nov–24 Dec (39), [25, 28], 29–31 Dec (42), [1 Jan], 4, 5, 6 Jan → Wed 6 Jan 2027.
const christmas = referredOn('2026-12-01');
testRule(pack, FORTY_FIVE, [
  { name: 'completed before the due date (clock from the decision to assess)', record: complete, expect: 'met-on-time', due: '2026-11-17' },
  { name: 'completed on the due date', record: withFacts(complete, { 'dates.completed': '2026-11-17' }), expect: 'met-on-time', due: '2026-11-17' },
  { name: 'completed the working day after', record: withFacts(complete, { 'dates.completed': '2026-11-18' }), expect: 'met-late', due: '2026-11-17' },
  { name: 'not completed, past the due date', record: withFacts(complete, { 'dates.completed': null }), expect: 'overdue', due: '2026-11-17' },
  {
    name: 'decision date blank: the clock runs from the referral',
    record: withFacts(complete, { 'dates.assessmentDecision': null }),
    expect: 'met-on-time',
    due: '2026-11-16',
  },
  { name: 'decision date and referral both blank: the clock cannot start', record: withFacts(complete, { 'dates.assessmentDecision': null, 'dates.referral': null }), expect: 'missing' },
  {
    name: 'decision date not read yet: unknown, not a guess from the referral',
    record: withoutFact(complete, 'dates.assessmentDecision'),
    expect: 'unknown',
  },
  {
    name: 'decision date blank, referral not read yet',
    record: withoutFact(withFacts(complete, { 'dates.assessmentDecision': null }), 'dates.referral'),
    expect: 'unknown',
  },
  {
    name: 'past due, but whether it was completed is not read yet: never claimed overdue',
    record: withoutFact(complete, 'dates.completed'),
    expect: 'unknown',
    due: '2026-11-17',
  },
  // Across Christmas and New Year.
  { name: 'Christmas: just started', record: christmas, now: '2026-12-02T10:00:00Z', expect: 'on-track', due: '2027-02-05' },
  { name: 'Christmas: six working days left', record: christmas, now: '2027-01-28T10:00:00Z', expect: 'on-track', due: '2027-02-05' },
  { name: 'Christmas: five working days left', record: christmas, now: '2027-01-29T10:00:00Z', expect: 'due-soon', due: '2027-02-05' },
  { name: 'Christmas: due today', record: christmas, now: '2027-02-05T10:00:00Z', expect: 'due-today', due: '2027-02-05' },
  { name: 'Christmas: still due today at 23:59 GMT', record: christmas, now: '2027-02-05T23:59:00Z', expect: 'due-today', due: '2027-02-05' },
  { name: 'Christmas: overdue on the Monday after', record: christmas, now: '2027-02-08T10:00:00Z', expect: 'overdue', due: '2027-02-05' },
  {
    name: 'Christmas: completed on the due date',
    record: withFacts(christmas, { 'dates.completed': '2027-02-05' }),
    now: '2027-02-10T10:00:00Z',
    expect: 'met-on-time',
    due: '2027-02-05',
  },
  {
    name: 'Christmas: completed the next working day',
    record: withFacts(christmas, { 'dates.completed': '2027-02-08' }),
    now: '2027-02-10T10:00:00Z',
    expect: 'met-late',
    due: '2027-02-05',
  },
  { name: 'New Year: referral on Fri 30 Oct 2026', record: referredOn('2026-10-30'), expect: 'on-track', due: '2027-01-06' },
]);

describe(`${FORTY_FIVE}: details`, () => {
  it('states its basis and counts working days left across the holidays', () => {
    const { countdown } = statusOf(pack, FORTY_FIVE, christmas, '2026-12-02T10:00:00Z');
    expect(countdown?.basis).toBe('45 working days from referral on 1 Dec 2026');
    // 3 Dec … 5 Feb: 44 working days (Christmas, Boxing Day and New Year's Day are not).
    expect(countdown?.workingDaysLeft).toBe(44);
    expect(countdown?.field).toBe('dates.completed');
  });

  it('names the decision to assess when the clock starts there', () => {
    const { countdown } = statusOf(pack, FORTY_FIVE, complete);
    expect(countdown?.basis).toBe('45 working days from the decision to assess on 15 Sep 2026');
    expect(countdown?.metOn).toBe('2026-11-04');
  });

  it('points at the decision date when it is not read yet', () => {
    const { countdown } = statusOf(pack, FORTY_FIVE, withoutFact(complete, 'dates.assessmentDecision'));
    expect(countdown?.field).toBe('dates.assessmentDecision');
  });

  it('takes a council’s own number of working days', () => {
    const params = DerbyParamsSchema.parse({ assessmentWorkingDays: 20 });
    // Tue 1 Dec + 20: 2–4 (3), 7–11 (8), 14–18 (13), 21–24 (17), [25, 28], 29, 30, Thu 31 Dec (20).
    const { countdown } = statusOf(pack, FORTY_FIVE, christmas, '2026-12-02T10:00:00Z', params);
    expect(countdown?.due).toBe('2026-12-31');
    expect(countdown?.basis).toBe('20 working days from referral on 1 Dec 2026');
  });
});

const MANAGER_COPY = 'derby/manager-copy-5-working-days-before';
// Due 17 Nov 2026 → 5 working days before: 16, 13, 12, 11, Tue 10 Nov.
// Due Fri 5 Feb 2027 → 4, 3, 2, 1 Feb, Fri 29 Jan 2027.
// Due Wed 6 Jan 2027 → 5, 4 Jan, [1 Jan], 31, 30, Tue 29 Dec 2026.
// Due Thu 7 Jan 2027 (referral Mon 2 Nov) → 6, 5, 4 Jan, 31, Wed 30 Dec 2026.
const newYear = referredOn('2026-11-02');
testRule(pack, MANAGER_COPY, [
  { name: 'sent to the manager in good time', record: complete, expect: 'met-on-time', due: '2026-11-10' },
  { name: 'sent on the day it was due', record: withFacts(complete, { 'dates.submittedToManager': '2026-11-10' }), expect: 'met-on-time', due: '2026-11-10' },
  { name: 'sent a day late', record: withFacts(complete, { 'dates.submittedToManager': '2026-11-11' }), expect: 'met-late', due: '2026-11-10' },
  { name: 'not sent, past the date', record: withFacts(complete, { 'dates.submittedToManager': null }), expect: 'overdue', due: '2026-11-10' },
  { name: 'whether it was sent is not read yet', record: withoutFact(complete, 'dates.submittedToManager'), expect: 'unknown', due: '2026-11-10' },
  { name: 'the assessment clock start is not read yet', record: withoutFact(complete, 'dates.assessmentDecision'), expect: 'unknown' },
  { name: 'no clock start recorded', record: withFacts(complete, { 'dates.assessmentDecision': null, 'dates.referral': null }), expect: 'missing' },
  { name: 'across the New Year: due before Christmas', record: referredOn('2026-10-30'), expect: 'on-track', due: '2026-12-29' },
  { name: 'Christmas: five working days before 5 Feb', record: christmas, now: '2026-12-02T10:00:00Z', expect: 'on-track', due: '2027-01-29' },
  { name: 'six working days left', record: newYear, now: '2026-12-18T10:00:00Z', expect: 'on-track', due: '2026-12-30' },
  { name: 'five working days left, across Christmas', record: newYear, now: '2026-12-21T10:00:00Z', expect: 'due-soon', due: '2026-12-30' },
  { name: 'on Boxing Day’s bank holiday', record: newYear, now: '2026-12-28T10:00:00Z', expect: 'due-soon', due: '2026-12-30' },
  { name: 'due today', record: newYear, now: '2026-12-30T10:00:00Z', expect: 'due-today', due: '2026-12-30' },
  { name: 'overdue on New Year’s Eve', record: newYear, now: '2026-12-31T10:00:00Z', expect: 'overdue', due: '2026-12-30' },
]);

describe(`${MANAGER_COPY}: details`, () => {
  it('states its basis from the assessment due date', () => {
    const { countdown } = statusOf(pack, MANAGER_COPY, referredOn('2026-10-30'));
    expect(countdown?.basis).toBe('5 working days before the assessment due date on 6 Jan 2027');
    expect(countdown?.field).toBe('dates.submittedToManager');
  });
});

const S47 = 'derby/child-seen-alone-24-hours-s47';
/** A Section 47 enquiry that began at `start` (strategy discussion earlier), the subject child seen alone on `seen` (at `time`). */
function enquiry(start: string, seen: string | null, time?: string): AssessmentRecord {
  return withFacts(s47, { 'dates.section47Start': start, ...subjectSeenAlone(seen, time) });
}
const gmt = enquiry('2026-11-18T14:30:00Z', null);
const bst = enquiry('2026-06-10T16:00:00+01:00', null);
testRule(pack, S47, [
  { name: 'seen alone the day after the enquiry began', record: s47, expect: 'met-on-time', due: '2026-09-16T14:00:00+01:00' },
  {
    name: 'enquiry start blank: 24 hours from the strategy discussion',
    record: withFacts(s47, { 'dates.section47Start': null }),
    expect: 'met-on-time',
    due: '2026-09-16T11:00:00+01:00',
  },
  { name: 'enquiry start not read yet', record: withoutFact(s47, 'dates.section47Start'), expect: 'unknown' },
  {
    name: 'enquiry start blank, strategy discussion not read yet',
    record: withoutFact(withFacts(s47, { 'dates.section47Start': null }), 'dates.strategyDiscussion'),
    expect: 'unknown',
  },
  { name: 'neither date recorded', record: withFacts(s47, { 'dates.section47Start': null, 'dates.strategyDiscussion': null }), expect: 'missing' },
  { name: 'never seen alone', record: enquiry('2026-09-15T14:00:00+01:00', null), expect: 'overdue', due: '2026-09-16T14:00:00+01:00' },
  { name: 'visits not read yet', record: withoutFact(s47, `children[${SUBJECT}].seenDates`), expect: 'unknown' },
  { name: 'not a Section 47 enquiry', record: complete, expect: 'not-applicable' },
  { name: 'kind of assessment and enquiry start not read yet', record: withoutFact(withoutFact(s47, 'kind'), 'dates.section47Start'), expect: 'unknown' },
  { name: 'kind not read yet, but an enquiry start is recorded', record: withoutFact(s47, 'kind'), expect: 'met-on-time' },
  // A Section 47 enquiry that begins during a child in need assessment has the same clock.
  {
    name: 'child in need assessment with a Section 47 start: seen alone 3 hours in',
    record: withFacts(complete, { 'dates.section47Start': '2026-10-05T09:00:00+01:00', ...subjectSeenAlone('2026-10-05', '12:00') }),
    expect: 'met-on-time',
    due: '2026-10-06T09:00:00+01:00',
  },
  {
    name: 'child in need assessment with a Section 47 start: not seen alone since',
    record: withFacts(complete, { 'dates.section47Start': '2026-10-05T09:00:00+01:00', ...subjectSeenAlone('2026-09-17') }),
    expect: 'overdue',
    due: '2026-10-06T09:00:00+01:00',
  },
  { name: 'child in need assessment, no Section 47 start', record: complete, expect: 'not-applicable' },
  // Judged to the hour: began Wed 18 Nov 2026 at 14:30 GMT, due Thu 19 Nov at 14:30.
  { name: 'seen alone 23 hours in', record: enquiry('2026-11-18T14:30:00Z', '2026-11-19', '13:30'), expect: 'met-on-time' },
  { name: 'seen alone at exactly 24 hours', record: enquiry('2026-11-18T14:30:00Z', '2026-11-19', '14:30'), expect: 'met-on-time' },
  { name: 'seen alone 25 hours in', record: enquiry('2026-11-18T14:30:00Z', '2026-11-19', '15:30'), expect: 'met-late' },
  { name: 'seen alone 47 hours in', record: enquiry('2026-11-18T14:30:00Z', '2026-11-20', '13:30'), expect: 'met-late' },
  { name: 'seen alone the same morning, before the enquiry began: does not count', record: enquiry('2026-11-18T14:30:00Z', '2026-11-18', '10:00'), expect: 'overdue' },
  { name: 'seen alone the day before the enquiry began: does not count', record: enquiry('2026-11-18T14:30:00Z', '2026-11-17'), expect: 'overdue' },
  { name: 'seen alone on the due day, no time recorded: never called on time', record: enquiry('2026-11-18T14:30:00Z', '2026-11-19'), expect: 'overdue' },
  { name: 'seen alone on the start day, no time recorded: the time is needed', record: enquiry('2026-11-18T14:30:00Z', '2026-11-18'), expect: 'overdue' },
  {
    name: 'unborn subject child, no other child in the enquiry',
    record: withFacts(s47, { [`children[${SUBJECT}].unborn`]: true, [`children[${SUBJECT}].dateOfBirth`]: null, [`children[${SIBLING}].includedInAssessment`]: false }),
    expect: 'not-applicable',
  },
  // Winter (GMT): began Wed 18 Nov 2026 at 14:30, due Thu 19 Nov at 14:30.
  { name: 'GMT: half an hour in', record: gmt, now: '2026-11-18T15:00:00Z', expect: 'on-track', due: '2026-11-19T14:30:00Z' },
  { name: 'GMT: 6½ hours left on the due day', record: gmt, now: '2026-11-19T08:00:00Z', expect: 'due-today', due: '2026-11-19T14:30:00Z' },
  { name: 'GMT: 6 hours left', record: gmt, now: '2026-11-19T08:30:00Z', expect: 'due-soon', due: '2026-11-19T14:30:00Z' },
  { name: 'GMT: a minute left', record: gmt, now: '2026-11-19T14:29:00Z', expect: 'due-soon', due: '2026-11-19T14:30:00Z' },
  { name: 'GMT: a minute past', record: gmt, now: '2026-11-19T14:31:00Z', expect: 'overdue', due: '2026-11-19T14:30:00Z' },
  { name: 'GMT: seen alone on the due day, in time', record: enquiry('2026-11-18T14:30:00Z', '2026-11-19', '09:00'), expect: 'met-on-time' },
  { name: 'GMT: seen alone the day after the due day (no time needed to tell)', record: enquiry('2026-11-18T14:30:00Z', '2026-11-20'), expect: 'met-late' },
  // Summer: the visit's time is UK local (BST), 1 hour ahead of UTC.
  { name: 'BST: seen at 16:00 BST, 24 hours after 15:00 UTC', record: enquiry('2026-06-10T15:00:00Z', '2026-06-11', '16:00'), now: '2026-06-20T10:00:00Z', expect: 'met-on-time' },
  { name: 'BST: seen at 16:01 BST', record: enquiry('2026-06-10T15:00:00Z', '2026-06-11', '16:01'), now: '2026-06-20T10:00:00Z', expect: 'met-late' },
  // Summer (BST): began Wed 10 Jun 2026 at 16:00 BST (15:00 UTC), due Thu 11 Jun at 16:00 BST.
  { name: 'BST: 7 hours left on the due day', record: bst, now: '2026-06-11T08:00:00Z', expect: 'due-today', due: '2026-06-11T16:00:00+01:00' },
  { name: 'BST: a minute left at 15:59 BST', record: bst, now: '2026-06-11T14:59:00Z', expect: 'due-soon', due: '2026-06-11T16:00:00+01:00' },
  { name: 'BST: a minute past at 16:01 BST (15:01 UTC)', record: bst, now: '2026-06-11T15:01:00Z', expect: 'overdue', due: '2026-06-11T16:00:00+01:00' },
  {
    // 23:30 UTC on 10 June is 00:30 BST on 11 June, so the deadline is 00:30 BST on 12 June.
    name: 'BST, recorded in UTC: seen alone at 00:15 on the English due day',
    record: enquiry('2026-06-10T23:30:00Z', '2026-06-12', '00:15'),
    now: '2026-06-20T10:00:00Z',
    expect: 'met-on-time',
    due: '2026-06-11T23:30:00Z',
  },
  // Clocks go forward at 01:00 GMT on Sun 29 Mar 2026: 24 hours is elapsed time.
  { name: 'clock change: a minute left', record: enquiry('2026-03-28T12:00:00Z', null), now: '2026-03-29T11:59:00Z', expect: 'due-soon', due: '2026-03-29T12:00:00Z' },
  { name: 'clock change: a minute past', record: enquiry('2026-03-28T12:00:00Z', null), now: '2026-03-29T12:01:00Z', expect: 'overdue', due: '2026-03-29T12:00:00Z' },
]);

describe(`${S47}: details`, () => {
  it('names the child and states its basis in clock time', () => {
    const { countdown } = statusOf(pack, S47, gmt, '2026-11-19T08:30:00Z');
    expect(countdown?.subject?.id).toBe(SUBJECT);
    expect(countdown?.basis).toBe('24 hours from the start of the Section 47 enquiry at 18 Nov 2026, 14:30');
    expect(countdown?.hoursLeft).toBe(6);
    expect(countdown?.dueIsTime).toBe(true);
    expect(countdown?.field).toBe(`children[${SUBJECT}].seenDates`);
  });

  it('says the visit’s time is needed when a due-day visit has none', () => {
    const { countdown, evaluation } = statusOf(pack, S47, enquiry('2026-11-18T14:30:00Z', '2026-11-19'));
    expect(countdown?.detail).toBe('Seen alone on 19 Nov 2026, but no time is recorded. Record the time of the visit to show it was within 24 hours.');
    // The clock is a Practice Trigger and never blocks; 2.4's body text does, until the threshold is considered.
    expect(evaluation.ready.blocking.some((b) => b.ruleId === S47)).toBe(false);
    expect(evaluation.ready.blocking.some((b) => b.ruleId === 'derby/threshold-considered-not-seen')).toBe(true);
  });

  it('gives the moment the child was seen when judged to the hour', () => {
    const { countdown } = statusOf(pack, S47, enquiry('2026-11-18T14:30:00Z', '2026-11-19', '15:30'));
    expect(countdown?.metOn).toBe('2026-11-19T15:30:00+00:00');
  });

  it('takes a council’s own "due soon" hours', () => {
    const params = DerbyParamsSchema.parse({ dueSoonHours: 2 });
    const { countdown } = statusOf(pack, S47, gmt, '2026-11-19T08:30:00Z', params);
    expect(countdown?.status).toBe('due-today');
  });
});

const FIVE_DAYS = 'derby/child-seen-alone-5-working-days';
// Tue 15 Sep 2026 + 5: 16, 17, 18, 21, Tue 22 Sep.
// Thu 21 May 2026 + 5: 22, [Mon 25 May bank holiday], 26, 27, 28, Fri 29 May.
// Wed 3 Jun 2026 + 5: 4, 5, 8, 9, Wed 10 Jun.
// Tue 17 Nov + 5 → Tue 24 Nov; Wed 18 Nov → Wed 25 Nov; Thu 19 Nov → Thu 26 Nov.
const june = referredOn('2026-06-03', subjectSeenAlone(null));
testRule(pack, FIVE_DAYS, [
  { name: 'seen alone two working days in', record: complete, expect: 'met-on-time', due: '2026-09-22' },
  { name: 'seen alone on the fifth working day', record: withFacts(complete, subjectSeenAlone('2026-09-22')), expect: 'met-on-time', due: '2026-09-22' },
  { name: 'seen alone on the sixth working day', record: withFacts(complete, subjectSeenAlone('2026-09-23')), expect: 'met-late', due: '2026-09-22' },
  { name: 'only ever seen with others', record: withFacts(complete, subjectSeenAlone(null)), expect: 'overdue', due: '2026-09-22' },
  { name: 'no visits recorded', record: withFacts(complete, { [`children[${SUBJECT}].seenDates`]: null }), expect: 'overdue' },
  { name: 'visits not read yet', record: withoutFact(complete, `children[${SUBJECT}].seenDates`), expect: 'unknown', due: '2026-09-22' },
  { name: 'clock start not read yet', record: withoutFact(complete, 'dates.assessmentDecision'), expect: 'unknown' },
  { name: 'a re-assessment', record: withFacts(complete, { kind: 'reassessment' }), expect: 'met-on-time' },
  { name: 'a pre-birth assessment of a child now born', record: withFacts(complete, { kind: 'pre-birth' }), expect: 'met-on-time' },
  {
    name: 'a pre-birth assessment of an unborn child',
    record: withFacts(complete, { kind: 'pre-birth', [`children[${SUBJECT}].unborn`]: true, [`children[${SUBJECT}].dateOfBirth`]: null }),
    expect: 'not-applicable',
  },
  {
    name: 'whether the subject child is born is not read yet, seen alone on time: done',
    record: withoutFact(withoutFact(withFacts(complete, { kind: 'pre-birth' }), `children[${SUBJECT}].unborn`), `children[${SUBJECT}].dateOfBirth`),
    expect: 'met-on-time',
  },
  {
    name: 'whether the subject child is born is not read yet, not seen alone',
    record: withoutFact(withoutFact(withFacts(complete, { kind: 'pre-birth', ...subjectSeenAlone(null) }), `children[${SUBJECT}].unborn`), `children[${SUBJECT}].dateOfBirth`),
    expect: 'unknown',
  },
  { name: 'a Section 47 enquiry has its own 24-hour clock', record: s47, expect: 'not-applicable' },
  { name: 'kind not read yet, seen alone on time: done', record: withoutFact(complete, 'kind'), expect: 'met-on-time' },
  { name: 'kind not read yet, not seen alone', record: withoutFact(withFacts(complete, subjectSeenAlone(null)), 'kind'), expect: 'unknown' },
  {
    name: 'no child is marked as the subject',
    record: withFacts(complete, { [`children[${SUBJECT}].isSubject`]: false }),
    expect: 'missing',
  },
  { name: 'which child is the subject is not read yet', record: withoutFact(complete, `children[${SUBJECT}].isSubject`), expect: 'unknown' },
  { name: 'household not read yet', record: { ...complete, children: undefined }, expect: 'unknown' },
  // Boundaries on the test clock, Mon 23 Nov (due soon within 2 working days for this clock).
  { name: 'three working days left', record: referredOn('2026-11-19', subjectSeenAlone(null)), expect: 'on-track', due: '2026-11-26' },
  { name: 'two working days left', record: referredOn('2026-11-18', subjectSeenAlone(null)), expect: 'due-soon', due: '2026-11-25' },
  { name: 'one working day left', record: referredOn('2026-11-17', subjectSeenAlone(null)), expect: 'due-soon', due: '2026-11-24' },
  { name: 'across the spring bank holiday', record: referredOn('2026-05-21', subjectSeenAlone(null)), now: '2026-05-22T09:00:00Z', expect: 'on-track', due: '2026-05-29' },
  { name: 'BST: due today at 23:59 BST', record: june, now: '2026-06-10T22:59:00Z', expect: 'due-today', due: '2026-06-10' },
  { name: 'BST: overdue at 00:01 BST the next day (still 10 June in UTC)', record: june, now: '2026-06-10T23:01:00Z', expect: 'overdue', due: '2026-06-10' },
]);

describe(`${FIVE_DAYS}: details`, () => {
  it('names the subject child', () => {
    const { countdown } = statusOf(pack, FIVE_DAYS, complete);
    expect(countdown?.subject).toEqual({ kind: 'child', id: SUBJECT, label: 'AK (subject child), aged 7' });
    expect(countdown?.basis).toBe('5 working days from the decision to assess on 15 Sep 2026');
  });

  it('ignores the sibling’s visits', () => {
    const record = withFacts(complete, { ...subjectSeenAlone(null), [`children[${SIBLING}].seenDates`]: [{ date: '2026-09-16', alone: true }] });
    expect(statusOf(pack, FIVE_DAYS, record).countdown?.status).toBe('overdue');
  });
});

const REASSESS = 'derby/reassessment-12-months';
const previous = (date: string, completed: string | null = null) =>
  withFacts(complete, { kind: 'reassessment', 'dates.previousAssessmentCompleted': date, 'dates.completed': completed });
/** A re-assessment whose start (decision to assess, referral) is blank: it cannot be said to have begun. */
const notBegun = (date: string) => withFacts(previous(date), { 'dates.assessmentDecision': null, 'dates.referral': null });
// Derby 2.3: "as a guide this would be no more than every 12 months for CiN or CP". On a re-assessment
// under way, this assessment is the new one: the guide is met when it began (decision 15 Sep 2026).
testRule(pack, REASSESS, [
  { name: 'this re-assessment began within a year of the last one, not completed yet', record: previous('2025-11-20'), expect: 'met-on-time', due: '2026-11-20' },
  { name: 'this re-assessment began more than a year after the last one', record: previous('2025-09-01', '2026-11-04'), expect: 'met-late', due: '2026-09-01' },
  { name: 'a year has passed and no new assessment has begun', record: notBegun('2025-10-31'), expect: 'overdue', due: '2026-10-31' },
  { name: 'when this re-assessment began is not read yet', record: withoutFact(previous('2025-10-31'), 'dates.assessmentDecision'), expect: 'unknown' },
  { name: 'no previous assessment (blank)', record: withFacts(complete, { kind: 'reassessment' }), expect: 'not-applicable' },
  {
    name: 'previous assessment date not read yet',
    record: withoutFact(withFacts(complete, { kind: 'reassessment' }), 'dates.previousAssessmentCompleted'),
    expect: 'unknown',
  },
  {
    name: 'a new referral years after an earlier assessment closed is not a re-assessment',
    record: withFacts(complete, { 'dates.previousAssessmentCompleted': '2022-03-01' }),
    expect: 'not-applicable',
  },
  // 24 Dec 2026 is 23 working days after Mon 23 Nov; 18 Dec is 19 (due soon within 20).
  { name: 'a month away', record: notBegun('2025-12-24'), expect: 'on-track', due: '2026-12-24' },
  { name: 'under a month away', record: notBegun('2025-12-18'), expect: 'due-soon', due: '2026-12-18' },
  { name: '29 February: due on 28 February the next year', record: notBegun('2024-02-29'), now: '2025-02-28T10:00:00Z', expect: 'due-today', due: '2025-02-28' },
]);

describe(`${REASSESS}: details`, () => {
  it('is good practice ("as a guide"): overdue, it does not block sign-off', () => {
    const { countdown, evaluation } = statusOf(pack, REASSESS, notBegun('2025-10-31'));
    expect(countdown?.severity).toBe('expected');
    expect(countdown?.status).toBe('overdue');
    expect(evaluation.ready.blocking.some((b) => b.ruleId === REASSESS)).toBe(false);
  });

  it('a re-assessment under way is the new assessment: never "overdue" because it is not completed yet', () => {
    const { countdown, evaluation } = statusOf(pack, REASSESS, previous('2025-10-31'));
    expect(countdown?.status).toBe('met-on-time');
    expect(evaluation.ready.blocking.some((b) => b.ruleId === REASSESS)).toBe(false);
  });

  it('says what it measures when this re-assessment began late by the guide, and never blocks', () => {
    const { countdown, evaluation } = statusOf(pack, REASSESS, previous('2025-09-01', '2026-11-04'));
    expect(countdown?.status).toBe('met-late');
    expect(countdown?.detail).toBe('12 months since the last assessment: this re-assessment began later than the guide. The guide never blocks sign-off.');
    expect(evaluation.ready.blocking.some((b) => b.ruleId === REASSESS)).toBe(false);
  });

  it('keeps the guide wording and the settled placement exception', () => {
    const message = pack.rules.find((r) => r.id === REASSESS)?.message ?? '';
    expect(message).toContain('As a guide');
    expect(message).toContain('settled LAC placement');
  });
});

describe(`${MANAGER_COPY}: a Practice Trigger`, () => {
  it('sent late: shown to the worker, never blocks sign-off, and owes no timescale reason', () => {
    const record = withFacts(complete, { 'dates.submittedToManager': '2026-11-11' });
    const { countdown, evaluation } = statusOf(pack, MANAGER_COPY, record);
    expect(countdown?.severity).toBe('prompt');
    expect(countdown?.status).toBe('met-late');
    expect(evaluation.ready.blocking.some((b) => b.ruleId === MANAGER_COPY)).toBe(false);
    expect(evaluation.findings.find((f) => f.ruleId === 'derby/timescale-exceeded-reason')?.status).toBe('not-applicable');
  });
});

const TIMESCALE = 'derby/timescale-exceeded-reason';
const lateCompletion = withFacts(complete, { 'dates.completed': '2026-11-18' });
const overdue = withFacts(complete, { 'dates.completed': null });
testRule(pack, TIMESCALE, [
  { name: 'completed late, reason recorded', record: withFacts(lateCompletion, { 'timescale.exceededReasonRecorded': true }), expect: 'met' },
  { name: 'overdue, reason recorded', record: withFacts(overdue, { 'timescale.exceededReasonRecorded': true }), expect: 'met' },
  { name: 'completed late, reason box blank', record: lateCompletion, expect: 'missing' },
  { name: 'overdue, reason box blank', record: overdue, expect: 'missing' },
  // Owed only for the assessment's own 45 working days (Derby 2.10).
  { name: 'manager’s copy late, assessment on time: no reason owed', record: withFacts(complete, { 'dates.submittedToManager': '2026-11-11' }), expect: 'not-applicable' },
  { name: 'child seen alone late, assessment on time: no reason owed', record: withFacts(complete, subjectSeenAlone('2026-09-23')), expect: 'not-applicable' },
  { name: 'completed late, reason not read yet', record: withoutFact(lateCompletion, 'timescale.exceededReasonRecorded'), expect: 'unknown' },
  { name: 'clock start not read: cannot tell yet', record: withoutFact(complete, 'dates.assessmentDecision'), expect: 'unknown' },
  { name: 'no clock start recorded: cannot tell', record: withFacts(complete, { 'dates.assessmentDecision': null, 'dates.referral': null }), expect: 'unknown' },
  {
    name: 'clock start not read, but a reason is recorded anyway',
    record: withFacts(withoutFact(complete, 'dates.assessmentDecision'), { 'timescale.exceededReasonRecorded': true }),
    expect: 'met',
  },
  { name: 'every deadline met', record: complete, expect: 'not-applicable' },
  { name: 'still within the timescale', record: referredOn('2026-11-02', subjectSeenAlone('2026-11-04')), expect: 'not-applicable' },
]);

describe(`${TIMESCALE}: details`, () => {
  it('says which deadline was missed', () => {
    const { findings } = statusOf(pack, TIMESCALE, lateCompletion);
    expect(findings[0]?.detail).toBe('Past due: Assessment completed.');
    expect(findings[0]?.field).toBe('timescale.exceededReasonRecorded');
  });
});

// Issue 23: the 24-hour clock runs for each child subject to the enquiry, not only the subject child.
describe(`${S47}: one clock for each child in the enquiry`, () => {
  const quote = 'Derby 2.3, Practice Triggers: "See the child alone (within 24 hours if subject to S47 enquiry)"';
  it(`${quote}: each child included and born has its own clock`, () => {
    const record = withFacts(s47, { [`children[${SIBLING}].seenDates`]: [{ date: '2026-10-06', alone: true }] });
    const clocks = statusOf(pack, S47, record).evaluation.countdowns.filter((c) => c.ruleId === S47);
    expect(clocks.map((c) => c.subject?.id)).toEqual([SUBJECT, SIBLING]);
    // The subject child was seen alone the next morning; the sibling only three weeks later.
    expect(clocks.map((c) => c.status)).toEqual(['met-on-time', 'met-late']);
    expect(clocks[1]?.field).toBe(`children[${SIBLING}].seenDates`);
  });
  it('a child not included in the assessment, or unborn, has no clock', () => {
    const notIncluded = withFacts(s47, { [`children[${SIBLING}].includedInAssessment`]: false });
    expect(statusOf(pack, S47, notIncluded).evaluation.countdowns.filter((c) => c.ruleId === S47).map((c) => c.subject?.id)).toEqual([SUBJECT]);
    const unborn = withFacts(s47, { [`children[${SIBLING}].unborn`]: true, [`children[${SIBLING}].dateOfBirth`]: null });
    expect(statusOf(pack, S47, unborn).evaluation.countdowns.filter((c) => c.ruleId === S47).map((c) => c.subject?.id)).toEqual([SUBJECT]);
  });
  it('an unborn subject child has no clock, but a born sibling in the enquiry does', () => {
    const record = withFacts(s47, { [`children[${SUBJECT}].unborn`]: true, [`children[${SUBJECT}].dateOfBirth`]: null });
    const clocks = statusOf(pack, S47, record).evaluation.countdowns.filter((c) => c.ruleId === S47);
    expect(clocks.map((c) => [c.subject?.id, c.status])).toEqual([[SIBLING, 'met-on-time']]);
  });
});
