// Derby 2.4 Child protection only.
import { has, isYes } from '../../conditions';
import { defineRule } from '../../pack';
import type { Applies } from '../../types';
import { both, either, kindIn, not, recorded, type Ctx } from './helpers';
import type { DerbyParams } from './params';

const source24 = (passage: string) => ({ label: 'Derby 2.4', section: '2.4', passage });

/** Child protection work: a Section 47 assessment, or significant harm is suspected. */
function childProtection({ record }: Ctx): Applies {
  return either(kindIn(record, ['section-47']), isYes(record.outcome?.significantHarmSuspected));
}

/** The assessment's outcome is itself to hold a strategy discussion (the next step, Derby 2.10). */
function strategyDiscussionIsTheOutcome({ record }: Ctx): Applies {
  const decision = record.outcome?.decision;
  if (decision === undefined) return 'unknown';
  return decision === 'strategy-discussion';
}

export const strategyDiscussionHeld = defineRule<DerbyParams>({
  id: 'derby/strategy-discussion-held',
  kind: 'check',
  severity: 'required',
  section: 'child-protection',
  source: source24('Is a strategy discussion / meeting required?'),
  message: 'Where significant harm is suspected, hold a strategy discussion and record its date and time.',
  // Not owed when a strategy discussion is what the assessment decided should happen next.
  appliesWhen: (ctx) => both(childProtection(ctx), not(strategyDiscussionIsTheOutcome(ctx))),
  check: ({ record }) => has(record.dates?.strategyDiscussion, 'dates.strategyDiscussion'),
});

/** Prompts for child protection work: also shown once a strategy discussion is on record. */
function childProtectionWork(ctx: Ctx): Applies {
  return either(childProtection(ctx), recorded(ctx.record.dates?.strategyDiscussion));
}

export const promptManagerOversight = defineRule<DerbyParams>({
  id: 'derby/prompt-child-protection-manager-oversight',
  kind: 'prompt',
  severity: 'prompt',
  section: 'child-protection',
  source: source24('Practice Trigger: managerial direction and oversight is essential'),
  message: 'Has your manager given direction on this child protection work, and is their oversight recorded?',
  appliesWhen: childProtectionWork,
});

export const promptDetailedRecording = defineRule<DerbyParams>({
  id: 'derby/prompt-child-protection-detailed-recording',
  kind: 'prompt',
  severity: 'prompt',
  section: 'child-protection',
  source: source24('Practice Trigger: detailed and specific recording is essential in S47 enquiries'),
  message: 'Is your recording of the enquiry detailed and specific, with any handwritten notes scanned onto the case record?',
  appliesWhen: childProtectionWork,
});

export const promptNotSeenInTime = defineRule<DerbyParams>({
  id: 'derby/prompt-child-protection-not-seen-in-time',
  kind: 'prompt',
  severity: 'prompt',
  section: 'child-protection',
  source: source24('If a child is not seen in this timeframe then the threshold must be considered'),
  message: 'If the child was not seen in time, have you reconsidered the threshold with your manager, and escalated or closed the enquiry?',
  appliesWhen: ({ record }) => kindIn(record, ['section-47']),
});

export const childProtectionRules = [strategyDiscussionHeld, promptManagerOversight, promptDetailedRecording, promptNotSeenInTime];
