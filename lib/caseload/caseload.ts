/**
 * The caseload: one row per assessment read on this computer or listed in the work tray,
 * most urgent first, with filters and a CSV for supervision. Pure: the caseload page, the
 * toolbar badge, the daily notification and the demo all use these.
 */
import { emptyRecord, FORM_SECTIONS, type AssessmentRecord, type AssessmentKind } from '../model';
import type { StoredRecord } from '../store/schema';
import type { TrayRow } from '../store/schema';
import { awaitingAcceptance, type Acknowledgement, type CheckedEvaluation } from '../acknowledgements';
import { describeChild } from '../rules/engine';
import type { CountdownResult } from '../rules/types';
import { deadlineState, stateLook, stateWords, workingDaysText, type DeadlineState } from '../verdict/deadline-states';
import { plural } from '../model/words';
import { headlineDeadline } from '../verdict/headline';
import { runChecks, type CheckSetup } from '../verdict/checks';
import { caseFacts, managerStage, partsList, progressTitle, type ManagerStage } from '../verdict/first-screen';

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
  /**
   * What the manager's panel says first (lib/verdict/first-screen.ts managerStage): progress before
   * the worker sends the assessment, "can't judge yet" on parts not read, else the verdict.
   * Null for an assessment not opened on this computer.
   */
  stage: ManagerStage | null;
  blocking: number;
  /** Exceptions a manager has accepted. */
  accepted: number;
  /** Acknowledged, waiting for a manager. */
  awaiting: number;
  /** When it was last read on this computer; null when it has not been opened here (listed in the work tray only). */
  lastRead: number | null;
  /** False for an assessment the work tray lists that has not been opened on this computer. */
  opened: boolean;
  /** The allocated worker, as the work tray shows it. */
  worker?: string;
  /** A Section 47 enquiry: the assessment type, or a Section 47 start recorded. */
  section47: boolean;
  /** Unsafe answers to the safety questions with no safety advice recorded as given, e.g. "No to safe sleep, with a baby: no safety advice recorded". */
  unsafe: string[];
  /** Why the row comes before others equally urgent: "Section 47 enquiry" and the unsafe answers. */
  risks: string[];
  /** Sent to the manager for sign-off on this date and not authorised yet. */
  waitingSince?: string;
  pageUrl?: string;
  evaluation: CheckedEvaluation;
}

function subjectChild(record: AssessmentRecord, today: string): string {
  const children = record.children ?? [];
  const index = children.findIndex((c) => c.isSubject === true);
  const child = children[index];
  return child ? describeChild(child, index, today) : 'Not read yet';
}

/** The deadline an assessment is headlined by (lib/verdict/headline.ts: the panel shows the same one). */
export function nextDeadline(countdowns: readonly CountdownResult[]): NextDeadline | null {
  const c = headlineDeadline(countdowns);
  if (!c) return null;
  return {
    countdown: c,
    ruleId: c.ruleId,
    name: `${c.name ?? c.message}${c.subject ? `, for ${c.subject.label}` : ''}`,
    state: deadlineState(c),
    ...(c.due ? { due: c.due } : {}),
    ...(c.dueIsTime ? { dueIsTime: true } : {}),
    ...(typeof c.workingDaysLeft === 'number' ? { workingDaysLeft: c.workingDaysLeft } : {}),
  };
}

function isSection47(record: AssessmentRecord): boolean {
  return record.kind === 'section-47' || typeof record.dates?.section47Start === 'string';
}

/** Sent for sign-off and not yet authorised: since when. */
function waitingSince(record: AssessmentRecord): string | undefined {
  const sent = record.dates?.submittedToManager;
  return typeof sent === 'string' && typeof record.dates?.authorised !== 'string' ? sent : undefined;
}

/**
 * What the work tray shows of an assessment not opened on this computer, as a record: its
 * type and referral date. Its clock runs from the referral, the only start the tray shows.
 */
