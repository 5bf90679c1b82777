// Form section "Views of the child and family" (Hertfordshire 4 and 7).
import { adultPath, ageInYears, allOf, anyOf, childPath, has, isParentOrCarer } from '../../conditions';
import type { Applies, Outcome } from '../../types';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import { eachAdult, either, forSubjectChild, ifBorn, type Ctx } from './helpers';
import type { HertfordshireParams } from './params';

export const childViewsRecorded = defineRule<HertfordshireParams>({
  id: 'hertfordshire/child-views-recorded',
  kind: 'check',
  severity: 'required',
  section: 'views',
  source: { label: 'Hertfordshire 7', section: '7', passage: 'There has been direct communication with the child alone and their views and wishes have been recorded and taken into account' },
  message: 'Record the child’s views and wishes, in a way that shows how they have been taken into account.',
  // According to age and understanding: a baby is observed, not asked (see the prompt below).
  check: (ctx) =>
    forSubjectChild(ctx, (child) =>
      ifBorn(child, (): Outcome => {
        const age = ageInYears(child, ctx.today);
        if (age === undefined) return { status: 'unknown', field: childPath(child, 'dateOfBirth'), detail: 'Not read yet how old the child is.' };
        if (age < ctx.params.viewsFromAge) return { status: 'not-applicable', detail: 'Too young to be asked for their views' };
        return has(child.viewsRecorded, childPath(child, 'viewsRecorded'));
      }),
    ),
});

export const promptYoungChildObserved = defineRule<HertfordshireParams>({
  id: 'hertfordshire/prompt-young-child-observed',
  kind: 'prompt',
  severity: 'prompt',
  section: 'views',
  source: { label: 'Hertfordshire 1', section: '1', passage: 'Direct work … should include observations of the interactions between the child and the parents/care-givers' },
  message: 'A child here is too young to give views. Record what you observed of them with their parents or carers.',
  appliesWhen: (ctx: Ctx): Applies => {
    if (ctx.record.children === undefined) return 'unknown';
    return either(
      ...ctx.children.map((child): Applies => {
        if (child.unborn === true) return true;
        const age = ageInYears(child, ctx.today);
        return age === undefined ? 'unknown' : age < ctx.params.viewsFromAge;
      }),
    );
  },
});

export const parentsSeenViewsRecorded = defineRule<HertfordshireParams>({
  id: 'hertfordshire/parents-seen-views-recorded',
  kind: 'check',
  severity: 'required',
  section: 'views',
  source: { label: 'Hertfordshire 4 and 7', section: '4, 7', passage: 'All parents or care givers should be involved equally in the assessment … The parents have been seen and their views and wishes have been recorded' },
  message: 'See each parent and carer and record their views and wishes. If someone is not involved, for example for safety reasons, record why.',
  acceptsReason: {
    fact: 'adults[].notInvolvedReason',
    allowedBy: 'Hertfordshire 4: there may be exceptions to the involvement of parents or care givers, e.g. sexual abuse or domestic abuse',
  },
  check: (ctx) =>
    eachAdult(ctx, isParentOrCarer, (adult) =>
      anyOf(
        allOf(has(adult.seen, adultPath(adult, 'seen')), has(adult.viewsRecorded, adultPath(adult, 'viewsRecorded'))),
        has(adult.notInvolvedReason, adultPath(adult, 'notInvolvedReason')),
      ),
    ),
});

export const viewsRules = [childViewsRecorded, promptYoungChildObserved, parentsSeenViewsRecorded, fromPack('prompt-parents-involved-early')];
