import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../../../tests/support/rule-tester';
import { completeDerbyRecord as complete, FATHER, MOTHER, SIBLING, SUBJECT } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';
import { nothingRead, testConditionalPrompt, testPrompt } from '../../../../tests/support/derby-rules';

const father = (key: string) => `adults[${FATHER}].${key}`;
const mother = (key: string) => `adults[${MOTHER}].${key}`;
const fatherNotHeard = withFacts(complete, { [father('seen')]: false, [father('viewsRecorded')]: null });

testRule(pack, 'derby/absent-parent-perspective', [
  { name: 'the father who lives elsewhere was seen', record: complete, expect: 'met' },
  { name: 'not seen, but his views recorded', record: withFacts(complete, { [father('seen')]: false }), expect: 'met' },
  { name: 'not involved, reason recorded', record: withFacts(fatherNotHeard, { [father('notInvolvedReason')]: true }), expect: 'met' },
  { name: 'not seen, no views, no reason', record: fatherNotHeard, expect: 'missing', subjectId: FATHER },
  { name: 'whether he lives with the child is blank: treated as living elsewhere', record: withFacts(fatherNotHeard, { [father('livesWithChild')]: null }), expect: 'missing', subjectId: FATHER },
  { name: 'not seen, views not read yet', record: withoutFact(fatherNotHeard, father('viewsRecorded')), expect: 'unknown', subjectId: FATHER },
  { name: 'where he lives is not read yet', record: withoutFact(fatherNotHeard, father('livesWithChild')), expect: 'unknown', subjectId: FATHER },
  { name: 'both parents live with the child', record: withFacts(fatherNotHeard, { [father('livesWithChild')]: true }), expect: 'not-applicable' },
  { name: 'adults not read yet', record: { ...complete, adults: undefined }, expect: 'unknown' },
]);

// 2.7 Practice Triggers: "Each parent / carer to be seen alone". A hint, stated nowhere in the body
// text: a prompt. It honours the recorded reason a parent is not involved (issue 23: SA-1002's
// step-parent "In police custody; bail conditions not to attend the address").
testConditionalPrompt('derby/parents-seen-alone', 'views', {
  shown: [
    { name: 'the mother at home not seen alone', record: withFacts(complete, { [mother('seenAlone')]: false }) },
    { name: 'whether the mother was seen alone not read yet', record: withoutFact(complete, mother('seenAlone')) },
  ],
  hidden: [
    { name: 'the mother at home seen alone', record: complete },
    { name: 'the father elsewhere not seen alone: not asked here', record: withFacts(complete, { [father('seenAlone')]: false }) },
    {
      name: 'the mother not involved, reason recorded',
      record: withFacts(complete, { [mother('seenAlone')]: false, [mother('notInvolvedReason')]: true }),
    },
  ],
});

testRule(pack, 'derby/parents-views-recorded', [
  { name: 'both parents’ views recorded', record: complete, expect: 'met' },
  { name: 'the father not involved, reason recorded', record: withFacts(complete, { [father('viewsRecorded')]: false, [father('notInvolvedReason')]: true }), expect: 'met' },
  { name: 'the father’s views not recorded, no reason', record: withFacts(complete, { [father('viewsRecorded')]: null }), expect: 'missing', subjectId: FATHER },
  { name: 'the mother’s views not read yet', record: withoutFact(withFacts(complete, { [mother('viewsRecorded')]: null }), mother('notInvolvedReason')), expect: 'unknown', subjectId: MOTHER },
  { name: 'adults not read yet', record: { ...complete, adults: undefined }, expect: 'unknown' },
]);

testRule(pack, 'derby/child-views-recorded', [
  { name: 'both children’s views recorded', record: complete, expect: 'met' },
  { name: 'the subject child’s views not recorded', record: withFacts(complete, { [`children[${SUBJECT}].viewsRecorded`]: null }), expect: 'missing', subjectId: SUBJECT },
  { name: 'not read yet', record: withoutFact(complete, `children[${SUBJECT}].viewsRecorded`), expect: 'unknown', subjectId: SUBJECT },
  // Age and understanding: the baby (aged 1) is observed, not asked; never a blocker.
  { name: 'the baby’s views not recorded: not asked at 1', record: withFacts(complete, { [`children[${SIBLING}].viewsRecorded`]: null }), expect: 'met' },
  {
    name: 'a newborn',
    record: withFacts(complete, { [`children[${SIBLING}].dateOfBirth`]: '2026-11-20', [`children[${SIBLING}].viewsRecorded`]: null }),
    expect: 'met',
  },
  { name: 'age not read yet', record: withoutFact(withFacts(complete, { [`children[${SIBLING}].viewsRecorded`]: null }), `children[${SIBLING}].dateOfBirth`), expect: 'unknown', subjectId: SIBLING },
  {
    name: 'an unborn child',
    record: withFacts(complete, { [`children[${SIBLING}].unborn`]: true, [`children[${SIBLING}].dateOfBirth`]: null, [`children[${SIBLING}].viewsRecorded`]: null }),
    expect: 'met',
  },
]);

testConditionalPrompt('derby/prompt-views-young-child-observed', 'views', {
  shown: [{ name: 'a baby in the assessment', record: complete }],
  hidden: [
    { name: 'every child old enough to give views', record: withFacts(complete, { [`children[${SIBLING}].dateOfBirth`]: '2020-01-01' }) },
    { name: 'household not read yet', record: nothingRead },
  ],
});

for (const id of [
  'derby/prompt-views-advocate',
  'derby/prompt-views-see-child-alone',
  'derby/prompt-views-child-under-pressure',
  'derby/prompt-views-barriers-to-telling',
  'derby/prompt-views-confidential',
  'derby/prompt-views-parents-understand',
  'derby/prompt-views-parent-under-pressure',
]) {
  testPrompt(id, 'views');
}

testConditionalPrompt('derby/prompt-views-interpreting', 'views', {
  shown: [
    { name: 'English is not the family’s first language', record: complete },
    { name: 'language not read yet', record: withoutFact(complete, 'household.firstLanguageNotEnglish') },
  ],
  hidden: [
    {
      name: 'English is the first language and no interpreter is needed',
      record: withFacts(complete, { 'household.firstLanguageNotEnglish': false, 'household.interpreterNeeded': false }),
    },
  ],
});

const conferenceDecided = withFacts(complete, { 'childProtection.conferenceDecided': true });
testRule(pack, 'derby/advocate-for-conference', [
  { name: 'advocate considered for the child old enough to take part', record: conferenceDecided, expect: 'met' },
  {
    name: 'advocate not considered',
    record: withFacts(conferenceDecided, { [`children[${SUBJECT}].advocateConsidered`]: null }),
    expect: 'missing',
    subjectId: SUBJECT,
  },
  { name: 'not read yet', record: withoutFact(conferenceDecided, `children[${SUBJECT}].advocateConsidered`), expect: 'unknown' },
  { name: 'no conference', record: complete, expect: 'not-applicable' },
]);
