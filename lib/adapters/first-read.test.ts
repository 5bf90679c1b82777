// The first read was made cheaper (fewer searches per table cell, row geometry and column
// lookups worked out once, a fast path in tidy): each shortcut must give exactly what the
// plain way gave. Here each is checked against the plain way, written out again, on many
// generated cells, rows and strings.
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { ReadKind } from './field-map-schema';
import { all, attr, closest, controlValue, isChecked, labelsOf, localName, ownerDocument, selectedOptions, textOf } from './dom';
import { PageMemo } from './page-memo';
import { readElement as readWith, type ReadResult } from './read';
import { bodyRows as bodyRowsWith, cellAt as cellAtWith, columnOf as columnOfWith, columnsNamed as columnsNamedWith } from './tables';
import { norm, ownText, tidy } from './text';
import type { Raw } from './values';
import { propertyRuns } from '../../tests/support/sizing';

// Each read has its own memo; startRead() begins a new one, as a read that cannot reuse the last one's structure does.
let memo = new PageMemo();
const startRead = (): void => {
  memo = new PageMemo();
};
const readElement = (el: Element, kind: ReadKind): ReadResult => readWith(memo, el, kind);
const cellAt = (row: Element, column: number): Element | null => cellAtWith(memo, row, column);
const columnOf = (cell: Element): number => columnOfWith(memo, cell);
const bodyRows = (table: Element): Element[] => bodyRowsWith(memo, table);
const columnsNamed = (table: Element, text: string, mode?: 'exact' | 'starts'): readonly number[] => columnsNamedWith(memo, table, text, mode);

// Hundreds of generated pages, each a new jsdom: minutes on a busy machine, never a timing check.
const SLOW = 120_000;

function body(html: string): HTMLElement {
  return new JSDOM(`<!DOCTYPE html><html><body>${html}</body></html>`).window.document.body;
}

// ---------------------------------------------------------------- tidy

// tidy() before its fast path: two replaces and a trim, always.
const UNTIDY = /[\u2018\u2019\u201B\u2032\u201C\u201D\u201E\u2033\u2013\u2014]|[\s\u200B]{2,}|[\t\n\r\f\v\u00A0\u200B\u2028\u2029\u3000\u1680\u2000-\u200A\u202F\u205F\uFEFF]/g;
function plainTidy(text: string): string {
  return text
    .replace(UNTIDY, (ch) => {
      const c = ch.charCodeAt(0);
      if (c === 0x2018 || c === 0x2019 || c === 0x201b || c === 0x2032) return "'";
      if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x2033) return '"';
      if (c === 0x2013 || c === 0x2014) return '-';
      return ' ';
    })
    .replace(/ {2,}/g, ' ')
    .trim();
}

const awkward = fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\u00A0', '\u200B', '\u2019', '\u201C', '\u2014', '\u3000', '\uFEFF', 'é', 'a', 'Z', '0', '-', ':', '*', '~', '!');

describe('tidy', () => {
  it('gives what it gave before its fast path, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(awkward, { maxLength: 12 }).map((a) => a.join('')), fc.string({ unit: 'grapheme' })), (text) => {
        expect(tidy(text)).toBe(plainTidy(text));
      }),
      { numRuns: propertyRuns(3000) },
    );
  });

  it('leaves tidy text as it is and still tidies the rest', () => {
    expect(tidy('Amy Example')).toBe('Amy Example');
    expect(tidy('')).toBe('');
    expect(tidy(' Amy  Example ')).toBe('Amy Example');
    expect(tidy('Amy\u00A0Example\n')).toBe('Amy Example');
    expect(tidy('\u201CYes\u201D')).toBe('"Yes"');
  });
});

// ---------------------------------------------------------------- reading a cell

// readElement() before a cell was searched once for its fields: one search per kind of field.
const CONTROLS = 'input:not([type="hidden"]), select, textarea';
const inputType = (e: Element): string => (attr(e, 'type') ?? 'text').trim().toLowerCase();
const isControl = (e: Element): boolean => ['input', 'select', 'textarea'].includes(localName(e));
const isSelect = (e: Element): boolean => localName(e) === 'select';
const isCheckbox = (e: Element): boolean => localName(e) === 'input' && inputType(e) === 'checkbox';
const isRadio = (e: Element): boolean => localName(e) === 'input' && inputType(e) === 'radio';
const firstOf = (el: Element, selector: string, self: (e: Element) => boolean): Element | null => (self(el) ? el : (all(el, selector)[0] ?? null));
const blankToNull = (text: string): string | null => (plainTidy(text) === '' ? null : plainTidy(text));

