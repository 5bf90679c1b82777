// Form section "Manager's authorisation": review in supervision (Hertfordshire 3 and 7).
import { has } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import type { HertfordshireParams } from './params';

export const supervisionReview = defineRule<HertfordshireParams>({
  id: 'hertfordshire/supervision-review',
  kind: 'check',
  // "The social worker's line manager must review the assessment progress regularly": required.
  severity: 'required',
  section: 'manager',
  source: { label: 'Hertfordshire 7', section: '7', passage: 'The social worker’s line manager must review the assessment progress regularly with the social worker' },
  message: 'Record the manager’s review of the assessment in supervision, with the reasons for decisions.',
  check: ({ record }) => has(record.manager?.supervisionRecorded, 'manager.supervisionRecorded'),
});

export const managerRules = [supervisionReview, fromPack('prompt-supervision-challenge')];
