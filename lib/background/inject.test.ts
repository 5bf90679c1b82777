import { describe, expect, it } from 'vitest';
import { readerWanted } from './inject';
import { DEMO_ORIGINS } from '../settings';

const origins = DEMO_ORIGINS;

describe('starting the page reader after the page has loaded', () => {
  it('starts it once a case system page has finished loading', () => {
    expect(readerWanted({ status: 'complete' }, 'http://127.0.0.1:4173/assessment/SA-1001/reasons', origins)).toBe(true);
  });
  it('waits while the page is still loading', () => {
    expect(readerWanted({ status: 'loading' }, 'http://127.0.0.1:4173/assessment/SA-1001/reasons', origins)).toBe(false);
    expect(readerWanted({}, 'http://127.0.0.1:4173/assessment/SA-1001/reasons', origins)).toBe(false);
  });
  it('never starts it on a site that is not a case system in force', () => {
    expect(readerWanted({ status: 'complete' }, 'https://www.example.com/', origins)).toBe(false);
    expect(readerWanted({ status: 'complete' }, 'https://lcs.council.gov.uk/assessment/1', origins)).toBe(false);
    expect(readerWanted({ status: 'complete' }, 'https://lcs.council.gov.uk/assessment/1', ['https://lcs.council.gov.uk/*'])).toBe(true);
  });
  it('leaves tabs whose address the browser does not show us alone', () => {
    expect(readerWanted({ status: 'complete' }, undefined, origins)).toBe(false);
  });
  it('never starts it anywhere when no case system address is set (the production build before a council sets one)', () => {
    expect(readerWanted({ status: 'complete' }, 'http://127.0.0.1:4173/assessment/SA-1001/reasons', [])).toBe(false);
  });
});