function trayRecord(t: TrayRow): AssessmentRecord {
  return {
    ...emptyRecord(t.caseSystem, t.assessmentId),
    ...(t.kind !== undefined ? { kind: t.kind } : {}),
    ...(t.referral !== undefined ? { dates: { referral: t.referral } } : {}),
  };
}

export function caseloadRows(
  setup: CheckSetup,
  stored: readonly StoredRecord[],
  acks: readonly Acknowledgement[],
  now: number,
  tray: readonly TrayRow[] = [],
): CaseloadRow[] {
  const byRecord = new Map<string, Acknowledgement[]>();
  for (const a of acks) byRecord.set(a.recordKey, [...(byRecord.get(a.recordKey) ?? []), a]);
  const inTray = new Map(tray.map((t) => [t.key, t]));
  const row = (key: string, assessmentId: string, record: AssessmentRecord, evaluation: CheckedEvaluation, opened: StoredRecord | null): CaseloadRow => {
    const worker = inTray.get(key)?.worker;
    const since = waitingSince(record);
    // The same facts and stage the manager's panel works out (entrypoints/sidepanel/App.tsx, components/Panel.tsx).
    const facts = opened ? caseFacts(record, evaluation.today, setup.calendar, evaluation) : null;
    const section47 = isSection47(record);
    const unsafe = (facts?.risks ?? []).filter((r) => r.advice !== 'given').map((r) => `${r.short}: ${r.advice === 'not-read' ? 'not read yet whether safety advice was given' : 'no safety advice recorded'}`);
    return {
      key,
      assessmentId,
      child: opened ? subjectChild(record, evaluation.today) : 'Not opened on this computer',
      kind: record.kind ? KIND_WORDS[record.kind] : 'Not read yet',
      referral: record.dates?.referral ?? null,
      // Not opened here: its statutory clock (a required deadline), the only one the tray's dates can give.
      next: nextDeadline(opened ? evaluation.countdowns : evaluation.countdowns.filter((c) => c.severity === 'required')),
      ready: opened ? evaluation.ready.ready : false,
      stage: facts ? managerStage(evaluation, facts, false, FORM_SECTIONS) : null,
      blocking: opened ? evaluation.ready.blocking.length : 0,
      accepted: evaluation.ready.accepted?.length ?? 0,
      awaiting: awaitingAcceptance(evaluation).length,
      lastRead: opened ? opened.updatedAt : null,
      opened: opened !== null,
      ...(worker ? { worker } : {}),
      section47,
      unsafe,
      risks: [...(section47 ? ['Section 47 enquiry'] : []), ...unsafe],
      ...(since ? { waitingSince: since } : {}),
      ...(opened?.pageUrl ? { pageUrl: opened.pageUrl } : {}),
      evaluation,
    };
  };
  const rows = stored.map((s) => row(s.key, s.assessmentId, s.record, runChecks(setup, s.record, now, byRecord.get(s.key) ?? []), s));
  const held = new Set(stored.map((s) => s.key));
  // The tray shows no decision date: a clock from the referral is what the tray shows.
  const fromTray: CheckSetup = { ...setup, reads: (path) => path !== 'dates.assessmentDecision' && (setup.reads?.(path) ?? true) };
  for (const t of tray) {
    if (held.has(t.key)) continue;
    const record = trayRecord(t);
    rows.push(row(t.key, t.assessmentId, record, runChecks(fromTray, record, now), null));
  }
  return sortByUrgency(rows);
}

/** A Section 47 enquiry and unsafe answers with no advice recorded: each puts a row before others equally urgent. */
function riskWeight(r: Pick<CaseloadRow, 'section47' | 'unsafe'>): number {
  return Number(r.section47) + Number(r.unsafe.length > 0);
}

/**
 * Overdue first, then due today, due soon, …; among rows in the same state, a Section 47
 * enquiry and unsafe answers first (issue 23: the demo's Section 47 with a baby and an unsafe
 * answer ranked 5th of 6); then fewest working days left; then not ready before ready.
 */
