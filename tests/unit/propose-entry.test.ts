// Pick a field: an entry proposed from a clicked element, pasted into a copy of the map
// with the fact named, reads that field. On saved pages of the demo and of the two other
// host styles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract } from '../../lib/adapters/extractor';
import { type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMap, validateFieldMapText } from '../../lib/adapters/map-checks';
import { dateFormatsOf, proposeEntry, FACT_TO_FILL, type Proposal } from '../../lib/adapters/propose-entry';
import mapJson from '../../lib/adapters/maps/lcs-demo.json';

const NOW = new Date('2026-11-23T10:00:00Z');
const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');
const HOSTS = join(import.meta.dirname, '..', 'fixtures', 'hosts');

function page(file: string, url?: string): Document {
  const html = readFileSync(file, 'utf8');
  const saved = /saved from url=\(\d+\)(\S+?)\s*-->/.exec(html)?.[1];
  return new JSDOM(html, { url: url ?? saved ?? 'http://localhost/' }).window.document;
}

function mapFrom(file: string): FieldMap {
  const r = validateFieldMapText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.map;
}

const demoMap = (() => {
  const r = validateFieldMap(mapJson);
  if (!r.ok) throw new Error('demo map invalid');
  return r.map;
})();

/** The proposal pasted into a copy of the map in place of the entries for that fact: what the map now reads for it. */
function pasted(map: FieldMap, proposal: Proposal, fact: string, doc: Document): unknown {
  const entry = { ...proposal.entry, fact, id: 'picked' };
  const copy = { ...map, fields: [...(map.fields ?? []).filter((f) => f.fact !== fact), entry] };
  const checked = validateFieldMap(copy);
  if (!checked.ok) throw new Error(`the pasted entry is not valid: ${JSON.stringify(checked.errors)}`);
  const result = extract(doc, doc.URL, checked.map, NOW);
  const found = result?.facts.find((f) => f.path === fact);
  expect(result?.provenance[fact]?.mapEntry).toBe('picked');
  return found?.value;
}

function pick(doc: Document, selector: string, sections: { id: 'reasons' | 'plan' | 'profile' }[] = []): Proposal {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  const p = proposeEntry(el, { nowYear: 2026, sections });
  if (!p) throw new Error('no proposal');
  return p;
}

describe('the demo case system (labels, legends, selects)', () => {
  const reasons = page(join(PAGES, 'sa-1002-reasons.html'), 'http://localhost:4173/assessment/SA-1002/reasons');

  it('proposes the label and the date format its value is written in', () => {
    const p = pick(reasons, '#f-reasons-referralDate', [{ id: 'reasons' }]);
    expect(p.entry).toEqual({ fact: FACT_TO_FILL, section: 'reasons', find: { label: 'Date referral received' }, parse: { type: 'date', formats: ['dd/MM/yyyy'] } });
    expect(pasted(demoMap, p, 'dates.referral', reasons)).toBe('2026-11-22');
  });

  it('a click on the label is the field it names; a blank date still gets the format from its placeholder', () => {
    const p = pick(reasons, 'label[for="f-reasons-previousAssessmentCompleted"]', [{ id: 'reasons' }]);
    expect(p.entry.find).toEqual({ label: 'Previous single assessment completed on' });
    expect(p.entry.parse).toEqual({ type: 'date', formats: ['dd/MM/yyyy'] });
    expect(pasted(demoMap, p, 'dates.previousAssessmentCompleted', reasons)).toBeNull();
  });

  it('a tick box in a group of them is the group: its legend, read as a list', () => {
    const p = pick(reasons, '#f-reasons-concern-neglect');
    expect(p.entry.find).toEqual({ legend: 'Factors identified (tick all that apply)' });
    expect(p.entry.parse).toEqual({ type: 'list' });
  });

  it('a select of Yes / No / Not known is yes-no, with "Not known" as blank', () => {
    const plan = page(join(PAGES, 'sa-1002-plan.html'), 'http://localhost:4173/assessment/SA-1002/plan');
    const p = pick(plan, '#f-plan-fileRead', [{ id: 'plan' }]);
    expect(p.entry.find).toEqual({ label: 'Social care file read?' });
    expect(p.entry.parse).toEqual({ type: 'yes-no', map: { 'Not known': null } });
    expect(p.notes.join(' ')).toContain('“Not known”');
    expect(pasted(demoMap, p, 'planning.fileRead', plan)).toBe(true);
  });

  it('a cell of a table with row headers is its row', () => {
    const manager = page(join(PAGES, 'sa-1002-manager.html'), 'http://localhost:4173/assessment/SA-1002/manager');
    const th = [...manager.querySelectorAll('th')].find((t) => t.textContent?.trim() === 'Referral date');
    const cell = th?.parentElement?.querySelector('td');
    if (!cell) throw new Error('no key dates row');
    const p = proposeEntry(cell, { nowYear: 2026 });
    expect(p?.entry.find).toEqual({ rowHeader: 'Referral date' });
    expect(p?.entry.parse).toEqual({ type: 'date', formats: ['dd/MM/yyyy'] });
  });
});

