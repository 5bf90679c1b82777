// Pick a field: from one element a person clicked on the case page, a proposed map entry
// for it. The locator is the one a person would use (a label, a legend, a row or column
// header, a term, the text before it in its row; CSS only when nothing names the field),
// and each candidate is tried with the extractor's own Finder, so the proposal finds the
// field it was made from. The parse is guessed from the control: the date format its value
// is written in, the yes/no words of its options, a tick box. It reads only the clicked
// field and its names, and keeps nothing. Plain code: it runs in the content script.

import type { FormSection } from '../model/section-names';
import type { FrameSpec, Locator, Parse, ReadKind } from './field-map-schema';
import { all, attr, byId, closest, contains, controlValue, inputType, labelsOf, localName, ownerDocument, parentElement, previousElement, selectedOptions, textOf } from './dom';
import { Finder, type DocEntry } from './locate';
import { PageMemo } from './page-memo';
import { cellsOf, isColumnHeader, isRowHeader, tableOf } from './tables';
import { norm, ownText, tidy } from './text';
import { parseWithFormats } from './date-format';

/** A proposed entry: the shape of a map's `fields[]` entry, with the fact left for the person to name. */
export interface ProposedEntry {
  id?: string;
  fact: string;
  section?: FormSection;
  frame?: FrameSpec;
  find: Locator;
  read?: ReadKind;
  parse?: Parse;
}

export interface Proposal {
  entry: ProposedEntry;
  /** What to check before pasting it, in plain words. */
  notes: string[];
}

export interface ProposeOptions {
  /** The sections the map matched on this page, with the part of the page each covers. */
  sections?: readonly { id: FormSection; scope?: string }[];
  /** The frame the field is in, when it is not in the page itself. */
  frame?: FrameSpec;
  /** For dates written without a year. */
  nowYear: number;
}

/** What a person fills in: the fact the field holds (docs/field-maps.md lists them). */
export const FACT_TO_FILL = '?';

const FIELDS = 'input:not([type="hidden"]), select, textarea';

const isControl = (el: Element): boolean => ['input', 'select', 'textarea'].includes(localName(el));
const isTick = (el: Element): boolean => localName(el) === 'input' && ['radio', 'checkbox'].includes(inputType(el));

/** The clicked element → the field it belongs to: the control, a radio or tick-box group's fieldset, or a cell's text. */
function fieldOf(picked: Element): { field: Element; control: Element | null } {
  let control: Element | null = null;
  if (isControl(picked)) control = picked;
  else {
    const label = localName(picked) === 'label' ? picked : closest(picked, 'label');
    if (label) {
      const forId = attr(label, 'for');
      const doc = ownerDocument(label);
      control = forId !== null && doc ? byId(doc, forId) : (all(label, FIELDS)[0] ?? null);
    }
    if (!control) {
      const inside = all(picked, FIELDS);
      if (inside.length === 1) control = inside[0] ?? null;
    }
  }
  if (control && isTick(control)) {
    const fieldset = closest(control, 'fieldset');
    if (fieldset && all(fieldset, 'input[type="radio"], input[type="checkbox"]').length > 1) return { field: fieldset, control };
  }
  return { field: control ?? picked, control };
}

/** Text a locator may use: tidied, without the "*" or ":" the comparison ignores anyway. */
function nameText(el: Element): string {
  return tidy(ownText(el)).replace(/[\s:*]+$/, '').slice(0, 200);
}

function decoration(el: Element): boolean {
  return all(el, FIELDS).length === 0 && /^[\s*:()?-]*$/.test(ownText(el));
}

/** The text before the field in its row or container (question/answer layouts with no label). */
function textBefore(field: Element): string | undefined {
  let node: Element | null = field;
  for (let level = 0; level < 4 && node && localName(node) !== 'body'; level++) {
    for (let prev = previousElement(node); prev; prev = previousElement(prev)) {
      if (decoration(prev)) continue;
      if (all(prev, FIELDS).length > 0 || isControl(prev)) return undefined;
      const t = nameText(prev);
      return t !== '' ? t : undefined;
    }
    node = parentElement(node);
  }
  return undefined;
}

