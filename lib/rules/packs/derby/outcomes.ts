// Derby 2.10 Outcomes: the decision, the statutory questions, and sharing the outcome.
import type { OutcomeDecision } from '../../../model';
import { agenciesWereConsulted, allOf, answered, has, isYes, servicesToProvide } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import type { Applies } from '../../types';
import { both, either, kindIn, recorded, type Ctx } from './helpers';
import type { DerbyParams } from './params';

const source210 = (passage: string) => ({ label: 'Derby 2.10', section: '2.10', passage });

export const outcomeDecided = defineRule<DerbyParams>({
  id: 'derby/outcome-decided',
  kind: 'check',
  severity: 'required',
  section: 'outcomes',
  source: source210('The social worker and their line manager should determine'),
  message:
    'Record the outcome, and answer the statutory questions: is this a child in need, is significant harm suspected, and is accommodation needed?',
  check: ({ record }) => {
    const o = record.outcome;
    return allOf(
      has(o?.decision, 'outcome.decision'),
      answered(o?.childInNeed, 'outcome.childInNeed'),
      answered(o?.significantHarmSuspected, 'outcome.significantHarmSuspected'),
      answered(o?.accommodationNeeded, 'outcome.accommodationNeeded'),
    );
  },
});

export const planOfAction = defineRule<DerbyParams>({
  id: 'derby/plan-of-action',
  kind: 'check',
  severity: 'required',
  section: 'outcomes',
  source: source210('Agree a plan of action setting out the services to be delivered; how and by whom'),
  message: 'Agree a plan of action with your manager, the child, family and professionals: which services, how, and by whom.',
  appliesWhen: ({ record }) => servicesToProvide(record),
  check: ({ record }) => has(record.outcome?.planOfActionRecorded, 'outcome.planOfActionRecorded'),
});

const NEEDS_CONSENT: readonly OutcomeDecision[] = ['universal-or-early-help', 'child-in-need-plan'];

export const consentForSupport = defineRule<DerbyParams>({
  id: 'derby/consent-for-support',
  kind: 'check',
  severity: 'required',
  section: 'outcomes',
  source: source210('Parental consent is required for Early Help intervention or Child in Need support'),
  message: 'Early Help and child in need support need the parents’ consent. Record that they agreed.',
  appliesWhen: ({ record }) => {
    const decision = record.outcome?.decision;
    if (decision === undefined) return 'unknown';
    return decision !== null && NEEDS_CONSENT.includes(decision);
  },
  check: ({ record }) => has(record.outcome?.parentalConsentForSupport, 'outcome.parentalConsentForSupport'),
});

export const interpreterForSharing = defineRule<DerbyParams>({
  id: 'derby/interpreter-for-sharing',
  kind: 'check',
  severity: 'required',
  section: 'outcomes',
  source: source210('For families whose first language is not English then an interpreter must be used'),
  message: 'When English is not the family’s first language, use an interpreter to share the assessment with them, and record that you did.',
  appliesWhen: ({ record }) => isYes(record.household?.firstLanguageNotEnglish),
  check: ({ record }) => has(record.household?.interpreterUsed, 'household.interpreterUsed'),
});

/** The outcome is shared once the manager has authorised the assessment. */
function authorised({ record }: Ctx): Applies {
  return recorded(record.dates?.authorised);
}

export const outcomeSharedWithReferrer = defineRule<DerbyParams>({
  id: 'derby/outcome-shared-with-referrer',
  kind: 'check',
  severity: 'required',
  section: 'outcomes',
  source: source210('The outcome of the assessment – not the assessment document … is shared with the referrer in writing'),
  message: 'Tell the referrer the outcome in writing (the outcome only, not the assessment) and record the date.',
  appliesWhen: authorised,
  check: ({ record }) => has(record.outcome?.sharedWithReferrer, 'outcome.sharedWithReferrer'),
});

/** Child protection procedures have been initiated: a Section 47 enquiry or a strategy discussion is on record. */
function childProtectionInitiated({ record }: Ctx): Applies {
  return either(kindIn(record, ['section-47']), recorded(record.dates?.section47Start), recorded(record.dates?.strategyDiscussion));
}

export const outcomeSharedWithAgencies = defineRule<DerbyParams>({
  id: 'derby/outcome-shared-with-agencies',
  kind: 'check',
  severity: 'required',
  section: 'outcomes',
  source: source210('The outcome … is to be shared with the agencies involved … parental consent will be required for this unless Child Protection procedures have been initiated'),
  message:
    'Share the outcome, actions and review dates with the agencies involved (not the assessment itself) and record the date. Unless child protection procedures have begun, the parents must agree first.',
  appliesWhen: (ctx) => both(authorised(ctx), agenciesWereConsulted(ctx.record)),
  check: (ctx) => {
    const shared = has(ctx.record.outcome?.sharedWithAgencies, 'outcome.sharedWithAgencies');
    const initiated = childProtectionInitiated(ctx);
    if (initiated === true) return shared;
    const consent = has(ctx.record.consent?.obtained, 'consent.obtained');
    const withConsent = allOf(shared, consent);
    if (initiated === 'unknown' && withConsent.status !== 'met') return shared.status === 'missing' ? shared : { status: 'unknown', field: 'dates.section47Start' };
    return withConsent.status === 'missing' && consent.status === 'missing'
      ? { ...withConsent, detail: 'Parental consent is needed to share the outcome with agencies, as child protection procedures have not begun.' }
      : withConsent;
  },
});

export const outcomesRules = [
  outcomeDecided,
  planOfAction,
  consentForSupport,
  interpreterForSharing,
  // Shared with the child and family in writing (2.10) is in derby.json, over the shared England base.
  fromPack('outcome-shared-with-family'),
  outcomeSharedWithReferrer,
  outcomeSharedWithAgencies,
  fromPack('prompt-outcomes-early-help'),
];
