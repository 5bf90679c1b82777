// Derby 2.8 Social worker's views: analysis and recommendation.
import { allOf, childPath, has, included } from '../../conditions';
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
  source: source28('What is analysis? As a minimum always consider and record'),
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
  source: source28('Social Worker’s Recommendations: it is vital to consider threshold'),
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
  source: source28('Social Worker’s Recommendations: make sure you agree these with your manager'),
  message: 'Agree your recommendations with your manager, and record that you did.',
  check: ({ record }) => has(record.recommendation?.agreedWithManager, 'recommendation.agreedWithManager'),
});

function prompt(name: string, passage: string, message: string) {
  return defineRule<DerbyParams>({
    id: `derby/prompt-analysis-${name}`,
    kind: 'prompt',
    severity: 'prompt',
    section: 'analysis',
    source: source28(passage),
    message,
  });
}

// 2.8's reflective questions ("think about and reflect on the following").
export const analysisReflections = [
  prompt('who-helped', 'Reflect: who and what has helped you develop your work?', 'Who and what has helped you develop your work so far?'),
  prompt('evidence', 'Reflect: what counts as evidence; Practice Triggers: show your evidence base', 'What counts as evidence here, and have you shown the evidence behind each conclusion?'),
  prompt('knowledge-and-skills', 'Reflect: evidence your knowledge and skills', 'Where does your analysis show your knowledge, skills and the research you drew on?'),
  prompt('made-sense', 'Reflect: have you made sense of the case … in context of the history?', 'Have you made sense of the case, and of today’s worries in the light of the family’s history?'),
  prompt('strengths', 'Reflect: have you identified the family’s strengths?', 'Have you identified the family’s strengths?'),
  prompt('who-is-missing', 'Reflect: who and what might be missing; who have you not spoken to, and why?', 'Who and what might be missing? Who have you not spoken to, and why?'),
  prompt('family-understanding', 'Reflect: are you clear on what the family understands to be the worry?', 'What does the family think the worry is, and how far do they accept and understand yours?'),
  prompt('all-perspectives', 'Reflect: have you explored all perspectives?', 'Have you explored every perspective: the family’s, other professionals’ and your own?'),
  prompt('parenting-capacity', 'Reflect: capacity issues or need for specialist assessment of parenting capacity', 'Are there capacity issues, or is a specialist assessment of parenting capacity needed?'),
  prompt('safe-enough', 'Reflect: is the child safe enough?', 'Is the child safe enough?'),
  prompt('factors-affecting-judgement', 'Reflect: factors that might affect your professional judgement', 'Could hostility, avoidance, chaos or lack of time have affected your judgement or kept the work from being child focused?'),
  prompt('manager-dialogue', 'Reflect: have you had a dialogue with your manager?', 'Have you talked your analysis through with your manager?'),
  prompt('each-childs-voice', 'Consider and reflect the voice of each child and how this translates into actions', 'How does each child’s voice shape your actions, and what has changed because the parents listened to them?'),
];

// 2.8's practice triggers.
export const analysisTriggers = [
  prompt('professional-expert', 'Practice Triggers: you are the professional expert', 'You are the professional expert: does your analysis say clearly what you think and why?'),
  prompt('childs-world', 'Practice Triggers: do you truly understand the child’s world?', 'Do you truly understand this child’s world?'),
  prompt('curious-enough', 'Practice Triggers: have you been curious enough?', 'Have you been curious enough?'),
  prompt('what-affected-assessment', 'Practice Triggers: factors which may have impacted on your assessment and analysis', 'What may have affected your assessment and analysis, and how have you allowed for it?'),
];

export const analysisRules = [
  analysisMinimum,
  analysisEachChild,
  recommendationThreshold,
  recommendationAgreedWithManager,
  ...analysisReflections,
  ...analysisTriggers,
];
