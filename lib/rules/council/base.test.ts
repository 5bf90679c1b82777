// The shared England base's rules that Wirral does not use, each through a small test pack:
// one record that meets it, one that does not, one whose facts are not read yet.
import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact, type AssessmentRecord } from '../../model';
import { statusOf, testRule } from '../../../tests/support/rule-tester';
import { completeHertfordshireRecord } from '../../../tests/fixtures/records/hertfordshire-records';
import { src, testshire } from '../../../tests/support/testshire';
import { loadCouncilPack } from './load';
import type { CouncilParams } from './base';
import type { Pack } from '../types';

const doc = testshire({
  settings: { seenWithin: { default: 3, min: 1, max: 20, says: 'Testshire 1: the child is seen within 3 working days' } },
  rules: [
    {
      id: 'assessment-10-working-days',
      use: 'assessment-timescale',
      severity: 'required',
      figures: { workingDays: 10 },
      source: src('within 10 working days'),
      excusedBy: { fact: 'timescale.exceededReasonRecorded', allowedBy: 'Testshire 1: record the reasons for exceeding 10 working days' },
    },
    { id: 'timescale-exceeded-reason', use: 'timescale-exceeded-reason', severity: 'required', figures: { deadline: 'assessment-10-working-days' }, source: src('record the reasons') },
    { id: 'child-seen', use: 'child-seen-within', severity: 'required', figures: { workingDays: { setting: 'seenWithin' } }, source: src('seen within 3 working days') },
    { id: 'child-seen-alone', use: 'child-seen-alone-within', severity: 'expected', figures: { workingDays: 5, kinds: ['child-in-need'] }, source: src('seen alone within 5 working days') },
    { id: 'child-seen-alone-s47', use: 'child-seen-alone-within', severity: 'required', figures: { hours: 24, from: 'section-47-or-strategy', kinds: ['section-47'] }, source: src('within 24 hours') },
    { id: 'plan-to-manager', use: 'review-point', severity: 'prompt', figures: { workingDays: 8, recordedIn: 'dates.submittedToManager' }, source: src('to your manager by day 8') },
    { id: 'manager-endorsed-plan', use: 'manager-endorsement', severity: 'required', source: src('the manager endorses the plan') },
    { id: 'plan-agreed', use: 'plan-agreed', severity: 'required', source: src('agree the plan with the family') },
    { id: 'consent', use: 'consent', severity: 'required', source: src('consent is recorded') },
  ],
});

const loaded = loadCouncilPack(doc);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const pack: Pack<CouncilParams> = loaded.pack;

// Referral and decision Monday 16 Nov 2026; the child seen alone on 17 Nov; completed 20 Nov.
const complete: AssessmentRecord = { ...completeHertfordshireRecord, pack: 'testshire' };
const open = withFacts(complete, { 'dates.completed': null, 'dates.authorised': null });

testRule(pack, 'testshire/assessment-10-working-days', [
  { name: 'completed in 4 working days', record: complete, expect: 'met-on-time', due: '2026-11-30' },
  { name: 'open past 10 working days', record: withFacts(open, { 'dates.assessmentDecision': '2026-11-02' }), expect: 'overdue' },
  { name: 'decision date not read yet', record: withoutFact(complete, 'dates.assessmentDecision'), expect: 'unknown' },
  { name: 'decision blank, referral blank', record: withFacts(complete, { 'dates.assessmentDecision': null, 'dates.referral': null }), expect: 'missing' },
]);

testRule(pack, 'testshire/timescale-exceeded-reason', [
  { name: 'on time: not owed', record: complete, expect: 'not-applicable' },
  { name: 'overdue, reason recorded', record: withFacts(open, { 'dates.assessmentDecision': '2026-11-02', 'timescale.exceededReasonRecorded': true }), expect: 'met' },
  { name: 'overdue, no reason', record: withFacts(open, { 'dates.assessmentDecision': '2026-11-02' }), expect: 'missing' },
  { name: 'clock start not read yet', record: withoutFact(complete, 'dates.assessmentDecision'), expect: 'unknown' },
]);

testRule(pack, 'testshire/child-seen', [
  { name: 'seen on day 1', record: complete, expect: 'met-on-time', due: '2026-11-19' },
  { name: 'never seen, day 5', record: withFacts(complete, { 'children[C1].seenDates': null }), expect: 'overdue' },
  { name: 'visits not read yet', record: withoutFact(complete, 'children[C1].seenDates'), expect: 'unknown' },
]);