function choiceLabel(input: Element): string {
  const labels = labelsOf(input);
  let text = labels.length > 0 ? labels.map((l) => ownText(l)).join(' ') : '';
  if (plainTidy(text) === '') {
    const wrapping = closest(input, 'label');
    if (wrapping) text = ownText(wrapping);
  }
  if (plainTidy(text) === '') text = attr(input, 'aria-label') ?? attr(input, 'value') ?? '';
  return plainTidy(text);
}

function radiosOf(el: Element): Element[] {
  if (isRadio(el)) {
    const name = attr(el, 'name');
    const scope: ParentNode | null = closest(el, 'form') ?? ownerDocument(el);
    if (name === null || !scope) return [el];
    return all(scope, 'input[type="radio"]').filter((r) => attr(r, 'name') === name);
  }
  return all(el, 'input[type="radio"]');
}

function selectRead(select: Element, how: 'text' | 'value'): Raw {
  const chosen = selectedOptions(select).filter((o) => (attr(o, 'value') ?? 'x') !== '');
  const values = chosen.map((o) => (how === 'text' ? plainTidy(textOf(o)) : (attr(o, 'value') ?? plainTidy(textOf(o)))));
  if (attr(select, 'multiple') !== null) return values;
  return values[0] ?? null;
}

function controlRead(control: Element): Raw {
  if (isSelect(control)) return selectRead(control, 'text');
  if (isCheckbox(control) || isRadio(control)) return isChecked(control);
  return blankToNull(controlValue(control));
}

function plainRead(el: Element, kind: ReadKind | undefined): ReadResult {
  const how = kind ?? 'auto';
  if (typeof how === 'object') return { ok: true, raw: blankToNull(attr(el, how.attribute) ?? '') };
  switch (how) {
    case 'text':
      return { ok: true, raw: blankToNull(textOf(el)) };
    case 'value': {
      const c = firstOf(el, CONTROLS, isControl);
      if (!c) return { ok: false, reason: 'no input, select or textarea there' };
      if (isSelect(c)) return { ok: true, raw: selectRead(c, 'value') };
      if (isCheckbox(c) || isRadio(c)) return { ok: true, raw: isChecked(c) ? blankToNull(attr(c, 'value') ?? 'on') : null };
      return { ok: true, raw: blankToNull(controlValue(c)) };
    }
    case 'option-text':
    case 'option-value': {
      const s = firstOf(el, 'select', isSelect);
      if (!s) return { ok: false, reason: 'no select there' };
      return { ok: true, raw: selectRead(s, how === 'option-text' ? 'text' : 'value') };
    }
    case 'radio-label':
    case 'radio-value': {
      const radios = radiosOf(el);
      if (radios.length === 0) return { ok: false, reason: 'no radio buttons there' };
      const on = radios.find((r) => isChecked(r));
      if (!on) return { ok: true, raw: null };
      return { ok: true, raw: how === 'radio-label' ? blankToNull(choiceLabel(on)) : blankToNull(attr(on, 'value') ?? 'on') };
    }
    case 'checked': {
      const box = firstOf(el, 'input[type="checkbox"], input[type="radio"]', (e) => isCheckbox(e) || isRadio(e));
      if (!box) return { ok: false, reason: 'no checkbox there' };
      return { ok: true, raw: isChecked(box) };
    }
    case 'checked-labels':
    case 'checked-values': {
      const boxes = isCheckbox(el) ? [el] : all(el, 'input[type="checkbox"]');
      if (boxes.length === 0) return { ok: false, reason: 'no checkboxes there' };
      const on = boxes.filter((b) => isChecked(b));
      return { ok: true, raw: on.map((b) => (how === 'checked-labels' ? choiceLabel(b) : plainTidy(attr(b, 'value') ?? 'on'))).filter((t) => t !== '') };
    }
    default: {
      if (isControl(el)) return { ok: true, raw: controlRead(el) };
      if (all(el, 'input[type="radio"]').length > 0) return plainRead(el, 'radio-label');
      const boxes = all(el, 'input[type="checkbox"]');
      if (boxes.length === 1 && boxes[0]) return { ok: true, raw: isChecked(boxes[0]) };
      if (boxes.length > 1) return plainRead(el, 'checked-labels');
      const control = all(el, CONTROLS)[0];
      if (control) return { ok: true, raw: controlRead(control) };
      return { ok: true, raw: blankToNull(textOf(el)) };
    }
  }
}

