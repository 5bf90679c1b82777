import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../../../tests/support/rule-tester';
import { completeDerbyRecord as complete } from '../../../../tests/fixtures/records/derby-records';
import { derbyPack as pack } from './index';
import { testPrompt } from '../../../../tests/support/derby-rules';

testRule(pack, 'derby/manager-threshold-comment', [
  { name: 'manager commented on threshold', record: complete, expect: 'met' },
  { name: 'no comment on threshold', record: withFacts(complete, { 'manager.thresholdCommented': null }), expect: 'missing' },
  { name: 'not read yet', record: withoutFact(complete, 'manager.thresholdCommented'), expect: 'unknown' },
]);

testPrompt('derby/prompt-manager-case-discussion-recorded', 'manager');
