// Derby 2.5 Your family, background, history and safety.
import { allOf, answered, has } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import type { Applies, Outcome } from '../../types';
import { ageToday, either, type Ctx } from './helpers';
import type { DerbyParams } from './params';

const source25 = (passage: string) => ({ label: 'Derby 2.5', section: '2.5', passage });

export const genogram = defineRule<DerbyParams>({
  id: 'derby/genogram',
  kind: 'check',
  severity: 'required',
  section: 'background',
  source: source25('The social worker in conjunction with the key family members will undertake an exercise to draw and understand the genogram'),
  message: 'Complete a genogram showing the family and the important people around the child.',
  check: ({ record }) => has(record.background?.genogram, 'background.genogram'),
});

export const ecomap = defineRule<DerbyParams>({
  id: 'derby/ecomap',
  kind: 'check',
  severity: 'required',
  section: 'background',
  source: source25('It is essential as part of building our understanding that eco-maps are completed'),
  message: 'Complete an ecomap with the family, showing their support, stresses and links with the world around them.',
  check: ({ record }) => has(record.background?.ecomap, 'background.ecomap'),
});

export const chronology = defineRule<DerbyParams>({
  id: 'derby/chronology',
  kind: 'check',
  severity: 'required',
  section: 'background',
  source: source25('The LCS chronology function should be used in all cases'),
  message: 'Update the chronology on the case system with the significant events that matter to this assessment.',
  check: ({ record }) => has(record.background?.chronologyUpdated, 'background.chronologyUpdated'),
});

export const otherAgenciesConsulted = defineRule<DerbyParams>({
  id: 'derby/other-agencies-consulted',
  kind: 'check',
  severity: 'expected',
  section: 'background',
  source: source25('Gain feedback from any other involved agency … Remember to ask about where they lived before, and check all records in that area too'),
  message: 'Record which agencies you consulted, and check records held by the areas where the family lived before.',
  check: ({ record }) =>
    allOf(
      has(record.background?.agenciesConsulted, 'background.agenciesConsulted'),
      has(record.background?.previousAreasChecked, 'background.previousAreasChecked'),
    ),
});

const SAFETY_QUESTIONS = ['smokeAlarms', 'safeSleep', 'dontShakeBaby', 'homeSafety', 'safeStorage'] as const;
const BABY_QUESTIONS = ['safeSleep', 'dontShakeBaby'] as const;

/** An unborn child or a baby under 1 lives in the household. */
function babyInHousehold(ctx: Ctx): Applies {
  if (ctx.record.children === undefined) return 'unknown';
  return either(
    ...ctx.children.map((child): Applies => {
      const age = ageToday(child, ctx.today);
      return age === 'unknown' ? 'unknown' : age < 1;
    }),
  );
}

export const safetyQuestionsAsked = defineRule<DerbyParams>({
  id: 'derby/safety-questions-asked',
  kind: 'check',
  severity: 'required',
  section: 'background',
  source: source25('You must always ask these safety questions, and provide information as required'),
  message: 'Ask the family all five safety questions and record each answer. Safe sleep and shaking advice always apply when there is a baby.',
  check: (ctx) => {
    const advice = ctx.record.safetyAdvice;
    const answers = SAFETY_QUESTIONS.map((q) => answered(advice?.[q], `safetyAdvice.${q}`));
    const baby = babyInHousehold(ctx);
    const babyAnswers = BABY_QUESTIONS.map((q): Outcome => {
      const field = `safetyAdvice.${q}`;
      if (advice?.[q] !== 'n/a' || baby === false) return { status: 'met', field };
      if (baby === true) return { status: 'missing', field, detail: 'There is a baby or unborn child, so this question is not “not applicable”.' };
      return { status: 'unknown', field, detail: 'Cannot tell yet whether there is a baby in the household.' };
    });
    return allOf(...answers, ...babyAnswers);
  },
});

export const safetyAdviceGiven = defineRule<DerbyParams>({
  id: 'derby/safety-advice-given',
  kind: 'check',
  severity: 'required',
  section: 'background',
  source: source25('If “no” is answered to these, please ensure the relevant information is passed onto the family'),
  message: 'Where the family answered no to a safety question, give them the safety advice and record that you did.',
  appliesWhen: ({ record }) => {
    const advice = record.safetyAdvice;
    const answers = SAFETY_QUESTIONS.map((q) => advice?.[q]);
    if (answers.includes('no')) return true;
    return answers.includes(undefined) ? 'unknown' : false;
  },
  check: ({ record }) => has(record.safetyAdvice?.adviceGivenWhereNo, 'safetyAdvice.adviceGivenWhereNo'),
});

export const safetyAdviceAdherence = defineRule<DerbyParams>({
  id: 'derby/safety-advice-adherence',
  kind: 'check',
  severity: 'required',
  section: 'background',
  source: source25('Document clearly whether the family adhere to the safety recommendations given'),
  message: 'Comment on the safety discussion, and record clearly whether the family follows the safety advice given.',
  check: ({ record }) => has(record.safetyAdvice?.adherenceRecorded, 'safetyAdvice.adherenceRecorded'),
});

export const promptPreviousAreas = defineRule<DerbyParams>({
  id: 'derby/prompt-background-previous-areas',
  kind: 'prompt',
  severity: 'prompt',
  section: 'background',
  source: source25('Remember to ask about where they lived before, and check all records in that area too'),
  message: 'Where did the family live before? Have you checked the records held in those areas?',
  // Shown until the check of previous areas is recorded as done (a prompt may show before the field is read).
  appliesWhen: ({ record }) => record.background?.previousAreasChecked !== true,
});

export const promptPreviousAssessments = defineRule<DerbyParams>({
  id: 'derby/prompt-background-previous-assessments',
  kind: 'prompt',
  severity: 'prompt',
  section: 'background',
  source: source25('It is important to identify whether there have been any other previous assessments undertaken with the family'),
  message: 'Have other assessments been done with this family, such as an Early Help Assessment? What do they add?',
  appliesWhen: ({ record }) => record.background?.earlyHelpAssessmentConsidered !== true,
});

export const backgroundRules = [
  genogram,
  ecomap,
  chronology,
  otherAgenciesConsulted,
  safetyQuestionsAsked,
  safetyAdviceGiven,
  safetyAdviceAdherence,
  fromPack('prompt-background-what-is-it-telling-you'),
  fromPack('prompt-background-who-is-missing'),
  fromPack('prompt-background-relationships'),
  fromPack('prompt-background-not-talked-about'),
  promptPreviousAreas,
  promptPreviousAssessments,
];
