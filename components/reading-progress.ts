// What the panel says while a page's first read is still going (a large page is read in
// slices that give the page its turn): what has been read so far, in plain words.
import type { CurrentPage, ReadProgress } from '../lib/messages';

const count = (n: number): string => n.toLocaleString('en-GB');
const of = (done: number, total: number, one: string, many: string): string => `${count(done)} of ${count(total)} ${total === 1 ? one : many}`;

/** e.g. "Reading this page: 120 of 800 people so far." */
export function readingProgressText({ people, fields }: ReadProgress): string {
  if (people.total > 0 && people.done < people.total) return `Reading this page: ${of(people.done, people.total, 'person', 'people')} so far.`;
  const everyone = people.total > 0 ? `all ${count(people.total)} ${people.total === 1 ? 'person' : 'people'}` : '';
  if (fields.total === 0) return everyone ? `Reading this page: ${everyone} read.` : 'Reading this page.';
  const questions = of(fields.done, fields.total, 'question', 'questions');
  return everyone ? `Reading this page: ${everyone} and ${questions} so far.` : `Reading this page: ${questions} so far.`;
}

/**
 * The read still going on the followed page, if any. A record stored after the panel was
 * told of the read means the read has finished (its facts arrived), unless they come in
 * parts and more are to come.
 */
export function readingNow(current: CurrentPage | null, storedAt: number | undefined): ReadProgress | undefined {
  if (!current?.reading) return undefined;
  // The parts stored so far are not the whole page: still reading until the last part.
  if (current.partsToCome) return current.reading;
  if (storedAt !== undefined && storedAt >= current.at) return undefined;
  return current.reading;
}
