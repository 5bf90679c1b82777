// The national layer under every council's pack: statutory clocks and returns from Working
// Together to Safeguard Children 2023 (and the Children in Need census) that a Single
// Assessment record shows. Paragraph numbers are not quoted: the text is not held here to
// check them against (docs/procedure-coverage.md says so).
import { conferenceIsOutcome, has, recorded } from '../conditions';
import type { Outcome, Rule } from '../types';

export const NATIONAL_PREFIX = 'national/';

/** Working days from the strategy discussion to the initial child protection conference. */
export const ICPC_WORKING_DAYS = 15;
/** "No factors identified" in the census: it cannot sit beside another factor. */
const NO_FACTORS = '21';

export function nationalRules<P>(): Array<Rule<P>> {
  return [
    {
      id: 'national/icpc-15-working-days',
      name: 'Initial child protection conference',
      kind: 'countdown',
      severity: 'required',
      section: 'child-protection',
      source: {
        label: 'Working Together 2023',
        section: 'chapter 4',
        passage: 'Initial child protection conference: within 15 working days of the strategy discussion at which section 47 enquiries were initiated',
      },
      message: 'When the enquiry decides a conference is needed, hold the initial child protection conference within 15 working days of the strategy discussion.',
      appliesWhen: ({ record }) => conferenceIsOutcome(record),
      dueSoonWithin: () => 3,
      clock: ({ record }) => {
        const strategy = record.dates?.strategyDiscussion;
        if (strategy === undefined) return { status: 'unknown', field: 'dates.strategyDiscussion', detail: 'The strategy discussion date has not been read yet.' };
        if (strategy === null) return { status: 'missing', field: 'dates.strategyDiscussion', detail: 'Record when the strategy discussion was held: the conference clock runs from it.' };
        return {
          start: strategy,
          startLabel: 'the strategy discussion',
          startField: 'dates.strategyDiscussion',
          span: { workingDays: ICPC_WORKING_DAYS },
          met: record.dates?.icpc,
          metField: 'dates.icpc',
        };
      },
    },
    {
      id: 'national/cin-census-at-assessment-end',
      kind: 'check',
      severity: 'required',
      section: 'manager',
      source: {
        label: 'Children in need census',
        section: 'assessments',
        passage: 'Department for Education children in need census: assessment authorisation date and factors identified at the end of assessment',
      },
      // The census's assessment end is the authorisation date: the manager's sign-off itself, so
      // asking for it here would block the very sign-off that records it. Only the factors are checked.
      message:
        'When the assessment is completed, record the factors identified as census codes (for example 3A, 24A, or 21 for no factors) before it is authorised.',
      appliesWhen: ({ record }) => recorded(record.dates?.completed),
      check: ({ record }): Outcome => {
        const factors = record.census?.factorsAtAssessment;
        const field = 'census.factorsAtAssessment';
        const parts = has(factors, field);
        if (parts.status === 'met' && factors && factors.includes(NO_FACTORS) && factors.length > 1) {
          return { status: 'missing', field, detail: 'Code 21 (no factors identified) cannot be recorded with other factors.' };
        }
        return parts;
      },
    },
  ];
}
