/**
 * What the panel's first screen puts first, worked out from the evaluation and the record:
 * pure, no Preact, so it is tested on its own.
 *
 * - The worker's steps split into what is due now and what comes later in this assessment (by
 *   the procedure's order and the clocks), with the manager's own steps apart, and a step that
 *   a clock also counts (the same visit) shown once.
 * - Risks the record names (a "no" to a safety question, a baby in the house) come before the clocks.
 * - A clock that runs only if something is decided later (a conference) is shown as such.
 * - Before the worker has submitted the assessment, the manager sees progress, not a verdict;
 *   a verdict is never given on parts not read yet.
 */
import type { AssessmentRecord, FactPath } from '../model';
import { FORM_SECTION_NAMES, type FormSection } from '../model/section-names';
import type { CountdownResult, Evaluation, Finding } from '../rules/types';
import { formatLongDate, type WorkingDayCalendar } from '../calendar';
import { englishDay } from '../rules/engine';
import { ICPC_WORKING_DAYS } from '../rules/national';
import { conditionNotRead } from './condition-words';
import { plural } from '../model/words';

/** Facts about the case the panel needs beyond the evaluation. */
export interface CaseFacts {
  /** When the worker sent the assessment to the manager (or completed it); null: not yet; undefined: not read yet. */
  submitted: string | null | undefined;
  /** Unsafe answers, named where they are, most serious first. */
  risks: Risk[];
  /** Clocks that start only if something is decided later, e.g. a conference. */
  conditionalClocks: ConditionalClock[];
}

export interface Risk {
  /** Stable key, e.g. `safety:safeSleep`. */
  key: string;
  /** e.g. "The family answered no to safe sleep, and there is a baby (PS, under 1). No safety advice is recorded yet." */
  words: string;
  /** The same, short, for the caseload: e.g. "No to safe sleep, with a baby". */
  short: string;
  /** Whether safety advice is recorded as given: `given`, `not-recorded` (blank or no), or `not-read` yet. */
  advice: 'given' | 'not-recorded' | 'not-read';
  /** The fact to show ("Show me"). */
  field: FactPath;
  section: FormSection;
}

export interface ConditionalClock {
  key: string;
  /** e.g. "If a conference is needed". */
  condition: string;
  /** e.g. "Initial child protection conference". */
  name: string;
  /** YYYY-MM-DD. */
  due: string;
  /** e.g. "15 working days from the strategy discussion on 22 Nov 2026". */
  basis: string;
  section: FormSection;
}

const SAFETY_WORDS = {
  smokeAlarms: 'smoke alarms',
  safeSleep: 'safe sleep',
  dontShakeBaby: 'never shaking a baby',
  homeSafety: 'home safety',
  safeStorage: 'safe storage of medicines and harmful things',
} as const;
type SafetyQuestion = keyof typeof SAFETY_WORDS;
/** The questions about babies: most serious when there is one. */
const BABY_QUESTIONS: readonly SafetyQuestion[] = ['safeSleep', 'dontShakeBaby'];

