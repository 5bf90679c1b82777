// Form section "Views of the child and family" (Hertfordshire 4 and 7).
import { adultPath, allOf, anyOf, childPath, has, isParentOrCarer } from '../../conditions';
import { defineRule } from '../../pack';
import { eachAdult, forSubjectChild, ifBorn } from './helpers';
import type { HertfordshireParams } from './params';

export const childViewsRecorded = defineRule<HertfordshireParams>({
  id: 'hertfordshire/child-views-recorded',
  kind: 'check',
  severity: 'required',
  section: 'views',
  source: { label: 'Hertfordshire 7', section: '7', passage: 'Regular Review: the child’s views and wishes recorded and taken into account' },
  message: 'Record the child’s views and wishes, in a way that shows how they have been taken into account.',
  check: (ctx) => forSubjectChild(ctx, (child) => ifBorn(child, () => has(child.viewsRecorded, childPath(child, 'viewsRecorded')))),
});

export const parentsSeenViewsRecorded = defineRule<HertfordshireParams>({
  id: 'hertfordshire/parents-seen-views-recorded',
  kind: 'check',
  severity: 'required',
  section: 'views',
  source: { label: 'Hertfordshire 4 and 7', section: '4, 7', passage: 'The Parents/Carers: all involved equally; Regular Review: parents seen and their views recorded' },
  message: 'See each parent and carer and record their views and wishes. If someone is not involved, for example for safety reasons, record why.',
  check: (ctx) =>
    eachAdult(ctx, isParentOrCarer, (adult) =>
      anyOf(
        allOf(has(adult.seen, adultPath(adult, 'seen')), has(adult.viewsRecorded, adultPath(adult, 'viewsRecorded'))),
        has(adult.notInvolvedReason, adultPath(adult, 'notInvolvedReason')),
      ),
    ),
});

export const viewsRules = [childViewsRecorded, parentsSeenViewsRecorded];
