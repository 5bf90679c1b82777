import type { AssessmentRecord, Adult, Child, FactPath } from '../model';
import { datePart } from '../model';
import { addCalendarDays, defaultCalendar, formatDateTime, formatLongDate, type WorkingDayCalendar } from '../calendar';
import { ageInYears } from './conditions';
import { FactReads, genericPath, trackedCountdowns, unreadFor } from './fact-reads';
import type {
  CheckRule,
  Clock,
  CountdownResult,
  CountdownRule,
  Evaluation,
  Finding,
  Outcome,
  Pack,
  Prompt,
  Readiness,
  Rule,
  RuleContext,
  Subject,
} from './types';

export interface EvaluateOptions<P> {
  calendar?: WorkingDayCalendar;
  /** Council overrides of the pack's parameters (already validated by `resolveParams`). */
  params?: P;
  /** Which facts the case system's field map can read (generic paths); every fact when left out. */
  reads?: (genericPath: string) => boolean;
}

export { genericPath };

/**
 * A step still unknown that waits only for facts the map never reads: it never will be known,
 * so it is "not checked with this case system" (and names those facts in `needs`). One still
 * waiting for a fact the map does read is "not read yet": reading it may settle the step.
 */
function markNotChecked<T extends Finding | CountdownResult>(item: T, unread: ReadonlySet<string>, reads: (genericPath: string) => boolean): T {
  if (item.status !== 'unknown' || item.error || ('dateProblem' in item && item.dateProblem)) return item;
  const waits = unreadFor(unread, item.subject);
  const needs = waits.length > 0 ? waits : item.field !== undefined ? [item.field] : [];
  if (needs.length === 0 || needs.some((p) => reads(genericPath(p)))) return item;
  return { ...item, notCheckedHere: true, needs: [...new Set(needs.map(genericPath))].sort() };
}

