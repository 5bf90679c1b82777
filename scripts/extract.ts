// npm run extract -- <page.html | folder> --map <map.json> [--frame <frame.html> ...] [--url <page URL>] [--pack derby] [--json | --record]
//
// Reads a saved page of the case system with a field map and prints the facts it
// yields (with the locator that found each) and the map entries that found nothing:
// the tool a council's IT team writes and checks its own map with. Nothing is sent
// anywhere; the page's scripts do not run.
//
// Frames: an iframe with srcdoc is read as it is. Other frames are given as files with
// --frame; each is matched to an iframe by `--frame "<src or title>=<file>"`, else by the
// iframe's title appearing in the file's <title>, else by the "saved from url" comment
// browsers write, else in order.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract, type ExtractResult } from '../lib/adapters/extractor';
import { formatMapErrors, type FieldMap, type MapError } from '../lib/adapters/field-map-schema';
import { validateFieldMapText } from '../lib/adapters/map-checks';
import { coverageReport, everySectionRead, mapReads, type CoverageReport } from '../lib/verdict/coverage';
import type { AssessmentRecord } from '../lib/model';
import { evaluate } from '../lib/rules/engine';
import { PACK_IDS, getPack } from '../lib/rules/packs';
import { recordFromReads } from '../lib/store/records';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, isMainModule, parseArgs, processOutput, type CliOutput } from './lib/args';

export const USAGE = `Usage: npm run extract -- <page.html | folder> --map <map.json> [--frame <frame.html> ...] [--url <page URL>] [--pack derby] [--json | --record]

  <page.html>        a page of the case system saved from the browser ("Save page as", HTML only)
  <folder>           every .html page in a folder, one line each: section, facts read, entries
                     that found nothing, values found but unreadable. Frames saved in the
                     same folder are matched to their pages by title or "saved from url". Each
                     page's address is its "saved from url" comment, else its entry in an
                     optional pages.json in the folder ({ "file.html": "https://…" })
  --map <file>       the field map (JSON) to test
  --frame <file>     a frame's page saved on its own; repeat for several frames.
                     "--frame <src or title>=<file>" says which iframe it is
  --url <address>    the address the page was saved from (default: the "saved from url"
                     comment in the file, if any); the map's URL patterns are matched against it
  --pack <id>        also print the map's coverage for a rule pack (${PACK_IDS.join(', ')}) on what
                     the page (or folder) gave: facts read, rules it can check, and each step
                     "not checked with this case system" with the fact it needs (the panel's list)
  --json             machine-readable output
  --record           print only the assessment record the extension would store from the page
                     (a folder: from all its pages, read in turn), as JSON that
                     "npm run check -- <record.json> --map <map.json>" accepts
  --help             this text

Exit codes: 0 facts read; 1 the map does not recognise the page; 2 bad arguments, an unreadable file or an invalid map.`;

interface FrameFile {
  file: string;
  /** The src or title given before "=", if any. */
  key?: string;
  html: string;
  doc: Document;
}

const SAVED_FROM = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i;

function quietConsole(): VirtualConsole {
  // CSS the page links to is not loaded; jsdom's complaints are noise here.
  return new VirtualConsole();
}

function parseHtml(html: string, url: string): Document {
  return new JSDOM(html, { url, virtualConsole: quietConsole() }).window.document;
}

function savedFrom(html: string): string | undefined {
  const m = SAVED_FROM.exec(html.slice(0, 2000));
  return m?.[1];
}

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

function norm(s: string): string {
  return s.replace(/[\s\u00A0]+/g, ' ').trim().toLowerCase();
}

