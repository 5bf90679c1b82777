// Entries: one map entry → one fact (or a reason it found nothing), and the read's output.

import type { FactValue } from '../model/facts';
import type { FormSection } from '../model/section-names';
import type { FieldEntry, GroupFieldEntry } from './field-map-schema';
import { LocatorError, describeLocator } from './locate';
import { readElement } from './read';
import { locate, type Ctx, type RowMemo, type Scope } from './read-state';
import { norm } from './text';
import { parseRaw, type Raw } from './values';
import type { FactProvenance } from './provenance';

export type { FactProvenance };

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


// ---------------------------------------------------------------- output

export class Output {
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

export interface EntryRun {
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
export function iso(now: Date): string {
  const t = now.getTime();
  if (t !== isoTime) {
    isoTime = t;
    isoText = now.toISOString();
  }
  return isoText;
}

export function readEntry(run: EntryRun, entry: GroupFieldEntry | FieldEntry, entryId: string): void {
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
  const read = readElement(ctx.memo, found.el, entry.read);
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
    const tr = readElement(ctx.memo, t.el, entry.time.read);
    time = { raw: tr.ok ? tr.raw : null, part: entry.time };
  }
  let alone: boolean | undefined;
  const aloneFrom = entry.parse?.type === 'seen-date' && typeof entry.parse.alone === 'object' ? entry.parse.alone : undefined;
  if (aloneFrom && raw !== null) {
    // "Seen on own" in another cell or control of the same row.
    let a: { el: Element; scope: Scope } | null = null;
    try {
      a = locate(ctx, aloneFrom.find, scopes);
    } catch {
      a = null;
    }
    if (!a) {
      out.miss(entryId, fact, `nothing matched the seen-alone answer ${describeLocator(aloneFrom.find)}`);
      return;
    }
    const ar = readElement(ctx.memo, a.el, aloneFrom.read);
    const yes = parseRaw(ar.ok ? ar.raw : null, { type: 'yes-no', ...(aloneFrom.map ? { map: aloneFrom.map } : {}) }, { nowYear: run.now.getUTCFullYear() });
    if (!yes.ok) {
      out.miss(entryId, fact, `${describeLocator(aloneFrom.find)}: the seen-alone answer ${yes.reason}`);
      return;
    }
    alone = yes.value === true;
  }
  const parsed = parseRaw(raw, entry.parse, { nowYear: run.now.getUTCFullYear(), time, ...(alone !== undefined ? { alone } : {}) });
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
export function inOrder<T extends { when?: unknown }>(entries: readonly T[]): [T, number][] {
  const indexed = entries.map((e, i) => [e, i] as [T, number]);
  return [...indexed.filter(([e]) => !e.when), ...indexed.filter(([e]) => e.when)];
}

