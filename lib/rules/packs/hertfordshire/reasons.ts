// Form section "Reasons for the assessment": what we are worried about, and what an
// assessment should establish (Hertfordshire 3). The questions about the worry itself are
// prompts in hertfordshire.json; fromPack places them here.
import { anyYes, has } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import type { HertfordshireParams } from './params';

export const nrmReferral = defineRule<HertfordshireParams>({
  id: 'hertfordshire/nrm-referral',
  kind: 'check',
  severity: 'required',
  section: 'reasons',
  source: { label: 'Hertfordshire 3', section: '3', passage: 'If there is a concern with regards to exploitation or trafficking, a referral into the National Referral Mechanism should be made' },
  message: 'There are worries about exploitation, trafficking or modern slavery. Refer the child to the National Referral Mechanism and record the date.',
  appliesWhen: ({ record }) => {
    const c = record.concerns;
    return anyYes(c?.criminalExploitation, c?.sexualExploitation, c?.trafficking, c?.modernSlavery);
  },
  check: ({ record }) => has(record.referrals?.nationalReferralMechanism, 'referrals.nationalReferralMechanism'),
});

export const reasonsRules = [
  nrmReferral,
  fromPack('prompt-nature-and-impact'),
  fromPack('prompt-how-concerns-arose'),
  fromPack('prompt-abuse-or-neglect'),
  fromPack('prompt-exploitation'),
  fromPack('prompt-modern-slavery'),
  fromPack('prompt-radicalisation'),
];
