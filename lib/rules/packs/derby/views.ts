// Derby 2.7 You and your family's views (and 2.2's duty to hear absent parents, recorded with the parents' views).
import { adultPath, anyOf, childPath, conferenceIsOutcome, has, isParentOrCarer, isParentRole, isYes } from '../../conditions';
import type { Applies } from '../../types';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import { agedAtLeast, both, eachAdult, eachChild, either, includedAndBorn, livesWithChild, not, type Ctx } from './helpers';
import type { DerbyParams } from './params';

const source27 = (passage: string) => ({ label: 'Derby 2.7', section: '2.7', passage });

/**
 * The recorded reason a parent is not involved (e.g. bail conditions, or their safety or the
 * child's, as in Derby 1's "would put an unborn baby, child or young person's safety … at risk"):
 * every parent rule honours it, and the manager sees it before sign-off.
 */
const NOT_INVOLVED = {
  fact: 'adults[].notInvolvedReason',
  allowedBy: 'Derby 1: where seeking agreement would put a child’s safety or wellbeing at risk; recorded for the manager to see',
};

export const absentParentPerspective = defineRule<DerbyParams>({
  id: 'derby/absent-parent-perspective',
  kind: 'check',
  severity: 'required',
  section: 'views',
  source: { label: 'Derby 2.2', section: '2.2', passage: 'Gain the perspective and engagement of absent fathers/parents and non-resident parents' },
  message: 'See or hear from each parent who does not live with the child. If a parent is not involved, record why.',
  acceptsReason: NOT_INVOLVED,
  check: (ctx) =>
    eachAdult(
      ctx,
      (adult) => both(isParentRole(adult), not(livesWithChild(adult))),
      (adult) =>
        anyOf(
          has(adult.seen, adultPath(adult, 'seen')),
          has(adult.viewsRecorded, adultPath(adult, 'viewsRecorded')),
          has(adult.notInvolvedReason, adultPath(adult, 'notInvolvedReason')),
        ),
    ),
});

export const parentsSeenAlone = defineRule<DerbyParams>({
  id: 'derby/parents-seen-alone',
  // A 2.7 Practice Trigger, stated nowhere in the body text: a prompt, never "missing".
  kind: 'prompt',
  severity: 'prompt',
  section: 'views',
  source: source27('Each parent / carer to be seen alone'),
  message: 'Have you seen each parent or carer in the home on their own?',
  // Shown while a parent or carer in the home is not recorded as seen alone, leaving out
  // anyone with a recorded reason they are not involved (e.g. bail conditions, safety).
  appliesWhen: (ctx) =>
    ctx.record.adults === undefined ||
    ctx.adults.some((a) => isParentOrCarer(a) !== false && a.livesWithChild !== false && a.seenAlone !== true && a.notInvolvedReason !== true),
});

export const parentsViewsRecorded = defineRule<DerbyParams>({
  id: 'derby/parents-views-recorded',
  kind: 'check',
  severity: 'required',
  section: 'views',
  source: source27('Your parents’ and carers view of what needs to change … Their perspective must be valued'),
  message: 'Record each parent’s or carer’s views on what needs to change and what would help. If one is not involved, record why.',
  acceptsReason: NOT_INVOLVED,
  check: (ctx) =>
    eachAdult(ctx, isParentOrCarer, (adult) =>
      anyOf(has(adult.viewsRecorded, adultPath(adult, 'viewsRecorded')), has(adult.notInvolvedReason, adultPath(adult, 'notInvolvedReason'))),
    ),
});

/** An included child too young to be asked for their views (or unborn). */
export function tooYoungForViews(ctx: Ctx): Applies {
  if (ctx.record.children === undefined) return 'unknown';
  return either(...ctx.children.map((child) => both(isYes(child.includedInAssessment), not(agedAtLeast(child, ctx.params.viewsFromAge, ctx.today)))));
}

export const promptYoungChildObserved = defineRule<DerbyParams>({
  id: 'derby/prompt-views-young-child-observed',
  kind: 'prompt',
  severity: 'prompt',
  section: 'views',
  source: { label: 'Derby 2.6', section: '2.6', passage: 'With younger children or pre-birth situations … the child’s story / narrative based on presenting issues' },
  message: 'A child here is too young to give views. Record what you observed of them with their carers, and tell their story from what is happening around them.',
  appliesWhen: tooYoungForViews,
});

export const advocateForConference = defineRule<DerbyParams>({
  id: 'derby/advocate-for-conference',
  kind: 'check',
  severity: 'required',
  section: 'views',
  source: source27('Does the child need or want an advocate (a requirement for children in case conferences)?'),
  message: 'A child protection conference is to be held. For each child old enough to take part, record that you considered whether they need or want an advocate.',
  appliesWhen: ({ record }) => conferenceIsOutcome(record),
  check: (ctx) =>
    eachChild(
      ctx,
      (child) => both(includedAndBorn(child), agedAtLeast(child, ctx.params.viewsFromAge, ctx.today)),
      (child) => has(child.advocateConsidered, childPath(child, 'advocateConsidered')),
    ),
});

// Practice triggers, 2.7: the parents' views.
export const promptInterpreting = defineRule<DerbyParams>({
  id: 'derby/prompt-views-interpreting',
  kind: 'prompt',
  severity: 'prompt',
  section: 'views',
  source: source27('Does the assessment need interpreting? … do parents or carers read the written language or is the use of an interpreter to share more effective'),
  message: 'Does the assessment need interpreting? Can the parents read it in English, or would sharing it through an interpreter work better?',
  // Hidden only once we know English is the family's first language and no interpreter is needed.
  appliesWhen: ({ record }) => !(record.household?.firstLanguageNotEnglish === false && record.household.interpreterNeeded === false),
});

export const viewsRules = [
  absentParentPerspective,
  parentsSeenAlone,
  parentsViewsRecorded,
  // Each child's views (2.7) are in derby.json, over the shared England base.
  fromPack('child-views-recorded'),
  promptYoungChildObserved,
  advocateForConference,
  fromPack('prompt-views-advocate'),
  fromPack('prompt-views-see-child-alone'),
  fromPack('prompt-views-child-under-pressure'),
  fromPack('prompt-views-barriers-to-telling'),
  fromPack('prompt-views-confidential'),
  promptInterpreting,
  fromPack('prompt-views-parents-understand'),
  fromPack('prompt-views-parent-under-pressure'),
];
