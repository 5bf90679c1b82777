// Finding elements by what a person sees: label text, ARIA names, legends, table
// headers, definition terms; CSS as a last resort. Each kind of locator is indexed in
// one pass over its root the first time it is asked for, so a page of 400 fields costs
// a handful of querySelectorAll calls, not one search per field.

import type { FrameSpec, Locator } from './field-map-schema';
import {
  all,
  attr,
  byId,
  childElementCount,
  childElements,
  defaultView,
  documentUrl,
  frameDocument,
  frameElements,
  localName,
  nextElement,
  parentElement,
  previousElement,
} from './dom';
import type { PageMemo } from './page-memo';
import { bodyRows, cellAt, cellsOf, columnsNamed, isColumnHeader, isRowHeader, tableOf } from './tables';
import { compileRegex, norm, ownText, textTest, type MatchMode } from './text';

/** One document the extractor reads: the page itself or a same-origin frame. */
export interface DocEntry {
  doc: Document;
  /** The iframe/frame element that holds it (null for the page itself). */
  frame: Element | null;
  /** How the frame is described in provenance, e.g. `frame "Background, history and safety"`. */
  label: string | undefined;
  /** Texts of elements by id, for aria-labelledby (cached per read). */
  idText: Map<string, string>;
}

export type FrameResolver = (frame: Element) => Document | null | undefined;

const LABELABLE = 'input:not([type="hidden"]), select, textarea, button, meter, output, progress';

function isLabelable(el: Element): boolean {
  const name = localName(el);
  if (name === 'input') return (attr(el, 'type') ?? '').toLowerCase() !== 'hidden';
  return name === 'select' || name === 'textarea' || name === 'button' || name === 'meter' || name === 'output' || name === 'progress';
}

function push(index: Map<string, Element[]>, key: string, el: Element): void {
  if (key === '') return;
  const list = index.get(key);
  // Elements are indexed in document order, so a repeat can only be the last one pushed.
  if (list) {
    if (list[list.length - 1] !== el) list.push(el);
  } else index.set(key, [el]);
}

function idTextOf(entry: DocEntry, id: string): string {
  let t = entry.idText.get(id);
  if (t === undefined) {
    const el = byId(entry.doc, id);
    t = el ? norm(ownText(el)) : '';
    entry.idText.set(id, t);
  }
  return t;
}

