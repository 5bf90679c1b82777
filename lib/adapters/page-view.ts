// Which view of an assessment a page is: what the facts it shows are kept under, so that
// one view's read never erases what another view of the same assessment read.

import type { FieldMap } from './field-map-schema';
import { compileRegex } from './text';

/** The longest page path a message carries (lib/messages checks the same number). */
export const PAGE_PATH_LIMIT = 500;
/** The longest view key (the page path, other query names and the sections shown). */
export const VIEW_LIMIT = 700;

export interface PageView {
  /**
   * The path with the query parts the map's URL patterns use (an assessment's id, a step:
   * `/CF/Assessment.aspx?id=CF-1&step=1`), in the page's order: where facts were read, and
   * the address the caseload opens. Never any other query part (a search, a token).
   */
  pagePath: string;
  /**
   * What the facts this view shows are kept under: the page path, the names (never the
   * values) of its other query parts (a print view, `?view=print`), and the sections it
   * shows (tabs that swap content in place).
   */
  view: string;
}

/** The map's URL patterns: the page's, its ids' and its sections'. */
function urlSources(map: FieldMap): string[] {
  const sources = [map.page.url, map.page.assessmentId.url, map.page.personId?.url, ...map.sections.map((s) => s.url)];
  return sources.filter((s): s is string => typeof s === 'string');
}

/** What a pattern makes of an address: whether it matches, and what it captures. */
function matchOf(source: string, rel: string): string {
  const m = compileRegex(source)?.exec(rel);
  return m ? `+${m.slice(1).join('\u0001')}` : '-';
}

function nameOf(part: string): string {
  const name = part.split('=')[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * The view of `url` a map recognised with `sections`. A query part is one the map uses when
 * taking it away changes what one of its URL patterns matches or captures.
 */
export function pageView(map: FieldMap, url: string, sections: readonly string[]): PageView {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://page.invalid');
  } catch {
    const path = url.slice(0, PAGE_PATH_LIMIT);
    return { pagePath: path, view: `${path}#${sections.join(',')}`.slice(0, VIEW_LIMIT) };
  }
  const { pathname, hash } = parsed;
  const parts = parsed.search.slice(1).split('&').filter((p) => p !== '');
  const sources = urlSources(map);
  const rel = (kept: readonly string[]) => `${pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}${hash}`;
  const before = sources.map((s) => matchOf(s, rel(parts)));
  const used: string[] = [];
  const others = new Set<string>();
  parts.forEach((part, i) => {
    const without = rel(parts.filter((_, j) => j !== i));
    if (sources.some((s, k) => matchOf(s, without) !== before[k])) used.push(part);
    else others.add(nameOf(part));
  });
  const pagePath = `${pathname}${used.length > 0 ? `?${used.join('&')}` : ''}`.slice(0, PAGE_PATH_LIMIT);
  const marks = [...others].sort().join('&');
  return { pagePath, view: `${pagePath}${marks ? ` (${marks})` : ''}#${sections.join(',')}`.slice(0, VIEW_LIMIT) };
}