/** Whole years between a date of birth and today; undefined when not known. */
function ageOn(dateOfBirth: string | null | undefined, today: string): number | undefined {
  if (typeof dateOfBirth !== 'string') return undefined;
  const [by, bm, bd] = dateOfBirth.slice(0, 10).split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  if (!by || !bm || !bd || !ty || !tm || !td) return undefined;
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The evaluation's own label for a person (it tells people apart); a plain word when it has none. */
function labelOf(evaluation: Evaluation | undefined, kind: 'child' | 'adult', id: string, fallback: string): string {
  for (const item of [...(evaluation?.findings ?? []), ...(evaluation?.countdowns ?? [])]) {
    if (item.subject && item.subject.kind === kind && item.subject.id === id) return item.subject.label;
  }
  return fallback;
}

function risksOf(record: AssessmentRecord, today: string, evaluation?: Evaluation): Risk[] {
  const advice = record.safetyAdvice;
  if (!advice) return [];
  const babies = (record.children ?? []).filter((c) => c.unborn !== true && ageOn(c.dateOfBirth, today) === 0);
  const babyWords = babies.map((b) => labelOf(evaluation, 'child', b.id, 'a baby')).join(' and ');
  const given: Risk['advice'] = advice.adviceGivenWhereNo === true ? 'given' : advice.adviceGivenWhereNo === undefined ? 'not-read' : 'not-recorded';
  const adviceWords = { given: '', 'not-read': ' Not read yet whether safety advice was given.', 'not-recorded': ' No safety advice is recorded yet.' }[given];
  const out: Risk[] = [];
  for (const question of Object.keys(SAFETY_WORDS) as SafetyQuestion[]) {
    if (advice[question] !== 'no') continue;
    const forBaby = BABY_QUESTIONS.includes(question) && babies.length > 0;
    out.push({
      key: `safety:${question}`,
      words: `The family answered no to ${SAFETY_WORDS[question]}${forBaby ? `, and there is a baby (${babyWords})` : ''}.${adviceWords}`,
      short: `No to ${SAFETY_WORDS[question]}${forBaby ? ', with a baby' : ''}`,
      advice: given,
      field: advice.adviceGivenWhereNo === true ? `safetyAdvice.${question}` : 'safetyAdvice.adviceGivenWhereNo',
      section: 'background',
    });
  }
  // A baby's questions first: they are the ones the procedure says always apply.
  return out.sort((a, b) => Number(b.words.includes('there is a baby')) - Number(a.words.includes('there is a baby')));
}

function conditionalClocksOf(record: AssessmentRecord, calendar: WorkingDayCalendar): ConditionalClock[] {
  const s47 = record.kind === 'section-47' || typeof record.dates?.section47Start === 'string';
  const strategy = record.dates?.strategyDiscussion;
  const decided = record.childProtection?.conferenceDecided;
  // Decided either way (or held), the conference clock is the engine's own: national/icpc-15-working-days.
  if (!s47 || typeof strategy !== 'string' || decided === true || decided === false || typeof record.dates?.icpc === 'string') return [];
  const start = englishDay(strategy);
  const due = calendar.addWorkingDays(start, ICPC_WORKING_DAYS);
  return [
    {
      key: 'icpc-if-needed',
      condition: 'If a conference is needed',
      name: 'Initial child protection conference',
      due,
      basis: `${ICPC_WORKING_DAYS} working days from the strategy discussion on ${formatLongDate(start)}`,
      section: 'child-protection',
    },
  ];
}

/** What the panel needs from the record beyond the evaluation. */
export function caseFacts(record: AssessmentRecord, today: string, calendar: WorkingDayCalendar, evaluation?: Evaluation): CaseFacts {
  const sent = record.dates?.submittedToManager;
  const completed = record.dates?.completed;
  const submitted =
    typeof sent === 'string' ? sent : typeof completed === 'string' ? completed : sent === undefined && completed === undefined ? undefined : null;
  return { submitted, risks: risksOf(record, today, evaluation), conditionalClocks: conditionalClocksOf(record, calendar) };
}

// ---- Steps: now, later, the manager's own ----

export type Stage = 'now' | 'later' | 'manager';

export interface Step {
  finding: Finding;
  /** A clock that counts the same duty for the same person: shown with the step, not as a second step. */
  clock?: CountdownResult;
  stage: Stage;
}

export interface WorkerSteps {
  now: Step[];
  later: Step[];
  manager: Step[];
  /** The assessment's own deadline, when it is running: later steps are due by it. */
  laterBy?: CountdownResult;
}

/** Parts of the form the procedure has done at the start of an assessment (Derby 2.1–2.4, Hertfordshire's plan). */
const START: readonly FormSection[] = ['household', 'reasons', 'plan', 'child-protection'];
/** Parts done at the end of an assessment: later, even where the form holds their fields in an earlier part. */
const END: readonly FormSection[] = ['analysis', 'outcomes'];
/** Parts that are the manager's own. */
const MANAGER: readonly FormSection[] = ['manager'];

/** Facts that record the same duty: a visit seen alone, or why the child could not be. */
const SAME_DUTY: ReadonlyArray<readonly string[]> = [['seenDates', 'notSeenAloneReason']];

function personFact(field: string | undefined): { person: string; fact: string } | null {
  const m = field ? /^((?:children|adults)\[[^\]]+\])\.(.+)$/.exec(field) : null;
  return m && m[1] && m[2] ? { person: m[1], fact: m[2] } : null;
}

function sameDuty(a: string, b: string): boolean {
  return a === b || SAME_DUTY.some((group) => group.includes(a) && group.includes(b));
}

const RUNNING = new Set(['on-track', 'due-soon', 'due-today', 'overdue']);
const URGENT = new Set(['due-soon', 'due-today', 'overdue']);

/** A clock that is running (started, not met, not "not read yet"). */
export function isRunning(c: CountdownResult): boolean {
  return !c.error && RUNNING.has(c.status);
}

/** The clock that counts the same duty as this step (the same visit), if any: for the same person first. */
export function clockForStep(finding: Finding, countdowns: readonly CountdownResult[]): CountdownResult | undefined {
  const own = personFact(finding.field);
  if (!own) return undefined;
  const same = countdowns.filter((c) => {
    const theirs = personFact(c.field);
    return theirs !== null && c.status !== 'not-applicable' && sameDuty(own.fact, theirs.fact);
  });
  return same.find((c) => personFact(c.field)?.person === own.person) ?? same.find(isRunning);
}

/** The assessment's own deadline: the running required clock that falls last. */
export function assessmentClock(evaluation: Evaluation): CountdownResult | undefined {
  return evaluation.countdowns
    .filter((c) => c.severity === 'required' && isRunning(c) && !c.subject && !c.dueIsTime && c.due)
    .sort((a, b) => (b.due ?? '').localeCompare(a.due ?? ''))[0];
}

function missingSteps(evaluation: Evaluation): Finding[] {
  return evaluation.findings.filter((f) => !f.error && f.status === 'missing' && f.severity !== 'prompt');
}