// Words of a form's questions: a title-case text with one of these is a question, not a name.
const FORM_WORDS = new Set(
  'a about address age agreed alone and assessment at birth by carer case child children consent contact date dates day details did discussion family father first for from gp has have health home in is language last mother name needs nhs no not number of on or parent plan previous reason reasons received record recorded referral role school seen sent social start started strategy the to type views visit was when who with worker yes'.split(' '),
);

/**
 * Why a text found beside the field is page data rather than the field's name: a person's
 * name, an NHS number or a date (of birth). Such text is never put in a proposal, which a
 * person copies into a field map sent round a council (issue 24, item 5). The reason never
 * repeats the text.
 */
export function pageDataReason(text: string): string | undefined {
  const t = tidy(text);
  if (/(^|\D)\d{3}[\s-]?\d{3}[\s-]?\d{4}(\D|$)/.test(t)) return 'looks like an NHS number';
  if (/\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}/.test(t) || /\b\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{2,4}\b/i.test(t)) return 'looks like a date, such as a date of birth';
  const words = t.split(' ');
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^[A-Z][a-z'’-]+$/.test(w)) && !words.some((w) => FORM_WORDS.has(w.toLowerCase()))) {
    return 'looks like a person’s name';
  }
  return undefined;
}

/**
 * A table of people recognised by its rows: several rows each with a row header, under
 * column headers for the facts but none (an empty corner cell) over the row headers. The
 * row headers are then people's names or ids, whatever they say.
 */
function peopleByRows(memo: PageMemo, table: Element): boolean {
  let headed = 0;
  let columnHeaders = 0;
  let cornerNamed = false;
  for (const tr of all(table, 'tr')) {
    if (tableOf(tr) !== table) continue;
    const cells = cellsOf(memo, tr);
    const first = cells[0];
    if (first && localName(first) === 'th' && isRowHeader(memo, first) && cells.some((c) => localName(c) === 'td')) headed += 1;
    for (const c of cells) if (localName(c) === 'th' && isColumnHeader(memo, c) && nameText(c) !== '') {
      columnHeaders += 1;
      if (c === first) cornerNamed = true;
    }
  }
  return headed >= 2 && columnHeaders > 0 && !cornerNamed;
}

/**
 * The row header of a table of people (its row headers have a column header of their own,
 * such as "Name"): a person's name, never to be put in a map. Undefined for other tables
 * (a "Key dates" table's row headers name the dates).
 */
function personRowHeader(memo: PageMemo, cell: Element | null): Element | undefined {
  const table = cell ? tableOf(cell) : null;
  const row = cell ? parentElement(cell) : null;
  if (!table || !row) return undefined;
  const cells = cellsOf(memo, row);
  const header = cells.find((c) => localName(c) === 'th' && isRowHeader(memo, c));
  if (!header) return undefined;
  return columnHeaderOf(memo, table, cells.indexOf(header), cells) !== undefined || peopleByRows(memo, table) ? header : undefined;
}

