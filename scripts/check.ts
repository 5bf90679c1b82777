// npm run check -- <record.json> [--pack derby|hertfordshire|wirral | --pack-file council.json] [--map map.json] [--today YYYY-MM-DD | --now ISO] [--holidays feed.json] [--params overrides.json] [--json]
// Checks an assessment record (in the model's vocabulary) against a council's procedure,
// with the same engine, packs and calendar as the extension.
import { readFileSync } from 'node:fs';
import {
  createCalendar,
  defaultCalendar,
  formatLongDate,
  isIsoDate,
  isIsoDateTime,
  parseHolidayFeedText,
  type WorkingDayCalendar,
} from '../lib/calendar';
import { parseRecord, type AssessmentRecord } from '../lib/model';
import { asThisMapReads, mapReads } from '../lib/verdict/coverage';
import type { FieldMap } from '../lib/adapters/field-map-schema';
import { validateFieldMapText } from '../lib/adapters/map-checks';
import { evaluate, getPack, isPackId, PACK_IDS, resolveParams, type AnyPack } from '../lib/rules';
import { loadCouncilPackText } from '../lib/rules/council/load';
import { EXIT_OK, EXIT_USAGE, isMainModule, parseArgs, processOutput, type CliOutput } from './lib/args';
import { formatReport, reportJson } from './lib/report';

export const USAGE = `Usage:
  npm run check -- <record.json> [options]

Checks a Single Assessment record against a council's procedure and prints the
deadlines, what is missing for each child, and whether it is ready for sign-off.

Options:
  --pack <id>            the procedure to check against: ${PACK_IDS.join(', ')}
                         (default: the record's "pack" field, else derby)
  --pack-file <file>     a council pack (JSON, docs/council-packs.md) to try out:
                         checked first, and each mistake shown with its JSON path
  --today <YYYY-MM-DD>   check as at 10:00 London time on that day
  --now <date-time>      check as at an exact moment, e.g. 2026-11-23T16:30:00Z
                         (default: the current time; give --today or --now, not both)
  --holidays <file>      a bank holidays feed in GOV.UK format
                         (https://www.gov.uk/bank-holidays.json) instead of the one built in
  --params <file>        a JSON file of the council's own settings for the pack,
                         e.g. {"assessmentWorkingDays": 10}
  --map <file>           the council's field map: the verdict its case system allows.
                         Facts the map never reads are left out of the record, and a step
                         that waits for one is "not checked with this case system" (listed,
                         never blocking) instead of "not read yet"
  --json                 print the result as JSON: { countdowns, findings, prompts, ready, ... }
  --prompts              list the practice prompts in the report
  --help, -h             show this help

Exit codes: 0 the check ran (whatever it found); 2 bad input (unknown option or
pack, a file that cannot be read, is not JSON, or is not a valid record or pack).`;

export interface CheckOptions {
  recordPath: string;
  packId: string | null;
  /** A council pack file to try out instead of a shipped pack. */
  packFile: string | null;
  today: string | null;
  now: string | null;
  holidaysPath: string | null;
  paramsPath: string | null;
  mapPath: string | null;
  json: boolean;
  prompts: boolean;
}

export type CheckCommand = { kind: 'help' } | ({ kind: 'check' } & CheckOptions);

const FIRST_YEAR = '1900';

