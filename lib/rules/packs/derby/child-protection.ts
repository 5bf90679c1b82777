// Derby 2.4 Child protection only.
import { conferenceIsOutcome, has, isYes } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import type { Applies, Outcome } from '../../types';
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
  // The duty is Working Together 2023's (a strategy discussion whenever there is reasonable cause
  // to suspect significant harm); Derby 2.4 only asks the question, which is the prompt below.
  // So it applies only to a Section 47 enquiry or suspected significant harm, never elsewhere.
  severity: 'required',
  section: 'child-protection',
  source: {
    label: 'Derby 2.4, with Working Together 2023',
    section: '2.4',
    passage: 'Is a strategy discussion / meeting required? If there is reason to believe that a child is suffering, or likely to suffer significant harm',
  },
  message: 'In a Section 47 enquiry, or where significant harm is suspected, hold a strategy discussion and record its date and time.',
  // Not owed when a strategy discussion is what the assessment decided should happen next.
  // Met once its date is recorded, whatever is still unread (a step that is done never blocks).
  appliesWhen: (ctx) => both(childProtection(ctx), not(strategyDiscussionIsTheOutcome(ctx))),
  check: ({ record }) => has(record.dates?.strategyDiscussion, 'dates.strategyDiscussion'),
});

const S47_CLOCK = 'derby/child-seen-alone-24-hours-s47';

export const thresholdConsideredNotSeen = defineRule<DerbyParams>({
  id: 'derby/threshold-considered-not-seen',
  kind: 'check',
  severity: 'required',
  section: 'child-protection',
  source: source24('If a child is not seen in this timeframe then the threshold must be considered and the matter escalated or closed'),
  message: 'The child was not seen alone within 24 hours. Consider the threshold again with your manager, and record that the matter was escalated or closed.',
  // One clock for each child in the enquiry: any child not seen in time owes the threshold duty.
  check: ({ record, countdowns }): Outcome => {
    const clocks = countdowns.filter((c) => c.ruleId === S47_CLOCK && c.status !== 'not-applicable');
    if (clocks.length === 0) return { status: 'not-applicable' };
    if (clocks.some((c) => c.status === 'overdue' || c.status === 'met-late')) {
      return has(record.childProtection?.notSeenThresholdConsidered, 'childProtection.notSeenThresholdConsidered');
    }
    const open = clocks.find((c) => c.status === 'unknown' || c.status === 'missing');
    if (open) {
      if (record.childProtection?.notSeenThresholdConsidered === true) return { status: 'met', field: 'childProtection.notSeenThresholdConsidered' };
      return { status: 'unknown', field: open.field, detail: 'Cannot tell yet whether the child was seen in time.' };
    }
    return { status: 'not-applicable' };
  },
});

export const conferenceReport = defineRule<DerbyParams>({
  id: 'derby/conference-report',
  kind: 'check',
  severity: 'required',
  section: 'child-protection',
  source: { label: 'Derby 2.3', section: '2.3', passage: 'May not be completed in time for the Initial Child Protection Conference however a conference report will be completed' },
  message: 'An initial child protection conference is to be held. Complete the conference report, even if the assessment is not finished yet.',
  appliesWhen: ({ record }) => conferenceIsOutcome(record),
  check: ({ record }) => has(record.childProtection?.conferenceReportCompleted, 'childProtection.conferenceReportCompleted'),
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
  source: source24('Managerial direction and oversight is essential in child protection processes'),
  message: 'Has your manager given direction on this child protection work, and is their oversight recorded?',
  appliesWhen: childProtectionWork,
});

export const promptDetailedRecording = defineRule<DerbyParams>({
  id: 'derby/prompt-child-protection-detailed-recording',
  kind: 'prompt',
  severity: 'prompt',
  section: 'child-protection',
  source: source24('Detailed and specific recording is essential in S47 enquiries'),
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

export const childProtectionRules = [
  strategyDiscussionHeld,
  thresholdConsideredNotSeen,
  conferenceReport,
  fromPack('prompt-child-protection-strategy-discussion'),
  promptManagerOversight,
  promptDetailedRecording,
  promptNotSeenInTime,
];
