import { nationalRules } from '../../national';
import { definePack } from '../../pack';
import { analysisRules } from './analysis';
import { backgroundRules } from './background';
import { childProtectionRules } from './child-protection';
import { countdownRules } from './countdowns';
import { householdRules } from './household';
import { managerRules } from './manager';
import { outcomesRules } from './outcomes';
import { DerbyParamsSchema, type DerbyParams } from './params';
import { planRules } from './plan';
import { planTargetDate } from './plan-target-date';
import { profileRules } from './profile';
import { reasonsRules } from './reasons';
import { viewsRules } from './views';

export const derbyPack = definePack<DerbyParams>({
  id: 'derby',
  name: 'Derby City',
  procedure: 'Derby City Children’s Social Care 3.1.1 Single Assessment Guidance',
  version: '2026.1',
  paramsSchema: DerbyParamsSchema,
  // In the form's order (2.1–2.10), countdowns first.
  rules: [
    ...countdownRules,
    planTargetDate,
    ...householdRules,
    ...reasonsRules,
    ...planRules,
    ...childProtectionRules,
    ...backgroundRules,
    ...profileRules,
    ...viewsRules,
    ...analysisRules,
    ...managerRules,
    ...outcomesRules,
    // Working Together 2023 and the census, under every council's procedure.
    ...nationalRules<DerbyParams>(),
  ],
});
