/** What the panel tells the worker about a stored record it cannot fully trust. */
import type { StoredRecord } from './schema';
import { READ_LIMITS } from '../messages/limits';

const count = (n: number) => n.toLocaleString('en-GB');

export function recordNotes(stored: StoredRecord | undefined): string[] {
  if (!stored) return [];
  const notes: string[] = [];
  if (stored.salvaged) {
    notes.push(
      `${count(stored.salvaged.dropped.length)} stored ${stored.salvaged.dropped.length === 1 ? 'fact' : 'facts'} for this assessment could not be used (saved by a different version of the extension). They count as not read yet until you open the part of the form they are on.`,
    );
  }
  for (const [page, cut] of Object.entries(stored.cut ?? {})) {
    const parts = [
      cut.facts > 0 ? `the first ${count(READ_LIMITS.facts)} facts were read and ${count(cut.facts)} were left out` : '',
      cut.notFound > 0 ? `${count(cut.notFound)} fields the map could not find were not listed` : '',
    ].filter(Boolean);
    notes.push(`The page ${page} was too big to read whole: ${parts.join('; ')}. Checks that need the rest may show as not read yet.`);
  }
  return notes;
}
