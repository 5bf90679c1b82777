import { withFacts, withoutFact } from '../../../model';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { testConditionalPrompt, testPrompt } from '../../../../tests/support/hertfordshire-rules';

testPrompt('hertfordshire/prompt-wider-family-community', 'profile');

testConditionalPrompt('hertfordshire/prompt-development-neglect', {
  shown: withFacts(complete, { 'concerns.neglect': true }),
  notTriggered: complete,
  notRead: withoutFact(complete, 'concerns.neglect'),
});
