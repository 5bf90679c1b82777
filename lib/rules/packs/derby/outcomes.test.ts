import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../../../tests/support/rule-tester';
import { completeDerbyRecord as complete } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';
import { testPrompt } from '../../../../tests/support/derby-rules';

testRule(pack, 'derby/outcome-decided', [
  { name: 'decision and statutory questions recorded', record: complete, expect: 'met' },
  { name: 'no decision', record: withFacts(complete, { 'outcome.decision': null }), expect: 'missing' },
  { name: 'child in need question blank', record: withFacts(complete, { 'outcome.childInNeed': null }), expect: 'missing' },
  { name: 'accommodation question not read yet', record: withoutFact(complete, 'outcome.accommodationNeeded'), expect: 'unknown' },
  { name: 'decision not read yet', record: withoutFact(complete, 'outcome.decision'), expect: 'unknown' },
]);

testRule(pack, 'derby/consent-for-support', [
  { name: 'child in need plan, parents consented', record: complete, expect: 'met' },
  { name: 'early help, parents consented', record: withFacts(complete, { 'outcome.decision': 'universal-or-early-help' }), expect: 'met' },
  { name: 'child in need plan, consent not recorded', record: withFacts(complete, { 'outcome.parentalConsentForSupport': null }), expect: 'missing' },
  { name: 'early help, parents did not consent', record: withFacts(complete, { 'outcome.decision': 'universal-or-early-help', 'outcome.parentalConsentForSupport': false }), expect: 'missing' },
  { name: 'consent not read yet', record: withoutFact(complete, 'outcome.parentalConsentForSupport'), expect: 'unknown' },
  // A step that is done never blocks as "not read yet": consent recorded is met whatever the decision.
  { name: 'decision not read yet, consent recorded', record: withoutFact(complete, 'outcome.decision'), expect: 'met' },
  { name: 'decision not read yet, consent blank', record: withoutFact(withFacts(complete, { 'outcome.parentalConsentForSupport': null }), 'outcome.decision'), expect: 'unknown' },
  { name: 'no further action', record: withFacts(complete, { 'outcome.decision': 'no-further-action', 'outcome.parentalConsentForSupport': null }), expect: 'not-applicable' },
]);

testRule(pack, 'derby/interpreter-for-sharing', [
  { name: 'an interpreter was used', record: complete, expect: 'met' },
  { name: 'no interpreter used', record: withFacts(complete, { 'household.interpreterUsed': false }), expect: 'missing' },
  { name: 'interpreter not read yet', record: withoutFact(complete, 'household.interpreterUsed'), expect: 'unknown' },
  { name: 'first language not read yet, an interpreter used', record: withoutFact(complete, 'household.firstLanguageNotEnglish'), expect: 'met' },
  { name: 'first language not read yet, no interpreter', record: withoutFact(withFacts(complete, { 'household.interpreterUsed': false }), 'household.firstLanguageNotEnglish'), expect: 'unknown' },
  { name: 'English is the first language', record: withFacts(complete, { 'household.firstLanguageNotEnglish': false, 'household.interpreterUsed': null }), expect: 'not-applicable' },
]);

const notYetAuthorised = withFacts(complete, {
  'dates.authorised': null,
  'outcome.sharedWithFamilyInWriting': null,
  'outcome.sharedWithReferrer': null,
  'outcome.sharedWithAgencies': null,
});

testRule(pack, 'derby/outcome-shared-with-family', [
  { name: 'given to the family in writing', record: complete, expect: 'met' },
  // Derby 2.10 allows no exception: a reason for not sharing does not meet it.
  {
    name: 'not shared, reason recorded: Derby’s text has no exception',
    record: withFacts(complete, { 'outcome.sharedWithFamilyInWriting': null, 'outcome.notSharedWithFamilyReason': true }),
    expect: 'missing',
  },
  { name: 'authorised, not shared', record: withFacts(complete, { 'outcome.sharedWithFamilyInWriting': null }), expect: 'missing' },
  { name: 'whether shared not read yet', record: withoutFact(complete, 'outcome.sharedWithFamilyInWriting'), expect: 'unknown' },
  { name: 'authorisation not read yet', record: withoutFact(notYetAuthorised, 'dates.authorised'), expect: 'unknown' },
  { name: 'not yet authorised', record: notYetAuthorised, expect: 'not-applicable' },
]);

testRule(pack, 'derby/outcome-shared-with-referrer', [
  { name: 'referrer told in writing', record: complete, expect: 'met' },
  { name: 'referrer not told', record: withFacts(complete, { 'outcome.sharedWithReferrer': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'outcome.sharedWithReferrer'), expect: 'unknown' },
  { name: 'not yet authorised', record: notYetAuthorised, expect: 'not-applicable' },
]);

testRule(pack, 'derby/outcome-shared-with-agencies', [
  { name: 'agencies told the outcome, with the parents’ consent', record: complete, expect: 'met' },
  {
    name: 'agencies told, no parental consent, no child protection procedures',
    record: withFacts(complete, { 'consent.obtained': false }),
    expect: 'missing',
  },
  {
    name: 'agencies told without parental consent after a Section 47 enquiry began',
    record: withFacts(complete, { 'consent.obtained': false, 'dates.section47Start': '2026-10-01T10:00:00+01:00' }),
    expect: 'met',
  },
  { name: 'agencies not told', record: withFacts(complete, { 'outcome.sharedWithAgencies': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'outcome.sharedWithAgencies'), expect: 'unknown' },
  { name: 'agencies consulted not read yet', record: withoutFact(withFacts(complete, { 'outcome.sharedWithAgencies': null }), 'background.agenciesConsulted'), expect: 'unknown' },
  { name: 'no agencies involved', record: withFacts(complete, { 'background.agenciesConsulted': [], 'outcome.sharedWithAgencies': null }), expect: 'not-applicable' },
  { name: 'not yet authorised', record: notYetAuthorised, expect: 'not-applicable' },
]);

testPrompt('derby/prompt-outcomes-early-help', 'outcomes');

testRule(pack, 'derby/plan-of-action', [
  { name: 'plan of action agreed for the child in need plan', record: complete, expect: 'met' },
  { name: 'no plan of action', record: withFacts(complete, { 'outcome.planOfActionRecorded': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'outcome.planOfActionRecorded'), expect: 'unknown' },
  { name: 'closed with no further action', record: withFacts(complete, { 'outcome.decision': 'no-further-action', 'outcome.planOfActionRecorded': null }), expect: 'not-applicable' },
  { name: 'outcome not read yet, plan of action recorded', record: withoutFact(complete, 'outcome.decision'), expect: 'met' },
  { name: 'outcome not read yet, no plan of action', record: withoutFact(withFacts(complete, { 'outcome.planOfActionRecorded': null }), 'outcome.decision'), expect: 'unknown' },
]);
