/**
 * Nudges before deadlines: the toolbar badge (always) and a daily notification (only when
 * the user or policy has turned it on). The browser is passed in, so this runs in tests.
 */
import type { CompanionDb } from '../store/db';
import { allStored } from '../store/records';
import { allAcknowledgements } from '../store/acknowledgements';
import { allTray } from '../store/tray';
import type { Settings } from '../settings';
import type { CheckSetup } from '../verdict/checks';
import { caseloadRows, needsAttention, nudge, sortByUrgency, type CaseloadRow, type NextDeadline, type Nudge } from './caseload';
import { stateWords } from '../verdict/deadline-states';

export const NUDGE_ALARM = 'daily-nudge';
export const NUDGE_NOTIFICATION = 'daily-nudge';

export interface NudgeDeps {
  db: CompanionDb;
  settings: () => Promise<Settings>;
  setup: () => Promise<CheckSetup | null>;
  dueWords(next: NextDeadline): string;
  setBadge(text: string, colour: string, title: string): Promise<void>;
  notify(id: string, title: string, message: string): Promise<void>;
  now?: () => number;
}

/** The caseload's rows and the nudge they make (null when the settings cannot be used). */
async function nudgeNow(deps: NudgeDeps): Promise<{ nudge: Nudge; due: CaseloadRow[] } | null> {
  const setup = await deps.setup();
  if (!setup) return null;
  const settings = await deps.settings();
  const [stored, acks, tray] = await Promise.all([allStored(deps.db), allAcknowledgements(deps.db), allTray(deps.db)]);
  const rows = caseloadRows(setup, stored, acks, deps.now?.() ?? Date.now(), tray);
  const due = sortByUrgency(rows.filter((r) => needsAttention(r, settings.nudgeWorkingDays)));
  return { nudge: nudge(rows, settings.nudgeWorkingDays, deps.dueWords), due };
}

export async function currentNudge(deps: NudgeDeps): Promise<Nudge | null> {
  return (await nudgeNow(deps))?.nudge ?? null;
}

/** The toolbar badge: how many held assessments are overdue or due within the setting's days. */
export async function updateBadge(deps: NudgeDeps): Promise<Nudge | null> {
  const n = await currentNudge(deps);
  if (n) await deps.setBadge(n.badge, n.colour, n.title);
  return n;
}

/**
 * One line of the daily notice: the assessment id and its deadline state, e.g.
 * "SA-1002: Overdue". Never which deadline (a name like "Section 47" says what kind of
 * case it is), the child, initials or age: a notice can show on a locked screen. PRIVACY.md
 * says the same (tests/unit/store-overviews.test.ts holds them to it).
 */
export function noticeLine(row: Pick<CaseloadRow, 'assessmentId' | 'next'>): string {
  return row.next ? `${row.assessmentId}: ${stateWords(row.next.state)}` : row.assessmentId;
}

/** The daily notification: only when turned on, and only when something is due. Ids and states only. */
export async function dailyNotification(deps: NudgeDeps): Promise<boolean> {
  if (!(await deps.settings()).dailyNotification) return false;
  const now = await nudgeNow(deps);
  if (!now) return false;
  const { nudge: n, due } = now;
  await deps.setBadge(n.badge, n.colour, n.title);
  if (n.count === 0) return false;
  const lines = due.map(noticeLine);
  const shown = lines.slice(0, 6);
  const more = lines.length - shown.length;
  await deps.notify(NUDGE_NOTIFICATION, n.title.replace(/^Assessment Companion: /, ''), [...shown, ...(more > 0 ? [`and ${more} more: open the caseload`] : [])].join('\n'));
  return true;
}

/** The next 9:00 local time after `now`: when the daily notification comes. */
export function nextNine(now: number): number {
  const d = new Date(now);
  d.setHours(9, 0, 0, 0);
  if (d.getTime() <= now) d.setDate(d.getDate() + 1);
  return d.getTime();
}
