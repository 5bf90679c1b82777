// Form section "Background, history and safety": chronology, what is known, other
// agencies (Hertfordshire 2, 5 and 8).
import { has } from '../../conditions';
import { defineRule } from '../../pack';
import type { HertfordshireParams } from './params';

export const chronology = defineRule<HertfordshireParams>({
  id: 'hertfordshire/chronology',
  kind: 'check',
  severity: 'required',
  section: 'background',
  source: { label: 'Hertfordshire 8', section: '8', passage: 'Recording: progress kept on the child’s record and in their chronology' },
  message: 'Update the child’s chronology with the progress of the assessment, so any pattern of worries can be seen.',
  check: ({ record }) => has(record.background?.chronologyUpdated, 'background.chronologyUpdated'),
});

const PLANNING = { label: 'Hertfordshire 2', section: '2', passage: 'Planning: questions to be considered in planning assessments' };

export const promptWhatIsKnown = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-what-is-known',
  kind: 'prompt',
  severity: 'prompt',
  section: 'background',
  source: PLANNING,
  message: 'What is already known about the child and family, for example from earlier records or an early help assessment?',
});

export const promptOtherSources = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-other-sources',
  kind: 'prompt',
  severity: 'prompt',
  section: 'background',
  source: PLANNING,
  message: 'Who else knows the child and family? How will you let those agencies and professionals know, and involve them?',
});

export const promptProfessionalDisagreement = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-professional-disagreement',
  kind: 'prompt',
  severity: 'prompt',
  section: 'background',
  source: { label: 'Hertfordshire 5', section: '5', passage: 'Contribution of Agencies: resolving professional disagreements' },
  message: 'Do professionals see this family differently? If a disagreement cannot be settled quickly, use the local escalation route for professional disagreements.',
});

export const promptProfessionalsFromOutset = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-professionals-from-outset',
  kind: 'prompt',
  severity: 'prompt',
  section: 'background',
  source: { label: 'Hertfordshire 5', section: '5', passage: 'The professionals should be involved from the outset and through the agreed, regular process of review' },
  message: 'Have the professionals who know the family been involved from the start, and will they take part in each review?',
});

export const backgroundRules = [chronology, promptWhatIsKnown, promptOtherSources, promptProfessionalsFromOutset, promptProfessionalDisagreement];
