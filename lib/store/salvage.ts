/**
 * A stored row that fails the schema (written by an older or newer version, or damaged)
 * must never block its assessment. It is migrated where a migration exists; otherwise
 * its facts are taken one by one, each checked against the model as a fresh read would
 * be: valid facts (with their provenance) are kept, the rest are set aside as not read
 * yet and named (paths only, never values), so the panel can say so.
 */
import { applyFacts, emptyRecord, migrateRecord, parseRecord, ProvenanceSchema, type AssessmentRecord, type FactUpdate, type Provenance } from '../model';
import { StoredRecordSchema, type StoredRecord } from './schema';

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const IDENTITY = new Set(['schema', 'caseSystem', 'assessmentId', 'provenance', 'children', 'adults', 'pack']);

/** Every leaf of a loose record as a fact update, e.g. `dates.referral`, `children[P1].bedroomSeen`. */
function leaves(raw: Loose): FactUpdate[] {
  const out: FactUpdate[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (isObject(node)) for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    else out.push({ path: prefix, value: node as FactUpdate['value'] });
  };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'children' || key === 'adults') {
      if (!Array.isArray(value)) continue;
      for (const person of value) {
        if (!isObject(person) || typeof person.id !== 'string') continue;
        for (const [k, v] of Object.entries(person)) if (k !== 'id') out.push({ path: `${key}[${person.id}].${k}`, value: v as FactUpdate['value'] });
      }
    } else if (!IDENTITY.has(key)) {
      walk(value, key);
    }
  }
  return out;
}

export interface Salvaged {
  record: AssessmentRecord;
  /** Fact paths that could not be kept. */
  dropped: string[];
}

/** The record as stored, or what can be kept of it. */
export function salvageRecord(raw: unknown, caseSystem: string, assessmentId: string): Salvaged {
  const parsed = parseRecord(raw);
  if (parsed.ok) return { record: parsed.record, dropped: [] };
  const loose = migrateRecord(raw);
  if (!isObject(loose)) return { record: emptyRecord(caseSystem, assessmentId), dropped: ['(the whole record)'] };
  const provenance: Record<string, Provenance> = {};
  if (isObject(loose.provenance)) {
    for (const [path, p] of Object.entries(loose.provenance)) {
      const ok = ProvenanceSchema.safeParse(p);
      if (ok.success) provenance[path] = ok.data;
    }
  }
  const { record, rejected } = applyFacts(emptyRecord(caseSystem, assessmentId), leaves(loose), provenance);
  const kept = parseRecord(record);
  if (!kept.ok) return { record: emptyRecord(caseSystem, assessmentId), dropped: ['(the whole record)'] };
  return { record: kept.record, dropped: rejected.map((r) => r.path).slice(0, 200) };
}

/** A stored row as the schema wants it, salvaged when it is not; undefined only when it has no key to belong to. */
export function salvageRow(row: unknown, now: number): StoredRecord | undefined {
  const strict = StoredRecordSchema.safeParse(row);
  if (strict.success) return strict.data;
  if (!isObject(row) || typeof row.key !== 'string') return undefined;
  const [fromKey, ...rest] = row.key.split(':');
  const caseSystem = typeof row.caseSystem === 'string' && row.caseSystem ? row.caseSystem : (fromKey ?? '');
  const assessmentId = typeof row.assessmentId === 'string' && row.assessmentId ? row.assessmentId : rest.join(':');
  if (!caseSystem || !assessmentId) return undefined;
  const { record, dropped } = salvageRecord(row.record, caseSystem, assessmentId);
  const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(v, now) : now);
  const salvaged: StoredRecord = {
    key: row.key,
    caseSystem,
    assessmentId,
    record,
    createdAt: time(row.createdAt),
    updatedAt: time(row.updatedAt),
    salvaged: { dropped: dropped.length > 0 ? dropped : ['(details of the stored row)'] },
  };
  if (typeof row.pageUrl === 'string' && row.pageUrl.length <= 700) salvaged.pageUrl = row.pageUrl;
  return StoredRecordSchema.parse(salvaged);
}
