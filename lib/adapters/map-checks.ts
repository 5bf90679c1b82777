// Cross-checks of a field map: what its shape cannot say (known fact paths, parses that
// fit their facts, date formats, regular expressions, CSS selectors, declared sections,
// unique ids, conditions).

import { factSchema, knownFactPaths } from '../model/facts';
import { jsonPath } from '../model/json-path';
import { compileFormat, isKnownTimeZone } from './date-format';
import { unsafeRegexReason } from './regex-check';
import {
  FieldMapSchema,
  LOCATOR_KINDS,
  MAP_LIMITS,
  type FieldMap,
  type FrameSpec,
  type GroupFieldEntry,
  type IdSource,
  type Locator,
  type Parse,
  type ReadKind,
  type When,
} from './field-map-schema';
import { dedupe, friendly, unknownFactMessage, type MapError } from '../model/json-errors';

export type ValidateResult = { ok: true; map: FieldMap; warnings: MapError[] } | { ok: false; errors: MapError[] };

function regexGroups(source: string): number | undefined {
  try {
    return (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
  } catch {
    return undefined;
  }
}

interface Sample {
  value: unknown;
  /** Which key of the entry the value comes from, for the error's path. */
  from: (string | number)[];
}

/** What a parse gives, as sample values to test against the fact's schema. */
function sampleOutputs(parse: Parse | undefined, read: ReadKind | undefined): Sample[] | 'text' {
  const type = (value: unknown): Sample => ({ value, from: ['parse', 'type'] });
  const mapped = (value: unknown, key: string): Sample => ({ value, from: ['parse', 'map', key] });
  if (!parse) {
    if (read === 'checked') return [{ value: true, from: ['read'] }];
    if (read === 'checked-labels' || read === 'checked-values') return [{ value: [], from: ['read'] }];
    return 'text';
  }
  switch (parse.type) {
    case 'date':
      return [type('2026-01-31')];
    case 'datetime':
      return [type('2026-01-31T10:30:00+00:00')];
    case 'seen-date':
      return [type([{ date: '2026-01-31', alone: parse.alone === true }])];
    case 'yes-no':
      return [type(true), type(false), ...Object.entries(parse.map ?? {}).map(([k, v]) => mapped(v, k))];
    case 'yes-no-na':
      return [type('yes'), type('no'), type('n/a'), ...Object.entries(parse.map ?? {}).map(([k, v]) => mapped(v, k))];
    case 'codes':
      return [
        ...Object.entries(parse.map).map(([k, v]) => mapped(v, k)),
        ...(parse.otherwise !== undefined ? [{ value: parse.otherwise, from: ['parse', 'otherwise'] }] : []),
      ];
    case 'list':
      return [
        type([]),
        ...Object.entries(parse.map ?? {})
          .filter(([, v]) => v !== null)
          .map(([k, v]) => mapped([v], k)),
      ];
    case 'non-empty':
    case 'quoted-speech':
      return [type(true)];
    case 'initials':
      return [type('AB')];
    case 'exception-lines':
      return [type(parse.lines === 'recorded' ? ['7Q2M4A:parent-not-found'] : ['7Q2M4A'])];
  }
}

const READS_BOOLEAN = new Set(['checked']);
const READS_LIST = new Set(['checked-labels', 'checked-values']);

interface EntryContext {
  entry: GroupFieldEntry;
  at: (string | number)[];
  inGroup: 'children' | 'adults' | 'either' | undefined;
}

function checkEntry(ctx: EntryContext, errors: MapError[], known: ReadonlySet<string>, candidates: readonly string[]): void {
  const { entry, at } = ctx;
  const fact = entry.fact;
  const e = (path: (string | number)[], message: string): void => void errors.push({ path: jsonPath([...at, ...path]), message });
  const perPerson = /^(children|adults)\[\]\./.exec(fact);
  if (!known.has(fact)) {
    e(['fact'], unknownFactMessage(fact, candidates));
  } else if (ctx.inGroup === undefined && perPerson) {
    e(['fact'], `"${fact}" is a per-person fact: put it in a group's fields (groups say which rows are which person)`);
  } else if (ctx.inGroup !== undefined && !perPerson) {
    e(['fact'], `"${fact}" is not a per-person fact: a group's fields take children[]… or adults[]… paths; put it in $.fields`);
  } else if (ctx.inGroup !== undefined && ctx.inGroup !== 'either' && perPerson && perPerson[1] !== ctx.inGroup) {
    e(['fact'], `every row of this group is in ${ctx.inGroup}[], so "${fact}" would never be read`);
  } else {
    const schema = factSchema(fact);
    const samples = sampleOutputs(entry.parse, entry.read);
    if (samples === 'text') {
      e(['parse'], `missing: the text read needs a parse (e.g. ${suggestParse(fact)}) to become "${fact}"`);
    } else if (schema) {
      for (const sample of samples) {
        if (!schema.safeParse(sample.value).success) {
          e(sample.from, `gives ${JSON.stringify(sample.value)}, which "${fact}" cannot hold (try ${suggestParse(fact)})`);
          break;
        }
      }
    }
  }
  if (entry.parse) {
    const read = entry.read;
    if (typeof read === 'string' && READS_BOOLEAN.has(read) && !['yes-no', 'codes'].includes(entry.parse.type)) {
      e(['parse', 'type'], `read "checked" gives true/false: leave parse out, or use yes-no or codes ("true"/"false")`);
    }
    if (typeof read === 'string' && READS_LIST.has(read) && entry.parse.type !== 'list') {
      e(['parse', 'type'], `read "${read}" gives a list: use parse "list" (or leave parse out)`);
    }
    if ('formats' in entry.parse) {
      entry.parse.formats.forEach((f, i) => {
        const c = compileFormat(f);
        if (typeof c === 'string') e(['parse', 'formats', i], `${c}`);
        else if (entry.parse?.type === 'datetime' && !c.hasTime && !entry.time) {
          e(['parse', 'formats', i], 'a datetime format needs HH:mm (or give the time box in "time")');
        } else if (!c.hasDate) e(['parse', 'formats', i], 'expected a date format with day, month and year, e.g. "dd/MM/yyyy"');
      });
    }
    if (entry.parse.type === 'datetime' && entry.parse.timeZone !== undefined && !isKnownTimeZone(entry.parse.timeZone)) {
      e(['parse', 'timeZone'], `unknown time zone "${entry.parse.timeZone}": expected a name like "Europe/London", "UTC" or an offset like "+01:00"`);
    }
    if ('pattern' in entry.parse && entry.parse.pattern !== undefined) checkPattern(entry.parse.pattern, [...at, 'parse', 'pattern'], errors);
    // Privacy by construction: a list with neither could store whatever the page lists, names included.
    if (entry.parse.type === 'list' && entry.parse.map === undefined && entry.parse.pattern === undefined) {
      e(['parse'], 'a list without a "map" needs a "pattern" that picks out an id, e.g. "^(\\d+)$": otherwise names or other free text on the page could be stored');
    }
  }
  if (entry.time) {
    if (entry.parse?.type !== 'datetime' && entry.parse?.type !== 'seen-date') e(['time'], 'time goes with parse "datetime" or "seen-date"');
    entry.time.formats.forEach((f, i) => {
      const c = compileFormat(f);
      if (typeof c === 'string') e(['time', 'formats', i], c);
      else if (!c.hasTime || c.hasDate) e(['time', 'formats', i], 'expected a time format like "HH:mm"');
    });
  }
  checkLocatorRegex(entry.find, [...at, 'find'], errors);
  if (entry.time) checkLocatorRegex(entry.time.find, [...at, 'time', 'find'], errors);
}

function suggestParse(fact: string): string {
  const schema = factSchema(fact);
  if (!schema) return 'a parse';
  if (schema.safeParse('2026-01-31').success) return '{ "type": "date", "formats": ["dd/MM/yyyy"] }';
  if (schema.safeParse('2026-01-31T10:30:00+00:00').success) return '{ "type": "datetime", "formats": ["dd/MM/yyyy HH:mm"] }';
  if (schema.safeParse(true).success) return '{ "type": "yes-no" } or { "type": "non-empty" }';
  if (schema.safeParse('yes').success && schema.safeParse('n/a').success) return '{ "type": "yes-no-na" }';
  if (schema.safeParse([{ date: '2026-01-31', alone: true }]).success) return '{ "type": "seen-date", "formats": ["dd/MM/yyyy"], "alone": false }';
  if (schema.safeParse([]).success) return '{ "type": "list" }';
  return '{ "type": "codes", "map": { … } } with the model\'s codes';
}

// Validations (by their error list) that have already refused a pattern as unsafe: proving a
// pattern unsafe is the slowest check there is, so once the map is refused for one, the
// rest are not proved too (each is still checked to be a valid regular expression).
const refusedUnsafe = new WeakSet<MapError[]>();

function unsafeReason(source: string, errors: MapError[]): string | null {
  if (refusedUnsafe.has(errors)) return null;
  const reason = unsafeRegexReason(source);
  if (reason) refusedUnsafe.add(errors);
  return reason;
}

function checkPattern(source: string, at: (string | number)[], errors: MapError[]): void {
  const groups = regexGroups(source);
  const unsafe = groups === undefined ? null : unsafeReason(source, errors);
  if (groups === undefined) errors.push({ path: jsonPath(at), message: 'not a valid regular expression' });
  else if (unsafe) errors.push({ path: jsonPath(at), message: unsafe });
  else if (groups < 1) errors.push({ path: jsonPath(at), message: 'expected a regular expression with one capture group ( … ) around the part to keep' });
}

function checkRegex(source: string, at: (string | number)[], errors: MapError[]): void {
  const unsafe = regexGroups(source) === undefined ? 'not a valid regular expression' : unsafeReason(source, errors);
  if (unsafe) errors.push({ path: jsonPath(at), message: unsafe });
}

function checkLocatorRegex(loc: Locator, at: (string | number)[], errors: MapError[]): void {
  if (loc.match === 'regex') {
    for (const k of LOCATOR_KINDS) {
      const v = loc[k];
      if (v !== undefined && k !== 'css') checkRegex(v, [...at, k], errors);
    }
  }
  if (loc.css !== undefined) checkCss(loc.css, [...at, 'css'], errors);
}

function checkCss(selector: string, at: (string | number)[], errors: MapError[]): void {
  // Only where a DOM is at hand (options page, tests); the extractor also reports a bad selector.
  const doc = (globalThis as { document?: Document }).document;
  if (!doc) return;
  try {
    doc.createDocumentFragment().querySelector(selector);
  } catch {
    errors.push({ path: jsonPath(at), message: 'not a valid CSS selector' });
  }
}

function checkFrame(frame: FrameSpec | undefined, at: (string | number)[], errors: MapError[]): void {
  if (frame?.src !== undefined) checkRegex(frame.src, [...at, 'src'], errors);
}

function checkIdSource(src: IdSource | undefined, at: (string | number)[], errors: MapError[]): void {
  if (!src) return;
  if (src.url !== undefined) checkPattern(src.url, [...at, 'url'], errors);
  if (src.pattern !== undefined) checkPattern(src.pattern, [...at, 'pattern'], errors);
  if (src.find) checkLocatorRegex(src.find, [...at, 'find'], errors);
  checkFrame(src.frame, [...at, 'frame'], errors);
}

/**
 * An id read from the page's text (a heading, a label's answer) rather than its address: a
 * pattern that does not ask for a digit may take a word of it (a child's first name). The
 * reader takes such an id only when it has a digit (page-identity.ts); the map should say so.
 */
function idFromTextWarnings(map: FieldMap, warnings: MapError[]): void {
  for (const key of ['assessmentId', 'personId'] as const) {
    const src = map.page[key];
    if (!src?.find) continue;
    if (src.pattern !== undefined && /\\d|0-9/.test(src.pattern)) continue;
    warnings.push({
      path: jsonPath(['page', key, 'pattern']),
      message: `the ${key === 'assessmentId' ? 'assessment' : 'person'} id is read from the page's text: give a pattern that matches only an id, with its digits (e.g. "(SA-\\d+)"). Text without a digit is never taken as an id`,
    });
  }
}

function checkWhen(
  when: When | undefined,
  at: (string | number)[],
  inGroup: boolean,
  conditional: ReadonlySet<string>,
  known: ReadonlySet<string>,
  candidates: readonly string[],
  errors: MapError[],
): void {
  if (!when) return;
  const path = jsonPath([...at, 'when', 'fact']);
  if (!known.has(when.fact)) errors.push({ path, message: unknownFactMessage(when.fact, candidates) });
  else if (inGroup !== /^(children|adults)\[\]\./.test(when.fact)) {
    errors.push({ path, message: inGroup ? 'in a group, when names a fact of the same person (children[]… or adults[]…)' : 'outside a group, when names a fact that is not per-person' });
  } else if (conditional.has(when.fact)) {
    errors.push({ path, message: `"${when.fact}" is itself read only under a condition; when must name a fact read without one` });
  }
}

const count = (n: number) => n.toLocaleString('en-GB');

/** The length of a locator's text compared as a regular expression (its one text key). */
function regexTextLength(locator: object): number {
  return LOCATOR_KINDS.reduce((n, k) => {
    const v = (locator as Record<string, unknown>)[k];
    return n + (typeof v === 'string' && k !== 'css' ? v.length : 0);
  }, 0);
}

/**
 * The map's size against MAP_LIMITS, before anything else is checked: a map over them is
 * refused at once, each limit with the JSON path of what is over it. One walk over the
 * JSON, so even a map far too big is refused quickly.
 */
export function mapLimitErrors(input: unknown, characters: number): MapError[] {
  const errors: MapError[] = [];
  if (characters > MAP_LIMITS.characters) {
    errors.push({ path: '$', message: `the map is ${count(characters)} characters long; at most ${count(MAP_LIMITS.characters)} are allowed` });
  }
  if (typeof input !== 'object' || input === null) return errors;
  const root = input as { fields?: unknown; groups?: unknown };
  const lists: Array<{ at: (string | number)[]; length: number }> = [];
  if (Array.isArray(root.fields)) lists.push({ at: ['fields'], length: root.fields.length });
  if (Array.isArray(root.groups)) {
    root.groups.forEach((g, i) => {
      const fields = typeof g === 'object' && g !== null ? (g as { fields?: unknown }).fields : undefined;
      if (Array.isArray(fields)) lists.push({ at: ['groups', i, 'fields'], length: fields.length });
    });
  }
  let entries = 0;
  for (const list of lists) {
    entries += list.length;
    if (entries > MAP_LIMITS.entries) {
      errors.push({ path: jsonPath(list.at), message: `the map has ${count(lists.reduce((n, l) => n + l.length, 0))} entries (fields and group fields) in all; at most ${count(MAP_LIMITS.entries)} are allowed` });
      break;
    }
  }
  let patterns = 0;
  let patternCharacters = 0;
  let allCodes = 0;
  const over = { patterns: false, allCodes: false };
  const walk = (node: unknown, at: (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, [...at, i]));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const here = [...at, key];
      const isPattern = (typeof value === 'string' && (key === 'url' || key === 'src' || key === 'pattern')) || (key === 'match' && value === 'regex');
      if (isPattern) {
        patterns += 1;
        // A "regex" match counts the locator's text; url, src and pattern are the text.
        patternCharacters += typeof value === 'string' && key !== 'match' ? value.length : regexTextLength(node);
      }
      if (isPattern && !over.patterns && (patterns > MAP_LIMITS.patterns || patternCharacters > MAP_LIMITS.patternCharacters)) {
        over.patterns = true;
        errors.push({
          path: jsonPath(here),
          message: `the map's regular expressions go over the limit here: at most ${count(MAP_LIMITS.patterns)} are allowed, of ${count(MAP_LIMITS.patternCharacters)} characters in all`,
        });
      }
      const size = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value).length : 0;
      if (key === 'map' && size > 0) {
        if (size > MAP_LIMITS.codes) errors.push({ path: jsonPath(here), message: `this code list has ${count(size)} codes; at most ${count(MAP_LIMITS.codes)} are allowed in one list` });
        allCodes += size;
        if (allCodes > MAP_LIMITS.allCodes && !over.allCodes) {
          over.allCodes = true;
          errors.push({ path: jsonPath(here), message: `the map's code lists have more than ${count(MAP_LIMITS.allCodes)} codes in all by here; at most ${count(MAP_LIMITS.allCodes)} are allowed` });
        }
      }
      if (key === 'roles' && size > MAP_LIMITS.roles) errors.push({ path: jsonPath(here), message: `this group has ${count(size)} roles; at most ${count(MAP_LIMITS.roles)} are allowed` });
      if (key !== 'map' || size <= MAP_LIMITS.codes) walk(value, here);
    }
  };
  walk(input, []);
  return errors;
}

