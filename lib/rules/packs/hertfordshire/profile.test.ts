import { withFacts, withoutFact } from '../../../model';
import { completeHertfordshireRecord as complete } from './fixtures';
import { testConditionalPrompt, testPrompt } from './test-helpers';

testPrompt('hertfordshire/prompt-wider-family-community', 'profile');

testConditionalPrompt('hertfordshire/prompt-development-neglect', {
  shown: withFacts(complete, { 'concerns.neglect': true }),
  notTriggered: complete,
  notRead: withoutFact(complete, 'concerns.neglect'),
});
