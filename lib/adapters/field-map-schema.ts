// The field-map format: JSON a council's IT team writes by hand, no code. It says how
// to recognise an assessment page of their case system, which host section is which
// model section, and for each fact where it is, how to read it and how to parse it.
// Reference: docs/field-maps.md. This file is zod (background, options page, scripts);
// the content script's extractor only imports its types.

import { z } from 'zod';
import { FORM_SECTIONS } from '../model/sections';
import { factSchema, knownFactPaths } from '../model/facts';
import { jsonPath } from '../model/json-path';

export { jsonPath };
import { compileFormat, isKnownTimeZone } from './date-format';
import { unsafeRegexReason } from './regex-check';

export const FIELD_MAP_FORMAT = 'assessment-companion/field-map/v1' as const;

const text = z.string().trim().min(1, { error: 'expected a non-empty text' });
const regexSource = text.max(500);
const section = z.enum(FORM_SECTIONS);

export const MATCH_MODES = ['exact', 'contains', 'starts', 'regex'] as const;
const matchMode = z.enum(MATCH_MODES);

/** A text to look for, optionally with how to compare it. */
export const TextMatchSchema = z.union([
  text,
  z.strictObject({ text, match: matchMode.optional() }),
]);

export const LOCATOR_KINDS = ['label', 'ariaLabel', 'labelledBy', 'legend', 'rowHeader', 'columnHeader', 'term', 'css'] as const;

/**
 * How to find one element. Exactly one kind, except `rowHeader` + `columnHeader`
 * together (a cell of a grid). Text is compared ignoring case, spaces, curly quotes
 * and a trailing ":" or "*"; `match` changes the comparison.
 */
export const LocatorSchema = z
  .strictObject({
    /** The text of a `<label>`: the control it names (`for`) or wraps. */
    label: text.optional(),
    /** An element's `aria-label`. */
    ariaLabel: text.optional(),
    /** The text of an element an `aria-labelledby` points to (any one of its ids, or all of them joined). */
    labelledBy: text.optional(),
    /** A fieldset's legend: the fieldset (a radio group or a group of checkboxes). */
    legend: text.optional(),
    /** A table row header (`th scope="row"`, or a `th` beside `td`s): the cell beside it, or the one under `columnHeader`. */
    rowHeader: text.optional(),
    /** A table column header (`th scope="col"` or in `thead`): the cell in that column (of the current row in a group). */
    columnHeader: text.optional(),
    /** A definition-list term (`dt`): its `dd`. */
    term: text.optional(),
    /** A CSS selector, as a last resort: markup changes break it more easily than text. */
    css: text.optional(),
    match: matchMode.optional(),
    /** Only in tables whose caption, aria-label or the heading just before it is this. */
    table: text.optional(),
    /** Which match to take when several match (0 = first, the default). */
    nth: z.int().min(0).max(1000).optional(),
  })
  .superRefine((loc, ctx) => {
    const kinds = LOCATOR_KINDS.filter((k) => loc[k] !== undefined);
    const grid = kinds.length === 2 && kinds.includes('rowHeader') && kinds.includes('columnHeader');
    if (kinds.length === 0) {
      ctx.addIssue({ code: 'custom', message: `expected one of the keys ${LOCATOR_KINDS.join(', ')}` });
    } else if (kinds.length > 1 && !grid) {
      ctx.addIssue({ code: 'custom', message: `expected only one of ${kinds.join(', ')} (only rowHeader and columnHeader go together)` });
    }
    if (loc.table !== undefined && loc.rowHeader === undefined && loc.columnHeader === undefined) {
      ctx.addIssue({ code: 'custom', path: ['table'], message: 'table only goes with rowHeader or columnHeader' });
    }
    if (loc.css !== undefined && loc.match !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['match'], message: 'match does not apply to css' });
    }
  });

export const READ_KINDS = [
  'auto',
  'value',
  'text',
  'option-text',
  'option-value',
  'radio-label',
  'radio-value',
  'checked',
  'checked-labels',
  'checked-values',
] as const;

/** How to read the element found. Or `{ "attribute": "data-code" }` for an attribute's value. */
export const ReadSchema = z.union([z.enum(READ_KINDS), z.strictObject({ attribute: text.max(100) })]);

