// Where one fact was read: kept beside the fact in the store, shown in inspect mode and in
// the options page's Stored assessments.

import type { FormSection } from '../model/section-names';

/** Where one fact was read (the shape of the model's ProvenanceSchema). */
export interface FactProvenance {
  /** URL path only: no query or fragment, which may carry a person's details. */
  page: string;
  section?: FormSection;
  /** How the element was found, e.g. `label "Date referral received"`. */
  locator: string;
  /** The map entry that found it: its id, or its JSON path in the map. */
  mapEntry?: string;
  readAt: string;
}
