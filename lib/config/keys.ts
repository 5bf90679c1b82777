/**
 * Every key the extension keeps in browser storage, in one place. No dependencies: the
 * content script imports it.
 *
 *   local   settings             the user's settings (options page); never a field map (one imported before is moved out)
 *   local   readerFieldMap       the one stored copy of the field map in force, whatever its source (the bundled one too):
 *                                the page reader reads it; a council's map kept here is the last good one
 *   local   activeFieldMapSource where that map came from: "bundled", "imported" or "policy"
 *   local   activeCouncilPack    the council's own rule pack (imported or set by policy), validated by the background
 *   local   activeCouncilPackSource where that pack came from: "imported" or "policy"
 *   session currentPage:<window> the case page the panel of that window follows
 *   session currentPage          the case page of the window last used (a panel opened as a page follows it)
 *   session page:<tab>           the case page last read in a tab
 *   session storeProblem         why the last read could not be saved (the browser's storage is full), or absent
 *   session settingsProblem      why the map in force could not be stored (the browser's error), or absent
 */
export const SETTINGS_KEY = 'settings';
export const ACTIVE_MAP_SOURCE_KEY = 'activeFieldMapSource';
/** The council's own pack last put in force (its JSON), kept so a bad new one never replaces it. */
export const ACTIVE_PACK_KEY = 'activeCouncilPack';
export const ACTIVE_PACK_SOURCE_KEY = 'activeCouncilPackSource';
/**
 * The one stored copy of the field map in force (issue 24: a map was once stored three
 * times over, and a big one filled the browser's storage). The page reader reads it, so
 * the content script carries no map of its own; the options page writes an imported map
 * here once validated, the background the bundled or policy map.
 */
export const READER_MAP_KEY = 'readerFieldMap';
/** Where earlier versions kept a second copy of a council's map: removed when found. */
export const RETIRED_MAP_KEY = 'activeFieldMap';

/** Set (to the browser's words) when the map in force could not be stored: the panel says so. */
export const SETTINGS_PROBLEM_KEY = 'settingsProblem';

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
