// Derby City's pack: derby.json (a council pack over the shared England base, docs/council-packs.md)
// holds every Derby obligation the base expresses; the rules that are truly Derby's own are coded
// beside it, and fromPack('<name>') places each JSON rule among them, in the form's order.
import { loadCouncilPackWithOwnRules } from '../../council/load';
import { analysisRules } from './analysis';
import { backgroundRules } from './background';
import { childProtectionRules } from './child-protection';
import { countdownRules } from './countdowns';
import derbyJson from './derby.json';
import { householdRules } from './household';
import { managerRules } from './manager';
import { outcomesRules } from './outcomes';
import { DerbyParamsSchema, type DerbyParams } from './params';
import { planRules } from './plan';
import { planTargetDate } from './plan-target-date';
import { profileRules } from './profile';
import { reasonsRules } from './reasons';
import { viewsRules } from './views';

const loaded = loadCouncilPackWithOwnRules<DerbyParams>(derbyJson, {
  // In the form's order (2.1–2.10), countdowns first. Working Together 2023 and the census,
  // under every council's procedure, come last.
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
  ],
  paramsSchema: DerbyParamsSchema,
});
if (!loaded.ok) throw new Error(`the Derby pack is invalid: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);

export const derbyPack = loaded.pack;

/** derby.json as written: for the coverage table and the docs. */
export const derbyPackDoc = loaded.doc;

/** The ids of Derby's own coded rules (the rest of the pack comes from derby.json, or is the national layer). */
export const derbyOwnRuleIds: readonly string[] = loaded.own;
