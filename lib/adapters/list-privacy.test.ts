import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract } from './extractor';
import { FIELD_MAP_FORMAT } from './field-map-schema';
import { validateFieldMap } from './map-checks';

const URL_ = 'https://lcs.example.gov.uk/a/SA-9/plan';
const mapWith = (fields: unknown[]) => ({
  format: FIELD_MAP_FORMAT,
  id: 'test',
  version: '1',
  caseSystem: 'test-lcs',
  description: 'Test map',
  page: { url: '^/a/', assessmentId: { url: '^/a/([^/?#]+)/' } },
  sections: [{ id: 'plan', url: '/plan' }],
  fields,
});

describe('a list parse cannot store free text', () => {
  it('a list with neither a map nor a pattern is refused, with a clear message', () => {
    const result = validateFieldMap(mapWith([{ id: 'c', fact: 'consent.givenBy', section: 'plan', find: { label: 'Consent given by' }, parse: { type: 'list' } }]));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')).toMatch(/\$\.fields\[0\]\.parse: a list without a "map" needs a "pattern"/);
  });

  it('with a pattern, names and phone numbers are left out', () => {
    const valid = validateFieldMap(mapWith([{ id: 'c', fact: 'consent.givenBy', section: 'plan', find: { label: 'Consent given by' }, parse: { type: 'list', pattern: '^(\\d+)$' } }]));
    if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
    const doc = new JSDOM(`<label for="c">Consent given by</label><textarea id="c">Ruby-Sample, Tom; 943-476-5919\n200101</textarea>`, { url: URL_ }).window.document;
    const r = extract(doc, URL_, valid.map, new Date('2026-11-23T12:00:00Z'));
    expect(r?.facts).toEqual([{ path: 'consent.givenBy', value: ['200101'] }]);
  });
});

describe('a list splits at new lines, as the docs say', () => {
  it('three agencies on three lines', () => {
    const valid = validateFieldMap(
      mapWith([{ id: 'a', fact: 'background.agenciesConsulted', section: 'plan', find: { label: 'Agencies' }, parse: { type: 'list', map: { education: 'education', health: 'health', police: 'police' } } }]),
    );
    if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
    const doc = new JSDOM(`<label for="a">Agencies</label><textarea id="a">Education\nHealth\nPolice</textarea>`, { url: URL_ }).window.document;
    const r = extract(doc, URL_, valid.map, new Date('2026-11-23T12:00:00Z'));
    expect(r?.facts).toEqual([{ path: 'background.agenciesConsulted', value: ['education', 'health', 'police'] }]);
  });
});
