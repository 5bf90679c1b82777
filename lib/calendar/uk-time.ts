// The one owner of the UK clock-change rule, for the calendar (visit times) and the
// field-map date parser (dates with times on a page). No Intl: building a time-zone
// formatter costs tens of milliseconds the first time, too much for a first read.

/** 01:00 UTC on the last Sunday of a month: when UK clocks change (March and October, since 1996). */
function lastSundayAt1Utc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
}

/**
 * Minutes ahead of UTC for a UK wall-clock time, given as if it were UTC (`Date.UTC(...)`
 * of the wall time): 60 in British Summer Time, else 0. A wall time is taken as BST first,
 * so in the hour repeated when the clocks go back the first (BST) time is meant.
 */
export function ukOffsetMinutes(year: number, wallMs: number): 0 | 60 {
  const asBst = wallMs - 3_600_000;
  return asBst >= lastSundayAt1Utc(year, 3) && asBst < lastSundayAt1Utc(year, 10) ? 60 : 0;
}
