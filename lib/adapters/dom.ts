// Safe reading of a host page's DOM. Page markup can clobber properties: a form with
// an input named `action`, `getAttribute` or `__proto__`, or `<img name="getElementById">`
// on the document, shadows the built-in property on that object. So every property and
// method is taken from the object's prototype chain (never its own properties) and
// called on the object. Works for any realm (browser, jsdom, frames, DOMParser docs)
// because it never relies on globals like `Element` or `document`.
// Only reads: `value`, `checked`, `selectedOptions`, `textContent`, `getAttribute`.

type Member = (this: unknown, ...args: unknown[]) => unknown;

const getters = new WeakMap<object, Map<string, Member | null>>();
const methods = new WeakMap<object, Map<string, Member | null>>();

function member(obj: object, name: string, kind: 'get' | 'call'): Member | null {
  const start = Object.getPrototypeOf(obj) as object | null;
  if (start === null) return null;
  const cache = kind === 'get' ? getters : methods;
  let byName = cache.get(start);
  if (!byName) {
    byName = new Map();
    cache.set(start, byName);
  }
  const cached = byName.get(name);
  if (cached !== undefined) return cached;
  let found: Member | null = null;
  for (let p: object | null = start; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (!d) continue;
    const fn: unknown = kind === 'get' ? d.get : d.value;
    if (typeof fn === 'function') found = fn as Member;
    break;
  }
  byName.set(name, found);
  return found;
}

/** A built-in getter's value, or undefined when the object has no such getter. */
function prop(obj: object, name: string): unknown {
  const fn = member(obj, name, 'get');
  return fn ? fn.call(obj) : undefined;
}

/** Calls a built-in method with one argument (every method used here takes one); undefined when the object has none. */
function invoke(obj: object, name: string, arg: unknown): unknown {
  // No rest parameter: a read calls this thousands of times, and each would allocate an array.
  const fn = member(obj, name, 'call');
  return fn ? fn.call(obj, arg) : undefined;
}

function asElement(value: unknown): Element | null {
  return typeof value === 'object' && value !== null ? (value as Element) : null;
}

function toArray(list: unknown): Element[] {
  if (typeof list !== 'object' || list === null) return [];
  const length = prop(list, 'length');
  const out: Element[] = [];
  // The list's own `item`, looked up once rather than for each element.
  const item = member(list, 'item', 'call');
  if (typeof length !== 'number' || !item) return out;
  for (let i = 0; i < length; i++) {
    const el = asElement(item.call(list, i));
    if (el) out.push(el);
  }
  return out;
}

export function localName(el: Element): string {
  const name = prop(el, 'localName');
  return typeof name === 'string' ? name : '';
}

export function attr(el: Element, name: string): string | null {
  const v = invoke(el, 'getAttribute', name);
  return typeof v === 'string' ? v : null;
}

export function textOf(node: Node): string {
  const t = prop(node, 'textContent');
  return typeof t === 'string' ? t : '';
}

/** querySelectorAll, as an array; an invalid selector throws a SyntaxError. */
export function all(root: ParentNode, selector: string): Element[] {
  return toArray(invoke(root, 'querySelectorAll', selector));
}

export function byId(doc: Document, id: string): Element | null {
  if (id === '') return null;
  return asElement(invoke(doc, 'getElementById', id));
}

export function ownerDocument(node: Node): Document | null {
  const d = prop(node, 'ownerDocument');
  return typeof d === 'object' && d !== null ? (d as Document) : null;
}

export function parentElement(node: Node): Element | null {
  return asElement(prop(node, 'parentElement'));
}

export function closest(el: Element, selector: string): Element | null {
  return asElement(invoke(el, 'closest', selector));
}

/** Element.matches; an invalid selector throws a SyntaxError. */
export function matches(el: Element, selector: string): boolean {
  return invoke(el, 'matches', selector) === true;
}

export function contains(outer: Node, inner: Node): boolean {
  return invoke(outer, 'contains', inner) === true;
}

export function childElementCount(el: Element): number {
  const n = prop(el, 'childElementCount');
  return typeof n === 'number' ? n : 0;
}

export function childElements(el: Element): Element[] {
  return toArray(prop(el, 'children'));
}

export function previousElement(el: Element): Element | null {
  return asElement(prop(el, 'previousElementSibling'));
}

export function nextElement(el: Element): Element | null {
  return asElement(prop(el, 'nextElementSibling'));
}

export function childNodes(node: Node): Node[] {
  const list = prop(node, 'childNodes');
  if (typeof list !== 'object' || list === null) return [];
  const length = prop(list, 'length');
  const out: Node[] = [];
  const item = member(list, 'item', 'call');
  if (typeof length !== 'number' || !item) return out;
  for (let i = 0; i < length; i++) {
    const node = item.call(list, i);
    if (typeof node === 'object' && node !== null) out.push(node as Node);
  }
  return out;
}

export function nodeType(node: Node): number {
  const t = prop(node, 'nodeType');
  return typeof t === 'number' ? t : 0;
}

/** The live value of an input, textarea or select (what the worker typed). */
export function controlValue(el: Element): string {
  const v = prop(el, 'value');
  return typeof v === 'string' ? v : '';
}

export function isChecked(el: Element): boolean {
  return prop(el, 'checked') === true;
}

export function selectedOptions(select: Element): Element[] {
  return toArray(prop(select, 'selectedOptions'));
}

/** The labels of a control (`<label for>` and wrapping labels). */
export function labelsOf(control: Element): Element[] {
  return toArray(prop(control, 'labels'));
}

/** The input's type, lower case ("text" when absent). */
export function inputType(el: Element): string {
  return (attr(el, 'type') ?? 'text').trim().toLowerCase();
}

export function documentUrl(doc: Document): string {
  const u = prop(doc, 'URL');
  return typeof u === 'string' ? u : '';
}

export function defaultView(doc: Document): (Window & typeof globalThis) | null {
  const w = prop(doc, 'defaultView');
  return typeof w === 'object' && w !== null ? (w as Window & typeof globalThis) : null;
}

/**
 * The document's iframe and frame elements. A document in a window with no frames at all
 * has none (the browser makes a window for every frame element in it, hidden or not), and
 * needs no search: on a page of 30,000 elements that search takes 4 ms.
 */
export function frameElements(doc: Document): Element[] {
  const view = defaultView(doc);
  // The window's own count, never the page's: a page cannot shadow it from our world.
  if (view && typeof view.length === 'number' && view.length === 0) return [];
  return all(doc, 'iframe, frame');
}

/** A same-origin frame's document; null for a cross-origin frame (the browser refuses). */
export function frameDocument(frame: Element): Document | null {
  try {
    const d = prop(frame, 'contentDocument');
    return typeof d === 'object' && d !== null ? (d as Document) : null;
  } catch {
    return null;
  }
}

/** A document's root element, for tree walks. */
export function documentElement(doc: Document): Element | null {
  return asElement(prop(doc, 'documentElement'));
}