/** Which same-origin frame to look in (otherwise the page and every frame are searched). */
export const FrameSchema = z
  .strictObject({
    title: text.optional(),
    name: text.optional(),
    /** A regular expression the iframe's src attribute must match. */
    src: regexSource.optional(),
  })
  .refine((f) => f.title !== undefined || f.name !== undefined || f.src !== undefined, {
    message: 'expected at least one of title, name, src',
  });

const dateFormats = z.array(text.max(60)).min(1, { error: 'expected at least one format, e.g. "dd/MM/yyyy"' }).max(20);
/** A regular expression with one capture group, applied to the text before parsing. */
const pattern = regexSource.optional();
const codeMap = <T extends z.ZodType>(value: T) => z.record(z.string().max(200), value);
const factScalar = z.union([z.string().max(100), z.boolean(), z.null()]);

export const PARSE_TYPES = [
  'date',
  'datetime',
  'seen-date',
  'yes-no',
  'yes-no-na',
  'codes',
  'list',
  'non-empty',
  'quoted-speech',
  'initials',
] as const;

export const ParseSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('date'), formats: dateFormats, pattern }),
    z.strictObject({
      type: z.literal('datetime'),
      formats: dateFormats,
      /** The zone the page shows times in: an IANA name (default Europe/London), "UTC" or "+01:00". */
      timeZone: text.max(60).optional(),
      pattern,
    }),
    /** A date the child was seen, as a `seenDates` visit `{ date, alone }`. */
    z.strictObject({ type: z.literal('seen-date'), formats: dateFormats, alone: z.boolean(), pattern }),
    z.strictObject({ type: z.literal('yes-no'), map: codeMap(z.union([z.boolean(), z.null()])).optional(), pattern }),
    z.strictObject({ type: z.literal('yes-no-na'), map: codeMap(z.union([z.enum(['yes', 'no', 'n/a']), z.null()])).optional(), pattern }),
    z.strictObject({
      type: z.literal('codes'),
      map: codeMap(factScalar).refine((m) => Object.keys(m).length > 0, { message: 'expected at least one code' }),
      /** The value for any text not in the map (otherwise such text is "unreadable"). */
      otherwise: factScalar.optional(),
      caseSensitive: z.boolean().optional(),
      pattern,
    }),
    z.strictObject({
      type: z.literal('list'),
      /** Host words → model codes; items not in the map are dropped and reported. */
      map: codeMap(z.union([z.string().max(100), z.null()])).optional(),
      /** Applied to each item. */
      pattern,
    }),
    z.strictObject({ type: z.literal('non-empty'), whenBlank: z.union([z.literal(false), z.null()]).optional() }),
    z.strictObject({
      type: z.literal('quoted-speech'),
      minWords: z.int().min(1).max(20).optional(),
      whenBlank: z.union([z.literal(false), z.null()]).optional(),
    }),
    z.strictObject({ type: z.literal('initials') }),
  ],
  { error: () => `expected one of ${PARSE_TYPES.join(', ')}` },
);

/** A second element holding the time, for a date-time split over two boxes. */
export const TimePartSchema = z.strictObject({
  find: LocatorSchema,
  read: ReadSchema.optional(),
  formats: dateFormats,
  /** When the time box is blank: take the start of the day, or skip the fact (the default). */
  whenBlank: z.enum(['start-of-day', 'skip']).optional(),
});

const conditionValue = z.union([z.string().max(100), z.boolean(), z.null()]);
export const WhenSchema = z
  .strictObject({ fact: text, equals: conditionValue.optional(), notEquals: conditionValue.optional() })
  .refine((w) => (w.equals === undefined) !== (w.notEquals === undefined), {
    message: 'expected exactly one of equals, notEquals',
  });

const entryId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, { error: 'expected an id of letters, digits, ".", "_", ":" or "-"' })
  .optional();

const fieldCommon = {
  /** A stable name for this entry, shown when it finds nothing. Defaults to its JSON path. */
  id: entryId,
  /** A generic fact path, e.g. `dates.referral` or (in a group) `children[].bedroomSeen`. */
  fact: text.max(200),
  find: LocatorSchema,
  read: ReadSchema.optional(),
  parse: ParseSchema.optional(),
  time: TimePartSchema.optional(),
  /** Texts that mean "blank" here, e.g. "-" or "Not recorded". */
  blankWords: z.array(z.string().max(100)).max(50).optional(),
  /** Read this entry only when another fact read on this page has (or has not) a value. */
  when: WhenSchema.optional(),
  note: z.string().max(2000).optional(),
};

