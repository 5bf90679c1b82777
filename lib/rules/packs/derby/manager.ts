// Derby 2.9 Manager's authorisation.
import { has } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import type { DerbyParams } from './params';

const source29 = (passage: string) => ({ label: 'Derby 2.9', section: '2.9', passage });

export const managerThresholdComment = defineRule<DerbyParams>({
  id: 'derby/manager-threshold-comment',
  kind: 'check',
  severity: 'required',
  section: 'manager',
  source: source29('Management oversight of assessments is vital, and the manager must comment on threshold in this section'),
  message: 'Managers: comment on the threshold for this child before you authorise the assessment.',
  check: ({ record }) => has(record.manager?.thresholdCommented, 'manager.thresholdCommented'),
});

// The prompt to record case discussions (2.9) is in derby.json.
export const managerRules = [managerThresholdComment, fromPack('prompt-manager-case-discussion-recorded')];
