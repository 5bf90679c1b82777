import { testPrompt } from '../../../../tests/support/hertfordshire-rules';

testPrompt('hertfordshire/prompt-urgent-action', 'child-protection');
