// Inspect mode: every entry of the map, with what it found on the page as a shape (never
// the page's text) or why it found nothing, from the extractor's own result.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract } from '../../lib/adapters/extractor';
import { validateFieldMap, validateFieldMapText } from '../../lib/adapters/map-checks';
import { inspectRead, shapeOf } from '../../lib/adapters/inspect';
import mapJson from '../../lib/adapters/maps/lcs-demo.json';

const NOW = new Date('2026-11-23T10:00:00Z');
const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');
const checked = validateFieldMap(mapJson);
if (!checked.ok) throw new Error('demo map invalid');
const map = checked.map;

function read(name: string, path: string) {
  const url = `http://localhost:4173${path}`;
  const doc = new JSDOM(readFileSync(join(PAGES, `${name}.html`), 'utf8'), { url }).window.document;
  const result = extract(doc, url, map, NOW);
  if (!result) throw new Error('not recognised');
  return { doc, result, report: inspectRead(result, map) };
}

describe('inspectRead', () => {
  const { doc, result, report } = read('sa-1002-reasons', '/assessment/SA-1002/reasons');

  it('lists every entry of the map, once, in the map’s order', () => {
    const groups = map.groups ?? [];
    const expected = (map.page.personId ? 1 : 0) + groups.reduce((n, g) => n + 1 + g.fields.length, 0) + (map.fields ?? []).length;
    expect(report.entries).toHaveLength(expected);
    expect(new Set(report.entries.map((e) => e.entry)).size).toBe(report.entries.length);
    expect(report.sections).toEqual(['reasons']);
  });

  it('says what each entry of the open section found, as a shape', () => {
    const byId = Object.fromEntries(report.entries.map((e) => [e.entry, e]));
    expect(byId['reasons.referralDate']).toMatchObject({ state: 'found', found: 'date', showPath: 'dates.referral' });
    expect(byId['reasons.previousAssessmentCompleted']).toMatchObject({ state: 'found', found: 'blank' });
    expect(byId['reasons.concern.domesticAbuse']).toMatchObject({ state: 'found', found: 'yes' });
    expect(byId['reasons.concern.neglect']).toMatchObject({ state: 'found', found: 'no' });
    expect(byId['reasons.assessmentType']?.found).toBe('a code');
  });

  it('entries of other sections are "not on this page", with why', () => {
    const other = report.entries.filter((e) => e.section !== undefined && e.section !== 'reasons');
    expect(other.length).toBeGreaterThan(10);
    for (const e of other) expect(e.state).toBe('not-on-page');
  });

  it('every entry that found nothing says why (the extractor’s own reasons)', () => {
    for (const n of result.notFoundDetails.filter((d) => d.fact !== '')) {
      const entry = report.entries.find((e) => e.entry === n.entry || n.entry.startsWith(`${e.entry}.`));
      expect(entry?.reasons?.join(' ')).toContain(n.reason);
    }
  });

  it('never carries the page’s text', () => {
    const json = JSON.stringify(report);
    for (const t of doc.querySelectorAll('textarea, input[type=text]')) {
      const value = (t as HTMLInputElement).value.trim();
      if (value.split(/\s+/).length >= 2) expect(json).not.toContain(value);
    }
  });
});

describe('groups', () => {
  it('a group says how many people its rows gave, and each field how many of them had what', () => {
    const { report } = read('sa-1002-household', '/assessment/SA-1002/household');
    const groups = report.entries.filter((e) => e.fact.endsWith('[]') || e.fact.includes(' / '));
    expect(groups.some((g) => g.state === 'found' && /\d+ (child|children)/.test(g.found ?? ''))).toBe(true);
    const perPerson = report.entries.find((e) => e.fact.startsWith('children[].') && e.state === 'found');
    expect(perPerson?.found).toMatch(/^\d+ (person|people)/);
    expect(perPerson?.showPath).toMatch(/^children\[[^\]]+\]\./);
  });

  it('the Mosaic-like page: every section it shows, its story group of the subject child', () => {
    const hosts = join(import.meta.dirname, '..', 'fixtures', 'hosts');
    const html = readFileSync(join(hosts, 'mosaic-step.html'), 'utf8');
    const url = /saved from url=\(\d+\)(\S+?)\s*-->/.exec(html)?.[1] ?? '';
    const m = validateFieldMapText(readFileSync(join(hosts, 'mosaic-map.json'), 'utf8'));
    if (!m.ok) throw new Error('mosaic map invalid');
    const result = extract(new JSDOM(html, { url }).window.document, url, m.map, NOW);
    if (!result) throw new Error('not recognised');
    const report = inspectRead(result, m.map);
    expect(report.sections).toEqual(['reasons', 'plan', 'profile']);
    expect(report.entries.every((e) => e.state === 'found' || e.state === 'not-found' || e.state === 'not-read')).toBe(true);
    expect(report.entries.filter((e) => e.state === 'found').length).toBeGreaterThan(3);
  });
});

describe('shapeOf', () => {
  it('names the shape, never the value', () => {
    expect(shapeOf('2026-11-02')).toBe('date');
    expect(shapeOf('2026-11-02T10:00:00Z')).toBe('date and time');
    expect(shapeOf(null)).toBe('blank');
    expect(shapeOf([{ date: '2026-11-02', alone: true }])).toBe('1 visit');
    expect(shapeOf(['police', 'health'])).toBe('2 items');
    expect(shapeOf('child-in-need')).toBe('a code');
    expect(shapeOf('AB', 'children[].initials')).toBe('initials');
    expect(shapeOf('n/a')).toBe('n/a');
  });
});

describe('two entries for one fact', () => {
  it('the one whose value is not used says which entry gave the fact', () => {
    const { report } = read('sa-1002-reasons', '/assessment/SA-1002/reasons');
    const kind = report.entries.filter((e) => e.fact === 'kind' && e.section === undefined);
    for (const e of kind.filter((k) => k.state === 'not-read')) expect(e.reasons?.[0]).toMatch(/^kind is taken from \S+ on this page/);
  });
});
