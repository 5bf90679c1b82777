// Derby 2.6 Your profile and story: the child's profile, the parents' profile, and home and safety.
import type { Concern } from '../../../model';
import { childPath, has, isYes } from '../../conditions';
import { defineRule } from '../../pack';
import type { Applies } from '../../types';
import { agedAtLeast, both, eachChild, either, includedAndBorn, type Ctx } from './helpers';
import type { DerbyParams } from './params';

const source26 = (passage: string) => ({ label: 'Derby 2.6', section: '2.6', passage });

export const childOwnWords = defineRule<DerbyParams>({
  id: 'derby/child-own-words',
  kind: 'check',
  severity: 'required',
  section: 'profile',
  source: source26('Child’s profile and story: should include the child’s own words'),
  message: 'Write each child’s story with their own words about their situation and their life.',
  check: (ctx) =>
    eachChild(
      ctx,
      (child) => both(isYes(child.includedInAssessment), agedAtLeast(child, ctx.params.ownWordsFromAge, ctx.today)),
      (child) => has(child.ownWordsRecorded, childPath(child, 'ownWordsRecorded')),
    ),
});

export const everyBedroomSeen = defineRule<DerbyParams>({
  id: 'derby/every-bedroom-seen',
  // A 2.6 Practice Trigger ("useful hints / tips"), and Derby states it nowhere in its body text: a prompt.
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Where you live … Practice Triggers: see every child’s bedroom'),
  message: 'Have you seen every child’s bedroom? Record it for each child.',
  // Shown until each included child who is born has their bedroom recorded as seen (an unborn
  // child has no bedroom yet; safe sleep is asked in the safety questions, 2.5).
  appliesWhen: (ctx) => ctx.record.children === undefined || ctx.children.some((c) => includedAndBorn(c) !== false && c.bedroomSeen !== true),
});

// Practice triggers, 2.6: the child's profile and story.
export const promptSeenEachChild = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-seen-each-child',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Practice Triggers: make the child real. Have you seen each child?'),
  message: 'Have you seen each child? Does your writing make each of them real to the reader?',
});

export const promptWhatMattersToChild = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-what-matters-to-child',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Practice Triggers: what is important to the child?'),
  message: 'What is important to this child?',
});

export const promptChildsShoes = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-childs-shoes',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Practice Triggers: put yourself in their shoes'),
  message: 'If you put yourself in the child’s shoes, how do they see their life?',
});

export const promptLifeInThisFamily = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-life-in-this-family',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Practice Triggers: what is it like for this child to live in this family?'),
  message: 'What is it like for this child to live in this family?',
});

function anyChild(ctx: Ctx, flag: (c: Ctx['children'][number]) => boolean | null | undefined): Applies {
  if (ctx.record.children === undefined) return 'unknown';
  return either(...ctx.children.map((c) => isYes(flag(c))));
}

export const promptYoungCarer = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-young-carer',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Consider identity … and if the child is a young carer'),
  message: 'A child here is a young carer. How does caring affect their schooling, friendships and own needs, and is a carer’s assessment needed?',
  appliesWhen: (ctx) => anyChild(ctx, (c) => c.youngCarer),
});

export const promptDisability = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-disability',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Consider identity, gender, race, cultural and disability issues'),
  message: 'A child here has a disability. How does it shape their needs, and how will you make sure their own voice is heard?',
  appliesWhen: (ctx) => anyChild(ctx, (c) => c.disability),
});

export const promptIdentity = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-identity',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Consider identity, gender, race, cultural and disability issues'),
  message: 'Have you thought about each child’s identity, gender, race and culture, and what they mean for the child?',
});

// The parents' profile: "ensure you have considered" the four parental factors, then one
// prompt for each that is ticked as a worry.
export const promptParentalFactors = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-parental-factors',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Ensure you have considered domestic abuse, parental mental health, learning needs and substance misuse'),
  message: 'Have you considered domestic abuse, parental mental health, learning needs and substance misuse in this family?',
});

function concernPrompt(name: string, concern: Concern, message: string) {
  return defineRule<DerbyParams>({
    id: `derby/prompt-profile-${name}`,
    kind: 'prompt',
    severity: 'prompt',
    section: 'profile',
    source: source26('Ensure you have considered domestic abuse, parental mental health, learning needs and substance misuse'),
    message,
    appliesWhen: ({ record }) => isYes(record.concerns?.[concern]),
  });
}

export const promptDomesticAbuse = concernPrompt(
  'domestic-abuse',
  'domesticAbuse',
  'Domestic abuse is a worry. How does it affect each adult’s parenting and each child? Can each parent be seen safely on their own?',
);
export const promptParentalMentalHealth = concernPrompt(
  'parental-mental-health',
  'parentalMentalHealth',
  'A parent’s mental health is a worry. How does it affect their parenting day to day, and what is it like for each child?',
);
export const promptParentalLearningNeeds = concernPrompt(
  'parental-learning-needs',
  'parentalLearningNeeds',
  'A parent has learning needs. How do they affect their parenting, and how will you make the assessment accessible to them?',
);
export const promptSubstanceMisuse = concernPrompt(
  'substance-misuse',
  'substanceMisuse',
  'Substance misuse is a worry. How does it affect each adult’s parenting and each child, including safe storage at home?',
);

export const promptParentsLifeStory = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-parents-life-story',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Your parent’s / carer’s profile: narrative of each birth parent / carer'),
  message: 'Have you explored each parent’s own story, apart and together, from their past to now, and who lives where?',
});

// Where you live, your family, your home and your safety.
export const promptWhoDoesWhat = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-who-does-what',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Practice Triggers: be interested in who does what around the house'),
  message: 'Who does what around the house?',
});

export const promptCloseRelatives = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-close-relatives',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Practice Triggers: interview close relatives who may have a different perspective'),
  message: 'Which close relatives might see things differently? Have you spoken to them?',
});

export const promptWiderFamily = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-wider-family',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Practice Triggers: include and engage the wider family for yourself'),
  message: 'Have you met the wider family yourself and involved them?',
});

export const promptCommunityAndMoney = defineRule<DerbyParams>({
  id: 'derby/prompt-profile-community-and-money',
  kind: 'prompt',
  severity: 'prompt',
  section: 'profile',
  source: source26('Consider the family’s position in the local community … explore finances, budgeting and housing'),
  message: 'What support is there in the community? Be curious and ask about money, budgeting, housing and regular visitors.',
});

export const profileRules = [
  childOwnWords,
  everyBedroomSeen,
  promptSeenEachChild,
  promptWhatMattersToChild,
  promptChildsShoes,
  promptLifeInThisFamily,
  promptYoungCarer,
  promptDisability,
  promptIdentity,
  promptParentalFactors,
  promptDomesticAbuse,
  promptParentalMentalHealth,
  promptParentalLearningNeeds,
  promptSubstanceMisuse,
  promptParentsLifeStory,
  
  promptWhoDoesWhat,
  promptCloseRelatives,
  promptWiderFamily,
  promptCommunityAndMoney,
];
