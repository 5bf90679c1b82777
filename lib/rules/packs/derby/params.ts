import { z } from 'zod';

/** What a council may set for itself; defaults are Derby's written figures. */
export const DerbyParamsSchema = z.strictObject({
  /** Derby 2.3: the assessment is completed within 45 working days. */
  assessmentWorkingDays: z.number().int().min(1).max(120).default(45),
  /** Derby 2.3: the manager has a copy 5 working days before the due date. */
  managerCopyWorkingDaysBefore: z.number().int().min(0).max(30).default(5),
  /** Derby 2.3 / 2.7: a child in need is seen alone within 5 working days. */
  childSeenAloneWorkingDays: z.number().int().min(1).max(30).default(5),
  /** Derby 2.3: the single assessment is repeated at least every 12 months (a guide). */
  reassessmentMonths: z.number().int().min(1).max(36).default(12),
  /** Derby 2.6: the age from which a child's own words are expected in their story. */
  ownWordsFromAge: z.number().int().min(0).max(18).default(3),
  /**
   * Derby 2.7 / 2.6: the age from which a child is asked for their views ("age and
   * understanding"). Younger children and unborn babies are observed instead; never a blocker for a baby.
   */
  viewsFromAge: z.number().int().min(0).max(18).default(2),
  /** Working days left at which a countdown shows "due soon". */
  dueSoonWorkingDays: z.number().int().min(0).max(20).default(5),
  /** Working days left at which the 5-working-day "seen alone" countdown shows "due soon" (5 would make it due soon from day 0). */
  seenAloneDueSoonWorkingDays: z.number().int().min(0).max(20).default(2),
  /** Hours left at which the 24-hour "seen alone" countdown shows "due soon". */
  dueSoonHours: z.number().min(0).max(24).default(6),
  /** Working days left at which the 12-month re-assessment countdown shows "due soon" (about a month). */
  reassessmentDueSoonWorkingDays: z.number().int().min(0).max(60).default(20),
});
export type DerbyParams = z.infer<typeof DerbyParamsSchema>;
