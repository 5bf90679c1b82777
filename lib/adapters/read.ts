// Reading the element a locator found: the live value of a control (what the worker
// typed, even before saving), the ticked radio or checkboxes, or plain text.
// Blank is null. Only `value`, `checked`, `selectedOptions`, `textContent`,
// `getAttribute` and element searches (`querySelectorAll`, `matches`) are used, through
// dom.ts (clobbering-safe).

import type { ReadKind } from './field-map-schema';
import {
  all,
  attr,
  closest,
  controlValue,
  inputType,
  isChecked,
  labelsOf,
  localName,
  matches,
  ownerDocument,
  selectedOptions,
  textOf,
} from './dom';
import type { Inside, PageMemo } from './page-memo';
import { ownText, tidy } from './text';
import type { Raw } from './values';

export type ReadResult = { ok: true; raw: Raw } | { ok: false; reason: string };

// Line breaks are kept (each line tidied): a list parse splits at them, as the docs say.
function blankToNull(text: string): string | null {
  const t = text.split(/\r\n|[\n\r\u2028\u2029]/).map(tidy).filter((line) => line !== '').join('\n');
  return t === '' ? null : t;
}

function isControl(el: Element): boolean {
  const n = localName(el);
  return n === 'input' || n === 'select' || n === 'textarea';
}

const isSelect = (e: Element): boolean => localName(e) === 'select';
const isCheckbox = (e: Element): boolean => localName(e) === 'input' && inputType(e) === 'checkbox';
const isRadio = (e: Element): boolean => localName(e) === 'input' && inputType(e) === 'radio';

// The form fields inside an element a read looks into (a table cell, a dd), found with one
// search and kept while the page's structure stays the same: a cell is searched once, not once
// for radios, once for checkboxes and once for its control, and a re-read does not search it
// again. Each kind below is the subset of these a selector of its own would find, in document
// order (the same selectors, applied with matches()). Kept in the read's PageMemo, which a
// read starts afresh whenever it cannot reuse the last one's structure.
const FIELDS = 'input, select, textarea';

function inside(memo: PageMemo, el: Element): Inside {
  let found = memo.insides.get(el);
  if (!found) {
    found = { fields: all(el, FIELDS) };
    memo.insides.set(el, found);
  }
  return found;
}

const inputMatching =
  (selector: string) =>
  (e: Element): boolean =>
    localName(e) === 'input' && matches(e, selector);
const radioInput = inputMatching('[type="radio"]');
const checkboxInput = inputMatching('[type="checkbox"]');
const tickInput = inputMatching('[type="checkbox"], [type="radio"]');
const visibleField = (e: Element): boolean => localName(e) !== 'input' || !matches(e, '[type="hidden"]');

/** input[type="radio"] inside. */
function radiosIn(memo: PageMemo, el: Element): Element[] {
  const known = inside(memo, el);
  return (known.radios ??= known.fields.filter(radioInput));
}

/** input[type="checkbox"] inside. */
function boxesIn(memo: PageMemo, el: Element): Element[] {
  const known = inside(memo, el);
  return (known.boxes ??= known.fields.filter(checkboxInput));
}

/** The first of input:not([type="hidden"]), select, textarea: the element itself, else the first inside. */
function controlOf(memo: PageMemo, el: Element): Element | null {
  if (isControl(el)) return el;
  const known = inside(memo, el);
  if (known.control === undefined) known.control = known.fields.find(visibleField) ?? null;
  return known.control;
}

/** The element itself when it is a select, else the first select inside. */
function selectOf(memo: PageMemo, el: Element): Element | null {
  return isSelect(el) ? el : (inside(memo, el).fields.find(isSelect) ?? null);
}

/** The element itself when it is a checkbox or radio, else the first inside. */
function tickOf(memo: PageMemo, el: Element): Element | null {
  return isCheckbox(el) || isRadio(el) ? el : (inside(memo, el).fields.find(tickInput) ?? null);
}

/** The visible name of a radio or checkbox: its label, else aria-label, else its value. */
function choiceLabel(input: Element): string {
  const labels = labelsOf(input);
  let text = labels.length > 0 ? labels.map((l) => ownText(l)).join(' ') : '';
  if (tidy(text) === '') {
    const wrapping = closest(input, 'label');
    if (wrapping) text = ownText(wrapping);
  }
  if (tidy(text) === '') text = attr(input, 'aria-label') ?? attr(input, 'value') ?? '';
  return tidy(text);
}

