/**
 * What the background does with each message, with the browser passed in so the
 * logic runs under test in node (fake-indexeddb). The entrypoint only wires events.
 */
import { ContentToBackgroundSchema, type CurrentPage, type FactsMessage, type TrayBadge } from '../messages';
import { mergeFacts, getStoredMany, recordKey, saveTray, type CompanionDb } from '../store';
import { checkSetup, runChecks } from '../verdict/checks';
import { RUNNING_STATES, stateWords } from '../verdict/deadline-states';
import { headlineDeadline } from '../verdict/headline';
import { createCalendar, formatDateTime, formatLongDate, type WorkingDayCalendar } from '../calendar';
import type { Settings } from '../settings';
import type { FactUpdate } from '../model';
import { CURRENT_KEY, STORE_PROBLEM_KEY, currentPageKey, tabPageKey } from '../config/keys';

export { CURRENT_KEY };

export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; windowId?: number; active?: boolean };
  frameId?: number;
}

export interface ServiceDeps {
  db: CompanionDb;
  extensionId: string;
  settings: () => Promise<Settings>;
  calendar: () => Promise<WorkingDayCalendar>;
  session: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  now?: () => number;
  /**
   * Puts the page reader into every frame of a tab that does not have it yet. Only where the
   * reader is started after the page has loaded (Chrome and Edge); absent where the manifest
   * declares it (Firefox), as the browser then does it for each frame itself.
   */
  injectReader?: (tabId: number) => Promise<void>;
}

/** Does a URL fall under one of the configured origin patterns (`https://host/*`, `http://*.host/*`)? */
export function originAllowed(url: string | undefined, patterns: readonly string[]): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return patterns.some((pattern) => {
    const m = /^(https?):\/\/(\*\.)?([^/:]+)(?::(\d+))?\/\*$/i.exec(pattern);
    if (!m) return false;
    const [, scheme, wildcard, host, port] = m;
    if (`${scheme}:` !== parsed.protocol) return false;
    if (port && port !== parsed.port) return false;
    const hostname = parsed.hostname.toLowerCase();
    const wanted = (host ?? '').toLowerCase();
    return wildcard ? hostname === wanted || hostname.endsWith(`.${wanted}`) : hostname === wanted;
  });
}


export type HandleResult = { ok: true; reply?: unknown } | { ok: false; error: string };

export async function handleContentMessage(deps: ServiceDeps, message: unknown, sender: Sender): Promise<HandleResult> {
  if (sender.id !== deps.extensionId) return { ok: false, error: 'sender is not this extension' };
  const settings = await deps.settings();
  if (!originAllowed(sender.url, settings.origins)) return { ok: false, error: 'sender page is not on a configured case system origin' };
  const parsed = ContentToBackgroundSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: 'message failed validation' };
  const msg = parsed.data;
  const now = deps.now?.() ?? Date.now();
  const tabId = sender.tab?.id;

  if (msg.type === 'facts') {
    const merged = await saveRead(deps, () => mergeFacts(deps.db, {
      caseSystem: msg.caseSystem,
      assessmentId: msg.assessmentId,
      ...(msg.personId ? { personId: msg.personId } : {}),
      ...(msg.section ? { section: msg.section } : {}),
      pagePath: msg.pagePath,
      ...(msg.view ? { view: msg.view } : {}),
      ...(msg.topFrame && sender.url ? { pageUrl: `${new URL(sender.url).origin}${msg.pagePath}` } : {}),
      facts: msg.facts as FactUpdate[],
      provenance: msg.provenance,
      notFound: msg.notFound.map((n) => n.fact),
      ...(msg.complete !== undefined ? { complete: msg.complete } : {}),
      ...(msg.shown ? { shown: msg.shown } : {}),
      ...(msg.gone ? { gone: msg.gone } : {}),
      ...(msg.cut ? { cut: msg.cut } : {}),
      now,
    }));
    if (!merged.ok) return merged;
    const { stored } = merged.result;
    // A read in parts: until its last part the panel says the page is still being read (never a verdict on half a household).
    if (tabId !== undefined && msg.topFrame) await setCurrent(deps, sender, msg.reading ? { ...assessmentPage(tabId, sender, msg, now), reading: msg.reading, partsToCome: true } : assessmentPage(tabId, sender, msg, now));
    return { ok: true, reply: { stored: stored.key } };
  }
  if (msg.type === 'reading') {
    // The first read of a large page is still going: the panel follows the page and says how far it has got.
    if (tabId !== undefined) await setCurrent(deps, sender, { ...assessmentPage(tabId, sender, msg, now), reading: { people: msg.people, fields: msg.fields } });
    return { ok: true };
  }
  if (msg.type === 'page') {
    if (tabId !== undefined) {
      await setCurrent(deps, sender, {
        tabId,
        ...(sender.tab?.windowId !== undefined ? { windowId: sender.tab.windowId } : {}),
        state: msg.state,
        at: now,
      });
    }
    return { ok: true };
  }
  if (msg.type === 'in-view') {
    // Only for the assessment page the tab shows, and one of the sections it shows.
    const page = tabId !== undefined ? ((await deps.session.get(tabPageKey(tabId)))[tabPageKey(tabId)] as CurrentPage | undefined) : undefined;
    if (page?.state === 'assessment' && page.assessmentId === msg.assessmentId && page.sections?.includes(msg.section) && page.inView !== msg.section) {
      await setCurrent(deps, sender, { ...page, inView: msg.section, at: now });
    }
    return { ok: true };
  }
  if (msg.type === 'frames-loaded') {
    if (tabId !== undefined && deps.injectReader) await deps.injectReader(tabId);
    return { ok: true };
  }
  // The tray as read, for the caseload (only when the map names its columns), then its badges.
  if (msg.entries) await saveRead(deps, () => saveTray(deps.db, msg.caseSystem, msg.entries ?? [], now));
  // Work tray badges: the next deadline of each assessment we hold a record for.
  const badges = await trayBadges(deps, settings, msg.caseSystem, msg.assessmentIds, now);
  return { ok: true, reply: { badges } };
}

