// children[].includedInAssessment gates the per-child checks. A map that never reads it
// (the case system has no such question) lists only the children in the assessment, so
// each child it lists counts as included; a role can also set it.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract } from '../../lib/adapters/extractor';
import { FIELD_MAP_FORMAT, type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMap } from '../../lib/adapters/map-checks';

function mapWith(group: Record<string, unknown>): FieldMap {
  const r = validateFieldMap({
    format: FIELD_MAP_FORMAT,
    id: 'included-test',
    version: '1.0.0',
    caseSystem: 'included-test',
    description: 'Included test',
    page: { url: '^/case/', assessmentId: { url: '^/case/([A-Z0-9-]+)' } },
    sections: [{ id: 'household', heading: 'Household' }],
    groups: [{ id: 'people', section: 'household', rows: { table: 'People' }, personId: { column: 'ID' }, ...group }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.map;
}

const doc = new JSDOM(
  '<!DOCTYPE html><h1>Household</h1><table><caption>People</caption><thead><tr><th>ID</th><th>Role</th><th>In assessment</th></tr></thead>' +
    '<tbody><tr><td>C1</td><td>Child</td><td>No</td></tr><tr><td>A1</td><td>Mother</td><td></td></tr></tbody></table>',
  { url: 'https://lcs.example.gov.uk/case/SA-1/household' },
).window.document;
const NOW = new Date('2026-11-20T10:00:00Z');

describe('includedInAssessment', () => {
  it('a child listed by a map that never reads it counts as included, and says so', () => {
    const result = extract(doc, doc.URL, mapWith({ people: 'children', fields: [] }), NOW);
    expect(result?.facts).toContainEqual({ path: 'children[C1].includedInAssessment', value: true });
    expect(result?.provenance['children[C1].includedInAssessment']?.locator).toMatch(/does not read/);
  });

  it('a map that reads it gives what the page says', () => {
    const result = extract(doc, doc.URL, mapWith({ people: 'children', fields: [{ fact: 'children[].includedInAssessment', find: { columnHeader: 'In assessment' }, parse: { type: 'yes-no' } }] }), NOW);
    expect(result?.facts).toContainEqual({ path: 'children[C1].includedInAssessment', value: false });
  });

  it('a role can set it', () => {
    const people = {
      roleFrom: { find: { columnHeader: 'Role' } },
      roles: { Child: { group: 'children', facts: { includedInAssessment: false } }, Mother: { group: 'adults', facts: { role: 'mother' } } },
    };
    const result = extract(doc, doc.URL, mapWith({ people, fields: [] }), NOW);
    expect(result?.facts).toContainEqual({ path: 'children[C1].includedInAssessment', value: false });
    expect(result?.facts.map((f) => f.path)).not.toContain('adults[A1].includedInAssessment');
  });
});
