import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../../../tests/support/rule-tester';
import { completeDerbyRecord as complete, FATHER, MOTHER, SIBLING } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';
import { testConditionalPrompt, testPrompt } from '../../../../tests/support/derby-rules';

testRule(pack, 'derby/parental-responsibility-established', [
  { name: 'both parents hold parental responsibility', record: complete, expect: 'met' },
  { name: 'father recorded as not holding it; mother does', record: withFacts(complete, { [`adults[${FATHER}].hasParentalResponsibility`]: false }), expect: 'met' },
  {
    name: 'a carer holds it and no parent is listed',
    record: { ...complete, adults: [{ id: 'A-CARER', role: 'carer', hasParentalResponsibility: true, livesWithChild: true }] },
    expect: 'met',
  },
  {
    name: 'father’s parental responsibility not yet established',
    record: withFacts(complete, { [`adults[${FATHER}].hasParentalResponsibility`]: null }),
    expect: 'missing',
    subjectId: FATHER,
  },
  {
    name: 'nobody holds parental responsibility',
    record: withFacts(complete, { [`adults[${FATHER}].hasParentalResponsibility`]: false, [`adults[${MOTHER}].hasParentalResponsibility`]: false }),
    expect: 'missing',
  },
  { name: 'no adults recorded at all', record: { ...complete, adults: [] }, expect: 'missing' },
  {
    name: 'father’s parental responsibility not read yet',
    record: withoutFact(complete, `adults[${FATHER}].hasParentalResponsibility`),
    expect: 'unknown',
    subjectId: FATHER,
  },
  { name: 'father’s role not read yet, the step done (a step done never blocks)', record: withoutFact(complete, `adults[${FATHER}].role`), expect: 'met', subjectId: FATHER },
  { name: 'father’s role not read yet, the step not done', record: withoutFact(withFacts(complete, { 'adults[A-FATHER].hasParentalResponsibility': null }), `adults[${FATHER}].role`), expect: 'unknown' },
  { name: 'adults not read yet', record: { ...complete, adults: undefined }, expect: 'unknown' },
]);

const siblingLeftOut = withFacts(complete, { [`children[${SIBLING}].includedInAssessment`]: false, [`children[${SIBLING}].exclusionReason`]: true });
testRule(pack, 'derby/all-household-children-included', [
  { name: 'both children included', record: complete, expect: 'met' },
  { name: 're-assessment: a child left out with a reason', record: withFacts(siblingLeftOut, { kind: 'reassessment' }), expect: 'met' },
  {
    name: 'a previous assessment is on record: a child left out with a reason',
    record: withFacts(siblingLeftOut, { 'dates.previousAssessmentCompleted': '2025-06-01' }),
    expect: 'met',
  },
  { name: 'first assessment: a child left out, even with a reason', record: siblingLeftOut, expect: 'missing', subjectId: SIBLING },
  {
    name: 're-assessment: a child left out with no reason',
    record: withFacts(siblingLeftOut, { kind: 'reassessment', [`children[${SIBLING}].exclusionReason`]: null }),
    expect: 'missing',
    subjectId: SIBLING,
  },
  { name: 'whether a child is included is not read yet', record: withoutFact(complete, `children[${SIBLING}].includedInAssessment`), expect: 'unknown', subjectId: SIBLING },
  {
    name: 'left out with a reason, but whether this is a first assessment is not read yet',
    record: withoutFact(siblingLeftOut, 'dates.previousAssessmentCompleted'),
    expect: 'unknown',
    subjectId: SIBLING,
  },
  { name: 'household not read yet', record: { ...complete, children: undefined }, expect: 'unknown' },
]);

for (const id of [
  'derby/prompt-household-whole-family',
  'derby/prompt-household-relationships-recorded',
  'derby/prompt-household-voluntary-and-adult-services',
  'derby/prompt-household-parents-support-worker',
]) {
  testPrompt(id, 'household');
}

testConditionalPrompt('derby/prompt-household-parents-worker-contact', 'household', {
  shown: [
    { name: 'parental mental health is a worry', record: complete },
    { name: 'substance misuse is a worry', record: withFacts(complete, { 'concerns.parentalMentalHealth': false, 'concerns.substanceMisuse': true }) },
  ],
  hidden: [
    { name: 'neither is a worry', record: withFacts(complete, { 'concerns.parentalMentalHealth': false }) },
    { name: 'worries not read yet', record: withoutFact(withoutFact(complete, 'concerns.parentalMentalHealth'), 'concerns.substanceMisuse') },
  ],
});
