/**
 * Every key the extension keeps in browser storage, in one place. No dependencies: the
 * content script imports it.
 *
 *   local   settings             the user's settings (options page)
 *   local   activeFieldMap       the council's own field map (imported or set by policy), validated by the background
 *   local   activeFieldMapSource where that map came from: "imported" or "policy"
 *   local   activeCouncilPack    the council's own rule pack (imported or set by policy), validated by the background
 *   local   activeCouncilPackSource where that pack came from: "imported" or "policy"
 *   local   readerFieldMap       the map the page reader uses, whatever its source (the bundled one too), written by the background
 *   session currentPage:<window> the case page the panel of that window follows
 *   session currentPage          the case page of the window last used (a panel opened as a page follows it)
 *   session page:<tab>           the case page last read in a tab
 *   session storeProblem         why the last read could not be saved (the browser's storage is full), or absent
 */
export const SETTINGS_KEY = 'settings';
export const ACTIVE_MAP_KEY = 'activeFieldMap';
export const ACTIVE_MAP_SOURCE_KEY = 'activeFieldMapSource';
/** The council's own pack last put in force (its JSON), kept so a bad new one never replaces it. */
export const ACTIVE_PACK_KEY = 'activeCouncilPack';
export const ACTIVE_PACK_SOURCE_KEY = 'activeCouncilPackSource';
/**
 * The map the page reader uses: always stored, so the content script carries no map of
 * its own (the demo map was a fifth of its size). Written by the background only, from
 * the validated config; never read back as a council's map.
 */
export const READER_MAP_KEY = 'readerFieldMap';

/** Set when a read could not be saved because the browser's storage for the extension is full. */
export const STORE_PROBLEM_KEY = 'storeProblem';

/** The case page of the window last used. */
export const CURRENT_KEY = 'currentPage';

/** The page a window's panel shows: the case page in that window's active tab. */
export function currentPageKey(windowId: number): string {
  return `currentPage:${windowId}`;
}

/** The case page last read in a tab. */
export function tabPageKey(tabId: number): string {
  return `page:${tabId}`;
}

/**
 * Which page a panel follows. The side panel follows the active tab of its own window; a
 * panel page opened in a tab of its own (demo, tests) follows `?window=<id>` when given,
 * else the window last used.
 */
export function followedPageKey(query: string, ownWindowId: number | undefined, openedAsTab: boolean): string {
  const asked = new URLSearchParams(query).get('window');
  if (asked !== null && /^\d{1,10}$/.test(asked)) return currentPageKey(Number(asked));
  if (openedAsTab || ownWindowId === undefined) return CURRENT_KEY;
  return currentPageKey(ownWindowId);
}
