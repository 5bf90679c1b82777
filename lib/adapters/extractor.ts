// The extractor: host page + field map → facts + provenance. Pure DOM code that runs
// in the content script (no zod: the map was validated by the background before it
// got here), in node with jsdom (tests, `npm run extract`) and on saved pages.
//
// Three states (assessment-model.md): a field found and filled gives its value, a
// field found and blank gives null, a field not on this page gives nothing at all.
// Narrative text is read only to derive facts (non-empty, quoted speech) and dropped.

import type { FactUpdate, FactValue } from '../model/facts';
import type { FormSection } from '../model/section-names';
import type {
  FieldEntry,
  FieldMap,
  FrameSpec,
  GroupEntry,
  GroupFieldEntry,
  IdSource,
  Locator,
  SectionEntry,
  TextMatch,
} from './field-map-schema';
import { all, attr, childElements, closest, documentUrl, localName } from './dom';
import {
  Finder,
  LocatorError,
  bodyRows,
  cellAt,
  collectDocs,
  columnsNamed,
  describeLocator,
  docsFor,
  frameElementMatches,
  startRead,
  type DocEntry,
  type FrameResolver,
} from './locate';
import { readElement } from './read';
import { compileRegex, norm, ownText, tidy, type MatchMode } from './text';
import { parseRaw, type Raw } from './values';

/** Where one fact was read (the shape of the model's ProvenanceSchema). */
export interface FactProvenance {
  /** URL path only: no query or fragment, which may carry a person's details. */
  page: string;
  section?: FormSection;
  /** How the element was found, e.g. `label "Date referral received"`. */
  locator: string;
  /** The map entry that found it: its id, or its JSON path in the map. */
  mapEntry?: string;
  readAt: string;
}

/** A map entry that found nothing on this page, or found something it could not read. */
export interface NotFound {
  /** The entry's id, or its JSON path in the map (e.g. `fields[12]`). */
  entry: string;
  /** The fact it was for: a generic path, or a concrete one in a group (`children[P1002].bedroomSeen`). */
  fact: string;
}

/** The same, with why: for `npm run extract` and the panel's inspect view. */
export interface NotFoundDetail extends NotFound {
  /** In plain words, never quoting the page. */
  reason: string;
}

export interface PageIdentity {
  mapId: string;
  caseSystem: string;
  assessmentId: string;
  personId?: string;
  /** The model section this page shows (the first, when it shows several). */
  section?: FormSection;
  /** Every model section this page shows; empty when it is an assessment page the map has no section for. */
  sections: FormSection[];
}

export interface ExtractResult extends PageIdentity {
  /** Concrete fact paths, in the map's order: e.g. `dates.referral`, `children[P1002].bedroomSeen`. */
  facts: FactUpdate[];
  /** Keyed by fact path. */
  provenance: Record<string, FactProvenance>;
  /** Entries that found nothing here (or nothing readable): `{ entry, fact }`. */
  notFound: NotFound[];
  /** The same entries with the reason for each, in the same order. */
  notFoundDetails: NotFoundDetail[];
}

export interface ExtractOptions {
  /**
   * Frames are read too by default (same-origin ones, and srcdoc). A function supplies a
   * frame's document (e.g. from a saved file; return undefined to fall back to the
   * default). `false` reads this document only: for a content script that runs in
   * every frame, where each frame reads itself.
   */
  frames?: FrameResolver | false;
  /**
   * Keeps what reads learn about the page's structure for the next read (with
   * `frames: false` only). See ReadCache.
   */
  cache?: ReadCache;
}

/** What a read learns about a document's structure: its documents, the locator indexes, its frames. */
interface Structure {
  doc: Document;
  map: FieldMap;
  docs: DocEntry[];
  finders: Map<Document | Element, Finder>;
  /** The page's iframe and frame elements, looked up once. */
  frameElements?: Element[];
  /** What each group row gave at the last read, while nothing in the row has changed (see ReadCache.touch). */
  rows?: WeakMap<Element, RowMemo>;
  /** When the row memos were started (they are dropped after ROW_MEMO_MS). */
  rowsSince?: number;
}

/** One group row's output, replayed while the row is unchanged. */
interface RowMemo {
  emits: [string, FactValue | null, FactProvenance][];
  misses: [string, string, string][];
}

/**
 * How long a row's memo may be replayed. Values set by a page's script without an event
 * are seen by no observer: rows are read in full again at least this often.
 */
const ROW_MEMO_MS = 5000;

