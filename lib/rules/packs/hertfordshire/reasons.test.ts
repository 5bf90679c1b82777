import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../../../tests/support/rule-tester';
import { completeHertfordshireRecord as complete } from '../../../../tests/fixtures/records/hertfordshire-records';
import { hertfordshirePack as pack } from './index';
import { testPrompt } from '../../../../tests/support/hertfordshire-rules';

const noExploitation = withFacts(complete, { 'concerns.criminalExploitation': false });

testRule(pack, 'hertfordshire/nrm-referral', [
  { name: 'criminal exploitation, NRM referral dated', record: complete, expect: 'met' },
  {
    name: 'trafficking, NRM referral dated',
    record: withFacts(noExploitation, { 'concerns.trafficking': true }),
    expect: 'met',
  },
  { name: 'criminal exploitation, NRM referral blank', record: withFacts(complete, { 'referrals.nationalReferralMechanism': null }), expect: 'missing' },
  {
    name: 'sexual exploitation, NRM referral blank',
    record: withFacts(noExploitation, { 'concerns.sexualExploitation': true, 'referrals.nationalReferralMechanism': null }),
    expect: 'missing',
  },
  {
    name: 'modern slavery, NRM referral blank',
    record: withFacts(noExploitation, { 'concerns.modernSlavery': true, 'referrals.nationalReferralMechanism': null }),
    expect: 'missing',
  },
  { name: 'exploitation recorded, NRM referral not read yet', record: withoutFact(complete, 'referrals.nationalReferralMechanism'), expect: 'unknown' },
  {
    name: 'no worry recorded yet, one exploitation box not read, no NRM referral',
    record: withoutFact(withFacts(noExploitation, { 'referrals.nationalReferralMechanism': null }), 'concerns.trafficking'),
    expect: 'unknown',
  },
  { name: 'no exploitation, trafficking or slavery worries', record: noExploitation, expect: 'not-applicable' },
  {
    name: 'other extra-familial harm alone does not need an NRM referral',
    record: withFacts(noExploitation, { 'concerns.onlineAbuse': true, 'referrals.nationalReferralMechanism': null }),
    expect: 'not-applicable',
  },
]);

for (const id of [
  'prompt-nature-and-impact',
  'prompt-how-concerns-arose',
  'prompt-abuse-or-neglect',
  'prompt-exploitation',
  'prompt-modern-slavery',
  'prompt-radicalisation',
]) {
  testPrompt(`hertfordshire/${id}`, 'reasons');
}
