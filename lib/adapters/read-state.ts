// The state of one read: the documents read (the page and its frames), the locator
// indexes per part of the page, and what the read learnt about elements (PageMemo). A
// ReadCache lets the next read of an unchanged page start from it.

import type { FactValue } from '../model/facts';
import type { FormSection } from '../model/section-names';
import type { FactProvenance } from './provenance';
import type { FieldMap, FrameSpec, Locator, SectionEntry, TextMatch } from './field-map-schema';
import { all, frameElements, parentElement } from './dom';
import { Finder, collectDocs, docsFor, frameElementMatches, frameHasOwnAddress, type DocEntry, type FrameResolver } from './locate';
import { PageMemo } from './page-memo';
import { compileRegex, type MatchMode } from './text';
import { pageView } from './page-view';

export interface ExtractOptions {
  /**
   * Frames are read too by default (same-origin ones, and srcdoc). A function supplies a
   * frame's document (e.g. from a saved file; return undefined to fall back to the
   * default). `false` reads this document only: for a content script that runs in
   * every frame, where each frame reads itself. `'inline'` reads this document and its
   * frames with no address of their own (srcdoc, about:blank): their own reader sees
   * only "about:srcdoc" and cannot recognise the page, so the page holding them reads
   * them; frames with an address read themselves.
   */
  frames?: FrameResolver | false | 'inline';
  /**
   * Keeps what reads learn about the page's structure for the next read (with
   * `frames: false` or `'inline'` only). See ReadCache.
   */
  cache?: ReadCache;
}

/** What a read learns about a document's structure: its documents, the locator indexes, its frames. */
export interface Structure {
  doc: Document;
  map: FieldMap;
  docs: DocEntry[];
  finders: Map<Document | Element, Finder>;
  /** Table geometry and the fields inside cells, for this read (and reads of the same structure). */
  memo: PageMemo;
  /** The page's iframe and frame elements, looked up once. */
  frameElements?: Element[];
  /** Frames whose document could not be had. */
  unread: Element[];
  /** What each group row gave at the last read, while nothing in the row has changed (see ReadCache.touch). */
  rows?: WeakMap<Element, RowMemo>;
  /** When the row memos were started (they are dropped after ROW_MEMO_MS). */
  rowsSince?: number;
  /** Each group's rows, found once for this structure. */
  groupRows?: Map<object, { rows: { el: Element; scope: Scope }[]; found: boolean; what: string }>;
}

/** One group row's output, replayed while the row is unchanged. */
export interface RowMemo {
  emits: [string, FactValue | null, FactProvenance][];
  misses: [string, string, string][];
}

/**
 * How long a row's memo may be replayed. Values set by a page's script without an event
 * are seen by no observer: rows are read in full again at least this often.
 */
export const ROW_MEMO_MS = 5000;

/**
 * Lets one read reuse what the last read of the same document learnt about its structure
 * (the indexes of labels, headings, tables and legends; the frames), so a read after a
 * typed value changed only reads values. The caller must watch the page and call
 * `clear()` whenever its structure changes (nodes or text added or removed, or an
 * attribute a locator reads changed), as the content script's MutationObserver does.
 * Only used with `frames: false` or `'inline'`: a frame with an address of its own is
 * not watched from its parent. With `'inline'` the caller watches the documents
 * `documents()` gives too.
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

  /** The documents the last read looked in (the page, and frames it read itself). */
  documents(): Document[] {
    return this.held ? this.held.docs.map((d) => d.doc) : [];
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
    // Through the prototypes (parentElement from ./dom): a form's own properties can be shadowed by its fields.
    for (let n: Node | null = node; n; n = parentElement(n)) if (rows.has(n as Element)) rows.delete(n as Element);
  }
}


export interface Scope {
  entry: DocEntry;
  root: Document | Element;
}

/**
 * How far a read in steps has got: the rows of people and the other fields it has read, of
 * those it has found so far (a group's rows are counted when the group is reached).
 */
export interface ReadProgress {
  people: { done: number; total: number };
  fields: { done: number; total: number };
}

