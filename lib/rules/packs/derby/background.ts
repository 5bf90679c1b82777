// Derby 2.5 Background, history and safety.
import { has } from '../../conditions';
import { defineRule } from '../../pack';
import type { DerbyParams } from './params';

export const genogram = defineRule<DerbyParams>({
  id: 'derby/genogram',
  kind: 'check',
  severity: 'required',
  section: 'background',
  source: { label: 'Derby 2.5', section: '2.5', passage: 'Background, history and safety: genogram' },
  message: 'Complete a genogram showing the family and the important people around the child.',
  check: ({ record }) => has(record.background?.genogram, 'background.genogram'),
});

export const backgroundRules = [genogram];
