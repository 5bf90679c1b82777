// Form section "Reasons for the assessment": what we are worried about, and what an
// assessment should establish (Hertfordshire 3).
import { anyYes, has } from '../../conditions';
import { defineRule } from '../../pack';
import type { HertfordshireParams } from './params';

export const nrmReferral = defineRule<HertfordshireParams>({
  id: 'hertfordshire/nrm-referral',
  kind: 'check',
  severity: 'required',
  section: 'reasons',
  source: { label: 'Hertfordshire 3', section: '3', passage: 'Developing a Clear Analysis: note on referral to the National Referral Mechanism' },
  message: 'There are worries about exploitation, trafficking or modern slavery. Refer the child to the National Referral Mechanism and record the date.',
  appliesWhen: ({ record }) => {
    const c = record.concerns;
    return anyYes(c?.criminalExploitation, c?.sexualExploitation, c?.trafficking, c?.modernSlavery);
  },
  check: ({ record }) => has(record.referrals?.nationalReferralMechanism, 'referrals.nationalReferralMechanism'),
});

// Hertfordshire 3: "An assessment should establish" – the questions about the worry itself.
const ESTABLISH = { label: 'Hertfordshire 3', section: '3', passage: 'Developing a Clear Analysis: an assessment should establish' };

export const promptNatureAndImpact = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-nature-and-impact',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: ESTABLISH,
  message: 'What exactly is the worry, and what difference has it made to the child’s life?',
});

export const promptHowConcernsArose = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-how-concerns-arose',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: ESTABLISH,
  message: 'How and why have these worries come about?',
});

export const promptAbuseOrNeglect = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-abuse-or-neglect',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: ESTABLISH,
  message: 'Does the worry involve abuse or neglect? If so, how serious is it?',
});

export const promptExploitation = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-exploitation',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: ESTABLISH,
  message: 'Is there anything to suggest the child is being, or has been, criminally or sexually exploited or trafficked?',
});

export const promptModernSlavery = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-modern-slavery',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: ESTABLISH,
  message: 'Is there anything to suggest the child has been trafficked, or made to do forced labour, or held in servitude or slavery?',
});

export const promptRadicalisation = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-radicalisation',
  kind: 'prompt',
  severity: 'prompt',
  section: 'reasons',
  source: ESTABLISH,
  message: 'Is there anything to suggest the child has been exposed to radicalisation or extremism?',
});

export const reasonsRules = [
  nrmReferral,
  promptNatureAndImpact,
  promptHowConcernsArose,
  promptAbuseOrNeglect,
  promptExploitation,
  promptModernSlavery,
  promptRadicalisation,
];
