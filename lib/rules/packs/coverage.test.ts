// docs/procedure-coverage.md is honest: every quote is the procedure's own words (25 at most),
// every rule it names exists, every check and deadline names a row, every row has a rule or a
// reason, and the file is up to date.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allOrigins,
  allRules,
  COVERAGE_DOC_PATH,
  normaliseText,
  OBLIGATIONS,
  PROCEDURE_PATHS,
  partsNotFound,
  partsNotFoundInSections,
  procedureSections,
  REGENERATE_COVERAGE,
  renderCoverageDoc,
  wordCount,
} from '../../../scripts/procedure-coverage';

const rules = allRules();

describe('docs/procedure-coverage.md', () => {
  it('names only rules that exist', () => {
    const unknown = OBLIGATIONS.flatMap((o) => o.rules).filter((id) => !rules.has(id));
    expect(unknown).toEqual([]);
  });

  it('has a row for every check and deadline (and every prompt)', () => {
    const named = new Set(OBLIGATIONS.flatMap((o) => o.rules));
    expect([...rules.keys()].filter((id) => !named.has(id))).toEqual([]);
  });

  it('gives a rule or a reason on every row', () => {
    expect(OBLIGATIONS.filter((o) => o.rules.length === 0 && !o.reason)).toEqual([]);
  });

  it('says of every council rule whether it comes from the council’s JSON over the base or is its own coded rule', () => {
    const origins = allOrigins();
    const councilRules = [...rules.keys()].filter((id) => !id.startsWith('national/'));
    expect(councilRules.filter((id) => !origins.has(id))).toEqual([]);
    expect(origins.get('hertfordshire/plan-agreed-by-participants')).toBe('hertfordshire.json over the base’s `plan-agreed`');
    expect(origins.get('hertfordshire/child-seen-alone')).toBe('own coded rule');
  });

  it('quotes 25 words at most', () => {
    expect(OBLIGATIONS.filter((o) => wordCount(o.quote) > 25).map((o) => o.quote)).toEqual([]);
  });

  it('names the procedure’s own rule for each pack’s rows (a Derby row names Derby or national rules)', () => {
    for (const o of OBLIGATIONS) for (const id of o.rules) expect(id.startsWith(`${o.pack}/`), `${o.pack} ${o.section}: ${id}`).toBe(true);
  });

  describe.each(['derby', 'hertfordshire'] as const)('%s quotes', (pack) => {
    const path = PROCEDURE_PATHS[pack];
    it.skipIf(!existsSync(path))('are the procedure’s own words', () => {
      const text = normaliseText(readFileSync(path, 'utf8'));
      const notFound = OBLIGATIONS.filter((o) => o.pack === pack).flatMap((o) => partsNotFound(o.quote, text));
      expect(notFound).toEqual([]);
    });

    it.skipIf(!existsSync(path))('sit in the section each row cites', () => {
      const sections = procedureSections(readFileSync(path, 'utf8'));
      const elsewhere = OBLIGATIONS.filter((o) => o.pack === pack && partsNotFoundInSections(o.quote, o.section, sections).length > 0);
      expect(elsewhere).toEqual([]);
    });
  });

  it(`is up to date (if not, run ${REGENERATE_COVERAGE})`, () => {
    const current = existsSync(COVERAGE_DOC_PATH) ? readFileSync(COVERAGE_DOC_PATH, 'utf8') : '';
    expect(current === renderCoverageDoc(), `docs/procedure-coverage.md is out of date: run ${REGENERATE_COVERAGE}`).toBe(true);
  });
});
