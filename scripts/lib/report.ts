// The `check` command's report, as pure functions of an evaluation: easy to unit test,
// and the same words whether printed to a terminal or captured by a test.
import { formatLongDate } from '../../lib/calendar';
import { plural } from '../../lib/model/words';
import { FORM_SECTIONS, FORM_SECTION_NAMES, type AssessmentRecord, type FormSection } from '../../lib/model';
import type { CountdownResult, CountdownStatus, Evaluation, Finding, Source } from '../../lib/rules';
import { notCheckedHereItems, notRecordedWords } from '../../lib/verdict/checks';

export interface ReportInput {
  evaluation: Evaluation;
  record: AssessmentRecord;
  pack: { id: string; name: string; procedure: string; version: string };
  /** How the moment was chosen, e.g. "--today 2026-11-23, read as 10:00 London time". */
  clockNote?: string;
  /** Where the bank holidays came from, e.g. "built in, known to 31 Dec 2027". */
  calendarNote?: string;
  /** Parameters a council set, e.g. "assessmentWorkingDays 10 (from overrides.json)". */
  paramsNote?: string;
  /** ANSI colour: only when writing to a terminal. */
  colour?: boolean;
  /** List the practice prompts too (otherwise just their number). */
  showPrompts?: boolean;
  /** The council's field map the check was made with (`--map`), and the facts it left out of the record. */
  map?: MapNote;
}

export interface MapNote {
  id: string;
  version: string;
  file: string;
  /** Facts the record held that the map never reads, taken out before checking. */
  leftOut: string[];
}

type Style = (text: string) => string;
interface Styles {
  bold: Style;
  dim: Style;
  red: Style;
  amber: Style;
  green: Style;
}

const plain: Style = (t) => t;
const ansi =
  (open: number, close: number): Style =>
  (t) =>
    `\u001b[${open}m${t}\u001b[${close}m`;

function styles(colour: boolean): Styles {
  return colour
    ? { bold: ansi(1, 22), dim: ansi(2, 22), red: ansi(31, 39), amber: ansi(33, 39), green: ansi(32, 39) }
    : { bold: plain, dim: plain, red: plain, amber: plain, green: plain };
}

export const COUNTDOWN_WORDS: Record<CountdownStatus, string> = {
  'on-track': 'On track',
  'due-soon': 'Due soon',
  'due-today': 'Due today',
  overdue: 'Overdue',
  'met-on-time': 'Done on time',
  'met-late': 'Done late',
  unknown: 'Not known yet',
  missing: 'Cannot start the clock',
  'not-applicable': 'Does not apply',
};

const KIND_WORDS: Record<string, string> = {
  'child-in-need': 'child in need',
  'section-47': 'Section 47 enquiry',
  reassessment: 're-assessment',
  'pre-birth': 'pre-birth',
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Fri 20 Nov 2026". */
export function dayAndDate(date: string): string {
  const weekday = WEEKDAYS[new Date(`${date.slice(0, 10)}T12:00:00Z`).getUTCDay()] ?? '';
  return `${weekday} ${formatLongDate(date.slice(0, 10))}`;
}

const LONDON_MOMENT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const LONDON_SHORT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Fri 20 Nov 2026, 10:00 London time": a clock-time deadline, shown in English time whatever offset it was written in. */
export function londonDayTime(iso: string): string {
  const parts = Object.fromEntries(LONDON_SHORT.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} London time`;
}

/** "Monday 23 November 2026, 10:00 London time". */
export function londonMoment(iso: string): string {
  const parts = Object.fromEntries(LONDON_MOMENT.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} London time`;
}

/** Engine details are sometimes lower-case fragments: print them as sentences. */
function sentence(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?”]$/.test(t) ? t : `${t}.`;
}

function citation(source: Source): string {
  return `${source.label} (${source.passage})`;
}

/** "3 working days left", "due today", "2 working days overdue". */
export function daysLeftWords(c: CountdownResult): string | undefined {
  if (c.hoursLeft !== undefined) {
    const h = c.hoursLeft;
    return h >= 0 ? `${plural(h, 'hour')} left` : `${plural(-h, 'hour')} overdue`;
  }
  const n = c.workingDaysLeft;
  if (n === undefined) return undefined;
  if (n > 0) return `${plural(n, 'working day')} left`;
  if (n === 0) return 'due today';
  return `${plural(-n, 'working day')} overdue`;
}

function countdownColour(status: CountdownStatus, s: Styles): Style {
  if (status === 'overdue' || status === 'met-late' || status === 'missing') return s.red;
  if (status === 'due-soon' || status === 'due-today' || status === 'unknown') return s.amber;
  if (status === 'met-on-time' || status === 'on-track') return s.green;
  return s.dim;
}

