// Form section "Assessment plan": who has seen the children, the case direction, and the planning
// questions (Hertfordshire 2, 4, 7 and 8; visits and the bedroom sit here, see assessment-model.md).
// The timescale, its reasons and the plan agreed are on the shared England base (hertfordshire.json),
// and section 2's planning questions are prompts written there; fromPack places them here, in form order.
import { anyOf, anyYes, childPath, has } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import { allRecorded, eachChild, forSubjectChild, ifBorn, seenAlone, seenAtAll } from './helpers';
import type { HertfordshireParams } from './params';

export const childSeenAlone = defineRule<HertfordshireParams>({
  id: 'hertfordshire/child-seen-alone',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Hertfordshire 4 and 7', section: '4, 7', passage: 'They should be seen alone and if this is not possible … the reason should be recorded … direct communication with the child alone' },
  message: 'See the child alone. If that is not possible or not in their best interests, record the reason.',
  acceptsReason: {
    fact: 'children[].notSeenAloneReason',
    allowedBy: 'Hertfordshire 4: if this is not possible or in their best interest, the reason should be recorded',
  },
  check: (ctx) =>
    forSubjectChild(ctx, (child) =>
      ifBorn(child, () => anyOf(seenAlone(child), has(child.notSeenAloneReason, childPath(child, 'notSeenAloneReason')))),
    ),
});

export const allChildrenSeen = defineRule<HertfordshireParams>({
  id: 'hertfordshire/all-children-seen',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Hertfordshire 2 and 7', section: '2, 7', passage: 'Other children in the household or family should be equally considered … All the children in the household have been seen and their needs considered' },
  message: 'Include every child in the household in the assessment and see each of them.',
  check: (ctx) =>
    eachChild(
      ctx,
      () => true,
      (child) =>
        allRecorded([
          [has(child.includedInAssessment, childPath(child, 'includedInAssessment')), 'included in the assessment'],
          [ifBorn(child, () => seenAtAll(child)), 'seen'],
        ]),
    ),
});

export const homeVisitedBedroomSeen = defineRule<HertfordshireParams>({
  id: 'hertfordshire/home-visited-bedroom-seen',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Hertfordshire 7', section: '7', passage: 'The child’s home address has been visited and the child’s bedroom has been seen' },
  message: 'Visit the child’s home and see their bedroom.',
  check: (ctx) =>
    forSubjectChild(ctx, (child) =>
      allRecorded([
        [has(ctx.record.household?.homeVisited, 'household.homeVisited'), 'home visited'],
        [ifBorn(child, () => has(child.bedroomSeen, childPath(child, 'bedroomSeen'))), 'bedroom seen'],
      ]),
    ),
});

export const caseDirectionTimescales = defineRule<HertfordshireParams>({
  id: 'hertfordshire/case-direction-timescales',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Hertfordshire 7', section: '7', passage: 'The assessment case direction must set out timescales for the actions to be met' },
  message: 'Record the case direction: the actions, their timescales, and the points where the assessment will be reviewed in supervision.',
  check: ({ record }) =>
    allRecorded([
      [has(record.planning?.planRecorded, 'planning.planRecorded'), 'case direction'],
      [has(record.planning?.timescaleAgreed, 'planning.timescaleAgreed'), 'timescales'],
    ]),
});

export const progressCirculated = defineRule<HertfordshireParams>({
  id: 'hertfordshire/progress-circulated',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Hertfordshire 8', section: '8', passage: 'Assessment progress and action points … circulated to the participants including the child, if appropriate, and the parents' },
  message: 'Send the assessment’s progress and action points to everyone taking part, including the parents and, where right, the child.',
  check: ({ record }) => has(record.planning?.progressCirculated, 'planning.progressCirculated'),
});

export const promptParentInvolvementSafety = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-parent-involvement-safety',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: { label: 'Hertfordshire 4', section: '4', passage: 'There may be exceptions to the involvement of parents or care givers … the plan for the assessment must consider the safety of an adult' },
  message: 'With domestic abuse or sexual abuse in the picture, how will you involve each parent without putting the child or another adult at risk?',
  appliesWhen: ({ record }) => anyYes(record.concerns?.domesticAbuse, record.concerns?.sexualAbuse),
});

export const planRules = [
  fromPack('assessment-5-working-days'),
  fromPack('timescale-exceeded-reason'),
  childSeenAlone,
  allChildrenSeen,
  homeVisitedBedroomSeen,
  fromPack('plan-agreed-by-participants'),
  caseDirectionTimescales,
  progressCirculated,
  fromPack('consent-obtained'),
  fromPack('prompt-who-undertakes'),
  fromPack('prompt-who-involved'),
  fromPack('prompt-grouping'),
  fromPack('prompt-services-during'),
  fromPack('prompt-ethnicity-disability'),
  fromPack('prompt-methods-tools'),
  fromPack('prompt-timescales'),
  fromPack('prompt-recording'),
  fromPack('prompt-analysis-plan'),
  fromPack('prompt-outcomes-planning'),
  promptParentInvolvementSafety,
];
