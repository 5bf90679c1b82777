import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract, identifyPage, locateField } from '../../lib/adapters/extractor';
import { FIELD_MAP_FORMAT, type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMap } from '../../lib/adapters/map-checks';
import { propertyRuns, propertyTimeout } from '../support/sizing';
import { applyFacts, emptyRecord, knownFactPaths, parseFactPath } from '../../lib/model';

// Arbitrary valid maps on arbitrary pages: the extractor never throws, gives the same
// answer twice, every fact it gives fits the model, and narrative never comes out.

const NOW = new Date('2026-11-23T12:00:00Z');
const URL_ = 'http://localhost/a/SA-1/reasons';
const SECRET = 'secret narrative words';

// A small vocabulary shared by pages and maps, so locators often hit.
const WORDS = ['Referral', 'Date seen', 'Role', 'Person ID', 'Yes', 'No', 'Not known', 'Child', 'Mother', 'Notes', 'Agencies', 'Key dates', 'Type'];
const word = fc.constantFrom(...WORDS);
const cellText = fc.oneof(word, fc.constantFrom('03/11/2026', '3 Nov 2026', '31/02/2026', 'P1', 'P2', 'P 3]', '', `"${SECRET}"`, 'S47', 'education'));
const attrName = fc.constantFrom('action', 'submit', '__proto__', 'length', 'value', 'getAttribute', 'querySelectorAll', 'textContent', 'children', 'x');

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const element: fc.Arbitrary<string> = fc.letrec<{ el: string }>((tie) => ({
  el: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(word, cellText, fc.nat(20)).map(([l, v, i]) => `<label for="i${i}">${esc(l)}</label><input id="i${i}" name="n${i}" value="${esc(v)}">`),
    fc.tuple(word, cellText).map(([l, v]) => `<label>${esc(l)} <input value="${esc(v)}"></label>`),
    fc.tuple(word, fc.array(cellText, { maxLength: 4 }), fc.nat(4)).map(
      ([l, opts, sel]) => `<label>${esc(l)}<select>${['', ...opts].map((o, k) => `<option value="${esc(o)}"${k === sel ? ' selected' : ''}>${esc(o)}</option>`).join('')}</select></label>`,
    ),
    fc.tuple(word, fc.array(fc.tuple(cellText, fc.boolean()), { maxLength: 4 }), fc.boolean()).map(
      ([legend, boxes, radio]) =>
        `<fieldset><legend>${esc(legend)}</legend>${boxes.map(([v, on], k) => `<label><input type="${radio ? 'radio' : 'checkbox'}" name="g" value="${esc(v)}"${on ? ' checked' : ''}> ${esc(v)}${k}</label>`).join('')}</fieldset>`,
    ),
    fc.tuple(word, fc.array(word, { minLength: 1, maxLength: 4 }), fc.array(fc.array(cellText, { maxLength: 5 }), { maxLength: 4 })).map(
      ([caption, heads, rows]) =>
        `<table><caption>${esc(caption)}</caption><thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r, k) => `<tr data-person-id="P${k}">${r.map((c, j) => (j === 1 ? `<th scope="row">${esc(c)}</th>` : `<td colspan="${j === 3 ? 2 : 1}"><input aria-labelledby="h${j}" value="${esc(c)}">${esc(c)}</td>`)).join('')}</tr>`)
          .join('')}</tbody></table>`,
    ),
    fc.tuple(word, cellText).map(([t, d]) => `<dl><div><dt>${esc(t)}</dt><dd>${esc(d)}</dd></div></dl>`),
    fc.tuple(word, fc.nat(5)).map(([t, k]) => `<span id="h${k}">${esc(t)}</span><textarea aria-labelledby="h${k}">${esc(SECRET)} "${SECRET}"</textarea>`),
    fc.tuple(attrName, cellText).map(([n, v]) => `<form><input name="${n}" value="${esc(v)}"><img name="${n}"></form>`),
    fc.tuple(word, fc.array(tie('el'), { maxLength: 3 })).map(([l, kids]) => `<fieldset><legend>${esc(l)} (Person ID P${l.length})</legend>${kids.join('')}</fieldset>`),
    fc.tuple(word, fc.array(tie('el'), { maxLength: 2 })).map(([t, kids]) => `<h3>${esc(t)}</h3><iframe title="${esc(t)}" srcdoc="${esc(kids.join(''))}"></iframe>`),
    fc.array(tie('el'), { maxLength: 3 }).map((kids) => `<div>${kids.join('')}</div>`),
  ),
})).el;

const page = fc.array(element, { maxLength: 8 }).map((els) => els.join('\n'));

// ---------------------------------------------------------------- maps

const FACTS = knownFactPaths();
const plain = FACTS.filter((f) => !f.includes('[]') && f !== 'personId');
const perPerson = FACTS.filter((f) => f.includes('[]'));

