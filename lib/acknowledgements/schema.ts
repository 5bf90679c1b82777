import { z } from 'zod';
import { IsoDateSchema } from '../model/dates';
import { ReasonCodeSchema } from './reasons';

export const RoleSchema = z.enum(['worker', 'manager']);
export type Role = z.infer<typeof RoleSchema>;

/**
 * One acknowledged finding. Only the rule, who it is about (an id), a coded reason, the
 * role and dates: no names, no free text.
 */
export const AcknowledgementSchema = z.strictObject({
  /** `<record key>|<item ref>` */
  key: z.string().min(1).max(400),
  /** The assessment record it belongs to: it goes when the record goes. */
  recordKey: z.string().min(1).max(250),
  /** `<rule id>|<child:id, adult:id or ->`: the same rule for another child is another item. */
  item: z.string().min(1).max(250),
  ruleId: z.string().regex(/^[a-z]+\/[a-z0-9-]+$/),
  reason: ReasonCodeSchema,
  /** Who recorded it, from the settings. */
  role: RoleSchema,
  on: IsoDateSchema,
  /** When a manager accepted it: only then does a blocking item stop blocking. */
  acceptedOn: IsoDateSchema.optional(),
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;
