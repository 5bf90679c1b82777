import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../../../tests/support/rule-tester';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { hertfordshirePack as pack } from './index';
import { testPrompt } from '../../../../tests/support/hertfordshire-rules';

testRule(pack, 'hertfordshire/chronology', [
  { name: 'chronology updated', record: complete, expect: 'met' },
  { name: 'chronology box blank', record: withFacts(complete, { 'background.chronologyUpdated': null }), expect: 'missing' },
  { name: 'chronology not updated', record: withFacts(complete, { 'background.chronologyUpdated': false }), expect: 'missing' },
  { name: 'background section not read yet', record: withoutFact(complete, 'background.chronologyUpdated'), expect: 'unknown' },
]);

for (const id of ['prompt-what-is-known', 'prompt-other-sources', 'prompt-professional-disagreement']) {
  testPrompt(`hertfordshire/${id}`, 'background');
}

testPrompt('hertfordshire/prompt-professionals-from-outset', 'background');
