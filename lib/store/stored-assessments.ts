// What the options page lists for IT, a data protection officer or a subject access
// request: each stored assessment and its facts, taken from the stored record itself. The
// store holds only ids, dates, codes and yes/no facts; display initials (kept only when a
// council's map asks for them) are left out here all the same.
import type { AssessmentRecord } from '../model';
import type { StoredRecord } from './schema';

export interface StoredFact {
  /** A fact path: `dates.referral`, `children[P1002].seenDates[0]`. */
  path: string;
  /** Yes/no, a date or date-time, a code or id, a number; null for a field seen blank. */
  value: string | boolean | number | null;
}

export interface StoredAssessment {
  key: string;
  caseSystem: string;
  assessmentId: string;
  createdAt: number;
  updatedAt: number;
  facts: StoredFact[];
}

// Not facts of the assessment (the row says them), or where each fact was read.
const LEFT_OUT = new Set(['schema', 'caseSystem', 'assessmentId', 'provenance', 'initials']);

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

/** Every fact of a stored record, in the record's order. */
export function recordFacts(record: AssessmentRecord): StoredFact[] {
  const out: StoredFact[] = [];
  walk(record, '', out);
  return out;
}

/** The options page's list: newest first. */
export function storedAssessments(rows: readonly StoredRecord[]): StoredAssessment[] {
  return [...rows]
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .map((r) => ({ key: r.key, caseSystem: r.caseSystem, assessmentId: r.assessmentId, createdAt: r.createdAt, updatedAt: r.updatedAt, facts: recordFacts(r.record) }));
}