const KINDS: ReadKind[] = ['auto', 'text', 'value', 'option-text', 'option-value', 'radio-label', 'radio-value', 'checked', 'checked-labels', 'checked-values', { attribute: 'data-x' }];

// Types as pages write them, in any case and with stray spaces (a selector's [type="radio"]
// ignores case in HTML; " radio" is no radio to it, though inputType() trims it).
const TYPES = ['text', 'hidden', 'HIDDEN', 'radio', 'Radio', ' radio', 'checkbox', 'CheckBox', 'checkbox ', 'date', 'number', ''];
const word = fc.constantFrom('Yes', 'No', 'Not known', '', ' ', 'Amy Example', '12/11/2024', '\u201CSeen\u201D');

const input = fc
  .record({ type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }), value: fc.option(word, { nil: undefined }), checked: fc.boolean(), name: fc.constantFrom('a', 'b'), label: fc.option(word, { nil: undefined }) })
  .map(({ type, value, checked, name, label }) => {
    const el = `<input${type !== undefined ? ` type="${type}"` : ''}${value !== undefined ? ` value="${value}"` : ''}${checked ? ' checked' : ''} name="${name}">`;
    return label !== undefined ? `<label>${el} ${label}</label>` : el;
  });
const select = fc
  .record({ multiple: fc.boolean(), options: fc.array(fc.record({ value: fc.option(word, { nil: undefined }), text: word, selected: fc.boolean() }), { maxLength: 4 }) })
  .map(({ multiple, options }) => `<select${multiple ? ' multiple' : ''}>${options.map((o) => `<option${o.value !== undefined ? ` value="${o.value}"` : ''}${o.selected ? ' selected' : ''}>${o.text}</option>`).join('')}</select>`);
const textarea = word.map((w) => `<textarea>${w}</textarea>`);
const part: fc.Arbitrary<string> = fc.oneof(input, select, textarea, word, word.map((w) => `<span data-x="${w}">${w}</span>`));
const cell = fc.array(fc.oneof(part, fc.array(part, { maxLength: 3 }).map((p) => `<span>${p.join('')}</span>`)), { maxLength: 5 }).map((parts) => parts.join(''));

describe('reading an element', () => {
  it('gives what one search per kind of field gave, for any cell and any read', () => {
    fc.assert(
      fc.property(cell, fc.boolean(), (html, form) => {
        const root = body(form ? `<form><table><tr><td id="c" data-x="x">${html}</td></tr></table></form>` : `<table><tr><td id="c" data-x="x">${html}</td></tr></table>`);
        startRead();
        const td = root.querySelector('#c') as Element;
        // The cell, and each field in it on its own (a locator may find the control itself).
        for (const el of [td, ...all(td, '*')]) {
          for (const kind of KINDS) {
            const want = plainRead(el, kind);
            expect(readElement(el, kind)).toEqual(want);
            // Again, from what the first read kept.
            expect(readElement(el, kind)).toEqual(want);
          }
        }
      }),
      { numRuns: propertyRuns(100) },
    );
  }, SLOW);

  it('reads typed values afresh while keeping where the fields are', () => {
    const root = body('<table><tr><td id="c"><input type="hidden" value="h"><input type="text" value="a"></td></tr></table>');
    startRead();
    const td = root.querySelector('#c') as Element;
    expect(readElement(td, 'auto')).toEqual({ ok: true, raw: 'a' });
    (td.querySelectorAll('input')[1] as HTMLInputElement).value = 'typed';
    expect(readElement(td, 'auto')).toEqual({ ok: true, raw: 'typed' });
    (td.querySelectorAll('input')[1] as HTMLInputElement).value = '';
    expect(readElement(td, 'auto')).toEqual({ ok: true, raw: null });
  });
});

// ---------------------------------------------------------------- table geometry

function plainSpan(cell: Element): number {
  const n = Number(attr(cell, 'colspan') ?? '1');
  return Number.isInteger(n) && n > 0 && n < 1000 ? n : 1;
}
const plainCells = (row: Element): Element[] => Array.from(row.children).filter((c) => c.localName === 'td' || c.localName === 'th');
function plainCellAt(row: Element, column: number): Element | null {
  let col = 0;
  for (const c of plainCells(row)) {
    const w = plainSpan(c);
    if (column >= col && column < col + w) return c;
    col += w;
  }
  return null;
}
function plainColumnOf(cell: Element): number {
  const row = cell.parentElement;
  if (!row) return 0;
  let col = 0;
  for (const c of plainCells(row)) {
    if (c === cell) return col;
    col += plainSpan(c);
  }
  return col;
}

