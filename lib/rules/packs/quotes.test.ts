// Every quote in a shipped council pack's JSON is the council's own words: found in its procedure's
// text (Wirral: the facts file we hold), compared with the coverage table's one normaliser, with "…"
// standing for words left out between two verbatim parts; and, where the procedure is held in full,
// found in the section the source cites.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseText, partsNotFound, partsNotFoundInSections, procedureSections, PROCEDURE_PATHS, wordCount } from '../../../scripts/procedure-coverage';
import { COUNCIL_PACK_DOCS, JOINED_PACKS, PACKS } from '.';

const DOCS = [...JOINED_PACKS.map((j) => j.doc), ...COUNCIL_PACK_DOCS];

function quoted(pack: string) {
  const doc = DOCS.find((d) => d.id === pack);
  if (!doc) throw new Error(`${pack}.json is not shipped`);
  return [...doc.rules, ...doc.prompts].flatMap((r) => (r.source.quote ? [{ id: r.id, section: r.source.section, quote: r.source.quote }] : []));
}

describe.each(['derby', 'hertfordshire', 'wirral'] as const)('%s.json quotes', (pack) => {
  const path = PROCEDURE_PATHS[pack];
  it.skipIf(!existsSync(path))('are the procedure’s own words', () => {
    const text = normaliseText(readFileSync(path, 'utf8'));
    const notFound = quoted(pack).filter((q) => partsNotFound(q.quote, text).length > 0);
    expect(notFound).toEqual([]);
  });
});

describe.each(['derby', 'hertfordshire'] as const)('%s.json quotes', (pack) => {
  const path = PROCEDURE_PATHS[pack];
  it.skipIf(!existsSync(path))('sit in the section their source cites', () => {
    const sections = procedureSections(readFileSync(path, 'utf8'));
    const elsewhere = quoted(pack).filter((q) => partsNotFoundInSections(q.quote, q.section, sections).length > 0);
    expect(elsewhere).toEqual([]);
  });
});

// Issue 26: each rule carries its section and at most 25 of the council's own words. The rules Derby
// and Hertfordshire code beside their JSON cite a passage: checked here as the JSON quotes are, with
// the same normaliser, "…" joining verbatim parts, every part in the section the source cites.
const OWN_RULES = {
  derby: PACKS.derby.rules.filter((r) => JOINED_PACKS[0].own.includes(r.id)),
  hertfordshire: PACKS.hertfordshire.rules.filter((r) => JOINED_PACKS[1].own.includes(r.id)),
};

describe.each(['derby', 'hertfordshire'] as const)('%s coded rules’ passages', (pack) => {
  const path = PROCEDURE_PATHS[pack];
  const passages = OWN_RULES[pack].map((r) => ({ id: r.id, section: r.source.section, passage: r.source.passage }));

  it('are the coded rules the pack owns', () => {
    expect(passages.length).toBe(JOINED_PACKS[pack === 'derby' ? 0 : 1].own.length);
  });

  it.skipIf(!existsSync(path))('are the procedure’s own words, in the section their source cites', () => {
    const sections = procedureSections(readFileSync(path, 'utf8'));
    const elsewhere = passages.filter((p) => partsNotFoundInSections(p.passage, p.section, sections).length > 0);
    expect(elsewhere).toEqual([]);
  });

  it('are at most 25 words', () => {
    expect(passages.filter((p) => wordCount(p.passage) > 25)).toEqual([]);
  });
});
