import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../../../tests/support/rule-tester';
import { completeDerbyRecord as complete, SIBLING, SUBJECT } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';
import { DerbyParamsSchema } from './params';
import { testConditionalPrompt, testPrompt } from '../../../../tests/support/derby-rules';

const sibling = (key: string) => `children[${SIBLING}].${key}`;
const subject = (key: string) => `children[${SUBJECT}].${key}`;

// The test clock is 23 Nov 2026: the subject child is 7, her brother 1 (own words from 3).
testRule(pack, 'derby/child-own-words', [
  { name: 'the 7-year-old’s own words recorded; the 1-year-old is too young', record: complete, expect: 'met' },
  { name: 'own words missing for the 7-year-old', record: withFacts(complete, { [subject('ownWordsRecorded')]: null }), expect: 'missing', subjectId: SUBJECT },
  { name: 'a child who turned 3 today', record: withFacts(complete, { [sibling('dateOfBirth')]: '2023-11-23' }), expect: 'missing', subjectId: SIBLING },
  { name: 'a child who turns 3 tomorrow', record: withFacts(complete, { [sibling('dateOfBirth')]: '2023-11-24' }), expect: 'met' },
  { name: 'an unborn child', record: withFacts(complete, { [sibling('unborn')]: true, [sibling('dateOfBirth')]: null }), expect: 'met' },
  {
    name: 'a child left out of the assessment',
    record: withFacts(complete, { [subject('includedInAssessment')]: false, [subject('ownWordsRecorded')]: null }),
    expect: 'not-applicable',
  },
  { name: 'own words not read yet', record: withoutFact(complete, subject('ownWordsRecorded')), expect: 'unknown', subjectId: SUBJECT },
  { name: 'date of birth not read yet', record: withoutFact(complete, sibling('dateOfBirth')), expect: 'unknown', subjectId: SIBLING },
  { name: 'household not read yet', record: { ...complete, children: undefined }, expect: 'unknown' },
]);

// A council that expects a child's own words from the age of 1.
testRule(
  pack,
  'derby/child-own-words',
  [
    { name: 'from age 1: the 1-year-old’s words not recorded', record: complete, expect: 'missing', subjectId: SIBLING },
    { name: 'from age 1: recorded', record: withFacts(complete, { [sibling('ownWordsRecorded')]: true }), expect: 'met' },
  ],
  DerbyParamsSchema.parse({ ownWordsFromAge: 1 }),
);

// 2.6 Practice Triggers ("useful hints / tips"): "See every child's bedroom". Derby says it nowhere
// in its body text, so it is a prompt, never a missing step, and it stays until every bedroom is seen.
testConditionalPrompt('derby/every-bedroom-seen', 'profile', {
  shown: [
    { name: 'the baby’s room not seen', record: withFacts(complete, { [sibling('bedroomSeen')]: false }) },
    { name: 'whether the baby’s room was seen not read yet', record: withoutFact(complete, sibling('bedroomSeen')) },
    { name: 'the household not read yet', record: { ...complete, children: undefined } },
  ],
  hidden: [
    { name: 'both bedrooms seen', record: complete },
    { name: 'an unborn child has no bedroom yet', record: withFacts(complete, { [sibling('unborn')]: true, [sibling('dateOfBirth')]: null, [sibling('bedroomSeen')]: null }) },
  ],
});

for (const id of [
  'derby/prompt-profile-seen-each-child',
  'derby/prompt-profile-what-matters-to-child',
  'derby/prompt-profile-childs-shoes',
  'derby/prompt-profile-life-in-this-family',
  'derby/prompt-profile-identity',
  'derby/prompt-profile-parental-factors',
  'derby/prompt-profile-parents-life-story',
  'derby/prompt-profile-who-does-what',
  'derby/prompt-profile-close-relatives',
  'derby/prompt-profile-wider-family',
  'derby/prompt-profile-community-and-money',
]) {
  testPrompt(id, 'profile');
}

testConditionalPrompt('derby/prompt-profile-young-carer', 'profile', {
  shown: [{ name: 'a young carer', record: withFacts(complete, { [subject('youngCarer')]: true }) }],
  hidden: [
    { name: 'no young carer', record: complete },
    { name: 'not read yet', record: withoutFact(withoutFact(complete, subject('youngCarer')), sibling('youngCarer')) },
  ],
});

testConditionalPrompt('derby/prompt-profile-disability', 'profile', {
  shown: [{ name: 'a disabled child', record: withFacts(complete, { [sibling('disability')]: true }) }],
  hidden: [
    { name: 'no disability recorded', record: complete },
    { name: 'household not read yet', record: { ...complete, children: undefined } },
  ],
});

const concernCases: Array<[string, string]> = [
  ['derby/prompt-profile-domestic-abuse', 'concerns.domesticAbuse'],
  ['derby/prompt-profile-parental-mental-health', 'concerns.parentalMentalHealth'],
  ['derby/prompt-profile-parental-learning-needs', 'concerns.parentalLearningNeeds'],
  ['derby/prompt-profile-substance-misuse', 'concerns.substanceMisuse'],
];
for (const [id, concern] of concernCases) {
  testConditionalPrompt(id, 'profile', {
    shown: [{ name: 'the worry is ticked', record: withFacts(complete, { [concern]: true }) }],
    hidden: [
      { name: 'the worry is not ticked', record: withFacts(complete, { [concern]: false }) },
      { name: 'the worry is blank', record: withFacts(complete, { [concern]: null }) },
      { name: 'the worries are not read yet', record: withoutFact(complete, concern) },
    ],
  });
}
