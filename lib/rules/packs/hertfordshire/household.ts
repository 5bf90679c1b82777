// Form section "Household and people": language and communication (Hertfordshire 2).
import { defineRule } from '../../pack';
import type { HertfordshireParams } from './params';

export const communicationNeeds = defineRule<HertfordshireParams>({
  id: 'hertfordshire/communication-needs',
  // One of section 2's "Questions to be considered in planning assessments": a prompt. Hertfordshire
  // states no interpreter duty (that is Derby 2.10's), so none is asked for here.
  kind: 'prompt',
  severity: 'prompt',
  section: 'household',
  source: { label: 'Hertfordshire 2', section: '2', passage: 'Are there communication needs? If so, what are the specific needs and how they will be met?' },
  message: 'Does the child or anyone in the family have communication needs? What are they, and how will you meet them?',
  // Shown until the family's communication needs are recorded.
  appliesWhen: ({ record }) => record.household?.communicationNeedsRecorded !== true,
});

export const householdRules = [communicationNeeds];
