// Derby 2.3 Assessment plan: the plan, consent, and who has seen the children.
import { agenciesWereConsulted, allOf, anyOf, childPath, firstSeenAlone, has, isYes } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import { eachChild, includedAndBorn } from './helpers';
import type { DerbyParams } from './params';

const source23 = (passage: string) => ({ label: 'Derby 2.3', section: '2.3', passage });

export const timeframeAndMethods = defineRule<DerbyParams>({
  id: 'derby/plan-timeframe-and-methods',
  kind: 'check',
  // 2.3's body text describes the plan ("A timeframe is agreed, and the tools and methods to be used
  // discussed") with no must or should: good practice, shown and never blocking.
  severity: 'expected',
  section: 'plan',
  source: source23('A timeframe is agreed, and the tools and methods to be used discussed'),
  message: 'Agree a timeframe for the assessment with the family, and record the tools and methods you will use.',
  check: ({ record }) =>
    allOf(has(record.planning?.timescaleAgreed, 'planning.timescaleAgreed'), has(record.planning?.toolsAndMethodsRecorded, 'planning.toolsAndMethodsRecorded')),
});

export const consentToShare = defineRule<DerbyParams>({
  id: 'derby/consent-to-share',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Derby 1 and 2.5', section: '1, 2.5', passage: 'Consent from the parent/carer … should be obtained in writing prior to sharing information … Written consent must be provided from parents' },
  message:
    'Before contacting other agencies, get the parents’ written consent and record who gave it. If you share without consent, discuss it with your manager and record why.',
  acceptsReason: {
    fact: 'consent.withoutConsentReasonRecorded',
    allowedBy: 'Derby 1: where sharing without consent is decided with the team manager, the reason for proceeding without agreement must be recorded',
  },
  appliesWhen: ({ record }) => agenciesWereConsulted(record),
  check: ({ record }) => {
    const c = record.consent;
    return anyOf(
      allOf(has(c?.obtained, 'consent.obtained'), has(c?.inWriting, 'consent.inWriting'), has(c?.givenBy, 'consent.givenBy')),
      allOf(
        has(c?.sharedWithoutConsent, 'consent.sharedWithoutConsent'),
        has(c?.withoutConsentManagerDiscussed, 'consent.withoutConsentManagerDiscussed'),
        has(c?.withoutConsentReasonRecorded, 'consent.withoutConsentReasonRecorded'),
      ),
    );
  },
});

export const childSeenAlone = defineRule<DerbyParams>({
  id: 'derby/child-seen-alone',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Derby 2.3 and 2.7', section: '2.3, 2.7', passage: 'It is important that during the assessment practitioners see the child alone … The child must be seen alone' },
  // Derby gives no exception ("The child must be seen alone"), so no recorded reason meets it:
  // where a child cannot be seen alone, accepting that is the manager's decision (an acknowledgement).
  message: 'See each child alone and record the visit. Derby allows no exception: if a child cannot be seen alone, your manager decides whether to accept that.',
  check: (ctx) => eachChild(ctx, includedAndBorn, (child) => has(firstSeenAlone(child), childPath(child, 'seenDates'))),
});

export const consentWithheldAgenciesTold = defineRule<DerbyParams>({
  id: 'derby/consent-withheld-agencies-told',
  kind: 'check',
  severity: 'required',
  section: 'plan',
  source: { label: 'Derby 1', section: '1', passage: 'Agencies should be told that the parent/carer/young person has withheld permission' },
  message: 'Information was shared without the family’s permission: record that the agencies were told permission was withheld, and that the parent was told it is still being shared.',
  appliesWhen: ({ record }) => isYes(record.consent?.sharedWithoutConsent),
  check: ({ record }) =>
    allOf(
      has(record.consent?.agenciesToldConsentWithheld, 'consent.agenciesToldConsentWithheld'),
      has(record.consent?.parentToldOfSharing, 'consent.parentToldOfSharing'),
    ),
});

export const promptReadSocialCareFile = defineRule<DerbyParams>({
  id: 'derby/prompt-plan-read-social-care-file',
  kind: 'prompt',
  severity: 'prompt',
  section: 'plan',
  source: source23('Read the Social Care file - it may give you a lot of valuable information'),
  message: 'Have you read the Social Care file? It may tell you a lot about the family and guide the whole assessment.',
  // Shown until the file is recorded as read.
  appliesWhen: ({ record }) => record.planning?.fileRead !== true,
});

// The plan agreed in writing (2.1) and the manager's endorsement (2.3) are in derby.json, over the shared England base.
export const planRules = [
  fromPack('assessment-plan-agreed-in-writing'),
  fromPack('manager-endorsed-plan'),
  timeframeAndMethods,
  consentToShare,
  consentWithheldAgenciesTold,
  childSeenAlone,
  fromPack('prompt-plan-completion-date-in-calendar'),
  fromPack('prompt-plan-staff-safety'),
  fromPack('prompt-plan-when-seen-alone'),
  fromPack('prompt-plan-has-child-been-seen'),
  fromPack('prompt-plan-communication-support'),
  promptReadSocialCareFile,
  fromPack('prompt-plan-think-long-term'),
];