/** The candidate locators, the ones a person would use first. */
function candidates(field: Element, control: Element | null, picked: Element): { list: Locator[]; peopleTable: boolean; refused: string[] } {
  const out: Locator[] = [];
  const refused: string[] = [];
  const memo = new PageMemo();
  const cell = localName(field) === 'td' || localName(field) === 'th' ? field : closest(field, 'td, th');
  const person = personRowHeader(memo, cell);
  const personName = person ? norm(ownText(person)) : undefined;
  const add = (loc: Locator | undefined): void => {
    if (!loc) return;
    // Never a person's name: a locator naming one row of a table of people reads one person only.
    const words = norm(Object.values(loc).filter((v) => typeof v === 'string').join(' '));
    if (personName && personName !== '' && words.includes(personName)) return;
    // Never page data: a name, an NHS number or a date found where a question would be.
    for (const [kind, value] of Object.entries(loc)) {
      if (typeof value !== 'string' || kind === 'css') continue;
      const reason = pageDataReason(value);
      if (reason) {
        const note = `A ${KIND_WORDS[kind] ?? 'text'} beside this field ${reason}, so it is not used: a proposal never holds what the page says about a person.`;
        if (!refused.includes(note)) refused.push(note);
        return;
      }
    }
    if (!out.some((o) => JSON.stringify(o) === JSON.stringify(loc))) out.push(loc);
  };
  const table = cell ? tableOf(cell) : null;
  const row = cell ? parentElement(cell) : null;
  const cells = row ? cellsOf(memo, row) : [];
  const column = cell && table ? columnHeaderOf(memo, table, cells.indexOf(cell), cells) : undefined;
  // In a table of people, the column is the field (for a group's rows).
  if (person && column) add({ columnHeader: column });
  if (control && localName(field) !== 'fieldset') for (const label of labelsOf(control)) if (nameText(label) !== '') add({ label: nameText(label) });
  if (localName(field) === 'fieldset') {
    const legend = [...all(field, 'legend')].find((l) => parentElement(l) === field);
    if (legend && nameText(legend) !== '') add({ legend: nameText(legend) });
  }
  // ARIA names on the field, or on a group around it (a card's "Date referral received").
  for (let el: Element | null = localName(field) === 'fieldset' ? field : picked, level = 0; el && level < 4; el = parentElement(el), level++) {
    const aria = attr(el, 'aria-label');
    if (aria && tidy(aria) !== '') add({ ariaLabel: tidy(aria).slice(0, 200) });
    const by = attr(el, 'aria-labelledby');
    const doc = ownerDocument(el);
    if (by && doc) {
      const words = by.split(/\s+/).map((id) => byId(doc, id)).map((e) => (e ? nameText(e) : '')).filter((t) => t !== '');
      if (words.length > 0) add({ labelledBy: words.join(' ') });
      for (const w of words) add({ labelledBy: w });
    }
  }
  if (cell && table) {
    const rowHeader = cells.find((c) => localName(c) === 'th' && isRowHeader(memo, c));
    if (rowHeader && column && cells.filter((c) => localName(c) === 'td').length > 1) add({ rowHeader: nameText(rowHeader), columnHeader: column });
    if (rowHeader) add({ rowHeader: nameText(rowHeader) });
    if (column) add({ columnHeader: column });
  }
  const dd = localName(field) === 'dd' ? field : closest(field, 'dd');
  if (dd) {
    for (let prev = previousElement(dd); prev; prev = previousElement(prev)) {
      if (localName(prev) === 'dt') {
        add({ term: nameText(prev) });
        break;
      }
      if (localName(prev) !== 'dd') break;
    }
  }
  // In a table with column headers, the cell before is data (a name, a date), not the question: the header is.
  const before = column === undefined ? textBefore(field) : undefined;
  if (before) add({ text: before });
  // The last resort: markup that may change when the case system is updated.
  const target = control ?? field;
  const id = attr(target, 'id');
  if (id && /^[A-Za-z][\w-]*$/.test(id)) add({ css: `#${id}` });
  const name = attr(target, 'name');
  if (name && !/["\\]/.test(name)) add({ css: `${localName(target)}[name="${name}"]` });
  return { list: out, peopleTable: person !== undefined && column !== undefined, refused };
}

const KIND_WORDS: Record<string, string> = {
  label: 'label',
  ariaLabel: 'name (aria-label)',
  labelledBy: 'name (aria-labelledby)',
  legend: 'legend',
  rowHeader: 'row header',
  columnHeader: 'column header',
  term: 'term (dt)',
  text: 'text',
  table: 'table name',
};

/** The text of the column header over a cell (by position, as the extractor counts columns). */
function columnHeaderOf(memo: PageMemo, table: Element, index: number, cells: readonly Element[]): string | undefined {
  if (index < 0) return undefined;
  // Columns before this cell, counting spans as the extractor does.
  let column = 0;
  for (let i = 0; i < index; i++) column += Math.max(1, Number(attr(cells[i] as Element, 'colspan') ?? '1') || 1);
  for (const tr of all(table, 'tr')) {
    if (tableOf(tr) !== table) continue;
    const row = cellsOf(memo, tr);
    let at = 0;
    for (const c of row) {
      if (at === column && localName(c) === 'th' && isColumnHeader(memo, c)) {
        const t = nameText(c);
        if (t !== '') return t;
      }
      at += Math.max(1, Number(attr(c, 'colspan') ?? '1') || 1);
    }
  }
  return undefined;
}

/** Whether an element a locator found reads the picked field. */
function reaches(found: Element, field: Element, control: Element | null): boolean {
  if (found === field || (control !== null && found === control)) return true;
  if (!contains(found, field)) return false;
  // A container is read through its first control, or as text when it has none.
  const inside = all(found, FIELDS);
  if (control) return inside[0] === control || (localName(field) === 'fieldset' && inside[0] !== undefined && contains(field, inside[0]));
  return inside.length === 0 && norm(textOf(found)) === norm(textOf(field));
}

/** The first candidate the extractor's Finder turns back into the field (with `nth` when it is not the first match). */
function bestLocator(doc: Document, field: Element, control: Element | null, picked: Element): { find: Locator; fallback: boolean; group?: true; refused: string[] } | { find?: undefined; refused: string[] } {
  const entry: DocEntry = { doc, frame: null, label: undefined, idText: new Map() };
  const finder = new Finder(entry, doc, new PageMemo());
  const { list, peopleTable, refused } = candidates(field, control, picked);
  // A column of a table of people: an entry of a group, looked for in each person's row.
  if (peopleTable && list[0]?.columnHeader !== undefined) {
    const found = finder.find(list[0]);
    if (found.some((el) => reaches(el, field, control))) return { find: list[0], fallback: false, group: true, refused };
  }
  let later: Locator | undefined;
  for (const loc of list) {
    let found: Element[];
    try {
      found = finder.find(loc);
    } catch {
      continue;
    }
    const at = found.findIndex((el) => reaches(el, field, control));
    if (at === 0) return { find: loc, fallback: loc.css !== undefined, refused };
    if (at > 0 && at <= 1000 && !later) later = { ...loc, nth: at };
  }
  return later ? { find: later, fallback: later.css !== undefined, refused } : { refused };
}

// ---------------------------------------------------------------- parse

const YES = new Set(['yes', 'y', 'true', 'ticked']);
const NO = new Set(['no', 'n', 'false', 'not ticked']);
const NA = new Set(['n/a', 'na', 'not applicable']);

/** Yes/no from the words of a select's options or a group's radios, with the other words said. */
function yesNoParse(words: readonly string[]): { parse: Parse; notes: string[] } | undefined {
  const keys = words.map((w) => ({ word: w, key: norm(w) })).filter((w) => w.key !== '' && !/^-+.*-+$/.test(w.key) && w.key !== 'select' && w.key !== 'please select');
  if (!keys.some((k) => YES.has(k.key)) || !keys.some((k) => NO.has(k.key))) return undefined;
  const hasNa = keys.some((k) => NA.has(k.key));
  const others = keys.filter((k) => !YES.has(k.key) && !NO.has(k.key) && !NA.has(k.key));
  const type = hasNa ? 'yes-no-na' : 'yes-no';
  const notes = others.length > 0 ? [`Read as blank: ${others.map((o) => `“${o.word}”`).join(', ')}. Change the map if one of them means yes or no.`] : [];
  if (others.length === 0) return { parse: { type }, notes };
  const map = Object.fromEntries(others.map((o) => [o.word, null]));
  return { parse: { type, map }, notes };
}

// Date formats a case system may write, most specific first; each is tried on the field's value.
const DATE_FORMATS = ['dd/MM/yyyy', 'dd-MM-yyyy', 'dd.MM.yyyy', 'yyyy-MM-dd', 'd MMM yyyy', 'd MMMM yyyy', 'EEE d MMM yyyy', 'EEEE d MMMM yyyy', 'dd/MM/yy', 'd MMM'];
const DATE_TIME_FORMATS = ['dd/MM/yyyy HH:mm', 'dd/MM/yyyy HH:mm:ss', 'd MMM yyyy HH:mm', 'd MMM yyyy, HH:mm', 'dd/MM/yyyy h:mm a', "yyyy-MM-dd'T'HH:mm", 'yyyy-MM-dd HH:mm'];

/** The formats (of the lists above) a value is written in. */
export function dateFormatsOf(text: string, nowYear: number): { formats: string[]; withTime: boolean } | undefined {
  const t = tidy(text);
  if (t === '' || t.length > 40) return undefined;
  const timed = DATE_TIME_FORMATS.filter((f) => parseWithFormats(t, [f], nowYear) !== undefined);
  if (timed.length > 0) return { formats: timed.slice(0, 1), withTime: true };
  const dated = DATE_FORMATS.filter((f) => parseWithFormats(t, [f], nowYear) !== undefined);
  return dated.length > 0 ? { formats: dated.slice(0, 1), withTime: false } : undefined;
}

/** A placeholder such as "dd/mm/yyyy" as a format. */
function placeholderFormat(placeholder: string | null): string | undefined {
  const p = (placeholder ?? '').trim();
  if (!/^(d{1,2}|m{1,2}|y{2,4})([/.\- ])(d{1,2}|m{1,2})\2(d{1,2}|m{1,2}|y{2,4})$/i.test(p)) return undefined;
  return p.replace(/y/gi, 'y').replace(/d/gi, 'd').replace(/m/gi, 'M');
}

function choiceWords(field: Element): string[] {
  return all(field, 'input[type="radio"]').map((r) => {
    const labels = labelsOf(r);
    const text = labels.length > 0 ? labels.map((l) => ownText(l)).join(' ') : (attr(r, 'aria-label') ?? attr(r, 'value') ?? '');
    return tidy(text);
  });
}

function guessParse(field: Element, control: Element | null, nowYear: number): { read?: ReadKind; parse?: Parse; notes: string[] } {
  const notes: string[] = [];
  const fieldset = localName(field) === 'fieldset';
  if (fieldset && all(field, 'input[type="radio"]').length > 0) {
    const yn = yesNoParse(choiceWords(field));
    if (yn) return { parse: yn.parse, notes: yn.notes };
    return { notes: ['Radio buttons that are not yes/no: add a "codes" parse that maps each choice to the fact’s codes.'] };
  }
  if (fieldset) return { parse: { type: 'list' }, notes: ['A group of tick boxes: read as a list of the ticked ones. Add a "map" from each label to the fact’s codes (items not in it are left out).'] };
  if (control && localName(control) === 'select') {
    const options = all(control, 'option').map((o) => tidy(textOf(o)));
    const yn = yesNoParse(options);
    if (yn) return { parse: yn.parse, notes: yn.notes };
    return { notes: ['A list to choose from that is not yes/no: add a "codes" parse that maps each option to the fact’s codes.'] };
  }
  if (control && isTick(control)) {
    if (inputType(control) === 'radio') return { read: 'radio-label', notes: ['A radio button outside a fieldset: it is read with the others of the same name. Add a parse for its choices.'] };
    return { parse: { type: 'yes-no' }, notes: ['A tick box: read as yes when ticked, no when not.'] };
  }
  if (control && localName(control) === 'textarea') {
    return { parse: { type: 'non-empty' }, notes: ['A box for narrative: only whether it has text is kept, never the text.'] };
  }
  const type = control ? inputType(control) : '';
  if (type === 'date') return { parse: { type: 'date', formats: ['yyyy-MM-dd'] }, notes };
  if (type === 'datetime-local') return { parse: { type: 'datetime', formats: ["yyyy-MM-dd'T'HH:mm"] }, notes };
  // Only the clicked field's own value is looked at, to see how dates are written; it is not kept.
  const value = control ? (localName(control) === 'select' ? selectedOptions(control).map((o) => textOf(o)).join(' ') : controlValue(control)) : textOf(field);
  const seen = dateFormatsOf(value, nowYear);
  const fromPlaceholder = control ? placeholderFormat(attr(control, 'placeholder')) : undefined;
  if (seen?.withTime) return { parse: { type: 'datetime', formats: seen.formats }, notes };
  const formats = [...new Set([...(seen?.formats ?? []), ...(fromPlaceholder ? [fromPlaceholder] : [])])];
  if (formats.length > 0) return { parse: { type: 'date', formats }, notes };
  if (YES.has(norm(value)) || NO.has(norm(value))) return { parse: { type: 'yes-no' }, notes };
  notes.push(value.trim() === '' ? 'The field is blank, so its parse could not be guessed: fill it in and pick it again, or add a parse (docs/field-maps.md, "parse").' : 'No parse could be guessed from this field: add one (docs/field-maps.md, "parse"). Free text is never kept as a fact.');
  return { notes };
}

/** The section of the map the field is in: the only one matched, or the one whose part of the page holds it. */
function sectionOf(field: Element, sections: ProposeOptions['sections']): FormSection | undefined {
  if (!sections || sections.length === 0) return undefined;
  if (sections.length === 1) return sections[0]?.id;
  const holding = sections.filter((s) => {
    if (s.scope === undefined) return false;
    try {
      return closest(field, s.scope) !== null;
    } catch {
      return false;
    }
  });
  return holding.length === 1 ? holding[0]?.id : undefined;
}

/** A proposed map entry for the element clicked; null when nothing on the page names it (not even a CSS path). */
export function proposeEntry(picked: Element, options: ProposeOptions): Proposal | null {
  const doc = ownerDocument(picked);
  if (!doc) return null;
  const { field, control } = fieldOf(picked);
  const best = bestLocator(doc, field, control, picked);
  if (!best.find) return null;
  const notes: string[] = [...best.refused];
  if (best.fallback) notes.push('Nothing on the page names this field (no label, legend, header or text before it), so a CSS selector is proposed: it breaks more easily when the case system is updated.');
  if (best.find.nth !== undefined) notes.push(`Several places on the page match; this is match ${best.find.nth + 1}. A table name ("table") or a section "scope" may make it surer.`);
  if (best.group) {
    notes.push('A column of a table of people: put this entry in the fields of a group for that table (children[] or adults[]), where it reads each person’s cell.');
  } else if (best.find.columnHeader !== undefined && best.find.rowHeader === undefined) {
    notes.push('This is a column of a table: in a group (children[] or adults[]) it reads each person’s cell; at the top level it reads one row only.');
  }
  const guess = guessParse(field, control, options.nowYear);
  notes.push(...guess.notes);
  const section = sectionOf(field, options.sections);
  if (options.sections && options.sections.length > 1 && section === undefined) notes.push('The page shows several sections: set "section" to the one this field is in.');
  notes.push(`Replace "fact": "${FACT_TO_FILL}" with the fact this field holds (docs/field-maps.md lists them).`);
  const entry: ProposedEntry = {
    fact: FACT_TO_FILL,
    ...(section ? { section } : {}),
    ...(options.frame ? { frame: options.frame } : {}),
    find: best.find,
    ...(guess.read ? { read: guess.read } : {}),
    ...(guess.parse ? { parse: guess.parse } : {}),
  };
  return { entry, notes };
}