/** Reads the command line (without node and script paths); pure. */
export function parseCheckArgs(argv: readonly string[]): { ok: true; command: CheckCommand } | { ok: false; error: string } {
  const parsed = parseArgs(argv, {
    valueFlags: ['pack', 'pack-file', 'today', 'now', 'holidays', 'params', 'map'],
    booleanFlags: ['json', 'prompts', 'help'],
    aliases: { h: 'help' },
  });
  if (!parsed.ok) return parsed;
  const { positionals, values, flags } = parsed.args;
  if (flags.help) return { ok: true, command: { kind: 'help' } };
  const [recordPath, ...extra] = positionals;
  if (recordPath === undefined) return { ok: false, error: 'no record file given' };
  if (extra.length > 0) return { ok: false, error: `unexpected extra argument "${extra[0] ?? ''}"` };
  if (values.pack !== undefined && !isPackId(values.pack)) {
    return { ok: false, error: `unknown pack "${values.pack}" (known packs: ${PACK_IDS.join(', ')})` };
  }
  if (values.pack !== undefined && values['pack-file'] !== undefined) return { ok: false, error: 'give --pack or --pack-file, not both' };
  if (values.today !== undefined && values.now !== undefined) return { ok: false, error: 'give --today or --now, not both' };
  if (values.today !== undefined && !isIsoDate(values.today)) {
    return { ok: false, error: `--today "${values.today}" is not a real date written YYYY-MM-DD` };
  }
  if (values.now !== undefined && !isIsoDateTime(values.now)) {
    return { ok: false, error: `--now "${values.now}" is not a date-time with an offset, e.g. 2026-11-23T16:30:00Z` };
  }
  // London's clock before 1900 was not GMT (local mean time), and no assessment was recorded then.
  const asAt = values.today ?? values.now;
  if (asAt !== undefined && asAt.slice(0, 4) < FIRST_YEAR) {
    return { ok: false, error: `${values.today !== undefined ? '--today' : '--now'} "${asAt}" is before ${FIRST_YEAR}: give a date from ${FIRST_YEAR} to 9999` };
  }
  return {
    ok: true,
    command: {
      kind: 'check',
      recordPath,
      packId: values.pack ?? null,
      packFile: values['pack-file'] ?? null,
      today: values.today ?? null,
      now: values.now ?? null,
      holidaysPath: values.holidays ?? null,
      paramsPath: values.params ?? null,
      mapPath: values.map ?? null,
      json: flags.json,
      prompts: flags.prompts,
    },
  };
}

const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** 10:00 London time on a date, as an ISO date-time with its offset (GMT or BST). */
export function tenAmLondon(date: string): string {
  for (const offset of ['+00:00', '+01:00']) {
    const iso = `${date}T10:00:00${offset}`;
    const p = Object.fromEntries(LONDON_HOUR.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
    if (`${p.year}-${p.month}-${p.day}` === date && p.hour === '10') return iso;
  }
  return `${date}T10:00:00Z`;
}

export interface CheckIo extends CliOutput {
  readFile(path: string): string;
  /** The current moment, for when neither --today nor --now is given. */
  now(): Date;
  /** Colour only on a terminal. */
  colour: boolean;
}

class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines[0]);
  }
}

function readText(path: string, io: CheckIo): string {
  try {
    return io.readFile(path);
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? (e as { code?: unknown }).code : undefined;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : e instanceof Error ? e.message : String(e);
    throw new InputError([`check: cannot read ${path}: ${reason}`]);
  }
}

function readJson(path: string, io: CheckIo): unknown {
  const text = readText(path, io);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError([`check: ${path} is not JSON (${e instanceof Error ? e.message : String(e)})`]);
  }
}

function loadRecord(path: string, io: CheckIo): AssessmentRecord {
  const parsed = parseRecord(readJson(path, io));
  if (parsed.ok) return parsed.record;
  throw new InputError([
    `check: ${path} is not a valid assessment record (schema single-assessment/v1). Problems:`,
    ...parsed.problems.map((p) => `  ${p.path}: ${p.message}`),
  ]);
}

function loadCalendar(path: string, io: CheckIo): { calendar: WorkingDayCalendar; note: string } {
  const feed = parseHolidayFeedText(readText(path, io));
  if (!feed.ok) {
    throw new InputError([`check: ${path} is not a valid bank holidays feed:`, ...feed.errors.map((p) => `  ${p.path}: ${p.message}`)]);
  }
  const calendar = createCalendar(feed.holidays.map((h) => h.date));
  const until = calendar.knownUntil ? `, known to ${formatLongDate(calendar.knownUntil)}` : '';
  const n = feed.holidays.length;
  return { calendar, note: `from ${path} (${n} bank ${n === 1 ? 'holiday' : 'holidays'}${until})` };
}

function choosePack(command: CheckOptions, record: AssessmentRecord, io: CheckIo): AnyPack {
  if (command.packFile) {
    const loaded = loadCouncilPackText(readText(command.packFile, io));
    if (!loaded.ok) {
      throw new InputError([`check: ${command.packFile} is not a valid council pack (docs/council-packs.md). Problems:`, ...loaded.errors.map((e) => `  ${e.path}: ${e.message}`)]);
    }
    return loaded.pack as unknown as AnyPack;
  }
  const id = command.packId ?? record.pack ?? 'derby';
  const pack = getPack(id);
  if (!pack) {
    throw new InputError([`check: the record names pack "${id}", which is not known (known packs: ${PACK_IDS.join(', ')}); use --pack`]);
  }
  return pack;
}