/**
 * The worker's missing steps: what is due now, what comes later in this assessment, and the
 * manager's own. A step is due now when a clock runs on it, when it answers a risk, when it is
 * one of the first parts of the procedure or in the part the worker has open, or when the assessment's own deadline is close or
 * the assessment has been sent to the manager; otherwise it comes later.
 */
export function workerSteps(evaluation: Evaluation, facts?: Pick<CaseFacts, 'submitted' | 'risks'>, open: readonly FormSection[] = []): WorkerSteps {
  const main = assessmentClock(evaluation);
  const endIsClose = main !== undefined && URGENT.has(main.status);
  const submitted = typeof facts?.submitted === 'string';
  const risky = (facts?.risks.length ?? 0) > 0;
  const out: WorkerSteps = { now: [], later: [], manager: [], ...(main ? { laterBy: main } : {}) };
  for (const finding of missingSteps(evaluation)) {
    const clock = clockForStep(finding, evaluation.countdowns);
    const runningClock = clock !== undefined && (isRunning(clock) || clock.status === 'met-late' || clock.status === 'met-on-time');
    let stage: Stage;
    // The procedure's order is the rule's own section; the part the worker has open is where the form holds it.
    const procedureSection = finding.ruleSection ?? finding.section;
    if (MANAGER.includes(procedureSection)) stage = 'manager';
    else if (runningClock || START.includes(procedureSection) || endIsClose || submitted) stage = 'now';
    else if (open.includes(procedureSection) || (open.includes(finding.section) && !END.includes(procedureSection))) stage = 'now';
    else if (risky && finding.field?.startsWith('safetyAdvice.')) stage = 'now';
    else stage = 'later';
    out[stage].push({ finding, ...(clock && isRunning(clock) ? { clock } : {}), stage });
  }
  // Within "now": steps a clock runs on first, the most urgent clock first.
  const rank = (s: Step) => (s.clock ? (s.clock.status === 'overdue' ? 0 : s.clock.status === 'due-today' ? 1 : s.clock.status === 'due-soon' ? 2 : 3) : 4);
  out.now = out.now.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map(({ s }) => s);
  return out;
}

// ---- Conditions not read yet: lib/verdict/condition-words.ts (dependency-free, for the content script too) ----

export { conditionNotRead, conditionalWords } from './condition-words';

// ---- The manager's first line ----

export type ManagerStage =
  | { kind: 'in-progress'; done: number; total: number; overdue: number }
  | { kind: 'cannot-judge'; open: FormSection[] }
  | { kind: 'judged' };

/** Steps and how many are done: each rule for each person once; steps this case system cannot show are left out. */
export function progress(evaluation: Evaluation): { done: number; total: number; overdue: number } {
  const steps = evaluation.findings.filter(
    (f) => !f.error && !f.notCheckedHere && f.severity !== 'prompt' && (f.status === 'met' || f.status === 'missing' || (f.status === 'unknown' && !conditionNotRead(f))),
  );
  const overdue = evaluation.countdowns.filter((c) => !c.error && !c.notCheckedHere && c.severity !== 'prompt' && c.status === 'overdue').length;
  return { done: steps.filter((f) => f.status === 'met').length, total: steps.length, overdue };
}

/** "In progress: 6 of 31 steps done, 2 overdue". */
export function progressTitle(p: { done: number; total: number; overdue: number }): string {
  return `In progress: ${p.done} of ${plural(p.total, 'step', 'steps')} done${p.overdue ? `, ${p.overdue} overdue` : ''}`;
}

/** "Household and people, Assessment plan and Outcomes". */
export function partsList(sections: readonly FormSection[]): string {
  const names = sections.map((s) => FORM_SECTION_NAMES[s]);
  const last = names.pop() ?? '';
  return names.length ? `${names.join(', ')} and ${last}` : last;
}

/** The parts to open before readiness can be judged: where required steps are not read yet, in form order. */
export function partsToOpen(evaluation: Evaluation, order: readonly FormSection[]): FormSection[] {
  const sections = new Set<FormSection>();
  for (const b of evaluation.ready.blocking) if (b.status === 'unknown' && !b.error) sections.add(b.section);
  return order.filter((s) => sections.has(s));
}

/**
 * What the manager sees first: "cannot judge yet" while parts with required steps are not read
 * (which to open; counts over parts not read would mean nothing); then progress while the worker
 * has not sent the assessment (unless the manager asks for a verdict); else the verdict.
 */
export function managerStage(evaluation: Evaluation, facts: Pick<CaseFacts, 'submitted'> | undefined, asked: boolean, order: readonly FormSection[]): ManagerStage {
  const open = partsToOpen(evaluation, order);
  if (open.length > 0) return { kind: 'cannot-judge', open };
  // "Ready" is true whenever it is said; only "Not ready" waits for the worker to send the assessment.
  if (!asked && facts?.submitted === null && !evaluation.ready.ready) return { kind: 'in-progress', ...progress(evaluation) };
  return { kind: 'judged' };
}
