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
  /** When it was accepted: only then does a blocking item stop blocking. */
  acceptedOn: IsoDateSchema.optional(),
  /**
   * Where it was read: `case-system` when the worker's line was read from the case system's
   * page (the shared record); left out for a note made on this computer.
   */
  from: z.literal('case-system').optional(),
  /** The acceptance was read from the case system's page (a manager recorded it there). */
  acceptedFrom: z.literal('case-system').optional(),
  /**
   * Who accepted it on this computer: `policy-manager` only when the council's policy sets
   * this browser's role to manager and says so (managerRoleByPolicy); otherwise whoever uses
   * this browser profile, which is all the extension can tell.
   */
  acceptedBy: z.enum(['this-profile', 'policy-manager']).optional(),
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;
