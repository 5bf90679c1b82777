// Which facts a rule needed that were not read: found by watching the rule run, not by a list
// each rule keeps (a list drifts from the code; this cannot). The record a rule sees is wrapped
// so that every look at a fact that is not read yet (undefined) is noted with its path, e.g.
// `dates.icpc` or `children[C1].seenDates`. The engine then knows whether a step still
// unknown waits for a fact this council's case system records ("not read yet") or only for
// facts it never records ("not checked with this case system"), in `appliesWhen` as in the check.
import { knownFactPaths, type AssessmentRecord } from '../model';
import type { CountdownResult } from './types';

/** `children[C1].seenDates` → `children[].seenDates`. */
export function genericPath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '[]');
}

// Every fact path and every part holding facts (`dates`, `children[]`), generic.
const FACT_PARTS: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  for (const path of knownFactPaths()) {
    out.add(path);
    const keys = path.split('.');
    for (let i = 1; i < keys.length; i += 1) out.add(keys.slice(0, i).join('.'));
  }
  for (const group of ['children', 'adults']) out.add(group);
  return out;
})();
const FACTS: ReadonlySet<string> = new Set(knownFactPaths());

const PEOPLE = new Set(['children', 'adults']);

/** Notes of one rule's run: the facts it looked at that were not read yet. */
export class FactReads {
  readonly unread = new Set<string>();
  private readonly wrapped = new WeakMap<object, object>();

  /** The record as the rule sees it: the same values, with every look at an unread fact noted. */
  record(record: AssessmentRecord): AssessmentRecord {
    return this.part(record, '') as AssessmentRecord;
  }

  /** Marks the facts another rule's result depended on (a countdown a check reads). */
  add(paths: Iterable<string>): void {
    for (const p of paths) this.unread.add(p);
  }

  private readonly empty = new Map<string, object>();

  private emptyPart(path: string): object {
    let part = this.empty.get(path);
    if (!part) {
      part = Object.freeze({});
      this.empty.set(path, part);
    }
    return part;
  }

  private part(target: object, prefix: string): object {
    const known = this.wrapped.get(target);
    if (known) return known;
    const proxy = new Proxy(target, {
      get: (t, key, receiver) => {
        const value: unknown = Reflect.get(t, key, receiver);
        if (typeof key !== 'string') return value;
        const path = prefix ? `${prefix}.${key}` : key;
        const generic = genericPath(path);
        if (!FACT_PARTS.has(generic)) return value;
        if (value === undefined) {
          // A part not read at all (`record.background`) is seen as an empty part, so a rule's
          // `record.background?.genogram` is noted as the fact it wants, not as the whole part.
          if (!FACTS.has(generic) && !PEOPLE.has(path)) return this.part(this.emptyPart(path), path);
          this.unread.add(path);
          return value;
        }
        if (FACTS.has(generic) || typeof value !== 'object' || value === null) return value;
        return PEOPLE.has(path) && Array.isArray(value) ? this.people(value, path) : this.part(value, path);
      },
    });
    this.wrapped.set(target, proxy);
    return proxy;
  }

  private people(list: unknown[], group: string): object {
    const known = this.wrapped.get(list);
    if (known) return known;
    const proxy = new Proxy(list, {
      get: (t, key, receiver) => {
        const value: unknown = Reflect.get(t, key, receiver);
        if (typeof key !== 'string' || !/^\d+$/.test(key) || typeof value !== 'object' || value === null) return value;
        const id = (value as { id?: unknown }).id;
        return this.part(value, `${group}[${typeof id === 'string' ? id : key}]`);
      },
    });
    this.wrapped.set(list, proxy);
    return proxy;
  }
}

/**
 * The unread facts that bear on one result: for a result about one child or adult, the
 * facts of other people are left out (they may be read later without changing this one).
 */
export function unreadFor(unread: ReadonlySet<string>, subject: { kind: 'child' | 'adult'; id: string } | undefined): string[] {
  const all = [...unread];
  if (!subject) return all;
  const own = `${subject.kind === 'child' ? 'children' : 'adults'}[${subject.id}]`;
  return all.filter((p) => !/^(children|adults)\[/.test(p) || p.startsWith(own));
}

/** The countdowns of a pack as a rule sees them: looking at one that is not known yet notes the facts it waits for. */
export function trackedCountdowns(countdowns: readonly CountdownResult[], waits: ReadonlyMap<CountdownResult, readonly string[]>, reads: FactReads): readonly CountdownResult[] {
  return new Proxy(countdowns as CountdownResult[], {
    get: (t, key, receiver) => {
      const value: unknown = Reflect.get(t, key, receiver);
      if (typeof key === 'string' && /^\d+$/.test(key) && value && typeof value === 'object') {
        const facts = waits.get(value as CountdownResult);
        if (facts) reads.add(facts);
      }
      return value;
    },
  });
}
