// Form section "Assessment plan": the timescale, consent, and who has seen the children
// (Hertfordshire 2, 4, 6 and 7; visits and the bedroom sit here, see assessment-model.md).
import { anyOf, anyYes, childPath, has } from '../../conditions';
import { defineRule } from '../../pack';
import type { Outcome } from '../../types';
import { allRecorded, eachChild, forSubjectChild, ifBorn, seenAlone, seenAtAll, type Ctx } from './helpers';
import type { HertfordshireParams } from './params';

export const ASSESSMENT_COUNTDOWN_ID = 'hertfordshire/assessment-5-working-days';

export const assessment5WorkingDays = defineRule<HertfordshireParams>({
  id: ASSESSMENT_COUNTDOWN_ID,
  name: 'Assessment completed',
  kind: 'countdown',
  severity: 'required',
  section: 'plan',
  source: { label: 'Hertfordshire 6', section: '6', passage: 'Actions and Outcomes: the maximum time frame for the assessment to conclude' },
  message: 'Complete the assessment by the due date. The procedure allows 5 working days from the referral to reach a decision on next steps.',
  // Section 6 ties the reason to this timescale: it excuses no other clock.
  excusedBy: {
    fact: 'timescale.exceededReasonRecorded',
    allowedBy: 'Hertfordshire 6: if an assessment exceeds the time frame, record the reasons for exceeding the time limit',
  },
  dueSoonWithin: (params) => params.dueSoonWorkingDays,
  // Section 6 says 5 working days where Derby's identical sentence says 45: kept as written, and said so.
  figureNote: (params) =>
    params.assessmentWorkingDays === 5
      ? 'The 5 working days are the figure written in Hertfordshire’s procedure (section 6). Your council can change it in the pack settings'
      : `Your council has set ${params.assessmentWorkingDays} working days in the pack settings; Hertfordshire’s procedure (section 6) says 5`,
  clock: ({ record, params }) => {
    const referral = record.dates?.referral;
    if (referral === undefined) return { status: 'unknown', field: 'dates.referral', detail: 'The referral date has not been read yet.' };
    if (referral === null) {
      return { status: 'missing', field: 'dates.referral', detail: 'Record the date the referral was received: the timescale runs from it.' };
    }
    return {
      start: referral,
      startLabel: 'referral',
      startField: 'dates.referral',
      span: { workingDays: params.assessmentWorkingDays },
      met: record.dates?.completed,
      metField: 'dates.completed',
    };
  },
});

export const timescaleExceededReason = defineRule<HertfordshireParams>({
  id: 'hertfordshire/timescale-exceeded-reason',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Hertfordshire 6', section: '6', passage: 'Actions and Outcomes: if an assessment exceeds 5 working days' },
  message: 'The assessment has gone past its timescale. Record the reasons, as agreed with the child, family and professionals.',
  check: ({ record, countdowns }: Ctx): Outcome => {
    const countdown = countdowns.find((c) => c.ruleId === ASSESSMENT_COUNTDOWN_ID);
    if (!countdown) return { status: 'not-applicable' };
    switch (countdown.status) {
      case 'overdue':
      case 'met-late':
        return has(record.timescale?.exceededReasonRecorded, 'timescale.exceededReasonRecorded');
      case 'unknown':
      case 'missing':
        // A reason already recorded is done, whatever is unread; otherwise we cannot tell yet
        // whether the timescale was exceeded: point at what the countdown needs.
        if (record.timescale?.exceededReasonRecorded === true) return { status: 'met', field: 'timescale.exceededReasonRecorded' };
        return { status: 'unknown', field: countdown.field, detail: 'Cannot tell yet whether the timescale has been exceeded.' };
      default:
        return { status: 'not-applicable' };
    }
  },
});

export const childSeenAlone = defineRule<HertfordshireParams>({
  id: 'hertfordshire/child-seen-alone',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Hertfordshire 4 and 7', section: '4, 7', passage: 'The Child: they should be seen alone; Regular Review: direct communication with the child alone' },
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
  source: { label: 'Hertfordshire 2 and 7', section: '2, 7', passage: 'Planning: other children in the household equally considered; Regular Review: all the children seen' },
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
  source: { label: 'Hertfordshire 7', section: '7', passage: 'Regular Review: the home address visited and the child’s bedroom seen' },
  message: 'Visit the child’s home and see their bedroom.',
  check: (ctx) =>
    forSubjectChild(ctx, (child) =>
      allRecorded([
        [has(ctx.record.household?.homeVisited, 'household.homeVisited'), 'home visited'],
        [ifBorn(child, () => has(child.bedroomSeen, childPath(child, 'bedroomSeen'))), 'bedroom seen'],
      ]),
    ),
});

