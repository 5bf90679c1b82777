// Shared by the Hertfordshire tests only (imports vitest).
import { describe, expect, it } from 'vitest';
import { emptyRecord, parseRecord, type AssessmentRecord } from '../../lib/model';
import { statusOf } from './rule-tester';
import { completeHertfordshireRecord } from '../fixtures/records/hertfordshire-records';
import { hertfordshirePack } from '../../lib/rules/packs/hertfordshire/index';

/** Nothing read yet: every fact unknown. */
export const nothingRead: AssessmentRecord = { ...emptyRecord('test', 'SA-EMPTY'), pack: 'hertfordshire' };

/** Every page read and every field blank: the same people as the complete record, nothing recorded. */
export const allBlank: AssessmentRecord = {
  schema: 'single-assessment/v1',
  caseSystem: 'test',
  assessmentId: 'SA-BLANK',
  personId: null,
  kind: null,
  pack: 'hertfordshire',
  dates: {
    referral: null,
    assessmentDecision: null,
    strategyDiscussion: null,
    section47Start: null,
    planAgreedWithFamily: null,
    managerPlanEndorsed: null,
    submittedToManager: null,
    completed: null,
    authorised: null,
    previousAssessmentCompleted: null,
    icpc: null,
  },
  children: (completeHertfordshireRecord.children ?? []).map((c) => ({
    id: c.id,
    isSubject: c.isSubject,
    dateOfBirth: c.dateOfBirth,
    unborn: c.unborn,
    includedInAssessment: null,
    exclusionReason: null,
    seenDates: null,
    notSeenAloneReason: null,
    bedroomSeen: null,
    ownWordsRecorded: null,
    viewsRecorded: null,
    advocateConsidered: null,
    analysisRecorded: null,
    youngCarer: null,
    disability: null,
  })),
  adults: (completeHertfordshireRecord.adults ?? []).map((a) => ({
    id: a.id,
    role: a.role,
    hasParentalResponsibility: null,
    livesWithChild: null,
    seen: null,
    seenAlone: null,
    viewsRecorded: null,
    notInvolvedReason: null,
  })),
  household: { homeVisited: null, firstLanguageNotEnglish: null, interpreterNeeded: null, interpreterUsed: null, communicationNeedsRecorded: null },
  consent: {
    obtained: null,
    inWriting: null,
    givenBy: null,
    date: null,
    sharedWithoutConsent: null,
    withoutConsentManagerDiscussed: null,
    withoutConsentReasonRecorded: null,
    agenciesToldConsentWithheld: null,
    parentToldOfSharing: null,
  },
  planning: { planRecorded: null, timescaleAgreed: null, toolsAndMethodsRecorded: null, fileRead: null, progressCirculated: null },
  childProtection: { conferenceDecided: null, conferenceReportCompleted: null, notSeenThresholdConsidered: null },
  census: { factorsAtAssessment: null },
  background: {
    genogram: null,
    ecomap: null,
    chronologyUpdated: null,
    earlyHelpAssessmentConsidered: null,
    agenciesConsulted: null,
    previousAreasChecked: null,
  },
  concerns: Object.fromEntries(Object.keys(completeHertfordshireRecord.concerns ?? {}).map((k) => [k, null])),
  referrals: { nationalReferralMechanism: null },
  analysis: {
    worries: null,
    impactOnChild: null,
    strengths: null,
    nextSteps: null,
    differencesInViewsRecorded: null,
    domains: { developmentalNeeds: null, parentingCapacity: null, familyAndEnvironment: null },
    riskOutsideHomeConsidered: null,
  },
  recommendation: { recorded: null, thresholdConsidered: null, agreedWithManager: null },
  manager: { thresholdCommented: null, supervisionRecorded: null },
  outcome: {
    decision: null,
    childInNeed: null,
    significantHarmSuspected: null,
    accommodationNeeded: null,
    sharedWithFamilyInWriting: null,
    notSharedWithFamilyReason: null,
    sharedWithReferrer: null,
    sharedWithAgencies: null,
    parentalConsentForSupport: null,
    planOfActionRecorded: null,
  },
  timescale: { exceededReasonRecorded: null },
};

function promptShown(ruleId: string, record: AssessmentRecord) {
  const parsed = parseRecord(record);
  if (!parsed.ok) throw new Error(`case record fails the schema: ${JSON.stringify(parsed.problems)}`);
  const { prompt, findings, evaluation } = statusOf(hertfordshirePack, ruleId, parsed.record);
  // A prompt is a reflective question: never a finding, never "missing", never blocking.
  expect(findings).toEqual([]);
  expect(evaluation.ready.blocking.some((b) => b.ruleId === ruleId)).toBe(false);
  return prompt;
}

/**
 * A prompt's three cases. Met: shown beside a complete record. Missing: still shown (as a
 * question, not as a missing step) when the section is blank. Unknown: shown before anything is read.
 */
export function testPrompt(ruleId: string, section: string): void {
  describe(ruleId, () => {
    it('is a prompt in its form section', () => {
      const rule = hertfordshirePack.rules.find((r) => r.id === ruleId);
      expect(rule?.kind).toBe('prompt');
      expect(rule?.section).toBe(section);
    });
    it('met: shown beside a complete record', () => {
      expect(promptShown(ruleId, completeHertfordshireRecord)?.section).toBe(section);
    });
    it('missing: shown as a question, not a missing step, when every field is blank', () => {
      expect(promptShown(ruleId, allBlank)).toBeDefined();
    });
    it('unknown: shown before anything has been read', () => {
      expect(promptShown(ruleId, nothingRead)).toBeDefined();
    });
  });
}

/** A conditional prompt: shown only when its trigger is known to be true. */
export function testConditionalPrompt(
  ruleId: string,
  cases: { shown: AssessmentRecord; notTriggered: AssessmentRecord; notRead: AssessmentRecord },
): void {
  describe(ruleId, () => {
    it('met: shown when the worry is recorded', () => {
      expect(promptShown(ruleId, cases.shown)).toBeDefined();
    });
    it('missing: not shown when the worry is recorded as absent', () => {
      expect(promptShown(ruleId, cases.notTriggered)).toBeUndefined();
    });
    it('unknown: not shown while the worry has not been read', () => {
      expect(promptShown(ruleId, cases.notRead)).toBeUndefined();
    });
  });
}
