import { loadCouncilPack } from '../../council/load';
import { nationalRules } from '../../national';
import { definePack } from '../../pack';
import type { Rule } from '../../types';
import { analysisRules } from './analysis';
import { backgroundRules } from './background';
import { childProtectionRules } from './child-protection';
import hertfordshireJson from './hertfordshire.json';
import { householdRules } from './household';
import { managerRules } from './manager';
import { outcomesRules } from './outcomes';
import { HertfordshireParamsSchema, type HertfordshireParams } from './params';
import { planRules } from './plan';
import { profileRules } from './profile';
import { reasonsRules } from './reasons';
import { viewsRules } from './views';

export { HertfordshireParamsSchema, type HertfordshireParams } from './params';

const loaded = loadCouncilPack(hertfordshireJson);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const fromJson = (name: string) => loaded.pack.rules.find((r) => r.id === `hertfordshire/${name}`) as unknown as Rule<HertfordshireParams>;
const [first, second, ...restPlan] = planRules;
const plan = [fromJson('assessment-5-working-days'), fromJson('timescale-exceeded-reason'), ...planRules.slice(0, 3), fromJson('plan-agreed-by-participants'), ...planRules.slice(3)];
void first; void second; void restPlan;

export const hertfordshirePack = definePack<HertfordshireParams>({
  id: 'hertfordshire',
  name: 'Hertfordshire',
  procedure: 'Hertfordshire Children’s Services 3.2 Single Assessment',
  version: '2026.1',
  paramsSchema: HertfordshireParamsSchema,
  rules: [
    ...householdRules,
    ...reasonsRules,
    ...plan,
    ...childProtectionRules,
    ...backgroundRules,
    ...profileRules,
    ...viewsRules,
    ...analysisRules,
    ...managerRules,
    ...outcomesRules,
    ...nationalRules<HertfordshireParams>(),
  ],
});
