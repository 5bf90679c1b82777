// Where a sentence sits decides its weight, as well as its verb (issue 22): Derby's Practice Triggers
// ("useful hints / tips", as its introduction calls them) are clocks shown to the worker that never
// block; what blocks is the body text's own duty. And a reason excuses only its own clock.
import { describe, expect, it } from 'vitest';
import { withFacts, type AssessmentRecord } from '../../../model';
import { evaluate } from '../../engine';
import { completeDerbyRecord as complete, FATHER, section47DerbyRecord as s47, SUBJECT } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';

const NOW = '2026-11-23T10:00:00Z';
const run = (record: AssessmentRecord) => evaluate(record, pack, NOW);
const blockingIds = (record: AssessmentRecord) => run(record).ready.blocking.map((b) => b.ruleId);
const seenAlone = (date: string, time?: string) => ({ [`children[${SUBJECT}].seenDates`]: [{ date, alone: true, ...(time ? { time } : {}) }] });

describe('Derby 2.3 Practice Trigger: "See the child alone (within 24 hours if subject to S47 enquiry …)"', () => {
  // The enquiry began on 15 Sep 2026 at 14:00; 16 Sep at 20:00 is 30 hours on.
  const thirtyHours = withFacts(s47, seenAlone('2026-09-16', '20:00'));

  it('a visit at 30 hours with the threshold considered (2.4) does not block sign-off', () => {
    const evaluation = run(withFacts(thirtyHours, { 'childProtection.notSeenThresholdConsidered': true }));
    expect(evaluation.countdowns.find((c) => c.ruleId === 'derby/child-seen-alone-24-hours-s47')?.status).toBe('met-late');
    expect(evaluation.ready.blocking).toEqual([]);
    expect(evaluation.ready.ready).toBe(true);
  });

  it('what blocks is 2.4\'s body text: "If a child is not seen in this timeframe then the threshold must be considered"', () => {
    const ids = blockingIds(withFacts(thirtyHours, { 'childProtection.notSeenThresholdConsidered': null }));
    expect(ids).toEqual(['derby/threshold-considered-not-seen']);
  });
});

describe('Derby 2.3 Practice Trigger: "… within 5 working days if … child may be in need"', () => {
  // The decision to assess was Tue 15 Sep 2026; working day 8 is Fri 25 Sep.
  const dayEight = withFacts(complete, seenAlone('2026-09-25'));

  it('a child in need first seen alone on working day 8: shown as late, does not block', () => {
    const evaluation = run(dayEight);
    expect(evaluation.countdowns.find((c) => c.ruleId === 'derby/child-seen-alone-5-working-days')?.status).toBe('met-late');
    expect(evaluation.ready.ready).toBe(true);
  });

  it('needs no false "45 days exceeded" reason: that reason is owed only for the assessment\'s own timescale', () => {
    const evaluation = run(dayEight);
    expect(evaluation.findings.find((f) => f.ruleId === 'derby/timescale-exceeded-reason')?.status).toBe('not-applicable');
  });

  it('the body text\'s duty still blocks: "It is important that during the assessment practitioners see the child alone"', () => {
    expect(blockingIds(withFacts(complete, { [`children[${SUBJECT}].seenDates`]: [{ date: '2026-09-17', alone: false }] }))).toContain('derby/child-seen-alone');
  });
});

describe('Derby 2.10: "record the reasons for exceeding the time limit" excuses only the 45 working days', () => {
  // Decision Tue 15 Sep 2026 + 45 working days is Tue 17 Nov; completed on Fri 20 Nov, late.
  const late = withFacts(complete, { 'dates.completed': '2026-11-20', 'dates.submittedToManager': '2026-11-20', 'dates.authorised': null });

  it('late with no reason: the deadline and the reason both block', () => {
    const ids = blockingIds(withFacts(late, { 'timescale.exceededReasonRecorded': null }));
    expect(ids).toContain('derby/assessment-45-working-days');
    expect(ids).toContain('derby/timescale-exceeded-reason');
  });

  it('late with the reason recorded: excused, nothing blocks', () => {
    const evaluation = run(withFacts(late, { 'timescale.exceededReasonRecorded': true }));
    const clock = evaluation.countdowns.find((c) => c.ruleId === 'derby/assessment-45-working-days');
    expect(clock?.status).toBe('met-late');
    expect(clock?.excused).toBe(true);
    expect(evaluation.ready.ready).toBe(true);
  });

  it('never excuses another clock: the national 15-working-day conference still blocks', () => {
    const conference = withFacts(s47, {
      'childProtection.conferenceDecided': true,
      'childProtection.conferenceReportCompleted': true,
      'dates.icpc': null,
      'timescale.exceededReasonRecorded': true,
    });
    const evaluation = run(conference);
    const icpc = evaluation.countdowns.find((c) => c.ruleId === 'national/icpc-15-working-days');
    expect(icpc?.status).toBe('overdue');
    expect(icpc?.excused).toBeUndefined();
    expect(evaluation.ready.blocking.map((b) => b.ruleId)).toContain('national/icpc-15-working-days');
  });
});

describe('Derby 2.1 "Parental Responsibility … should be established from the outset", before the birth', () => {
  // Derby 1 speaks of "an unborn baby": nobody holds parental responsibility for a baby not yet born.
  const preBirth = withFacts(complete, {
    kind: 'pre-birth',
    [`children[${SUBJECT}].unborn`]: true,
    [`children[${SUBJECT}].dateOfBirth`]: null,
    [`children[${SUBJECT}].expectedDueDate`]: '2027-02-01',
    [`adults[${FATHER}].hasParentalResponsibility`]: null,
  });

  it('asks whether the father will have parental responsibility once the baby is born, not "for the child"', () => {
    const finding = run(preBirth).findings.find((f) => f.ruleId === 'derby/parental-responsibility-established' && f.subject?.id === FATHER);
    expect(finding?.status).toBe('missing');
    expect(finding?.message).toBe('The baby is not born yet. Find out and record whether each parent will have parental responsibility once the baby is born.');
    expect(finding?.message).not.toContain('for the child');
  });

  it('keeps the usual words once the child is born', () => {
    const finding = run(withFacts(complete, { [`adults[${FATHER}].hasParentalResponsibility`]: null })).findings.find(
      (f) => f.ruleId === 'derby/parental-responsibility-established' && f.subject?.id === FATHER,
    );
    expect(finding?.message).toBe(pack.rules.find((r) => r.id === 'derby/parental-responsibility-established')?.message);
  });
});
