// More host styles, each with saved pages, a map written from docs/field-maps.md and
// the facts it must give: a Mosaic-like print view (question rows with no <label>s, every
// section on one page, a "Seen" date with a separate "Seen on own" column, the child's
// story outside any table), an Eclipse-like card layout (ARIA roles, "3 Nov 2026") and an
// older WebForms style (steps chosen by the query, several sections on one page, a hidden
// tab, a collapsed part, a srcdoc frame). Read through, each gives a verdict a manager can
// act on: no required step is left "not read yet"; what the map cannot read is listed as
// "not checked with this case system".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract, locateField } from '../../lib/adapters/extractor';
import { type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMapText } from '../../lib/adapters/map-checks';
import { mapReads } from '../../lib/verdict/coverage';
import { evaluate } from '../../lib/rules/engine';
import { derbyPack } from '../../lib/rules/packs/derby';
import { hertfordshirePack } from '../../lib/rules/packs/hertfordshire';
import { recordFromReads } from '../../lib/store/records';
import { notCheckedHereItems } from '../../lib/verdict/checks';

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

describe('an older WebForms style: query-routed steps, several sections on one page', () => {
  const step1 = load('webforms-step1.html', 'webforms-map.json');
  const step2 = load('webforms-step2.html', 'webforms-map.json');
  const first = extract(step1.doc, step1.url, step1.map, NOW);
  const second = extract(step2.doc, step2.url, step2.map, NOW);

  it('step 1 is two sections (one a hidden tab); step 2 a collapsed part and a srcdoc frame', () => {
    expect(first?.assessmentId).toBe('SA-77');
    expect(first?.sections).toEqual(['reasons', 'household']);
    expect(second?.assessmentId).toBe('SA-77');
    expect(second?.sections).toEqual(['plan', 'outcomes']);
    expect(first?.notFoundDetails).toEqual([]);
    expect(second?.notFoundDetails).toEqual([]);
    const facts = Object.fromEntries([...(first?.facts ?? []), ...(second?.facts ?? [])].map((f) => [f.path, f.value]));
    expect(facts).toEqual({
      'children[77001].isSubject': true,
      'children[77001].includedInAssessment': true,
      'children[77001].seenDates': [{ date: '2026-11-05', alone: true }],
      'adults[77002].role': 'mother',
      'dates.referral': '2026-11-02',
      'dates.assessmentDecision': '2026-11-03',
      kind: 'child-in-need',
      'dates.planAgreedWithFamily': '2026-11-04',
      'outcome.decision': 'no-further-action',
    });
  });
});

// Issue 22, item 7: every host fixture, every section read through its map.
describe.each([
  { style: 'Mosaic-like', mapFile: 'mosaic-map.json', pages: ['mosaic-step.html'] },
  { style: 'Eclipse-like', mapFile: 'eclipse-map.json', pages: ['eclipse-cards.html'] },
  { style: 'WebForms-like', mapFile: 'webforms-map.json', pages: ['webforms-step1.html', 'webforms-step2.html'] },
])('$style, every section read', ({ mapFile, pages }) => {
  const reads = pages.map((page) => {
    const { doc, url, map } = load(page, mapFile);
    const result = extract(doc, url, map, NOW);
    if (!result) throw new Error(`${page} is not recognised`);
    return { map, result };
  });
  const map = reads[0]!.map;
  const { record } = recordFromReads(map.caseSystem, reads[0]!.result.assessmentId, reads.map(({ result }) => ({ ...(result.personId ? { personId: result.personId } : {}), facts: result.facts, provenance: result.provenance })));

  it.each([derbyPack, hertfordshirePack].map((pack) => [pack.id, pack] as const))('%s: no required step is left not read yet; what the map cannot read is listed', (_id, pack) => {
    for (const { result } of reads) expect(result.notFoundDetails).toEqual([]);
    const e = evaluate(record, pack as typeof derbyPack, NOW, { reads: mapReads(map) });
    const open = [...e.countdowns, ...e.findings].filter((f) => f.severity === 'required' && f.status === 'unknown' && !f.error && !f.notCheckedHere);
    expect(open.map((f) => `${f.ruleId} ${f.field ?? f.detail ?? ''}`)).toEqual([]);
    expect(e.ready.blocking.filter((b) => b.status === 'unknown')).toEqual([]);
    const listed = notCheckedHereItems(e);
    expect(listed.length).toBeGreaterThan(0);
    const canRead = mapReads(map);
    for (const item of listed) {
      expect(item.needs?.length, item.ruleId).toBeGreaterThan(0);
      for (const fact of item.needs ?? []) expect(canRead(fact), `${item.ruleId} needs ${fact}`).toBe(false);
    }
  });
});
