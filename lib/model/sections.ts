import { z } from 'zod';
import { FORM_SECTIONS } from './section-names';

/** The model's own form sections (assessment-model.md, "Form sections"). A field map says which host section is which. */
export { FORM_SECTIONS, FORM_SECTION_NAMES, type FormSection } from './section-names';

export const FormSectionSchema = z.enum(FORM_SECTIONS);