const COLSPANS = [undefined, '1', '2', '3', '0', '-1', '1.5', 'x', '2abc', ' 2', '1000', '999'];

describe('table geometry', () => {
  it('cells by column, and columns of cells, as counting the spans each time gave', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ tag: fc.constantFrom('td', 'th'), span: fc.constantFrom(...COLSPANS) }), { maxLength: 6 }), (cells) => {
        const html = cells.map((c) => `<${c.tag}${c.span !== undefined ? ` colspan="${c.span}"` : ''}>x</${c.tag}>`).join('');
        const row = body(`<table><tr>${html}<td>last</td></tr></table>`).querySelector('tr') as Element;
        startRead();
        for (let col = -1; col < 12; col++) expect(cellAt(row, col)).toBe(plainCellAt(row, col));
        for (const c of Array.from(row.children)) expect(columnOf(c)).toBe(plainColumnOf(c));
      }),
      { numRuns: propertyRuns(100) },
    );
  }, SLOW);

  it('body rows and column headers, with header rows, nested tables and spans, as before', () => {
    const plainIsColumnHeader = (th: Element): boolean => {
      const scope = (th.getAttribute('scope') ?? '').toLowerCase();
      if (scope === 'col' || scope === 'colgroup') return true;
      if (scope === 'row' || scope === 'rowgroup') return false;
      if (th.closest('thead')) return true;
      const row = th.parentElement;
      return row ? !plainCells(row).some((c) => c.localName === 'td') : false;
    };
    const plainColumns = (table: Element, text: string): number[] => {
      const out: number[] = [];
      for (const th of Array.from(table.querySelectorAll('th'))) {
        if (th.closest('table') !== table || !plainIsColumnHeader(th)) continue;
        if (norm(ownText(th)) === norm(text)) out.push(plainColumnOf(th));
      }
      return out;
    };
    const th = fc.record({ scope: fc.constantFrom(undefined, 'col', 'row', 'ROW', 'colgroup', ''), span: fc.constantFrom(undefined, '2'), text: fc.constantFrom('Role', 'Name', '') });
    const nested = '<table><tr><th>Role</th></tr><tr><td>x</td></tr></table>';
    const rowArb = fc.array(fc.oneof(th.map((h) => `<th${h.scope !== undefined ? ` scope="${h.scope}"` : ''}${h.span ? ` colspan="${h.span}"` : ''}>${h.text}</th>`), fc.constantFrom('<td>1</td>', `<td>${nested}</td>`, '<td colspan="2">2</td>')), { maxLength: 5 }).map((c) => `<tr>${c.join('')}</tr>`);
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 3 }), fc.array(rowArb, { maxLength: 4 }), (head, rows) => {
        const table = body(`<table id="t">${head.length > 0 ? `<thead>${head.join('')}</thead>` : ''}<tbody>${rows.join('')}</tbody></table>`).querySelector('#t') as Element;
        startRead();
        const want = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table && !tr.closest('thead') && plainCells(tr).some((c) => c.localName === 'td'));
        expect(bodyRows(table)).toEqual(want);
        for (const name of ['Role', 'Name']) expect(columnsNamed(table, name)).toEqual(plainColumns(table, name));
      }),
      { numRuns: propertyRuns(100) },
    );
  }, SLOW);

  it('column lookups are kept for a read, and a new read sees a renamed header', () => {
    const root = body('<table><thead><tr><th>Person ID</th><th colspan="2">Role</th><th>Role</th></tr></thead><tbody><tr><td>1</td><td>a</td><td>b</td><td>c</td></tr></tbody></table>');
    const table = root.querySelector('table') as Element;
    startRead();
    expect(columnsNamed(table, 'Role')).toEqual([1, 3]);
    expect(columnsNamed(table, 'role:', 'exact')).toEqual([1, 3]);
    expect(columnsNamed(table, 'Person', 'starts')).toEqual([0]);
    expect(columnsNamed(table, 'Nobody')).toEqual([]);
    (root.querySelector('th') as Element).textContent = 'Role';
    // Within the read, the headers it has seen stand.
    expect(columnsNamed(table, 'Role')).toEqual([1, 3]);
    startRead();
    expect(columnsNamed(table, 'Role')).toEqual([0, 1, 3]);
  });
});