/** Pairs iframes of the page with the frame files (see the header comment). */
function frameResolver(page: Document, frames: FrameFile[], inOrder = true): { resolve: (frame: Element) => Document | undefined; unmatched: string[] } {
  const iframes = [...page.querySelectorAll('iframe, frame')].filter((f) => !f.hasAttribute('srcdoc'));
  const pairs = new Map<Element, FrameFile>();
  const free = new Set(frames);
  const take = (test: (iframe: Element, frame: FrameFile) => boolean): void => {
    for (const iframe of iframes) {
      if (pairs.has(iframe)) continue;
      const hit = [...free].find((f) => test(iframe, f));
      if (hit) {
        pairs.set(iframe, hit);
        free.delete(hit);
      }
    }
  };
  const src = (iframe: Element): string => iframe.getAttribute('src') ?? '';
  const title = (iframe: Element): string => norm(iframe.getAttribute('title') ?? '');
  take((iframe, f) => f.key !== undefined && (f.key === src(iframe) || norm(f.key) === title(iframe)));
  take((iframe, f) => f.key === undefined && title(iframe) !== '' && norm(f.doc.title).includes(title(iframe)));
  take((iframe, f) => {
    const from = savedFrom(f.html);
    if (f.key !== undefined || !from || src(iframe) === '') return false;
    try {
      return new URL(src(iframe), page.URL).href === new URL(from).href;
    } catch {
      return false;
    }
  });
  if (inOrder) take((_iframe, f) => f.key === undefined);
  return { resolve: (frame) => pairs.get(frame)?.doc, unmatched: [...free].map((f) => f.file) };
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function printText(out: CliOutput, map: FieldMap, warnings: MapError[], result: ExtractResult, url: string, unmatched: string[]): void {
  out.out(`Map ${map.id} ${map.version} (case system ${map.caseSystem}): valid`);
  for (const w of formatMapErrors(warnings)) out.out(`  warning ${w}`);
  const where = [`assessment ${result.assessmentId}`];
  if (result.personId !== undefined) where.push(`person ${result.personId}`);
  where.push(result.sections.length > 0 ? `section${result.sections.length > 1 ? 's' : ''} ${result.sections.join(', ')}` : 'no section of the map (add one to $.sections)');
  out.out(`Page ${url}: ${where.join(', ')}`);
  for (const f of unmatched) out.out(`  note: frame file ${f} matched no iframe on the page`);
  out.out('');
  out.out(`Facts (${result.facts.length}):`);
  const width = Math.min(60, Math.max(0, ...result.facts.map((f) => `${f.path} = ${show(f.value)}`.length)));
  for (const f of result.facts) {
    const p = result.provenance[f.path];
    const left = `${f.path} = ${show(f.value)}`;
    out.out(`  ${left.padEnd(width)}  ← ${p?.locator ?? '?'}${p?.mapEntry ? ` [${p.mapEntry}]` : ''}`);
  }
  out.out('');
  if (result.notFoundDetails.length === 0) {
    out.out('Every map entry for this page found its field.');
  } else {
    out.out(`Found nothing (${result.notFoundDetails.length}):`);
    for (const n of result.notFoundDetails) out.out(`  ${n.entry}  ${n.fact}: ${n.reason}`);
  }
}

/** Bad input on the command line: one line, as every script says it. */
function usageError(message: string): string {
  return `extract: ${message}. Try --help.`;
}

/** Runs the command; returns the exit code. */
export function runExtract(argv: readonly string[], io: CliOutput = processOutput): number {
  // --frame may be repeated; the shared parser takes each value flag once, so frames are taken out first.
  const frameArgs: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--frame') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        io.err(usageError('--frame needs a value'));
        return EXIT_USAGE;
      }
      frameArgs.push(next);
      i++;
    } else if (a.startsWith('--frame=')) {
      frameArgs.push(a.slice('--frame='.length));
    } else {
      rest.push(a);
    }
  }
  const parsed = parseArgs(rest, { valueFlags: ['map', 'url', 'pack'], booleanFlags: ['json', 'record', 'help'], aliases: { h: 'help' } });
  if (!parsed.ok) {
    io.err(usageError(parsed.error));
    return EXIT_USAGE;
  }
  const { positionals, values, flags } = parsed.args;
  if (flags.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (flags.json && flags.record) {
    io.err(usageError('give --json or --record, not both'));
    return EXIT_USAGE;
  }
  if (positionals.length !== 1 || values.map === undefined) {
    io.err(usageError(positionals.length === 0 ? 'give the saved page' : positionals.length > 1 ? `one page at a time (got ${positionals.length})` : 'give the field map with --map'));
    return EXIT_USAGE;
  }
  const pageFile = positionals[0] ?? '';
  const fail = (message: string, errors?: MapError[]): number => {
    if (flags.json) io.out(JSON.stringify({ ok: false, error: message, ...(errors ? { errors } : {}) }, null, 2));
    else {
      io.err(message);
      for (const line of formatMapErrors(errors ?? [])) io.err(`  ${line}`);
    }
    return EXIT_USAGE;
  };

  let mapText: string;
  let pageHtml: string;
  try {
    mapText = readText(values.map);
  } catch {
    return fail(`cannot read the map file ${values.map}`);
  }
  const validated = validateFieldMapText(mapText);
  if (!validated.ok) return fail(`the map ${values.map} is not valid (${validated.errors.length} problem${validated.errors.length === 1 ? '' : 's'}):`, validated.errors);
  const map = validated.map;
  const pack = values.pack === undefined ? undefined : getPack(values.pack);
  if (values.pack !== undefined && !pack) return fail(`--pack ${values.pack} is not a rule pack: expected one of ${PACK_IDS.join(', ')}`);
  // Coverage on what the pages gave, evaluated as the panel evaluates it: the same list and count.
  const coverageOf = (record: AssessmentRecord): CoverageReport | undefined =>
    pack && coverageReport(map, pack, evaluate(record, pack, new Date(), { reads: mapReads(map) }));
  const output = { json: flags.json === true, record: flags.record === true, packId: values.pack };
  const isFolder = (() => {
    try {
      return statSync(pageFile).isDirectory();
    } catch {
      return false;
    }
  })();
  if (isFolder) return runFolder(io, pageFile, map, values.url, output, coverageOf);
  try {
    pageHtml = readText(pageFile);
  } catch {
    return fail(`cannot read the page ${pageFile}`);
  }

  const url = values.url ?? savedFrom(pageHtml) ?? pathToFileURL(resolve(pageFile)).href;
  try {
    new URL(url);
  } catch {
    return fail(`--url ${url} is not a web address (e.g. https://lcs.example.gov.uk/web/assessment/123)`);
  }
  const page = parseHtml(pageHtml, url);

  const frames: FrameFile[] = [];
  for (const arg of frameArgs) {
    const eq = arg.lastIndexOf('=');
    const key = eq > 0 ? arg.slice(0, eq) : undefined;
    const file = eq > 0 ? arg.slice(eq + 1) : arg;
    let html: string;
    try {
      html = readText(file);
    } catch {
      return fail(`cannot read the frame ${file}`);
    }
    const frameUrl = savedFrom(html) ?? pathToFileURL(resolve(file)).href;
    frames.push({ file: basename(file), ...(key !== undefined ? { key } : {}), html, doc: parseHtml(html, frameUrl) });
  }
  const { resolve: frameFor, unmatched } = frameResolver(page, frames);

  const result = extract(page, url, map, new Date(), { frames: (f) => frameFor(f) });
  if (!result) {
    const message = `the map ${map.id} does not recognise ${pageFile} as an assessment page at ${url}: check $.page.url and $.page.assessmentId${values.url === undefined ? ', or give the address with --url' : ''}`;
    if (flags.json) io.out(JSON.stringify({ ok: false, recognised: false, error: message }, null, 2));
    else io.err(message);
    return EXIT_FAILURE;
  }
  const read = storedRecord(map, [result], values.pack);
  if (flags.record) {
    io.out(JSON.stringify(read, null, 2));
    return EXIT_OK;
  }
  const coverage = coverageOf(read);
  if (flags.json) {
    io.out(
      JSON.stringify(
        {
          ok: true,
          map: { id: map.id, version: map.version, caseSystem: map.caseSystem },
          warnings: validated.warnings,
          url,
          unmatchedFrames: unmatched,
          ...result,
          // One list, with reasons, is clearer for a map writer than two.
          notFound: result.notFoundDetails,
          notFoundDetails: undefined,
          ...(coverage ? { coverage } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    printText(io, map, validated.warnings, result, url, unmatched);
    if (coverage) printCoverage(io, coverage, values.pack ?? '');
  }
  return EXIT_OK;
}

/** The record the extension would store from these reads (one assessment's pages, in turn). */
function storedRecord(map: FieldMap, results: readonly ExtractResult[], packId: string | undefined): AssessmentRecord {
  const first = results[0];
  const { record } = recordFromReads(map.caseSystem, first?.assessmentId ?? '', results.map((r) => ({ ...(r.personId !== undefined ? { personId: r.personId } : {}), facts: r.facts, provenance: r.provenance })));
  return packId ? { ...record, pack: packId } : record;
}

function printCoverage(out: CliOutput, c: CoverageReport, packId: string): void {
  out.out('');
  out.out(
    `Coverage for the ${packId} rules on what was read: ${c.factsRead.length} facts the map reads, ${c.checkable.length} rules checked in full, ${c.notCheckable.length} ${c.notCheckable.length === 1 ? 'step' : 'steps'} not checked with this case system.`,
  );
  out.out(`Facts the map reads: ${c.factsRead.join(', ')}`);
  if (c.notCheckable.length > 0) {
    out.out('Not checked with this case system (each waits for a fact the map never reads; the panel lists the same):');
    for (const r of c.notCheckable) out.out(`  ${r.ruleId}${r.subject ? ` (${r.subject})` : ''}  needs ${r.needs ?? '?'}`);
  }
}

/** Values found but not readable (a date in an unknown format), as against fields not found at all. */
function unreadable(result: ExtractResult): number {
  return result.notFoundDetails.filter((n) => n.fact !== '' && !/^(nothing matched|no rows)/.test(n.reason)).length;
}

interface FolderRow {
  page: string;
  recognised: boolean;
  sections: string[];
  facts: number;
  notFound: number;
  unreadable: number;
  details?: ExtractResult['notFoundDetails'];
}

/** Every saved page in a folder, one row each: a whole form checked in one run. */
function runFolder(
  io: CliOutput,
  folder: string,
  map: FieldMap,
  urlFlag: string | undefined,
  output: { json: boolean; record: boolean; packId: string | undefined },
  coverageOf: (record: AssessmentRecord) => CoverageReport | undefined,
): number {
  const json = output.json;
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => /\.html?$/i.test(n)).sort();
  } catch {
    io.err(`cannot read the folder ${folder}`);
    return EXIT_USAGE;
  }
  if (names.length === 0) {
    io.err(`no .html pages in ${folder}`);
    return EXIT_USAGE;
  }
  let addresses: Record<string, unknown> = {};
  try {
    addresses = JSON.parse(readText(join(folder, 'pages.json'))) as Record<string, unknown>;
  } catch {
    addresses = {};
  }
  const files: FrameFile[] = names.map((name) => {
    const file = join(folder, name);
    const html = readText(file);
    const listed = addresses[name];
    const url = savedFrom(html) ?? (typeof listed === 'string' ? listed : undefined) ?? urlFlag ?? pathToFileURL(resolve(file)).href;
    return { file: name, html, doc: parseHtml(html, url) };
  });
  const results: ExtractResult[] = [];
  const rows: FolderRow[] = files.map((f) => {
    const others = files.filter((o) => o !== f);
    const { resolve: frameFor } = frameResolver(f.doc, others, false);
    const result = extract(f.doc, f.doc.URL, map, new Date(), { frames: (el) => frameFor(el) });
    if (!result) return { page: f.file, recognised: false, sections: [], facts: 0, notFound: 0, unreadable: 0 };
    results.push(result);
    const bad = unreadable(result);
    return { page: f.file, recognised: true, sections: result.sections, facts: result.facts.length, notFound: result.notFoundDetails.length - bad, unreadable: bad, details: result.notFoundDetails };
  });
  const assessments = [...new Set(results.map((r) => r.assessmentId))];
  if (output.record && assessments.length > 1) {
    io.err(`extract: the pages in ${folder} show more than one assessment (${assessments.join(', ')}): put each assessment's pages in a folder of their own`);
    return EXIT_USAGE;
  }
  // Pages of several assessments make no one record: coverage is then worked out as if every section were read blank.
  const read = results.length > 0 && assessments.length === 1 ? storedRecord(map, results, output.packId) : undefined;
  if (output.record) {
    if (!read) {
      io.err(`extract: the map ${map.id} recognises none of the pages in ${folder}, so there is no record`);
      return EXIT_FAILURE;
    }
    io.out(JSON.stringify(read, null, 2));
    return EXIT_OK;
  }
  const report = read ? coverageOf(read) : coverageOf(everySectionRead(map));
  const coverage = report && { report, packId: output.packId ?? '' };
  if (json) {
    io.out(JSON.stringify({ ok: true, map: { id: map.id, version: map.version, caseSystem: map.caseSystem }, pages: rows, ...(coverage ? { coverage: coverage.report } : {}) }, null, 2));
  } else {
    const head = ['page', 'section', 'facts read', 'found nothing', 'unreadable'];
    const table = rows.map((r) => [r.page, r.recognised ? r.sections.join(', ') || '(none)' : 'not recognised', String(r.facts), String(r.notFound), String(r.unreadable)]);
    const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => (t[i] ?? '').length)));
    const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
    io.out(`Map ${map.id} ${map.version} (case system ${map.caseSystem}) over ${rows.length} page${rows.length === 1 ? '' : 's'} in ${folder}`);
    io.out('');
    io.out(line(head));
    for (const t of table) io.out(line(t));
    const problems = rows.filter((r) => (r.details ?? []).length > 0);
    if (problems.length > 0) {
      io.out('');
      for (const r of problems) {
        io.out(`${r.page}:`);
        for (const n of r.details ?? []) io.out(`  ${n.entry}  ${n.fact}: ${n.reason}`);
      }
    }
    if (coverage) printCoverage(io, coverage.report, coverage.packId);
  }
  return rows.some((r) => r.recognised) ? EXIT_OK : EXIT_FAILURE;
}

if (isMainModule(import.meta.url)) {
  process.exitCode = runExtract(process.argv.slice(2));
}
