// Derby 2.6 Your profile and story: the child's profile, the parents' profile, and home and safety.
import type { Concern } from '../../../model';
import { childPath, has, isYes } from '../../conditions';
import { fromPack } from '../../council/load';
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
  source: source26('It is essential that the child’s story should also include child’s own words or understanding of their situation and life is articulated in this section'),
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
  source: source26('See every child’s bedroom'),
  message: 'Have you seen every child’s bedroom? Record it for each child.',
  // Shown until each included child who is born has their bedroom recorded as seen (an unborn
  // child has no bedroom yet; safe sleep is asked in the safety questions, 2.5).
  appliesWhen: (ctx) => ctx.record.children === undefined || ctx.children.some((c) => includedAndBorn(c) !== false && c.bedroomSeen !== true),
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

export const profileRules = [
  childOwnWords,
  everyBedroomSeen,
  fromPack('prompt-profile-seen-each-child'),
  fromPack('prompt-profile-what-matters-to-child'),
  fromPack('prompt-profile-childs-shoes'),
  fromPack('prompt-profile-life-in-this-family'),
  promptYoungCarer,
  promptDisability,
  fromPack('prompt-profile-identity'),
  // The parents' profile: "ensure you have considered" the four parental factors (a prompt in
  // derby.json), then one prompt for each that is ticked as a worry.
  fromPack('prompt-profile-parental-factors'),
  promptDomesticAbuse,
  promptParentalMentalHealth,
  promptParentalLearningNeeds,
  promptSubstanceMisuse,
  fromPack('prompt-profile-parents-life-story'),
  // Where you live, your family, your home and your safety.
  fromPack('prompt-profile-who-does-what'),
  fromPack('prompt-profile-close-relatives'),
  fromPack('prompt-profile-wider-family'),
  fromPack('prompt-profile-community-and-money'),
];
