// Form section "Outcomes": the statutory questions, the decision and who it is shared
// with (Hertfordshire 3 and 6). The outcome shared with the family is on the shared England
// base (hertfordshire.json); fromPack places it here, in form order.
import { agenciesWereConsulted, answered, has, servicesToProvide } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import { afterAuthorised, allRecorded, both } from './helpers';
import type { HertfordshireParams } from './params';

export const statutoryQuestionsAnswered = defineRule<HertfordshireParams>({
  id: 'hertfordshire/statutory-questions-answered',
  kind: 'check',
  severity: 'required',
  section: 'outcomes',
  source: { label: 'Hertfordshire 6', section: '6', passage: 'In the course of the assessment the social worker and their line manager should determine' },
  message: 'Answer all three questions: is this a child in need, is there cause to suspect significant harm, and does the child need accommodation?',
  check: ({ record }) => {
    const o = record.outcome;
    return allRecorded([
      [answered(o?.childInNeed, 'outcome.childInNeed'), 'child in need (section 17)'],
      [answered(o?.significantHarmSuspected, 'outcome.significantHarmSuspected'), 'significant harm (section 47)'],
      [answered(o?.accommodationNeeded, 'outcome.accommodationNeeded'), 'accommodation (section 20 or 31A)'],
    ]);
  },
});

export const outcomeDecided = defineRule<HertfordshireParams>({
  id: 'hertfordshire/outcome-decided',
  kind: 'check',
  severity: 'required',
  section: 'outcomes',
  source: { label: 'Hertfordshire 6', section: '6', passage: 'The possible outcomes of the assessment should be decided on by the social worker and their line manager' },
  message: 'Record the outcome of the assessment, agreed with your line manager.',
  check: ({ record }) => has(record.outcome?.decision, 'outcome.decision'),
});

export const planOfAction = defineRule<HertfordshireParams>({
  id: 'hertfordshire/plan-of-action',
  kind: 'check',
  severity: 'required',
  section: 'outcomes',
  source: { label: 'Hertfordshire 6', section: '6', passage: 'Who should agree a plan of action setting out the services to be delivered how and by whom' },
  message: 'Agree a plan of action with your line manager, the child, family and professionals: which services, how, and by whom.',
  appliesWhen: ({ record }) => servicesToProvide(record),
  check: ({ record }) => has(record.outcome?.planOfActionRecorded, 'outcome.planOfActionRecorded'),
});

export const outcomeSharedWithReferrer = defineRule<HertfordshireParams>({
  id: 'hertfordshire/outcome-shared-with-referrer',
  kind: 'check',
  // "Provided to professional referrers": the duty is owed only to a professional, and no case
  // system records who referred, so it cannot block every assessment: shown, never blocks.
  severity: 'expected',
  section: 'outcomes',
  source: { label: 'Hertfordshire 6', section: '6', passage: 'The outcome of the assessment should be: … Taking account of confidentiality, provided to professional referrers' },
  message: 'If the referral came from a professional, tell them the outcome, keeping to what confidentiality allows.',
  appliesWhen: afterAuthorised,
  check: ({ record }) => has(record.outcome?.sharedWithReferrer, 'outcome.sharedWithReferrer'),
});

export const outcomeSharedWithAgencies = defineRule<HertfordshireParams>({
  id: 'hertfordshire/outcome-shared-with-agencies',
  kind: 'check',
  severity: 'required',
  section: 'outcomes',
  source: { label: 'Hertfordshire 6', section: '6', passage: 'The outcome of the assessment should be: … Given in writing to agencies involved in providing services to the child' },
  message: 'Send the outcome in writing to the agencies working with the child, with the actions, review dates and intended outcomes.',
  appliesWhen: (ctx) => both(afterAuthorised(ctx), agenciesWereConsulted(ctx.record)),
  check: ({ record }) => has(record.outcome?.sharedWithAgencies, 'outcome.sharedWithAgencies'),
});

export const outcomesRules = [
  statutoryQuestionsAnswered,
  outcomeDecided,
  planOfAction,
  fromPack('outcome-shared-with-family'),
  outcomeSharedWithReferrer,
  outcomeSharedWithAgencies,
  fromPack('prompt-child-in-need'),
];
