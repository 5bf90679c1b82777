import { z } from 'zod';
import { AssessmentRecordSchema, FormSectionSchema } from '../model';

/** One stored assessment: only facts, never narratives or names. */
export const StoredRecordSchema = z.strictObject({
  /** `<caseSystem>:<assessmentId>` */
  key: z.string().min(1),
  caseSystem: z.string().min(1),
  assessmentId: z.string().min(1),
  record: AssessmentRecordSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The form section last read, so the panel can say where the worker was. */
  lastSection: FormSectionSchema.optional(),
  /** The case page last read in the top frame (origin and path, no query), so the caseload can open it. */
  pageUrl: z.string().max(700).optional(),
  /** Map entries that found nothing on the last read of each page path: helps a council fix its map. */
  notFound: z.record(z.string(), z.array(z.string())).optional(),
});
export type StoredRecord = z.infer<typeof StoredRecordSchema>;
