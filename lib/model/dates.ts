import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date-time with an offset (or Z); seconds optional.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** True when y-m-d names a real calendar day (no 31 April, no 29 Feb in 2025). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] ?? 0);
}

function realDateParts(match: RegExpExecArray | null): boolean {
  if (!match) return false;
  return isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A plain date, `YYYY-MM-DD`. */
export const IsoDateSchema = z
  .string()
  .refine((s) => realDateParts(ISO_DATE.exec(s)), { message: 'expected a real date written YYYY-MM-DD' });

/** A date and time with its offset, e.g. `2026-11-02T14:30:00Z` or `2026-11-02T14:30+00:00`. */
export const IsoDateTimeSchema = z
  .string()
  .refine((s) => realDateParts(ISO_DATE_TIME.exec(s)), {
    message: 'expected a date and time written YYYY-MM-DDTHH:mm with an offset (Z or +01:00)',
  });

export type IsoDate = z.infer<typeof IsoDateSchema>;
export type IsoDateTime = z.infer<typeof IsoDateTimeSchema>;

/** The calendar date part of a date or date-time string. */
export function datePart(value: string): string {
  return value.slice(0, 10);
}