/** The context one rule runs in: the same facts, with every look at an unread one noted in `reads`. */
function ruleContext<P>(ctx: RuleContext<P>, notes: FactReads, waits: ReadonlyMap<CountdownResult, readonly string[]>): RuleContext<P> {
  const record = notes.record(ctx.record);
  let children: readonly Child[] | undefined;
  let adults: readonly Adult[] | undefined;
  const people = (): readonly Child[] => (children ??= record.children ?? []);
  return {
    record,
    today: ctx.today,
    now: ctx.now,
    calendar: ctx.calendar,
    params: ctx.params,
    reads: ctx.reads,
    countdowns: trackedCountdowns(ctx.countdowns, waits, notes),
    get children() {
      return people();
    },
    get adults() {
      return (adults ??= record.adults ?? []);
    },
    get subjectChild() {
      return people().find((c) => c.isSubject === true);
    },
  };
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in England for a moment in time: deadlines are English working days. */
export function londonDate(moment: Date): string {
  return LONDON_DAY.format(moment);
}

/**
 * The day in England a date or date-time falls on. A date-time may carry any offset
 * (e.g. `Z` in summer), so its own date part can be the day before England's.
 */
export function englishDay(value: string): string {
  return value.length > 10 ? londonDate(new Date(value)) : datePart(value);
}

/**
 * Initials that two or more people in the record share ("Mother (SS)" and her daughter "SS"):
 * they would not tell those people apart, so their labels go by role, number and age instead.
 */
export function sharedInitials(record: Pick<AssessmentRecord, 'children' | 'adults'>): ReadonlySet<string> {
  const seen = new Map<string, number>();
  for (const p of [...(record.children ?? []), ...(record.adults ?? [])]) {
    const i = typeof p.initials === 'string' ? p.initials.trim().toUpperCase() : '';
    if (i) seen.set(i, (seen.get(i) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n > 1).map(([i]) => i));
}

function usableInitials(initials: string | null | undefined, shared: ReadonlySet<string>): string | undefined {
  return typeof initials === 'string' && initials.trim() && !shared.has(initials.trim().toUpperCase()) ? initials : undefined;
}

/** "TC (subject child), aged 8" or "Child 1 (subject child), unborn": never a name. */
export function describeChild(child: Child, index: number, today: string, shared: ReadonlySet<string> = new Set()): string {
  const name = usableInitials(child.initials, shared) ?? `Child ${index + 1}`;
  const age = ageInYears(child, today);
  const ageText = age === undefined ? '' : age < 0 ? ', unborn' : age === 0 ? ', under 1' : `, aged ${age}`;
  return `${name}${child.isSubject ? ' (subject child)' : ''}${ageText}`;
}

const ROLE_WORDS: Record<string, string> = {
  mother: 'Mother',
  father: 'Father',
  'step-parent': 'Step-parent',
  carer: 'Carer',
  relative: 'Relative',
  other: 'Adult',
};

function describeAdult(adult: Adult, index: number, shared: ReadonlySet<string>): string {
  const role = adult.role ? ROLE_WORDS[adult.role] ?? 'Adult' : `Adult ${index + 1}`;
  const initials = usableInitials(adult.initials, shared);
  return initials ? `${role} (${initials})` : role;
}

function subjectFor(ctx: RuleContext<unknown>, ref: { kind: 'child' | 'adult'; id: string } | undefined): Subject | undefined {
  if (!ref) return undefined;
  if (ref.kind === 'child') {
    const index = ctx.children.findIndex((c) => c.id === ref.id);
    const child = ctx.children[index];
    return { ...ref, label: child ? describeChild(child, index, ctx.today, sharedInitials(ctx.record)) : 'A child' };
  }
  const index = ctx.adults.findIndex((a) => a.id === ref.id);
  const adult = ctx.adults[index];
  return { ...ref, label: adult ? describeAdult(adult, index, sharedInitials(ctx.record)) : 'An adult' };
}

function base<P>(rule: Rule<P>) {
  return { ruleId: rule.id, severity: rule.severity, section: rule.section, message: rule.message, source: rule.source };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const LATE = new Set(['overdue', 'met-late']);

function evaluateCountdown<P>(rule: CountdownRule<P>, ctx: RuleContext<P>, ruleCtx: RuleContext<P>): CountdownResult[] {
  const head = {
    kind: 'countdown' as const,
    ...base(rule),
    ...(rule.name ? { name: rule.name } : {}),
    ...(rule.excusedBy ? { excusedBy: rule.excusedBy.fact } : {}),
  };
  try {
    const applies = rule.appliesWhen ? rule.appliesWhen(ruleCtx) : true;
    if (applies === false) return [{ ...head, status: 'not-applicable' }];
    const raw = rule.clock(ruleCtx);
    const clocks = Array.isArray(raw) ? raw : [raw];
    if (clocks.length === 0) return [{ ...head, status: applies === 'unknown' ? 'unknown' : 'not-applicable' }];
    return clocks.map((clock) => {
      const result = runClock(rule, ctx, clock, head);
      // A step done on time is done: a deadline met on time never turns "not read yet" because
      // whether it applies is not read yet (it is met, or it does not apply; neither blocks).
      if (applies === 'unknown' && result.status !== 'met-on-time') return { ...head, status: 'unknown', conditionUnknown: true, detail: 'cannot tell yet whether this deadline applies' };
      // Only this clock's own recorded reason excuses it when it is missed.
      if (rule.excusedBy && LATE.has(result.status) && factValue(ctx.record, rule.excusedBy.fact) === true) result.excused = true;
      return result;
    });
  } catch (error) {
    return [{ ...head, status: 'unknown', error: errorText(error) }];
  }
}

type CountdownHead = Pick<CountdownResult, 'kind' | 'ruleId' | 'severity' | 'section' | 'message' | 'source' | 'name' | 'excusedBy'>;

function runClock<P>(rule: CountdownRule<P>, ctx: RuleContext<P>, clock: Clock, head: CountdownHead): CountdownResult {
  if ('status' in clock) {
    const subject = subjectFor(ctx as RuleContext<unknown>, clock.subject);
    return { ...head, status: clock.status, field: clock.field, detail: clock.detail, ...(subject ? { subject } : {}) };
  }

  const cal = ctx.calendar;
  const startDay = englishDay(clock.start);
  const problem = impossibleDates(clock, startDay, ctx.today);
  if (problem) return { ...head, status: 'unknown', field: problem.field, dateProblem: problem.words };
  let due: string;
  let dueIsTime = false;
  let basis: string;
  let note: string | null = null;
  const span = clock.span;
  if ('workingDays' in span) {
    const r = cal.addWorkingDaysChecked(startDay, span.workingDays);
    due = r.date;
    note = r.note;
    basis = `${span.workingDays} working days from ${clock.startLabel} on ${formatLongDate(startDay)}`;
  } else if ('workingDaysBefore' in span) {
    const r = cal.addWorkingDaysChecked(startDay, -span.workingDaysBefore);
    due = r.date;
    note = r.note;
    basis = `${span.workingDaysBefore} working days before ${span.anchorLabel} on ${formatLongDate(startDay)}`;
  } else if ('onTheDate' in span) {
    due = startDay;
    basis = `${clock.startLabel}, ${formatLongDate(startDay)}`;
  } else if ('days' in span) {
    // Calendar days (a council that writes "30 days" without "working"): weekends and bank holidays count.
    due = addCalendarDays(startDay, span.days);
    basis = `${span.days} days from ${clock.startLabel} on ${formatLongDate(startDay)}`;
  } else if ('hours' in span) {
    due = cal.add24Hours(clock.start);
    dueIsTime = true;
    basis = `${span.hours} hours from ${clock.startLabel} at ${formatDateTime(clock.start)}`;
  } else {
    due = cal.addCalendarMonths(startDay, span.months);
    basis = `${span.months} months from ${clock.startLabel} on ${formatLongDate(startDay)}`;
  }
  const dueDay = englishDay(due);
  const result: CountdownResult = {
    ...head,
    status: 'on-track',
    due,
    dueIsTime,
    basis,
    field: clock.metField,
    subject: subjectFor(ctx as RuleContext<unknown>, clock.subject),
  };
  if (note) result.calendarNote = note;
  if (rule.figureNote) result.figureNote = rule.figureNote(ctx.params);

  if (clock.detail) result.detail = clock.detail;
  if (typeof clock.met === 'string') {
    result.metOn = clock.met;
    // A clock-time deadline met at a known moment is judged to the minute; otherwise by the
    // day (a clock-time rule only passes a plain date that is not on its due day).
    result.status =
      dueIsTime && clock.met.length > 10
        ? Date.parse(clock.met) <= Date.parse(due)
          ? 'met-on-time'
          : 'met-late'
        : englishDay(clock.met) <= dueDay
          ? 'met-on-time'
          : 'met-late';
    return result;
  }
  const daysLeft = cal.workingDaysBetween(ctx.today, dueDay);
  result.workingDaysLeft = daysLeft;
  if (dueIsTime) {
    const hoursLeft = (Date.parse(due) - Date.parse(ctx.now)) / 3_600_000;
    result.hoursLeft = Math.round(hoursLeft * 10) / 10;
    const soon = rule.dueSoonWithin ? rule.dueSoonWithin(ctx.params) : 6;
    result.status = hoursLeft < 0 ? 'overdue' : hoursLeft <= soon ? 'due-soon' : dueDay === ctx.today ? 'due-today' : 'on-track';
  } else {
    const soon = rule.dueSoonWithin ? rule.dueSoonWithin(ctx.params) : 5;
    result.status =
      ctx.today > dueDay ? 'overdue' : ctx.today === dueDay ? 'due-today' : daysLeft <= soon ? 'due-soon' : 'on-track';
  }
  if (clock.met === undefined) {
    // We have not yet seen the page that says whether this was done: never claim it is overdue.
    if (result.status === 'overdue') result.status = 'unknown';
    result.detail = clock.detail ?? 'Not read yet whether this has been done.';
  }
  return result;
}

/**
 * Dates a clock that runs forward from its start cannot have: a start after today, or
 * the duty met before it started or after today. Counting from them would give a
 * countdown longer than the clock itself, or a false "met on time".
 */
function impossibleDates(clock: Extract<Clock, { start: string }>, startDay: string, today: string): { field: FactPath; words: string } | null {
  // Counts back from, or is due on, a date that may well be ahead; done before it is on time.
  if ('workingDaysBefore' in clock.span || 'onTheDate' in clock.span) return null;
  if (startDay > today) {
    return { field: clock.startField, words: `The ${clock.startLabel} date, ${formatLongDate(startDay)}, is after today: it cannot be right. Check it in the case system.` };
  }
  if (typeof clock.met === 'string') {
    const metDay = englishDay(clock.met);
    if (metDay < startDay) {
      return { field: clock.metField, words: `Recorded as done on ${formatLongDate(metDay)}, before the ${clock.startLabel} on ${formatLongDate(startDay)}: one of these dates cannot be right. Check them in the case system.` };
    }
    if (metDay > today) {
      return { field: clock.metField, words: `Recorded as done on ${formatLongDate(metDay)}, which is after today: it cannot be right. Check it in the case system.` };
    }
  }
  return null;
}

/** Every outcome met or not applicable, and at least one met: the step is done. */
export function isDone(outcomes: readonly Outcome[]): boolean {
  return outcomes.some((o) => o.status === 'met') && outcomes.every((o) => o.status === 'met' || o.status === 'not-applicable');
}

function evaluateCheck<P>(rule: CheckRule<P>, ctx: RuleContext<P>, ruleCtx: RuleContext<P>): Finding[] {
  const head = { kind: 'check' as const, ...base(rule) };
  const notYet: Finding[] = [{ ...head, status: 'unknown', conditionUnknown: true, detail: 'cannot tell yet whether this applies' }];
  try {
    const applies = rule.appliesWhen ? rule.appliesWhen(ruleCtx) : true;
    if (applies === false) return [{ ...head, status: 'not-applicable' }];
    let raw: Outcome | Outcome[];
    try {
      raw = rule.check(ruleCtx);
    } catch (error) {
      if (applies === 'unknown') return notYet;
      throw error;
    }
    const outcomes: Outcome[] = Array.isArray(raw) ? raw : [raw];
    // A step that is done never blocks as "not read yet": when the check is met, an unread
    // "does it apply?" cannot make it unknown (it is met, or it does not apply; neither blocks).
    if (applies === 'unknown' && !isDone(outcomes)) return notYet;
    if (outcomes.length === 0) return [{ ...head, status: 'not-applicable' }];
    return outcomes.map((o) => {
      const finding: Finding = { ...head, status: o.status };
      if (o.message) finding.message = o.message;
      if (o.field) finding.field = o.field;
      if (o.detail) finding.detail = o.detail;
      const subject = subjectFor(ctx as RuleContext<unknown>, o.subject);
      if (subject) finding.subject = subject;
      return finding;
    });
  } catch (error) {
    return [{ ...head, status: 'unknown', error: errorText(error) }];
  }
}

const OPEN = new Set(['missing', 'unknown']);

/**
 * A fact of the record by its path (`timescale.exceededReasonRecorded`); undefined when not read.
 * Only plain paths: a per-person reason is read by the rule's own check.
 */
export function factValue(record: AssessmentRecord, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function readiness(findings: Finding[], countdowns: CountdownResult[]): Readiness {
  // Steps the case system cannot show are listed on their own ("not checked with this case system"), not as blocking.
  const blocking: Array<Finding | CountdownResult> = findings.filter((f) => f.severity === 'required' && OPEN.has(f.status) && !f.notCheckedHere);
  // Only a required deadline blocks: a Practice Trigger's date or a guide ("as a guide") never does,
  // and a missed one is excused only by its own recorded reason (the rule's `excusedBy`).
  for (const c of countdowns) if (c.severity === 'required' && LATE.has(c.status) && !c.excused) blocking.push(c);
  const expected = findings.filter((f) => f.severity === 'expected' && OPEN.has(f.status) && !f.notCheckedHere);
  return { ready: blocking.length === 0, blocking, expected };
}

/**
 * Evaluates a record against a pack at a moment in time. Pure and deterministic:
 * the same record, pack, parameters and moment always give the same answer.
 */
export function evaluate<P>(record: AssessmentRecord, pack: Pack<P>, now: Date | string, options: EvaluateOptions<P> = {}): Evaluation {
  const moment = typeof now === 'string' ? new Date(now) : now;
  const nowIso = moment.toISOString();
  const children = record.children ?? [];
  const adults = record.adults ?? [];
  const countdowns: CountdownResult[] = [];
  const ctx: RuleContext<P> = {
    record,
    today: londonDate(moment),
    now: nowIso,
    calendar: options.calendar ?? defaultCalendar,
    params: options.params ?? (pack.paramsSchema.parse({}) as P),
    countdowns,
    children,
    adults,
    subjectChild: children.find((c) => c.isSubject === true),
    reads: options.reads ?? (() => true),
  };
  const findings: Finding[] = [];
  const prompts: Prompt[] = [];
  // Countdowns first: "timescale exceeded" checks read them.
  // A step still unknown is run again with its reads noted, so it can say what it waits for
  // (rules are pure: the second run gives the same answer). Steps that are settled, and every
  // step when all facts can be read, run once, as fast as before.
  const tracking = options.reads !== undefined;
  const waits = new Map<CountdownResult, readonly string[]>();
  const stillUnknown = (f: Finding | CountdownResult) => f.status === 'unknown' && !f.error && !('dateProblem' in f && f.dateProblem);
  for (const rule of pack.rules) {
    if (rule.kind !== 'countdown') continue;
    let results = evaluateCountdown(rule, ctx, ctx);
    if (tracking && results.some(stillUnknown)) {
      const notes = new FactReads();
      results = evaluateCountdown(rule, ctx, ruleContext(ctx, notes, waits)).map((r) => markNotChecked(r, notes.unread, ctx.reads));
      for (const result of results) if (result.status === 'unknown') waits.set(result, unreadFor(notes.unread, result.subject));
    }
    countdowns.push(...results);
  }
  for (const rule of pack.rules) {
    if (rule.kind === 'check') {
      const plain = evaluateCheck(rule, ctx, ctx);
      if (!tracking || !plain.some(stillUnknown)) findings.push(...plain);
      else {
        const notes = new FactReads();
        findings.push(...evaluateCheck(rule, ctx, ruleContext(ctx, notes, waits)).map((f) => markNotChecked(f, notes.unread, ctx.reads)));
      }
    }
    else if (rule.kind === 'prompt') {
      let applies: boolean | 'unknown' = true;
      try {
        applies = rule.appliesWhen ? rule.appliesWhen(ctx) : true;
      } catch {
        applies = false;
      }
      if (applies === true) prompts.push({ ruleId: rule.id, section: rule.section, message: rule.message, source: rule.source });
    }
  }
  return {
    packId: pack.id,
    packVersion: pack.version,
    now: nowIso,
    today: ctx.today,
    countdowns,
    findings,
    prompts,
    ready: readiness(findings, countdowns),
  };
}
