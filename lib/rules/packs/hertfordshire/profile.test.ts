import { withFacts, withoutFact } from '../../../model';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { testConditionalPrompt, testPrompt } from '../../../../tests/support/hertfordshire-rules';

testPrompt('hertfordshire/prompt-wider-family-community', 'profile');

testConditionalPrompt('hertfordshire/prompt-development-neglect', 'profile', {
  shown: [{ name: 'neglect recorded', record: withFacts(complete, { 'concerns.neglect': true }) }],
  hidden: [
    { name: 'neglect recorded as absent', record: complete },
    { name: 'neglect not read yet', record: withoutFact(complete, 'concerns.neglect') },
  ],
});
