// Form section "Child's profile and story": the child in their family and community
// (Hertfordshire 3 and 8).
import { isYes } from '../../conditions';
import { defineRule } from '../../pack';
import type { HertfordshireParams } from './params';

export const promptWiderFamilyCommunity = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-wider-family-community',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: { label: 'Hertfordshire 3', section: '3', passage: 'An assessment should establish: the impact of wider family, other adults and community' },
  message: 'How do the wider family, other adults in the household and the community around the child affect what is happening?',
});

export const promptDevelopmentNeglect = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-development-neglect',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: { label: 'Hertfordshire 8', section: '8', passage: 'Recording: the child’s development, particularly where neglect is an issue' },
  message: 'Neglect is a worry here. Have you recorded how the child is developing, so their progress can be checked over time?',
  appliesWhen: ({ record }) => isYes(record.concerns?.neglect),
});

export const profileRules = [promptWiderFamilyCommunity, promptDevelopmentNeglect];
