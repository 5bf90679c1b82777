// Hertfordshire's pack: hertfordshire.json (a council pack over the shared England base,
// docs/council-packs.md) holds every Hertfordshire obligation the base expresses; the rules that
// are truly Hertfordshire's own are coded beside it, and fromPack('<name>') places each JSON rule
// among them, in the form's order.
import { loadCouncilPackWithOwnRules } from '../../council/load';
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

const loaded = loadCouncilPackWithOwnRules<HertfordshireParams>(hertfordshireJson, {
  // In form order, so the panel and the check report list them as the worker meets them.
  // Working Together 2023 and the census, under every council's procedure, come last.
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
  ],
  // The settings a council may change (params.ts); the loader checks they agree with the JSON's.
  paramsSchema: HertfordshireParamsSchema,
});
if (!loaded.ok) throw new Error(`the Hertfordshire pack is invalid: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);

export const hertfordshirePack = loaded.pack;

/** hertfordshire.json as written: for the coverage table and the docs. */
export const hertfordshirePackDoc = loaded.doc;

/** The ids of Hertfordshire's own coded rules (the rest comes from hertfordshire.json, or is the national layer). */
export const hertfordshireOwnRuleIds: readonly string[] = loaded.own;
