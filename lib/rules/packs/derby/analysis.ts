// Derby 2.8 Social worker's views: analysis and recommendation.
import { allOf, childPath, has, included } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import type { Applies } from '../../types';
import { eachChild, type Ctx } from './helpers';
import type { DerbyParams } from './params';

const source28 = (passage: string) => ({ label: 'Derby 2.8', section: '2.8', passage });

export const analysisMinimum = defineRule<DerbyParams>({
  id: 'derby/analysis-minimum',
  kind: 'check',
  severity: 'required',
  section: 'analysis',
  source: source28('As a minimum always consider and record: what you and the family are worried about … the impact … the family’s strengths … What needs to happen next'),
  message: 'In your analysis, record what you and the family are worried about, the impact on the child, the family’s strengths and what happens next.',
  check: ({ record }) => {
    const a = record.analysis;
    return allOf(
      has(a?.worries, 'analysis.worries'),
      has(a?.impactOnChild, 'analysis.impactOnChild'),
      has(a?.strengths, 'analysis.strengths'),
      has(a?.nextSteps, 'analysis.nextSteps'),
    );
  },
});

/** More than one child is included in the assessment. */
function severalChildren(ctx: Ctx): Applies {
  if (ctx.record.children === undefined) return 'unknown';
  const yes = ctx.children.filter((c) => c.includedInAssessment === true).length;
  const unread = ctx.children.filter((c) => c.includedInAssessment === undefined).length;
  if (yes > 1) return true;
  return yes + unread > 1 ? 'unknown' : false;
}

export const analysisEachChild = defineRule<DerbyParams>({
  id: 'derby/analysis-each-child',
  kind: 'check',
  severity: 'required',
  section: 'analysis',
  source: source28('The different worries and analysis for each child must be evident'),
  message: 'Make the worries and your analysis clear for each child in the assessment, not only for the family as a whole.',
  appliesWhen: severalChildren,
  check: (ctx) => eachChild(ctx, included, (child) => has(child.analysisRecorded, childPath(child, 'analysisRecorded'))),
});

export const recommendationThreshold = defineRule<DerbyParams>({
  id: 'derby/recommendation-threshold',
  kind: 'check',
  severity: 'required',
  section: 'analysis',
  source: source28('It is vital to consider threshold at this point'),
  message: 'Record your recommendation and the reasons for it, and show that you considered the thresholds document.',
  check: ({ record }) =>
    allOf(
      has(record.recommendation?.recorded, 'recommendation.recorded'),
      has(record.recommendation?.thresholdConsidered, 'recommendation.thresholdConsidered'),
    ),
});

export const recommendationAgreedWithManager = defineRule<DerbyParams>({
  id: 'derby/recommendation-agreed-with-manager',
  kind: 'check',
  severity: 'required',
  section: 'analysis',
  source: source28('Make sure you agree these with your manager'),
  message: 'Agree your recommendations with your manager, and record that you did.',
  check: ({ record }) => has(record.recommendation?.agreedWithManager, 'recommendation.agreedWithManager'),
});

export const analysisRules = [
  analysisMinimum,
  analysisEachChild,
  recommendationThreshold,
  recommendationAgreedWithManager,
  // 2.8's reflective questions ("think about and reflect on the following") and practice
  // triggers are prompts in derby.json.
  ...['who-helped', 'evidence', 'knowledge-and-skills', 'made-sense', 'strengths', 'who-is-missing', 'family-understanding', 'all-perspectives', 'parenting-capacity', 'safe-enough', 'factors-affecting-judgement', 'manager-dialogue', 'each-childs-voice'].map((name) => fromPack(`prompt-analysis-${name}`)),
  ...['professional-expert', 'childs-world', 'curious-enough', 'what-affected-assessment'].map((name) => fromPack(`prompt-analysis-${name}`)),
];