describe('a Mosaic-like print view (question rows with no labels)', () => {
  const doc = page(join(HOSTS, 'mosaic-step.html'));
  const map = mapFrom(join(HOSTS, 'mosaic-map.json'));
  const sections = [{ id: 'reasons' as const }, { id: 'plan' as const }, { id: 'profile' as const }];

  it('proposes the question text before the answer, never CSS', () => {
    const p = pick(doc, 'input[name="Q_1234_REF_DT"]', sections);
    expect(p.entry.find).toEqual({ text: 'Date referral received' });
    expect(p.entry.parse).toEqual({ type: 'date', formats: ['dd/MM/yyyy'] });
    expect(p.notes.join(' ')).toContain('several sections');
    expect(pasted(map, { ...p, entry: { ...p.entry, section: 'reasons' } }, 'dates.referral', doc)).toBe('2026-11-02');
  });

  it('an answer written as text is yes-no', () => {
    const answer = [...doc.querySelectorAll('.q-row')].find((r) => r.textContent?.includes('Bedroom seen'))?.querySelector('.a');
    if (!answer) throw new Error('no row');
    const p = proposeEntry(answer, { nowYear: 2026 });
    expect(p?.entry.find).toEqual({ text: 'Bedroom seen' });
    expect(p?.entry.parse).toEqual({ type: 'yes-no' });
  });

  it('a cell of a household table is its column, said to be for a group', () => {
    const cell = doc.querySelector('table.grid tbody tr td:nth-child(3)');
    if (!cell) throw new Error('no cell');
    const p = proposeEntry(cell, { nowYear: 2026 });
    expect(p?.entry.find).toEqual({ columnHeader: 'Seen' });
    expect(p?.notes.join(' ')).toContain('group');
  });
});

describe('an Eclipse-like card layout (ARIA groups, "3 Nov 2026")', () => {
  const doc = page(join(HOSTS, 'eclipse-cards.html'));
  const map = mapFrom(join(HOSTS, 'eclipse-map.json'));

  it('proposes the ARIA name of the card field and the date format "d MMM yyyy"', () => {
    const value = doc.querySelector('[aria-label="Date referral received"] .value');
    if (!value) throw new Error('no value');
    const section = map.sections[0]?.id;
    const p = proposeEntry(value, { nowYear: 2026, ...(section ? { sections: [{ id: section }] } : {}) });
    if (!p) throw new Error('no proposal');
    expect(p.entry.find).toEqual({ ariaLabel: 'Date referral received' });
    expect(p.entry.parse).toEqual({ type: 'date', formats: ['d MMM yyyy'] });
    expect(pasted(map, p, 'dates.referral', doc)).toBe('2026-11-03');
  });
});

describe('CSS only when nothing names the field', () => {
  it('falls back to the control’s id, and says so', () => {
    const doc = new JSDOM('<body><div><input id="x1" value="01/02/2026"></div></body>').window.document;
    const p = proposeEntry(doc.querySelector('input') as Element, { nowYear: 2026 });
    expect(p?.entry.find).toEqual({ css: '#x1' });
    expect(p?.notes[0]).toContain('CSS');
  });

  it('date formats are guessed from the value only', () => {
    expect(dateFormatsOf('3 Nov 2026', 2026)?.formats).toEqual(['d MMM yyyy']);
    expect(dateFormatsOf('2026-11-03', 2026)?.formats).toEqual(['yyyy-MM-dd']);
    expect(dateFormatsOf('05/11/2026 14:30', 2026)).toEqual({ formats: ['dd/MM/yyyy HH:mm'], withTime: true });
    expect(dateFormatsOf('Lives with mum', 2026)).toBeUndefined();
  });
});

describe('a table of people (the demo household)', () => {
  const doc = page(join(PAGES, 'sa-1002-household.html'), 'http://localhost:4173/assessment/SA-1002/household');

  it('a field in a person’s row is its column, for a group, and never names the person', () => {
    for (const row of doc.querySelectorAll('#household-members tbody tr')) {
      const select = row.querySelector('select[name$=".role"]');
      if (!select) continue;
      const p = proposeEntry(select, { nowYear: 2026, sections: [{ id: 'household' as const }] });
      expect(p?.entry.find).toEqual({ columnHeader: 'Role' });
      expect(p?.notes.join(' ')).toContain('group');
      const name = row.querySelector('th[scope=row]')?.textContent ?? '';
      expect(name.length).toBeGreaterThan(2);
      expect(JSON.stringify(p)).not.toContain(name);
    }
  });
});