/** How long the map's JSON text is, for a map given as an object (policy). */
function jsonLength(input: unknown): number {
  try {
    return JSON.stringify(input)?.length ?? 0;
  } catch {
    return 0;
  }
}

/**
 * Checks a field map: its size (MAP_LIMITS), its shape, then what the shape cannot say
 * (known fact paths, parses that fit their facts, date formats, regular expressions,
 * sections declared). Errors carry the JSON path of the offending key and what was expected.
 */
export function validateFieldMap(input: unknown, characters = jsonLength(input)): ValidateResult {
  const limits = mapLimitErrors(input, characters);
  if (limits.length > 0) return { ok: false, errors: limits };
  const parsed = FieldMapSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((issue) => friendly(issue, input));
    // Unknown fact paths are the commonest mistake: name them even when the shape is wrong elsewhere.
    return { ok: false, errors: dedupe([...errors, ...factPathErrors(input)]) };
  }
  const map = parsed.data;
  const errors: MapError[] = [];
  const warnings: MapError[] = [];
  const candidates = knownFactPaths();
  const known = new Set(candidates);
  const declared = new Set(map.sections.map((s) => s.id));

  checkRegex(map.page.url, ['page', 'url'], errors);
  if (map.workTray) checkRegex(map.workTray.url, ['workTray', 'url'], errors);
  if (map.workTray?.assessmentId.pattern !== undefined) checkPattern(map.workTray.assessmentId.pattern, ['workTray', 'assessmentId', 'pattern'], errors);
  checkIdSource(map.page.assessmentId, ['page', 'assessmentId'], errors);
  checkIdSource(map.page.personId, ['page', 'personId'], errors);
  map.sections.forEach((s, i) => {
    if (s.url !== undefined) checkRegex(s.url, ['sections', i, 'url'], errors);
    if (typeof s.heading === 'object' && s.heading.match === 'regex') checkRegex(s.heading.text, ['sections', i, 'heading', 'text'], errors);
    if (s.scope !== undefined) checkCss(s.scope, ['sections', i, 'scope'], errors);
    checkFrame(s.frame, ['sections', i, 'frame'], errors);
  });

  const ids = new Map<string, string>();
  const noteId = (id: string | undefined, at: (string | number)[]): void => {
    if (id === undefined) return;
    const first = ids.get(id);
    if (first) errors.push({ path: jsonPath([...at, 'id']), message: `id "${id}" is already used at ${first}` });
    else ids.set(id, jsonPath(at));
  };

  const fields = map.fields ?? [];
  const topConditional = new Set(fields.filter((f) => f.when).map((f) => f.fact));
  fields.forEach((f, i) => {
    const at = ['fields', i];
    noteId(f.id, at);
    checkEntry({ entry: f, at, inGroup: undefined }, errors, known, candidates);
    if (f.section !== undefined && !declared.has(f.section)) errors.push({ path: jsonPath([...at, 'section']), message: `no entry in $.sections says where section "${f.section}" is` });
    checkFrame(f.frame, [...at, 'frame'], errors);
    checkWhen(f.when, at, false, topConditional, known, candidates, errors);
  });

  (map.groups ?? []).forEach((g, gi) => {
    const at: (string | number)[] = ['groups', gi];
    noteId(g.id, at);
    if (!declared.has(g.section)) errors.push({ path: jsonPath([...at, 'section']), message: `no entry in $.sections says where section "${g.section}" is` });
    checkFrame(g.frame, [...at, 'frame'], errors);
    if (g.rows.css !== undefined) checkCss(g.rows.css, [...at, 'rows', 'css'], errors);
    for (const key of ['table', 'fieldsets'] as const) {
      const m = g.rows[key];
      if (typeof m === 'object' && m.match === 'regex') checkRegex(m.text, [...at, 'rows', key, 'text'], errors);
    }
    if (g.rows.subject && !g.personId.subject) errors.push({ path: jsonPath([...at, 'personId']), message: 'rows { "subject": true } is the page\'s own person: give "personId": { "subject": true }' });
    if (g.personId.subject && !map.page.personId) errors.push({ path: jsonPath([...at, 'personId', 'subject']), message: 'the page\'s own person id is not read: give page.personId' });
    if (g.personId.pattern !== undefined) checkPattern(g.personId.pattern, [...at, 'personId', 'pattern'], errors);
    if (g.personId.find) checkLocatorRegex(g.personId.find, [...at, 'personId', 'find'], errors);
    let inGroup: 'children' | 'adults' | 'either';
    if (typeof g.people === 'string') {
      inGroup = g.people;
    } else {
      inGroup = 'either';
      checkLocatorRegex(g.people.roleFrom.find, [...at, 'people', 'roleFrom', 'find'], errors);
      for (const [word, role] of Object.entries(g.people.roles)) {
        for (const [key, value] of Object.entries(role.facts ?? {})) {
          const fact = `${role.group}[].${key}`;
          const path = jsonPath([...at, 'people', 'roles', word, 'facts', key]);
          if (!known.has(fact)) errors.push({ path, message: unknownFactMessage(fact, candidates) });
          else if (!factSchema(fact)?.safeParse(value).success) errors.push({ path, message: `${JSON.stringify(value)} is not a value "${fact}" can hold` });
        }
      }
    }
    const conditional = new Set(g.fields.filter((f) => f.when).map((f) => f.fact));
    g.fields.forEach((f, fi) => {
      const fat = [...at, 'fields', fi];
      noteId(f.id, fat);
      checkEntry({ entry: f, at: fat, inGroup }, errors, known, candidates);
      checkWhen(f.when, fat, true, conditional, known, candidates, errors);
    });
  });

  if (fields.length === 0 && (map.groups ?? []).length === 0) warnings.push({ path: '$', message: 'the map has no fields and no groups: it reads nothing' });
  idFromTextWarnings(map, warnings);
  return errors.length > 0 ? { ok: false, errors: dedupe(errors) } : { ok: true, map, warnings };
}

