import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema } from './dates';
import { FormSectionSchema } from './sections';

/**
 * Every fact has three states (assessment-model.md):
 *   a value            — read from the page;
 *   null               — the page showed the field and it was blank (a step is *missing*);
 *   absent (undefined) — not read yet (the step is *unknown*, never missing).
 */
export function fact<T extends z.ZodType>(value: T) {
  return value.nullable().optional();
}

/** A flag: yes / no. For "reason recorded" facts it means the narrative box had text (the text itself is never kept). */
const flag = fact(z.boolean());
const date = fact(IsoDateSchema);
const dateTime = fact(IsoDateTimeSchema);

export const SCHEMA_VERSION = 'single-assessment/v1' as const;

export const AssessmentKindSchema = z.enum(['child-in-need', 'section-47', 'reassessment', 'pre-birth']);
export const AdultRoleSchema = z.enum(['mother', 'father', 'step-parent', 'carer', 'relative', 'other']);
export const SafetyAnswerSchema = z.enum(['yes', 'no', 'n/a']);
export const AgencySchema = z.enum([
  'education',
  'health',
  'housing',
  'police',
  'mental-health',
  'learning-disability',
  'substance-misuse',
  'offending',
  'social-care',
  'courts',
  'international',
]);
export const OutcomeDecisionSchema = z.enum([
  'no-further-action',
  'universal-or-early-help',
  'child-in-need-plan',
  'specialist-assessment',
  'strategy-discussion',
  'plo-or-care-proceedings',
  'emergency-protection',
]);

/** A visit's clock time, `HH:mm` in UK local time, when the page records it. */
export const VisitTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time written HH:mm (24-hour clock)');

/** A visit: the day, whether the child was seen alone, and the time when recorded (needed to judge a 24-hour clock). */
export const SeenVisitSchema = z.strictObject({ date: IsoDateSchema, alone: z.boolean(), time: VisitTimeSchema.optional() });

export const ChildSchema = z.strictObject({
  id: z.string().min(1),
  /** Display initials, only when the council's field map asks for them. Never a full name. */
  initials: fact(z.string().max(4)),
  isSubject: flag,
  dateOfBirth: date,
  expectedDueDate: date,
  unborn: flag,
  includedInAssessment: flag,
  exclusionReason: flag,
  seenDates: fact(z.array(SeenVisitSchema)),
  notSeenAloneReason: flag,
  bedroomSeen: flag,
  ownWordsRecorded: flag,
  viewsRecorded: flag,
  advocateConsidered: flag,
  analysisRecorded: flag,
  youngCarer: flag,
  disability: flag,
});

export const AdultSchema = z.strictObject({
  id: z.string().min(1),
  initials: fact(z.string().max(4)),
  role: fact(AdultRoleSchema),
  /** null: parental responsibility not yet established. */
  hasParentalResponsibility: flag,
  livesWithChild: flag,
  seen: flag,
  seenAlone: flag,
  viewsRecorded: flag,
  notInvolvedReason: flag,
});

export const DatesSchema = z.strictObject({
  referral: date,
  assessmentDecision: date,
  strategyDiscussion: dateTime,
  section47Start: dateTime,
  planAgreedWithFamily: date,
  managerPlanEndorsed: date,
  submittedToManager: date,
  completed: date,
  authorised: date,
  previousAssessmentCompleted: date,
  icpc: date,
});

export const HouseholdSchema = z.strictObject({
  homeVisited: flag,
  firstLanguageNotEnglish: flag,
  interpreterNeeded: flag,
  interpreterUsed: flag,
  communicationNeedsRecorded: flag,
});

export const ConsentSchema = z.strictObject({
  obtained: flag,
  inWriting: flag,
  givenBy: fact(z.array(z.string().min(1))),
  date,
  sharedWithoutConsent: flag,
  withoutConsentManagerDiscussed: flag,
  withoutConsentReasonRecorded: flag,
  /** Derby 1: when sharing without permission, the agencies were told the parent or young person withheld it. */
  agenciesToldConsentWithheld: flag,
  /** Derby 1: the parent was contacted and told the information is still being shared. */
  parentToldOfSharing: flag,
});

export const PlanningSchema = z.strictObject({
  planRecorded: flag,
  timescaleAgreed: flag,
  /**
   * Derby 2.3: the target completion date agreed in the plan. "Sometimes a shorter deadline will
   * be required in the interests of the child(ren) concerned" than the 45 working days.
   */
  targetDate: date,
  toolsAndMethodsRecorded: flag,
  fileRead: flag,
  /** Hertfordshire 8: assessment progress and action points circulated to the participants, the child and parents. */
  progressCirculated: flag,
});

export const BackgroundSchema = z.strictObject({
  genogram: flag,
  ecomap: flag,
  chronologyUpdated: flag,
  earlyHelpAssessmentConsidered: flag,
  agenciesConsulted: fact(z.array(AgencySchema)),
  previousAreasChecked: flag,
});

const safety = fact(SafetyAnswerSchema);
export const SafetyAdviceSchema = z.strictObject({
  smokeAlarms: safety,
  safeSleep: safety,
  dontShakeBaby: safety,
  homeSafety: safety,
  safeStorage: safety,
  adviceGivenWhereNo: flag,
  /** Derby 2.5: whether the family follows the safety recommendations is documented. */
  adherenceRecorded: flag,
});

export const CONCERNS = [
  'domesticAbuse',
  'parentalMentalHealth',
  'parentalLearningNeeds',
  'substanceMisuse',
  'neglect',
  'physicalAbuse',
  'sexualAbuse',
  'emotionalAbuse',
  'criminalExploitation',
  'sexualExploitation',
  'trafficking',
  'modernSlavery',
  'radicalisation',
  'onlineAbuse',
  'extraFamilialHarm',
] as const;
export type Concern = (typeof CONCERNS)[number];
export const ConcernsSchema = z.strictObject(
  Object.fromEntries(CONCERNS.map((c) => [c, flag])) as Record<Concern, typeof flag>,
);

