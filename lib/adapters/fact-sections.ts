// Where a fact is recorded on this council's case system, from its field map: so the
// panel can say which part of the form to open. Plain code (no zod): the panel and
// the content script may both use it.
import type { FieldMap } from './field-map-schema';
import type { FormSection } from '../model/section-names';

/** Generic fact path (`dates.referral`, `children[].bedroomSeen`) → the section the map finds it in. */
export function factSections(map: FieldMap): Map<string, FormSection> {
  const out = new Map<string, FormSection>();
  for (const field of map.fields ?? []) if (field.section && !out.has(field.fact)) out.set(field.fact, field.section);
  for (const group of map.groups ?? []) {
    for (const field of group.fields) if (!out.has(field.fact)) out.set(field.fact, group.section);
  }
  return out;
}

/** The section for a concrete fact path such as `children[P1].bedroomSeen`. */
export function sectionOfFact(sections: ReadonlyMap<string, FormSection>, path: string): FormSection | undefined {
  return sections.get(path.replace(/^(children|adults)\[[^\]]*\]/, '$1[]'));
}