testRule(pack, 'testshire/child-seen-alone', [
  { name: 'seen alone on day 1', record: complete, expect: 'met-on-time' },
  { name: 'only seen with a parent', record: withFacts(complete, { 'children[C1].seenDates': [{ date: '2026-11-17', alone: false }] }), now: '2026-11-24T10:00:00Z', expect: 'overdue' },
  { name: 'visits not read yet, past day 5', record: withoutFact(complete, 'children[C1].seenDates'), now: '2026-11-24T10:00:00Z', expect: 'unknown' },
  { name: 'a Section 47 enquiry', record: withFacts(complete, { kind: 'section-47' }), expect: 'not-applicable' },
]);

const s47 = withFacts(complete, { kind: 'section-47', 'dates.section47Start': '2026-11-16T09:00:00Z' });
testRule(pack, 'testshire/child-seen-alone-s47', [
  { name: 'seen alone the next morning', record: withFacts(s47, { 'children[C1].seenDates': [{ date: '2026-11-17', alone: true, time: '08:30' }] }), expect: 'met-on-time' },
  { name: 'seen alone after 24 hours', record: withFacts(s47, { 'children[C1].seenDates': [{ date: '2026-11-18', alone: true, time: '10:00' }] }), expect: 'met-late' },
  { name: 'enquiry start not read yet', record: withoutFact(s47, 'dates.section47Start'), expect: 'unknown' },
]);

testRule(pack, 'testshire/plan-to-manager', [
  { name: 'sent on day 4', record: complete, expect: 'met-on-time' },
  { name: 'not sent by day 8', record: withFacts(complete, { 'dates.submittedToManager': null }), now: '2026-11-27T10:00:00Z', expect: 'overdue' },
  { name: 'not read yet, past day 8', record: withoutFact(complete, 'dates.submittedToManager'), now: '2026-11-27T10:00:00Z', expect: 'unknown' },
]);