export const ReferralsSchema = z.strictObject({ nationalReferralMechanism: date });

export const AnalysisSchema = z.strictObject({
  worries: flag,
  impactOnChild: flag,
  strengths: flag,
  nextSteps: flag,
  differencesInViewsRecorded: flag,
  domains: z
    .strictObject({ developmentalNeeds: flag, parentingCapacity: flag, familyAndEnvironment: flag })
    .optional(),
  riskOutsideHomeConsidered: flag,
});

export const RecommendationSchema = z.strictObject({
  recorded: flag,
  thresholdConsidered: flag,
  /** Derby 2.8: the recommendations agreed with the manager. */
  agreedWithManager: flag,
});

/** Child protection facts beyond the dates: the conference and what follows a child not seen in time. */
export const ChildProtectionSchema = z.strictObject({
  /** The Section 47 enquiry concluded that an initial child protection conference is needed. */
  conferenceDecided: flag,
  /** Derby 2.3: a conference report completed for the initial child protection conference. */
  conferenceReportCompleted: flag,
  /** Derby 2.4: the child was not seen in time, so the threshold was considered and the matter escalated or closed. */
  notSeenThresholdConsidered: flag,
});

/**
 * A Children in Need census factor code as the Department for Education's census guide writes
 * it, e.g. `3A` (domestic violence: concerns about the child), `24A` (child criminal exploitation),
 * `21` (no factors identified). The shape is checked here; the list itself is the council's.
 */
export const CensusFactorSchema = z.string().regex(/^(?:[1-9]|[1-9]\d)[A-Z]?$/, 'expected a census factor code such as 3A, 24A or 21');

export const CensusSchema = z.strictObject({
  /** The factors identified at the end of the assessment, as census codes. */
  factorsAtAssessment: fact(z.array(CensusFactorSchema)),
});
export const ManagerSchema = z.strictObject({ thresholdCommented: flag, supervisionRecorded: flag });

export const OutcomeSchema = z.strictObject({
  decision: fact(OutcomeDecisionSchema),
  childInNeed: flag,
  significantHarmSuspected: flag,
  accommodationNeeded: flag,
  sharedWithFamilyInWriting: date,
  notSharedWithFamilyReason: flag,
  sharedWithReferrer: date,
  sharedWithAgencies: date,
  parentalConsentForSupport: flag,
  /** Derby 2.10, Hertfordshire 6: a plan of action setting out the services to be delivered, how and by whom. */
  planOfActionRecorded: flag,
});

export const TimescaleSchema = z.strictObject({ exceededReasonRecorded: flag });

/**
 * Exceptions recorded in the case system (lib/acknowledgements/exception-lines.ts): the lines
 * the extension gave the worker and the manager to record there, read back as codes only.
 */
export const ExceptionsSchema = z.strictObject({
  /** `<item code>:<reason code>` for each exception a worker recorded. */
  recorded: fact(z.array(z.string().max(80)).max(200)),
  /** The item codes a manager recorded as accepted. */
  accepted: fact(z.array(z.string().max(20)).max(200)),
});

/** Where a fact was read: for "Show me" and for a council's IT team checking its field map. */
export const ProvenanceSchema = z.strictObject({
  /** URL path only; query values that could identify a person are never kept. */
  page: z.string().max(500),
  section: FormSectionSchema.optional(),
  /** A readable description of how the element was found, e.g. `label "Referral date"`. */
  locator: z.string().max(500),
  /** The field map entry that found it. */
  mapEntry: z.string().max(200).optional(),
  readAt: IsoDateTimeSchema,
});

export const AssessmentRecordSchema = z.strictObject({
  schema: z.literal(SCHEMA_VERSION),
  caseSystem: z.string().min(1),
  assessmentId: z.string().min(1),
  personId: fact(z.string()),
  kind: fact(AssessmentKindSchema),
  pack: z.string().optional(),
  dates: DatesSchema.optional(),
  children: z.array(ChildSchema).optional(),
  adults: z.array(AdultSchema).optional(),
  household: HouseholdSchema.optional(),
  consent: ConsentSchema.optional(),
  planning: PlanningSchema.optional(),
  background: BackgroundSchema.optional(),
  safetyAdvice: SafetyAdviceSchema.optional(),
  concerns: ConcernsSchema.optional(),
  referrals: ReferralsSchema.optional(),
  analysis: AnalysisSchema.optional(),
  recommendation: RecommendationSchema.optional(),
  manager: ManagerSchema.optional(),
  childProtection: ChildProtectionSchema.optional(),
  census: CensusSchema.optional(),
  outcome: OutcomeSchema.optional(),
  timescale: TimescaleSchema.optional(),
  exceptions: ExceptionsSchema.optional(),
  /** Keyed by fact path (see facts.ts), e.g. `dates.referral` or `children[P1002].bedroomSeen`. */
  provenance: z.record(z.string(), ProvenanceSchema).optional(),
});

export type AssessmentRecord = z.infer<typeof AssessmentRecordSchema>;
export type Child = z.infer<typeof ChildSchema>;
export type Adult = z.infer<typeof AdultSchema>;
export type AssessmentKind = z.infer<typeof AssessmentKindSchema>;
export type AdultRole = z.infer<typeof AdultRoleSchema>;
export type SafetyAnswer = z.infer<typeof SafetyAnswerSchema>;
export type Agency = z.infer<typeof AgencySchema>;
export type OutcomeDecision = z.infer<typeof OutcomeDecisionSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type SeenVisit = z.infer<typeof SeenVisitSchema>;
