import { describe, expect, it } from 'vitest';
import { type FieldMap } from './field-map-schema';
import { validateFieldMap } from './map-checks';
import bundled from './maps/lcs-demo.json';
import { boundedRegex, MAX_REGEX_TEXT } from './safe-regex';
import { unsafeRegexReason } from './regex-check';
import { compileRegex } from './text';

const clone = (): FieldMap => JSON.parse(JSON.stringify(bundled)) as FieldMap;

function problemsAt(map: unknown): string[] {
  const result = validateFieldMap(map);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('a field map pattern that could hang the page is refused where the map is validated', () => {
  it('in the page address (page.url)', () => {
    const map = clone();
    map.page.url = '^/assessment/([a-zA-Z0-9-]+)+/';
    expect(problemsAt(map).find((p) => p.startsWith('$.page.url:'))).toMatch(/very long time/);
  });

  it('in a value pattern', () => {
    const map = clone();
    map.page.personId = { find: { term: 'Person ID' }, pattern: '^((\\d+)+)+/x' };
    expect(problemsAt(map).find((p) => p.startsWith('$.page.personId.pattern:'))).toMatch(/very long time/);
  });

  it('in a match: "regex" locator', () => {
    const map = clone();
    const entry = map.fields![0]!;
    entry.find = { label: '^(a|a)*!$', match: 'regex' };
    expect(problemsAt(map).find((p) => p.startsWith('$.fields[0].find.label:'))).toMatch(/very long time/);
  });

  it('in the work tray address', () => {
    const map = clone();
    map.workTray!.url = '^/(\\w+\\s?)*$';
    expect(problemsAt(map).find((p) => p.startsWith('$.workTray.url:'))).toMatch(/very long time/);
  });

  it('keeps every pattern of the demo map, and ordinary ones', () => {
    expect(validateFieldMap(bundled).ok).toBe(true);
    for (const p of ['^/assessment/([^/?#]+)/', '^(\\d{1,2})/(\\d{1,2})/(\\d{4})$', '^Person ID:?\\s*(\\d+)$', '^(?:SA|CIN)-(\\d+)$']) {
      expect(unsafeRegexReason(p)).toBeNull();
    }
  });
});

describe('a pattern never runs on an overlong text', () => {
  it('does not match a text over the limit, and matches one within it', () => {
    const re = boundedRegex('^a+$');
    expect(re?.test('a'.repeat(MAX_REGEX_TEXT))).toBe(true);
    expect(re?.test('a'.repeat(MAX_REGEX_TEXT + 1))).toBe(false);
    expect(re?.exec('a'.repeat(MAX_REGEX_TEXT + 1))).toBeNull();
  });

  it('is what the extractor compiles the map’s patterns with', () => {
    // Even a catastrophic pattern that somehow got past validation returns at once on a long text.
    expect(compileRegex('^(a+)+$')?.test(`${'a'.repeat(5000)}!`)).toBe(false);
    expect(compileRegex('(')).toBeNull();
  });
});

describe('the check is not fooled, and not too strict', () => {
  it('refuses repeats that overlap even when they are not nested', () => {
    expect(unsafeRegexReason('\\s*\\s*$')).not.toBeNull();
    expect(unsafeRegexReason('x|(y+)+z')).not.toBeNull();
  });
  it('allows ordinary unanchored patterns (each start costs at most the bounded text once)', () => {
    expect(unsafeRegexReason('(P\\d+)$')).toBeNull();
    expect(unsafeRegexReason('Person ID:?\\s*(\\d+)')).toBeNull();
  });
});
