// Two more host styles, each with a saved page, a map written from docs/field-maps.md and
// the facts it must give: a Mosaic-like print view (question rows with no <label>s, every
// section on one page, a "Seen" date with a separate "Seen on own" column, the child's
// story outside any table) and an Eclipse-like card layout (ARIA roles, "3 Nov 2026").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract, locateField } from '../../lib/adapters/extractor';
import { type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMapText } from '../../lib/adapters/map-checks';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'hosts');
const NOW = new Date('2026-11-23T10:00:00Z');

function load(page: string, mapFile: string): { doc: Document; url: string; map: FieldMap } {
  const html = readFileSync(join(DIR, page), 'utf8');
  const url = /saved from url=\(\d+\)(\S+?)\s*-->/.exec(html)?.[1] ?? '';
  const r = validateFieldMapText(readFileSync(join(DIR, mapFile), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { doc: new JSDOM(html, { url }).window.document, url, map: r.map };
}

function cssEntries(map: FieldMap): number {
  return JSON.stringify(map).split('"css"').length - 1;
}

describe('a Mosaic-like print view', () => {
  const { doc, url, map } = load('mosaic-step.html', 'mosaic-map.json');
  const result = extract(doc, url, map, NOW);

  it('is every section it shows, with the person from a question row', () => {
    expect(result?.assessmentId).toBe('WS-88');
    expect(result?.personId).toBe('P-501');
    expect(result?.sections).toEqual(['reasons', 'plan', 'profile']);
  });

  it('reads every expected fact, with no CSS in the map', () => {
    const facts = Object.fromEntries((result?.facts ?? []).map((f) => [f.path, f.value]));
    expect(facts).toEqual({
      personId: 'P-501',
      'children[P-501].isSubject': true,
      'children[P-501].includedInAssessment': true,
      'children[P-501].seenDates': [{ date: '2026-11-05', alone: true }],
      'children[P-502].isSubject': false,
      'children[P-502].includedInAssessment': true,
      'children[P-502].seenDates': [{ date: '2026-11-05', alone: false }],
      'adults[P-503].role': 'mother',
      'children[P-501].ownWordsRecorded': true,
      'children[P-501].bedroomSeen': false,
      'dates.referral': '2026-11-02',
      kind: 'child-in-need',
      'dates.planAgreedWithFamily': '2026-11-04',
    });
    expect(result?.notFoundDetails).toEqual([]);
    expect(cssEntries(map)).toBe(0);
    expect(result?.provenance['dates.referral']?.locator).toBe('text "Date referral received"');
  });

  it('Show me finds a question row’s control', () => {
    expect(locateField(doc, map, 'dates.referral', { url })?.getAttribute('name')).toBe('Q_1234_REF_DT');
  });
});

describe('an Eclipse-like card layout', () => {
  const { doc, url, map } = load('eclipse-cards.html', 'eclipse-map.json');
  const result = extract(doc, url, map, NOW);

  it('reads every expected fact; CSS only for the rows of a list no text names', () => {
    const facts = Object.fromEntries((result?.facts ?? []).map((f) => [f.path, f.value]));
    expect(result?.assessmentId).toBe('AS-3');
    expect(facts).toEqual({
      'children[K-1].includedInAssessment': true,
      'children[K-1].seenDates': [{ date: '2026-11-05', alone: true }],
      'dates.referral': '2026-11-03',
      'dates.assessmentDecision': '2026-11-04',
      'dates.completed': '2026-11-20',
    });
    expect(result?.notFoundDetails).toEqual([]);
    expect(cssEntries(map)).toBe(1);
  });
});
