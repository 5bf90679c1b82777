/**
 * The caseload: one row per assessment read on this computer, most urgent first, with
 * filters and a CSV for supervision. Pure: the caseload page, the toolbar badge, the
 * daily notification and the demo all use these.
 */
import type { AssessmentRecord, AssessmentKind } from '../model';
import type { StoredRecord } from '../store/schema';
import { awaitingAcceptance, type Acknowledgement, type CheckedEvaluation } from '../acknowledgements';
import { describeChild } from '../rules/engine';
import type { CountdownResult } from '../rules/types';
import { deadlineState, plural, stateLook, stateWords, workingDaysText, type DeadlineState } from '../verdict/deadline-states';
import { runChecks, type CheckSetup } from '../verdict/checks';

const KIND_WORDS: Record<AssessmentKind, string> = {
  'child-in-need': 'Child in need',
  'section-47': 'Section 47 enquiry',
  reassessment: 'Re-assessment',
  'pre-birth': 'Pre-birth',
};

export interface NextDeadline {
  countdown: CountdownResult;
  ruleId: string;
  name: string;
  state: DeadlineState;
  due?: string;
  dueIsTime?: boolean;
  workingDaysLeft?: number;
}

export interface CaseloadRow {
  key: string;
  assessmentId: string;
  /** The subject child as the engine describes children: initials or a number, and age. Never a name. */
  child: string;
  kind: string;
  referral: string | null;
  next: NextDeadline | null;
  ready: boolean;
  blocking: number;
  /** Exceptions a manager has accepted. */
  accepted: number;
  /** Acknowledged, waiting for a manager. */
  awaiting: number;
  lastRead: number;
  pageUrl?: string;
  evaluation: CheckedEvaluation;
}

function subjectChild(record: AssessmentRecord, today: string): string {
  const children = record.children ?? [];
  const index = children.findIndex((c) => c.isSubject === true);
  const child = children[index];
  return child ? describeChild(child, index, today) : 'Not read yet';
}

const notRunning = (state: string): number => (state === 'unknown' ? 1 : 0);

/** The deadline to show for an assessment: the most urgent one still running, else the most urgent in force. */
export function nextDeadline(countdowns: readonly CountdownResult[]): NextDeadline | null {
  const inForce = countdowns.filter((c) => c.status !== 'not-applicable' || c.error);
  const ranked = inForce
    .map((c, i) => ({ c, i, state: deadlineState(c) }))
    // A deadline not read yet (or not yet known to apply) has no date to count to: one that is running comes first.
    .sort((a, b) => notRunning(a.state) - notRunning(b.state) || stateLook(a.state).urgency - stateLook(b.state).urgency || (a.c.due ?? '9').localeCompare(b.c.due ?? '9') || a.i - b.i);
  const top = ranked[0];
  if (!top) return null;
  const { c, state } = top;
  return {
    countdown: c,
    ruleId: c.ruleId,
    name: `${c.name ?? c.message}${c.subject ? `, for ${c.subject.label}` : ''}`,
    state,
    ...(c.due ? { due: c.due } : {}),
    ...(c.dueIsTime ? { dueIsTime: true } : {}),
    ...(typeof c.workingDaysLeft === 'number' ? { workingDaysLeft: c.workingDaysLeft } : {}),
  };
}

export function caseloadRows(setup: CheckSetup, stored: readonly StoredRecord[], acks: readonly Acknowledgement[], now: number): CaseloadRow[] {
  const byRecord = new Map<string, Acknowledgement[]>();
  for (const a of acks) byRecord.set(a.recordKey, [...(byRecord.get(a.recordKey) ?? []), a]);
  const rows = stored.map((s): CaseloadRow => {
    const evaluation = runChecks(setup, s.record, now, byRecord.get(s.key) ?? []);
    const awaiting = awaitingAcceptance(evaluation).length;
    return {
      key: s.key,
      assessmentId: s.assessmentId,
      child: subjectChild(s.record, evaluation.today),
      kind: s.record.kind ? KIND_WORDS[s.record.kind] : 'Not read yet',
      referral: s.record.dates?.referral ?? null,
      next: nextDeadline(evaluation.countdowns),
      ready: evaluation.ready.ready,
      blocking: evaluation.ready.blocking.length,
      accepted: evaluation.ready.accepted?.length ?? 0,
      awaiting,
      lastRead: s.updatedAt,
      ...(s.pageUrl ? { pageUrl: s.pageUrl } : {}),
      evaluation,
    };
  });
  return sortByUrgency(rows);
}

