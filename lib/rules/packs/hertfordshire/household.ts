// Form section "Household and people": language and communication (Hertfordshire 2).
import { has } from '../../conditions';
import { defineRule } from '../../pack';
import type { Outcome } from '../../types';
import { allRecorded } from './helpers';
import type { HertfordshireParams } from './params';

export const communicationNeeds = defineRule<HertfordshireParams>({
  id: 'hertfordshire/communication-needs',
  kind: 'check',
  severity: 'required',
  section: 'household',
  source: { label: 'Hertfordshire 2', section: '2', passage: 'Planning: are there communication needs, and how will they be met' },
  message: 'Record any communication needs in the family and how you will meet them. Where an interpreter is needed, use one.',
  check: ({ record }) => {
    const household = record.household;
    const needed = household?.interpreterNeeded;
    const interpreter: Outcome =
      needed === undefined
        ? { status: 'unknown', field: 'household.interpreterNeeded' }
        : needed === true
          ? has(household?.interpreterUsed, 'household.interpreterUsed')
          : { status: 'not-applicable' };
    return allRecorded([
      [has(household?.communicationNeedsRecorded, 'household.communicationNeedsRecorded'), 'communication needs'],
      [interpreter, needed === true ? 'interpreter used' : 'whether an interpreter is needed'],
    ]);
  },
});

export const promptCommunication = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-communication',
  kind: 'prompt',
  severity: 'prompt',
  section: 'household',
  source: { label: 'Hertfordshire 2', section: '2', passage: 'Planning: are there communication needs' },
  message: 'Does the child or anyone in the family have communication needs? What are they, and how will you meet them?',
});

export const householdRules = [communicationNeeds, promptCommunication];
