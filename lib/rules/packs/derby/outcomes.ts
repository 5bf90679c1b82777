// Derby 2.10 Outcomes: the decision, the statutory questions, and sharing the outcome.
import type { OutcomeDecision } from '../../../model';
import { agenciesWereConsulted, allOf, answered, anyOf, has, isYes } from '../../conditions';
import { defineRule } from '../../pack';
import type { Applies } from '../../types';
import { both, recorded, type Ctx } from './helpers';
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

export const outcomeSharedWithFamily = defineRule<DerbyParams>({
  id: 'derby/outcome-shared-with-family',
  kind: 'check',
  severity: 'expected',
  section: 'outcomes',
  source: source210('Discussed with the child and family and provided to them in written form'),
  message: 'Discuss the outcome with the child and family and give it to them in writing. If you cannot, record why.',
  appliesWhen: authorised,
  check: ({ record }) =>
    anyOf(
      has(record.outcome?.sharedWithFamilyInWriting, 'outcome.sharedWithFamilyInWriting'),
      has(record.outcome?.notSharedWithFamilyReason, 'outcome.notSharedWithFamilyReason'),
    ),
});

export const outcomeSharedWithReferrer = defineRule<DerbyParams>({
  id: 'derby/outcome-shared-with-referrer',
  kind: 'check',
  severity: 'expected',
  section: 'outcomes',
  source: source210('The outcome of the assessment is shared with the referrer in writing'),
  message: 'Tell the referrer the outcome in writing (the outcome only, not the assessment) and record the date.',
  appliesWhen: authorised,
  check: ({ record }) => has(record.outcome?.sharedWithReferrer, 'outcome.sharedWithReferrer'),
});

export const outcomeSharedWithAgencies = defineRule<DerbyParams>({
  id: 'derby/outcome-shared-with-agencies',
  kind: 'check',
  severity: 'expected',
  section: 'outcomes',
  source: source210('The outcome is to be shared with the agencies involved in providing services'),
  message: 'Share the outcome, actions and review dates with the agencies involved (not the assessment itself) and record the date.',
  appliesWhen: (ctx) => both(authorised(ctx), agenciesWereConsulted(ctx.record)),
  check: ({ record }) => has(record.outcome?.sharedWithAgencies, 'outcome.sharedWithAgencies'),
});

export const promptEarlyHelp = defineRule<DerbyParams>({
  id: 'derby/prompt-outcomes-early-help',
  kind: 'prompt',
  severity: 'prompt',
  section: 'outcomes',
  source: source210('Could this family be supported by Early Help services?'),
  message: 'Could Early Help services support this family? Have you agreed the plan of action with the child, family and professionals?',
});

export const outcomesRules = [
  outcomeDecided,
  consentForSupport,
  interpreterForSharing,
  outcomeSharedWithFamily,
  outcomeSharedWithReferrer,
  outcomeSharedWithAgencies,
  promptEarlyHelp,
];
