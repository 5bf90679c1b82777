/**
 * The one deadline an assessment is headlined by, in the panel and in the caseload alike:
 * the most urgent deadline still to be met. A met deadline (on time or late) is never the
 * "next deadline": when every deadline in force is met there is none.
 */
import type { CountdownResult } from '../rules/types';
import { deadlineState, stateLook, type DeadlineState } from './deadline-states';

const MET: ReadonlySet<DeadlineState> = new Set(['met-on-time', 'met-late']);

/** A deadline that is still running (it has a date to count to) comes before one that cannot be counted yet. */
const RUNNING: ReadonlySet<DeadlineState> = new Set(['overdue', 'due-today', 'due-soon', 'on-track']);

/** Deadlines in force and shown: not "does not apply", not one this case system cannot give. */
export function deadlinesInForce(countdowns: readonly CountdownResult[]): CountdownResult[] {
  return countdowns.filter((c) => (c.status !== 'not-applicable' || Boolean(c.error)) && !c.notCheckedHere);
}

/** Required clocks before good practice and Practice Trigger ones (issue 23: the 12-month guide headed the caseload). */
const WEIGHT: Readonly<Record<CountdownResult['severity'], number>> = { required: 0, expected: 1, prompt: 2 };

/**
 * Every deadline in force, in the order the panel lists them: running deadlines first, then
 * those that cannot be counted yet (a date to check, a rule that failed, a start not recorded
 * or not read yet); within each, a required clock before a good-practice or Practice Trigger
 * one, then the most urgent state, then the earliest date. Met deadlines last, earliest first.
 * The first deadline not met is the headline, so the list and the headline always agree.
 */
export function deadlinesInOrder(countdowns: readonly CountdownResult[]): CountdownResult[] {
  return deadlinesInForce(countdowns)
    .map((c, i) => ({ c, i, state: deadlineState(c) }))
    .sort(
      (a, b) =>
        Number(MET.has(a.state)) - Number(MET.has(b.state)) ||
        Number(!RUNNING.has(a.state)) - Number(!RUNNING.has(b.state)) ||
        WEIGHT[a.c.severity] - WEIGHT[b.c.severity] ||
        stateLook(a.state).urgency - stateLook(b.state).urgency ||
        (a.c.due ?? '9').localeCompare(b.c.due ?? '9') ||
        a.i - b.i,
    )
    .map(({ c }) => c);
}

/** The headline deadline: the first in `deadlinesInOrder` still to be met. Null when nothing is left to meet. */
export function headlineDeadline(countdowns: readonly CountdownResult[]): CountdownResult | null {
  return deadlinesInOrder(countdowns).find((c) => !MET.has(deadlineState(c))) ?? null;
}
