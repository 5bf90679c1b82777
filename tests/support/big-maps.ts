// Field maps at and over MAP_LIMITS (issue 24, item 3), built from the demo map: the
// largest a council may import, and the hostile round's maps that stopped all reading.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAP_LIMITS } from '../../lib/adapters/field-map-schema';

type Json = Record<string, unknown>;
const demoPath = join(import.meta.dirname, '..', '..', 'lib', 'adapters', 'maps', 'lcs-demo.json');
export const demoMap = (): Json & { fields: Json[]; groups: Array<Json & { fields: Json[] }> } => JSON.parse(readFileSync(demoPath, 'utf8'));

/** Counts the regular expressions the way mapLimitErrors does. */
function patternCount(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, v) => n + patternCount(v), 0);
  if (typeof node !== 'object' || node === null) return 0;
  let n = 0;
  for (const [k, v] of Object.entries(node)) {
    if ((typeof v === 'string' && (k === 'url' || k === 'src' || k === 'pattern')) || (k === 'match' && v === 'regex')) n += 1;
    n += patternCount(v);
  }
  return n;
}

/**
 * The largest map allowed: as many entries as allowed, all the patterns allowed spent on
 * regex locators, full code lists up to the limit for all, under the character limit.
 */
export function largestAllowedMap(): Json {
  const map = demoMap();
  const groupFields = map.groups.reduce((n, g) => n + g.fields.length, 0);
  let regexLeft = MAP_LIMITS.patterns - patternCount(map);
  let codesLeft = MAP_LIMITS.allCodes - 200;
  const extra: Json[] = [];
  for (let i = map.fields.length + groupFields; i < MAP_LIMITS.entries; i += 1) {
    const id = `extra.${i}`;
    if (regexLeft > 0) {
      regexLeft -= 1;
      // The shape of regex the map used: anchored alternatives, safe to run.
      extra.push({ id, fact: 'household.homeVisited', section: 'household', find: { label: `^(Home visit|Visited at home) ${i}(\\?)?$`, match: 'regex' }, parse: { type: 'yes-no' } });
    } else if (codesLeft >= MAP_LIMITS.codes) {
      codesLeft -= MAP_LIMITS.codes;
      const codes = Object.fromEntries(Array.from({ length: MAP_LIMITS.codes }, (_, c) => [`Code ${i}-${c}`, c % 2 === 0 ? 'child-in-need' : 'section-47']));
      extra.push({ id, fact: 'kind', section: 'reasons', find: { label: `Assessment type ${i}` }, parse: { type: 'codes', map: codes } });
    } else {
      extra.push({ id, fact: 'household.homeVisited', section: 'household', find: { label: `Home visited ${i}?` }, parse: { type: 'yes-no' } });
    }
  }
  return { ...map, id: 'largest-allowed', fields: [...map.fields, ...extra] };
}

/** The hostile round's map: valid, but one code list of 200,000 words (3.7 MB). */
export function hugeCodeListMap(): Json {
  const map = demoMap();
  const codes = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`Assessment kind ${i}`, 'child-in-need']));
  return { ...map, id: 'huge-codes', fields: [...map.fields, { id: 'huge', fact: 'kind', section: 'reasons', find: { label: 'Assessment type' }, parse: { type: 'codes', map: codes } }] };
}

/** The hostile round's other map: 10,000 regex locators (the schema allowed 52,000 entries). */
export function manyRegexMap(): Json {
  const map = demoMap();
  const extra = Array.from({ length: 10_000 }, (_, i) => ({ fact: 'household.homeVisited', section: 'household', find: { label: `^(Home visit|Visited) ${i}$`, match: 'regex' } }));
  return { ...map, id: 'many-regex', fields: [...map.fields, ...extra] };
}