// Issue 24, item 5: in 6 of 8 common layouts the proposed entry (and so the clipboard) held
// a child's name, date of birth or NHS number, e.g. {"rowHeader":"Ruby Sample","columnHeader":"Bedroom seen"}.
// docs/field-maps.md promises a proposal never holds a name. Each layout, picked where the
// person's details sit beside the field: the proposal holds none of them.
describe('Pick a field never proposes page data (issue 24, item 5)', () => {
  const NAME = 'Ruby Sample';
  const NHS = '943 476 5919';
  const DOB = '14/02/2020';
  const doc = (body: string) => new JSDOM(`<body>${body}</body>`, { url: 'http://localhost/assessment/SA-1/plan' }).window.document;
  const proposal = (d: Document, selector: string) => proposeEntry(d.querySelector(selector) as Element, { nowYear: 2026 });
  const holdsNone = (p: Proposal | null) => {
    const clipboard = JSON.stringify(p?.entry ?? null);
    for (const data of [NAME, 'Ruby', 'Sample', NHS, '9434765919', DOB]) expect(clipboard).not.toContain(data);
  };

  it('1. a people table whose top-left cell is an empty <td>: the column, for a group', () => {
    const d = doc(`<table><thead><tr><td></td><th>Bedroom seen</th><th>Seen alone</th></tr></thead><tbody>
      <tr><th>${NAME}</th><td class="pick">Yes</td><td>No</td></tr><tr><th>Leo Sample</th><td>No</td><td>Yes</td></tr></tbody></table>`);
    const p = proposal(d, '.pick');
    holdsNone(p);
    expect(p?.entry.find).toEqual({ columnHeader: 'Bedroom seen' });
    expect(p?.notes.join(' ')).toContain('group');
  });

  it('2. a people table with a named corner ("Name"), as before: the column, for a group', () => {
    const d = doc(`<table><thead><tr><th>Name</th><th>Bedroom seen</th></tr></thead><tbody>
      <tr><th scope="row">${NAME}</th><td class="pick">Yes</td></tr><tr><th scope="row">Leo Sample</th><td>No</td></tr></tbody></table>`);
    const p = proposal(d, '.pick');
    holdsNone(p);
    expect(p?.entry.find).toEqual({ columnHeader: 'Bedroom seen' });
  });

  it('3. a row headed by an NHS number: refused, and the note says why (without the number)', () => {
    const d = doc(`<table><tr><th scope="row">${NHS}</th><td><input id="seen-1" type="checkbox" class="pick"></td></tr></table>`);
    const p = proposal(d, '.pick');
    holdsNone(p);
    expect(p?.entry.find).toEqual({ css: '#seen-1' });
    expect(p?.notes.join(' ')).toMatch(/row header beside this field looks like an NHS number, so it is not used/);
    expect(p?.notes.join(' ')).not.toContain(NHS);
  });

  it('4. a definition list whose term is the child’s name', () => {
    const d = doc(`<dl><dt>${NAME}</dt><dd><select id="s1" class="pick"><option>Yes</option><option>No</option></select></dd></dl>`);
    const p = proposal(d, '.pick');
    holdsNone(p);
    expect(p?.notes.join(' ')).toMatch(/term \(dt\) beside this field looks like a person’s name/);
  });

  it('5. a label that is the child’s name and date of birth', () => {
    const d = doc(`<label for="c1">${NAME} (born ${DOB})</label><input id="c1" type="checkbox" class="pick">`);
    const p = proposal(d, '.pick');
    holdsNone(p);
    expect(p?.entry.find).toEqual({ css: '#c1' });
    expect(p?.notes.join(' ')).toMatch(/label beside this field looks like a date, such as a date of birth/);
  });

  it('6. a fieldset whose legend is the child’s name', () => {
    const d = doc(`<fieldset id="f1"><legend>${NAME}</legend><label><input type="radio" name="r" value="Y" class="pick">Yes</label><label><input type="radio" name="r" value="N">No</label></fieldset>`);
    const p = proposal(d, '.pick');
    holdsNone(p);
    expect(p?.notes.join(' ')).toMatch(/legend beside this field looks like a person’s name/);
  });

  it('7. an aria-label naming the child, on the group around the field', () => {
    const d = doc(`<div role="group" aria-label="${NAME}"><span class="pick">Yes</span></div>`);
    const p = proposal(d, '.pick');
    holdsNone(p);
  });

  it('8. a question row whose text before the answer is the child’s date of birth', () => {
    const d = doc(`<div class="row"><span>${DOB}</span><input name="q_dob" class="pick" value="Yes"></div>`);
    const p = proposal(d, '.pick');
    holdsNone(p);
    expect(p?.entry.find).toEqual({ css: 'input[name="q_dob"]' });
  });

  it('questions still name their fields: title-case questions and key dates are not taken for names', () => {
    const d = doc(`<label for="a">Date Of Birth</label><input id="a" class="pick" value="01/02/2020"><label for="b">Bedroom Seen</label><input id="b" class="pick2" value="Yes">`);
    expect(proposal(d, '.pick')?.entry.find).toEqual({ label: 'Date Of Birth' });
    expect(proposal(d, '.pick2')?.entry.find).toEqual({ label: 'Bedroom Seen' });
  });
});
