// npx tsx scripts/procedure-coverage.ts [--check]
// Writes docs/procedure-coverage.md: every obligation in both procedures, traced to the rule that
// encodes it or the reason none does. The obligations are read by hand from ../shared/procedures/;
// each rule's severity, kind and message are generated from the packs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COUNCIL_PACK_DOCS, JOINED_PACKS, PACKS } from '../lib/rules/packs';
import { councilObligations, ruleOrigins } from '../lib/rules/council/coverage';
import type { Rule } from '../lib/rules/types';
import { EXIT_FAILURE, EXIT_OK, isMainModule, processOutput, type CliOutput } from './lib/args';

const HERE = dirname(fileURLToPath(import.meta.url));
export const COVERAGE_DOC_PATH = resolve(HERE, '..', 'docs', 'procedure-coverage.md');
export const REGENERATE_COVERAGE = 'npx tsx scripts/procedure-coverage.ts';
/** The procedures the quotes come from (read-only, beside the repository). */
export const PROCEDURE_PATHS: Record<'derby' | 'hertfordshire' | 'wirral', string> = {
  derby: resolve(HERE, '..', '..', 'shared', 'procedures', 'derby-3.1.1-single-assessment-guidance.txt'),
  hertfordshire: resolve(HERE, '..', '..', 'shared', 'procedures', 'hertfordshire-3.2-single-assessment.txt'),
  /** Wirral's full text is not held: its facts file (figures and headings) is what its quotes are checked against. */
  wirral: resolve(HERE, '..', '..', 'shared', 'procedures', 'wirral-1.3.3-facts.md'),
};

export interface Obligation {
  pack: 'derby' | 'hertfordshire' | 'national' | 'wirral';
  /** The procedure's section number, e.g. "2.3" or "6". */
  section: string;
  /** The procedure's words, 25 words at most; "…" joins parts of one passage. */
  quote: string;
  /** The rules that encode it. */
  rules: string[];
  /** Why no rule encodes it (e.g. not recordable in a case system), or a note on a rule. */
  reason?: string;
}

/** Where a rule differs from the catalogue's first reading: the procedure's words win. */
export const CATALOGUE_DEVIATIONS: Record<string, string> = {
  'derby/assessment-plan-agreed-in-writing': 'Cites Derby 2.1, where "agree the Assessment Plan with parents in writing" is written; 2.3 only says a timeframe is agreed.',
  'derby/outcome-shared-with-family': 'Required: 2.10 says the outcome "should be" discussed and provided in written form, and gives no exception, so a reason for not sharing does not meet it.',
  'derby/outcome-shared-with-referrer': 'Required: 2.10 says the outcome "should be" shared with the referrer in writing.',
  'derby/outcome-shared-with-agencies': 'Required: 2.10 says the outcome "is to be shared" with the agencies; parental consent is needed unless child protection procedures have been initiated.',
  'hertfordshire/outcome-shared-with-agencies': 'Required: section 6 says the outcome "should be" given in writing to agencies providing services.',
};

