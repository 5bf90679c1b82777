import { describe, expect, it } from 'vitest';
import { withFacts, withoutFact } from '../../../model';
import { statusOf, testRule } from '../../../../tests/support/rule-tester';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { hertfordshirePack as pack } from './index';
import { testPrompt } from '../../../../tests/support/hertfordshire-rules';

const noInterpreterNeeded = withFacts(complete, { 'household.interpreterNeeded': false, 'household.interpreterUsed': null });

testRule(pack, 'hertfordshire/communication-needs', [
  { name: 'needs recorded, interpreter needed and used', record: complete, expect: 'met' },
  { name: 'needs recorded, no interpreter needed', record: noInterpreterNeeded, expect: 'met' },
  { name: 'communication needs blank', record: withFacts(complete, { 'household.communicationNeedsRecorded': null }), expect: 'missing' },
  { name: 'interpreter needed but not used', record: withFacts(complete, { 'household.interpreterUsed': false }), expect: 'missing' },
  { name: 'interpreter needed, use not recorded', record: withFacts(complete, { 'household.interpreterUsed': null }), expect: 'missing' },
  { name: 'communication needs not read yet', record: withoutFact(complete, 'household.communicationNeedsRecorded'), expect: 'unknown' },
  { name: 'whether an interpreter is needed not read yet', record: withoutFact(complete, 'household.interpreterNeeded'), expect: 'unknown' },
  { name: 'interpreter needed, use not read yet', record: withoutFact(complete, 'household.interpreterUsed'), expect: 'unknown' },
]);

describe('hertfordshire/communication-needs: says what is still to do', () => {
  it('names the interpreter', () => {
    const { findings } = statusOf(pack, 'hertfordshire/communication-needs', withFacts(complete, { 'household.interpreterUsed': false }));
    expect(findings[0]?.field).toBe('household.interpreterUsed');
    expect(findings[0]?.detail).toBe('Still to record: interpreter used.');
  });
});

testPrompt('hertfordshire/prompt-communication', 'household');
