// Reading the element a locator found: the live value of a control (what the worker
// typed, even before saving), the ticked radio or checkboxes, or plain text.
// Blank is null. Only `value`, `checked`, `selectedOptions`, `textContent` and
// `getAttribute` are used, through dom.ts (clobbering-safe).

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
  ownerDocument,
  selectedOptions,
  textOf,
} from './dom';
import { ownText, tidy } from './text';
import type { Raw } from './values';

export type ReadResult = { ok: true; raw: Raw } | { ok: false; reason: string };

const CONTROLS = 'input:not([type="hidden"]), select, textarea';

function blankToNull(text: string): string | null {
  const t = tidy(text);
  return t === '' ? null : t;
}

function isControl(el: Element): boolean {
  const n = localName(el);
  return n === 'input' || n === 'select' || n === 'textarea';
}

function firstOf(el: Element, selector: string, self: (e: Element) => boolean): Element | null {
  if (self(el)) return el;
  return all(el, selector)[0] ?? null;
}

const isSelect = (e: Element): boolean => localName(e) === 'select';
const isCheckbox = (e: Element): boolean => localName(e) === 'input' && inputType(e) === 'checkbox';
const isRadio = (e: Element): boolean => localName(e) === 'input' && inputType(e) === 'radio';

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

function radiosOf(el: Element): Element[] {
  if (isRadio(el)) {
    // A lone radio: its group is every radio with the same name in the same form (or document).
    const name = attr(el, 'name');
    const scope: ParentNode | null = closest(el, 'form') ?? ownerDocument(el);
    if (name === null || !scope) return [el];
    return all(scope, 'input[type="radio"]').filter((r) => attr(r, 'name') === name);
  }
  return all(el, 'input[type="radio"]');
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

// What sits inside an element an `auto` read looks into (a table cell, a dd): kept while the
// page's structure stays the same, so a re-read does not search each cell again. Forgotten
// by startRead() (locate.ts), which runs whenever a read cannot reuse the last one's structure.
interface Inside {
  radios?: Element[];
  boxes?: Element[];
  control?: Element | null;
}
let insides = new WeakMap<Element, Inside>();

export function forgetInsides(): void {
  insides = new WeakMap();
}

function inside(el: Element): Inside {
  let found = insides.get(el);
  if (!found) {
    found = {};
    insides.set(el, found);
  }
  return found;
}

/** Reads an element; `auto` picks by what the element is (see docs/field-maps.md, "read"). */
export function readElement(el: Element, kind: ReadKind | undefined): ReadResult {
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
      return { ok: true, raw: on.map((b) => (how === 'checked-labels' ? choiceLabel(b) : tidy(attr(b, 'value') ?? 'on'))).filter((t) => t !== '') };
    }
    default: {
      if (isControl(el)) return { ok: true, raw: controlRead(el) };
      const known = inside(el);
      const radios = (known.radios ??= all(el, 'input[type="radio"]'));
      if (radios.length > 0) return readElement(el, 'radio-label');
      const boxes = (known.boxes ??= all(el, 'input[type="checkbox"]'));
      if (boxes.length === 1 && boxes[0]) return { ok: true, raw: isChecked(boxes[0]) };
      if (boxes.length > 1) return readElement(el, 'checked-labels');
      const control = known.control === undefined ? (known.control = all(el, CONTROLS)[0] ?? null) : known.control;
      if (control) return { ok: true, raw: controlRead(control) };
      return { ok: true, raw: blankToNull(textOf(el)) };
    }
  }
}
