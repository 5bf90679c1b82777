import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract, identifyPage, locateField, type ExtractResult } from '../../lib/adapters/extractor';
import { FIELD_MAP_FORMAT, type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMap } from '../../lib/adapters/map-checks';

// The extractor on small hand-made pages: one behaviour per test.

const NOW = new Date('2026-11-23T12:00:00Z');
const URL_ = 'https://lcs.example.gov.uk/a/SA-9/reasons?personName=Jane%20Doe#top';

function doc(body: string, url = URL_): Document {
  return new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url }).window.document;
}

/** Loosely typed on purpose: the validator checks each test map, as it would a council's. */
type MapParts = { fields?: unknown[]; groups?: unknown[]; sections?: unknown[]; page?: unknown };

/** A map for the test pages; it must pass the validator like any real map. */
function makeMap(parts: MapParts): FieldMap {
  const raw = {
    format: FIELD_MAP_FORMAT,
    id: 'test',
    version: '1',
    caseSystem: 'test-lcs',
    description: 'Test map',
    page: { url: '^/a/', assessmentId: { url: '^/a/([^/?#]+)/' } },
    sections: [
      { id: 'reasons', url: '/reasons' },
      { id: 'household', url: '/household' },
      { id: 'plan', url: '/plan' },
      { id: 'background', url: '/background' },
      { id: 'profile', url: '/profile' },
    ],
    ...parts,
  };
  const v = validateFieldMap(raw);
  if (!v.ok) throw new Error(`test map invalid: ${JSON.stringify(v.errors)}`);
  return v.map;
}

function run(body: string, parts: MapParts, url = URL_): ExtractResult {
  const r = extract(doc(body, url), url, makeMap(parts), NOW);
  if (!r) throw new Error('page not recognised');
  return r;
}

function facts(r: ExtractResult): Record<string, unknown> {
  return Object.fromEntries(r.facts.map((f) => [f.path, f.value]));
}

const date = { type: 'date', formats: ['dd/MM/yyyy'] };
const yesNo = { type: 'yes-no' };


/** children[id].includedInAssessment: true for each id (what a map that never reads it gives). */
function included(...ids: string[]): Record<string, boolean> {
  return Object.fromEntries(ids.map((id) => [`children[${id}].includedInAssessment`, true]));
}

describe('identifyPage', () => {
  const map = makeMap({
    page: { url: '^/a/', assessmentId: { url: '^/a/([^/?#]+)/' }, personId: { find: { term: 'Person ID' }, pattern: '^(P\\d+)$' } },
    sections: [
      { id: 'reasons', url: '/reasons(?:[?#]|$)' },
      { id: 'plan', heading: { text: 'Assessment plan', match: 'contains' } },
    ],
  });

  it('gives the assessment id from the URL, the person id from the page and the section', () => {
    const d = doc('<dl><dt>Person ID</dt><dd> P1002 </dd></dl>');
    expect(identifyPage(d, URL_, map)).toEqual({ mapId: 'test', caseSystem: 'test-lcs', assessmentId: 'SA-9', personId: 'P1002', section: 'reasons', sections: ['reasons'] });
  });

  it('is null for a page that is not an assessment page', () => {
    expect(identifyPage(doc(''), 'https://lcs.example.gov.uk/tray', map)).toBeNull();
    expect(identifyPage(doc(''), 'not a url', map)).toBeNull();
  });

  it('recognises a section by its heading', () => {
    const d = doc('<h2>2.3 Assessment plan</h2>');
    expect(identifyPage(d, 'https://x/a/SA-9/edit', map)).toMatchObject({ section: 'plan', sections: ['plan'] });
  });

  it('an assessment page no section matches has no sections (the panel says so)', () => {
    expect(identifyPage(doc(''), 'https://x/a/SA-9/summary', map)).toMatchObject({ assessmentId: 'SA-9', sections: [] });
  });

  it('reads the assessment id from the page with a pattern, and refuses an id that is not plain', () => {
    const byPage = makeMap({ page: { url: '^/form', assessmentId: { find: { css: '[data-form-id]' }, read: { attribute: 'data-form-id' }, pattern: '^(SA-\\d+)$' } }, sections: [{ id: 'reasons', url: '/form' }] });
    expect(identifyPage(doc('<span data-form-id="SA-77"></span>'), 'https://x/form', byPage)).toMatchObject({ assessmentId: 'SA-77' });
    expect(identifyPage(doc('<span data-form-id="SA 77"></span>'), 'https://x/form', byPage)).toBeNull();
    expect(identifyPage(doc(''), 'https://x/form', byPage)).toBeNull();
    const loose = makeMap({ page: { url: '^/form', assessmentId: { find: { css: 'h1' }, read: 'text' } }, sections: [{ id: 'reasons', url: '/form' }] });
    expect(identifyPage(doc('<h1>Jane Doe [born 2019]</h1>'), 'https://x/form', loose)).toBeNull();
  });
});