const match = fc.constantFrom(undefined, 'exact', 'contains', 'starts', 'regex');
const locator = fc.oneof(
  fc.record({ label: word, match }),
  fc.record({ ariaLabel: word }),
  fc.record({ labelledBy: word }),
  fc.record({ legend: word, match }),
  fc.record({ rowHeader: fc.oneof(word, fc.constantFrom('03/11/2026', 'P1')) }),
  fc.record({ columnHeader: word, table: fc.constantFrom(undefined, 'Key dates', 'Role') }),
  fc.record({ rowHeader: word, columnHeader: word }),
  fc.record({ term: word, nth: fc.constantFrom(undefined, 0, 1) }),
  fc.record({ css: fc.constantFrom('input', 'select', 'textarea', 'td', 'th', 'fieldset', '[name="action"]', 'dd') }),
).map((loc) => Object.fromEntries(Object.entries(loc).filter(([, v]) => v !== undefined)));

const READS = ['auto', 'value', 'text', 'option-text', 'option-value', 'radio-label', 'radio-value', { attribute: 'value' }] as const;
const FORMATS = [['dd/MM/yyyy'], ['d MMM yyyy', 'dd-MMM-yy'], ['yyyy-MM-dd', 'dd/MM/yyyy']];
const PARSES: Record<string, unknown>[] = [
  ...FORMATS.map((f) => ({ type: 'date', formats: f })),
  ...FORMATS.map((f) => ({ type: 'datetime', formats: f.map((x) => `${x} HH:mm`) })),
  { type: 'seen-date', formats: ['dd/MM/yyyy'], alone: true },
  { type: 'yes-no' },
  { type: 'yes-no', map: { Child: true, Mother: null } },
  { type: 'yes-no-na' },
  { type: 'codes', map: { S47: 'section-47', Child: 'child-in-need', Referral: 'no-further-action' } },
  { type: 'codes', map: { Mother: 'mother', Child: 'other' }, otherwise: null },
  { type: 'codes', map: { Yes: true, No: false, 'Not known': null } },
  { type: 'list' },
  { type: 'list', map: { education: 'education', Yes: 'health' } },
  { type: 'non-empty' },
  { type: 'quoted-speech' },
  { type: 'initials' },
];

// For each fact, the parses (and parse-less reads) the validator accepts for it.
const HEAD_FOR_CHECK = {
  format: FIELD_MAP_FORMAT,
  id: 'prop',
  version: '1',
  caseSystem: 'prop',
  description: 'check',
  page: { url: '^/a/', assessmentId: { url: '^/a/([^/]+)/' } },
  sections: [{ id: 'reasons', url: '/reasons' }],
};
function fits(fact: string, read: unknown, parse: unknown): boolean {
  const f = { fact, find: { label: 'x' }, ...(read ? { read } : {}), ...(parse ? { parse } : {}) };
  const body = fact.includes('[]')
    ? { groups: [{ id: 'g', section: 'reasons', rows: { css: 'tr' }, personId: { attribute: 'id' }, people: fact.startsWith('children') ? 'children' : 'adults', fields: [f] }] }
    : { fields: [{ ...f, section: 'reasons' }] };
  return validateFieldMap({ ...HEAD_FOR_CHECK, ...body }).ok;
}
const HOW = new Map<string, { read?: unknown; parse?: Record<string, unknown> }[]>();
for (const fact of FACTS) {
  const ways: { read?: unknown; parse?: Record<string, unknown> }[] = PARSES.filter((p) => fits(fact, undefined, p)).map((parse) => ({ parse }));
  for (const r of ['checked', 'checked-values', 'checked-labels']) if (fits(fact, r, undefined)) ways.push({ read: r });
  HOW.set(fact, ways);
}

const entry = (facts: string[]) =>
  fc
    .constantFrom(...facts.filter((f) => (HOW.get(f) ?? []).length > 0))
    .chain((fact) =>
      fc.record({
        fact: fc.constant(fact),
        find: locator,
        how: fc.constantFrom(...(HOW.get(fact) ?? [])),
        read: fc.constantFrom(...READS),
        blankWords: fc.constantFrom(undefined, ['-', 'Not known']),
      }),
    )
    .map(({ how, read, ...rest }) => {
      const e: Record<string, unknown> = { ...rest, ...(how.parse ? { parse: how.parse, read } : { read: how.read }) };
      return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined));
    });

const HEAD = {
  format: FIELD_MAP_FORMAT,
  id: 'prop',
  version: '1',
  caseSystem: 'prop',
  description: 'property test map',
  page: { url: '^/a/', assessmentId: { url: '^/a/([^/]+)/' }, personId: { find: { term: 'Person ID' } } },
  sections: [
    { id: 'reasons', url: '/reasons' },
    { id: 'plan', heading: { text: 'Role', match: 'contains' } },
  ],
};

