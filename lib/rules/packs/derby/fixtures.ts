// A record that meets every Derby rule, for tests to take away from one fact at a time.
import type { AssessmentRecord } from '../../../model';

export const completeDerbyRecord: AssessmentRecord = {
  schema: 'single-assessment/v1',
  caseSystem: 'test',
  assessmentId: 'SA-TEST',
  kind: 'child-in-need',
  background: { genogram: true },
};
