import { z } from 'zod';
import { jsonPath } from '../model/json-path';
import { isIsoDate, type IsoDate } from './iso-date';

// The GOV.UK bank holidays feed (https://www.gov.uk/bank-holidays.json). Only the
// England and Wales division counts; other divisions and extra keys are allowed and
// ignored, so a feed saved straight from GOV.UK works unchanged.

type Kind = 'text' | 'true or false' | 'a list' | 'an object';

/** Says "is missing" for an absent key, otherwise what was expected. */
function expected(kind: Kind) {
  return (issue: { input?: unknown }): string => (issue.input === undefined ? 'is missing' : `must be ${kind}`);
}

const isoDateSchema = z
  .string({ error: expected('text') })
  .refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD, for example 2026-12-25' });

const holidayEventSchema = z.looseObject(
  {
    title: z.string({ error: expected('text') }),
    date: isoDateSchema,
    notes: z.string({ error: expected('text') }).optional(),
    bunting: z.boolean({ error: expected('true or false') }).optional(),
  },
  { error: expected('an object') },
);

const divisionSchema = z.looseObject(
  {
    // Catches a Scotland or Northern Ireland list pasted in under the wrong name.
    division: z
      .literal('england-and-wales', { error: 'must be "england-and-wales" (this list is for another part of the UK)' })
      .optional(),
    events: z
      .array(holidayEventSchema, { error: expected('a list') })
      .min(1, { message: 'must list at least one bank holiday' }),
  },
  { error: expected('an object') },
);

export const holidayFeedSchema = z.looseObject(
  { 'england-and-wales': divisionSchema },
  { error: expected('an object') },
);

export type HolidayFeed = z.infer<typeof holidayFeedSchema>;

export interface BankHoliday {
  readonly date: IsoDate;
  readonly title: string;
}

export interface FeedProblem {
  /** Where the problem is, as a JSON path, e.g. `$["england-and-wales"].events[3].date`. */
  readonly path: string;
  readonly message: string;
}

export type HolidayFeedResult =
  | { readonly ok: true; readonly holidays: readonly BankHoliday[] }
  | { readonly ok: false; readonly errors: readonly FeedProblem[] };


/** `$`, then `.name`, `["odd-name"]` or `[3]` for each step. */
export const toJsonPath = jsonPath;

/** Validates a parsed GOV.UK feed; on success gives the England and Wales bank holidays sorted by date. */
export function parseHolidayFeed(json: unknown): HolidayFeedResult {
  const result = holidayFeedSchema.safeParse(json);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({ path: toJsonPath(issue.path), message: issue.message })),
    };
  }
  const holidays = result.data['england-and-wales'].events
    .map((e) => ({ date: e.date, title: e.title }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, holidays };
}

/** As `parseHolidayFeed`, from the text of a JSON file (e.g. one pasted in by IT). */
export function parseHolidayFeedText(text: string): HolidayFeedResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: '$', message: `is not valid JSON (${detail})` }] };
  }
  return parseHolidayFeed(json);
}