export const FieldSchema = z.strictObject({
  ...fieldCommon,
  /** The model section the field is in. Leave it out for a fact every page of the assessment shows (a banner). */
  section: section.optional(),
  frame: FrameSchema.optional(),
});

export const GroupFieldSchema = z.strictObject(fieldCommon);

const IdSourceSchema = z
  .strictObject({
    /** A regular expression with one capture group, matched against the URL without scheme and host. */
    url: regexSource.optional(),
    find: LocatorSchema.optional(),
    read: ReadSchema.optional(),
    /** A regular expression with one capture group, applied to the text found. */
    pattern,
    frame: FrameSchema.optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.url === undefined) === (s.find === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'expected exactly one of url, find' });
    }
    if (s.url !== undefined && (s.read !== undefined || s.pattern !== undefined || s.frame !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'read, pattern and frame go with find, not url (put the capture group in url)' });
    }
  });

export const PageSchema = z.strictObject({
  /** A regular expression the URL (without scheme and host) must match for the page to be an assessment page. */
  url: regexSource,
  assessmentId: IdSourceSchema,
  personId: IdSourceSchema.optional(),
});

export const SectionSchema = z
  .strictObject({
    id: section,
    /** A regular expression matched against the URL without scheme and host. */
    url: regexSource.optional(),
    /** Text of a heading (h1–h6 or role=heading) the page or one of its frames shows. */
    heading: TextMatchSchema.optional(),
    /** CSS selector of the part of the page the section's fields are in (for pages that show several sections). */
    scope: text.optional(),
    frame: FrameSchema.optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((s) => s.url !== undefined || s.heading !== undefined, { message: 'expected url or heading (or both)' });

export const RowsSchema = z
  .strictObject({
    /** Body rows of the table with this caption, aria-label or heading just before it. */
    table: TextMatchSchema.optional(),
    /** Every fieldset whose legend matches. */
    fieldsets: TextMatchSchema.optional(),
    /** Every element the selector matches. */
    css: text.optional(),
  })
  .refine((r) => [r.table, r.fieldsets, r.css].filter((v) => v !== undefined).length === 1, {
    message: 'expected exactly one of table, fieldsets, css',
  });

export const PersonIdSchema = z
  .strictObject({
    /** The cell under this column header (its text, or its control's value). */
    column: text.optional(),
    /** An attribute of the row element, e.g. "data-person-id". */
    attribute: text.max(100).optional(),
    /** The row fieldset's legend, or the first heading inside the row (use with pattern). */
    legend: z.literal(true).optional(),
    heading: z.literal(true).optional(),
    /** Any element inside the row. */
    find: LocatorSchema.optional(),
    read: ReadSchema.optional(),
    pattern,
  })
  .superRefine((p, ctx) => {
    const n = [p.column, p.attribute, p.legend, p.heading, p.find].filter((v) => v !== undefined).length;
    if (n !== 1) ctx.addIssue({ code: 'custom', message: 'expected exactly one of column, attribute, legend, heading, find' });
    if ((p.legend || p.heading) && p.pattern === undefined) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'a legend or heading holds more than the id: give a pattern with one capture group' });
    }
  });

export const RoleSchema = z.strictObject({
  group: z.enum(['children', 'adults']),
  /** Facts of that person the role itself gives, e.g. { "isSubject": true } or { "role": "mother" }. */
  facts: z.record(text.max(100), factScalar).optional(),
});

export const PeopleSchema = z.union([
  z.enum(['children', 'adults']),
  z.strictObject({
    /** Where each row's role is (relative to the row). */
    roleFrom: z.strictObject({ find: LocatorSchema, read: ReadSchema.optional() }),
    /** Role words as the page shows them → which list the person joins and facts the role gives. */
    roles: z.record(z.string().max(200), RoleSchema).refine((r) => Object.keys(r).length > 0, { message: 'expected at least one role' }),
  }),
]);

