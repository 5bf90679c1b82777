import { z } from 'zod';

/** What a council may set for itself; defaults are Hertfordshire's written figures. */
export const HertfordshireParamsSchema = z.strictObject({
  /**
   * Hertfordshire 6: the assessment concludes no later than 5 working days from referral.
   * The figure is kept exactly as the procedure states it; an authority can set its own.
   */
  assessmentWorkingDays: z.number().int().min(1).max(120).default(5),
  /**
   * Hertfordshire (scope, 1 and 4): "due regard to a child's age and understanding". The age from
   * which the child is asked for their views; younger children are observed with their carers instead.
   */
  viewsFromAge: z.number().int().min(0).max(18).default(2),
  /** Working days left at which the countdown shows "due soon". On a 5-day clock, 2 leaves time to act. */
  dueSoonWorkingDays: z.number().int().min(0).max(20).default(2),
});
export type HertfordshireParams = z.infer<typeof HertfordshireParamsSchema>;
