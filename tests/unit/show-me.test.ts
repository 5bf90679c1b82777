// "Show me" on the live page (issue 23 item 8, issue 22 item 5): the field still blank when
// several give one fact, and a field in a closed part is never said to be outlined.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { hiddenBy, locateField } from '../../lib/adapters/extractor';
import { FIELD_MAP_FORMAT, type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMap } from '../../lib/adapters/map-checks';

const URL_ = 'https://lcs.example.gov.uk/a/SA-9/plan';

function doc(body: string): Document {
  return new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url: URL_ }).window.document;
}

function makeMap(groups: unknown[]): FieldMap {
  const v = validateFieldMap({
    format: FIELD_MAP_FORMAT,
    id: 'test',
    version: '1',
    caseSystem: 'test-lcs',
    description: 'Test map',
    page: { url: '^/a/', assessmentId: { url: '^/a/([^/?#]+)/' } },
    sections: [{ id: 'plan', url: '/plan' }],
    groups,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.map;
}

const seenMap = makeMap([
  {
    id: 'seen',
    section: 'plan',
    rows: { table: 'Children seen' },
    personId: { column: 'Person ID' },
    people: 'children',
    fields: [
      { fact: 'children[].seenDates', find: { columnHeader: 'Date first seen' }, parse: { type: 'seen-date', formats: ['dd/MM/yyyy'], alone: false } },
      { fact: 'children[].seenDates', find: { columnHeader: 'Date seen alone' }, parse: { type: 'seen-date', formats: ['dd/MM/yyyy'], alone: true } },
    ],
  },
]);

const table = (firstSeen: string, seenAlone: string) => `<table><caption>Children seen</caption>
  <tr><th>Person ID</th><th>Date first seen</th><th>Date seen alone</th></tr>
  <tr><td>P2</td><td><input id="first" value="${firstSeen}"></td><td><input id="alone" value="${seenAlone}"></td></tr></table>`;

describe('Show me, where several fields give one fact', () => {
  it('outlines the one still blank: “See each child alone” shows “Date seen alone”, not “Date first seen”', () => {
    expect(locateField(doc(table('22/11/2026', '')), seenMap, 'children[P2].seenDates', { url: URL_ })?.id).toBe('alone');
  });

  it('outlines the first when none is blank', () => {
    expect(locateField(doc(table('22/11/2026', '23/11/2026')), seenMap, 'children[P2].seenDates', { url: URL_ })?.id).toBe('first');
  });
});

describe('hiddenBy: a field the worker cannot see', () => {
  it('is hidden in a closed part, and says what opens it', () => {
    const d = doc('<details><summary>2.5 Background, history and safety</summary><input id="f"></details>');
    expect(hiddenBy(d.getElementById('f')!)).toEqual({ hidden: true, open: '2.5 Background, history and safety' });
  });

  it('is not hidden in an open part', () => {
    const d = doc('<details open><summary>Part</summary><input id="f"></details><input id="g">');
    expect(hiddenBy(d.getElementById('f')!)).toEqual({ hidden: false });
    expect(hiddenBy(d.getElementById('g')!)).toEqual({ hidden: false });
  });

  it('is hidden on a tab not shown, and names the tab', () => {
    const d = doc(`<div role="tablist"><button role="tab" id="t1">Household</button><button role="tab" id="t2">Safety questions</button></div>
      <div role="tabpanel" aria-labelledby="t1"><input id="a"></div>
      <div role="tabpanel" aria-labelledby="t2" hidden><input id="b"></div>`);
    expect(hiddenBy(d.getElementById('a')!)).toEqual({ hidden: false });
    expect(hiddenBy(d.getElementById('b')!)).toEqual({ hidden: true, open: 'Safety questions' });
  });

  it('is hidden under display: none, with no words it cannot know', () => {
    const d = doc('<div style="display: none"><input id="f"></div>');
    expect(hiddenBy(d.getElementById('f')!)).toEqual({ hidden: true });
  });
});