export const planAgreedByParticipants = defineRule<HertfordshireParams>({
  id: 'hertfordshire/plan-agreed-by-participants',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Hertfordshire 2', section: '2', passage: 'Planning: the purpose of the assessment should be transparent, understood and agreed by all participants' },
  message: 'Agree the purpose and plan of the assessment with everyone taking part, and record the date it was agreed.',
  check: ({ record }) => has(record.dates?.planAgreedWithFamily, 'dates.planAgreedWithFamily'),
});

export const caseDirectionTimescales = defineRule<HertfordshireParams>({
  id: 'hertfordshire/case-direction-timescales',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Hertfordshire 7', section: '7', passage: 'Regular Review: the assessment case direction must set out timescales for the actions to be met' },
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

// A planning question in section 2 ("How will the consent of family members be obtained?"):
// a prompt, not a blocking check; the procedure states no consent duty elsewhere.
export const consentObtained = defineRule<HertfordshireParams>({
  id: 'hertfordshire/consent-obtained',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: { label: 'Hertfordshire 2', section: '2', passage: 'Planning: how will the consent of family members be obtained?' },
  message: 'How will you ask each family member for their consent, and explain what it means?',
});

// Hertfordshire 2: the questions to consider when planning an assessment, as prompts.
const PLANNING = { label: 'Hertfordshire 2', section: '2', passage: 'Planning: questions to be considered in planning assessments' };

export const promptWhoUndertakes = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-who-undertakes',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: PLANNING,
  message: 'Who will carry out the assessment, and what time and resources will it need?',
});

export const promptWhoInvolved = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-who-involved',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: PLANNING,
  message: 'Who in the family will take part, and how? Think about absent parents, the wider family and anyone else important to the child.',
});

export const promptGrouping = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-grouping',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: PLANNING,
  message: 'Who will you see together and who apart, in what order, and where?',
});

export const promptServicesDuring = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-services-during',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: PLANNING,
  message: 'Does the family need any services or support while the assessment is going on?',
});

export const promptEthnicityDisability = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-ethnicity-disability',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: PLANNING,
  message: 'How will the assessment take account of the issues faced by Black and minority ethnic children and families, and by disabled children and their families?',
});

export const promptMethodsTools = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-methods-tools',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: PLANNING,
  message: 'How will you find things out? Are there tools or questionnaires that would help with this family?',
});

export const promptTimescales = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-timescales',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: PLANNING,
  message: 'What are the timescales for each step, and when will you review progress in supervision?',
});

export const promptRecording = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-recording',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: PLANNING,
  message: 'How and where will you record what you learn as the assessment goes on?',
});

export const promptAnalysisPlan = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-analysis-plan',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: PLANNING,
  message: 'How will you make sense of what you find, and who will help you analyse it?',
});

export const promptOutcomesPlanning = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-outcomes-planning',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: PLANNING,
  message: 'When will you talk through the outcome with the family and plan any services?',
});

export const promptParentInvolvementSafety = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-parent-involvement-safety',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: { label: 'Hertfordshire 4', section: '4', passage: 'The Parents/Carers: exceptions in cases of sexual abuse or domestic abuse' },
  message: 'With domestic abuse or sexual abuse in the picture, how will you involve each parent without putting the child or another adult at risk?',
  appliesWhen: ({ record }) => anyYes(record.concerns?.domesticAbuse, record.concerns?.sexualAbuse),
});

export const planRules = [
  assessment5WorkingDays,
  timescaleExceededReason,
  childSeenAlone,
  allChildrenSeen,
  homeVisitedBedroomSeen,
  planAgreedByParticipants,
  caseDirectionTimescales,
  progressCirculated,
  consentObtained,
  promptWhoUndertakes,
  promptWhoInvolved,
  promptGrouping,
  promptServicesDuring,
  promptEthnicityDisability,
  promptMethodsTools,
  promptTimescales,
  promptRecording,
  promptAnalysisPlan,
  promptOutcomesPlanning,
  promptParentInvolvementSafety,
];
