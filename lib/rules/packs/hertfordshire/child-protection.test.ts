import { testPrompt } from './test-helpers';

testPrompt('hertfordshire/prompt-urgent-action', 'child-protection');
