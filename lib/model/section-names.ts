// The model's form sections and their plain names, with no dependencies, so the content
// script and the format helpers can use them without bringing in zod.

export const FORM_SECTIONS = [
  'household',
  'reasons',
  'plan',
  'child-protection',
  'background',
  'profile',
  'views',
  'analysis',
  'manager',
  'outcomes',
] as const;

export type FormSection = (typeof FORM_SECTIONS)[number];

/** Plain names for the sections, as a social worker would call them. */
export const FORM_SECTION_NAMES: Readonly<Record<FormSection, string>> = {
  household: 'Household and people',
  reasons: 'Reasons for the assessment',
  plan: 'Assessment plan',
  'child-protection': 'Child protection',
  background: 'Background, history and safety',
  profile: 'Child’s profile and story',
  views: 'Views of the child and family',
  analysis: 'Analysis and recommendation',
  manager: 'Manager’s authorisation',
  outcomes: 'Outcomes',
};
