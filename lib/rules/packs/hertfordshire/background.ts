// Form section "Background, history and safety": chronology, what is known, other
// agencies (Hertfordshire 2, 5 and 8). The prompts are in hertfordshire.json; fromPack places them here.
import { has } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import type { HertfordshireParams } from './params';

export const chronology = defineRule<HertfordshireParams>({
  id: 'hertfordshire/chronology',
  kind: 'check',
  severity: 'required',
  section: 'background',
  source: { label: 'Hertfordshire 8', section: '8', passage: 'Records should be kept of the progress of the assessment on the individual child’s record and in their Chronology' },
  message: 'Update the child’s chronology with the progress of the assessment, so any pattern of worries can be seen.',
  check: ({ record }) => has(record.background?.chronologyUpdated, 'background.chronologyUpdated'),
});

export const backgroundRules = [
  chronology,
  fromPack('prompt-what-is-known'),
  fromPack('prompt-other-sources'),
  fromPack('prompt-professionals-from-outset'),
  fromPack('prompt-professional-disagreement'),
];
