// Issue 24, item 3: a big map silently stopped all reading. A valid map with one code list
// of 200,000 words was stored three times against the browser's 10 MB for the extension,
// and a map of 10,000 regex locators took 9–29 s and up to 2 GB to validate. Now each
// limit (MAP_LIMITS) is checked first and refused with the JSON path of what is over it;
// the largest map allowed is valid (how long it takes is measured, not asserted: see docs/trust.md).
import { describe, expect, it } from 'vitest';
import { validateFieldMap, validateFieldMapText } from '../../lib/adapters/map-checks';
import { MAP_LIMITS } from '../../lib/adapters/field-map-schema';
import { demoMap, hugeCodeListMap, largestAllowedMap, manyRegexMap } from '../support/big-maps';

const errorsOf = (map: unknown) => {
  const result = validateFieldMapText(JSON.stringify(map));
  return result.ok ? [] : result.errors;
};

describe('field map limits', () => {
  it('takes the largest map allowed', () => {
    const result = validateFieldMapText(JSON.stringify(largestAllowedMap()));
    expect(result.ok ? 'ok' : result.errors.slice(0, 3)).toBe('ok');
  });

  it('refuses the hostile round’s 200,000-word code list at once, by its size', () => {
    const [error] = errorsOf(hugeCodeListMap());
    expect(error?.path).toBe('$');
    expect(error?.message).toMatch(/^the map is [\d,]+ characters long; at most 1,000,000 are allowed$/);
    // Given as an object (policy), the same.
    const policy = validateFieldMap(hugeCodeListMap());
    expect(policy.ok).toBe(false);
  });

  it('refuses a code list over its limit, at its JSON path, even when the map is small enough', () => {
    const map = demoMap();
    const codes = Object.fromEntries(Array.from({ length: MAP_LIMITS.codes + 1 }, (_, i) => [`Kind ${i}`, 'child-in-need']));
    map.fields.push({ fact: 'kind', section: 'reasons', find: { label: 'Assessment type' }, parse: { type: 'codes', map: codes } });
    expect(errorsOf(map)).toContainEqual({ path: `$.fields[${map.fields.length - 1}].parse.map`, message: expect.stringMatching(/501 codes; at most 500/) });
  });

  it('refuses the hostile round’s 10,000 regex locators, and a map over the pattern limit at the first pattern over it', () => {
    expect(errorsOf(manyRegexMap())[0]?.path).toBe('$');
    const map = demoMap();
    const first = map.fields.length;
    for (let i = 0; i < MAP_LIMITS.patterns; i += 1) map.fields.push({ fact: 'household.homeVisited', section: 'household', find: { label: `^Visited ${i}$`, match: 'regex' } });
    const [error] = errorsOf(map);
    expect(error?.path).toMatch(new RegExp(`^\\$\\.fields\\[(\\d+)\\]\\.find\\.match$`));
    expect(Number(/\[(\d+)\]/.exec(error!.path)?.[1])).toBeGreaterThan(first);
    expect(error?.message).toMatch(/at most 60 are allowed, of 3,000 characters in all/);
  });

  it('refuses more entries than allowed (the schema allowed 52,000)', () => {
    const map = demoMap();
    for (let i = map.fields.length; i <= MAP_LIMITS.entries; i += 1) map.fields.push({ fact: 'household.homeVisited', section: 'household', find: { label: `Visited ${i}` } });
    expect(errorsOf(map)).toEqual([{ path: '$.fields', message: expect.stringMatching(/entries .* in all; at most 2,000 are allowed/) }]);
  });

  it('refuses a group with more roles than allowed, at its JSON path', () => {
    const map = demoMap();
    const people = map.groups[0]!.people as { roles: Record<string, unknown> };
    for (let i = 0; i <= MAP_LIMITS.roles; i += 1) people.roles[`Relative ${i}`] = { group: 'adults' };
    expect(errorsOf(map)).toContainEqual({ path: '$.groups[0].people.roles', message: expect.stringMatching(/roles; at most 100 are allowed/) });
  });
});