/**
 * Lets one read reuse what the last read of the same document learnt about its structure
 * (the indexes of labels, headings, tables and legends; the frames), so a read after a
 * typed value changed only reads values. The caller must watch the page and call
 * `clear()` whenever its structure changes (nodes or text added or removed, or an
 * attribute a locator reads changed), as the content script's MutationObserver does.
 * Only used with `frames: false`: a frame's own changes are not seen from its parent.
 */
export class ReadCache {
  private held: Structure | undefined;
  /**
   * With `rows`, each group row's output is also kept and given again while the row is
   * unchanged: the caller must then also call touch() for every value that changes
   * (the content script does, from input and change events and value attributes).
   */
  readonly rows: boolean;

  constructor(options: { rows?: boolean } = {}) {
    this.rows = options.rows ?? false;
  }

  clear(): void {
    this.held = undefined;
  }

  /** @internal */
  reuse(doc: Document, map: FieldMap): Structure | undefined {
    const held = this.held;
    return held && held.doc === doc && held.map === map ? held : undefined;
  }

  /** @internal */
  keep(structure: Structure): void {
    this.held = structure;
  }

  /**
   * A value changed at this node (typing, a value attribute): the group row that holds it
   * is read again at the next read; every other row gives what it gave last time.
   */
  touch(node: Node | null): void {
    const rows = this.held?.rows;
    if (!rows) return;
    for (let n: Node | null = node; n; n = n.parentNode) if (rows.has(n as Element)) rows.delete(n as Element);
  }
}

// ---------------------------------------------------------------- context

interface Scope {
  entry: DocEntry;
  root: Document | Element;
}

interface Ctx {
  map: FieldMap;
  /** The URL without scheme and host: what the map's URL patterns are matched against. */
  rel: string;
  /** The URL path, for provenance. */
  page: string;
  docs: DocEntry[];
  finders: Map<Document | Element, Finder>;
  /** Frames are not read here (`frames: false`): each frame reads itself. */
  framesOff: boolean;
  structure: Structure;
  /** The caller keeps each row's output between reads and tells the cache which rows changed. */
  memoRows: boolean;
}

