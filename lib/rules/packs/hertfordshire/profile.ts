// Form section "Child's profile and story": the child in their family and community
// (Hertfordshire 3 and 8).
import { isYes } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import type { HertfordshireParams } from './params';

export const promptDevelopmentNeglect = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-development-neglect',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: { label: 'Hertfordshire 8', section: '8', passage: 'Recording … should include information on the child’s development … This is particularly significant in circumstances where neglect is an issue' },
  message: 'Neglect is a worry here. Have you recorded how the child is developing, so their progress can be checked over time?',
  appliesWhen: ({ record }) => isYes(record.concerns?.neglect),
});

export const profileRules = [fromPack('prompt-wider-family-community'), promptDevelopmentNeglect];
