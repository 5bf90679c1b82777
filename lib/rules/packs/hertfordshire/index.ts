import { nationalRules } from '../../national';
import { definePack } from '../../pack';
import { analysisRules } from './analysis';
import { backgroundRules } from './background';
import { childProtectionRules } from './child-protection';
import { householdRules } from './household';
import { managerRules } from './manager';
import { outcomesRules } from './outcomes';
import { HertfordshireParamsSchema, type HertfordshireParams } from './params';
import { planRules } from './plan';
import { profileRules } from './profile';
import { reasonsRules } from './reasons';
import { viewsRules } from './views';

export { HertfordshireParamsSchema, type HertfordshireParams } from './params';

export const hertfordshirePack = definePack<HertfordshireParams>({
  id: 'hertfordshire',
  name: 'Hertfordshire',
  procedure: 'Hertfordshire Children’s Services 3.2 Single Assessment',
  version: '2026.1',
  paramsSchema: HertfordshireParamsSchema,
  // In form order, so the panel and the check report list them as the worker meets them.
  rules: [
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
    ...nationalRules<HertfordshireParams>(),
  ],
});