export function sortByUrgency(rows: readonly CaseloadRow[]): CaseloadRow[] {
  const urgency = (r: CaseloadRow) => (r.next ? stateLook(r.next.state).urgency : 99);
  const days = (r: CaseloadRow) => r.next?.workingDaysLeft ?? Number.MAX_SAFE_INTEGER;
  return [...rows].sort(
    (a, b) =>
      urgency(a) - urgency(b) ||
      riskWeight(b) - riskWeight(a) ||
      days(a) - days(b) ||
      Number(a.ready) - Number(b.ready) ||
      a.assessmentId.localeCompare(b.assessmentId),
  );
}

export type CaseloadFilter = 'all' | 'overdue' | 'due-within' | 'not-ready' | 'ready' | 'waiting';

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
      // Judged not ready, as the manager's panel says: not one still in progress or with parts to open.
      return rows.filter((r) => r.opened && !r.ready && r.stage?.kind === 'judged');
    case 'ready':
      return rows.filter((r) => r.ready);
    case 'waiting':
      return rows.filter((r) => r.waitingSince !== undefined);
    default:
      return [...rows];
  }
}

/**
 * The sign-off column: the manager's panel's first line. "In progress: 6 of 31 steps done",
 * "Can’t judge yet: open Assessment plan", "Ready, with 2 accepted exceptions", "Not ready: 3
 * blocking (1 acknowledged, …)", "Not opened on this computer".
 */
export function signOffText(row: Pick<CaseloadRow, 'ready' | 'blocking' | 'accepted' | 'awaiting'> & { opened?: boolean; stage?: ManagerStage | null }): string {
  if (row.opened === false) return 'Not opened on this computer';
  if (row.stage?.kind === 'in-progress') return progressTitle(row.stage);
  if (row.stage?.kind === 'cannot-judge') return `Can’t judge yet: open ${partsList(row.stage.open)}`;
  if (row.ready) return row.accepted > 0 ? `Ready, with ${row.accepted} accepted exception${row.accepted === 1 ? '' : 's'}` : 'Ready for sign-off';
  return `Not ready: ${row.blocking} blocking${row.awaiting > 0 ? ` (${row.awaiting} acknowledged, waiting for a manager)` : ''}`;
}

/** The sign-off stage in a word or two, for the CSV. */
function signOffWord(r: CaseloadRow): string {
  if (!r.opened) return 'Not opened on this computer';
  if (r.stage?.kind === 'in-progress') return 'In progress';
  if (r.stage?.kind === 'cannot-judge') return 'Can’t judge yet';
  return r.ready ? 'Ready' : 'Not ready';
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
    ['Assessment', 'Child', 'Type', 'Section 47', 'Worker', 'Referral date', 'Next deadline', 'State', 'Due', 'Working days left', 'Sign-off', 'Waiting for sign-off since', 'Blocking items', 'Accepted exceptions', 'Acknowledged, waiting', 'Last read', 'Unsafe answers'],
  ];
  for (const r of rows) {
    lines.push([
      r.assessmentId,
      r.child,
      r.kind,
      r.section47 ? 'Yes' : '',
      r.worker ?? '',
      r.referral ? o.dateText(r.referral) : 'Not read yet',
      r.next?.name ?? 'None',
      r.next ? stateWords(r.next.state) : '',
      r.next ? o.dueText(r.next) : '',
      typeof r.next?.workingDaysLeft === 'number' ? String(r.next.workingDaysLeft) : '',
      signOffWord(r),
      r.waitingSince ? o.dateText(r.waitingSince) : '',
      r.opened ? String(r.blocking) : '',
      String(r.accepted),
      String(r.awaiting),
      r.lastRead !== null ? o.dateText(new Date(r.lastRead).toISOString()) : 'Not opened on this computer',
      r.unsafe.join('; '),
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
