import { definePack } from '../../pack';
import { backgroundRules } from './background';
import { DerbyParamsSchema, type DerbyParams } from './params';

export const derbyPack = definePack<DerbyParams>({
  id: 'derby',
  name: 'Derby City',
  procedure: 'Derby City Children’s Social Care 3.1.1 Single Assessment Guidance',
  version: '2026.1',
  paramsSchema: DerbyParamsSchema,
  rules: [...backgroundRules],
});
