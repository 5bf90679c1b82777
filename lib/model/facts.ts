import { z } from 'zod';
import {
  AdultSchema,
  AssessmentRecordSchema,
  ChildSchema,
  type AssessmentRecord,
  type Provenance,
} from './record';

/**
 * A fact path names one fact of the record:
 *   `dates.referral`, `analysis.domains.parentingCapacity`, `kind`,
 *   `children[P1002].bedroomSeen`, `adults[P2001].role`.
 * A field map names facts with the same paths, with `children[]` / `adults[]` for repeated groups.
 */
export type FactPath = string;

/** What one read of one field yields: a value, or null for a blank field. Absent facts are simply not sent. */
export const FactValueSchema = z.union([z.string(), z.boolean(), z.number(), z.array(z.string()), z.array(z.object({ date: z.string(), alone: z.boolean(), time: z.string().optional() }))]);
export type FactValue = z.infer<typeof FactValueSchema>;

export interface FactUpdate {
  path: FactPath;
  value: FactValue | null;
}

type AnyZod = z.ZodType;

function unwrap(schema: AnyZod): AnyZod {
  let s: AnyZod = schema;
  // Peel optional/nullable wrappers to reach the value's own schema.
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as AnyZod;
  return s;
}

// Record keys that are not facts a page yields.
const NOT_FACTS = new Set(['schema', 'caseSystem', 'assessmentId', 'pack', 'provenance', 'id']);

function walk(shape: Record<string, AnyZod>, prefix: string, out: Map<string, AnyZod>): void {
  for (const [key, value] of Object.entries(shape)) {
    if (NOT_FACTS.has(key)) continue;
    const inner = unwrap(value);
    const path = prefix ? `${prefix}.${key}` : key;
    if (inner instanceof z.ZodObject) {
      walk(inner.shape as Record<string, AnyZod>, path, out);
    } else if (inner instanceof z.ZodArray && unwrap(inner.element as AnyZod) instanceof z.ZodObject && (key === 'children' || key === 'adults')) {
      walk((unwrap(inner.element as AnyZod) as z.ZodObject).shape as Record<string, AnyZod>, `${path}[]`, out);
    } else {
      out.set(path, value);
    }
  }
}

const FACT_SCHEMAS: Map<string, AnyZod> = (() => {
  const out = new Map<string, AnyZod>();
  walk(AssessmentRecordSchema.shape as Record<string, AnyZod>, '', out);
  return out;
})();

/** Every fact path the model knows, with `children[]` / `adults[]` for per-person facts. */
export function knownFactPaths(): string[] {
  return [...FACT_SCHEMAS.keys()];
}

const PERSON_PATH = /^(children|adults)\[([^\]]+)\]\.(.+)$/;

export interface ParsedFactPath {
  /** The generic path, e.g. `children[].bedroomSeen`. */
  generic: string;
  group?: 'children' | 'adults';
  personId?: string;
  /** Keys below the record or person, e.g. ['dates', 'referral'] or ['bedroomSeen']. */
  keys: string[];
}

export function parseFactPath(path: FactPath): ParsedFactPath | undefined {
  const person = PERSON_PATH.exec(path);
  if (person) {
    const group = person[1] as 'children' | 'adults';
    const generic = `${group}[].${person[3]}`;
    if (!FACT_SCHEMAS.has(generic)) return undefined;
    return { generic, group, personId: person[2], keys: (person[3] ?? '').split('.') };
  }
  if (!FACT_SCHEMAS.has(path)) return undefined;
  return { generic: path, keys: path.split('.') };
}

/** The schema a single fact's value must meet (value or null). */
export function factSchema(genericPath: string): AnyZod | undefined {
  return FACT_SCHEMAS.get(genericPath);
}

export interface RejectedFact {
  path: string;
  reason: string;
}

type Writable = Record<string, unknown>;