export const OBLIGATIONS: Obligation[] = [
  { pack: 'derby', section: "1", quote: "If there has been a completed Early Help Assessment this should be used as an important source of information", rules: ["derby/prompt-background-previous-assessments"], reason: "The form records whether an Early Help Assessment was considered (background.earlyHelpAssessmentConsidered), not whether a completed one exists, so the duty's condition cannot be read: a prompt, shown until it is recorded as considered." },
  { pack: 'derby', section: "1", quote: "All practitioners should aim to gain consent to share information", rules: ["derby/consent-to-share"] },
  { pack: 'derby', section: "1", quote: "Consent from the parent/carer (and where appropriate the child/young person) should be obtained in writing prior to sharing information", rules: ["derby/consent-to-share"] },
  { pack: 'derby', section: "1", quote: "in all cases a record of the discussion and who gave consent must be made in LCS", rules: ["derby/consent-to-share"] },
  { pack: 'derby', section: "1", quote: "Where a decision to share information without consent is being considered, a discussion should take place with the team manager", rules: ["derby/consent-to-share"] },
  { pack: 'derby', section: "1", quote: "The outcome of the consultation and any further advice should be fully recorded", rules: ["derby/consent-to-share"] },
  { pack: 'derby', section: "1", quote: "the reason for proceeding without agreement must be recorded", rules: ["derby/consent-to-share"] },
  { pack: 'derby', section: "1", quote: "agencies should be told that the parent/carer/young person has withheld permission", rules: ["derby/consent-withheld-agencies-told"] },
  { pack: 'derby', section: "1", quote: "the parent should be contacted by the worker to inform that after considering their wishes, it is still felt necessary to share the information", rules: ["derby/consent-withheld-agencies-told"] },
  { pack: 'derby', section: "2.1", quote: "Ensure that details are accurate, particularly name spellings", rules: [], reason: "Not checkable: the extension never reads or keeps names." },
  { pack: 'derby', section: "2.1", quote: "Parental Responsibility … should be established from the outset", rules: ["derby/parental-responsibility-established"] },
  { pack: 'derby', section: "2.1", quote: "it is important to get the consent of those with PR for the child to speak to all of the professionals involved with them", rules: ["derby/consent-to-share"] },
  { pack: 'derby', section: "2.1", quote: "At this stage the social worker will agree the Assessment Plan with parents in writing", rules: ["derby/assessment-plan-agreed-in-writing"] },
  { pack: 'derby', section: "2.1", quote: "For all initial single assessments, every child that resides in the home, should be included", rules: ["derby/all-household-children-included"] },
  { pack: 'derby', section: "2.1", quote: "The rationale for any children not to be included in subsequent assessments will be clearly recorded", rules: ["derby/all-household-children-included"] },
  { pack: 'derby', section: "2.1", quote: "Practice Triggers … Think of the whole family and who may be involved, particularly absent fathers", rules: ["derby/prompt-household-whole-family", "derby/prompt-household-relationships-recorded", "derby/prompt-household-voluntary-and-adult-services", "derby/prompt-household-parents-support-worker", "derby/prompt-household-parents-worker-contact"] },
  { pack: 'derby', section: "2.2", quote: "Evidence how you know the child and their family can understand this assessment, while considering any communication needs", rules: ["derby/prompt-reasons-family-understands"], reason: "How understanding is evidenced is narrative, not a recorded fact: a prompt." },
  { pack: 'derby', section: "2.2", quote: "We need to state what we are worried about", rules: ["derby/analysis-minimum"] },
  { pack: 'derby', section: "2.2", quote: "It's important to gain the perspective and engagement of absent fathers/parents and non-resident parents … The assessment will not be complete without this", rules: ["derby/absent-parent-perspective"], reason: "Required. A recorded reason a parent is not involved (e.g. bail conditions, or safety) is accepted, as in every parent rule, and the manager sees it before sign-off." },
  { pack: 'derby', section: "2.2", quote: "Remain curious throughout this process; … Who will you speak to? … How long will you need to do the work?", rules: ["derby/prompt-reasons-stay-curious", "derby/prompt-reasons-who-to-speak-to", "derby/prompt-reasons-records-to-read", "derby/prompt-reasons-time-needed", "derby/prompt-reasons-case-review-lessons"] },
  { pack: 'derby', section: "2.3", quote: "A timeframe is agreed, and the tools and methods to be used discussed", rules: ["derby/plan-timeframe-and-methods"], reason: "Body text with no must or should: good practice, shown, never blocks (planning.timescaleAgreed and planning.toolsAndMethodsRecorded)." },
  { pack: 'derby', section: "2.3", quote: "The genogram should be completed, to assist", rules: ["derby/genogram"] },
  { pack: 'derby', section: "2.3", quote: "required support should be offered at the earliest opportunity without waiting for the finalised assessment", rules: ["derby/prompt-plan-think-long-term"], reason: "Whether support was offered early has no field on the form: a prompt." },
  { pack: 'derby', section: "2.3", quote: "Is anything needed to support communication with the child and family e.g. an interpreter?", rules: ["derby/prompt-plan-communication-support"], reason: "A question: a prompt. The interpreter duty is 2.10's (derby/interpreter-for-sharing)." },
  { pack: 'derby', section: "2.3", quote: "Read the Social Care file", rules: ["derby/prompt-plan-read-social-care-file"], reason: "No must or should: a prompt, shown until planning.fileRead is recorded." },
  { pack: 'derby', section: "2.3", quote: "It is important that during the assessment practitioners see the child alone", rules: ["derby/child-seen-alone"], reason: "The body text's duty behind the Practice Trigger clocks: required. Derby gives no exception, so no recorded reason meets it; a manager may accept one." },
  { pack: 'derby', section: "2.3", quote: "They should comment on the assessment plan and their views of the timescales recommended", rules: ["derby/manager-endorsed-plan"] },
  { pack: 'derby', section: "2.3", quote: "Assessments should be completed within 45 working days", rules: ["derby/assessment-45-working-days"] },
  { pack: 'derby', section: "2.3", quote: "However, sometimes a shorter deadline will be required in the interests of the child(ren) concerned", rules: ["derby/plan-target-date"], reason: "The shorter deadline is the one agreed in the plan (planning.targetDate): shown when it is earlier than the 45 working days, good practice, never blocks; the 45 working days still apply and are shown. Hertfordshire's procedure says no such thing (its 5 working days are a maximum, and section 7's timescales are for the case direction's actions)." },
  { pack: 'derby', section: "2.3", quote: "the Single Assessment may not be completed in time for the Initial Child Protection Conference however a conference report will be completed", rules: ["derby/conference-report"] },
  { pack: 'derby', section: "2.3", quote: "completed each time there is a significant event … as a guide this would be no more than every 12 months for CiN or CP", rules: ["derby/reassessment-12-months"], reason: "\"As a guide\": good practice, and only for a re-assessment of an open case." },
  { pack: 'derby', section: "2.3", quote: "be aware that your manager will need the assessment 5 working days prior to the final deadline", rules: ["derby/manager-copy-5-working-days-before"], reason: "A Practice Trigger: the date is shown, never blocks, and owes no timescale reason." },
  { pack: 'derby', section: "2.3", quote: "See the child alone (within 24 hours if subject to S47 enquiry", rules: ["derby/child-seen-alone-24-hours-s47"], reason: "A Practice Trigger (\"useful hints / tips\"): a clock for each child in the enquiry, shown, never blocks, judged to the hour with the visit's time. What blocks is the body text: the child seen alone (derby/child-seen-alone) and, when not seen in time, 2.4's threshold duty." },
  { pack: 'derby', section: "2.3", quote: "within 5 working days if assessment arising because it is considered child may be in need", rules: ["derby/child-seen-alone-5-working-days"], reason: "A Practice Trigger: a clock shown, never blocks, and it owes no timescale reason. The body-text duty is derby/child-seen-alone." },
  { pack: 'derby', section: "2.3", quote: "Be aware of any health and safety risks to staff when visiting … Has the child been seen?", rules: ["derby/prompt-plan-staff-safety", "derby/prompt-plan-has-child-been-seen", "derby/prompt-plan-completion-date-in-calendar", "derby/prompt-plan-when-seen-alone"] },
  { pack: 'derby', section: "2.4", quote: "Is a strategy discussion / meeting required?", rules: ["derby/prompt-child-protection-strategy-discussion", "derby/strategy-discussion-held"], reason: "A question: a prompt. The duty is Working Together 2023's (a strategy discussion where significant harm is suspected), cited as the check's source: required only in a Section 47 enquiry or where significant harm is suspected, not when a strategy discussion is itself the outcome (2.10), and met once its date is recorded." },
  { pack: 'derby', section: "2.4", quote: "If a child is not seen in this timeframe then the threshold must be considered and the matter escalated or closed", rules: ["derby/threshold-considered-not-seen", "derby/prompt-child-protection-not-seen-in-time"] },
  { pack: 'derby', section: "2.4", quote: "Managerial direction and oversight is essential … all hand written notes should be scanned into the electronic system", rules: ["derby/prompt-child-protection-manager-oversight", "derby/prompt-child-protection-detailed-recording"], reason: "Scanned notes sit outside the assessment form: a prompt." },
  { pack: 'derby', section: "2.5", quote: "The social worker in conjunction with the key family members will undertake an exercise to draw and understand the genogram", rules: ["derby/genogram"] },
  { pack: 'derby', section: "2.5", quote: "The LCS chronology function should be used in all cases", rules: ["derby/chronology"] },
  { pack: 'derby', section: "2.5", quote: "It is essential as part of building our understanding that eco-maps are completed", rules: ["derby/ecomap"] },
  { pack: 'derby', section: "2.5", quote: "It is important to identify whether there have been any other previous assessments undertaken with the family", rules: ["derby/prompt-background-previous-assessments"] },
  { pack: 'derby', section: "2.5", quote: "Written consent must be provided from parents before this can be undertaken", rules: ["derby/consent-to-share"] },
  { pack: 'derby', section: "2.5", quote: "if this is not the case the lack of consent must be respected", rules: ["derby/consent-to-share"] },
  { pack: 'derby', section: "2.5", quote: "You should consider the following types of assessment, or gathering information from the agency", rules: ["derby/other-agencies-consulted"] },
  { pack: 'derby', section: "2.5", quote: "Remember to ask about where they lived before, and check all records in that area too", rules: ["derby/other-agencies-consulted", "derby/prompt-background-previous-areas"] },
  { pack: 'derby', section: "2.5", quote: "You must always ask these safety questions, and provide information as required", rules: ["derby/safety-questions-asked", "derby/safety-advice-given"] },
  { pack: 'derby', section: "2.5", quote: "If \"no\" is answered to these, please ensure the relevant information is passed onto the family", rules: ["derby/safety-advice-given"] },
  { pack: 'derby', section: "2.5", quote: "document clearly whether the family adhere to the safety recommendations given", rules: ["derby/safety-advice-adherence"] },
  { pack: 'derby', section: "2.5", quote: "What is this telling you? … Who is missing? … What's not being talked about?", rules: ["derby/prompt-background-what-is-it-telling-you", "derby/prompt-background-who-is-missing", "derby/prompt-background-relationships", "derby/prompt-background-not-talked-about"] },
  { pack: 'derby', section: "2.6", quote: "it is essential that the child's story should also include child's own words or understanding of their situation", rules: ["derby/child-own-words"] },
  { pack: 'derby', section: "2.6", quote: "With younger children or pre-birth situations it is essential that the social worker considered the child's story / narrative based on presenting issues", rules: ["derby/prompt-views-young-child-observed"] },
  { pack: 'derby', section: "2.6", quote: "Consider identity, gender, race, cultural and disability issues and if the child is a young carer", rules: ["derby/prompt-profile-identity", "derby/prompt-profile-disability", "derby/prompt-profile-young-carer"] },
  { pack: 'derby', section: "2.6", quote: "This section includes the narrative of each birth parent / carer, explored both independently and together where possible", rules: ["derby/prompt-profile-parents-life-story"], reason: "Narrative is never kept; whether it was explored both ways is not a field: a prompt." },
  { pack: 'derby', section: "2.6", quote: "Ensure you have considered domestic abuse, parental mental health, learning needs and substance misuse / dependency", rules: ["derby/prompt-profile-parental-factors", "derby/prompt-profile-domestic-abuse", "derby/prompt-profile-parental-mental-health", "derby/prompt-profile-parental-learning-needs", "derby/prompt-profile-substance-misuse"], reason: "The form holds which worries are ticked, not that each was considered: prompts." },
  { pack: 'derby', section: "2.6", quote: "Consider the family's position in the local community … Explore finances, budgeting and housing", rules: ["derby/prompt-profile-community-and-money"] },
  { pack: 'derby', section: "2.6", quote: "See every child's bedroom", rules: ["derby/every-bedroom-seen"], reason: "A Practice Trigger, stated nowhere in the body text: a prompt, shown until every child's bedroom is recorded as seen." },
  { pack: 'derby', section: "2.6", quote: "Make the child real. Have you seen each child? … What is it like for this child to live in this family?", rules: ["derby/prompt-profile-seen-each-child", "derby/prompt-profile-what-matters-to-child", "derby/prompt-profile-childs-shoes", "derby/prompt-profile-life-in-this-family", "derby/prompt-profile-who-does-what", "derby/prompt-profile-close-relatives", "derby/prompt-profile-wider-family"] },
  { pack: 'derby', section: "2.7", quote: "What would they like to change? What things does the child like?", rules: ["derby/child-views-recorded"], reason: "Asked of each child old enough (the pack's viewsFromAge); a baby is observed instead." },
  { pack: 'derby', section: "2.7", quote: "their comments should be recorded confidentially in case notes", rules: ["derby/prompt-views-confidential"], reason: "Case notes sit outside the assessment form: a prompt." },
  { pack: 'derby', section: "2.7", quote: "Does the child need or want an advocate (a requirement for children in case conferences)?", rules: ["derby/advocate-for-conference", "derby/prompt-views-advocate"] },
  { pack: 'derby', section: "2.7", quote: "The child must be seen alone", rules: ["derby/child-seen-alone", "derby/prompt-views-see-child-alone"], reason: "A Practice Trigger, but 2.3's body text states the same duty, so the check is required; \"must\" with no exception: no reason meets it." },
  { pack: 'derby', section: "2.7", quote: "Consider any possible influence or duress the child may be under", rules: ["derby/prompt-views-child-under-pressure", "derby/prompt-views-barriers-to-telling"] },
  { pack: 'derby', section: "2.7", quote: "Their perspective must be valued", rules: ["derby/parents-views-recorded"] },
  { pack: 'derby', section: "2.7", quote: "Each parent / carer to be seen alone", rules: ["derby/parents-seen-alone"], reason: "A Practice Trigger, stated nowhere in the body text: a prompt, shown while a parent or carer at home is not seen alone and has no recorded reason for not being involved." },
  { pack: 'derby', section: "2.7", quote: "Does the assessment need interpreting? … Do the parents / carers understand the content of the assessment?", rules: ["derby/prompt-views-interpreting", "derby/prompt-views-parents-understand", "derby/prompt-views-parent-under-pressure"] },
  { pack: 'derby', section: "2.8", quote: "As a minimum always consider and record: what you and the family are worried about", rules: ["derby/analysis-minimum"] },
  { pack: 'derby', section: "2.8", quote: "The different worries and analysis for each child must be evident", rules: ["derby/analysis-each-child"] },
  { pack: 'derby', section: "2.8", quote: "As part of your analysis you should consider and reflect the voice of each child", rules: ["derby/prompt-analysis-each-childs-voice"], reason: "How a child's voice shaped the actions is narrative: a prompt." },
  { pack: 'derby', section: "2.8", quote: "Have you been clear about the rationale for the recommendations and considered the threshold document?", rules: ["derby/recommendation-threshold"] },
  { pack: 'derby', section: "2.8", quote: "Make sure you agree these with your manager", rules: ["derby/recommendation-agreed-with-manager"] },
  { pack: 'derby', section: "2.8", quote: "It is vital to consider threshold at this point", rules: ["derby/recommendation-threshold"] },
  { pack: 'derby', section: "2.8", quote: "Think about and reflect on the following (this is not an exhaustive list)", rules: ["derby/prompt-analysis-who-helped", "derby/prompt-analysis-evidence", "derby/prompt-analysis-knowledge-and-skills", "derby/prompt-analysis-made-sense", "derby/prompt-analysis-strengths", "derby/prompt-analysis-who-is-missing", "derby/prompt-analysis-family-understanding", "derby/prompt-analysis-all-perspectives", "derby/prompt-analysis-parenting-capacity", "derby/prompt-analysis-safe-enough", "derby/prompt-analysis-factors-affecting-judgement", "derby/prompt-analysis-manager-dialogue"] },
  { pack: 'derby', section: "2.8", quote: "You are the professional expert; … Have you been curious enough?", rules: ["derby/prompt-analysis-professional-expert", "derby/prompt-analysis-childs-world", "derby/prompt-analysis-curious-enough", "derby/prompt-analysis-what-affected-assessment"] },
  { pack: 'derby', section: "2.9", quote: "the manager must comment on threshold in this section", rules: ["derby/manager-threshold-comment"] },
  { pack: 'derby', section: "2.9", quote: "Please record case discussions and agreed actions on case notes in the appropriate section", rules: ["derby/prompt-manager-case-discussion-recorded"], reason: "Case notes sit outside the assessment form: a prompt." },
  { pack: 'derby', section: "2.10", quote: "In the course of the assessment the social worker and their line manager should determine", rules: ["derby/outcome-decided"] },
  { pack: 'derby', section: "2.10", quote: "agree a plan of action setting out the services to be delivered; how and by whom", rules: ["derby/plan-of-action"] },
  { pack: 'derby', section: "2.10", quote: "Remember parental consent is required for Early Help intervention or Child in Need support", rules: ["derby/consent-for-support"] },
  { pack: 'derby', section: "2.10", quote: "Could this family be supported by Early Help services?", rules: ["derby/prompt-outcomes-early-help"] },
  { pack: 'derby', section: "2.10", quote: "Discussed with the child and family and provided to them in written form", rules: ["derby/outcome-shared-with-family"], reason: "Derby gives no exception, so a reason for not sharing does not meet it." },
  { pack: 'derby', section: "2.10", quote: "For families whose first language is not English then an interpreter must be used to share the assessment", rules: ["derby/interpreter-for-sharing"] },
  { pack: 'derby', section: "2.10", quote: "is to be shared with the agencies involved … parental consent will be required for this unless Child Protection procedures have been initiated", rules: ["derby/outcome-shared-with-agencies"] },
  { pack: 'derby', section: "2.10", quote: "is shared with the referrer in writing", rules: ["derby/outcome-shared-with-referrer"] },
  { pack: 'derby', section: "2.10", quote: "should be no longer than 45 working days from the point of referral or from the point that it is decided an assessment is necessary", rules: ["derby/assessment-45-working-days"] },
  { pack: 'derby', section: "2.10", quote: "the social worker and professionals involved should record the reasons for exceeding the time limit", rules: ["derby/timescale-exceeded-reason"], reason: "Owed only when the assessment's own 45 working days are exceeded." },
  { pack: 'hertfordshire', section: "scope", quote: "Each child who has been referred into Hertfordshire children's social care should have an individual assessment", rules: ["hertfordshire/each-child-assessed-separately"] },
  { pack: 'hertfordshire', section: "scope", quote: "have to give due regard to a child's age and understanding", rules: ["hertfordshire/child-views-recorded", "hertfordshire/prompt-young-child-observed"], reason: "Views are asked from the pack's viewsFromAge; a baby is observed." },
  { pack: 'hertfordshire', section: "1", quote: "Children should to be seen and listened to and included throughout the assessment process", rules: ["hertfordshire/all-children-seen", "hertfordshire/child-views-recorded"] },
  { pack: 'hertfordshire', section: "1", quote: "information is gathered, recorded and checked systematically, and discussed with the child and their parents/carers where appropriate", rules: [], reason: "How information was gathered and checked is not a fact a case system holds." },
  { pack: 'hertfordshire', section: "1", quote: "Any services provided following assessment should be based on a clear analysis of the child's needs", rules: ["hertfordshire/evidence-for-decisions"] },
  { pack: 'hertfordshire', section: "1", quote: "Direct work with the child and family should include observations of the interactions between the child and the parents/care-givers", rules: ["hertfordshire/prompt-young-child-observed"], reason: "No field records observations at any age: a prompt, shown where a child is too young to give views." },
  { pack: 'hertfordshire', section: "1", quote: "All agencies involved with the child, the parents and the wider family have a duty to collaborate and share information", rules: [], reason: "A duty on every agency, not something the social worker's form records." },
  { pack: 'hertfordshire', section: "2", quote: "the purpose of the assessment should be transparent, understood and agreed by all participants", rules: ["hertfordshire/plan-agreed-by-participants"] },
  { pack: 'hertfordshire', section: "2", quote: "other children in the household or family should be equally considered, and the individual circumstances of each assessed and evaluated separately", rules: ["hertfordshire/all-children-seen", "hertfordshire/each-child-assessed-separately"] },
  { pack: 'hertfordshire', section: "2", quote: "Planning should identify the different elements of the assessment including who should be involved", rules: ["hertfordshire/prompt-who-involved"] },
  { pack: 'hertfordshire', section: "2", quote: "Questions to be considered in planning assessments include", rules: ["hertfordshire/prompt-who-undertakes", "hertfordshire/prompt-grouping", "hertfordshire/prompt-services-during", "hertfordshire/prompt-ethnicity-disability", "hertfordshire/prompt-methods-tools", "hertfordshire/prompt-what-is-known", "hertfordshire/prompt-other-sources", "hertfordshire/prompt-timescales", "hertfordshire/prompt-recording", "hertfordshire/prompt-analysis-plan", "hertfordshire/prompt-outcomes-planning"], reason: "Questions: prompts." },
  { pack: 'hertfordshire', section: "2", quote: "How will the consent of family members be obtained?", rules: ["hertfordshire/consent-obtained"], reason: "A planning question, not a duty stated elsewhere: a prompt that never blocks." },
  { pack: 'hertfordshire', section: "2", quote: "Are there communication needs? If so, what are the specific needs and how they will be met?", rules: ["hertfordshire/communication-needs"], reason: "A planning question: a prompt, shown until the needs are recorded. Hertfordshire states no interpreter duty (that is Derby 2.10's)." },
  { pack: 'hertfordshire', section: "3", quote: "A good assessment is one which investigates the three domains", rules: ["hertfordshire/three-domains"] },
  { pack: 'hertfordshire', section: "3", quote: "the assessment, in looking at the domains, should also consider where the strengths are in a child's circumstances", rules: ["hertfordshire/strengths-considered"] },
  { pack: 'hertfordshire', section: "3", quote: "An assessment should establish", rules: ["hertfordshire/prompt-nature-and-impact", "hertfordshire/prompt-needs-and-risk", "hertfordshire/prompt-how-concerns-arose", "hertfordshire/prompt-child-in-need", "hertfordshire/prompt-abuse-or-neglect", "hertfordshire/prompt-wider-family-community", "hertfordshire/prompt-urgent-action", "hertfordshire/prompt-exploitation", "hertfordshire/prompt-modern-slavery", "hertfordshire/prompt-radicalisation"], reason: "What each answer is belongs to the narrative; that they are answered is covered by the analysis and outcome checks." },
  { pack: 'hertfordshire', section: "3", quote: "if there is a concern with regards to exploitation or trafficking, a referral into the National Referral Mechanism should be made", rules: ["hertfordshire/nrm-referral"] },
  { pack: 'hertfordshire', section: "3", quote: "Where an Early Help Assessment has already been completed this information should be used to inform the assessment", rules: ["hertfordshire/prompt-what-is-known"] },
  { pack: 'hertfordshire', section: "3", quote: "Critical reflection through supervision should strengthen the analysis in each assessment", rules: ["hertfordshire/prompt-supervision-challenge"] },
  { pack: 'hertfordshire', section: "3", quote: "any previous conclusions should be updated and critically reviewed", rules: ["hertfordshire/prompt-supervision-challenge"] },
  { pack: 'hertfordshire', section: "4", quote: "They should be seen alone and if this is not possible or in their best interest, the reason should be recorded", rules: ["hertfordshire/child-seen-alone"] },
  { pack: 'hertfordshire', section: "4", quote: "The parents should be involved at the earliest opportunity unless to do so would prejudice the safety of the child", rules: ["hertfordshire/prompt-parents-involved-early"], reason: "The form holds no date parents were first involved: a prompt." },
  { pack: 'hertfordshire', section: "4", quote: "All parents or care givers should be involved equally in the assessment", rules: ["hertfordshire/parents-seen-views-recorded"] },
  { pack: 'hertfordshire', section: "4", quote: "the plan for the assessment must consider the safety of an adult as well as that of the child", rules: ["hertfordshire/prompt-parent-involvement-safety"], reason: "No field records the plan's thinking about an adult's safety: a prompt, shown where domestic or sexual abuse is a worry. The exception it allows is the recorded reason hertfordshire/parents-seen-views-recorded accepts." },
  { pack: 'hertfordshire', section: "5", quote: "The professionals should be involved from the outset and through the agreed, regular process of review", rules: ["hertfordshire/prompt-professionals-from-outset"], reason: "The form holds which agencies were consulted, not when: a prompt." },
  { pack: 'hertfordshire', section: "5", quote: "Differences of opinion between professionals should be resolved speedily", rules: ["hertfordshire/prompt-professional-disagreement"] },
  { pack: 'hertfordshire', section: "6", quote: "In the course of the assessment the social worker and their line manager should determine", rules: ["hertfordshire/statutory-questions-answered"] },
  { pack: 'hertfordshire', section: "6", quote: "The possible outcomes of the assessment should be decided on by the social worker and their line manager", rules: ["hertfordshire/outcome-decided"] },
  { pack: 'hertfordshire', section: "6", quote: "who should agree a plan of action setting out the services to be delivered how and by whom", rules: ["hertfordshire/plan-of-action"] },
  { pack: 'hertfordshire', section: "6", quote: "Discussed with the child and family and provided to them in written form. Exceptions to this are where this might place a child at risk", rules: ["hertfordshire/outcome-shared-with-family"] },
  { pack: 'hertfordshire', section: "6", quote: "Taking account of confidentiality, provided to professional referrers", rules: ["hertfordshire/outcome-shared-with-referrer"], reason: "Owed only to a professional referrer, and no case system records who referred: expected (shown, never blocks)." },
  { pack: 'hertfordshire', section: "6", quote: "Given in writing to agencies involved in providing services to the child", rules: ["hertfordshire/outcome-shared-with-agencies"] },
  { pack: 'hertfordshire', section: "6", quote: "should be no longer than 5 working days from the point of referral", rules: ["hertfordshire/assessment-5-working-days"], reason: "Kept as written (Derby's same sentence says 45); a council can change it in the pack settings (assessmentWorkingDays)." },
  { pack: 'hertfordshire', section: "6", quote: "the social worker and professionals involved should record the reasons for exceeding the time limit", rules: ["hertfordshire/timescale-exceeded-reason"] },
  { pack: 'hertfordshire', section: "7", quote: "The assessment case direction must set out timescales for the actions to be met", rules: ["hertfordshire/case-direction-timescales"] },
  { pack: 'hertfordshire', section: "7", quote: "Where delays or obstacles occur these must be acted on and the case direction must be reviewed", rules: ["hertfordshire/prompt-timescales"], reason: "The form records no delays or obstacles to check against: a prompt." },
  { pack: 'hertfordshire', section: "7", quote: "The social worker's line manager must review the assessment progress regularly", rules: ["hertfordshire/supervision-review"] },
  { pack: 'hertfordshire', section: "7", quote: "There has been direct communication with the child alone and their views and wishes have been recorded", rules: ["hertfordshire/child-seen-alone", "hertfordshire/child-views-recorded"] },
  { pack: 'hertfordshire', section: "7", quote: "All the children in the household have been seen and their needs considered", rules: ["hertfordshire/all-children-seen"] },
  { pack: 'hertfordshire', section: "7", quote: "The child's home address has been visited and the child's bedroom has been seen", rules: ["hertfordshire/home-visited-bedroom-seen"] },
  { pack: 'hertfordshire', section: "7", quote: "The parents have been seen and their views and wishes have been recorded and taken into account", rules: ["hertfordshire/parents-seen-views-recorded"] },
  { pack: 'hertfordshire', section: "7", quote: "The analysis and evaluation has been completed", rules: ["hertfordshire/analysis-completed"] },
  { pack: 'hertfordshire', section: "7", quote: "The assessment provides clear evidence for decisions on what types of services are needed", rules: ["hertfordshire/evidence-for-decisions"] },
  { pack: 'hertfordshire', section: "8", quote: "Recording by all professionals should include information on the child's development", rules: ["hertfordshire/prompt-development-neglect"], reason: "Development is narrative: a prompt, shown where neglect is a worry." },
  { pack: 'hertfordshire', section: "8", quote: "Records should be kept of the progress of the assessment on the individual child's record and in their Chronology", rules: ["hertfordshire/chronology"] },
  { pack: 'hertfordshire', section: "8", quote: "Assessment progress and action points arising from plans and meetings should be circulated to the participants including the child, if appropriate, and the parents", rules: ["hertfordshire/progress-circulated"] },
  { pack: 'hertfordshire', section: "8", quote: "The recording should be such that a child, requesting to access their records, could easily understand", rules: ["hertfordshire/prompt-child-readable-record"] },
  { pack: 'hertfordshire', section: "8", quote: "Supervision records should reflect the reasoning for decisions and actions taken", rules: ["hertfordshire/supervision-review"] },
  { pack: 'hertfordshire', section: "9", quote: "Differences in views about information are recorded", rules: ["hertfordshire/differences-in-views"], reason: "Part of a model the procedure describes (\"it notes that it is important\"): good practice." },
  { pack: 'hertfordshire', section: "9", quote: "The impact of what is happening to the child is clearly identified", rules: ["hertfordshire/analysis-completed"] },
  { pack: 'hertfordshire', section: "10", quote: "Assessments of children in such cases should consider whether wider environmental factors are undermining effective intervention", rules: ["hertfordshire/risk-outside-home"] },
  { pack: 'national', section: "WT 2023 ch. 4", quote: "Initial child protection conference within 15 working days of the strategy discussion at which section 47 enquiries were initiated", rules: ["national/icpc-15-working-days"], reason: "Working Together to Safeguard Children 2023, chapter 4, as summarised here; the text is not held in this repository, so the paragraph number and exact words cannot be checked here." },
  { pack: 'national', section: "CIN census", quote: "Factors identified at the end of assessment, as census codes; the assessment's end is its authorisation date", rules: ["national/cin-census-at-assessment-end"], reason: "Department for Education children in need census guide; the guide is not held here, so its edition and the full code list cannot be checked here. Codes named in messages: 3A, 21, 24A." },
];

