// Records that meet every Derby rule, for tests to take away from one fact at a time
// (withFacts / withoutFact). Dates are on time against the test clock, 2026-11-23T10:00Z.
import { withFacts, type AssessmentRecord } from '../../../model';

export const SUBJECT = 'C-SUBJECT';
export const SIBLING = 'C-SIBLING';
export const MOTHER = 'A-MOTHER';
export const FATHER = 'A-FATHER';

/**
 * A child in need assessment, finished and authorised on time:
 * - a girl aged 7 (the subject child) and her brother aged 1, both living with their mother;
 * - their father lives elsewhere, has parental responsibility, and was seen and heard;
 * - the family's first language is not English, and an interpreter was used;
 * - decision to assess Tue 15 Sep 2026, so due Tue 17 Nov 2026 (45 working days, no bank
 *   holidays between) and the manager's copy due Tue 10 Nov 2026;
 * - the subject child was seen alone on Thu 17 Sep (due Tue 22 Sep: 5 working days);
 * - the brother is too young to be seen alone, and that is recorded.
 */
export const completeDerbyRecord: AssessmentRecord = {
  schema: 'single-assessment/v1',
  caseSystem: 'test',
  assessmentId: 'SA-TEST',
  personId: 'P-1001',
  kind: 'child-in-need',
  pack: 'derby',
  dates: {
    referral: '2026-09-14',
    assessmentDecision: '2026-09-15',
    strategyDiscussion: null,
    section47Start: null,
    planAgreedWithFamily: '2026-09-18',
    managerPlanEndorsed: '2026-09-24',
    submittedToManager: '2026-11-05',
    completed: '2026-11-04',
    authorised: '2026-11-12',
    previousAssessmentCompleted: null,
    icpc: null,
  },
  children: [
    {
      id: SUBJECT,
      initials: 'AK',
      isSubject: true,
      dateOfBirth: '2019-05-12',
      expectedDueDate: null,
      unborn: false,
      includedInAssessment: true,
      exclusionReason: null,
      seenDates: [
        { date: '2026-09-17', alone: true },
        { date: '2026-10-06', alone: false },
        { date: '2026-10-20', alone: true },
      ],
      notSeenAloneReason: null,
      bedroomSeen: true,
      ownWordsRecorded: true,
      viewsRecorded: true,
      advocateConsidered: true,
      analysisRecorded: true,
      youngCarer: false,
      disability: false,
    },
    {
      id: SIBLING,
      initials: 'MK',
      isSubject: false,
      dateOfBirth: '2025-03-02',
      expectedDueDate: null,
      unborn: false,
      includedInAssessment: true,
      exclusionReason: null,
      seenDates: [
        { date: '2026-09-17', alone: false },
        { date: '2026-10-06', alone: false },
      ],
      // Aged 1: observed with his mother; too young to be seen alone.
      notSeenAloneReason: true,
      bedroomSeen: true,
      ownWordsRecorded: null,
      viewsRecorded: true,
      advocateConsidered: false,
      analysisRecorded: true,
      youngCarer: false,
      disability: false,
    },
  ],
  adults: [
    {
      id: MOTHER,
      initials: 'EK',
      role: 'mother',
      hasParentalResponsibility: true,
      livesWithChild: true,
      seen: true,
      seenAlone: true,
      viewsRecorded: true,
      notInvolvedReason: null,
    },
    {
      id: FATHER,
      initials: 'TK',
      role: 'father',
      hasParentalResponsibility: true,
      livesWithChild: false,
      seen: true,
      seenAlone: true,
      viewsRecorded: true,
      notInvolvedReason: null,
    },
  ],
  household: {
    homeVisited: true,
    firstLanguageNotEnglish: true,
    interpreterNeeded: true,
    interpreterUsed: true,
    communicationNeedsRecorded: true,
  },
  consent: {
    obtained: true,
    inWriting: true,
    givenBy: [MOTHER, FATHER],
    date: '2026-09-16',
    sharedWithoutConsent: false,
    withoutConsentManagerDiscussed: null,
    withoutConsentReasonRecorded: null,
    agenciesToldConsentWithheld: null,
    parentToldOfSharing: null,
  },
  planning: { planRecorded: true, timescaleAgreed: true, toolsAndMethodsRecorded: true, fileRead: true, progressCirculated: true },
  childProtection: { conferenceDecided: false, conferenceReportCompleted: null, notSeenThresholdConsidered: null },
  // Census factors at the end of the assessment: 4B, mental health concerns about the parent.
  census: { factorsAtAssessment: ['4B'] },
  background: {
    genogram: true,
    ecomap: true,
    chronologyUpdated: true,
    earlyHelpAssessmentConsidered: true,
    agenciesConsulted: ['education', 'health', 'police'],
    previousAreasChecked: true,
  },
  safetyAdvice: {
    smokeAlarms: 'yes',
    safeSleep: 'yes',
    // No baby under 1 in the home: shaking advice may be not applicable.
    dontShakeBaby: 'n/a',
    homeSafety: 'yes',
    safeStorage: 'no',
    adviceGivenWhereNo: true,
    adherenceRecorded: true,
  },
  concerns: {
    domesticAbuse: false,
    parentalMentalHealth: true,
    parentalLearningNeeds: false,
    substanceMisuse: false,
    neglect: false,
    physicalAbuse: false,
    sexualAbuse: false,
    emotionalAbuse: false,
    criminalExploitation: false,
    sexualExploitation: false,
    trafficking: false,
    modernSlavery: false,
    radicalisation: false,
    onlineAbuse: false,
    extraFamilialHarm: false,
  },
  referrals: { nationalReferralMechanism: null },
  analysis: {
    worries: true,
    impactOnChild: true,
    strengths: true,
    nextSteps: true,
    differencesInViewsRecorded: true,
    domains: { developmentalNeeds: true, parentingCapacity: true, familyAndEnvironment: true },
    riskOutsideHomeConsidered: true,
  },
  recommendation: { recorded: true, thresholdConsidered: true, agreedWithManager: true },
  manager: { thresholdCommented: true, supervisionRecorded: true },
  outcome: {
    decision: 'child-in-need-plan',
    childInNeed: true,
    significantHarmSuspected: false,
    accommodationNeeded: false,
    sharedWithFamilyInWriting: '2026-11-16',
    notSharedWithFamilyReason: null,
    sharedWithReferrer: '2026-11-16',
    sharedWithAgencies: '2026-11-17',
    parentalConsentForSupport: true,
    planOfActionRecorded: true,
  },
  timescale: { exceededReasonRecorded: null },
};

