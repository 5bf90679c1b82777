// Text matching for locators: forgiving about case, spacing, curly quotes and a
// trailing colon or asterisk, so a map written from a screenshot still matches.

import { boundedRegex, type MapRegex } from './safe-regex';
import { childElementCount, childNodes, localName, nodeType, textOf } from './dom';

export type MatchMode = 'exact' | 'contains' | 'starts' | 'regex';

const UNTIDY = /[\u2018\u2019\u201B\u2032\u201C\u201D\u201E\u2033\u2013\u2014]|[\s\u200B]{2,}|[\t\n\r\f\v\u00A0\u200B\u2028\u2029\u3000\u1680\u2000-\u200A\u202F\u205F\uFEFF]/g;

function tidyChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x2018 || c === 0x2019 || c === 0x201b || c === 0x2032) return "'";
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x2033) return '"';
  if (c === 0x2013 || c === 0x2014) return '-';
  return ' ';
}

// Text tidy() would leave as it is: printable ASCII and single spaces inside, none at either
// end. Most of what a read tidies (codes, dates, ids, names, headers) is like this: one test
// instead of two replaces and a trim.
const TIDY_ALREADY = /^(?:[\x21-\x7E]+(?: [\x21-\x7E]+)*)?$/;

/** Collapse spaces (incl. no-break), straighten quotes and dashes; keeps case. One pass. */
export function tidy(text: string): string {
  if (TIDY_ALREADY.test(text)) return text;
  return text.replace(UNTIDY, tidyChar).replace(/ {2,}/g, ' ').trim();
}

/** The key texts are compared by: tidy, lower case, without a trailing ":" or "*". */
export function norm(text: string): string {
  return tidy(text).toLowerCase().replace(/[\s:*]+$/, '');
}

const regexCache = new Map<string, MapRegex | null>();

/** A map's regular expression, compiled once; null when it does not compile. Never runs on overlong text (./safe-regex). */
export function compileRegex(source: string, flags = ''): MapRegex | null {
  const key = flags + '/' + source;
  let re = regexCache.get(key);
  if (re === undefined) {
    re = boundedRegex(source, flags);
    regexCache.set(key, re);
  }
  return re;
}

/** A test of normalised texts (see `norm`) for one locator: exact (the default), contains, starts, or regex (case-insensitive). */
export type TextTest = (candidate: string) => boolean;

export function textTest(wanted: string, mode: MatchMode = 'exact'): TextTest {
  const key = norm(wanted);
  switch (mode) {
    case 'contains':
      return (n) => n.includes(key);
    case 'starts':
      return (n) => n.startsWith(key);
    case 'regex': {
      const re = compileRegex(wanted, 'i');
      return (n) => (re ? re.test(n) : false);
    }
    default:
      return (n) => n === key;
  }
}

const CONTROL_TAGS = new Set(['select', 'textarea', 'input', 'button', 'script', 'style', 'template', 'option', 'datalist']);

/**
 * The text of a label or heading without the text of controls inside it (a wrapping
 * label around a select would otherwise include every option).
 */
export function ownText(el: Element): string {
  if (childElementCount(el) === 0) return textOf(el);
  let out = '';
  const walk = (node: Node, depth: number): void => {
    for (const child of childNodes(node)) {
      const type = nodeType(child);
      if (type === 3) out += textOf(child);
      else if (type === 1 && depth < 12 && !CONTROL_TAGS.has(localName(child as Element))) walk(child, depth + 1);
    }
  };
  walk(el, 0);
  return out;
}
