import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact } from '../../../model';
import { statusOf, testRule } from '../../../../tests/support/rule-tester';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { hertfordshirePack as pack } from './index';
import { testPrompt } from '../../../../tests/support/hertfordshire-rules';

testRule(pack, 'hertfordshire/supervision-review', [
  { name: 'supervision recorded', record: complete, expect: 'met' },
  { name: 'supervision blank', record: withFacts(complete, { 'manager.supervisionRecorded': null }), expect: 'missing' },
  { name: 'supervision not read yet', record: withoutFact(complete, 'manager.supervisionRecorded'), expect: 'unknown' },
]);

describe('hertfordshire/supervision-review is required ("must review")', () => {
  it('blocks sign-off while the review is not recorded', () => {
    const { evaluation } = statusOf(pack, 'hertfordshire/supervision-review', withFacts(complete, { 'manager.supervisionRecorded': null }));
    expect(evaluation.ready.ready).toBe(false);
    expect(evaluation.ready.blocking.map((b) => b.ruleId)).toEqual(['hertfordshire/supervision-review']);
  });
});

testPrompt('hertfordshire/prompt-supervision-challenge', 'manager');
