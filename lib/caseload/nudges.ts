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
import { caseloadRows, nudge, type NextDeadline, type Nudge } from './caseload';

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

export async function currentNudge(deps: NudgeDeps): Promise<Nudge | null> {
  const setup = await deps.setup();
  if (!setup) return null;
  const settings = await deps.settings();
  const [stored, acks, tray] = await Promise.all([allStored(deps.db), allAcknowledgements(deps.db), allTray(deps.db)]);
  const rows = caseloadRows(setup, stored, acks, deps.now?.() ?? Date.now(), tray);
  return nudge(rows, settings.nudgeWorkingDays, deps.dueWords);
}

/** The toolbar badge: how many held assessments are overdue or due within the setting's days. */
export async function updateBadge(deps: NudgeDeps): Promise<Nudge | null> {
  const n = await currentNudge(deps);
  if (n) await deps.setBadge(n.badge, n.colour, n.title);
  return n;
}

/** The daily notification: only when turned on, and only when something is due. Ids and states only. */
export async function dailyNotification(deps: NudgeDeps): Promise<boolean> {
  if (!(await deps.settings()).dailyNotification) return false;
  const n = await updateBadge(deps);
  if (!n || n.count === 0) return false;
  const shown = n.lines.slice(0, 6);
  const more = n.lines.length - shown.length;
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
