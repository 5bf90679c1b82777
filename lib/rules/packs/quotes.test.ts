// Every quote in a shipped council pack's JSON is the council's own words: found in its procedure's
// text (Wirral: the facts file we hold), compared with the coverage table's one normaliser, with "…"
// standing for words left out between two verbatim parts.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseText, partsNotFound, PROCEDURE_PATHS } from '../../../scripts/procedure-coverage';
import { COUNCIL_PACK_DOCS, JOINED_PACKS } from '.';

const DOCS = [...JOINED_PACKS.map((j) => j.doc), ...COUNCIL_PACK_DOCS];

describe.each(['derby', 'hertfordshire', 'wirral'] as const)('%s.json quotes', (pack) => {
  const path = PROCEDURE_PATHS[pack];
  it.skipIf(!existsSync(path))('are the procedure’s own words, section by section', () => {
    const doc = DOCS.find((d) => d.id === pack);
    expect(doc, `${pack}.json is shipped`).toBeDefined();
    const text = normaliseText(readFileSync(path, 'utf8'));
    const cited = [...(doc?.rules ?? []), ...(doc?.prompts ?? [])];
    const notFound = cited.flatMap((r) => (r.source.quote && partsNotFound(r.source.quote, text).length > 0 ? [`${r.id} (${r.source.section}): ${r.source.quote}`] : []));
    expect(notFound).toEqual([]);
  });
});