function splitUrl(url: string): { rel: string; page: string } {
  try {
    const u = new URL(url);
    return { rel: u.pathname + u.search + u.hash, page: u.pathname };
  } catch {
    const noOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
    return { rel: noOrigin, page: noOrigin.replace(/[?#].*$/, '') || '/' };
  }
}

function makeContext(doc: Document, url: string, map: FieldMap, options: ExtractOptions | undefined): Ctx {
  const { rel, page } = splitUrl(url);
  const frames = options?.frames;
  const cache = frames === false ? options?.cache : undefined;
  let structure = cache?.reuse(doc, map);
  if (!structure) {
    startRead();
    const docs = frames === false ? [{ doc, frame: null, label: undefined, idText: new Map<string, string>() }] : collectDocs(doc, frames);
    structure = { doc, map, docs, finders: new Map() };
    cache?.keep(structure);
  }
  return { map, rel, page: page.slice(0, 500), docs: structure.docs, finders: structure.finders, framesOff: frames === false, structure, memoRows: cache?.rows ?? false };
}

function finderFor(ctx: Ctx, scope: Scope): Finder {
  let f = ctx.finders.get(scope.root);
  if (!f) {
    f = new Finder(scope.entry, scope.root);
    ctx.finders.set(scope.root, f);
  }
  return f;
}

function textMatch(m: TextMatch): { text: string; mode: MatchMode } {
  return typeof m === 'string' ? { text: m, mode: 'exact' } : { text: m.text, mode: m.match ?? 'exact' };
}

function urlMatches(source: string, rel: string): boolean {
  return compileRegex(source)?.test(rel) ?? false;
}

function locate(ctx: Ctx, loc: Locator, scopes: readonly Scope[]): { el: Element; scope: Scope } | null {
  for (let i = 0; i < scopes.length; i++) {
    const scope = scopes[i] as Scope;
    const el = finderFor(ctx, scope).find(loc)[loc.nth ?? 0];
    if (el) return { el, scope };
  }
  return null;
}

/**
 * The documents a frame spec allows. Null when frames are not read here and the spec
 * names a frame this page has: that frame reads itself, so its fields are not missing here.
 */
function docsIn(ctx: Ctx, spec: FrameSpec | undefined): DocEntry[] | null {
  if (spec && ctx.framesOff && ctx.docs[0]) {
    // Once per read, not once per entry: each lookup walks the whole page (35,000 elements on a long chronology).
    const frames = (ctx.structure.frameElements ??= all(ctx.docs[0].doc, 'iframe, frame'));
    if (frames.some((frame) => frameElementMatches(frame, spec))) return null;
  }
  return docsFor(ctx.docs, spec);
}

function rootScopes(docs: readonly DocEntry[] | null): Scope[] | null {
  return docs ? docs.map((entry) => ({ entry, root: entry.doc })) : null;
}

// Ids become part of fact paths (`children[<id>]`): plain characters only.
const ID = /^[A-Za-z0-9._:-]{1,100}$/;

function cleanId(text: string | null | undefined, pattern: string | undefined): { id: string } | { reason: string } | null {
  if (text === null || text === undefined) return null;
  let t = tidy(text);
  if (t === '') return null;
  if (pattern !== undefined) {
    const m = compileRegex(pattern)?.exec(t);
    if (!m) return { reason: 'the text does not match the id pattern' };
    t = tidy(m[1] ?? m[0]);
  }
  return ID.test(t) ? { id: t } : { reason: 'not an id of letters, digits, ".", "_", ":" or "-"' };
}

function readId(ctx: Ctx, src: IdSource): { id: string; how: string } | null {
  if (src.url !== undefined) {
    const m = compileRegex(src.url)?.exec(ctx.rel);
    let raw = m ? (m[1] ?? null) : null;
    if (raw !== null) {
      try {
        raw = decodeURIComponent(raw);
      } catch {
        /* keep as written */
      }
    }
    const r = cleanId(raw, undefined);
    return r && 'id' in r ? { id: r.id, how: `url ${JSON.stringify(src.url)}` } : null;
  }
  if (!src.find) return null;
  let found: { el: Element; scope: Scope } | null = null;
  try {
    found = locate(ctx, src.find, rootScopes(docsIn(ctx, src.frame)) ?? []);
  } catch {
    return null;
  }
  if (!found) return null;
  const read = readElement(found.el, src.read ?? 'auto');
  if (!read.ok || typeof read.raw !== 'string') return null;
  const r = cleanId(read.raw, src.pattern);
  return r && 'id' in r ? { id: r.id, how: describeLocator(src.find) } : null;
}

interface Identified extends PageIdentity {
  matched: SectionEntry[];
  personHow?: string;
}

function identify(ctx: Ctx): Identified | null {
  const { map } = ctx;
  if (!urlMatches(map.page.url, ctx.rel)) return null;
  const assessment = readId(ctx, map.page.assessmentId);
  if (!assessment) return null;
  const person = map.page.personId ? readId(ctx, map.page.personId) : null;
  const matched = map.sections.filter((s) => {
    if (s.url !== undefined && !urlMatches(s.url, ctx.rel)) return false;
    if (s.heading === undefined) return true;
    const { text, mode } = textMatch(s.heading);
    return (rootScopes(docsIn(ctx, s.frame)) ?? []).some((scope) => finderFor(ctx, scope).headings(text, mode).length > 0);
  });
  const sections = [...new Set(matched.map((s) => s.id))];
  const out: Identified = { mapId: map.id, caseSystem: map.caseSystem, assessmentId: assessment.id, sections, matched };
  if (sections[0]) out.section = sections[0];
  if (person) {
    out.personId = person.id;
    out.personHow = person.how;
  }
  return out;
}

/** The parts of the page a section's entries are looked for in; null when they are all in frames that read themselves. */
function sectionScopes(ctx: Ctx, matched: readonly SectionEntry[], section: FormSection, frame: FrameSpec | undefined): Scope[] | null {
  const out: Scope[] = [];
  let elsewhere = 0;
  let here = 0;
  for (const s of matched) {
    if (s.id !== section) continue;
    const docs = docsIn(ctx, frame ?? s.frame);
    if (!docs) {
      elsewhere++;
      continue;
    }
    here++;
    for (const entry of docs) {
      if (s.scope === undefined) {
        if (!out.some((o) => o.root === entry.doc)) out.push({ entry, root: entry.doc });
        continue;
      }
      let parts: Element[] = [];
      try {
        parts = all(entry.doc, s.scope);
      } catch {
        parts = [];
      }
      for (const root of parts) if (!out.some((o) => o.root === root)) out.push({ entry, root });
    }
  }
  return elsewhere > 0 && here === 0 ? null : out;
}

// ---------------------------------------------------------------- output

class Output {
  readonly values = new Map<string, FactValue | null>();
  readonly provenance = new Map<string, FactProvenance>();
  readonly notFound: NotFoundDetail[] = [];
  private memo: RowMemo | undefined;

  /** Keeps what is emitted from now on, for recorded(). */
  record(): void {
    this.memo = { emits: [], misses: [] };
  }

  recorded(): RowMemo {
    const memo = this.memo ?? { emits: [], misses: [] };
    this.memo = undefined;
    return memo;
  }

  emit(path: string, value: FactValue | null, where: FactProvenance): void {
    this.memo?.emits.push([path, value, where]);
    const had = this.values.get(path);
    if (had === undefined) {
      this.values.set(path, value);
      this.provenance.set(path, where);
    } else if (Array.isArray(had) && Array.isArray(value)) {
      // Several entries add to one list (seen dates from two columns).
      const keys = new Set(had.map((v) => JSON.stringify(v)));
      const merged = [...had] as unknown[];
      for (const v of value as unknown[]) if (!keys.has(JSON.stringify(v))) merged.push(v);
      this.values.set(path, merged as FactValue);
    } else if (had === null && value !== null) {
      this.values.set(path, value);
      this.provenance.set(path, where);
    }
  }

  miss(entry: string, fact: string, reason: string): void {
    this.memo?.misses.push([entry, fact, reason]);
    this.notFound.push({ entry: entry.slice(0, 200), fact: fact.slice(0, 200), reason: reason.slice(0, 300) });
  }
}

function equalValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

// ---------------------------------------------------------------- entries

interface EntryRun {
  ctx: Ctx;
  out: Output;
  now: Date;
  section: FormSection | undefined;
  /** Where to look; null when the entry's frame reads itself (nothing to report here). */
  scopes: Scope[] | null;
  /** Generic fact path → concrete one (adds the person id in a group). */
  concrete: (generic: string) => string;
  /** Extra words for the locator description (the row, the frame). */
  where: (scope: Scope) => string;
}

// A re-read runs every entry again: what depends only on the map or the clock is worked out once.
const blankSets = new WeakMap<readonly string[], Set<string>>();
function blankSet(words: readonly string[]): Set<string> {
  let set = blankSets.get(words);
  if (!set) {
    set = new Set(words.map(norm));
    blankSets.set(words, set);
  }
  return set;
}

let isoTime = Number.NaN;
let isoText = '';
function iso(now: Date): string {
  const t = now.getTime();
  if (t !== isoTime) {
    isoTime = t;
    isoText = now.toISOString();
  }
  return isoText;
}

function readEntry(run: EntryRun, entry: GroupFieldEntry | FieldEntry, entryId: string): void {
  const { ctx, out } = run;
  const scopes = run.scopes;
  if (!scopes) return;
  const fact = run.concrete(entry.fact);
  if (entry.when) {
    const have = out.values.get(run.concrete(entry.when.fact));
    if (have === undefined) return;
    if (entry.when.equals !== undefined && !equalValue(have, entry.when.equals)) return;
    if (entry.when.notEquals !== undefined && equalValue(have, entry.when.notEquals)) return;
  }
  let found: { el: Element; scope: Scope } | null;
  try {
    found = locate(ctx, entry.find, scopes);
  } catch (err) {
    out.miss(entryId, fact, err instanceof LocatorError ? err.message : 'the locator failed');
    return;
  }
  if (!found) {
    out.miss(entryId, fact, `nothing matched ${describeLocator(entry.find)}`);
    return;
  }
  const read = readElement(found.el, entry.read);
  if (!read.ok) {
    out.miss(entryId, fact, `${describeLocator(entry.find)} found an element, but ${read.reason}`);
    return;
  }
  let raw: Raw = read.raw;
  if (entry.blankWords && entry.blankWords.length > 0) {
    const blank = blankSet(entry.blankWords);
    if (typeof raw === 'string' && blank.has(norm(raw))) raw = null;
    else if (Array.isArray(raw)) raw = raw.filter((item) => !blank.has(norm(item)));
  }
  let time: { raw: Raw; part: NonNullable<GroupFieldEntry['time']> } | undefined;
  if (entry.time && raw !== null) {
    let t: { el: Element; scope: Scope } | null = null;
    try {
      t = locate(ctx, entry.time.find, scopes);
    } catch {
      t = null;
    }
    if (!t) {
      out.miss(entryId, fact, `nothing matched the time box ${describeLocator(entry.time.find)}`);
      return;
    }
    const tr = readElement(t.el, entry.time.read);
    time = { raw: tr.ok ? tr.raw : null, part: entry.time };
  }
  const parsed = parseRaw(raw, entry.parse, { nowYear: run.now.getUTCFullYear(), time });
  if (!parsed.ok) {
    out.miss(entryId, fact, `${describeLocator(entry.find)}: ${parsed.reason}`);
    return;
  }
  if (parsed.dropped) out.miss(entryId, fact, `${parsed.dropped} item(s) left out: not in the map's list (with no map, items must look like codes or ids)`);
  const provenance: FactProvenance = {
    page: ctx.page,
    ...(run.section ? { section: run.section } : {}),
    locator: (describeLocator(entry.find) + run.where(found.scope)).slice(0, 500),
    mapEntry: entryId.slice(0, 200),
    readAt: iso(run.now),
  };
  out.emit(fact, parsed.value, provenance);
}

/** Unconditional entries first, so a `when` can see what they read. */
function inOrder<T extends { when?: unknown }>(entries: readonly T[]): [T, number][] {
  const indexed = entries.map((e, i) => [e, i] as [T, number]);
  return [...indexed.filter(([e]) => !e.when), ...indexed.filter(([e]) => e.when)];
}

function frameWords(scope: Scope): string {
  return scope.entry.label ? ` in ${scope.entry.label}` : '';
}

// ---------------------------------------------------------------- groups

interface Row {
  el: Element;
  scope: Scope;
}

function rowsOf(ctx: Ctx, g: Pick<GroupEntry, 'rows'>, scopes: readonly Scope[]): { rows: Row[]; found: boolean; what: string } {
  const what = g.rows.table !== undefined
    ? `table ${JSON.stringify(textMatch(g.rows.table).text)}`
    : g.rows.fieldsets !== undefined
      ? `fieldsets ${JSON.stringify(textMatch(g.rows.fieldsets).text)}`
      : `css ${JSON.stringify(g.rows.css ?? '')}`;
  for (const scope of scopes) {
    const finder = finderFor(ctx, scope);
    let containers: Element[];
    let rows: Element[];
    if (g.rows.table !== undefined) {
      const { text, mode } = textMatch(g.rows.table);
      containers = finder.tables(text, mode);
      rows = containers.flatMap((t) => bodyRows(t));
    } else if (g.rows.fieldsets !== undefined) {
      const { text, mode } = textMatch(g.rows.fieldsets);
      containers = finder.matching('legend', text, mode);
      rows = containers;
    } else {
      try {
        containers = all(scope.root, g.rows.css ?? '');
      } catch {
        containers = [];
      }
      rows = containers;
    }
    if (containers.length > 0) return { rows: rows.map((el) => ({ el, scope })), found: true, what };
  }
  return { rows: [], found: false, what };
}

function rowPersonId(ctx: Ctx, g: Pick<GroupEntry, 'personId'>, row: Row): { id: string } | { reason: string } | null {
  const p = g.personId;
  let text: string | null = null;
  if (p.attribute !== undefined) {
    text = attr(row.el, p.attribute);
  } else if (p.legend) {
    const legend = childElements(row.el).find((c) => localName(c) === 'legend');
    text = legend ? ownText(legend) : null;
  } else if (p.heading) {
    const h = all(row.el, 'h1, h2, h3, h4, h5, h6, [role="heading"]')[0];
    text = h ? ownText(h) : null;
  } else {
    let el: Element | null | undefined;
    if (p.column !== undefined) {
      const table = closest(row.el, 'table');
      const col = table ? columnsNamed(table, p.column)[0] : undefined;
      el = col !== undefined ? cellAt(row.el, col) : null;
      // A cell spanning several columns is a placeholder row ("No people recorded."), not a person.
      if (el && Number(attr(el, 'colspan') ?? '1') > 1) return null;
    } else if (p.find) {
      try {
        el = finderFor(ctx, { entry: row.scope.entry, root: row.el }).find(p.find)[p.find.nth ?? 0];
      } catch {
        el = null;
      }
    }
    if (!el) return null;
    const read = readElement(el, p.read ?? 'auto');
    text = read.ok && typeof read.raw === 'string' ? read.raw : null;
  }
  return cleanId(text, p.pattern);
}

const roleTables = new WeakMap<object, Map<string, { group: 'children' | 'adults'; facts: [string, string | boolean | null][] }>>();

function roleTable(people: Exclude<GroupEntry['people'], string>) {
  let t = roleTables.get(people);
  if (!t) {
    t = new Map();
    for (const [word, role] of Object.entries(people.roles)) t.set(norm(word), { group: role.group, facts: Object.entries(role.facts ?? {}) });
    roleTables.set(people, t);
  }
  return t;
}

type GroupField = GroupEntry['fields'][number];

interface GroupFields {
  /** The group's index in its map (entry ids without an id of their own name it). */
  gi: number;
  /** Fields for children and for adults, in reading order, with their entry ids. */
  children: { field: GroupField; entryId: string }[];
  adults: { field: GroupField; entryId: string }[];
}

// The same for every row of a group, and for every read with the same map: worked out once.
const groupFields = new WeakMap<GroupEntry, GroupFields>();

function fieldsByGroup(g: GroupEntry, gi: number): GroupFields {
  let byGroup = groupFields.get(g);
  if (!byGroup || byGroup.gi !== gi) {
    byGroup = { gi, children: [], adults: [] };
    for (const [field, fi] of inOrder(g.fields)) {
      const entryId = field.id ?? `groups[${gi}].fields[${fi}]`;
      if (field.fact.startsWith('children[]')) byGroup.children.push({ field, entryId });
      if (field.fact.startsWith('adults[]')) byGroup.adults.push({ field, entryId });
    }
    groupFields.set(g, byGroup);
  }
  return byGroup;
}

function* readGroup(ctx: Ctx, out: Output, now: Date, g: GroupEntry, gi: number, matched: readonly SectionEntry[]): Generator<void, void> {
  const scopes = sectionScopes(ctx, matched, g.section, g.frame);
  if (!scopes) return;
  const groupEntry = g.id;
  const { rows, found, what } = rowsOf(ctx, g, scopes);
  if (!found) {
    out.miss(groupEntry, typeof g.people === 'string' ? `${g.people}[]` : 'children[] / adults[]', `no rows: nothing matched ${what} (right if this page has no such people)`);
    return;
  }
  const fields = fieldsByGroup(g, gi);
  const memos = rowMemos(ctx, now);
  // A chance to hand the thread back to the page between rows, and between a row's fields (see extractSteps).
  yield;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Row;
    const memo = memos?.get(row.el);
    if (memo) {
      replay(out, memo, iso(now));
    } else {
      if (memos) out.record();
      yield* readRow(ctx, out, now, g, row, fields, what);
      if (memos) memos.set(row.el, out.recorded());
    }
    yield;
  }
}

// The row memos of a read whose caller watches each row's values (ReadCache `rows`).
function rowMemos(ctx: Ctx, now: Date): WeakMap<Element, RowMemo> | undefined {
  if (!ctx.memoRows) return undefined;
  const s = ctx.structure;
  const t = now.getTime();
  if (!s.rows || s.rowsSince === undefined || t - s.rowsSince > ROW_MEMO_MS || t < s.rowsSince) {
    s.rows = new WeakMap();
    s.rowsSince = t;
  }
  return s.rows;
}

function replay(out: Output, memo: RowMemo, readAt: string): void {
  for (const [path, value, where] of memo.emits) out.emit(path, value, { ...where, readAt });
  for (const [entry, fact, reason] of memo.misses) out.miss(entry, fact, reason);
}

function* readRow(ctx: Ctx, out: Output, now: Date, g: GroupEntry, row: Row, fields: GroupFields, what: string): Generator<void, void> {
  const groupEntry = g.id;
  const pid = rowPersonId(ctx, g, row);
  if (pid === null) return; // a placeholder row ("No people recorded.")
  if ('reason' in pid) {
    out.miss(`${groupEntry}.personId`, typeof g.people === 'string' ? `${g.people}[]` : 'children[] / adults[]', `a row of ${what}: ${pid.reason}`);
    return;
  }
  const id = pid.id;
  const rowScope: Scope = { entry: row.scope.entry, root: row.el };
  const rowWords = ` in the row for ${id} of ${what}${frameWords(row.scope)}`;
  let group: 'children' | 'adults';
  if (typeof g.people === 'string') {
    group = g.people;
  } else {
    const roleFrom = g.people.roleFrom;
    let el: Element | undefined;
    try {
      el = finderFor(ctx, rowScope).find(roleFrom.find)[roleFrom.find.nth ?? 0];
    } catch {
      el = undefined;
    }
    const read = el ? readElement(el, roleFrom.read) : undefined;
    const word = read?.ok && typeof read.raw === 'string' ? read.raw : null;
    const role = word === null ? undefined : roleTable(g.people).get(norm(word));
    if (!role) {
      out.miss(
        `${groupEntry}.people`,
        `role of ${id}`,
        !el ? `nothing matched ${describeLocator(roleFrom.find)}${rowWords}` : word === null ? `the role is blank${rowWords}` : `the role is not one of the map's roles${rowWords}`,
      );
      return;
    }
    group = role.group;
    const locator = (describeLocator(roleFrom.find) + rowWords).slice(0, 500);
    for (let k = 0; k < role.facts.length; k++) {
      const fact = role.facts[k] as [string, string | boolean | null];
      out.emit(`${group}[${id}].${fact[0]}`, fact[1], { page: ctx.page, section: g.section, locator, mapEntry: `${groupEntry}.people`, readAt: iso(now) });
    }
  }
  const generic = `${group}[]`;
  const concrete = `${group}[${id}]`;
  const run: EntryRun = {
    ctx,
    out,
    now,
    section: g.section,
    scopes: [rowScope],
    concrete: (path) => (path.startsWith(generic) ? concrete + path.slice(generic.length) : path),
    where: () => rowWords,
  };
  const mine = fields[group];
  for (let k = 0; k < mine.length; k++) {
    const f = mine[k] as { field: GroupField; entryId: string };
    readEntry(run, f.field, f.entryId);
    if (k < mine.length - 1) yield;
  }
}

// ---------------------------------------------------------------- API

/**
 * Is this an assessment page the map recognises? Gives the assessment id, the
 * subject's person id (when the map says where it is) and the model sections shown;
 * null for any other page.
 */
export function identifyPage(doc: Document, url: string, map: FieldMap, options?: ExtractOptions): PageIdentity | null {
  const found = identify(makeContext(doc, url, map, options));
  if (!found) return null;
  const { matched: _matched, personHow: _personHow, ...identity } = found;
  return identity;
}

/**
 * Reads every fact the map places on this page. `now` stamps the provenance (tests pass
 * a fixed clock). Null when the page is not an assessment page the map recognises.
 */
export function extract(doc: Document, url: string, map: FieldMap, now: Date, options?: ExtractOptions): ExtractResult | null {
  const steps = extractSteps(doc, url, map, now, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** What a read in steps has found so far (the same object at every step; facts in reading order). */
export interface ReadSoFar {
  identity: PageIdentity;
  values: ReadonlyMap<string, FactValue | null>;
  provenance: ReadonlyMap<string, FactProvenance>;
}

/**
 * extract() one step at a time: it pauses after each group row and each field, so a
 * caller can hand the thread back to the page between slices of a large read (the page
 * reader does). Gives null at once for a page the map does not recognise. The page may
 * change between steps: a caller that sees a change reads again.
 */
export function* extractSteps(doc: Document, url: string, map: FieldMap, now: Date, options?: ExtractOptions): Generator<ReadSoFar, ExtractResult | null> {
  const ctx = makeContext(doc, url, map, options);
  const found = identify(ctx);
  if (!found) return null;
  const { matched, personHow, ...identity } = found;
  const out = new Output();
  const soFar: ReadSoFar = { identity, values: out.values, provenance: out.provenance };
  const readAt = iso(now);
  if (identity.personId !== undefined) {
    out.emit('personId', identity.personId, { page: ctx.page, locator: (personHow ?? 'page').slice(0, 500), mapEntry: 'page.personId', readAt });
  }
  const shown = new Set(identity.sections);
  const fields = map.fields ?? [];
  const groups = map.groups ?? [];
  yield soFar;
  // Groups first: a top-level `when` never needs them, and people come before their details in the output.
  // Each entry is on its own: one that fails is reported and the rest are still read.
  const failed = (entry: string, fact: string, err: unknown): void => out.miss(entry, fact, `the entry failed: ${err instanceof Error ? err.name : 'error'}`);
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi] as GroupEntry;
    if (!shown.has(g.section)) continue;
    const rows = readGroup(ctx, out, now, g, gi, matched);
    for (;;) {
      let step: IteratorResult<void>;
      try {
        step = rows.next();
      } catch (err) {
        failed(g.id, 'children[] / adults[]', err);
        break;
      }
      if (step.done) break;
      yield soFar;
    }
  }
  for (const [field, i] of inOrder(fields)) {
    if (field.section !== undefined && !shown.has(field.section)) continue;
    const run: EntryRun = {
      ctx,
      out,
      now,
      section: field.section,
      scopes: field.section === undefined ? rootScopes(docsIn(ctx, field.frame)) : sectionScopes(ctx, matched, field.section, field.frame),
      concrete: (p) => p,
      where: frameWords,
    };
    try {
      readEntry(run, field, field.id ?? `fields[${i}]`);
    } catch (err) {
      failed(field.id ?? `fields[${i}]`, field.fact, err);
    }
    yield soFar;
  }
  const facts: FactUpdate[] = [];
  const provenance: Record<string, FactProvenance> = {};
  out.values.forEach((value, path) => {
    facts.push({ path, value });
    const where = out.provenance.get(path);
    if (where) provenance[path] = where;
  });
  return {
    ...identity,
    facts,
    provenance,
    notFound: out.notFound.map(({ entry, fact }) => ({ entry, fact })),
    notFoundDetails: out.notFound,
  };
}

/**
 * The element a fact was read from, for "Show me" (searches frames too). Takes a
 * concrete path (`dates.referral`, `children[P1002].bedroomSeen`); null when this page
 * does not show it.
 */
export function locateField(doc: Document, map: FieldMap, factPath: string, options?: ExtractOptions & { url?: string }): Element | null {
  const el = locateElement(doc, map, factPath, options);
  if (!el) return null;
  // A table cell or dd holding one control: the control itself, so it can take focus.
  const name = localName(el);
  if (name === 'td' || name === 'th' || name === 'dd' || name === 'span' || name === 'div') {
    const controls = all(el, 'input:not([type="hidden"]), select, textarea');
    if (controls.length === 1 && controls[0]) return controls[0];
  }
  return el;
}

function locateElement(doc: Document, map: FieldMap, factPath: string, options?: ExtractOptions & { url?: string }): Element | null {
  const ctx = makeContext(doc, options?.url ?? documentUrl(doc), map, options);
  const found = identify(ctx);
  if (!found) return null;
  const shown = new Set(found.sections);
  const safely = (fn: () => Element | null | undefined): Element | null => {
    try {
      return fn() ?? null;
    } catch {
      return null;
    }
  };
  if (factPath === 'personId') {
    const src = map.page.personId;
    if (!src?.find) return null;
    const loc = src.find;
    return safely(() => locate(ctx, loc, rootScopes(docsIn(ctx, src.frame)) ?? [])?.el);
  }
  const person = /^(children|adults)\[([^\]]+)\]\.(.+)$/.exec(factPath);
  if (!person) {
    for (const f of map.fields ?? []) {
      if (f.fact !== factPath) continue;
      const section = f.section;
      if (section !== undefined && !shown.has(section)) continue;
      const scopes = section === undefined ? rootScopes(docsIn(ctx, f.frame)) : sectionScopes(ctx, found.matched, section, f.frame);
      const el = safely(() => locate(ctx, f.find, scopes ?? [])?.el);
      if (el) return el;
    }
    return null;
  }
  const [, groupName, id, rest] = person;
  const generic = `${groupName}[].${rest}`;
  for (const g of map.groups ?? []) {
    if (!shown.has(g.section)) continue;
    const entries = g.fields.filter((f) => f.fact === generic);
    const roleGives = typeof g.people !== 'string' && Object.values(g.people.roles).some((r) => r.group === groupName && r.facts && rest !== undefined && rest in r.facts);
    if (entries.length === 0 && !roleGives) continue;
    if (typeof g.people === 'string' && g.people !== groupName) continue;
    const { rows } = rowsOf(ctx, g, sectionScopes(ctx, found.matched, g.section, g.frame) ?? []);
    for (const row of rows) {
      const pid = rowPersonId(ctx, g, row);
      if (!pid || !('id' in pid) || pid.id !== id) continue;
      const rowScope: Scope = { entry: row.scope.entry, root: row.el };
      for (const f of entries) {
        const el = safely(() => locate(ctx, f.find, [rowScope])?.el);
        if (el) return el;
      }
      if (roleGives && typeof g.people !== 'string') {
        const roleFrom = g.people.roleFrom;
        const el = safely(() => locate(ctx, roleFrom.find, [rowScope])?.el);
        if (el) return el;
      }
      return row.el;
    }
  }
  return null;
}

export interface WorkTrayRow {
  assessmentId: string;
  row: Element;
  /** Where a badge for this assessment may be shown. */
  badgeCell: Element;
}

/**
 * The assessments listed on a work tray page, when the map describes one and this page
 * is it; null otherwise. Only ids are read: names in the tray are never touched.
 */
export function readWorkTray(doc: Document, url: string, map: FieldMap): WorkTrayRow[] | null {
  const tray = map.workTray;
  if (!tray) return null;
  const ctx = makeContext(doc, url, map, { frames: false });
  if (!urlMatches(tray.url, ctx.rel)) return null;
  const { rows } = rowsOf(ctx, { rows: tray.rows }, rootScopes(ctx.docs) ?? []);
  const out: WorkTrayRow[] = [];
  for (const row of rows) {
    const id = rowPersonId(ctx, { personId: tray.assessmentId }, row);
    if (!id || !('id' in id)) continue;
    const table = closest(row.el, 'table');
    const column = tray.badgeColumn !== undefined && table ? columnsNamed(table, tray.badgeColumn)[0] : undefined;
    const cells = childElements(row.el).filter((c) => localName(c) === 'td' || localName(c) === 'th');
    const badgeCell = (column !== undefined ? cellAt(row.el, column) : null) ?? cells[cells.length - 1] ?? row.el;
    out.push({ assessmentId: id.id, row: row.el, badgeCell });
  }
  return out;
}