/**
 * The same family in a Section 47 enquiry: strategy discussion at 11:00 BST on Tue 15 Sep
 * 2026, enquiry started at 14:00 BST, the subject child seen alone at 10:30 the next day
 * (within 24 hours). The enquiry found no continuing risk of significant harm: child in need plan.
 */
export const section47DerbyRecord: AssessmentRecord = withFacts(completeDerbyRecord, {
  kind: 'section-47',
  'dates.strategyDiscussion': '2026-09-15T11:00:00+01:00',
  'dates.section47Start': '2026-09-15T14:00:00+01:00',
  [`children[${SUBJECT}].seenDates`]: [
    { date: '2026-09-16', alone: true, time: '10:30' },
    { date: '2026-10-06', alone: false },
  ],
});

/** An assessment still in progress on the test clock: started Mon 2 Nov 2026, nothing finished yet. */
export const inProgressDerbyRecord: AssessmentRecord = withFacts(completeDerbyRecord, {
  'dates.referral': '2026-11-02',
  'dates.assessmentDecision': null,
  'dates.planAgreedWithFamily': '2026-11-04',
  'dates.managerPlanEndorsed': '2026-11-06',
  'dates.submittedToManager': null,
  'dates.completed': null,
  'dates.authorised': null,
  [`children[${SUBJECT}].seenDates`]: [{ date: '2026-11-05', alone: true }],
  [`children[${SIBLING}].seenDates`]: [{ date: '2026-11-05', alone: false }],
  'outcome.sharedWithFamilyInWriting': null,
  'outcome.sharedWithReferrer': null,
  'outcome.sharedWithAgencies': null,
});