function loadParams(path: string, pack: AnyPack, io: CheckIo): Record<string, unknown> {
  const resolved = resolveParams(pack, readJson(path, io));
  if (resolved.ok) return resolved.params;
  throw new InputError([`check: ${path} does not fit the ${pack.id} pack's settings:`, ...resolved.problems.map((p) => `  ${p.path}: ${p.message}`)]);
}

function loadMap(path: string, io: CheckIo): FieldMap {
  const checked = validateFieldMapText(readText(path, io));
  if (checked.ok) return checked.map;
  const first = checked.errors[0];
  const n = checked.errors.length;
  throw new InputError([
    `check: ${path} is not a valid field map (${n} ${n === 1 ? 'problem' : 'problems'}${first ? `, first ${first.path}: ${first.message}` : ''}); npm run extract -- <page> --map ${path} lists them all`,
  ]);
}

/** Runs the command and returns the exit code. */
export function runCheck(argv: readonly string[], io: CheckIo): number {
  const parsed = parseCheckArgs(argv);
  if (!parsed.ok) {
    io.err(`check: ${parsed.error}. Try --help.`);
    return EXIT_USAGE;
  }
  const { command } = parsed;
  if (command.kind === 'help') {
    io.out(USAGE);
    return EXIT_OK;
  }
  try {
    const given = loadRecord(command.recordPath, io);
    const map = command.mapPath ? loadMap(command.mapPath, io) : null;
    // With a map, the record as that case system could give it: the verdict it allows.
    const asMapReads = map ? asThisMapReads(given, map) : null;
    const record = asMapReads?.record ?? given;
    const pack = choosePack(command, record, io);
    const params = command.paramsPath ? loadParams(command.paramsPath, pack, io) : undefined;
    const holidays = command.holidaysPath ? loadCalendar(command.holidaysPath, io) : null;
    const calendar = holidays?.calendar ?? defaultCalendar;
    const now = command.now ?? (command.today ? tenAmLondon(command.today) : io.now().toISOString());
    const evaluation = evaluate(record, pack, now, { calendar, ...(params ? { params } : {}), ...(map ? { reads: mapReads(map) } : {}) });
    const mapNote = map && asMapReads ? { id: map.id, version: map.version, file: command.mapPath ?? '', leftOut: asMapReads.dropped } : undefined;

    if (command.json) {
      io.out(reportJson({ evaluation, pack, record, ...(mapNote ? { map: mapNote } : {}) }).trimEnd());
      return EXIT_OK;
    }
    const overrides = command.paramsPath ? readJson(command.paramsPath, io) : null;
    const paramsNote =
      overrides && typeof overrides === 'object' && Object.keys(overrides).length > 0
        ? `${Object.entries(overrides)
            .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
            .join(', ')} (from ${command.paramsPath})`
        : undefined;
    const builtIn = defaultCalendar.knownUntil ? `built in (England and Wales, known to ${formatLongDate(defaultCalendar.knownUntil)})` : 'built in';
    io.out(
      formatReport({
        evaluation,
        record,
        pack,
        clockNote: command.today ? `--today ${command.today}, read as 10:00 London time` : command.now ? `--now ${command.now}` : 'now',
        calendarNote: holidays?.note ?? builtIn,
        paramsNote,
        ...(mapNote ? { map: mapNote } : {}),
        colour: io.colour,
        showPrompts: command.prompts,
      }).trimEnd(),
    );
    return EXIT_OK;
  } catch (e) {
    if (e instanceof InputError) {
      for (const line of e.lines) io.err(line);
      return EXIT_USAGE;
    }
    throw e;
  }
}

if (isMainModule(import.meta.url)) {
  process.exitCode = runCheck(process.argv.slice(2), {
    ...processOutput,
    readFile: (path) => readFileSync(path, 'utf8'),
    now: () => new Date(),
    colour: process.stdout.isTTY === true && !process.env.NO_COLOR,
  });
}
