// Derby 2.2 Reasons and understanding about your assessment. Its one duty (the absent
// parent's perspective) is recorded with the parents' views, so it lives in views.ts.
// Its practice triggers and questions are prompts in derby.json.
import { fromPack } from '../../council/load';

export const reasonsRules = [
  fromPack('prompt-reasons-stay-curious'),
  fromPack('prompt-reasons-who-to-speak-to'),
  fromPack('prompt-reasons-records-to-read'),
  fromPack('prompt-reasons-time-needed'),
  fromPack('prompt-reasons-case-review-lessons'),
  fromPack('prompt-reasons-family-understands'),
];
