// npm run workdays -- add <date> <n> | between <from> <to> [--holidays feed.json]
// Working-day sums from the command line, using the same calendar as the extension.
import { readFileSync } from 'node:fs';
import {
  createCalendar,
  defaultCalendar,
  isIsoDate,
  parseHolidayFeedText,
  type IsoDate,
  type WorkingDayCalendar,
} from '../lib/calendar';
import { EXIT_OK, EXIT_USAGE, isMainModule, parseArgs, processOutput, type CliOutput } from './lib/args';

export const USAGE = `Usage:
  npm run workdays -- add <date> <n> [--holidays feed.json]
      The date n working days on from <date> (n may be negative to count back).
  npm run workdays -- between <from> <to> [--holidays feed.json]
      The number of working days after <from> up to and including <to>.

Working days are Monday to Friday, not an England and Wales bank holiday.
Dates may be written YYYY-MM-DD or dd/mm/yyyy.

Options:
  --holidays <file>  a bank holidays feed in GOV.UK format (https://www.gov.uk/bank-holidays.json)
                     instead of the one built in
  --help, -h         show this help`;

export type WorkdaysCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'add'; readonly date: IsoDate; readonly n: number; readonly holidaysPath: string | null }
  | { readonly kind: 'between'; readonly from: IsoDate; readonly to: IsoDate; readonly holidaysPath: string | null };

export type WorkdaysParseResult =
  | { readonly ok: true; readonly command: WorkdaysCommand }
  | { readonly ok: false; readonly error: string };

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A date written YYYY-MM-DD or dd/mm/yyyy, as YYYY-MM-DD; null if it is not a real date. */
export function parseDateArg(text: string): IsoDate | null {
  const dmy = DMY.exec(text);
  const iso = dmy ? `${dmy[3]}-${(dmy[2] ?? '').padStart(2, '0')}-${(dmy[1] ?? '').padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : null;
}

// A generous bound that keeps every answer inside four-digit years.
const MAX_DAYS = 1_000_000;

/** A whole number such as 45, +5 or -5; null otherwise. */
export function parseCountArg(text: string): number | null {
  if (!/^[+-]?\d+$/.test(text)) return null;
  const n = Number(text);
  return Math.abs(n) <= MAX_DAYS ? n : null;
}

function dateOrError(text: string): IsoDate | string {
  return parseDateArg(text) ?? `"${text}" is not a real date (write YYYY-MM-DD or dd/mm/yyyy)`;
}

/** Reads the command line (without node and script paths) into a command; pure. */
export function parseWorkdaysArgs(argv: readonly string[]): WorkdaysParseResult {
  const parsed = parseArgs(argv, { valueFlags: ['holidays'], booleanFlags: ['help'], aliases: { h: 'help' } });
  if (!parsed.ok) return parsed;
  const { positionals, values, flags } = parsed.args;
  if (flags.help) return { ok: true, command: { kind: 'help' } };
  const holidaysPath = values.holidays ?? null;
  const [verb, first, second, ...extra] = positionals;
  if (verb === undefined) return { ok: false, error: 'no command given (use "add" or "between")' };
  if (verb !== 'add' && verb !== 'between') return { ok: false, error: `unknown command "${verb}" (use "add" or "between")` };
  if (first === undefined || second === undefined) {
    return { ok: false, error: verb === 'add' ? 'add needs a date and a number of working days' : 'between needs two dates' };
  }
  if (extra.length > 0) return { ok: false, error: `unexpected extra argument "${extra[0] ?? ''}"` };

  const date = dateOrError(first);
  if (!isIsoDate(date)) return { ok: false, error: date };
  if (verb === 'add') {
    const n = parseCountArg(second);
    if (n === null) return { ok: false, error: `"${second}" is not a whole number of working days (up to ${MAX_DAYS.toLocaleString('en-GB')})` };
    return { ok: true, command: { kind: 'add', date, n, holidaysPath } };
  }
  const to = dateOrError(second);
  if (!isIsoDate(to)) return { ok: false, error: to };
  return { ok: true, command: { kind: 'between', from: date, to, holidaysPath } };
}

export interface WorkdaysIo extends CliOutput {
  readFile(path: string): string;
}

function loadCalendar(path: string, io: WorkdaysIo): WorkingDayCalendar | null {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    const reason = e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e);
    io.err(`workdays: cannot read ${path}: ${reason}`);
    return null;
  }
  const feed = parseHolidayFeedText(text);
  if (!feed.ok) {
    io.err(`workdays: ${path} is not a valid bank holidays feed:`);
    for (const problem of feed.errors) io.err(`  ${problem.path}: ${problem.message}`);
    return null;
  }
  return createCalendar(feed.holidays.map((h) => h.date));
}

/** Runs the command and returns the exit code. */
export function runWorkdays(argv: readonly string[], io: WorkdaysIo): number {
  const parsed = parseWorkdaysArgs(argv);
  if (!parsed.ok) {
    io.err(`workdays: ${parsed.error}. Try --help.`);
    return EXIT_USAGE;
  }
  const { command } = parsed;
  if (command.kind === 'help') {
    io.out(USAGE);
    return EXIT_OK;
  }
  const calendar = command.holidaysPath === null ? defaultCalendar : loadCalendar(command.holidaysPath, io);
  if (calendar === null) return EXIT_USAGE;

  let result: ReturnType<WorkingDayCalendar['addWorkingDaysChecked']> | ReturnType<WorkingDayCalendar['betweenChecked']>;
  try {
    result =
      command.kind === 'add'
        ? calendar.addWorkingDaysChecked(command.date, command.n)
        : calendar.betweenChecked(command.from, command.to);
  } catch (e) {
    // The answer would fall outside the years 0000 to 9999: one line, not a stack trace.
    if (!(e instanceof RangeError)) throw e;
    io.err(`workdays: the answer falls outside the years 0000 to 9999. Try a nearer date or fewer working days.`);
    return EXIT_USAGE;
  }
  io.out('date' in result ? result.date : String(result.days));
  if (result.note !== null) io.err(`Warning: ${result.note}; weekdays there were all counted as working days.`);
  return EXIT_OK;
}

if (isMainModule(import.meta.url)) {
  process.exitCode = runWorkdays(process.argv.slice(2), {
    ...processOutput,
    readFile: (path) => readFileSync(path, 'utf8'),
  });
}
