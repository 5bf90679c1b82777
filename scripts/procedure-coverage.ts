// npx tsx scripts/procedure-coverage.ts [--check]
// Writes docs/procedure-coverage.md: every obligation in both procedures, traced to the rule that
// encodes it or the reason none does. The obligations are read by hand from ../shared/procedures/;
// each rule's severity, kind and message are generated from the packs.

export interface Obligation {
  pack: 'derby' | 'hertfordshire' | 'national';
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
  'hertfordshire/outcome-shared-with-referrer': 'Required: section 6 says the outcome "should be" provided to professional referrers.',
  'hertfordshire/outcome-shared-with-agencies': 'Required: section 6 says the outcome "should be" given in writing to agencies providing services.',
};

export const OBLIGATIONS: Obligation[] = [];
