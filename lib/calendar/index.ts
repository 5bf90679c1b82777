// Working days, England and Wales bank holidays and the GOV.UK feed import.
// Pure: no browser or extension APIs. Import calendar.ts directly where zod must stay out.
export {
  add24Hours,
  addCalendarDays,
  addCalendarMonths,
  bundledHolidayDates,
  createCalendar,
  defaultCalendar,
  formatDateTime,
  formatLongDate,
  ukLocalDateTime,
  type CheckedCount,
  type CheckedDate,
  type WorkingDayCalendar,
} from './calendar';
export {
  holidayFeedSchema,
  parseHolidayFeed,
  parseHolidayFeedText,
  toJsonPath,
  type BankHoliday,
  type FeedProblem,
  type HolidayFeed,
  type HolidayFeedResult,
} from './feed';
export { isIsoDate, isIsoDateTime, type IsoDate, type IsoDateTime } from './iso-date';