/** Overdue first, then due today, due soon (fewest days left first), …; then not ready before ready. */
export function sortByUrgency(rows: readonly CaseloadRow[]): CaseloadRow[] {
  const urgency = (r: CaseloadRow) => (r.next ? stateLook(r.next.state).urgency : 99);
  const days = (r: CaseloadRow) => r.next?.workingDaysLeft ?? Number.MAX_SAFE_INTEGER;
  return [...rows].sort(
    (a, b) => urgency(a) - urgency(b) || days(a) - days(b) || Number(a.ready) - Number(b.ready) || a.assessmentId.localeCompare(b.assessmentId),
  );
}

export type CaseloadFilter = 'all' | 'overdue' | 'due-within' | 'not-ready' | 'ready';

/** Overdue, or a running deadline within `days` working days (the badge's and the nudge's test). */
export function needsAttention(row: CaseloadRow, days: number): boolean {
  const n = row.next;
  if (!n) return false;
  if (n.state === 'overdue' || n.state === 'due-today') return true;
  return (n.state === 'due-soon' || n.state === 'on-track') && typeof n.workingDaysLeft === 'number' && n.workingDaysLeft <= days;
}

export function filterRows(rows: readonly CaseloadRow[], filter: CaseloadFilter, days: number): CaseloadRow[] {
  switch (filter) {
    case 'overdue':
      return rows.filter((r) => r.next?.state === 'overdue');
    case 'due-within':
      return rows.filter((r) => needsAttention(r, days));
    case 'not-ready':
      return rows.filter((r) => !r.ready);
    case 'ready':
      return rows.filter((r) => r.ready);
    default:
      return [...rows];
  }
}

/** "Ready", "Ready, 2 accepted exceptions", "Not ready: 3 blocking (1 acknowledged)". */
export function signOffText(row: Pick<CaseloadRow, 'ready' | 'blocking' | 'accepted' | 'awaiting'>): string {
  if (row.ready) return row.accepted > 0 ? `Ready, with ${row.accepted} accepted exception${row.accepted === 1 ? '' : 's'}` : 'Ready for sign-off';
  return `Not ready: ${row.blocking} blocking${row.awaiting > 0 ? ` (${row.awaiting} acknowledged, waiting for a manager)` : ''}`;
}

/** A cell that a spreadsheet would not run as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvOptions {
  packName: string;
  packVersion: string;
  /** e.g. "23 Nov 2026 at 10:00". */
  made: string;
  dueText(next: NextDeadline): string;
  dateText(iso: string): string;
}

/** The caseload as CSV for supervision: ids, dates and states only, with the procedure and the date. */
export function caseloadCsv(rows: readonly CaseloadRow[], o: CsvOptions): string {
  const lines: string[][] = [
    ['Assessment Companion caseload'],
    ['Procedure', `${o.packName}, rules version ${o.packVersion}`],
    ['Made', o.made],
    [],
    ['Assessment', 'Child', 'Type', 'Referral date', 'Next deadline', 'State', 'Due', 'Working days left', 'Sign-off', 'Blocking items', 'Accepted exceptions', 'Acknowledged, waiting', 'Last read'],
  ];
  for (const r of rows) {
    lines.push([
      r.assessmentId,
      r.child,
      r.kind,
      r.referral ? o.dateText(r.referral) : 'Not read yet',
      r.next?.name ?? 'None',
      r.next ? stateWords(r.next.state) : '',
      r.next ? o.dueText(r.next) : '',
      typeof r.next?.workingDaysLeft === 'number' ? String(r.next.workingDaysLeft) : '',
      r.ready ? 'Ready' : 'Not ready',
      String(r.blocking),
      String(r.accepted),
      String(r.awaiting),
      o.dateText(new Date(r.lastRead).toISOString()),
    ]);
  }
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export interface Nudge {
  /** Assessments overdue or due within the setting's working days. */
  count: number;
  /** The toolbar badge: the count, or empty for none. */
  badge: string;
  /** The badge's colour: the most urgent state's edge colour. */
  colour: string;
  /** The toolbar button's tooltip. */
  title: string;
  /** One line per assessment, most urgent first, for the daily notification: ids and states only. */
  lines: string[];
}

/** What the toolbar badge and the daily notification say. */
export function nudge(rows: readonly CaseloadRow[], days: number, dueWords: (next: NextDeadline) => string): Nudge {
  const due = sortByUrgency(rows.filter((r) => needsAttention(r, days)));
  const first = due[0]?.next;
  const within = `due within ${workingDaysText(days)} or overdue`;
  return {
    count: due.length,
    badge: due.length === 0 ? '' : due.length > 99 ? '99+' : String(due.length),
    colour: stateLook(first?.state ?? 'on-track').colour.edge,
    title: due.length === 0 ? `Assessment Companion: no assessment has a deadline ${within}` : `Assessment Companion: ${plural(due.length, 'assessment has', 'assessments have')} a deadline ${within}`,
    lines: due.map((r) => (r.next ? `${r.assessmentId}: ${stateWords(r.next.state)}, ${r.next.name}, ${dueWords(r.next)}` : r.assessmentId)),
  };
}
