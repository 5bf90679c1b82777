/**
 * What changed on the page: typing and the page's own changes, watched in the page and in
 * the srcdoc frames it reads. Each batch is weighed by noteChanges (note-changes.ts): only
 * a change a read may find asks for one.
 */
import type { ReadCache } from '../../adapters/extractor';
import type { Relevance } from '../relevance';
import { noteChanges, OBSERVE } from './note-changes';

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
