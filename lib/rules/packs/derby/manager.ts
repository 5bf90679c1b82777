// Derby 2.9 Manager's authorisation.
import { has } from '../../conditions';
import { defineRule } from '../../pack';
import type { DerbyParams } from './params';

const source29 = (passage: string) => ({ label: 'Derby 2.9', section: '2.9', passage });

export const managerThresholdComment = defineRule<DerbyParams>({
  id: 'derby/manager-threshold-comment',
  kind: 'check',
  severity: 'required',
  section: 'manager',
  source: source29('Manager’s Authorisation: the manager must comment on threshold'),
  message: 'Managers: comment on the threshold for this child before you authorise the assessment.',
  check: ({ record }) => has(record.manager?.thresholdCommented, 'manager.thresholdCommented'),
});

export const promptCaseDiscussionRecorded = defineRule<DerbyParams>({
  id: 'derby/prompt-manager-case-discussion-recorded',
  kind: 'prompt',
  severity: 'prompt',
  section: 'manager',
  source: source29('Record case discussions and agreed actions on case notes'),
  message: 'Are your case discussions with the worker, and the actions you agreed, recorded in the case notes?',
});

export const managerRules = [managerThresholdComment, promptCaseDiscussionRecorded];
