// Derby 2.1 Your family / household.
import type { Child } from '../../../model';
import { answered, childPath, has, isParentRole, isYes } from '../../conditions';
import { fromPack } from '../../council/load';
import { defineRule } from '../../pack';
import type { Outcome } from '../../types';
import { eachAdult, eachChild, either, isUnborn, type Ctx } from './helpers';
import type { DerbyParams } from './params';

const source21 = (passage: string) => ({ label: 'Derby 2.1', section: '2.1', passage });

/** Someone around the child holds parental responsibility (read from every adult). */
function someoneHoldsPR(ctx: Ctx): Outcome {
  const detail = 'Nobody is recorded as holding parental responsibility.';
  if (ctx.record.adults === undefined) return { status: 'unknown', detail: 'The adults around the child have not been read yet.' };
  if (ctx.adults.some((a) => a.hasParentalResponsibility === true)) return { status: 'met' };
  const unread = ctx.adults.find((a) => a.hasParentalResponsibility === undefined);
  if (unread) return { status: 'unknown', field: `adults[${unread.id}].hasParentalResponsibility` };
  const first = ctx.adults[0];
  return { status: 'missing', detail, ...(first ? { field: `adults[${first.id}].hasParentalResponsibility` } : {}) };
}

const PRE_BIRTH_MESSAGE =
  'The baby is not born yet. Find out and record whether each parent will have parental responsibility once the baby is born.';

export const parentalResponsibilityEstablished = defineRule<DerbyParams>({
  id: 'derby/parental-responsibility-established',
  kind: 'check',
  severity: 'required',
  section: 'household',
  source: source21('Knowing who has Parental Responsibility/PR for a child is of paramount importance, and should be established from the outset'),
  message: 'Find out and record whether each parent has parental responsibility, and who holds it for the child.',
  check: (ctx) => {
    // Each mother and father: yes or no, once established (blank means not yet established).
    // Before the birth nobody holds it "for the child" yet: the question is who will (Derby 1 speaks of
    // "an unborn baby"), so a pre-birth assessment is asked in those words.
    const unborn = ctx.subjectChild !== undefined && isUnborn(ctx.subjectChild) === true;
    const words = unborn ? { message: PRE_BIRTH_MESSAGE } : {};
    return [
      ...eachAdult(ctx, isParentRole, (adult) => ({ ...answered(adult.hasParentalResponsibility, `adults[${adult.id}].hasParentalResponsibility`), ...words })),
      { ...someoneHoldsPR(ctx), ...words },
    ];
  },
});

/**
 * Is this a first (initial) assessment? Then every child living in the home is
 * included; in later ones a recorded reason may leave a child out (Derby 2.1).
 */
function isFirstAssessment(ctx: Ctx): boolean | 'unknown' {
  const { record } = ctx;
  if (record.kind === 'reassessment') return false;
  const previous = record.dates?.previousAssessmentCompleted;
  if (typeof previous === 'string') return false;
  if (previous === undefined || record.kind === undefined) return 'unknown';
  return true;
}

function includedOrExcludedWithReason(ctx: Ctx, child: Child): Outcome {
  const included = child.includedInAssessment;
  const field = childPath(child, 'includedInAssessment');
  if (included === true) return { status: 'met', field };
  if (included === undefined) return { status: 'unknown', field };
  const first = isFirstAssessment(ctx);
  if (first === true) {
    return { status: 'missing', field, detail: 'In a first assessment every child living in the home is included.' };
  }
  const reason = has(child.exclusionReason, childPath(child, 'exclusionReason'));
  // A recorded reason only counts once we know this is not a first assessment.
  if (first === 'unknown' && reason.status === 'met') return { status: 'unknown', field: 'dates.previousAssessmentCompleted' };
  return reason;
}

export const allHouseholdChildrenIncluded = defineRule<DerbyParams>({
  id: 'derby/all-household-children-included',
  kind: 'check',
  severity: 'required',
  section: 'household',
  source: source21('For all initial single assessments, every child that resides in the home, should be included'),
  message: 'Include every child who lives in the home. In a later assessment, record why any child is left out.',
  // Only in a later assessment: "The rationale for any children not to be included in subsequent assessments will be clearly recorded".
  acceptsReason: { fact: 'children[].exclusionReason', allowedBy: 'Derby 2.1: the rationale for any children not included in subsequent assessments' },
  check: (ctx) => eachChild(ctx, () => true, (child) => includedOrExcludedWithReason(ctx, child)),
});

/** Shown when a parent's substance misuse or mental health is already a worry: the worker is then likely to be involved. */
export const promptParentsWorkerContact = defineRule<DerbyParams>({
  id: 'derby/prompt-household-parents-worker-contact',
  kind: 'prompt',
  severity: 'prompt',
  section: 'household',
  source: source21('Parents may have a drug or mental health worker, or may need referring to one'),
  message: 'You have noted substance misuse or mental health worries. Have you added the parent’s worker to the record and asked for their view?',
  appliesWhen: ({ record }) => either(isYes(record.concerns?.substanceMisuse), isYes(record.concerns?.parentalMentalHealth)),
});

export const householdRules = [
  parentalResponsibilityEstablished,
  allHouseholdChildrenIncluded,
  fromPack('prompt-household-whole-family'),
  fromPack('prompt-household-relationships-recorded'),
  fromPack('prompt-household-voluntary-and-adult-services'),
  fromPack('prompt-household-parents-support-worker'),
  promptParentsWorkerContact,
];
