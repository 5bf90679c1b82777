// Three-state helpers shared by the Hertfordshire rules. Before a list of people has
// been read there is no one to check: that is "unknown", never "nobody, so met".
import type { Child } from '../../../model';
import { allOf, childPath } from '../../conditions';
import type { Applies, Outcome, RuleContext } from '../../types';
import type { HertfordshireParams } from './params';

export type Ctx = RuleContext<HertfordshireParams>;

const CHILDREN_NOT_READ = 'The children in the household have not been read yet.';

export { both, eachAdult, eachChild, either } from '../../conditions';

/** Runs a check on the subject child; unknown until the household shows which child that is. */
export function forSubjectChild(ctx: Ctx, check: (child: Child) => Outcome): Outcome {
  if (ctx.record.children === undefined) return { status: 'unknown', detail: CHILDREN_NOT_READ };
  const subject = ctx.subjectChild;
  if (!subject) return { status: 'unknown', detail: 'The subject child has not been identified in the household yet.' };
  return { ...check(subject), subject: { kind: 'child', id: subject.id } };
}

/** Whether the child has been born: false for an unborn baby, unknown until either fact is read. */
export function isBorn(child: Child): Applies {
  if (child.unborn === true) return false;
  if (typeof child.dateOfBirth === 'string') return true;
  if (child.unborn === false || child.unborn === null) return true;
  return 'unknown';
}

/** A duty that can only be met once a child is born (seeing them, their bedroom, their views). */
export function ifBorn(child: Child, check: () => Outcome): Outcome {
  const born = isBorn(child);
  if (born === 'unknown') {
    return { status: 'unknown', field: childPath(child, 'unborn'), detail: 'Not known yet whether this child has been born.' };
  }
  if (!born) return { status: 'not-applicable', detail: 'Unborn baby' };
  return check();
}

/** The child was seen at least once: any visit recorded. */
export function seenAtAll(child: Child): Outcome {
  const field = childPath(child, 'seenDates');
  if (child.seenDates === undefined) return { status: 'unknown', field };
  return child.seenDates === null || child.seenDates.length === 0 ? { status: 'missing', field } : { status: 'met', field };
}

/** The child was seen alone at least once. */
export function seenAlone(child: Child): Outcome {
  const field = childPath(child, 'seenDates');
  if (child.seenDates === undefined) return { status: 'unknown', field };
  return child.seenDates?.some((v) => v.alone) ? { status: 'met', field } : { status: 'missing', field };
}

/**
 * Every part must be recorded. The detail names, in plain words, which parts are
 * still to record or not read yet, so the worker knows what to fill in.
 */
export function allRecorded(parts: ReadonlyArray<readonly [Outcome, string]>): Outcome {
  const outcome = allOf(...parts.map(([o]) => o));
  const names = (status: Outcome['status']) => parts.filter(([o]) => o.status === status).map(([, name]) => name);
  const missing = names('missing');
  const unknown = names('unknown');
  const detail = [
    missing.length > 0 ? `Still to record: ${missing.join(', ')}.` : '',
    unknown.length > 0 ? `Not read yet: ${unknown.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return detail && outcome.status !== 'met' ? { ...outcome, detail } : outcome;
}

/** Duties "after the assessment is authorised": a date means yes, blank means not yet, unread means unknown. */
export function afterAuthorised(ctx: Ctx): Applies {
  const authorised = ctx.record.dates?.authorised;
  if (authorised === undefined) return 'unknown';
  return typeof authorised === 'string';
}
