import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../../../tests/support/rule-tester';
import { completeDerbyRecord as complete, SIBLING, SUBJECT } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';
import { testPrompt } from '../../../../tests/support/derby-rules';

testRule(pack, 'derby/analysis-minimum', [
  { name: 'worries, impact, strengths and next steps recorded', record: complete, expect: 'met' },
  { name: 'strengths not recorded', record: withFacts(complete, { 'analysis.strengths': null }), expect: 'missing' },
  { name: 'next steps not recorded', record: withFacts(complete, { 'analysis.nextSteps': false }), expect: 'missing' },
  { name: 'impact not read yet', record: withoutFact(complete, 'analysis.impactOnChild'), expect: 'unknown' },
  { name: 'analysis not read yet', record: { ...complete, analysis: undefined }, expect: 'unknown' },
]);

testRule(pack, 'derby/analysis-each-child', [
  { name: 'an analysis for each of the two children', record: complete, expect: 'met' },
  { name: 'nothing specific to the baby', record: withFacts(complete, { [`children[${SIBLING}].analysisRecorded`]: false }), expect: 'missing', subjectId: SIBLING },
  { name: 'not read yet for the baby', record: withoutFact(complete, `children[${SIBLING}].analysisRecorded`), expect: 'unknown', subjectId: SIBLING },
  {
    name: 'only one child in the assessment',
    record: withFacts(complete, { [`children[${SIBLING}].includedInAssessment`]: false, [`children[${SIBLING}].analysisRecorded`]: null }),
    expect: 'not-applicable',
  },
  {
    name: 'whether the second child is included is not read yet',
    record: withoutFact(withFacts(complete, { [`children[${SUBJECT}].analysisRecorded`]: null }), `children[${SIBLING}].includedInAssessment`),
    expect: 'unknown',
  },
]);

testRule(pack, 'derby/recommendation-threshold', [
  { name: 'recommendation and threshold recorded', record: complete, expect: 'met' },
  { name: 'threshold not considered', record: withFacts(complete, { 'recommendation.thresholdConsidered': false }), expect: 'missing' },
  { name: 'recommendation blank', record: withFacts(complete, { 'recommendation.recorded': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'recommendation.thresholdConsidered'), expect: 'unknown' },
]);

// Derby 2.8's reflective questions and practice triggers: always shown in the analysis section.
for (const id of [
  'derby/prompt-analysis-who-helped',
  'derby/prompt-analysis-evidence',
  'derby/prompt-analysis-knowledge-and-skills',
  'derby/prompt-analysis-made-sense',
  'derby/prompt-analysis-strengths',
  'derby/prompt-analysis-who-is-missing',
  'derby/prompt-analysis-family-understanding',
  'derby/prompt-analysis-all-perspectives',
  'derby/prompt-analysis-parenting-capacity',
  'derby/prompt-analysis-safe-enough',
  'derby/prompt-analysis-factors-affecting-judgement',
  'derby/prompt-analysis-manager-dialogue',
  'derby/prompt-analysis-each-childs-voice',
  'derby/prompt-analysis-professional-expert',
  'derby/prompt-analysis-childs-world',
  'derby/prompt-analysis-curious-enough',
  'derby/prompt-analysis-what-affected-assessment',
]) {
  testPrompt(id, 'analysis');
}

testRule(pack, 'derby/recommendation-agreed-with-manager', [
  { name: 'agreed with the manager', record: complete, expect: 'met' },
  { name: 'not agreed', record: withFacts(complete, { 'recommendation.agreedWithManager': false }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'recommendation.agreedWithManager'), expect: 'unknown' },
]);