function personIn(record: Writable, group: 'children' | 'adults', id: string): Writable {
  const list = (record[group] ??= []) as Writable[];
  let person = list.find((p) => p.id === id);
  if (!person) {
    person = { id };
    list.push(person);
  }
  return person;
}

function setAt(target: Writable, keys: string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Writable;
  }
  const last = keys[keys.length - 1];
  if (last !== undefined) node[last] = value;
}

/**
 * Merges fact updates into a record (pure: returns a new record). The latest read wins,
 * so a field the worker has cleared becomes blank again. Values that fail their fact's
 * schema are rejected, never coerced.
 */
export function applyFacts(
  record: AssessmentRecord,
  updates: readonly FactUpdate[],
  provenance?: ReadonlyMap<string, Provenance> | Record<string, Provenance>,
): { record: AssessmentRecord; rejected: RejectedFact[] } {
  const next = structuredClone(record) as Writable;
  const rejected: RejectedFact[] = [];
  const provenanceOut = { ...(record.provenance ?? {}) } as Record<string, Provenance>;
  const lookup = (p: string): Provenance | undefined =>
    provenance instanceof Map ? provenance.get(p) : provenance ? (provenance as Record<string, Provenance>)[p] : undefined;

  for (const update of updates) {
    const parsed = parseFactPath(update.path);
    if (!parsed) {
      rejected.push({ path: update.path, reason: 'not a fact the assessment model knows' });
      continue;
    }
    const schema = FACT_SCHEMAS.get(parsed.generic);
    const check = schema?.safeParse(update.value);
    if (!check || !check.success) {
      rejected.push({ path: update.path, reason: check?.error.issues[0]?.message ?? 'invalid value' });
      continue;
    }
    const target = parsed.group && parsed.personId ? personIn(next, parsed.group, parsed.personId) : next;
    setAt(target, parsed.keys, check.data);
    const where = lookup(update.path);
    if (where) provenanceOut[update.path] = where;
  }
  if (Object.keys(provenanceOut).length > 0) next.provenance = provenanceOut;
  return { record: next as AssessmentRecord, rejected };
}

/** Reads one fact back out of a record: the value, null (blank) or undefined (not read yet). */
export function readFact(record: AssessmentRecord, path: FactPath): unknown {
  const parsed = parseFactPath(path);
  if (!parsed) return undefined;
  let node: unknown = record;
  if (parsed.group) {
    node = (record[parsed.group] as Writable[] | undefined)?.find((p) => p.id === parsed.personId);
  }
  for (const key of parsed.keys) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Writable)[key];
  }
  return node;
}

export { ChildSchema, AdultSchema };

/** A copy of the record with one fact removed, i.e. "not read yet". For tests and fixtures. */
export function withoutFact(record: AssessmentRecord, path: FactPath): AssessmentRecord {
  const parsed = parseFactPath(path);
  if (!parsed) throw new Error(`unknown fact path ${path}`);
  const next = structuredClone(record) as Writable;
  let node: unknown = next;
  if (parsed.group) node = (next[parsed.group] as Writable[] | undefined)?.find((p) => p.id === parsed.personId);
  for (const key of parsed.keys.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return next as AssessmentRecord;
    node = (node as Writable)[key];
  }
  const last = parsed.keys[parsed.keys.length - 1];
  if (typeof node === 'object' && node !== null && last !== undefined) delete (node as Writable)[last];
  return next as AssessmentRecord;
}

/** A copy of the record with facts set (values or null for blank). Throws on a bad path or value: for tests and fixtures. */
export function withFacts(record: AssessmentRecord, facts: Record<FactPath, FactValue | null>): AssessmentRecord {
  const { record: next, rejected } = applyFacts(
    record,
    Object.entries(facts).map(([path, value]) => ({ path, value })),
  );
  if (rejected.length > 0) throw new Error(`rejected facts: ${JSON.stringify(rejected)}`);
  return next;
}