export interface Ctx {
  map: FieldMap;
  /** The URL without scheme and host: what the map's URL patterns are matched against. */
  rel: string;
  /** The URL path with the query parts the map uses (page-view.ts), for provenance. */
  page: string;
  docs: DocEntry[];
  finders: Map<Document | Element, Finder>;
  memo: PageMemo;
  /** The page's own person id, once identified: for groups of the subject child (personId { subject: true }). */
  subjectId?: string;
  /** Frames are not read here (`frames: false`): each frame reads itself. */
  framesOff: boolean;
  structure: Structure;
  /** The caller keeps each row's output between reads and tells the cache which rows changed. */
  memoRows: boolean;
  /** Counted as the read goes (extractSteps). */
  progress: ReadProgress;
}

function splitUrl(url: string, map: FieldMap): { rel: string; page: string } {
  try {
    const u = new URL(url);
    return { rel: u.pathname + u.search + u.hash, page: pageView(map, url, []).pagePath };
  } catch {
    const noOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
    return { rel: noOrigin, page: noOrigin.replace(/[?#].*$/, '') || '/' };
  }
}

export function makeContext(doc: Document, url: string, map: FieldMap, options: ExtractOptions | undefined): Ctx {
  const { rel, page } = splitUrl(url, map);
  const frames = options?.frames;
  const own = frames === false || frames === 'inline';
  const cache = own ? options?.cache : undefined;
  let structure = cache?.reuse(doc, map);
  if (!structure) {
    const { docs, unread } =
      frames === false
        ? { docs: [{ doc, frame: null, label: undefined, idText: new Map<string, string>() }], unread: [] }
        : frames === 'inline'
          ? collectDocs(doc, undefined, frameHasOwnAddress)
          : collectDocs(doc, frames);
    structure = { doc, map, docs, finders: new Map(), memo: new PageMemo(), unread };
    cache?.keep(structure);
  }
  return { map, rel, page: page.slice(0, 500), docs: structure.docs, finders: structure.finders, memo: structure.memo, framesOff: own, structure, memoRows: cache?.rows ?? false, progress: { people: { done: 0, total: 0 }, fields: { done: 0, total: 0 } } };
}

export function finderFor(ctx: Ctx, scope: Scope): Finder {
  let f = ctx.finders.get(scope.root);
  if (!f) {
    f = new Finder(scope.entry, scope.root, ctx.memo);
    ctx.finders.set(scope.root, f);
  }
  return f;
}

export function textMatch(m: TextMatch): { text: string; mode: MatchMode } {
  return typeof m === 'string' ? { text: m, mode: 'exact' } : { text: m.text, mode: m.match ?? 'exact' };
}

export function urlMatches(source: string, rel: string): boolean {
  return compileRegex(source)?.test(rel) ?? false;
}

export function locate(ctx: Ctx, loc: Locator, scopes: readonly Scope[]): { el: Element; scope: Scope } | null {
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
export function docsIn(ctx: Ctx, spec: FrameSpec | undefined): DocEntry[] | null {
  if (spec && ctx.framesOff && ctx.docs[0]) {
    // Once per read, not once per entry: each lookup walks the whole page (35,000 elements on a long chronology).
    const frames = (ctx.structure.frameElements ??= frameElements(ctx.docs[0].doc));
    // A frame read here (srcdoc) is looked in; one with its own address reads itself.
    if (frames.some((frame) => frameElementMatches(frame, spec) && !ctx.docs.some((d) => d.frame === frame))) return null;
  }
  return docsFor(ctx.docs, spec);
}

export function rootScopes(docs: readonly DocEntry[] | null): Scope[] | null {
  return docs ? docs.map((entry) => ({ entry, root: entry.doc })) : null;
}


/** The parts of the page a section's entries are looked for in; null when they are all in frames that read themselves. */
export function sectionScopes(ctx: Ctx, matched: readonly SectionEntry[], section: FormSection, frame: FrameSpec | undefined): Scope[] | null {
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


export function frameWords(scope: Scope): string {
  return scope.entry.label ? ` in ${scope.entry.label}` : '';
}