export const GroupSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, { error: 'expected an id of letters, digits, ".", "_", ":" or "-"' }),
  section,
  frame: FrameSchema.optional(),
  rows: RowsSchema,
  personId: PersonIdSchema,
  /** Every row is a child, every row is an adult, or the role column decides. */
  people: PeopleSchema,
  /** Per-person fields; their locators are looked for inside each row. */
  fields: z.array(GroupFieldSchema).max(500),
  note: z.string().max(2000).optional(),
});

/** The list of assessments (a work tray): where each row's assessment id is, and where a badge may go. */
export const WorkTraySchema = z.strictObject({
  /** A regular expression the URL (without scheme and host) must match. */
  url: regexSource,
  /** The rows, one per assessment. */
  rows: RowsSchema,
  /** Where each row's assessment id is: a column, an attribute of the row, or an element in it. */
  assessmentId: PersonIdSchema,
  /** The column whose cell gets the badge; the row's last cell when left out. */
  badgeColumn: text.optional(),
  note: z.string().max(2000).optional(),
});

export const FieldMapSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(FIELD_MAP_FORMAT, { error: `expected "${FIELD_MAP_FORMAT}"` }),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'expected a lower-case id like "lcs-demo" (letters, digits, "-")' }),
  version: z.string().regex(/^\d+(\.\d+){0,2}$/, { error: 'expected a version like "1.0.0"' }),
  /** The case system's id; with the assessment id it keys the stored record, so keep it when the map's version changes. */
  caseSystem: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'expected a lower-case id like "lcs-demo" (letters, digits, "-")' }),
  description: text.max(2000),
  page: PageSchema,
  sections: z.array(SectionSchema).min(1, { error: 'expected at least one section' }).max(100),
  fields: z.array(FieldSchema).max(2000).optional(),
  groups: z.array(GroupSchema).max(100).optional(),
  workTray: WorkTraySchema.optional(),
});

export type FieldMap = z.infer<typeof FieldMapSchema>;
export type Locator = z.infer<typeof LocatorSchema>;
export type ReadKind = z.infer<typeof ReadSchema>;
export type Parse = z.infer<typeof ParseSchema>;
export type FrameSpec = z.infer<typeof FrameSchema>;
export type TextMatch = z.infer<typeof TextMatchSchema>;
export type FieldEntry = z.infer<typeof FieldSchema>;
export type GroupFieldEntry = z.infer<typeof GroupFieldSchema>;
export type GroupEntry = z.infer<typeof GroupSchema>;
export type WorkTray = z.infer<typeof WorkTraySchema>;
export type SectionEntry = z.infer<typeof SectionSchema>;
export type IdSource = z.infer<typeof IdSourceSchema>;
export type TimePart = z.infer<typeof TimePartSchema>;
export type PersonIdSource = z.infer<typeof PersonIdSchema>;
export type People = z.infer<typeof PeopleSchema>;
export type When = z.infer<typeof WhenSchema>;

// ---------------------------------------------------------------- validation

export interface MapError {
  /** JSON path into the map, e.g. `$.fields[12].parse.type`. */
  path: string;
  /** What was expected, in plain words. */
  message: string;
}

export type ValidateResult = { ok: true; map: FieldMap; warnings: MapError[] } | { ok: false; errors: MapError[] };


function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function isZodDefault(message: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized)/.test(message);
}

function expectedWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(', ');
  if (issue.code === 'invalid_type') return issue.expected === 'string' ? 'a text' : issue.expected === 'array' ? 'a list' : `an ${issue.expected}`;
  return 'something else';
}

