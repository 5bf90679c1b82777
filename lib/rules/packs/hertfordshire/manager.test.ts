import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact } from '../../../model';
import { statusOf, testRule } from '../../testing';
import { completeHertfordshireRecord as complete } from './fixtures';
import { hertfordshirePack as pack } from './index';
import { testPrompt } from './test-helpers';

testRule(pack, 'hertfordshire/supervision-review', [
  { name: 'supervision recorded', record: complete, expect: 'met' },
  { name: 'supervision blank', record: withFacts(complete, { 'manager.supervisionRecorded': null }), expect: 'missing' },
  { name: 'supervision not read yet', record: withoutFact(complete, 'manager.supervisionRecorded'), expect: 'unknown' },
]);

describe('hertfordshire/supervision-review is expected, not required', () => {
  it('does not block sign-off', () => {
    const { evaluation } = statusOf(pack, 'hertfordshire/supervision-review', withFacts(complete, { 'manager.supervisionRecorded': null }));
    expect(evaluation.ready.ready).toBe(true);
  });
});

testPrompt('hertfordshire/prompt-supervision-challenge', 'manager');
