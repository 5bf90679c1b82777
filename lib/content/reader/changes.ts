/**
 * What changed on the page: typing and the page's own changes, watched in the page and in
 * the srcdoc frames it reads. A value change marks its household row (the next read keeps
 * the rest); a change our fields may be in clears what the last read learnt of the
 * structure; the rest (a clock, a chat window) asks for no read at all.
 */
import type { ReadCache } from '../../adapters/extractor';
import type { Relevance } from '../relevance';

// Attributes that carry a control's value: a change to one is a change of value, not of the
// page's structure, so the next read keeps the last read's indexes (ReadCache).
const VALUE_ATTRIBUTES = ['value', 'checked', 'selected', 'disabled'];
// Attributes the locators read (labels, ARIA names, ids, table headers, frames): a change clears them.
const LOCATOR_ATTRIBUTES = ['id', 'for', 'aria-label', 'aria-labelledby', 'role', 'scope', 'colspan', 'type', 'title', 'name', 'src', 'srcdoc'];

const OBSERVE: MutationObserverInit = {
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

export interface ChangeWatch {
  /** Changes the page has made, read or not: a read that sees them keep coming takes its time. */
  count(): number;
  /** Takes the changes the observer has not delivered yet (a read asked for straight after one). */
  take(): void;
  /** Watches the srcdoc frames the last read looked in, as the page's own. */
  watchFrames(): void;
  stop(): void;
}

/** Watches `doc` (and later its read frames); `changed` is called for each change a read may find. */
export function watchChanges(doc: Document, win: Window, cache: ReadCache, relevance: () => Relevance | undefined, changed: () => void): ChangeWatch {
  let count = 0;
  const watched = new Set<Document>([doc]);
  /** A value changed (typing, a click): its household row is read again, then the page. */
  const onValue = (event: Event): void => {
    cache.touch(event.target as Node | null);
    changed();
  };
  const observer = new (win as Window & typeof globalThis).MutationObserver((records) => {
    count += records.length;
    // A clock or a chat window that changes all the time costs nothing: no read for changes our fields cannot be in.
    if (noteChanges(records, cache, relevance())) changed();
  });
  const watch = (d: Document, root: Element): void => {
    d.addEventListener('input', onValue, true);
    d.addEventListener('change', onValue, true);
    observer.observe(root, OBSERVE);
  };
  watch(doc, doc.documentElement);
  return {
    count: () => count,
    take() {
      const records = observer.takeRecords();
      if (records.length > 0) noteChanges(records, cache, relevance());
    },
    watchFrames() {
      for (const frameDoc of cache.documents()) {
        if (watched.has(frameDoc) || !frameDoc.documentElement) continue;
        watched.add(frameDoc);
        watch(frameDoc, frameDoc.documentElement);
      }
    },
    stop() {
      observer.disconnect();
      for (const d of watched) {
        d.removeEventListener('input', onValue, true);
        d.removeEventListener('change', onValue, true);
      }
    },
  };
}
