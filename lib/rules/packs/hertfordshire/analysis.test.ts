import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact } from '../../../model';
import { statusOf, testRule } from '../../../../tests/support/rule-tester';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { hertfordshirePack as pack } from './index';
import { testPrompt } from '../../../../tests/support/hertfordshire-rules';

testRule(pack, 'hertfordshire/analysis-completed', [
  { name: 'worries, impact and next steps recorded', record: complete, expect: 'met' },
  { name: 'worries blank', record: withFacts(complete, { 'analysis.worries': null }), expect: 'missing' },
  { name: 'impact on the child blank', record: withFacts(complete, { 'analysis.impactOnChild': null }), expect: 'missing' },
  { name: 'next steps blank', record: withFacts(complete, { 'analysis.nextSteps': false }), expect: 'missing' },
  { name: 'next steps not read yet', record: withoutFact(complete, 'analysis.nextSteps'), expect: 'unknown' },
  {
    name: 'strengths are a separate check',
    record: withFacts(complete, { 'analysis.strengths': null }),
    expect: 'met',
  },
]);

describe('hertfordshire/analysis-completed: says which parts are still to do', () => {
  it('lists missing and unread parts in plain words', () => {
    const record = withoutFact(withFacts(complete, { 'analysis.worries': null, 'analysis.nextSteps': null }), 'analysis.impactOnChild');
    const { findings } = statusOf(pack, 'hertfordshire/analysis-completed', record);
    expect(findings[0]?.status).toBe('missing');
    expect(findings[0]?.field).toBe('analysis.worries');
    expect(findings[0]?.detail).toBe('Still to record: worries, next steps. Not read yet: impact on the child.');
  });
});

testRule(pack, 'hertfordshire/three-domains', [
  { name: 'all three domains covered', record: complete, expect: 'met' },
  { name: 'parenting capacity blank', record: withFacts(complete, { 'analysis.domains.parentingCapacity': null }), expect: 'missing' },
  { name: 'family and environment not covered', record: withFacts(complete, { 'analysis.domains.familyAndEnvironment': false }), expect: 'missing' },
  { name: 'developmental needs not read yet', record: withoutFact(complete, 'analysis.domains.developmentalNeeds'), expect: 'unknown' },
  { name: 'the domains not read at all', record: { ...complete, analysis: { ...complete.analysis, domains: undefined } }, expect: 'unknown' },
]);

testRule(pack, 'hertfordshire/strengths-considered', [
  { name: 'strengths recorded', record: complete, expect: 'met' },
  { name: 'strengths blank', record: withFacts(complete, { 'analysis.strengths': null }), expect: 'missing' },
  { name: 'strengths not read yet', record: withoutFact(complete, 'analysis.strengths'), expect: 'unknown' },
]);

testRule(pack, 'hertfordshire/evidence-for-decisions', [
  { name: 'recommendation recorded', record: complete, expect: 'met' },
  { name: 'recommendation blank', record: withFacts(complete, { 'recommendation.recorded': null }), expect: 'missing' },
  { name: 'recommendation not read yet', record: withoutFact(complete, 'recommendation.recorded'), expect: 'unknown' },
]);

const noOutsideWorries = withFacts(complete, { 'concerns.criminalExploitation': false, 'concerns.extraFamilialHarm': false });
testRule(pack, 'hertfordshire/risk-outside-home', [
  { name: 'exploitation, risk outside the home considered', record: complete, expect: 'met' },
  { name: 'exploitation, not considered', record: withFacts(complete, { 'analysis.riskOutsideHomeConsidered': null }), expect: 'missing' },
  {
    name: 'online abuse alone, not considered',
    record: withFacts(noOutsideWorries, { 'concerns.onlineAbuse': true, 'analysis.riskOutsideHomeConsidered': false }),
    expect: 'missing',
  },
  {
    name: 'radicalisation alone, not considered',
    record: withFacts(noOutsideWorries, { 'concerns.radicalisation': true, 'analysis.riskOutsideHomeConsidered': null }),
    expect: 'missing',
  },
  { name: 'worry recorded, consideration not read yet', record: withoutFact(complete, 'analysis.riskOutsideHomeConsidered'), expect: 'unknown' },
  {
    name: 'no worry recorded, online abuse box not read, not considered',
    record: withoutFact(withFacts(noOutsideWorries, { 'analysis.riskOutsideHomeConsidered': null }), 'concerns.onlineAbuse'),
    expect: 'unknown',
  },
  // Considered already: met whatever the unread box says (a step that is done never blocks).
  { name: 'online abuse box not read, risk outside the home considered', record: withoutFact(withFacts(noOutsideWorries, { 'analysis.riskOutsideHomeConsidered': true }), 'concerns.onlineAbuse'), expect: 'met' },
  { name: 'no worries outside the family', record: noOutsideWorries, expect: 'not-applicable' },
  {
    name: 'worries inside the family only',
    record: withFacts(noOutsideWorries, { 'concerns.domesticAbuse': true, 'analysis.riskOutsideHomeConsidered': null }),
    expect: 'not-applicable',
  },
]);

testRule(pack, 'hertfordshire/differences-in-views', [
  { name: 'differences recorded', record: complete, expect: 'met' },
  { name: 'differences blank', record: withFacts(complete, { 'analysis.differencesInViewsRecorded': null }), expect: 'missing' },
  { name: 'differences not read yet', record: withoutFact(complete, 'analysis.differencesInViewsRecorded'), expect: 'unknown' },
]);

describe('hertfordshire/differences-in-views is expected, not required', () => {
  it('does not block sign-off', () => {
    const { evaluation } = statusOf(pack, 'hertfordshire/differences-in-views', withFacts(complete, { 'analysis.differencesInViewsRecorded': null }));
    expect(evaluation.ready.ready).toBe(true);
    expect(evaluation.ready.expected.map((f) => f.ruleId)).toEqual(['hertfordshire/differences-in-views']);
  });
});

testPrompt('hertfordshire/prompt-needs-and-risk', 'analysis');
testPrompt('hertfordshire/prompt-child-readable-record', 'analysis');

testRule(pack, 'hertfordshire/each-child-assessed-separately', [
  { name: 'each child’s needs analysed', record: complete, expect: 'met' },
  { name: 'the sibling not assessed on their own', record: withFacts(complete, { 'children[C2].analysisRecorded': null }), expect: 'missing', subjectId: 'C2' },
  { name: 'not read yet', record: withoutFact(complete, 'children[C2].analysisRecorded'), expect: 'unknown', subjectId: 'C2' },
  { name: 'household not read yet', record: { ...complete, children: undefined }, expect: 'unknown' },
]);
