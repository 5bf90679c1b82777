/**
 * What a batch of the page's changes means for the next read: a value change marks its
 * household row (the next read keeps the rest); a change our fields may be in clears what
 * the last read learnt of the structure; the rest (a clock, a chat window) means nothing.
 */
import type { ReadCache } from '../../adapters/extractor';
import type { Relevance } from '../relevance';

// Attributes that carry a control's value: a change to one is a change of value, not of the
// page's structure, so the next read keeps the last read's indexes (ReadCache).
const VALUE_ATTRIBUTES = ['value', 'checked', 'selected', 'disabled'];
// Attributes the locators read (labels, ARIA names, ids, table headers, frames): a change clears them.
const LOCATOR_ATTRIBUTES = ['id', 'for', 'aria-label', 'aria-labelledby', 'role', 'scope', 'colspan', 'type', 'title', 'name', 'src', 'srcdoc'];

export const OBSERVE: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: [...VALUE_ATTRIBUTES, ...LOCATOR_ATTRIBUTES],
};

/** Marks what the records change in the cache; true when the next read has anything new to find. */
export function noteChanges(records: readonly MutationRecord[], cache: ReadCache, relevance: Relevance | undefined): boolean {
  let structure = false;
  let values = false;
  for (const r of records) {
    if (r.type === 'attributes' && VALUE_ATTRIBUTES.includes(r.attributeName ?? '')) {
      cache.touch(r.target);
      values = true;
    } else if (!structure && relevance?.matters([r])) {
      structure = true;
    }
  }
  if (structure) {
    cache.clear();
    relevance?.forget();
  }
  return structure || values;
}