/**
 * Keeps what a tab shows; the panel of the tab's window follows it only while it is the
 * tab the worker is looking at (a tab loading behind another, or in another window, never
 * takes the panel away from the case on screen).
 */
/** The browser's storage for the extension is full (IndexedDB quota): Dexie and the browser name it so. */
function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === 'object' && !seen.has(e); e = (e as { inner?: unknown }).inner) {
    seen.add(e);
    if ((e as { name?: unknown }).name === 'QuotaExceededError') return true;
  }
  return false;
}

/** The assessment page a tab shows, as the panel follows it. */
function assessmentPage(tabId: number, sender: Sender, msg: Pick<FactsMessage, 'caseSystem' | 'assessmentId' | 'section' | 'sections'>, at: number): CurrentPage {
  return {
    tabId,
    ...(sender.tab?.windowId !== undefined ? { windowId: sender.tab.windowId } : {}),
    state: 'assessment',
    caseSystem: msg.caseSystem,
    assessmentId: msg.assessmentId,
    ...(msg.section ? { section: msg.section } : {}),
    ...(msg.sections && msg.sections.length > 1 ? { sections: msg.sections } : {}),
    at,
  };
}

/** Saves a read; a full store is reported to the panel (session storage), never left to crash the worker. */
async function saveRead<T>(deps: ServiceDeps, save: () => Promise<T>): Promise<{ ok: true; result: T } | { ok: false; error: string }> {
  try {
    const result = await save();
    const { [STORE_PROBLEM_KEY]: problem } = await deps.session.get(STORE_PROBLEM_KEY);
    if (problem) await deps.session.set({ [STORE_PROBLEM_KEY]: null });
    return { ok: true, result };
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    await deps.session.set({ [STORE_PROBLEM_KEY]: 'full' });
    return { ok: false, error: 'the browser’s storage for the extension is full' };
  }
}

async function setCurrent(deps: ServiceDeps, sender: Sender, given: CurrentPage): Promise<void> {
  const page = await keepInView(deps, given);
  const items: Record<string, unknown> = { [tabPageKey(page.tabId)]: page };
  if (sender.tab?.active === true) {
    items[CURRENT_KEY] = page;
    if (page.windowId !== undefined) items[currentPageKey(page.windowId)] = page;
  }
  await deps.session.set(items);
}

/** A later read of the same page keeps the section in view it said, while the page still shows it. */
async function keepInView(deps: ServiceDeps, page: CurrentPage): Promise<CurrentPage> {
  if (page.inView !== undefined || page.state !== 'assessment' || !page.sections) return page;
  const before = (await deps.session.get(tabPageKey(page.tabId)))[tabPageKey(page.tabId)] as CurrentPage | undefined;
  const inView = before?.state === 'assessment' && before.assessmentId === page.assessmentId ? before.inView : undefined;
  return inView !== undefined && page.sections.includes(inView) ? { ...page, inView } : page;
}

/**
 * A tab that starts loading a page off the case system (or on a site the browser does not
 * name to us) shows no assessment any more: the panel following it stops showing the case.
 * On the case system the reader there says what the page is.
 */