/** Fact-path mistakes in a map whose shape is otherwise wrong (best effort). */
function factPathErrors(input: unknown): MapError[] {
  if (typeof input !== 'object' || input === null) return [];
  const out: MapError[] = [];
  const candidates = knownFactPaths();
  const known = new Set(candidates);
  const look = (list: unknown, at: (string | number)[]): void => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, i) => {
      const fact = typeof entry === 'object' && entry !== null ? (entry as { fact?: unknown }).fact : undefined;
      if (typeof fact === 'string' && !known.has(fact)) out.push({ path: jsonPath([...at, i, 'fact']), message: unknownFactMessage(fact, candidates) });
    });
  };
  const root = input as { fields?: unknown; groups?: unknown };
  look(root.fields, ['fields']);
  if (Array.isArray(root.groups)) {
    root.groups.forEach((g, gi) => {
      if (typeof g === 'object' && g !== null) look((g as { fields?: unknown }).fields, ['groups', gi, 'fields']);
    });
  }
  return out;
}


/** Parses JSON text and validates it; a JSON syntax error is reported at `$`. */
export function validateFieldMapText(json: string): ValidateResult {
  // Far too long: refused before it is even parsed.
  if (json.length > MAP_LIMITS.characters) return { ok: false, errors: mapLimitErrors(undefined, json.length) };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    return { ok: false, errors: [{ path: '$', message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  return validateFieldMap(data, json.length);
}