testRule(pack, 'testshire/manager-endorsed-plan', [
  { name: 'endorsed', record: complete, expect: 'met' },
  { name: 'blank', record: withFacts(complete, { 'dates.managerPlanEndorsed': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'dates.managerPlanEndorsed'), expect: 'unknown' },
]);

testRule(pack, 'testshire/plan-agreed', [
  { name: 'agreed', record: complete, expect: 'met' },
  { name: 'blank', record: withFacts(complete, { 'dates.planAgreedWithFamily': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'dates.planAgreedWithFamily'), expect: 'unknown' },
]);

testRule(pack, 'testshire/consent', [
  { name: 'consent obtained', record: complete, expect: 'met' },
  { name: 'shared without consent, reason recorded', record: withFacts(complete, { 'consent.obtained': null, 'consent.sharedWithoutConsent': true, 'consent.withoutConsentReasonRecorded': true }), expect: 'met' },
  { name: 'no consent and not shared without it', record: withFacts(complete, { 'consent.obtained': null }), expect: 'missing' },
  { name: 'shared without consent, no reason', record: withFacts(complete, { 'consent.sharedWithoutConsent': true }), expect: 'missing' },
  { name: 'consent not read yet', record: withoutFact(complete, 'consent.obtained'), expect: 'unknown' },
]);

describe('weights', () => {
  it('a good-practice clock and a prompt clock never block, however late', () => {
    const late = withFacts(complete, { 'children[C1].seenDates': null, 'dates.submittedToManager': null });
    const { evaluation } = statusOf(pack, 'testshire/child-seen-alone', late, '2026-11-27T10:00:00Z');
    const ids = evaluation.ready.blocking.map((b) => b.ruleId);
    expect(evaluation.countdowns.find((c) => c.ruleId === 'testshire/child-seen-alone')?.status).toBe('overdue');
    expect(ids).not.toContain('testshire/child-seen-alone');
    expect(ids).not.toContain('testshire/plan-to-manager');
    expect(ids).toContain('testshire/child-seen');
  });

  it('a recorded reason excuses only the deadline that names it', () => {
    const late = withFacts(open, { 'dates.assessmentDecision': '2026-11-02', 'children[C1].seenDates': null, 'timescale.exceededReasonRecorded': true });
    const { evaluation } = statusOf(pack, 'testshire/assessment-10-working-days', late);
    const ids = evaluation.ready.blocking.map((b) => b.ruleId);
    expect(evaluation.countdowns.find((c) => c.ruleId === 'testshire/assessment-10-working-days')?.status).toBe('overdue');
    expect(ids).not.toContain('testshire/assessment-10-working-days');
    expect(ids).toContain('testshire/child-seen');
  });

  it('says where a setting’s figure comes from', () => {
    const { countdown } = statusOf(pack, 'testshire/child-seen', complete);
    expect(countdown?.figureNote).toBe('3 working days: Testshire 1: the child is seen within 3 working days. It can be changed in the pack settings.');
    expect(statusOf(pack, 'testshire/assessment-10-working-days', complete).countdown?.figureNote).toBe('10 working days is the figure in Testshire 1.');
  });
});

// A council may word what the base says under a rule (its "details") and how a setting's figure
// is explained, in its own words: Hertfordshire's pack does (lib/rules/packs/hertfordshire/hertfordshire.json).
describe('a council’s own words for what the base says', () => {
  const worded = loadCouncilPack({
    ...doc,
    id: 'wordshire',
    name: 'Wordshire',
    settings: {
      assessmentWorkingDays: {
        default: 5,
        min: 1,
        max: 60,
        says: 'Wordshire 6: no longer than 5 working days from referral',
        figureNote: { asWritten: 'The 5 working days are the figure in Wordshire’s procedure.', changed: 'Your council has set {n} working days; Wordshire’s procedure says 5' },
      },
    },
    rules: [
      {
        id: 'assessment-5-working-days',
        use: 'assessment-timescale',
        severity: 'required',
        figures: { workingDays: { setting: 'assessmentWorkingDays' }, from: 'referral' },
        source: src('no longer than 5 working days from the point of referral'),
        details: { startBlank: 'Record the date the referral was received: the timescale runs from it.' },
      },
      {
        id: 'timescale-exceeded-reason',
        use: 'timescale-exceeded-reason',
        severity: 'required',
        figures: { deadline: 'assessment-5-working-days', deadlineWords: 'the timescale has been' },
        source: src('record the reasons for exceeding the time limit'),
        details: { late: false },
      },
    ],
  });
  if (!worded.ok) throw new Error(JSON.stringify(worded.errors));
  const wordedPack = worded.pack;
  const clock = 'wordshire/assessment-5-working-days';
  const reason = 'wordshire/timescale-exceeded-reason';
  // Referral Monday 16 Nov 2026: 5 working days is Monday 23 Nov.
  const late = withFacts(open, { 'dates.referral': '2026-11-02' });

  it('explains the figure as written, or as the council has changed it', () => {
    expect(statusOf(wordedPack, clock, complete).countdown?.figureNote).toBe('The 5 working days are the figure in Wordshire’s procedure.');
    const changed = statusOf(wordedPack, clock, complete, undefined, { assessmentWorkingDays: 8 });
    expect(changed.countdown?.figureNote).toBe('Your council has set 8 working days; Wordshire’s procedure says 5');
  });

  it('says what to do when the clock’s start is blank, in the council’s words', () => {
    const { countdown } = statusOf(wordedPack, clock, withFacts(complete, { 'dates.referral': null }));
    expect(countdown?.status).toBe('missing');
    expect(countdown?.detail).toBe('Record the date the referral was received: the timescale runs from it.');
  });

  it('adds no line to a missed deadline’s reason when the council says none', () => {
    const [missed] = statusOf(wordedPack, reason, late).findings;
    expect(missed?.status).toBe('missing');
    expect(missed?.detail).toBeUndefined();
    const [unread] = statusOf(wordedPack, reason, withoutFact(complete, 'dates.referral')).findings;
    expect(unread?.status).toBe('unknown');
    expect(unread?.detail).toBe('Cannot tell yet whether the timescale has been exceeded.');
  });

  it('a check may accept the one reason its procedure allows (the outcome not shared, and why)', () => {
    const sharing = loadCouncilPack({
      ...doc,
      id: 'reasonshire',
      rules: [
        {
          id: 'outcome-shared-with-family',
          use: 'outcome-shared',
          severity: 'required',
          figures: { after: 'authorised' },
          source: src('provided to them in written form'),
          acceptsReason: { fact: 'outcome.notSharedWithFamilyReason', allowedBy: 'Reasonshire 6: except where this might place a child at risk of harm' },
        },
      ],
    });
    if (!sharing.ok) throw new Error(JSON.stringify(sharing.errors));
    const id = 'reasonshire/outcome-shared-with-family';
    const notShared = withFacts(complete, { 'outcome.sharedWithFamilyInWriting': null });
    expect(statusOf(sharing.pack, id, withFacts(notShared, { 'outcome.notSharedWithFamilyReason': true })).findings[0]?.status).toBe('met');
    expect(statusOf(sharing.pack, id, withFacts(notShared, { 'outcome.notSharedWithFamilyReason': null })).findings[0]?.status).toBe('missing');
    expect(statusOf(sharing.pack, id, withoutFact(notShared, 'outcome.notSharedWithFamilyReason')).findings[0]?.status).toBe('unknown');
    const rule = sharing.pack.rules.find((r) => r.id === id);
    expect(rule?.kind === 'check' ? rule.acceptsReason?.fact : undefined).toBe('outcome.notSharedWithFamilyReason');
    // Without it, a reason does not meet the duty.
    expect(statusOf(pack, 'testshire/consent', complete).findings[0]?.status).toBe('met');
  });

  it('keeps the base’s own words without them', () => {
    expect(statusOf(pack, 'testshire/timescale-exceeded-reason', withFacts(open, { 'dates.assessmentDecision': '2026-11-02' })).findings[0]?.detail).toBe('Past due: Assessment completed.');
    expect(statusOf(pack, 'testshire/assessment-10-working-days', withFacts(complete, { 'dates.assessmentDecision': null, 'dates.referral': null })).countdown?.detail).toBe(
      'Record the referral date (or the date it was decided to assess).',
    );
  });
});

describe('options a pack may add (each left out keeps the base’s own behaviour)', () => {
  const withOptions = loadCouncilPack({
    ...doc,
    id: 'optionshire',
    settings: { ...doc.settings, seenAloneDueSoon: { default: 4, min: 0, max: 20, says: 'Optionshire: "due soon" 4 working days before the child is seen alone' } },
    rules: [
      { ...doc.rules[0], showFigureNote: false, source: { ...src('within 10 working days'), label: 'Optionshire 1 and 2' } },
      { ...doc.rules[1], figures: { deadline: 'assessment-10-working-days', deadlineWords: 'the 10 working days were' } },
      { ...doc.rules[3], figures: { workingDays: 5, kinds: ['child-in-need'], dueSoonWorkingDays: { setting: 'seenAloneDueSoon' } } },
      { id: 'outcome-shared', use: 'outcome-shared', severity: 'required', figures: { after: 'authorised' }, source: src('the outcome is shared') },
    ],
  });
  if (!withOptions.ok) throw new Error(JSON.stringify(withOptions.errors));
  const opt = withOptions.pack;

  it('showFigureNote false: a deadline without the note on its figure; a source label as the council cites it', () => {
    const { countdown } = statusOf(opt, 'optionshire/assessment-10-working-days', complete);
    expect(countdown?.figureNote).toBeUndefined();
    expect(countdown?.source.label).toBe('Optionshire 1 and 2');
    expect(statusOf(pack, 'testshire/assessment-10-working-days', complete).countdown?.source.label).toBe('Testshire 1');
  });

  it('deadlineWords: what "cannot tell yet" calls the deadline', () => {
    const unread = withoutFact(complete, 'dates.assessmentDecision');
    expect(statusOf(opt, 'optionshire/timescale-exceeded-reason', unread).findings[0]?.detail).toBe('Cannot tell yet whether the 10 working days were exceeded.');
    expect(statusOf(pack, 'testshire/timescale-exceeded-reason', unread).findings[0]?.detail).toBe('Cannot tell yet whether the timescale was exceeded.');
  });

  it('dueSoonWorkingDays on a seen-alone clock: "due soon" from the setting, 2 when left out', () => {
    // Decision Monday 16 Nov: 5 working days to Monday 23 Nov. On Tuesday 17 Nov, 4 working days are left.
    const notSeen = withFacts(complete, { 'children[C1].seenDates': null });
    expect(statusOf(opt, 'optionshire/child-seen-alone', notSeen, '2026-11-17T10:00:00Z').countdown?.status).toBe('due-soon');
    expect(statusOf(pack, 'testshire/child-seen-alone', notSeen, '2026-11-17T10:00:00Z').countdown?.status).toBe('on-track');
  });

  it('outcome shared "after": "authorised": owed once the manager has authorised the assessment, not when it is only completed', () => {
    const completedNotAuthorised = withFacts(complete, { 'dates.authorised': null, 'outcome.sharedWithFamilyInWriting': null });
    expect(statusOf(opt, 'optionshire/outcome-shared', completedNotAuthorised).findings[0]?.status).toBe('not-applicable');
    expect(statusOf(opt, 'optionshire/outcome-shared', withFacts(complete, { 'outcome.sharedWithFamilyInWriting': null })).findings[0]?.status).toBe('missing');
  });
});