describe('locators', () => {
  const one = (body: string, find: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    facts(run(body, { fields: [{ fact: 'dates.referral', section: 'reasons', find, parse: date, ...extra }] }))['dates.referral'];

  it('label for', () => {
    expect(one('<label for="r">Date referral received:</label><input id="r" value="03/11/2026">', { label: 'Date referral received' })).toBe('2026-11-03');
  });

  it('a wrapping label (its text leaves out the options of a select inside it)', () => {
    expect(one('<label>Date referral received <input value="03/11/2026"></label>', { label: 'date referral received' })).toBe('2026-11-03');
    const r = run('<label>Home visited? <select><option value="">--</option><option selected>Yes</option></select></label>', {
      fields: [{ fact: 'household.homeVisited', section: 'reasons', find: { label: 'Home visited?' }, parse: yesNo }],
    });
    expect(facts(r)['household.homeVisited']).toBe(true);
  });

  it('ignores case, spacing, curly quotes and a trailing colon or asterisk', () => {
    expect(one('<label for="r">Child’s  date   referral *</label><input id="r" value="03/11/2026">', { label: "child's date referral" })).toBe('2026-11-03');
  });

  it('aria-label', () => {
    expect(one('<input aria-label="Referral date" value="03/11/2026">', { ariaLabel: 'Referral date' })).toBe('2026-11-03');
  });

  it('aria-labelledby: any one of the named elements, or all of them together', () => {
    const body = '<span id="c">Referral date</span><span id="p">Jane</span><input aria-labelledby="c p" value="03/11/2026">';
    expect(one(body, { labelledBy: 'Referral date' })).toBe('2026-11-03');
    expect(one(body, { labelledBy: 'Referral date Jane' })).toBe('2026-11-03');
  });

  it('a table row header: the cell beside it, or the one under a column', () => {
    const body = `<table><caption>Key dates</caption><tbody>
      <tr><th scope="row">Referral</th><td>03/11/2026</td><td>04/11/2026</td></tr></tbody></table>`;
    expect(one(body, { rowHeader: 'Referral' }, { read: 'text' })).toBe('2026-11-03');
    const grid = `<table><thead><tr><th></th><th scope="col">Planned</th><th scope="col">Actual</th></tr></thead>
      <tbody><tr><th scope="row">Referral</th><td>01/11/2026</td><td>03/11/2026</td></tr></tbody></table>`;
    expect(one(grid, { rowHeader: 'Referral', columnHeader: 'Actual' }, { read: 'text' })).toBe('2026-11-03');
  });

  it('a column header outside a group: the first body row', () => {
    const body = `<table><thead><tr><th>Referral date</th><th>Other</th></tr></thead><tbody><tr><td colspan="1">03/11/2026</td><td>x</td></tr></tbody></table>`;
    expect(one(body, { columnHeader: 'Referral date' }, { read: 'text' })).toBe('2026-11-03');
  });

  it('colspans are counted when finding a column', () => {
    const body = `<table><thead><tr><th colspan="2">Person</th><th>Referral date</th></tr></thead><tbody><tr><td>1</td><td>Jo</td><td>03/11/2026</td></tr></tbody></table>`;
    expect(one(body, { columnHeader: 'Referral date' }, { read: 'text' })).toBe('2026-11-03');
  });

  it('table picks the table by caption, aria-label or the heading before it', () => {
    const body = `<h3>Old dates</h3><table><tr><th>Referral</th><td>01/01/2020</td></tr></table>
      <h3>Key dates</h3><div><table><tr><th>Referral</th><td>03/11/2026</td></tr></table></div>
      <table aria-label="Other"><tr><th>Referral</th><td>02/02/2022</td></tr></table>`;
    expect(one(body, { rowHeader: 'Referral' }, { read: 'text' })).toBe('2020-01-01');
    expect(one(body, { rowHeader: 'Referral', table: 'Key dates' }, { read: 'text' })).toBe('2026-11-03');
    expect(one(body, { rowHeader: 'Referral', table: 'Other' }, { read: 'text' })).toBe('2022-02-02');
  });

  it('a definition-list term, also with the pair wrapped in a div', () => {
    expect(one('<dl><div><dt>Referral</dt><dd>03/11/2026</dd></div></dl>', { term: 'Referral' }, { read: 'text' })).toBe('2026-11-03');
    expect(one('<dl><dt>Referral</dt><dt>Received</dt><dd>03/11/2026</dd></dl>', { term: 'Referral' }, { read: 'text' })).toBe('2026-11-03');
  });

  it('css, as a last resort', () => {
    expect(one('<input name="referral" value="03/11/2026">', { css: 'input[name="referral"]' })).toBe('2026-11-03');
  });

  it('match: contains, starts, regex; nth picks among several', () => {
    const body = '<label for="a">Date the referral was received (dd/mm/yyyy)</label><input id="a" value="03/11/2026"><label for="b">Date the referral was received (dd/mm/yyyy)</label><input id="b" value="04/11/2026">';
    expect(one(body, { label: 'referral was received', match: 'contains' })).toBe('2026-11-03');
    expect(one(body, { label: 'Date the referral', match: 'starts' })).toBe('2026-11-03');
    expect(one(body, { label: '^date the \\w+ was', match: 'regex' })).toBe('2026-11-03');
    expect(one(body, { label: 'Date the referral', match: 'starts', nth: 1 })).toBe('2026-11-04');
  });

  it('a bad CSS selector is reported, not thrown', () => {
    const r = run('<input>', { fields: [{ fact: 'dates.referral', section: 'reasons', find: { css: 'input[[' }, parse: date }] });
    expect(r.facts).toEqual([]);
    expect(r.notFoundDetails[0]?.reason).toMatch(/not a valid CSS selector/);
  });
});

describe('reading', () => {
  const body = `
    <label for="s">Interpreter needed?</label>
    <select id="s"><option value="">-- Select --</option><option value="Y" selected>Yes</option><option value="N">No</option></select>
    <label for="b">Interpreter used?</label>
    <select id="b"><option value="">-- Select --</option><option value="Y">Yes</option></select>
    <fieldset><legend>Smoke alarms?</legend>
      <input type="radio" name="sa" id="sa-y" value="Y"><label for="sa-y">Yes</label>
      <input type="radio" name="sa" id="sa-n" value="N" checked><label for="sa-n">No</label></fieldset>
    <fieldset><legend>Safe sleep?</legend>
      <label><input type="radio" name="ss" value="Y"> Yes</label><label><input type="radio" name="ss" value="N"> No</label></fieldset>
    <fieldset><legend>Agencies</legend>
      <input type="checkbox" id="ag1" value="education" checked><label for="ag1">Education</label>
      <input type="checkbox" id="ag2" value="health"><label for="ag2">Health</label>
      <input type="checkbox" id="ag3" value="police" checked><label for="ag3">Police</label></fieldset>
    <input type="checkbox" id="g" checked><label for="g">Genogram</label>
    <input type="checkbox" id="e"><label for="e">Ecomap</label>
    <span id="code" data-code="S47">Section 47</span>`;
  const read = (fields: unknown[]) => facts(run(body, { fields }));

  it('a select: the chosen option; the "-- Select --" placeholder is blank', () => {
    expect(
      read([
        { fact: 'household.interpreterNeeded', section: 'reasons', find: { label: 'Interpreter needed?' }, parse: yesNo },
        { fact: 'household.interpreterUsed', section: 'reasons', find: { label: 'Interpreter used?' }, parse: yesNo },
        { fact: 'household.homeVisited', section: 'reasons', find: { label: 'Interpreter needed?' }, read: 'option-value', parse: { type: 'codes', map: { Y: true } } },
      ]),
    ).toEqual({ 'household.interpreterNeeded': true, 'household.interpreterUsed': null, 'household.homeVisited': true });
  });

  it('a radio group: the ticked one\'s label or value; none ticked is blank', () => {
    expect(
      read([
        { fact: 'safetyAdvice.smokeAlarms', section: 'reasons', find: { legend: 'Smoke alarms?' }, read: 'radio-label', parse: { type: 'yes-no-na' } },
        { fact: 'safetyAdvice.homeSafety', section: 'reasons', find: { legend: 'Smoke alarms?' }, read: 'radio-value', parse: { type: 'yes-no-na' } },
        { fact: 'safetyAdvice.safeSleep', section: 'reasons', find: { legend: 'Safe sleep?' }, parse: { type: 'yes-no-na' } },
      ]),
    ).toEqual({ 'safetyAdvice.smokeAlarms': 'no', 'safetyAdvice.homeSafety': 'no', 'safetyAdvice.safeSleep': null });
  });

  it('a group of checkboxes: ticked values or labels as a list', () => {
    expect(
      read([{ fact: 'background.agenciesConsulted', section: 'reasons', find: { legend: 'Agencies' }, read: 'checked-values', parse: { type: 'list', pattern: '^([a-z-]+)$' } }]),
    ).toEqual({ 'background.agenciesConsulted': ['education', 'police'] });
    expect(
      read([{ fact: 'background.agenciesConsulted', section: 'reasons', find: { legend: 'Agencies' }, read: 'checked-labels', parse: { type: 'list', map: { Education: 'education', Police: 'police' } } }]),
    ).toEqual({ 'background.agenciesConsulted': ['education', 'police'] });
  });

  it('one checkbox: ticked or not (never blank)', () => {
    expect(
      read([
        { fact: 'background.genogram', section: 'reasons', find: { label: 'Genogram' }, read: 'checked' },
        { fact: 'background.ecomap', section: 'reasons', find: { label: 'Ecomap' }, read: 'checked' },
      ]),
    ).toEqual({ 'background.genogram': true, 'background.ecomap': false });
  });

  it('an attribute', () => {
    expect(
      read([{ fact: 'kind', section: 'reasons', find: { css: '#code' }, read: { attribute: 'data-code' }, parse: { type: 'codes', map: { S47: 'section-47' } } }]),
    ).toEqual({ kind: 'section-47' });
  });

  it('reading a kind of element that is not there is reported', () => {
    const r = run(body, { fields: [{ fact: 'background.genogram', section: 'reasons', find: { css: '#code' }, read: 'checked' }] });
    expect(r.facts).toEqual([]);
    expect(r.notFoundDetails).toEqual([{ entry: 'fields[0]', fact: 'background.genogram', reason: expect.stringMatching(/no checkbox there/) }]);
  });

  it('reads what the worker typed, not the value the page was loaded with', () => {
    const d = doc('<label for="r">Referral</label><input id="r" value="01/01/2026">');
    (d.getElementById('r') as HTMLInputElement).value = '03/11/2026';
    const r = extract(d, URL_, makeMap({ fields: [{ fact: 'dates.referral', section: 'reasons', find: { label: 'Referral' }, parse: date }] }), NOW);
    expect(r && facts(r)).toEqual({ 'dates.referral': '2026-11-03' });
  });
});

describe('three states: value, blank, absent', () => {
  const fields = [
    { fact: 'dates.referral', section: 'reasons', find: { label: 'Referral' }, parse: date },
    { fact: 'dates.icpc', section: 'reasons', find: { label: 'ICPC' }, parse: date },
    { fact: 'dates.completed', section: 'reasons', find: { label: 'Completed' }, parse: date },
    { fact: 'dates.authorised', section: 'plan', find: { label: 'Authorised' }, parse: date },
    { fact: 'dates.referral', section: 'reasons', find: { label: 'Copy' }, read: 'text', parse: date, blankWords: ['-', 'Not recorded'] },
  ];
  const r = run(
    '<label for="a">Referral</label><input id="a" value="03/11/2026"><label for="b">ICPC</label><input id="b" value="  "><label for="c">Completed</label><input id="c" value="sometime soon">',
    { fields },
  );

  it('a filled field gives its value, a blank one null', () => {
    expect(facts(r)).toEqual({ 'dates.referral': '2026-11-03', 'dates.icpc': null });
  });

  it('notFound names the entry and the fact; notFoundDetails adds why', () => {
    expect(r.notFound).toEqual(r.notFoundDetails.map(({ entry, fact }) => ({ entry, fact })));
    for (const n of r.notFound) expect(Object.keys(n).sort()).toEqual(['entry', 'fact']);
  });

  it('a field not on the page is absent and listed as found nothing; another section\'s field is not even tried', () => {
    expect(r.notFoundDetails).toContainEqual({ entry: 'fields[4]', fact: 'dates.referral', reason: 'nothing matched label "Copy"' });
    expect(r.notFoundDetails.some((n) => n.fact === 'dates.authorised')).toBe(false);
  });

  it('text that cannot be read is absent (never null: that would be a false "missing"), and the reason does not quote it', () => {
    expect('dates.completed' in facts(r)).toBe(false);
    const miss = r.notFoundDetails.find((n) => n.fact === 'dates.completed');
    expect(miss?.reason).toMatch(/not a date written dd\/MM\/yyyy/);
    expect(JSON.stringify(r)).not.toContain('sometime');
  });

  it('blank words count as blank', () => {
    const r2 = run('<label for="x">Copy</label><input id="x" value=" not  recorded ">', { fields: [fields[4]] });
    expect(facts(r2)).toEqual({ 'dates.referral': null });
  });

  it('when two entries give one fact, the first with a value wins', () => {
    const both = [
      { fact: 'dates.referral', section: 'reasons', find: { label: 'Referral' }, parse: date },
      { fact: 'dates.referral', section: 'reasons', find: { label: 'Copy' }, parse: date },
    ];
    const r3 = run('<label for="a">Referral</label><input id="a" value=""><label for="b">Copy</label><input id="b" value="04/11/2026">', { fields: both });
    expect(facts(r3)).toEqual({ 'dates.referral': '2026-11-04' });
    expect(r3.provenance['dates.referral']?.mapEntry).toBe('fields[1]');
  });
});

describe('robustness', () => {
  it('an entry that fails (a map that skipped validation) is reported; the others are still read', () => {
    const map = makeMap({ fields: [{ fact: 'dates.referral', section: 'reasons', find: { label: 'Referral' }, parse: date }, { fact: 'dates.icpc', section: 'reasons', find: { label: 'Referral' }, parse: date }] });
    const broken = { ...map, fields: [map.fields![0]!, { ...map.fields![1]!, parse: { type: 'date' } }] } as unknown as FieldMap;
    const r = extract(doc('<label for="a">Referral</label><input id="a" value="03/11/2026">'), URL_, broken, NOW);
    expect(r && facts(r)).toEqual({ 'dates.referral': '2026-11-03' });
    expect(r?.notFoundDetails).toEqual([{ entry: 'fields[1]', fact: 'dates.icpc', reason: 'the entry failed: TypeError' }]);
  });
});

describe('provenance', () => {
  it('has the URL path only (no query or fragment), the section, the locator, the entry and the time', () => {
    const r = run('<label for="a">Referral</label><input id="a" value="03/11/2026">', {
      fields: [{ id: 'reasons.referral', fact: 'dates.referral', section: 'reasons', find: { label: 'Referral' }, parse: date }],
    });
    expect(r.provenance).toEqual({
      'dates.referral': { page: '/a/SA-9/reasons', section: 'reasons', locator: 'label "Referral"', mapEntry: 'reasons.referral', readAt: '2026-11-23T12:00:00.000Z' },
    });
    expect(JSON.stringify(r)).not.toContain('Jane');
  });
});

describe('groups of people', () => {
  const household = `
    <table><caption>Household members</caption>
      <thead><tr><th scope="col">Person ID</th><th scope="col">Name</th><th scope="col" id="c-role">Role</th><th scope="col" id="c-dob">Date of birth</th><th scope="col" id="c-unborn">Unborn</th><th scope="col" id="c-pr">Parental responsibility</th></tr></thead>
      <tbody>
        <tr data-pid="P1"><td>P1</td><th scope="row" id="r1">Ruby Sample</th><td><select aria-labelledby="c-role r1"><option value="">--</option><option selected>Subject child</option><option>Child</option><option>Mother</option></select></td><td><input aria-labelledby="c-dob r1" value="20/09/2020"></td><td><input type="checkbox" aria-labelledby="c-unborn r1"></td><td></td></tr>
        <tr><td>P2</td><th scope="row" id="r2">Baby Sample</th><td><select aria-labelledby="c-role r2"><option value="">--</option><option>Subject child</option><option selected>Child</option></select></td><td><input aria-labelledby="c-dob r2" value="01/03/2027"></td><td><input type="checkbox" checked aria-labelledby="c-unborn r2"></td><td></td></tr>
        <tr><td>P3</td><th scope="row">Sara Sample</th><td><select><option>Mother</option></select></td><td><input value="23/10/1999"></td><td></td><td><select><option value="">--</option><option>Yes</option><option selected>Not known</option></select></td></tr>
        <tr><td>P4</td><th scope="row">Who Knows</th><td><select><option value="" selected>--</option></select></td><td></td><td></td><td></td></tr>
        <tr><td>P5</td><th scope="row">Odd One</th><td><select><option selected>Lodger</option></select></td><td></td><td></td><td></td></tr>
        <tr><td colspan="6">Nobody else recorded.</td></tr>
      </tbody></table>`;
  const group = {
    id: 'members',
    section: 'reasons' as const,
    rows: { table: 'Household members' },
    personId: { column: 'Person ID' },
    people: {
      roleFrom: { find: { columnHeader: 'Role' } },
      roles: {
        'Subject child': { group: 'children' as const, facts: { isSubject: true } },
        Child: { group: 'children' as const, facts: { isSubject: false } },
        Mother: { group: 'adults' as const, facts: { role: 'mother' } },
      },
    },
    fields: [
      { fact: 'children[].unborn', find: { labelledBy: 'Unborn' }, read: 'checked' as const },
      { fact: 'children[].dateOfBirth', find: { columnHeader: 'Date of birth' }, parse: date, when: { fact: 'children[].unborn', notEquals: true } },
      { fact: 'children[].expectedDueDate', find: { columnHeader: 'Date of birth' }, parse: date, when: { fact: 'children[].unborn', equals: true } },
      { fact: 'adults[].hasParentalResponsibility', find: { columnHeader: 'Parental responsibility' }, parse: yesNo },
      { fact: 'children[].initials', find: { css: 'th' }, read: 'text' as const, parse: { type: 'initials' as const } },
    ],
  };

  it('sorts rows into children and adults by role, with the facts the role gives', () => {
    const r = run(household, { groups: [group] });
    expect(facts(r)).toEqual({
      // The map does not read it: every child listed is included.
      ...included('P1', 'P2'),
      'children[P1].isSubject': true,
      'children[P1].unborn': false,
      'children[P1].initials': 'RS',
      'children[P1].dateOfBirth': '2020-09-20',
      'children[P2].isSubject': false,
      'children[P2].unborn': true,
      'children[P2].initials': 'BS',
      'children[P2].expectedDueDate': '2027-03-01',
      'adults[P3].role': 'mother',
      'adults[P3].hasParentalResponsibility': null,
    });
  });

  it('a blank or unknown role is reported and the row skipped; a placeholder row is ignored', () => {
    const r = run(household, { groups: [group] });
    expect(r.notFoundDetails).toEqual([
      { entry: 'members.people', fact: 'role of P4', reason: expect.stringMatching(/^the role is blank in the row for P4 of table "Household members"/) },
      { entry: 'members.people', fact: 'role of P5', reason: expect.stringMatching(/^the role is not one of the map's roles/) },
    ]);
    expect(JSON.stringify(r)).not.toContain('Lodger');
  });

  it('names never leave the page: only initials', () => {
    const json = JSON.stringify(run(household, { groups: [group] }));
    for (const name of ['Ruby', 'Sample', 'Sara', 'Who Knows']) expect(json).not.toContain(name);
  });

  it('the provenance names the row by person id', () => {
    const r = run(household, { groups: [group] });
    expect(r.provenance['children[P1].dateOfBirth']).toMatchObject({ locator: 'column "Date of birth" in the row for P1 of table "Household members"', mapEntry: 'groups[0].fields[1]' });
  });

  it('seen dates from two columns join into one list; both blank is null', () => {
    const seen = `<table><caption>Children seen</caption><thead><tr><th>Person ID</th><th>First seen</th><th>Seen alone</th></tr></thead><tbody>
      <tr data-person-id="P1"><td>P1</td><td><input value="02/11/2026"></td><td><input value="04/11/2026"></td></tr>
      <tr data-person-id="P2"><td>P2</td><td><input value="02/11/2026"></td><td><input value=""></td></tr>
      <tr data-person-id="P3"><td>P3</td><td><input value=""></td><td><input value=""></td></tr></tbody></table>`;
    const r = run(seen, {
      groups: [
        {
          id: 'seen',
          section: 'reasons',
          rows: { table: 'Children seen' },
          personId: { attribute: 'data-person-id' },
          people: 'children',
          fields: [
            { fact: 'children[].seenDates', find: { columnHeader: 'First seen' }, parse: { type: 'seen-date', formats: ['dd/MM/yyyy'], alone: false } },
            { fact: 'children[].seenDates', find: { columnHeader: 'Seen alone' }, parse: { type: 'seen-date', formats: ['dd/MM/yyyy'], alone: true } },
          ],
        },
      ],
    });
    expect(facts(r)).toEqual({
      // The map does not read it: every child listed is included.
      ...included('P1', 'P2', 'P3'),
      'children[P1].seenDates': [
        { date: '2026-11-02', alone: false },
        { date: '2026-11-04', alone: true },
      ],
      'children[P2].seenDates': [{ date: '2026-11-02', alone: false }],
      'children[P3].seenDates': null,
    });
  });

  it('a fieldset per person, the id from the legend or a heading', () => {
    const body = `
      <fieldset><legend>Child's profile: Ruby Sample (Person ID P1)</legend><label for="a">Story</label><textarea id="a">She said "I like my school".</textarea>
        <label for="y">Young carer?</label><select id="y"><option selected>No</option></select></fieldset>
      <fieldset><legend>Child's profile: Sonny (Person ID P2)</legend><label for="b">Story</label><textarea id="b"></textarea>
        <label for="z">Young carer?</label><select id="z"><option value="" selected>--</option></select></fieldset>
      <section class="kid"><h4>Poppy — P3</h4><label for="c">Story</label><textarea id="c">Poppy is a happy baby.</textarea></section>`;
    const fields = [
      { fact: 'children[].ownWordsRecorded', find: { label: 'Story' }, parse: { type: 'quoted-speech' as const } },
      { fact: 'children[].youngCarer', find: { label: 'Young carer?' }, parse: yesNo },
    ];
    const r = run(body, {
      groups: [
        { id: 'profiles', section: 'reasons', rows: { fieldsets: { text: "Child's profile:", match: 'starts' } }, personId: { legend: true, pattern: 'Person ID (\\w+)' }, people: 'children', fields },
        { id: 'more', section: 'reasons', rows: { css: 'section.kid' }, personId: { heading: true, pattern: '(P\\d+)$' }, people: 'children', fields },
      ],
    });
    expect(facts(r)).toEqual({
      // The map does not read it: every child listed is included.
      ...included('P1', 'P2', 'P3'),
      'children[P1].ownWordsRecorded': true,
      'children[P1].youngCarer': false,
      'children[P2].ownWordsRecorded': false,
      'children[P2].youngCarer': null,
      'children[P3].ownWordsRecorded': false,
    });
    expect(r.notFoundDetails).toEqual([{ entry: 'groups[1].fields[1]', fact: 'children[P3].youngCarer', reason: 'nothing matched label "Young carer?"' }]);
    for (const secret of ['I like my school', 'happy baby', 'Ruby', 'Sonny', 'Poppy']) expect(JSON.stringify(r)).not.toContain(secret);
  });

  it('a group whose rows are missing says so', () => {
    const r = run('<p>No table here</p>', { groups: [{ ...group, fields: [] }] });
    expect(r.notFoundDetails).toEqual([{ entry: 'members', fact: 'children[] / adults[]', reason: expect.stringMatching(/^no rows: nothing matched table "Household members"/) }]);
  });

  it('a row whose id is not plain is reported, not used', () => {
    const r = run('<table><caption>T</caption><tr><th>Person ID</th></tr><tr><td>P 1]</td></tr></table>', {
      groups: [{ id: 'g', section: 'reasons', rows: { table: 'T' }, personId: { column: 'Person ID' }, people: 'children', fields: [] }],
    });
    expect(r.facts).toEqual([]);
    expect(r.notFoundDetails[0]).toMatchObject({ entry: 'g.personId', reason: expect.stringMatching(/not an id/) });
  });
});

describe('frames', () => {
  const outer = '<h2>Background</h2><iframe title="Background form" src="/a/SA-9/background/frame"></iframe>';
  const inner = '<label for="g">Genogram</label><input type="checkbox" id="g" checked><label for="e">Ecomap</label><input type="checkbox" id="e">';
  const fields = [
    { fact: 'background.genogram', section: 'background', find: { label: 'Genogram' }, read: 'checked' },
    { fact: 'background.ecomap', section: 'background', find: { label: 'Ecomap' }, read: 'checked', frame: { title: 'Background form' } },
  ];
  const url = 'https://x/a/SA-9/background';
  const innerDoc = (): Document => doc(inner, 'https://x/a/SA-9/background/frame');

  it('reads a frame given separately (a saved page), and says so in the provenance', () => {
    const frameDoc = innerDoc();
    const r = extract(doc(outer, url), url, makeMap({ fields }), NOW, { frames: (f) => (f.getAttribute('src')?.endsWith('/frame') ? frameDoc : undefined) });
    expect(r && facts(r)).toEqual({ 'background.genogram': true, 'background.ecomap': false });
    expect(r?.provenance['background.ecomap']?.locator).toBe('label "Ecomap" in frame "Background form"');
    expect(r?.provenance['background.ecomap']?.page).toBe('/a/SA-9/background');
  });

  it('reads an inline srcdoc frame', () => {
    const withSrcdoc = doc('<iframe title="Background form"></iframe>', url);
    withSrcdoc.querySelector('iframe')?.setAttribute('srcdoc', inner);
    const r = extract(withSrcdoc, url, makeMap({ fields }), NOW);
    expect(r && facts(r)).toEqual({ 'background.genogram': true, 'background.ecomap': false });
  });

  it('the frame page read on its own (a content script inside the frame) finds the same facts', () => {
    const frameUrl = 'https://x/a/SA-9/background/frame';
    const r = extract(innerDoc(), frameUrl, makeMap({ fields }), NOW);
    expect(r && facts(r)).toEqual({ 'background.genogram': true, 'background.ecomap': false });
  });

  it('frames: false reads only the page itself; entries for a frame it has are left to that frame', () => {
    const r = extract(doc(outer, url), url, makeMap({ fields }), NOW, { frames: false });
    expect(r?.facts).toEqual([]);
    // Genogram names no frame, so this page should have had it; Ecomap is in the frame, which reads itself.
    expect(r?.notFound).toEqual([{ entry: 'fields[0]', fact: 'background.genogram' }]);
  });

  it('a frame spec that names another frame looks only there', () => {
    const two = doc('<iframe title="A"></iframe><iframe title="B"></iframe>', url);
    const frames = two.querySelectorAll('iframe');
    frames[0]?.setAttribute('srcdoc', '<label for="g">Genogram</label><input type="checkbox" id="g" checked>');
    frames[1]?.setAttribute('srcdoc', '<label for="g">Genogram</label><input type="checkbox" id="g">');
    const pick = (title: string) =>
      extract(two, url, makeMap({ fields: [{ fact: 'background.genogram', section: 'background', find: { label: 'Genogram' }, read: 'checked', frame: { title } }] }), NOW);
    expect(pick('A')?.facts).toEqual([{ path: 'background.genogram', value: true }]);
    expect(pick('B')?.facts).toEqual([{ path: 'background.genogram', value: false }]);
  });

  it('"Show me" finds a field inside a frame', () => {
    const frameDoc = innerDoc();
    const el = locateField(doc(outer, url), makeMap({ fields }), 'background.genogram', { url, frames: () => frameDoc });
    expect(el?.id).toBe('g');
    expect(el?.ownerDocument).toBe(frameDoc);
  });
});

describe('locateField ("Show me")', () => {
  const body = `<label for="a">Referral</label><input id="a" value="03/11/2026">
    <table><caption>Seen</caption><tr><th>Person ID</th><th>Bedroom seen</th></tr><tr><td>P1</td><td><select id="bs"><option>Yes</option></select></td></tr></table>`;
  const map = makeMap({
    fields: [{ fact: 'dates.referral', section: 'reasons', find: { label: 'Referral' }, parse: date }],
    groups: [{ id: 'seen', section: 'reasons', rows: { table: 'Seen' }, personId: { column: 'Person ID' }, people: 'children', fields: [{ fact: 'children[].bedroomSeen', find: { columnHeader: 'Bedroom seen' }, parse: yesNo }] }],
  });

  it('finds a plain fact and a person\'s fact', () => {
    const d = doc(body);
    expect(locateField(d, map, 'dates.referral', { url: URL_ })?.id).toBe('a');
    // The control in the cell, so "Show me" can focus it.
    expect(locateField(d, map, 'children[P1].bedroomSeen', { url: URL_ })?.id).toBe('bs');
  });

  it('uses the document URL when none is given', () => {
    expect(locateField(doc(body), map, 'dates.referral')?.id).toBe('a');
  });

  it('is null for a fact this page does not show', () => {
    const d = doc(body);
    expect(locateField(d, map, 'dates.icpc', { url: URL_ })).toBeNull();
    expect(locateField(d, map, 'children[P9].bedroomSeen', { url: URL_ })).toBeNull();
    expect(locateField(d, map, 'dates.referral', { url: 'https://x/elsewhere' })).toBeNull();
    expect(locateField(d, map, 'nonsense[', { url: URL_ })).toBeNull();
  });
});

describe('sections', () => {
  it('a page showing several sections reads each section\'s fields in its own part of the page', () => {
    const map = makeMap({
      sections: [
        { id: 'reasons', url: '/all', scope: '#s-reasons' },
        { id: 'plan', url: '/all', scope: '#s-plan' },
      ],
      fields: [
        { fact: 'dates.referral', section: 'reasons', find: { label: 'Date' }, parse: date },
        { fact: 'dates.planAgreedWithFamily', section: 'plan', find: { label: 'Date' }, parse: date },
      ],
    });
    const d = doc('<div id="s-reasons"><label for="a">Date</label><input id="a" value="01/11/2026"></div><div id="s-plan"><label for="b">Date</label><input id="b" value="05/11/2026"></div>');
    const r = extract(d, 'https://x/a/SA-9/all', map, NOW);
    expect(r?.sections).toEqual(['reasons', 'plan']);
    expect(r && facts(r)).toEqual({ 'dates.referral': '2026-11-01', 'dates.planAgreedWithFamily': '2026-11-05' });
  });

  it('a section whose scope is not on the page: its entries are reported, not silently dropped', () => {
    const map = makeMap({ sections: [{ id: 'reasons', url: '/reasons', scope: '#nowhere' }], fields: [{ fact: 'dates.referral', section: 'reasons', find: { label: 'Date' }, parse: date }] });
    const r = extract(doc('<label for="a">Date</label><input id="a" value="01/11/2026">'), URL_, map, NOW);
    expect(r?.facts).toEqual([]);
    expect(r?.notFound).toEqual([{ entry: 'fields[0]', fact: 'dates.referral' }]);
  });

  it('a field with no section is read on every page of the assessment (a banner)', () => {
    const map = makeMap({ fields: [{ fact: 'kind', find: { term: 'Type' }, read: 'text', parse: { type: 'codes', map: { S47: 'section-47' } } }] });
    const d = doc('<dl><dt>Type</dt><dd>S47</dd></dl>', 'https://x/a/SA-9/plan');
    const r = extract(d, 'https://x/a/SA-9/plan', map, NOW);
    expect(r && facts(r)).toEqual({ kind: 'section-47' });
    expect(r?.provenance.kind?.section).toBeUndefined();
  });

  it('a date and a time in two boxes make one date-time', () => {
    const map = makeMap({
      fields: [
        {
          fact: 'dates.strategyDiscussion',
          section: 'reasons',
          find: { label: 'Strategy date' },
          parse: { type: 'datetime', formats: ['dd/MM/yyyy'] },
          time: { find: { ariaLabel: 'Strategy time' }, formats: ['HH:mm'] },
        },
      ],
    });
    const page = (time: string) => doc(`<label for="d">Strategy date</label><input id="d" value="22/06/2026"><input aria-label="Strategy time" value="${time}">`);
    expect(facts(extract(page('10:30'), URL_, map, NOW)!)).toEqual({ 'dates.strategyDiscussion': '2026-06-22T10:30:00+01:00' });
    const blank = extract(page(''), URL_, map, NOW)!;
    expect(blank.facts).toEqual([]);
    expect(blank.notFoundDetails[0]?.reason).toMatch(/time box is blank/);
  });
});

describe('DOM clobbering', () => {
  // Named form controls shadow a form's own properties in browsers; jsdom does not do it,
  // so the test also shadows them by hand, the way a hostile page could.
  const body = `
    <img name="getElementById"><img name="querySelectorAll"><form name="URL"></form>
    <form id="f" action="/save">
      <input name="action" value="x"><input name="submit" value="x"><input name="__proto__" value="x"><input name="length" value="x">
      <input name="getAttribute"><input name="querySelectorAll"><input name="textContent"><input name="children"><input name="localName">
      <label for="r">Referral</label><input id="r" name="value" value="03/11/2026">
      <fieldset name="elements"><legend>Agencies</legend><input type="checkbox" id="a1" name="checked" value="police" checked><label for="a1">Police</label></fieldset>
      <select id="s" name="selectedOptions"><option value="">--</option><option selected>Yes</option></select><label for="s">Home visited?</label>
    </form>`;
  const map = makeMap({
    fields: [
      { fact: 'dates.referral', section: 'reasons', find: { label: 'Referral' }, parse: date },
      { fact: 'background.agenciesConsulted', section: 'reasons', find: { legend: 'Agencies' }, read: 'checked-values', parse: { type: 'list', pattern: '^([a-z-]+)$' } },
      { fact: 'household.homeVisited', section: 'reasons', find: { label: 'Home visited?' }, parse: yesNo },
      { fact: 'recommendation.recorded', section: 'reasons', find: { css: 'form#f' }, read: 'text', parse: { type: 'non-empty' } },
    ],
  });
  const expected = { 'dates.referral': '2026-11-03', 'background.agenciesConsulted': ['police'], 'household.homeVisited': true, 'recommendation.recorded': true };

  it('form controls named like DOM properties do not break reading', () => {
    const r = extract(doc(body), URL_, map, NOW);
    expect(r && facts(r)).toEqual(expected);
    expect(r?.notFoundDetails).toEqual([]);
  });

  it('shadowed properties on the document, a form and its controls are never used', () => {
    const d = doc(body);
    const form = d.getElementById('f') as HTMLFormElement;
    const controls = [...form.querySelectorAll('input, select, label, fieldset, legend, option')];
    const trap = (obj: object, names: string[]): void => {
      for (const name of names) {
        Object.defineProperty(obj, name, {
          configurable: true,
          get() {
            throw new Error(`clobbered ${name} was used`);
          },
        });
      }
    };
    trap(d, ['getElementById', 'querySelectorAll', 'querySelector', 'URL', 'defaultView', 'documentElement']);
    // (Not getAttribute, localName or parentElement on elements: jsdom's own selector engine reads those.)
    trap(form, ['querySelectorAll', 'querySelector', 'textContent', 'children', 'closest', 'contains', 'childNodes', 'length', 'action', 'submit']);
    for (const el of controls) trap(el, ['value', 'checked', 'selectedOptions', 'labels', 'textContent', 'closest', 'children', 'childNodes', 'contains']);
    const r = extract(d, URL_, map, NOW);
    expect(r && facts(r)).toEqual(expected);
    expect(locateField(d, map, 'dates.referral', { url: URL_ })).not.toBeNull();
  });
});

describe('narrative text never leaves the page', () => {
  const MARKER = 'NARRATIVE-MARKER-7f3a';
  const body = `
    <label for="t">Communication needs</label><textarea id="t">${MARKER} said "I want to stay with Nan" to me</textarea>
    <label for="u">Story</label><textarea id="u">${MARKER} no quotes here</textarea>
    <label for="d">Referral</label><input id="d" value="${MARKER} 03/11/2026">
    <label for="k">Kind</label><input id="k" value="${MARKER}">
    <table><caption>People</caption><tr><th>Person ID</th><th>Name</th><th>Reason</th></tr><tr><td>P1</td><th scope="row">${MARKER} Name</th><td><input value="${MARKER} reason"></td></tr></table>
    <dl><dt>Recommendation</dt><dd>${MARKER} long prose</dd></dl>
    <fieldset><legend>Agencies</legend><input type="checkbox" id="c" value="${MARKER}" checked><label for="c">${MARKER}</label></fieldset>`;
  const map = makeMap({
    fields: [
      { fact: 'household.communicationNeedsRecorded', section: 'reasons', find: { label: 'Communication needs' }, parse: { type: 'non-empty' } },
      { fact: 'planning.planRecorded', section: 'reasons', find: { label: 'Story' }, parse: { type: 'non-empty' } },
      { fact: 'dates.referral', section: 'reasons', find: { label: 'Referral' }, parse: date },
      { fact: 'kind', section: 'reasons', find: { label: 'Kind' }, parse: { type: 'codes', map: { CIN: 'child-in-need' } } },
      { fact: 'recommendation.recorded', section: 'reasons', find: { term: 'Recommendation' }, read: 'text', parse: { type: 'non-empty' } },
      { fact: 'background.agenciesConsulted', section: 'reasons', find: { legend: 'Agencies' }, read: 'checked-labels', parse: { type: 'list', map: { Police: 'police' } } },
    ],
    groups: [
      {
        id: 'people',
        section: 'reasons',
        rows: { table: 'People' },
        personId: { column: 'Person ID' },
        people: 'children',
        fields: [
          { fact: 'children[].ownWordsRecorded', find: { css: 'th' }, read: 'text', parse: { type: 'quoted-speech' } },
          { fact: 'children[].exclusionReason', find: { columnHeader: 'Reason' }, parse: { type: 'non-empty' } },
          { fact: 'children[].initials', find: { css: 'th' }, read: 'text', parse: { type: 'initials' } },
        ],
      },
    ],
  });

  it('facts are derived, the words are dropped', () => {
    const r = extract(doc(body), URL_, map, NOW)!;
    expect(facts(r)).toMatchObject({
      'household.communicationNeedsRecorded': true,
      'planning.planRecorded': true,
      'recommendation.recorded': true,
      'children[P1].ownWordsRecorded': false,
      'children[P1].exclusionReason': true,
    });
    expect(JSON.stringify(r)).not.toContain(MARKER);
    expect(JSON.stringify(r)).not.toContain('Nan');
  });
});
