// What the options page lists for IT, a data protection officer or a subject access
// request: everything this browser holds about each assessment, taken from the stored row
// itself: its facts (initials too, where a council's map reads them), where each fact was
// read, the case page's address, the part of the form last read, the map entries that
// found nothing, facts set aside when the row was salvaged, and the acknowledged findings.
// It can also be saved as a file (JSON), exactly as stored.
import type { AssessmentRecord, Provenance } from '../model';
import type { Acknowledgement } from '../acknowledgements';
import { REASONS } from '../acknowledgements/reasons';
import type { CompanionDb } from './db';
import type { StoredRecord } from './schema';

export interface StoredFact {
  /** A fact path: `dates.referral`, `children[P1002].seenDates[0]`. */
  path: string;
  /** Yes/no, a date or date-time, a code or id, initials, a number; null for a field seen blank. */
  value: string | boolean | number | null;
  /** Where it was read: the page path, the part of the form, how it was found and when. */
  readFrom?: Provenance;
}

export interface StoredAcknowledgement {
  /** The finding it is about: a rule and, where there is one, the person's id. */
  item: string;
  /** The coded reason, in words. */
  reason: string;
  role: string;
  on: string;
  acceptedOn?: string;
}

export interface StoredAssessment {
  key: string;
  caseSystem: string;
  assessmentId: string;
  createdAt: number;
  updatedAt: number;
  facts: StoredFact[];
  /** The case page last read (origin and path). */
  pageUrl?: string;
  /** The part of the form last read. */
  lastSection?: string;
  acknowledgements: StoredAcknowledgement[];
  /** Map entries that found nothing, by page path (the map's own names, never page text). */
  notFound: Array<{ page: string; entries: string[] }>;
  /** Fact paths set aside when the row failed the schema and was salvaged. */
  setAside: string[];
}

// The row says these; provenance is shown beside each fact.
const LEFT_OUT = new Set(['schema', 'caseSystem', 'assessmentId', 'provenance']);

const LAST_STEP = /(\.[^.[\]]+|\[[^\]]*\])$/;

/** The provenance of a fact path, or of the nearest path above it (a list read as a whole). */
function provenanceOf(provenance: Record<string, Provenance>, path: string): Provenance | undefined {
  let p = path;
  while (p !== '') {
    const found = provenance[p];
    if (found) return found;
    const parent = p.replace(LAST_STEP, '');
    if (parent === p) return undefined;
    p = parent;
  }
  return undefined;
}

function walk(value: unknown, path: string, out: StoredFact[]): void {
  if (value === undefined) return;
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
    out.push({ path, value });
    return;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) {
      out.push({ path, value: value.length > 0 ? value.join(', ') : 'none' });
      return;
    }
    value.forEach((item, i) => {
      // People are named by their id, as fact paths name them.
      const id = item && typeof item === 'object' && 'id' in item && typeof item.id === 'string' ? item.id : undefined;
      walk(item, id !== undefined ? `${path}[${id}]` : `${path}[${i}]`, out);
    });
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (LEFT_OUT.has(k)) continue;
      if (k === 'id' && /\]$/.test(path)) continue;
      walk(v, path === '' ? k : `${path}.${k}`, out);
    }
  }
}

/** Every fact of a stored record, in the record's order, each with where it was read. */
export function recordFacts(record: AssessmentRecord): StoredFact[] {
  const out: StoredFact[] = [];
  walk(record, '', out);
  const provenance = record.provenance ?? {};
  return out.map((f) => {
    const readFrom = provenanceOf(provenance, f.path);
    return readFrom ? { ...f, readFrom } : f;
  });
}

function acknowledgementText(a: Acknowledgement): StoredAcknowledgement {
  return { item: a.item, reason: REASONS[a.reason], role: a.role, on: a.on, ...(a.acceptedOn ? { acceptedOn: a.acceptedOn } : {}) };
}

/** The options page's list: newest first, each with its acknowledgements. */
export function storedAssessments(rows: readonly StoredRecord[], acks: readonly Acknowledgement[] = []): StoredAssessment[] {
  return [...rows]
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .map((r) => ({
      key: r.key,
      caseSystem: r.caseSystem,
      assessmentId: r.assessmentId,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      facts: recordFacts(r.record),
      ...(r.pageUrl ? { pageUrl: r.pageUrl } : {}),
      ...(r.lastSection ? { lastSection: r.lastSection } : {}),
      acknowledgements: acks.filter((a) => a.recordKey === r.key).map(acknowledgementText),
      notFound: Object.entries(r.notFound ?? {}).filter(([, entries]) => entries.length > 0).map(([page, entries]) => ({ page, entries })),
      setAside: r.salvaged?.dropped ?? [],
    }));
}

/** The file a subject access request is answered with: a name and its JSON text. */
export interface StoredAssessmentFile {
  name: string;
  text: string;
}

/**
 * Everything held about one assessment, exactly as stored (the row and its acknowledgement
 * rows as the database holds them, even a row today's schema would refuse), with the same
 * in the options page's words beside it.
 */
export async function storedAssessmentFile(db: CompanionDb, key: string, now: number): Promise<StoredAssessmentFile | undefined> {
  const [row, ackRows] = await Promise.all([db.records.get(key) as Promise<unknown>, db.acknowledgements.where('recordKey').equals(key).toArray() as Promise<unknown[]>]);
  if (row === undefined) return undefined;
  const id = typeof row === 'object' && row !== null && 'assessmentId' in row && typeof row.assessmentId === 'string' ? row.assessmentId : key;
  const file = {
    about: 'Everything Assessment Companion holds in this browser about one assessment, exactly as stored.',
    exportedAt: new Date(now).toISOString(),
    key,
    storedRecord: row,
    acknowledgements: ackRows,
  };
  return { name: `assessment-${id.replace(/[^A-Za-z0-9_-]/g, '_')}-stored.json`, text: `${JSON.stringify(file, null, 2)}\n` };
}