function formatCountdowns(countdowns: readonly CountdownResult[], s: Styles): string[] {
  const lines = [s.bold('Deadlines')];
  // A deadline the case system cannot give is listed under "Not checked with this case system".
  const running = countdowns.filter((c) => c.status !== 'not-applicable' && !c.notCheckedHere);
  const notApplicable = countdowns.filter((c) => c.status === 'not-applicable');
  if (countdowns.length === 0) lines.push('  This pack sets no deadlines.');
  for (const c of running) {
    const who = c.subject ? ` (${c.subject.label})` : '';
    lines.push(`  ${countdownColour(c.status, s)(s.bold(COUNTDOWN_WORDS[c.status]))}${who}: ${c.message}`);
    if (c.due) {
      const when = c.dueIsTime ? londonDayTime(c.due) : dayAndDate(c.due);
      const left = c.metOn ? `done on ${dayAndDate(c.metOn)}` : daysLeftWords(c);
      lines.push(`    Due:      ${when}${left ? ` (${left})` : ''}`);
    }
    if (c.basis) lines.push(`    Basis:    ${c.basis}`);
    if (c.calendarNote) lines.push(`    Calendar: ${c.calendarNote}; weekdays after that are all counted as working days`);
    if (c.detail) lines.push(`    Note:     ${sentence(c.detail)}`);
    if (c.error) lines.push(`    Could not check: ${c.error}`);
    if (!c.due && c.field) lines.push(`    Field:    ${c.field}`);
    lines.push(`    Source:   ${citation(c.source)}`);
  }
  if (notApplicable.length > 0) {
    lines.push(`  ${s.dim(`Does not apply to this assessment: ${notApplicable.map((c) => c.ruleId).join(', ')}`)}`);
  }
  return lines;
}

interface Group {
  key: string;
  label: string;
  order: number;
  items: Finding[];
}

/** Groups findings of one form section by whom they concern: the whole assessment, then each child, then each adult. */
function bySubject(findings: readonly Finding[], record: AssessmentRecord): Group[] {
  const order = new Map<string, number>();
  (record.children ?? []).forEach((c, i) => order.set(`child:${c.id}`, 1 + i));
  (record.adults ?? []).forEach((a, i) => order.set(`adult:${a.id}`, 1000 + i));
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = f.subject ? `${f.subject.kind}:${f.subject.id}` : 'record';
    let group = groups.get(key);
    if (!group) {
      group = { key, label: f.subject?.label ?? 'Whole assessment', order: f.subject ? (order.get(key) ?? 5000) : 0, items: [] };
      groups.set(key, group);
    }
    group.items.push(f);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order);
}

function bySection<T extends { section: FormSection }>(items: readonly T[]): Array<[FormSection, T[]]> {
  return FORM_SECTIONS.map((section) => [section, items.filter((i) => i.section === section)] as [FormSection, T[]]).filter(
    ([, list]) => list.length > 0,
  );
}

const SEVERITY_RANK = { required: 0, expected: 1, prompt: 2 } as const;

function findingLines(f: Finding, s: Styles, indent: string): string[] {
  const tag = f.severity === 'required' ? s.bold('Required') : 'Expected';
  const lines = [`${indent}- ${tag}: ${f.message}`];
  if (f.detail) lines.push(`${indent}    ${sentence(f.detail)}`);
  if (f.error) lines.push(`${indent}    Could not check: ${f.error}`);
  lines.push(`${indent}    ${s.dim(`Source: ${citation(f.source)}`)}`);
  return lines;
}

function formatFindings(title: string, intro: string | null, findings: readonly Finding[], record: AssessmentRecord, s: Styles, empty: string): string[] {
  const lines = [s.bold(title)];
  if (intro) lines.push(`  ${intro}`);
  if (findings.length === 0) {
    lines.push(`  ${empty}`);
    return lines;
  }
  for (const [section, list] of bySection(findings)) {
    lines.push(`  ${s.bold(FORM_SECTION_NAMES[section])}`);
    for (const group of bySubject(list, record)) {
      lines.push(`    ${group.label}`);
      const sorted = [...group.items].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
      for (const f of sorted) lines.push(...findingLines(f, s, '      '));
    }
  }
  return lines;
}

function blockingWords(item: Finding | CountdownResult): string {
  if (item.kind === 'countdown') return `${COUNTDOWN_WORDS[item.status].toLowerCase()}, no reason recorded for going past the timescale`;
  return item.status === 'unknown' ? 'not read yet' : 'missing';
}

