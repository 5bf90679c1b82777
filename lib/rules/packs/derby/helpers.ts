// Three-state helpers shared by the Derby rules. Unread facts give `unknown`, never "not applicable".
import type { Adult, AssessmentKind, AssessmentRecord, Child } from '../../../model';
import { ageInYears, both, isYes, not } from '../../conditions';
import type { Applies, Clock, RuleContext } from '../../types';
import type { DerbyParams } from './params';

export type Ctx = RuleContext<DerbyParams>;

export { both, eachAdult, eachChild, either, not, recorded } from '../../conditions';

/**
 * The assessment is one of these kinds. A blank kind (null) is none of them: the page
 * was read and says nothing, so no kind-specific duty is claimed.
 */
export function kindIn(record: AssessmentRecord, kinds: readonly AssessmentKind[]): Applies {
  if (record.kind === undefined) return 'unknown';
  return record.kind !== null && kinds.includes(record.kind);
}

/** Whether the child is unborn. A date of birth settles it when the unborn flag was not read. */
export function isUnborn(child: Child): Applies {
  if (child.unborn === true) return true;
  if (child.unborn === false || child.unborn === null) return false;
  if (typeof child.dateOfBirth === 'string') return false;
  return 'unknown';
}

/** Whole years of age today; -1 for an unborn child; 'unknown' when the date of birth is not known. */
export function ageToday(child: Child, today: string): number | 'unknown' {
  return ageInYears(child, today) ?? 'unknown';
}

/** The child is at least `years` old today (unborn children never are). */
export function agedAtLeast(child: Child, years: number, today: string): Applies {
  const age = ageToday(child, today);
  return age === 'unknown' ? 'unknown' : age >= years;
}

/** Included in this assessment and born: the children who can be seen, heard and asked. */
export function includedAndBorn(child: Child): Applies {
  return both(isYes(child.includedInAssessment), not(isUnborn(child)));
}

/** The adult lives with the child. Blank is treated as no, as the model's `false` marks a non-resident parent. */
export function livesWithChild(adult: Adult): Applies {
  return isYes(adult.livesWithChild);
}

/**
 * The subject child, or why we cannot name one yet: unknown while any child's
 * "subject" flag is unread, missing when every child was read and none is the subject.
 */
export function subjectChild(ctx: Ctx): Child | { status: 'unknown' | 'missing'; detail: string } {
  if (ctx.record.children === undefined) return { status: 'unknown', detail: 'The children in the household have not been read yet.' };
  if (ctx.subjectChild) return ctx.subjectChild;
  if (ctx.children.some((c) => c.isSubject === undefined)) {
    return { status: 'unknown', detail: 'Not read yet which child the assessment is about.' };
  }
  return { status: 'missing', detail: 'No child is marked as the child the assessment is about.' };
}

/**
 * The subject child is born (a "seen alone" clock can run). With no subject child
 * marked at all, the clock applies and reports that as missing itself.
 */
export function subjectIsBorn(ctx: Ctx): Applies {
  const child = subjectChild(ctx);
  if ('status' in child) return child.status === 'missing' ? true : 'unknown';
  return not(isUnborn(child));
}

export interface ClockStart {
  start: string;
  startLabel: string;
  startField: string;
}

type ClockProblem = Extract<Clock, { status: 'unknown' | 'missing' }>;

/**
 * Derby's assessment clock starts when it was decided an assessment is needed, or
 * else at the referral (Derby 2.10). A blank decision date means "use the referral";
 * a decision date not read yet means we cannot say which start applies, so the
 * clock is unknown rather than showing a due date from the referral that might be
 * too early (and could call a case overdue that is not).
 */
export function assessmentClockStart(record: AssessmentRecord, reads: (genericPath: string) => boolean = () => true): ClockStart | ClockProblem {
  // A case system that records no separate decision date: 45 working days run from the referral (2.3).
  const recorded = record.dates?.assessmentDecision;
  const decision = recorded === undefined && !reads('dates.assessmentDecision') ? null : recorded;
  if (typeof decision === 'string') {
    return { start: decision, startLabel: 'the decision to assess', startField: 'dates.assessmentDecision' };
  }
  if (decision === undefined) {
    return {
      status: 'unknown',
      field: 'dates.assessmentDecision',
      detail: 'Not read yet when it was decided an assessment is needed, so the clock start is not known.',
    };
  }
  const referral = record.dates?.referral;
  if (typeof referral === 'string') return { start: referral, startLabel: 'referral', startField: 'dates.referral' };
  return referral === undefined
    ? { status: 'unknown', field: 'dates.referral', detail: 'The referral date has not been read yet.' }
    : { status: 'missing', field: 'dates.referral', detail: 'Record the referral date (or the date it was decided to assess).' };
}

/** The due date of the assessment itself, or why it cannot be worked out yet. */
export function assessmentDueDate(ctx: Ctx): { due: string; start: ClockStart } | ClockProblem {
  const start = assessmentClockStart(ctx.record, ctx.reads);
  if ('status' in start) return start;
  return { due: ctx.calendar.addWorkingDays(start.start, ctx.params.assessmentWorkingDays), start };
}

/** Section 47 clock: from the start of the enquiry, else from the strategy discussion (Derby 2.3). */
export function section47ClockStart(record: AssessmentRecord): ClockStart | ClockProblem {
  const enquiry = record.dates?.section47Start;
  if (typeof enquiry === 'string') return { start: enquiry, startLabel: 'the start of the Section 47 enquiry', startField: 'dates.section47Start' };
  if (enquiry === undefined) {
    return { status: 'unknown', field: 'dates.section47Start', detail: 'Not read yet when the Section 47 enquiry began.' };
  }
  const strategy = record.dates?.strategyDiscussion;
  if (typeof strategy === 'string') return { start: strategy, startLabel: 'the strategy discussion', startField: 'dates.strategyDiscussion' };
  return strategy === undefined
    ? { status: 'unknown', field: 'dates.strategyDiscussion', detail: 'The strategy discussion date has not been read yet.' }
    : { status: 'missing', field: 'dates.strategyDiscussion', detail: 'Record when the Section 47 enquiry began or the strategy discussion was held.' };
}