// A council pack written as JSON traces itself (lib/rules/council/coverage.ts): each rule's section
// and the council's words, or why they are not held; each base rule switched off and why.
for (const doc of COUNCIL_PACK_DOCS) OBLIGATIONS.push(...(councilObligations(doc) as Obligation[]));

type AnyRule = Rule<never>;

/** Every rule of every shipped pack, once (the national layer sits under both). */
export function allRules(): Map<string, AnyRule> {
  const out = new Map<string, AnyRule>();
  for (const pack of Object.values(PACKS)) for (const rule of pack.rules as ReadonlyArray<AnyRule>) out.set(rule.id, rule);
  return out;
}

/**
 * Text compared loosely: curly quotes straight, dashes as a hyphen, runs of space (and bullets) as
 * one space, lower case. The one normaliser for every check that a quote is the procedure's words.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2022\uf0b7]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The verbatim parts of a quote, normalised: "…" stands for words left out between two parts. */
export function quoteParts(quote: string): string[] {
  return quote
    .split('…')
    .map((p) => normaliseText(p).replace(/^[;,.\s]+|[;,.\s]+$/g, ''))
    .filter(Boolean);
}

/** The parts of a quote not found, in order, in a procedure's text (already normalised): none when it is the procedure's words. */
export function partsNotFound(quote: string, normalisedText: string): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const part of quoteParts(quote)) {
    const at = normalisedText.indexOf(part, from);
    if (at < 0) missing.push(part);
    else from = at + part.length;
  }
  return missing;
}

