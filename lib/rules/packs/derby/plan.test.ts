import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../../../tests/support/rule-tester';
import { completeDerbyRecord as complete, SIBLING, SUBJECT } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';
import { testConditionalPrompt, testPrompt } from '../../../../tests/support/derby-rules';
import { describe, expect, it } from 'vitest';
import { RuleMetaSchema, ruleMeta } from '../../types';

testRule(pack, 'derby/assessment-plan-agreed-in-writing', [
  { name: 'plan agreed with the parents in writing', record: complete, expect: 'met' },
  { name: 'date blank', record: withFacts(complete, { 'dates.planAgreedWithFamily': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'dates.planAgreedWithFamily'), expect: 'unknown' },
]);

testRule(pack, 'derby/manager-endorsed-plan', [
  { name: 'manager commented on the plan', record: complete, expect: 'met' },
  { name: 'date blank', record: withFacts(complete, { 'dates.managerPlanEndorsed': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'dates.managerPlanEndorsed'), expect: 'unknown' },
]);

const refused = withFacts(complete, { 'consent.obtained': false, 'consent.inWriting': null, 'consent.givenBy': null });
testRule(pack, 'derby/consent-to-share', [
  { name: 'written consent from both parents', record: complete, expect: 'met' },
  {
    name: 'shared without consent after discussing it with the manager, reason recorded',
    record: withFacts(refused, {
      'consent.sharedWithoutConsent': true,
      'consent.withoutConsentManagerDiscussed': true,
      'consent.withoutConsentReasonRecorded': true,
    }),
    expect: 'met',
  },
  { name: 'consent given, but not in writing', record: withFacts(complete, { 'consent.inWriting': false }), expect: 'missing' },
  { name: 'nobody recorded as giving consent', record: withFacts(complete, { 'consent.givenBy': [] }), expect: 'missing' },
  { name: 'consent refused and nothing recorded about sharing', record: refused, expect: 'missing' },
  {
    name: 'shared without consent, manager not consulted',
    record: withFacts(refused, { 'consent.sharedWithoutConsent': true, 'consent.withoutConsentReasonRecorded': true }),
    expect: 'missing',
  },
  { name: 'whether consent was in writing not read yet', record: withoutFact(complete, 'consent.inWriting'), expect: 'unknown' },
  {
    name: 'consent refused, without-consent route not read yet',
    record: ['consent.sharedWithoutConsent', 'consent.withoutConsentManagerDiscussed', 'consent.withoutConsentReasonRecorded'].reduce(withoutFact, refused),
    expect: 'unknown',
  },
  { name: 'no other agencies contacted', record: withFacts(complete, { 'background.agenciesConsulted': [] }), expect: 'not-applicable' },
  // A step that is done never blocks as "not read yet": written consent recorded is met even before
  // the page saying which agencies were contacted is read.
  { name: 'agencies contacted not read yet, written consent recorded', record: withoutFact(complete, 'background.agenciesConsulted'), expect: 'met' },
  {
    name: 'agencies contacted not read yet, consent blank',
    record: withoutFact(withFacts(complete, { 'consent.obtained': null }), 'background.agenciesConsulted'),
    expect: 'unknown',
  },
]);

testRule(pack, 'derby/child-seen-alone', [
  // Derby 2.7: "The child must be seen alone". Derby gives no exception, so a recorded reason never
  // meets it (Hertfordshire's "the reason should be recorded" has no Derby counterpart).
  { name: 'each child seen alone', record: complete, expect: 'met' },
  {
    name: 'a recorded reason is not an exception Derby gives: the child must be seen alone',
    record: withFacts(complete, { [`children[${SIBLING}].seenDates`]: [{ date: '2026-09-17', alone: false }], [`children[${SIBLING}].notSeenAloneReason`]: true }),
    expect: 'missing',
    subjectId: SIBLING,
  },
  {
    name: 'only ever seen with others, no reason',
    record: withFacts(complete, { [`children[${SUBJECT}].seenDates`]: [{ date: '2026-09-17', alone: false }] }),
    expect: 'missing',
    subjectId: SUBJECT,
  },
  { name: 'no visits at all, no reason', record: withFacts(complete, { [`children[${SUBJECT}].seenDates`]: [] }), expect: 'missing', subjectId: SUBJECT },
  {
    name: 'visits not read yet, no reason',
    record: withoutFact(complete, `children[${SUBJECT}].seenDates`),
    expect: 'unknown',
    subjectId: SUBJECT,
  },
  {
    name: 'the sibling’s visits not read yet',
    record: withoutFact(complete, `children[${SIBLING}].seenDates`),
    expect: 'unknown',
    subjectId: SIBLING,
  },
  {
    name: 'an unborn sibling is not expected to be seen',
    record: withFacts(complete, { [`children[${SIBLING}].unborn`]: true, [`children[${SIBLING}].dateOfBirth`]: null, [`children[${SIBLING}].notSeenAloneReason`]: null, [`children[${SIBLING}].seenDates`]: null }),
    expect: 'met',
  },
  {
    name: 'a child left out of the assessment',
    record: withFacts(complete, { [`children[${SIBLING}].includedInAssessment`]: false, [`children[${SIBLING}].notSeenAloneReason`]: null }),
    expect: 'met',
  },
  {
    name: 'whether a child is included not read yet, never seen alone',
    record: withoutFact(withFacts(complete, { [`children[${SIBLING}].seenDates`]: [] }), `children[${SIBLING}].includedInAssessment`),
    expect: 'unknown',
    subjectId: SIBLING,
  },
  { name: 'household not read yet', record: { ...complete, children: undefined }, expect: 'unknown' },
]);

// 2.3: "A timeframe is agreed, and the tools and methods to be used discussed": body text with no must
// or should, so good practice (expected): shown, never blocking.
testRule(pack, 'derby/plan-timeframe-and-methods', [
  { name: 'timeframe agreed, tools and methods recorded', record: complete, expect: 'met' },
  { name: 'tools and methods blank', record: withFacts(complete, { 'planning.toolsAndMethodsRecorded': null }), expect: 'missing' },
  { name: 'timeframe not agreed', record: withFacts(complete, { 'planning.timescaleAgreed': false }), expect: 'missing' },
  { name: 'tools and methods not read yet', record: withoutFact(complete, 'planning.toolsAndMethodsRecorded'), expect: 'unknown' },
]);

// 2.3: "Read the Social Care file - it may give you a lot of valuable information about the family".
testConditionalPrompt('derby/prompt-plan-read-social-care-file', 'plan', {
  shown: [
    { name: 'the file not recorded as read', record: withFacts(complete, { 'planning.fileRead': null }) },
    { name: 'not read yet whether the file was read', record: withoutFact(complete, 'planning.fileRead') },
  ],
  hidden: [{ name: 'the file recorded as read', record: complete }],
});

for (const id of [
  'derby/prompt-plan-completion-date-in-calendar',
  'derby/prompt-plan-staff-safety',
  'derby/prompt-plan-when-seen-alone',
  'derby/prompt-plan-has-child-been-seen',
  'derby/prompt-plan-communication-support',
  'derby/prompt-plan-think-long-term',
]) {
  testPrompt(id, 'plan');
}

// Derby 1: sharing without permission.
const withoutPermission = withFacts(complete, {
  'consent.obtained': false,
  'consent.sharedWithoutConsent': true,
  'consent.withoutConsentManagerDiscussed': true,
  'consent.withoutConsentReasonRecorded': true,
  'consent.agenciesToldConsentWithheld': true,
  'consent.parentToldOfSharing': true,
});
testRule(pack, 'derby/consent-withheld-agencies-told', [
  { name: 'agencies told permission was withheld, parent told', record: withoutPermission, expect: 'met' },
  { name: 'agencies not told', record: withFacts(withoutPermission, { 'consent.agenciesToldConsentWithheld': false }), expect: 'missing' },
  { name: 'the parent not told', record: withFacts(withoutPermission, { 'consent.parentToldOfSharing': null }), expect: 'missing' },
  { name: 'whether the parent was told not read yet', record: withoutFact(withoutPermission, 'consent.parentToldOfSharing'), expect: 'unknown' },
  { name: 'shared with consent', record: complete, expect: 'not-applicable' },
  { name: 'whether shared without consent not read yet', record: withoutFact(complete, 'consent.sharedWithoutConsent'), expect: 'unknown' },
]);

// Issue 23: on a Section 47 sharing is often agreed at the strategy discussion, so the message
// says what to record, never who is to blame.
describe('derby/consent-withheld-agencies-told message', () => {
  const rule = pack.rules.find((r) => r.id === 'derby/consent-withheld-agencies-told');
  it('Derby 1: "agencies should be told that the parent/carer/young person has withheld permission": says what to record, not who is to blame', () => {
    expect(rule).toBeDefined();
    if (!rule) return;
    expect(rule.message).not.toMatch(/\byou\b/i);
    expect(rule.message).toMatch(/record/i);
    expect(RuleMetaSchema.safeParse(ruleMeta(rule)).success).toBe(true);
  });
  it('a message that says "you" did something wrong is refused for any pack', () => {
    const blaming = { ...ruleMeta(rule ?? pack.rules[0]!), message: 'You shared information without the family’s permission. Tell the agencies.' };
    expect(RuleMetaSchema.safeParse(blaming).success).toBe(false);
  });
});
