import { z } from 'zod';
import { AssessmentKindSchema, AssessmentRecordSchema, FormSectionSchema } from '../model';
import { IsoDateSchema } from '../model/dates';

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
  /** The fact paths each page path showed at its last read: a path no longer shown is removed from the record. */
  pageFacts: z.record(z.string(), z.array(z.string()).max(5000)).optional(),
  /** Reads over the size limits, by page path: how many facts and not-found entries were left out. */
  /** This row failed the schema and was salvaged: the fact paths that could not be kept (never values). */
  salvaged: z.strictObject({ dropped: z.array(z.string().max(200)).max(200) }).optional(),
  cut: z.record(z.string(), z.strictObject({ facts: z.number().int().min(0), notFound: z.number().int().min(0) })).optional(),
});
export type StoredRecord = z.infer<typeof StoredRecordSchema>;

/** One assessment the work tray listed at its last read (lib/store/tray.ts). */
export const TrayRowSchema = z.strictObject({
  /** `<caseSystem>:<assessmentId>`, the same key as the stored record. */
  key: z.string().min(1),
  caseSystem: z.string().min(1),
  assessmentId: z.string().min(1).max(120),
  kind: AssessmentKindSchema.nullable().optional(),
  referral: IsoDateSchema.nullable().optional(),
  worker: z.string().max(100).optional(),
  /** When the tray last listed it. */
  seenAt: z.number(),
});
export type TrayRow = z.infer<typeof TrayRowSchema>;