/** zod's issues, in the words docs/field-maps.md uses; a union reports the branch the input came closest to. */
function friendly(issue: z.core.$ZodIssue, input: unknown, prefix: readonly PropertyKey[] = []): MapError[] {
  const path = [...prefix, ...issue.path];
  const one = (message: string): MapError[] => [{ path: jsonPath(path), message }];
  switch (issue.code) {
    case 'invalid_value':
      return one(`expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}`);
    case 'invalid_type': {
      const got = valueAt(input, path);
      const want = issue.expected === 'string' ? 'a text' : issue.expected === 'array' ? 'a list' : issue.expected;
      return one(got === undefined ? `missing: expected ${want}` : `expected ${want}, got ${typeName(got)}`);
    }
    case 'unrecognized_keys':
      return one(`unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (check the spelling against docs/field-maps.md)`);
    case 'invalid_union': {
      if ('discriminator' in issue && Array.isArray((issue as { options?: unknown[] }).options)) {
        return one(`expected one of ${(issue as { options: unknown[] }).options.map(String).join(', ')}`);
      }
      if (!isZodDefault(issue.message)) return one(issue.message);
      const branches = issue.errors.filter((b) => b.length > 0);
      // The branch whose first problem lies deepest is the one the writer meant.
      const depth = (b: z.core.$ZodIssue[]): number => Math.max(...b.map((i) => i.path.length));
      const best = [...branches].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
      if (best && depth(best) > 0) return best.flatMap((i) => friendly(i, input, path));
      return one(`expected ${branches.map((b) => (b[0] ? expectedWords(b[0]) : '')).filter((w) => w !== '').join(' or ')}`);
    }
    case 'too_small':
      if (!isZodDefault(issue.message)) return one(issue.message);
      if (issue.origin === 'array') return one(`expected at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`);
      if (issue.origin === 'string') return one('expected a non-empty text');
      return one(`expected at least ${String(issue.minimum)}`);
    case 'too_big':
      return one(issue.origin === 'string' ? `too long: at most ${String(issue.maximum)} characters` : `expected at most ${String(issue.maximum)}`);
    default:
      return one(issue.message);
  }
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** The known fact path nearest to a mistyped one (by edit distance, then by its last part). */
export function suggestFactPath(path: string, candidates: readonly string[] = knownFactPaths()): string | undefined {
  const lower = path.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = levenshtein(lower, c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  if (best !== undefined && bestScore <= Math.max(3, Math.floor(path.length / 3))) return best;
  // "bedroomSeen" alone, or with the wrong group: match on the last part.
  const last = lower.split('.').pop() ?? lower;
  return candidates.find((c) => (c.toLowerCase().split('.').pop() ?? '') === last);
}

function unknownFactMessage(path: string, candidates: readonly string[]): string {
  const concrete = /^(children|adults)\[[^\]]+\]\./.exec(path);
  if (concrete) {
    return `"${path}" names one person; a map uses the generic path "${path.replace(/\[[^\]]+\]/, '[]')}" in a group's fields`;
  }
  const hint = suggestFactPath(path, candidates);
  return `unknown fact path "${path}"${hint ? `; did you mean "${hint}"?` : ''} (the paths are listed in docs/field-maps.md)`;
}

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
      return [type([{ date: '2026-01-31', alone: parse.alone }])];
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
  }
}

const READS_BOOLEAN = new Set(['checked']);
const READS_LIST = new Set(['checked-labels', 'checked-values']);

interface EntryContext {
  entry: z.infer<typeof GroupFieldSchema>;
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
    if (entry.parse?.type !== 'datetime') e(['time'], 'time goes with parse "datetime"');
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

function checkPattern(source: string, at: (string | number)[], errors: MapError[]): void {
  const groups = regexGroups(source);
  if (groups === undefined) errors.push({ path: jsonPath(at), message: 'not a valid regular expression' });
  else if (unsafeRegexReason(source)) errors.push({ path: jsonPath(at), message: unsafeRegexReason(source) ?? '' });
  else if (groups < 1) errors.push({ path: jsonPath(at), message: 'expected a regular expression with one capture group ( … ) around the part to keep' });
}

function checkRegex(source: string, at: (string | number)[], errors: MapError[]): void {
  if (regexGroups(source) === undefined) errors.push({ path: jsonPath(at), message: 'not a valid regular expression' });
  else if (unsafeRegexReason(source)) errors.push({ path: jsonPath(at), message: unsafeRegexReason(source) ?? '' });
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

/**
 * Checks a field map: its shape, then what the shape cannot say (known fact paths,
 * parses that fit their facts, date formats, regular expressions, sections declared).
 * Errors carry the JSON path of the offending key and what was expected.
 */
export function validateFieldMap(input: unknown): ValidateResult {
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

function dedupe(errors: MapError[]): MapError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One line per error: `$.fields[12].parse.type: expected one of …`. */
export function formatMapErrors(errors: readonly MapError[]): string[] {
  return errors.map((e) => `${e.path}: ${e.message}`);
}

/** Parses JSON text and validates it; a JSON syntax error is reported at `$`. */
export function validateFieldMapText(json: string): ValidateResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    return { ok: false, errors: [{ path: '$', message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  return validateFieldMap(data);
}