/** The names a table is known by: caption, aria-label, aria-labelledby, the heading just before it. */
function tableNames(table: Element, entry: DocEntry): string[] {
  const names: string[] = [];
  const caption = childElements(table).find((c) => localName(c) === 'caption');
  if (caption) names.push(norm(ownText(caption)));
  const label = attr(table, 'aria-label');
  if (label) names.push(norm(label));
  const by = attr(table, 'aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) names.push(idTextOf(entry, id));
  // The heading just before it (or before its wrapper), as LCS-style pages often have no caption.
  let node: Element | null = table;
  for (let level = 0; level < 3 && node; level++) {
    let prev = previousElement(node);
    for (let steps = 0; prev && steps < 3; steps++) {
      const n = localName(prev);
      if (/^h[1-6]$/.test(n) || attr(prev, 'role') === 'heading') {
        names.push(norm(ownText(prev)));
        return names.filter((x) => x !== '');
      }
      if (n === 'table') break;
      prev = previousElement(prev);
    }
    if (previousElement(node)) break;
    node = parentElement(node);
  }
  return names.filter((x) => x !== '');
}

// ---------------------------------------------------------------- finder

type IndexKind = 'label' | 'ariaLabel' | 'labelledBy' | 'legend' | 'term' | 'rowHeader' | 'columnHeader' | 'heading' | 'table' | 'text';

export class LocatorError extends Error {}

/** Finds elements inside one root (a document, a section's part of it, or one row of a group). */
export class Finder {
  private readonly indexes = new Map<IndexKind, Map<string, Element[]>>();
  /** What each locator found, for the life of this finder (one read, or reads of an unchanged page). */
  private readonly found = new Map<Locator, Element[]>();

  constructor(
    readonly entry: DocEntry,
    readonly root: Document | Element,
    readonly memo: PageMemo,
  ) {}

  private index(kind: IndexKind): Map<string, Element[]> {
    let index = this.indexes.get(kind);
    if (index) return index;
    index = new Map();
    this.indexes.set(kind, index);
    const { root, entry } = this;
    switch (kind) {
      case 'label': {
        const labels = all(root, 'label');
        for (let i = 0; i < labels.length; i++) {
          const label = labels[i] as Element;
          const key = norm(ownText(label));
          const forId = attr(label, 'for');
          const target = forId !== null ? byId(entry.doc, forId) : (all(label, LABELABLE)[0] ?? null);
          if (target && isLabelable(target)) push(index, key, target);
        }
        break;
      }
      case 'ariaLabel':
        for (const el of all(root, '[aria-label]')) push(index, norm(attr(el, 'aria-label') ?? ''), el);
        break;
      case 'labelledBy': {
        // Built for each row of a group that is read by labelledBy: plain loops, few allocations.
        const els = all(root, '[aria-labelledby]');
        for (let i = 0; i < els.length; i++) {
          const el = els[i] as Element;
          const ids = (attr(el, 'aria-labelledby') ?? '').split(/\s+/);
          let named = 0;
          let joined = '';
          for (let k = 0; k < ids.length; k++) {
            const id = ids[k] as string;
            if (id === '') continue;
            const t = idTextOf(entry, id);
            push(index, t, el);
            named++;
            if (t !== '') joined = joined === '' ? t : `${joined} ${t}`;
          }
          if (named > 1) push(index, joined, el);
        }
        break;
      }
      case 'legend':
        for (const fs of all(root, 'fieldset')) {
          const legend = childElements(fs).find((c) => localName(c) === 'legend');
          if (legend) push(index, norm(ownText(legend)), fs);
        }
        break;
      case 'term':
        for (const dt of all(root, 'dt')) {
          const dd = nextDd(dt);
          if (dd) push(index, norm(ownText(dt)), dd);
        }
        break;
      case 'rowHeader':
      case 'columnHeader': {
        const rows = new Map<string, Element[]>();
        const cols = new Map<string, Element[]>();
        const ths = all(root, 'th');
        for (let i = 0; i < ths.length; i++) {
          const th = ths[i] as Element;
          const key = norm(ownText(th));
          if (isRowHeader(this.memo, th)) push(rows, key, th);
          else if (isColumnHeader(this.memo, th)) push(cols, key, th);
        }
        this.indexes.set('rowHeader', rows);
        this.indexes.set('columnHeader', cols);
        return kind === 'rowHeader' ? rows : cols;
      }
      case 'heading':
        for (const h of all(root, 'h1, h2, h3, h4, h5, h6, [role="heading"]')) push(index, norm(ownText(h)), h);
        break;
      case 'text': {
        // Pieces of text a person reads as a question: small elements holding text and no field.
        const els = all(root, TEXT_HOLDERS);
        for (let i = 0; i < els.length; i++) {
          const el = els[i] as Element;
          if (childElementCount(el) > 3 || all(el, FIELD_TAGS).length > 0) continue;
          push(index, norm(ownText(el)), el);
        }
        break;
      }
      case 'table':
        for (const t of all(root, 'table')) for (const name of tableNames(t, entry)) push(index, name, t);
        break;
    }
    return index;
  }

  /** Elements of an index whose text passes the test, in the order they were indexed. */
  matching(kind: IndexKind, text: string, mode: MatchMode = 'exact'): Element[] {
    const index = this.index(kind);
    if (mode === 'exact') return index.get(norm(text)) ?? [];
    const test = textTest(text, mode);
    const out: Element[] = [];
    for (const [key, els] of index) if (test(key)) for (const el of els) if (!out.includes(el)) out.push(el);
    return out;
  }

  headings(text: string, mode: MatchMode = 'exact'): Element[] {
    return this.matching('heading', text, mode);
  }

  tables(text: string, mode: MatchMode = 'exact'): Element[] {
    return this.matching('table', text, mode);
  }

  /** Every element a locator matches here, in document order of discovery. Throws LocatorError for a bad selector. */
  find(loc: Locator): Element[] {
    // CSS may match on anything (a class set as the worker types): always asked afresh.
    const byText =
      loc.label !== undefined || loc.ariaLabel !== undefined || loc.labelledBy !== undefined || loc.legend !== undefined || loc.term !== undefined || loc.text !== undefined || loc.rowHeader !== undefined || loc.columnHeader !== undefined;
    if (!byText) return this.search(loc);
    let hit = this.found.get(loc);
    if (!hit) {
      hit = this.search(loc);
      this.found.set(loc, hit);
    }
    return hit;
  }

  private search(loc: Locator): Element[] {
    const mode = loc.match ?? 'exact';
    const inTable = (el: Element): boolean => {
      if (loc.table === undefined) return true;
      const t = tableOf(el);
      return t !== null && this.tables(loc.table).includes(t);
    };
    if (loc.label !== undefined) return this.matching('label', loc.label, mode);
    if (loc.ariaLabel !== undefined) return this.matching('ariaLabel', loc.ariaLabel, mode);
    if (loc.labelledBy !== undefined) return this.matching('labelledBy', loc.labelledBy, mode);
    if (loc.legend !== undefined) return this.matching('legend', loc.legend, mode);
    if (loc.term !== undefined) return this.matching('term', loc.term, mode);
    if (loc.text !== undefined) {
      const out: Element[] = [];
      for (const el of this.matching('text', loc.text, mode)) {
        const answer = answerAfter(el, this.root);
        if (answer && !out.includes(answer)) out.push(answer);
      }
      return out;
    }
    if (loc.rowHeader !== undefined) {
      const out: Element[] = [];
      for (const th of this.matching('rowHeader', loc.rowHeader, mode)) {
        if (!inTable(th)) continue;
        const row = parentElement(th);
        const table = tableOf(th);
        if (!row || !table) continue;
        if (loc.columnHeader !== undefined) {
          for (const col of columnsNamed(this.memo, table, loc.columnHeader, mode)) {
            const cell = cellAt(this.memo, row, col);
            if (cell && !out.includes(cell)) out.push(cell);
          }
        } else {
          // The first data cell after the header.
          const cells = cellsOf(this.memo, row);
          const next = cells.slice(cells.indexOf(th) + 1).find((c) => localName(c) === 'td');
          if (next && !out.includes(next)) out.push(next);
        }
      }
      return out;
    }
    if (loc.columnHeader !== undefined) {
      const root = this.root;
      // Inside one row of a group: that row's cell in the column.
      if (localName(root as Element) === 'tr') {
        const table = tableOf(root as Element);
        if (!table || !inTable(root as Element)) return [];
        const out: Element[] = [];
        for (const col of columnsNamed(this.memo, table, loc.columnHeader, mode)) {
          const cell = cellAt(this.memo, root as Element, col);
          if (cell && !out.includes(cell)) out.push(cell);
        }
        return out;
      }
      const out: Element[] = [];
      const tablesSeen = new Set<Element>();
      for (const th of this.matching('columnHeader', loc.columnHeader, mode)) {
        const table = tableOf(th);
        if (!table || tablesSeen.has(table) || !inTable(th)) continue;
        tablesSeen.add(table);
        for (const col of columnsNamed(this.memo, table, loc.columnHeader, mode)) {
          for (const row of bodyRows(this.memo, table)) {
            const cell = cellAt(this.memo, row, col);
            if (cell && !out.includes(cell)) out.push(cell);
          }
        }
      }
      return out;
    }
    if (loc.css !== undefined) {
      try {
        return all(this.root, loc.css);
      } catch {
        throw new LocatorError(`"${loc.css}" is not a valid CSS selector`);
      }
    }
    return [];
  }
}

const TEXT_HOLDERS = 'span, div, p, td, th, dt, strong, b, label, legend, h1, h2, h3, h4, h5, h6, [role="heading"], [role="rowheader"], [role="term"]';
const FIELD_TAGS = 'input, select, textarea';

/** Whether an element is only decoration beside a question: a required-field star, a colon. */
function decoration(el: Element): boolean {
  return all(el, FIELD_TAGS).length === 0 && /^[\s*:()?-]*$/.test(ownText(el)) && localName(el) !== 'input' && localName(el) !== 'select' && localName(el) !== 'textarea';
}

/**
 * The element that follows a piece of text in its row or container: the next sibling
 * (past decoration), else the next sibling of its parent, up to three levels and never
 * beyond the root being searched.
 */
function answerAfter(el: Element, root: Document | Element): Element | null {
  let node: Element | null = el;
  for (let level = 0; level < 4 && node && node !== root; level++) {
    for (let sib = nextElement(node); sib; sib = nextElement(sib)) if (!decoration(sib)) return sib;
    node = parentElement(node);
  }
  return null;
}

/** The dd a dt names: the next dd, past any further dts (several terms, one description). */
function nextDd(dt: Element): Element | null {
  for (let el = nextElement(dt); el; el = nextElement(el)) {
    const n = localName(el);
    if (n === 'dd') return el;
    if (n !== 'dt') return null;
  }
  return null;
}

const descriptions = new WeakMap<Locator, string>();

/** A plain description of a locator, for provenance and "found nothing" lists. */
export function describeLocator(loc: Locator): string {
  // Every read describes every locator it used (provenance): the map's locators do not change.
  let out = descriptions.get(loc);
  if (out === undefined) {
    out = describe(loc);
    descriptions.set(loc, out);
  }
  return out;
}

function describe(loc: Locator): string {
  const q = (s: string): string => JSON.stringify(s);
  const how = loc.match && loc.match !== 'exact' ? ` (${loc.match})` : '';
  let out: string;
  if (loc.label !== undefined) out = `label ${q(loc.label)}${how}`;
  else if (loc.ariaLabel !== undefined) out = `aria-label ${q(loc.ariaLabel)}${how}`;
  else if (loc.labelledBy !== undefined) out = `aria-labelledby ${q(loc.labelledBy)}${how}`;
  else if (loc.legend !== undefined) out = `legend ${q(loc.legend)}${how}`;
  else if (loc.term !== undefined) out = `term ${q(loc.term)}${how}`;
  else if (loc.text !== undefined) out = `text ${q(loc.text)}${how}`;
  else if (loc.rowHeader !== undefined) out = `row ${q(loc.rowHeader)}${loc.columnHeader !== undefined ? `, column ${q(loc.columnHeader)}` : ''}${how}`;
  else if (loc.columnHeader !== undefined) out = `column ${q(loc.columnHeader)}${how}`;
  else out = `css ${q(loc.css ?? '')}`;
  if (loc.table !== undefined) out += ` in table ${q(loc.table)}`;
  if (loc.nth !== undefined && loc.nth > 0) out += ` (match ${loc.nth + 1})`;
  return out;
}

// ---------------------------------------------------------------- frames

function frameMatches(entry: DocEntry, spec: FrameSpec): boolean {
  return entry.frame !== null && frameElementMatches(entry.frame, spec);
}

/** Whether an iframe (or frame) element is the one a spec names. */
export function frameElementMatches(frame: Element, spec: FrameSpec): boolean {
  if (spec.title !== undefined && norm(attr(frame, 'title') ?? '') !== norm(spec.title)) return false;
  if (spec.name !== undefined && (attr(frame, 'name') ?? '') !== spec.name) return false;
  if (spec.src !== undefined) {
    const re = compileRegex(spec.src);
    if (!re || !re.test(attr(frame, 'src') ?? '')) return false;
  }
  return true;
}

/**
 * The documents a spec may look in: the frame it names, else the page and every frame.
 * When no frame matches, the page itself is searched: it may be that frame's own page
 * (a content script running inside the frame, or the frame saved on its own).
 */
export function docsFor(docs: readonly DocEntry[], spec: FrameSpec | undefined): DocEntry[] {
  if (!spec) return [...docs];
  const framed = docs.filter((d) => frameMatches(d, spec));
  return framed.length > 0 ? framed : docs.slice(0, 1);
}

function srcdocDocument(frame: Element, parent: Document): Document | null {
  const srcdoc = attr(frame, 'srcdoc');
  if (srcdoc === null) return null;
  const view = defaultView(parent);
  if (!view || typeof view.DOMParser !== 'function') return null;
  // An inert copy (no scripts run), for environments that do not load srcdoc (jsdom, saved pages).
  return new view.DOMParser().parseFromString(srcdoc, 'text/html');
}

/**
 * Whether a frame has an address of its own. One without (srcdoc, about:blank, no src)
 * has a reader that sees only "about:srcdoc" and cannot recognise the page: the page
 * holding it reads it.
 */
export function frameHasOwnAddress(frame: Element): boolean {
  if (attr(frame, 'srcdoc') !== null) return false;
  const src = (attr(frame, 'src') ?? '').trim();
  return src !== '' && !/^(about|javascript):/i.test(src);
}

/** The documents a read looks in, and the frames it could not get into. */
export interface CollectedDocs {
  docs: DocEntry[];
  /** Frames whose document could not be had (another origin, sandboxed, not saved). */
  unread: Element[];
}

/**
 * The page and its same-origin frames, depth first. A frame the browser will not let
 * us into (cross-origin) is skipped and listed as unread. `resolve` supplies frames from
 * elsewhere (saved files in the extract command). `skip` leaves a frame out without
 * calling it unread (a frame that reads itself).
 */
export function collectDocs(top: Document, resolve?: FrameResolver, skip?: (frame: Element) => boolean): CollectedDocs {
  const out: DocEntry[] = [{ doc: top, frame: null, label: undefined, idText: new Map() }];
  const unread: Element[] = [];
  const visit = (doc: Document, depth: number, prefix: string): void => {
    if (depth > 3) return;
    for (const frame of frameElements(doc)) {
      if (out.length >= 30) return;
      if (skip?.(frame)) continue;
      let child = resolve ? resolve(frame) : undefined;
      if (child === undefined) {
        child = frameDocument(frame);
        if (attr(frame, 'srcdoc') !== null && (!child || documentUrl(child) !== 'about:srcdoc')) child = srcdocDocument(frame, doc);
      }
      if (!child) {
        unread.push(frame);
        continue;
      }
      if (out.some((e) => e.doc === child)) continue;
      const label = `${prefix}${frameLabel(frame, out.length)}`;
      out.push({ doc: child, frame, label, idText: new Map() });
      visit(child, depth + 1, `${label} › `);
    }
  };
  visit(top, 1, '');
  return { docs: out, unread };
}

/** How a frame is named in provenance and "found nothing" lists. */
export function frameLabel(frame: Element, index: number): string {
  return `frame ${JSON.stringify(attr(frame, 'title') ?? attr(frame, 'name') ?? attr(frame, 'src') ?? `#${index}`)}`;
}
