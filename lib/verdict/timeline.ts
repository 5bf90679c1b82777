/**
 * An assessment's clock as data for the panel's timeline: from referral to the last
 * deadline in working days, with bank holidays, today and each deadline's milestone
 * (met, or still due). Pure: the picture and the screen-reader list are drawn from this.
 */
import type { WorkingDayCalendar } from '../calendar';
import type { CountdownResult } from '../rules/types';
import { deadlineState, type DeadlineState } from './deadline-states';

export interface Milestone {
  ruleId: string;
  subjectId?: string;
  label: string;
  /** When it happened (met) or is due. */
  date: string;
  due: string;
  /** Working days from the start. */
  day: number;
  happened: boolean;
  state: DeadlineState;
}

export interface Timeline {
  start: string;
  end: string;
  today: string;
  /** Working days from start to end. */
  length: number;
  /** Working days from the start to today (may be beyond `length` when late). */
  todayDay: number;
  holidays: Array<{ date: string; day: number }>;
  milestones: Milestone[];
}

function isWeekday(date: string): boolean {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d >= 1 && d <= 5;
}

/** Null when the start (the referral date) is not known yet or no deadline has a date. */
export function clockTimeline(
  start: string | null | undefined,
  countdowns: readonly CountdownResult[],
  today: string,
  calendar: WorkingDayCalendar,
): Timeline | null {
  if (!start) return null;
  const dated = countdowns.filter((c) => c.due && !c.error && c.status !== 'not-applicable' && c.due.slice(0, 10) >= start);
  if (dated.length === 0) return null;
  const dues = dated.map((c) => (c.due ?? '').slice(0, 10));
  const lastDue = dues.reduce((a, b) => (b > a ? b : a));
  const end = today > lastDue ? today : lastDue;
  const day = (date: string) => Math.max(0, calendar.workingDaysBetween(start, date));
  const milestones = dated
    .map((c): Milestone => {
      const due = (c.due ?? '').slice(0, 10);
      const happened = c.status === 'met-on-time' || c.status === 'met-late';
      const date = happened && c.metOn ? c.metOn.slice(0, 10) : due;
      return {
        ruleId: c.ruleId,
        ...(c.subject ? { subjectId: c.subject.id } : {}),
        label: `${c.name ?? c.message}${c.subject ? `, for ${c.subject.label}` : ''}`,
        date,
        due,
        day: day(date),
        happened,
        state: deadlineState(c),
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
  // Weekend bank holidays change no count, so only weekday ones are drawn.
  const holidays = calendar.holidays.filter((h) => h > start && h <= end && isWeekday(h)).map((date) => ({ date, day: day(date) }));
  return { start, end, today, length: day(end), todayDay: day(today), holidays, milestones };
}