function formatReadiness(evaluation: Evaluation, s: Styles): string[] {
  const { ready } = evaluation;
  const lines = [s.bold('Readiness')];
  const unrecorded = notCheckedHereItems(evaluation).length;
  if (ready.ready) {
    lines.push(`  ${s.green(s.bold(unrecorded ? `Ready, with ${notRecordedWords(unrecorded)}` : 'Ready for sign-off'))}`);
  } else {
    lines.push(`  ${s.red(s.bold(`Not ready: ${plural(ready.blocking.length, 'item')} ${ready.blocking.length === 1 ? 'blocks' : 'block'} sign-off`))}`);
    for (const item of ready.blocking) {
      const who = item.subject ? `, ${item.subject.label}` : '';
      lines.push(`    - ${FORM_SECTION_NAMES[item.section]}${who}: ${item.message} (${blockingWords(item)})`);
    }
    if (unrecorded) lines.push(`  Besides, ${notRecordedWords(unrecorded)} (listed above).`);
  }
  if (ready.expected.length > 0) {
    lines.push(`  Good practice still open (does not block sign-off): ${ready.expected.length}`);
    for (const item of ready.expected) {
      const who = item.subject ? `, ${item.subject.label}` : '';
      lines.push(`    - ${FORM_SECTION_NAMES[item.section]}${who}: ${item.message}${item.status === 'unknown' ? ' (not read yet)' : ''}`);
    }
  }
  return lines;
}

function formatNotChecked(items: ReadonlyArray<Finding | CountdownResult>, s: Styles): string[] {
  const lines = [s.bold(`Not checked with this case system (${items.length})`), '  The case system does not record what these need, so they cannot be checked here and do not block sign-off. Check them yourself in the case record.'];
  for (const item of items) {
    const who = item.subject ? `, ${item.subject.label}` : '';
    const name = 'name' in item && item.name ? item.name : item.message;
    lines.push(`    - ${FORM_SECTION_NAMES[item.section]}${who}: ${name}${item.needs?.length ? s.dim(` (needs ${item.needs.join(', ')})`) : ''}`);
  }
  return lines;
}

function formatPrompts(evaluation: Evaluation, show: boolean, s: Styles): string[] {
  const n = evaluation.prompts.length;
  if (!show) return [s.dim(`${plural(n, 'practice prompt')} for this pack: add --prompts to list them.`)];
  const lines = [s.bold('Practice prompts')];
  for (const [section, list] of bySection(evaluation.prompts)) {
    lines.push(`  ${s.bold(FORM_SECTION_NAMES[section])}`);
    for (const p of list) lines.push(`    - ${p.message} ${s.dim(`(${p.source.label})`)}`);
  }
  return lines;
}

/** The human-readable report: header, deadlines, what is missing, what is not read yet, readiness. */
export function formatReport(input: ReportInput): string {
  const s = styles(input.colour === true);
  const { evaluation, record, pack } = input;
  const kind = record.kind ? (KIND_WORDS[record.kind] ?? record.kind) : 'kind not read yet';
  const header = [
    s.bold('Assessment Companion: check'),
    `Pack:        ${pack.name} (${pack.id}), ${pack.procedure}, pack version ${pack.version}`,
    `Assessment:  ${record.assessmentId} (${kind})`,
    `Date:        ${londonMoment(evaluation.now)}${input.clockNote ? ` (${input.clockNote})` : ''}`,
  ];
  if (input.calendarNote) header.push(`Holidays:    ${input.calendarNote}`);
  if (input.paramsNote) header.push(`Parameters:  ${input.paramsNote}`);
  if (input.map) {
    const left = input.map.leftOut;
    header.push(`Field map:   ${input.map.id} ${input.map.version} (from ${input.map.file}): the verdict this case system allows`);
    if (left.length > 0) header.push(`             ${left.length} ${left.length === 1 ? 'fact' : 'facts'} in the record this map never reads left out: ${left.join(', ')}`);
  }

  const open = evaluation.findings.filter((f) => f.severity !== 'prompt');
  const missing = open.filter((f) => f.status === 'missing');
  const notRead = open.filter((f) => f.status === 'unknown' && !f.notCheckedHere);
  const unrecorded = notCheckedHereItems(evaluation);

  const blocks = [
    header,
    formatCountdowns(evaluation.countdowns, s),
    formatFindings('What is missing', null, missing, record, s, 'Nothing is missing.'),
    formatFindings(
      'Not read yet',
      'These are not missing: the pages that show them have not been read. Open those parts of the form so they can be checked.',
      notRead,
      record,
      s,
      'Everything this pack checks has been read.',
    ),
    ...(unrecorded.length > 0 ? [formatNotChecked(unrecorded, s)] : []),
    formatReadiness(evaluation, s),
    formatPrompts(evaluation, input.showPrompts === true, s),
  ];
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}

/** What `--json` prints: the evaluation in the engine's own shape, with the pack and moment. */
export function reportJson(input: Pick<ReportInput, 'evaluation' | 'pack' | 'record' | 'map'>): string {
  const { evaluation, pack, record } = input;
  return `${JSON.stringify(
    {
      pack: pack.id,
      packVersion: pack.version,
      procedure: pack.procedure,
      assessmentId: record.assessmentId,
      now: evaluation.now,
      today: evaluation.today,
      countdowns: evaluation.countdowns,
      findings: evaluation.findings,
      prompts: evaluation.prompts,
      ready: evaluation.ready,
      notCheckedHere: notCheckedHereItems(evaluation),
      ...(input.map ? { map: input.map } : {}),
    },
    null,
    2,
  )}\n`;
}