function radiosOf(memo: PageMemo, el: Element): Element[] {
  if (isRadio(el)) {
    // A lone radio: its group is every radio with the same name in the same form (or document).
    const name = attr(el, 'name');
    const scope: ParentNode | null = closest(el, 'form') ?? ownerDocument(el);
    if (name === null || !scope) return [el];
    return all(scope, 'input[type="radio"]').filter((r) => attr(r, 'name') === name);
  }
  return radiosIn(memo, el);
}

function selectRead(select: Element, how: 'text' | 'value'): Raw {
  const chosen = selectedOptions(select).filter((o) => (attr(o, 'value') ?? 'x') !== '');
  // An option with value="" is the "-- Select --" placeholder: blank.
  const values = chosen.map((o) => (how === 'text' ? tidy(textOf(o)) : (attr(o, 'value') ?? tidy(textOf(o)))));
  if (attr(select, 'multiple') !== null) return values;
  return values[0] ?? null;
}

function controlRead(control: Element): Raw {
  if (isSelect(control)) return selectRead(control, 'text');
  if (isCheckbox(control)) return isChecked(control);
  if (isRadio(control)) return isChecked(control);
  return blankToNull(controlValue(control));
}

/** Reads an element; `auto` picks by what the element is (see docs/field-maps.md, "read"). */
export function readElement(memo: PageMemo, el: Element, kind: ReadKind | undefined): ReadResult {
  const how = kind ?? 'auto';
  if (typeof how === 'object') return { ok: true, raw: blankToNull(attr(el, how.attribute) ?? '') };
  switch (how) {
    case 'text':
      return { ok: true, raw: blankToNull(textOf(el)) };
    case 'value': {
      const c = controlOf(memo, el);
      if (!c) return { ok: false, reason: 'no input, select or textarea there' };
      if (isSelect(c)) return { ok: true, raw: selectRead(c, 'value') };
      if (isCheckbox(c) || isRadio(c)) return { ok: true, raw: isChecked(c) ? blankToNull(attr(c, 'value') ?? 'on') : null };
      return { ok: true, raw: blankToNull(controlValue(c)) };
    }
    case 'option-text':
    case 'option-value': {
      const s = selectOf(memo, el);
      if (!s) return { ok: false, reason: 'no select there' };
      return { ok: true, raw: selectRead(s, how === 'option-text' ? 'text' : 'value') };
    }
    case 'radio-label':
    case 'radio-value': {
      const radios = radiosOf(memo, el);
      if (radios.length === 0) return { ok: false, reason: 'no radio buttons there' };
      const on = radios.find((r) => isChecked(r));
      if (!on) return { ok: true, raw: null };
      return { ok: true, raw: how === 'radio-label' ? blankToNull(choiceLabel(on)) : blankToNull(attr(on, 'value') ?? 'on') };
    }
    case 'checked': {
      const box = tickOf(memo, el);
      if (!box) return { ok: false, reason: 'no checkbox there' };
      return { ok: true, raw: isChecked(box) };
    }
    case 'checked-labels':
    case 'checked-values': {
      const boxes = isCheckbox(el) ? [el] : boxesIn(memo, el);
      if (boxes.length === 0) return { ok: false, reason: 'no checkboxes there' };
      const on = boxes.filter((b) => isChecked(b));
      return { ok: true, raw: on.map((b) => (how === 'checked-labels' ? choiceLabel(b) : tidy(attr(b, 'value') ?? 'on'))).filter((t) => t !== '') };
    }
    default: {
      if (isControl(el)) return { ok: true, raw: controlRead(el) };
      if (radiosIn(memo, el).length > 0) return readElement(memo, el, 'radio-label');
      const boxes = boxesIn(memo, el);
      if (boxes.length === 1 && boxes[0]) return { ok: true, raw: isChecked(boxes[0]) };
      if (boxes.length > 1) return readElement(memo, el, 'checked-labels');
      const control = controlOf(memo, el);
      if (control) return { ok: true, raw: controlRead(control) };
      return { ok: true, raw: blankToNull(textOf(el)) };
    }
  }
}
