import { testPrompt } from '../../../../tests/support/derby-rules';

// Derby 2.2's practice triggers: reflective questions, shown whatever has been recorded.
for (const id of [
  'derby/prompt-reasons-stay-curious',
  'derby/prompt-reasons-who-to-speak-to',
  'derby/prompt-reasons-records-to-read',
  'derby/prompt-reasons-time-needed',
  'derby/prompt-reasons-case-review-lessons',
  'derby/prompt-reasons-family-understands',
]) {
  testPrompt(id, 'reasons');
}