/**
 * A procedure's text by section, each normalised: a section runs from its numbered heading ("2.3" in
 * Derby, "6" in Hertfordshire; indented at most one space, so a contents list is not one) to the next;
 * Hertfordshire's "SCOPE OF THIS CHAPTER" is "scope".
 */
export function procedureSections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const headings = [...text.matchAll(/^ ?(?:(\d+(?:\.\d+)*)\.?[ \t]+[A-Z]|(SCOPE) OF THIS CHAPTER)/gm)];
  headings.forEach((h, i) => {
    const end = headings[i + 1]?.index ?? text.length;
    out.set(h[1] ?? (h[2] ?? '').toLowerCase(), normaliseText(text.slice(h.index, end)));
  });
  return out;
}

/** The parts of a quote not found, in order, in the sections a source cites ("2.3, 2.10": both, in that order). */
export function partsNotFoundInSections(quote: string, section: string, sections: ReadonlyMap<string, string>): string[] {
  const text = section
    .split(',')
    .map((s) => sections.get(s.trim()) ?? '')
    .join(' ');
  return partsNotFound(quote, text);
}

export function wordCount(quote: string): number {
  return quote.replace(/…/g, ' ').split(/\s+/).filter(Boolean).length;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

const PACK_TITLES: Record<Obligation['pack'], string> = {
  derby: 'Derby City 3.1.1 Single Assessment Guidance',
  hertfordshire: 'Hertfordshire 3.2 Single Assessment',
  national: 'National layer (under every pack)',
  wirral: 'Wirral 1.3.3 Single Assessment Policy and Guidance (a council pack in JSON)',
};

/** Where each council rule comes from: its JSON pack over a base rule, or its own code. */
export function allOrigins(): Map<string, string> {
  const out = new Map<string, string>();
  for (const doc of COUNCIL_PACK_DOCS) for (const [id, from] of ruleOrigins(doc)) out.set(id, from);
  for (const { doc, own } of JOINED_PACKS) for (const [id, from] of ruleOrigins(doc, own)) out.set(id, from);
  return out;
}

function ruleCell(id: string, rules: Map<string, AnyRule>, origins: Map<string, string>): string {
  const rule = rules.get(id);
  if (!rule) return `\`${id}\` (no such rule)`;
  const what = rule.kind === 'prompt' ? 'prompt' : `${rule.kind}, ${rule.severity}`;
  const from = origins.get(id);
  return `\`${id}\` (${what}${from ? `; ${from}` : ''})`;
}

/** The whole of docs/procedure-coverage.md. Pure: the unit test compares it with the file. */
export function renderCoverageDoc(): string {
  const rules = allRules();
  const origins = allOrigins();
  const named = new Set(OBLIGATIONS.flatMap((o) => o.rules));
  const count = (pack: Obligation['pack']) => {
    const rows = OBLIGATIONS.filter((o) => o.pack === pack);
    const enforced = rows.filter((o) => o.rules.some((id) => rules.get(id)?.kind !== 'prompt' && rules.has(id))).length;
    const prompted = rows.filter((o) => o.rules.length > 0 && o.rules.every((id) => rules.get(id)?.kind === 'prompt')).length;
    const none = rows.filter((o) => o.rules.length === 0).length;
    return `| ${PACK_TITLES[pack]} | ${rows.length} | ${enforced} | ${prompted} | ${none} |`;
  };
  const lines = [
    '# Procedure coverage',
    '',
    `Every obligation in the procedures (\`../shared/procedures/\`), read line by line, traced to the`,
    'rule that encodes it or the reason none does. The obligations and quotes are written by hand in',
    `\`scripts/procedure-coverage.ts\`; the rule columns are generated from the packs by \`${REGENERATE_COVERAGE}\`.`,
    'A unit test checks that every quote is in the procedure, in the section its row cites (25 words at most), that every rule named exists,',
    'that every check and deadline names a row, and that this file is up to date.',
    '',
    'Severity comes from the procedure’s own words and where they sit: "must", "should", "will" in the body text',
    '→ **required** (blocks sign-off); "as a guide", "good practice", "consider" → **expected** (shown, never',
    'blocks); a question or a Practice Trigger ("useful hints / tips") → **prompt**, or a deadline shown that',
    'never blocks, even with "must" in it, unless the body text states the same duty (then that sentence is cited).',
    'A recorded reason excuses only the duty it is written for.',
    '',
    '| procedure | obligations | with a check or deadline | prompts only | no rule (reason given) |',
    '|---|---|---|---|---|',
    count('derby'),
    count('hertfordshire'),
    count('wirral'),
    count('national'),
  ];
  for (const pack of ['derby', 'hertfordshire', 'wirral', 'national'] as const) {
    lines.push('', `## ${PACK_TITLES[pack]}`, '');
    const council = COUNCIL_PACK_DOCS.find((d) => d.id === pack);
    if (council) {
      lines.push(
        `Written in \`lib/rules/packs/${pack}/${pack}.json\` over the shared England base (docs/council-packs.md); these rows are generated`,
        'from it. What of the procedure is not held here:',
        '',
        ...council.notHeld.map((n) => `- ${n}`),
        '',
      );
    }
    const joined = JOINED_PACKS.find((j) => j.doc.id === pack);
    if (joined) {
      lines.push(
        `Written in \`lib/rules/packs/${pack}/${pack}.json\`: ${joined.doc.rules.length} rules over the shared England base (docs/council-packs.md)`,
        `and ${joined.doc.prompts.length} practice prompts; the other ${joined.own.length} rules are its own coded rules beside it. Each rule below says which.`,
        'The base rules it does not use, and why:',
        '',
        ...joined.doc.off.map((o) => `- \`${o.use}\`: ${o.reason}`),
        '',
      );
    }
    if (pack === 'national') {
      lines.push(
        'Statutory items a Single Assessment record shows, from Working Together to Safeguard Children 2023 and the',
        'Department for Education’s children in need census. Neither text is held in this repository: the rows say',
        'so, and no paragraph number is cited that could not be checked here.',
        '',
      );
    }
    lines.push('| section | the procedure’s words | rule(s) | note |', '|---|---|---|---|');
    for (const o of OBLIGATIONS.filter((r) => r.pack === pack)) {
      const ruleText = o.rules.length > 0 ? o.rules.map((id) => ruleCell(id, rules, origins)).join('<br>') : '—';
      lines.push(`| ${cell(o.section)} | “${cell(o.quote)}” | ${ruleText} | ${cell(o.reason ?? '')} |`);
    }
  }
  lines.push('', '## Where the packs differ from the first rule catalogue', '');
  lines.push('The procedure text wins over `../shared/spec/rule-catalogue.md` where they differ:', '');
  for (const [id, why] of Object.entries(CATALOGUE_DEVIATIONS)) lines.push(`- \`${id}\`: ${why}`);
  const unnamed = [...rules.values()].filter((r) => !named.has(r.id)).map((r) => `\`${r.id}\``);
  lines.push('', '## Rules with no row', '', unnamed.length === 0 ? 'None: every rule traces to an obligation.' : unnamed.join(', '));
  return `${lines.join('\n')}\n`;
}

export function runCoverageDoc(argv: readonly string[], io: CliOutput = processOutput): number {
  const text = renderCoverageDoc();
  if (argv.includes('--check')) {
    const current = existsSync(COVERAGE_DOC_PATH) ? readFileSync(COVERAGE_DOC_PATH, 'utf8') : '';
    if (current === text) return EXIT_OK;
    io.err(`docs/procedure-coverage.md is out of date: run ${REGENERATE_COVERAGE}`);
    return EXIT_FAILURE;
  }
  writeFileSync(COVERAGE_DOC_PATH, text);
  io.out(`Wrote docs/procedure-coverage.md (${OBLIGATIONS.length} obligations).`);
  return EXIT_OK;
}

if (isMainModule(import.meta.url)) {
  process.exitCode = runCoverageDoc(process.argv.slice(2));
}