export async function tabNavigated(deps: ServiceDeps, tabId: number, url: string | undefined, tab: { windowId?: number; active?: boolean }): Promise<void> {
  const settings = await deps.settings();
  if (originAllowed(url, settings.origins)) return;
  const found = (await deps.session.get(tabPageKey(tabId)))[tabPageKey(tabId)] as CurrentPage | undefined;
  if (!found || found.state === 'unrecognised') return;
  const windowId = tab.windowId ?? found.windowId;
  const page: CurrentPage = { tabId, ...(windowId !== undefined ? { windowId } : {}), state: 'unrecognised', at: deps.now?.() ?? Date.now() };
  await setCurrent(deps, { tab: { id: tabId, ...(windowId !== undefined ? { windowId } : {}), ...(tab.active !== undefined ? { active: tab.active } : {}) } }, page);
}

/** When the worker switches tab, that window's panel follows the case page in it, or shows none. */
export async function tabActivated(deps: ServiceDeps, tabId: number, windowId?: number): Promise<void> {
  const stored = await deps.session.get(tabPageKey(tabId));
  const found = stored[tabPageKey(tabId)] as CurrentPage | undefined;
  const page = found ? { ...found, ...(windowId !== undefined ? { windowId } : {}), at: deps.now?.() ?? Date.now() } : null;
  const items: Record<string, unknown> = {};
  if (windowId !== undefined) items[currentPageKey(windowId)] = page;
  if (page) items[CURRENT_KEY] = page;
  if (Object.keys(items).length > 0) await deps.session.set(items);
}

/** When the worker moves to another window, a panel opened as a page (not beside a window) follows that window's case. */
export async function windowFocused(deps: ServiceDeps, windowId: number): Promise<void> {
  const stored = await deps.session.get(currentPageKey(windowId));
  const page = stored[currentPageKey(windowId)];
  if (page) await deps.session.set({ [CURRENT_KEY]: page });
}

export async function trayBadges(
  deps: ServiceDeps,
  settings: Settings,
  caseSystem: string,
  assessmentIds: readonly string[],
  now: number,
): Promise<TrayBadge[]> {
  const setup = checkSetup(settings, await deps.calendar());
  if (!setup) return [];
  const rows = await getStoredMany(deps.db, assessmentIds.map((id) => recordKey(caseSystem, id)));
  const badges: TrayBadge[] = [];
  for (const row of rows) {
    const evaluation = runChecks(setup, row.record, now);
    // The same headline deadline as the panel and the caseload, when it is one that runs.
    const headline = headlineDeadline(evaluation.countdowns);
    const next = headline?.due && RUNNING_STATES.includes(headline.status) ? headline : undefined;
    const pastUnread = evaluation.countdowns.find((c) => c.status === 'unknown' && c.due && c.due.slice(0, 10) < evaluation.today);
    if (!next && pastUnread?.due) {
      // Its due date has passed but we have not seen whether it was done: say so, never "overdue".
      const when = pastUnread.dueIsTime ? formatDateTime(pastUnread.due) : formatLongDate(pastUnread.due);
      badges.push({
        assessmentId: row.assessmentId,
        text: `Was due ${when}: check`,
        state: 'unknown',
        label: `Assessment Companion: a deadline was due ${when}; open the assessment so the extension can read whether it was met. ${pastUnread.message}`,
      });
      continue;
    }
    if (!next || !next.due) {
      const unread = evaluation.countdowns.some((c) => c.status === 'unknown' || c.status === 'missing');
      badges.push(
        unread
          ? { assessmentId: row.assessmentId, text: 'Deadlines not read yet', state: 'unknown', label: 'Assessment Companion: open the assessment so its deadlines can be read' }
          : evaluation.countdowns.some((c) => c.status === 'met-late')
            ? { assessmentId: row.assessmentId, text: 'Deadlines met (one late)', state: 'met-late', label: 'Assessment Companion: every deadline has been met, at least one late' }
            : evaluation.countdowns.some((c) => c.status === 'met-on-time')
              ? { assessmentId: row.assessmentId, text: 'Deadlines met', state: 'met-on-time', label: 'Assessment Companion: every deadline has been met on time' }
              : { assessmentId: row.assessmentId, text: 'No deadline running', state: 'none', label: 'Assessment Companion: no deadline running' },
      );
      continue;
    }
    const when = next.dueIsTime ? formatDateTime(next.due) : formatLongDate(next.due);
    const words = stateWords(next.status);
    badges.push({
      assessmentId: row.assessmentId,
      text: `${words}: ${when}`,
      state: next.status,
      label: `Assessment Companion: next deadline ${words.toLowerCase()}, ${when}. ${next.message}`,
    });
  }
  return badges;
}

/** A calendar from the settings' bank-holiday feed, or the bundled one. */
export function calendarFor(holidayDates: readonly string[] | undefined): WorkingDayCalendar {
  return createCalendar(holidayDates);
}
