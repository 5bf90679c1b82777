// Form section "Child protection": urgent protective action (Hertfordshire 3 and 4).
import { defineRule } from '../../pack';
import type { HertfordshireParams } from './params';

export const promptUrgentAction = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-urgent-action',
  kind: 'prompt',
  severity: 'prompt',
  section: 'child-protection',
  source: { label: 'Hertfordshire 3', section: '3', passage: 'An assessment should establish: any need for urgent action to protect the child' },
  message: 'Does anything need to happen now to protect this child, or other children in the household or community? Do not wait for the assessment to finish.',
});

export const childProtectionRules = [promptUrgentAction];
