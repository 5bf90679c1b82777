// The field-map format: JSON a council's IT team writes by hand, no code. It says how
// to recognise an assessment page of their case system, which host section is which
// model section, and for each fact where it is, how to read it and how to parse it.
// Reference: docs/field-maps.md. This file is zod (background, options page, scripts);
// the content script's extractor only imports its types.

import { z } from 'zod';
import { FORM_SECTIONS } from '../model/sections';
import { jsonPath } from '../model/json-path';

export { jsonPath };
// The checks the shape cannot express live in map-checks.ts (validateFieldMap), the wording of every error in lib/model/json-errors.ts.
export { formatMapErrors, suggestFactPath, type MapError } from '../model/json-errors';

export const FIELD_MAP_FORMAT = 'assessment-companion/field-map/v1' as const;

import { MAP_LIMITS } from './map-limits';

export { MAP_LIMITS };

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

export const LOCATOR_KINDS = ['label', 'ariaLabel', 'labelledBy', 'legend', 'rowHeader', 'columnHeader', 'term', 'text', 'css'] as const;

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
    /**
     * A piece of text with no `<label>` (a question in a question/answer row): the element
     * that follows it in the same row or container, which holds the answer or its control.
     */
    text: text.optional(),
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
const codeMap = <T extends z.ZodType>(value: T) =>
  z.record(z.string().max(200), value).refine((m) => Object.keys(m).length <= MAP_LIMITS.codes, { message: `expected at most ${MAP_LIMITS.codes} codes` });
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
  'exception-lines',
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
    z.strictObject({
      type: z.literal('seen-date'),
      formats: dateFormats,
      /**
       * Whether the child was seen alone: true or false for every visit this entry reads, or
       * where the page says so for this visit, e.g. a "Seen on own" Yes/No cell of the same row:
       * `{ "find": { "columnHeader": "Seen on own" } }` (read as yes/no; a blank answer is "not alone").
       */
      alone: z.union([
        z.boolean(),
        z.strictObject({ find: LocatorSchema, read: ReadSchema.optional(), map: codeMap(z.union([z.boolean(), z.null()])).optional() }),
      ]),
      pattern,
    }),
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
    /**
     * The exception lines the extension gave the worker ("Exception AC-…: reason. Step: …") or
     * the manager ("Exception AC-… accepted."), read from the case notes or a reason field:
     * only their codes are kept (facts `exceptions.recorded` and `exceptions.accepted`).
     */
    z.strictObject({ type: z.literal('exception-lines'), lines: z.enum(['recorded', 'accepted']) }),
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
    /** The section's part of the page as one row: a page holding one child's story or views (with personId { "subject": true }). */
    subject: z.literal(true).optional(),
  })
  .refine((r) => [r.table, r.fieldsets, r.css, r.subject].filter((v) => v !== undefined).length === 1, {
    message: 'expected exactly one of table, fieldsets, css, subject',
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
    /** The page's own person id (page.personId): the subject child of the page. */
    subject: z.literal(true).optional(),
    read: ReadSchema.optional(),
    pattern,
  })
  .superRefine((p, ctx) => {
    const n = [p.column, p.attribute, p.legend, p.heading, p.find, p.subject].filter((v) => v !== undefined).length;
    if (n !== 1) ctx.addIssue({ code: 'custom', message: 'expected exactly one of column, attribute, legend, heading, find, subject' });
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
    roles: z
      .record(z.string().max(200), RoleSchema)
      .refine((r) => Object.keys(r).length > 0, { message: 'expected at least one role' })
      .refine((r) => Object.keys(r).length <= MAP_LIMITS.roles, { message: `expected at most ${MAP_LIMITS.roles} roles` }),
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
  /**
   * Columns read for the caseload, so a manager's caseload lists every assessment in the
   * team's tray with its statutory clock before anyone opens it on her computer.
   */
  columns: z
    .strictObject({
      /** The assessment type: a `codes` parse to child-in-need, section-47, reassessment or pre-birth. */
      kind: z.strictObject({ column: text, parse: ParseSchema }).optional(),
      /** The referral date: a `date` parse. */
      referral: z.strictObject({ column: text, parse: ParseSchema }).optional(),
      /** The allocated worker, as the tray shows it (a member of staff's name: kept for the caseload). */
      worker: z.strictObject({ column: text }).optional(),
    })
    .optional(),
  note: z.string().max(2000).optional(),
});

/**
 * Where this case system records exceptions: the worker's panel tells her to record the
 * line it gives in `recordIn`, and the manager's to record her acceptance in `acceptIn`.
 * Field entries with an `exception-lines` parse read them back.
 */
export const ExceptionsPlaceSchema = z.strictObject({
  /** e.g. "the case notes box at the end of 2.3 Assessment plan". */
  recordIn: text.max(300),
  /** e.g. "the 'Exceptions accepted' box on 2.9 Manager's authorisation". */
  acceptIn: text.max(300),
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
  exceptions: ExceptionsPlaceSchema.optional(),
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
