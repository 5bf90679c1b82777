// Words for what the panel and the work tray badge show. Shared by the side panel and the
// content script, so this file stays tiny: no Preact, no zod, no date-fns (only types and
// the dependency-free ISO date parser are imported).
import { FORM_SECTION_NAMES, type FormSection } from '../lib/model/section-names';
import type { CountdownResult, CountdownStatus, Severity } from '../lib/rules/types';
import { isoDateParts, isoDateTimeParts } from '../lib/calendar/iso-date';
import { stateWords, workingDaysText } from '../lib/verdict/deadline-states';
import { plural } from '../lib/model/words';
import { conditionalWords } from '../lib/verdict/condition-words';

/** Plain names of the model's form sections (one source: lib/model/section-names.ts, free of zod). */
export const SECTION_NAMES = FORM_SECTION_NAMES;

/** The section's plain name, e.g. "Background, history and safety"; an unknown id is returned as it is. */
export function sectionName(id: string): string {
  return Object.prototype.hasOwnProperty.call(SECTION_NAMES, id) ? SECTION_NAMES[id as FormSection] : id;
}

/** A countdown's state in words, e.g. "Due soon", "Met late", "Not read yet" (lib/verdict/deadline-states.ts). */
export function countdownStateWords(status: CountdownStatus): string {
  return stateWords(status);
}

const SEVERITY_WORDS: Record<Severity, string> = {
  required: 'Required',
  expected: 'Good practice',
  prompt: 'Something to think about',
};

/** "Required", "Good practice" or "Something to think about". */
export function severityWords(severity: Severity): string {
  return SEVERITY_WORDS[severity] ?? 'Required';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2 Nov 2026" for `2026-11-02`, the same as lib/calendar's formatLongDate; other text is returned as it is. */
export function longDate(date: string): string {
  const parts = isoDateParts(date.slice(0, 10));
  if (!parts) return date;
  return `${parts.day} ${MONTHS[parts.month - 1] ?? ''} ${parts.year}`;
}

/** "14:30" for a date-time with offset: the clock time as recorded, in its own offset. Null if not a date-time. */
export function clockTime(dateTime: string): string | null {
  const parts = isoDateTimeParts(dateTime);
  if (!parts) return null;
  return `${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}`;
}

/** A date, or a date-time as "14:30 on 24 Nov 2026". */
export function dateOrTimeText(value: string): string {
  const time = clockTime(value);
  return time ? `${time} on ${longDate(value)}` : longDate(value);
}

const LONDON = 'Europe/London';

/**
 * A moment (e.g. `2026-11-23T10:00:00Z`) as England's local date and time: "23 Nov 2026 at 10:00".
 * Invalid text is returned as it is.
 */
export function momentText(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${longDate(`${get('year')}-${get('month')}-${get('day')}`)} at ${get('hour')}:${get('minute')}`;
}

function hoursText(hours: number): string {
  if (hours < 1) return 'less than 1 hour';
  // Round down: it is safer to say a little less time is left than there is.
  return plural(Math.floor(hours), 'hour', 'hours');
}

/**
 * One line saying when a deadline falls and how long is left, e.g.
 * "Due 2 Dec 2026 — 3 working days left", "Overdue by 2 working days", "Due today",
 * "Due by 14:30 on 24 Nov 2026 — 5 hours left", "Met on 20 Nov 2026 (due 2 Dec 2026)".
 * For a deadline that cannot be worked out yet, says what it is waiting for.
 */
export function dueText(countdown: CountdownResult): string {
  const { status, due, dueIsTime, workingDaysLeft, hoursLeft, metOn } = countdown;
  if (countdown.error) return 'Could not work out this deadline';
  if (countdown.dateProblem) return countdown.dateProblem;
  if (status === 'not-applicable') return 'Does not apply to this assessment';
  if (status === 'missing') return `Start date not recorded — fill it in under ${sectionName(countdown.section)}`;
  if (!due) {
    if (status === 'unknown') return `Start date not read yet — open ${sectionName(countdown.section)}`;
    return countdownStateWords(status);
  }
  const dueWords = dueIsTime ? `by ${dateOrTimeText(due)}` : longDate(due);
  if (status === 'met-on-time' || status === 'met-late') {
    const met = metOn ? ` on ${longDate(metOn)}` : '';
    return status === 'met-on-time' ? `Met on time${met} (due ${dueWords})` : `Met late${met} (was due ${dueWords})`;
  }
  if (status === 'unknown') return `Due ${dueWords} — not read yet whether this has been done`;

  if (dueIsTime && typeof hoursLeft === 'number') {
    if (status === 'overdue' || hoursLeft < 0) return `Overdue by ${hoursText(-hoursLeft)}`;
    return `Due ${dueWords} — ${hoursText(hoursLeft)} left`;
  }
  if (status === 'due-today') return 'Due today';
  if (status === 'overdue') {
    const late = typeof workingDaysLeft === 'number' ? -workingDaysLeft : 0;
    // Due on a Friday and read on the Saturday: no working day has passed yet, but it is late.
    return late >= 1 ? `Overdue by ${workingDaysText(late)}` : `Overdue — was due ${dueWords}`;
  }
  if (typeof workingDaysLeft === 'number') return `Due ${dueWords} — ${workingDaysText(workingDaysLeft)} left`;
  return `Due ${dueWords}`;
}

/** The due date (and time) alone, e.g. "2 Dec 2026" or "14:30 on 24 Nov 2026"; empty when there is none. */
export function dueDateText(countdown: CountdownResult): string {
  return countdown.due ? dateOrTimeText(countdown.due) : '';
}

/** Capital first letter, for engine details written as sentence fragments. */
export function sentence(text: string): string {
  return text.length > 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** Words naming what a button is about (a finding or a deadline), for people who cannot see the list around it. */
export function aboutText(item: { message: string; subject?: { label: string }; status?: string; conditionUnknown?: true; error?: string }): string {
  return `${conditionalWords(item)}${item.subject ? ` for ${item.subject.label}` : ''}`;
}
