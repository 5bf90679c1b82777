// Form section "Analysis and recommendation" (Hertfordshire 3, 7, 8, 9 and 10).
import { anyYes, childPath, has, included } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import { allRecorded, eachChild } from './helpers';
import type { HertfordshireParams } from './params';

export const analysisCompleted = defineRule<HertfordshireParams>({
  id: 'hertfordshire/analysis-completed',
  kind: 'check',
  severity: 'required',
  section: 'analysis',
  source: { label: 'Hertfordshire 7', section: '7', passage: 'The analysis and evaluation has been completed' },
  message: 'Complete your analysis: what you are worried about, the impact on the child, and what needs to happen next.',
  check: ({ record }) => {
    const a = record.analysis;
    return allRecorded([
      [has(a?.worries, 'analysis.worries'), 'worries'],
      [has(a?.impactOnChild, 'analysis.impactOnChild'), 'impact on the child'],
      [has(a?.nextSteps, 'analysis.nextSteps'), 'next steps'],
    ]);
  },
});

export const eachChildAssessedSeparately = defineRule<HertfordshireParams>({
  id: 'hertfordshire/each-child-assessed-separately',
  kind: 'check',
  severity: 'required',
  section: 'analysis',
  source: { label: 'Hertfordshire 2', section: '2', passage: 'Other children in the household or family should be equally considered, and the individual circumstances of each assessed and evaluated separately' },
  message: 'Assess each child in the household on their own: make their needs and the impact on them clear in the analysis.',
  check: (ctx) => eachChild(ctx, included, (child) => has(child.analysisRecorded, childPath(child, 'analysisRecorded'))),
});

export const threeDomains = defineRule<HertfordshireParams>({
  id: 'hertfordshire/three-domains',
  kind: 'check',
  severity: 'required',
  section: 'analysis',
  source: { label: 'Hertfordshire 3 and 9', section: '3, 9', passage: 'A good assessment is one which investigates the three domains; set out in the Assessment Framework Triangle' },
  message: 'Cover all three sides of the assessment triangle: the child’s developmental needs, parenting capacity, and family and environment.',
  check: ({ record }) => {
    const d = record.analysis?.domains;
    return allRecorded([
      [has(d?.developmentalNeeds, 'analysis.domains.developmentalNeeds'), 'developmental needs'],
      [has(d?.parentingCapacity, 'analysis.domains.parentingCapacity'), 'parenting capacity'],
      [has(d?.familyAndEnvironment, 'analysis.domains.familyAndEnvironment'), 'family and environment'],
    ]);
  },
});

export const strengthsConsidered = defineRule<HertfordshireParams>({
  id: 'hertfordshire/strengths-considered',
  kind: 'check',
  severity: 'required',
  section: 'analysis',
  source: { label: 'Hertfordshire 3', section: '3', passage: 'The assessment, in looking at the domains, should also consider where the strengths are in a child’s circumstances' },
  message: 'Record the strengths in the child’s life and how they could help reduce the risk.',
  check: ({ record }) => has(record.analysis?.strengths, 'analysis.strengths'),
});

export const evidenceForDecisions = defineRule<HertfordshireParams>({
  id: 'hertfordshire/evidence-for-decisions',
  kind: 'check',
  severity: 'required',
  section: 'analysis',
  source: { label: 'Hertfordshire 7', section: '7', passage: 'The assessment provides clear evidence for decisions on what types of services are needed to provide good outcomes for the child and family' },
  message: 'Write your recommendation, showing the evidence for the services the child and family need.',
  check: ({ record }) => has(record.recommendation?.recorded, 'recommendation.recorded'),
});

export const riskOutsideHome = defineRule<HertfordshireParams>({
  id: 'hertfordshire/risk-outside-home',
  kind: 'check',
  severity: 'required',
  section: 'analysis',
  source: { label: 'Hertfordshire 10', section: '10', passage: 'Assessments of children in such cases should consider whether wider environmental factors are undermining effective intervention being undertaken to reduce risk' },
  message: 'There are worries about harm outside the family. Consider the risks the child faces outside the home, in school, peer groups, the community and online.',
  appliesWhen: ({ record }) => {
    const c = record.concerns;
    return anyYes(c?.criminalExploitation, c?.sexualExploitation, c?.trafficking, c?.onlineAbuse, c?.radicalisation, c?.extraFamilialHarm);
  },
  check: ({ record }) => has(record.analysis?.riskOutsideHomeConsidered, 'analysis.riskOutsideHomeConsidered'),
});

export const differencesInViews = defineRule<HertfordshireParams>({
  id: 'hertfordshire/differences-in-views',
  kind: 'check',
  severity: 'expected',
  section: 'analysis',
  source: { label: 'Hertfordshire 9', section: '9', passage: 'Differences in views about information are recorded' },
  message: 'Record where the family and professionals see things differently.',
  check: ({ record }) => has(record.analysis?.differencesInViewsRecorded, 'analysis.differencesInViewsRecorded'),
});

export const analysisRules = [
  analysisCompleted,
  eachChildAssessedSeparately,
  threeDomains,
  strengthsConsidered,
  evidenceForDecisions,
  riskOutsideHome,
  differencesInViews,
  fromPack('prompt-needs-and-risk'),
  fromPack('prompt-child-readable-record'),
];
