import { z } from 'zod';
import { AssessmentRecordSchema, SCHEMA_VERSION, type AssessmentRecord } from './record';
import { jsonPath } from './json-path';

export { jsonPath };

export interface SchemaProblem {
  /** JSON path, e.g. `$.children[0].dateOfBirth`. */
  path: string;
  message: string;
}


export function zodProblems(error: z.ZodError): SchemaProblem[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

/**
 * Migrations from older stored shapes, keyed by the schema tag they upgrade from.
 * Append only: a record is never dropped because its shape is old.
 */
export const RECORD_MIGRATIONS: Record<string, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Example for the future: 'single-assessment/v1': (r) => ({ ...r, schema: 'single-assessment/v2' }),
};

export function migrateRecord(input: unknown): unknown {
  let current = input;
  for (let hops = 0; hops < 20; hops += 1) {
    if (typeof current !== 'object' || current === null) return current;
    const tag = (current as Record<string, unknown>).schema;
    if (tag === SCHEMA_VERSION || typeof tag !== 'string') return current;
    const step = RECORD_MIGRATIONS[tag];
    if (!step) return current;
    current = step(current as Record<string, unknown>);
  }
  return current;
}

export type ParseResult = { ok: true; record: AssessmentRecord } | { ok: false; problems: SchemaProblem[] };

/** Validates (after migrating) a record from outside: a file, the database, a message. Nothing is guessed. */
export function parseRecord(input: unknown): ParseResult {
  const result = AssessmentRecordSchema.safeParse(migrateRecord(input));
  return result.success ? { ok: true, record: result.data } : { ok: false, problems: zodProblems(result.error) };
}

/** An empty record: every fact not read yet. */
export function emptyRecord(caseSystem: string, assessmentId: string): AssessmentRecord {
  return { schema: SCHEMA_VERSION, caseSystem, assessmentId };
}
