import type { Adult, AssessmentRecord, Child, FactPath, OutcomeDecision } from '../model';
import type { Applies, Outcome, RuleContext } from './types';

/**
 * Three-state building blocks for checks. A fact that is undefined was never read
 * (→ unknown); null or false was read and is blank or "no" (→ missing).
 */

function isEmpty(value: unknown): boolean {
  return value === null || value === false || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The fact is recorded: true, a date, a code, a non-empty list. */
export function has(value: unknown, field: FactPath): Outcome {
  if (value === undefined) return { status: 'unknown', field };
  return isEmpty(value) ? { status: 'missing', field } : { status: 'met', field };
}

/** The question has an answer, yes or no. Blank is missing. */
export function answered(value: unknown, field: FactPath): Outcome {
  if (value === undefined) return { status: 'unknown', field };
  return value === null || value === '' ? { status: 'missing', field } : { status: 'met', field };
}

/** Met when every part is met; missing as soon as one part is missing; otherwise unknown. */
export function allOf(...parts: Outcome[]): Outcome {
  const missing = parts.find((p) => p.status === 'missing');
  if (missing) return missing;
  const unknown = parts.find((p) => p.status === 'unknown');
  if (unknown) return unknown;
  return { status: 'met', field: parts[0]?.field };
}

/** Met when any part is met; unknown while any part is unread; otherwise missing (pointing at the first). */
export function anyOf(...parts: Outcome[]): Outcome {
  const met = parts.find((p) => p.status === 'met');
  if (met) return met;
  const unknown = parts.find((p) => p.status === 'unknown');
  if (unknown) return unknown;
  return parts[0] ?? { status: 'missing' };
}

export function notApplicable(): Outcome {
  return { status: 'not-applicable' };
}

/** A flag as an answer to "does this apply?": true → yes, false/null → no, undefined → not known yet. */
export function isYes(value: boolean | null | undefined): Applies {
  if (value === undefined) return 'unknown';
  return value === true;
}

export function anyYes(...values: Array<boolean | null | undefined>): Applies {
  if (values.some((v) => v === true)) return true;
  if (values.some((v) => v === undefined)) return 'unknown';
  return false;
}

export function childPath(child: Child, key: keyof Child): FactPath {
  return `children[${child.id}].${key}`;
}

export function adultPath(adult: Adult, key: keyof Adult): FactPath {
  return `adults[${adult.id}].${key}`;
}

/**
 * Runs a check for each person that a filter selects. A person whose selecting fact is
 * not read yet gets `unknown` (we cannot yet say whether the duty applies to them), unless
 * the check is already met for them: a step that is done never blocks as "not read yet".
 */
export function forEachPerson<T extends Child | Adult>(
  kind: 'child' | 'adult',
  people: readonly T[],
  selects: (person: T) => Applies,
  check: (person: T) => Outcome,
): Outcome[] {
  const out: Outcome[] = [];
  for (const person of people) {
    const applies = selects(person);
    if (applies === false) continue;
    const notYet: Outcome = { status: 'unknown', detail: 'cannot tell yet whether this applies to them' };
    let outcome: Outcome;
    try {
      outcome = check(person);
    } catch (error) {
      if (applies !== 'unknown') throw error;
      outcome = notYet;
    }
    if (applies === 'unknown' && outcome.status !== 'met') outcome = notYet;
    out.push({ ...outcome, subject: { kind, id: person.id } });
  }
  return out;
}

/** Whole years of age on a date; undefined when the date of birth is not known. */
export function ageInYears(child: Child, on: string): number | undefined {
  if (child.unborn === true) return -1;
  const dob = child.dateOfBirth;
  if (!dob) return undefined;
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
  let age = ty - y;
  if (tm < m || (tm === m && td < d)) age -= 1;
  return age;
}

/** Children considered in this assessment: included, or not yet known (tri-state). */
export function included(child: Child): Applies {
  return isYes(child.includedInAssessment);
}

export function isParentRole(adult: Adult): Applies {
  if (adult.role === undefined) return 'unknown';
  return adult.role === 'mother' || adult.role === 'father';
}

export function isParentOrCarer(adult: Adult): Applies {
  if (adult.role === undefined) return 'unknown';
  return adult.role === 'mother' || adult.role === 'father' || adult.role === 'step-parent' || adult.role === 'carer';
}

/** The first date the child was seen alone, if any. */
export function firstSeenAlone(child: Child): string | null | undefined {
  if (child.seenDates === undefined) return undefined;
  if (child.seenDates === null) return null;
  const alone = child.seenDates.filter((v) => v.alone).map((v) => v.date).sort();
  return alone[0] ?? null;
}

export function agenciesWereConsulted(record: AssessmentRecord): Applies {
  const agencies = record.background?.agenciesConsulted;
  if (agencies === undefined) return 'unknown';
  return Array.isArray(agencies) && agencies.length > 0;
}

/** Applies only when every part applies: no as soon as one part is no, otherwise unknown while any part is unread. */
export function both(...parts: Applies[]): Applies {
  if (parts.some((p) => p === false)) return false;
  if (parts.some((p) => p === 'unknown')) return 'unknown';
  return true;
}

/** Applies when any part applies: yes as soon as one part is yes, otherwise unknown while any part is unread. */
export function either(...parts: Applies[]): Applies {
  if (parts.some((p) => p === true)) return true;
  if (parts.some((p) => p === 'unknown')) return 'unknown';
  return false;
}

export function not(applies: Applies): Applies {
  return applies === 'unknown' ? 'unknown' : !applies;
}

/** A date, code or flag as "is it recorded?": a value → yes; blank or false → no; not read → unknown. */
export function recorded(value: unknown): Applies {
  if (value === undefined) return 'unknown';
  return value !== null && value !== false && value !== '';
}

// Before a list of people has been read there is no one to check: "unknown", never "nobody, so met".
const CHILDREN_NOT_READ: Outcome = { status: 'unknown', detail: 'The children in the household have not been read yet.' };
const ADULTS_NOT_READ: Outcome = { status: 'unknown', detail: 'The adults around the child have not been read yet.' };

/** One outcome per child the filter selects; unknown when the household has not been read at all. Every pack uses this one. */
export function eachChild<P>(ctx: RuleContext<P>, selects: (child: Child) => Applies, check: (child: Child) => Outcome): Outcome[] {
  if (ctx.record.children === undefined) return [CHILDREN_NOT_READ];
  return forEachPerson('child', ctx.children, selects, check);
}

/** One outcome per adult the filter selects; unknown when the adults have not been read at all. */
export function eachAdult<P>(ctx: RuleContext<P>, selects: (adult: Adult) => Applies, check: (adult: Adult) => Outcome): Outcome[] {
  if (ctx.record.adults === undefined) return [ADULTS_NOT_READ];
  return forEachPerson('adult', ctx.adults, selects, check);
}

/** An initial child protection conference is the outcome of the enquiry (decided, or already held). */
export function conferenceIsOutcome(record: AssessmentRecord): Applies {
  return either(isYes(record.childProtection?.conferenceDecided), recorded(record.dates?.icpc));
}

// Outcomes that deliver services or support; closing, a strategy discussion or emergency action alone do not.
const PROVIDES_SERVICES: readonly OutcomeDecision[] = ['universal-or-early-help', 'child-in-need-plan', 'specialist-assessment', 'plo-or-care-proceedings'];

/** The outcome decided delivers services, so a plan of action (services, how and by whom) is owed. */
export function servicesToProvide(record: AssessmentRecord): Applies {
  const decision = record.outcome?.decision;
  if (decision === undefined) return 'unknown';
  return decision !== null && PROVIDES_SERVICES.includes(decision);
}