/** Keeps only the entries the validator accepts, so the map as a whole is valid. */
function validEntries<T>(entries: T[], wrap: (e: T) => Record<string, unknown>): T[] {
  return entries.filter((e) => validateFieldMap({ ...HEAD, ...wrap(e) }).ok);
}

const map: fc.Arbitrary<FieldMap> = fc
  .record({
    fields: fc.array(fc.tuple(entry(plain), fc.constantFrom('reasons', 'plan', undefined)), { maxLength: 12 }),
    groups: fc.array(
      fc.record({
        rows: fc.oneof(fc.record({ table: word }), fc.record({ fieldsets: fc.record({ text: word, match: fc.constant('starts') }) }), fc.record({ css: fc.constantFrom('tr', 'fieldset') })),
        personId: fc.oneof(
          fc.constant({ attribute: 'data-person-id' }),
          fc.constant({ column: 'Person ID' }),
          fc.constant({ legend: true, pattern: 'Person ID (\\w+)' }),
          fc.record({ find: locator, pattern: fc.constantFrom('(P\\d+)', '(.*)') }),
        ),
        people: fc.oneof(
          fc.constantFrom('children', 'adults'),
          fc.constant({ roleFrom: { find: { columnHeader: 'Role' } }, roles: { Child: { group: 'children', facts: { isSubject: false } }, Mother: { group: 'adults', facts: { role: 'mother' } } } }),
        ),
        fields: fc.array(entry(perPerson), { maxLength: 6 }),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ fields, groups }) => {
    const fs = validEntries(fields, ([f, section]) => ({ fields: [section ? { ...f, section } : f] })).map(([f, section]) => (section ? { ...f, section } : f));
    const gs = groups.map((g, i) => {
      const group = { id: `g${i}`, section: 'reasons', ...g, fields: [] as unknown[] };
      return { ...group, fields: validEntries(g.fields, (f) => ({ groups: [{ ...group, fields: [f] }] })) };
    });
    const checked = validateFieldMap({ ...HEAD, fields: fs, groups: gs.filter((g) => validateFieldMap({ ...HEAD, groups: [g] }).ok) });
    if (!checked.ok) throw new Error(`generated map invalid: ${JSON.stringify(checked.errors)}`);
    return checked.map;
  });

function load(html: string): Document {
  return new JSDOM(`<!DOCTYPE html><body><dl><dt>Person ID</dt><dd>P1</dd></dl>${html}</body>`, { url: URL_ }).window.document;
}

describe('extractor properties', () => {
  it('the generators make maps and pages that read something', () => {
    let fields = 0;
    let facts = 0;
    const runs = fc.sample(fc.tuple(map, page), { numRuns: 60, seed: 42 });
    for (const [m, html] of runs) {
      fields += (m.fields?.length ?? 0) + (m.groups ?? []).reduce((n, g) => n + g.fields.length, 0);
      facts += extract(load(html), URL_, m, NOW)?.facts.length ?? 0;
    }
    expect(fields / runs.length).toBeGreaterThan(2);
    expect(facts).toBeGreaterThan(30);
  });

  it('never throws, is deterministic, gives only facts the model accepts, and no narrative', () => {
    fc.assert(
      fc.property(map, page, (m, html) => {
        const first = extract(load(html), URL_, m, NOW);
        const second = extract(load(html), URL_, m, NOW);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        expect(first).not.toBeNull();
        if (!first) return;
        for (const f of first.facts) expect(parseFactPath(f.path), f.path).toBeDefined();
        const { rejected } = applyFacts(emptyRecord(m.caseSystem, first.assessmentId), first.facts, first.provenance);
        // A `list` read with no `map` keeps code-like words as they are; where the model has a
        // fixed vocabulary (agencies) a word outside it is refused when merged, never coerced.
        // Nothing else may be refused.
        expect(rejected.filter((r) => r.path !== 'background.agenciesConsulted')).toEqual([]);
        expect(JSON.stringify(first)).not.toContain('secret');
        const doc = load(html);
        expect(identifyPage(doc, URL_, m)).toMatchObject({ assessmentId: 'SA-1' });
        for (const f of first.facts.slice(0, 5)) locateField(doc, m, f.path, { url: URL_ });
      }),
      // Three pages built and read per run: 60 runs keep this to seconds on a quiet machine.
      { numRuns: propertyRuns(60) },
    );
  }, propertyTimeout(propertyRuns(60), 60));

  it('a page the map does not recognise gives null, whatever is on it', () => {
    fc.assert(
      fc.property(map, page, (m, html) => {
        expect(extract(load(html), 'http://localhost/tray', m, NOW)).toBeNull();
        expect(identifyPage(load(html), 'http://localhost/tray', m)).toBeNull();
      }),
      { numRuns: propertyRuns(30) },
    );
  });
});
