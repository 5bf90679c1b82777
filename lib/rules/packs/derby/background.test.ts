import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../../../tests/support/rule-tester';
import { completeDerbyRecord as complete, SIBLING } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';
import { testConditionalPrompt, testPrompt } from '../../../../tests/support/derby-rules';

testRule(pack, 'derby/genogram', [
  { name: 'genogram completed', record: complete, expect: 'met' },
  { name: 'genogram box left blank', record: withFacts(complete, { 'background.genogram': null }), expect: 'missing' },
  { name: 'genogram not ticked', record: withFacts(complete, { 'background.genogram': false }), expect: 'missing' },
  { name: 'background section not read yet', record: withoutFact(complete, 'background.genogram'), expect: 'unknown' },
]);

testRule(pack, 'derby/ecomap', [
  { name: 'ecomap completed', record: complete, expect: 'met' },
  { name: 'ecomap box left blank', record: withFacts(complete, { 'background.ecomap': null }), expect: 'missing' },
  { name: 'ecomap not read yet', record: withoutFact(complete, 'background.ecomap'), expect: 'unknown' },
]);

testRule(pack, 'derby/chronology', [
  { name: 'chronology updated', record: complete, expect: 'met' },
  { name: 'chronology not updated', record: withFacts(complete, { 'background.chronologyUpdated': false }), expect: 'missing' },
  { name: 'chronology not read yet', record: withoutFact(complete, 'background.chronologyUpdated'), expect: 'unknown' },
]);

testRule(pack, 'derby/other-agencies-consulted', [
  { name: 'agencies consulted and previous areas checked', record: complete, expect: 'met' },
  { name: 'no agencies consulted', record: withFacts(complete, { 'background.agenciesConsulted': [] }), expect: 'missing' },
  { name: 'previous areas not checked', record: withFacts(complete, { 'background.previousAreasChecked': false }), expect: 'missing' },
  { name: 'previous areas not read yet', record: withoutFact(complete, 'background.previousAreasChecked'), expect: 'unknown' },
  { name: 'agencies not read yet', record: withoutFact(complete, 'background.agenciesConsulted'), expect: 'unknown' },
]);

const baby = withFacts(complete, { [`children[${SIBLING}].dateOfBirth`]: '2026-02-01' });
const unbornSibling = withFacts(complete, { [`children[${SIBLING}].unborn`]: true, [`children[${SIBLING}].dateOfBirth`]: null });
testRule(pack, 'derby/safety-questions-asked', [
  { name: 'all five answered; shaking advice not applicable with no baby', record: complete, expect: 'met' },
  { name: 'a baby under 1, all five answered yes', record: withFacts(baby, { 'safetyAdvice.dontShakeBaby': 'yes' }), expect: 'met' },
  { name: 'smoke alarms question blank', record: withFacts(complete, { 'safetyAdvice.smokeAlarms': null }), expect: 'missing' },
  { name: 'a baby under 1, shaking advice marked not applicable', record: baby, expect: 'missing' },
  {
    name: 'an unborn child, safe sleep marked not applicable',
    record: withFacts(unbornSibling, { 'safetyAdvice.safeSleep': 'n/a', 'safetyAdvice.dontShakeBaby': 'yes' }),
    expect: 'missing',
  },
  { name: 'the baby turns 1 today: not a baby any more', record: withFacts(complete, { [`children[${SIBLING}].dateOfBirth`]: '2025-11-23' }), expect: 'met' },
  { name: 'the baby turns 1 tomorrow', record: withFacts(complete, { [`children[${SIBLING}].dateOfBirth`]: '2025-11-24' }), expect: 'missing' },
  { name: 'safe storage question not read yet', record: withoutFact(complete, 'safetyAdvice.safeStorage'), expect: 'unknown' },
  {
    name: 'shaking advice not applicable, a child’s age not read yet',
    record: withoutFact(withoutFact(complete, `children[${SIBLING}].dateOfBirth`), `children[${SIBLING}].unborn`),
    expect: 'unknown',
  },
  { name: 'household not read yet, shaking advice not applicable', record: { ...complete, children: undefined }, expect: 'unknown' },
]);

testRule(pack, 'derby/safety-advice-given', [
  { name: 'a no answered, advice given', record: complete, expect: 'met' },
  { name: 'a no answered, advice not recorded', record: withFacts(complete, { 'safetyAdvice.adviceGivenWhereNo': null }), expect: 'missing' },
  { name: 'a no answered, advice not read yet', record: withoutFact(complete, 'safetyAdvice.adviceGivenWhereNo'), expect: 'unknown' },
  {
    name: 'no answers read yet',
    record: withFacts(
      ['smokeAlarms', 'safeSleep', 'dontShakeBaby', 'homeSafety', 'safeStorage'].reduce((r, q) => withoutFact(r, `safetyAdvice.${q}`), complete),
      { 'safetyAdvice.adviceGivenWhereNo': null },
    ),
    expect: 'unknown',
  },
  { name: 'every answer yes or not applicable', record: withFacts(complete, { 'safetyAdvice.safeStorage': 'yes', 'safetyAdvice.adviceGivenWhereNo': null }), expect: 'not-applicable' },
]);

for (const id of [
  'derby/prompt-background-what-is-it-telling-you',
  'derby/prompt-background-who-is-missing',
  'derby/prompt-background-relationships',
  'derby/prompt-background-not-talked-about',
]) {
  testPrompt(id, 'background');
}

testConditionalPrompt('derby/prompt-background-previous-areas', 'background', {
  shown: [
    { name: 'previous areas not yet checked', record: withFacts(complete, { 'background.previousAreasChecked': false }) },
    { name: 'previous areas box blank', record: withFacts(complete, { 'background.previousAreasChecked': null }) },
    { name: 'not read yet (a question does no harm)', record: withoutFact(complete, 'background.previousAreasChecked') },
  ],
  hidden: [{ name: 'previous areas checked', record: complete }],
});

testConditionalPrompt('derby/prompt-background-previous-assessments', 'background', {
  shown: [
    { name: 'earlier assessments not yet considered', record: withFacts(complete, { 'background.earlyHelpAssessmentConsidered': false }) },
    { name: 'not read yet', record: withoutFact(complete, 'background.earlyHelpAssessmentConsidered') },
  ],
  hidden: [{ name: 'earlier assessments considered', record: complete }],
});

testRule(pack, 'derby/safety-advice-adherence', [
  { name: 'whether the family follows the advice is recorded', record: complete, expect: 'met' },
  { name: 'not recorded', record: withFacts(complete, { 'safetyAdvice.adherenceRecorded': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'safetyAdvice.adherenceRecorded'), expect: 'unknown' },
]);
