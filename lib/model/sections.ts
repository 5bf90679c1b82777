import { z } from 'zod';

/** The model's own form sections (assessment-model.md, "Form sections"). A field map says which host section is which. */
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

export const FormSectionSchema = z.enum(FORM_SECTIONS);
export type FormSection = z.infer<typeof FormSectionSchema>;

/** Plain names for the sections, as a social worker would call them. */
export const FORM_SECTION_NAMES: Record<FormSection, string> = {
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
