/**
 * Which changes to a page can change what the field map reads there. Case systems have
 * parts that change all the time (a clock, an autosave badge, a chat window): a change
 * that cannot touch any field the map reads costs the reader nothing, not a read.
 *
 * Conservative by design: a change is skipped only when nothing it touches is, holds or
 * sits inside an element that a locator can read (controls, labels, legends, table
 * cells and headers, captions, terms, headings, frames, ARIA names), an element the
 * map's own CSS selectors match, or an element another one is labelled by. Anything
 * else (a new row, a renamed header, a replaced control) is read as before.
 */
import { all, attr, closest, documentElement, matches, nodeType, parentElement } from '../adapters/dom';
import type { FieldMap } from '../adapters/field-map-schema';

// What the locators (lib/adapters/locate.ts) and value reads look at, besides the map's own CSS.
const READ_PARTS = [
  'input', 'select', 'textarea', 'option', 'button', 'output', 'meter', 'progress',
  'label', 'fieldset', 'legend',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', '[role="heading"]',
  '[aria-label]', '[aria-labelledby]',
  'iframe', 'frame',
].join(', ');

// An id that can go in a CSS string as it is (no quote, backslash, space or control character).
// eslint-disable-next-line no-control-regex
const PLAIN_ID = /^[^\s"\\\u0000-\u001f\u007f]{1,200}$/;
/** Ids asked about one by one; more than this and the whole list is made once. */
const ASK_AT_MOST = 8;

/** The map's CSS selectors (locators, rows, section scopes), each checked on its own so one bad selector cannot hide the rest. */
function mapSelectors(doc: Document, map: FieldMap): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key === 'css' || key === 'scope') found.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(map, '');
  const root = documentElement(doc);
  return [...found].filter((selector) => {
    try {
      // A selector the browser refuses is one the extractor cannot use either.
      if (root) matches(root, selector);
      return true;
    } catch {
      return false;
    }
  });
}

export interface Relevance {
  /** Could these changes alter what the map reads? */
  matters(records: readonly MutationRecord[]): boolean;
  /** The page's structure changed: ids that labels point to may have changed too. */
  forget(): void;
}

export function relevanceFor(doc: Document, map: FieldMap): Relevance {
  const selector = [READ_PARTS, ...mapSelectors(doc, map)].join(', ');
  // Ids that aria-labelledby points to: the text of those elements names a field. Asked id by
  // id and remembered until the structure changes: listing every such id on a page of 800
  // people took 45 ms in the first change's task, for a clock whose ancestors have no id.
  let labelIds: Set<string> | undefined;
  const asked = new Map<string, boolean>();
  const everyLabelId = (): Set<string> => {
    if (!labelIds) {
      labelIds = new Set();
      for (const el of all(doc, '[aria-labelledby]')) for (const id of (attr(el, 'aria-labelledby') ?? '').split(/\s+/)) if (id) labelIds.add(id);
    }
    return labelIds;
  };
  const labelsAField = (id: string): boolean => {
    if (labelIds) return labelIds.has(id);
    let known = asked.get(id);
    if (known === undefined) {
      // An id a CSS string cannot hold as it is: the whole list instead.
      known = PLAIN_ID.test(id) ? all(doc, `[aria-labelledby~="${id}"]`).length > 0 : everyLabelId().has(id);
      asked.set(id, known);
    }
    return known;
  };
  const namesAField = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = parentElement(e)) {
      const id = attr(e, 'id');
      if (id && labelsAField(id)) return true;
    }
    return false;
  };
  const holdsLabelText = (el: Element): boolean => {
    const id = attr(el, 'id');
    if (id && labelsAField(id)) return true;
    const inner = all(el, '[id]');
    // Many ids (a new row): one look at the whole list is cheaper than one search each.
    if (inner.length > ASK_AT_MOST) everyLabelId();
    for (const e of inner) if (labelsAField(attr(e, 'id') ?? '')) return true;
    return false;
  };
  const holdsReadPart = (node: Node): boolean => {
    if (nodeType(node) !== 1) return false;
    const el = node as Element;
    return matches(el, selector) || all(el, selector).length > 0 || holdsLabelText(el);
  };
  const recordMatters = (r: MutationRecord): boolean => {
    // Only the attributes a locator or a value read looks at are observed at all.
    if (r.type === 'attributes') return true;
    // Through the prototypes: page markup can shadow an element's own properties (a form with an input named "closest").
    const target = nodeType(r.target) === 1 ? (r.target as Element) : parentElement(r.target);
    // A node no longer in an element: nothing to go by.
    if (!target) return true;
    if (closest(target, selector) || namesAField(target)) return true;
    for (const n of r.addedNodes) if (holdsReadPart(n)) return true;
    for (const n of r.removedNodes) if (holdsReadPart(n)) return true;
    return false;
  };
  return {
    matters: (records) => records.some(recordMatters),
    forget: () => {
      labelIds = undefined;
      asked.clear();
    },
  };
}
