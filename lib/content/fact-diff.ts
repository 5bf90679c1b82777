/**
 * What a page read sends to the background. The first read of a page sends every fact it
 * shows; later reads send only the facts whose values changed, and the paths that are no
 * longer on the page. So a tab left open on an old copy of a section never resends a fact
 * it has not changed, and a newer read elsewhere is not overwritten by it. Pure, tiny, no
 * dependencies: it runs in the content script.
 */
import { READ_LIMITS } from '../messages/limits';

export interface ReadFact {
  path: string;
  value: unknown;
}

/** The facts a page showed at its last read: path → value as JSON. */
export type LastRead = ReadonlyMap<string, string>;

export interface FactDiff<F extends ReadFact> {
  /** True when `changed` is every fact on the page (its first read). */
  complete: boolean;
  /** Facts new or changed since the last read (all of them on the first). */
  changed: F[];
  /** Paths the last read found that are no longer on the page. */
  gone: string[];
  /** What this read found, for the next one. */
  next: Map<string, string>;
}

export function diffFacts<F extends ReadFact>(last: LastRead | undefined, facts: readonly F[]): FactDiff<F> {
  const steps = diffFactsInSteps(last, facts);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Facts compared between pauses of diffFactsInSteps. */
export const DIFF_STEP = 500;

/**
 * diffFacts() with a pause after every DIFF_STEP facts: a page of 10,000 people has some
 * 70,000 facts, too many to compare in one task (the page reader hands the thread back
 * to the page between its slices).
 */
export function* diffFactsInSteps<F extends ReadFact>(last: LastRead | undefined, facts: readonly F[]): Generator<void, FactDiff<F>> {
  const next = new Map<string, string>();
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as F;
    next.set(f.path, JSON.stringify(f.value));
    if (i % DIFF_STEP === DIFF_STEP - 1) yield;
  }
  if (!last) return { complete: true, changed: [...facts], gone: [], next };
  const changed: F[] = [];
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as F;
    if (last.get(f.path) !== next.get(f.path)) changed.push(f);
    if (i % DIFF_STEP === DIFF_STEP - 1) yield;
  }
  const gone: string[] = [];
  let n = 0;
  for (const path of last.keys()) {
    if (!next.has(path)) gone.push(path);
    if (++n % DIFF_STEP === 0) yield;
  }
  return { complete: false, changed, gone, next };
}

/**
 * When each fact was read with the value the page shows. A re-read (with a new map, or
 * after a read that was not delivered) keeps a fact's read time unless its value changed
 * on the page: a tab left open on an old copy never makes its old answer newer than what
 * another tab has recorded since (the background keeps the newer read of a fact).
 */
export class ReadTimes<P extends { readAt: string }> {
  private readonly seen = new Map<string, { value: string; readAt: string }>();

  /** The provenance of `facts` (only theirs), each with the time its value was first read here. */
  stamp(provenance: Record<string, P>, facts: readonly ReadFact[]): Record<string, P> {
    const out: Record<string, P> = {};
    for (const f of facts) {
      if (!Object.prototype.hasOwnProperty.call(provenance, f.path)) continue;
      const p = provenance[f.path] as P;
      const value = JSON.stringify(f.value);
      const before = this.seen.get(f.path);
      if (before?.value === value) {
        out[f.path] = { ...p, readAt: before.readAt };
      } else {
        this.seen.set(f.path, { value, readAt: p.readAt });
        out[f.path] = p;
      }
    }
    return out;
  }
}

/**
 * The most facts one message carries. The browser copies a message in one task of the
 * page's thread: 4,000 facts with where each was read took some 50 ms, three frames. A
 * read with more is sent in parts, each in a task of its own.
 */
export const PART_FACTS = 500;

export interface FactsPart<F> {
  facts: F[];
  /** The first part of a page's first read: `shown` then names every fact the page shows. */
  complete: boolean;
  /** Every fact path the read found, on the first part of a complete read in several parts. */
  shown?: string[];
  /** More parts of this read follow. */
  more: boolean;
}

/**
 * A read's facts as the messages that carry them. One part unless there are more than
 * `size`; then the first part of a complete read names every path the page shows (so the
 * background knows at once what the page no longer shows), and the later parts only add.
 */
export function inParts<F extends ReadFact>(facts: readonly F[], complete: boolean, size: number = PART_FACTS): FactsPart<F>[] {
  if (facts.length <= size) return [{ facts: [...facts], complete, more: false }];
  const parts: FactsPart<F>[] = [];
  for (let i = 0; i < facts.length; i += size) parts.push({ facts: facts.slice(i, i + size), complete: complete && i === 0, more: i + size < facts.length });
  if (complete && parts[0]) parts[0].shown = facts.map((f) => f.path);
  return parts;
}


/**
 * A read too big for one message is cut to the limits, never dropped: the background
 * stores what fits and keeps how much was left out, so the panel can say so.
 */
export function cutToLimits<F, N>(facts: readonly F[], notFound: readonly N[]): { facts: F[]; notFound: N[]; cut?: { facts: number; notFound: number } } {
  if (facts.length <= READ_LIMITS.facts && notFound.length <= READ_LIMITS.notFound) return { facts: [...facts], notFound: [...notFound] };
  return {
    facts: facts.slice(0, READ_LIMITS.facts),
    notFound: notFound.slice(0, READ_LIMITS.notFound),
    cut: { facts: Math.max(0, facts.length - READ_LIMITS.facts), notFound: Math.max(0, notFound.length - READ_LIMITS.notFound) },
  };
}
