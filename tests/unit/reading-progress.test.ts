// What the panel says while a page's first read is still going.
import { describe, expect, it } from 'vitest';
import { readingNow, readingProgressText } from '../../components/reading-progress';
import type { CurrentPage } from '../../lib/messages';

const progress = (people: [number, number], fields: [number, number]) => ({
  people: { done: people[0], total: people[1] },
  fields: { done: fields[0], total: fields[1] },
});

describe('readingProgressText', () => {
  it('counts people while their rows are read, then the other questions', () => {
    expect(readingProgressText(progress([120, 800], [0, 53]))).toBe('Reading this page: 120 of 800 people so far.');
    expect(readingProgressText(progress([800, 800], [30, 53]))).toBe('Reading this page: all 800 people and 30 of 53 questions so far.');
    expect(readingProgressText(progress([2500, 10000], [0, 53]))).toBe('Reading this page: 2,500 of 10,000 people so far.');
  });

  it('says one person and one question, and pages with no people or no questions', () => {
    expect(readingProgressText(progress([0, 1], [0, 1]))).toBe('Reading this page: 0 of 1 person so far.');
    expect(readingProgressText(progress([1, 1], [0, 1]))).toBe('Reading this page: all 1 person and 0 of 1 question so far.');
    expect(readingProgressText(progress([0, 0], [12, 291]))).toBe('Reading this page: 12 of 291 questions so far.');
    expect(readingProgressText(progress([5, 5], [0, 0]))).toBe('Reading this page: all 5 people read.');
    expect(readingProgressText(progress([0, 0], [0, 0]))).toBe('Reading this page.');
  });
});

describe('readingNow', () => {
  const page: CurrentPage = { tabId: 1, state: 'assessment', caseSystem: 'lcs-demo', assessmentId: 'SA-1', reading: progress([1, 2], [0, 3]), at: 1000 };

  it('is the read still going on the followed page', () => {
    expect(readingNow(page, undefined)).toEqual(page.reading);
    // An earlier read of the page is stored: this one is still going.
    expect(readingNow(page, 500)).toEqual(page.reading);
  });

  it('is over once a read of the page is stored after it, or when nothing is being read', () => {
    expect(readingNow(page, 1000)).toBeUndefined();
    expect(readingNow({ ...page, reading: undefined }, undefined)).toBeUndefined();
    expect(readingNow(null, undefined)).toBeUndefined();
  });

  it('goes on while a read sent in parts has more to come, though its first parts are stored', () => {
    expect(readingNow({ ...page, partsToCome: true }, 1000)).toEqual(page.reading);
  });
});
