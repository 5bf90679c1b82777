/**
 * What the background does with each message, with the browser passed in so the
 * logic runs under test in node (fake-indexeddb). The entrypoint only wires events.
 */
import { ContentToBackgroundSchema, type CurrentPage, type TrayBadge } from '../messages';
import { mergeFacts, getStoredMany, recordKey, type CompanionDb } from '../store';
import { checkSetup, runChecks } from '../checks';
import { RUNNING_STATES, stateWords } from '../deadline-states';
import { createCalendar, formatDateTime, formatLongDate, type WorkingDayCalendar } from '../calendar';
import type { Settings } from '../settings';
import type { FactUpdate } from '../model';

export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; windowId?: number };
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

export const CURRENT_KEY = 'currentPage';
const pageKey = (tabId: number) => `page:${tabId}`;

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
    const { stored } = await mergeFacts(deps.db, {
      caseSystem: msg.caseSystem,
      assessmentId: msg.assessmentId,
      ...(msg.personId ? { personId: msg.personId } : {}),
      ...(msg.section ? { section: msg.section } : {}),
      pagePath: msg.pagePath,
      ...(msg.topFrame && sender.url ? { pageUrl: `${new URL(sender.url).origin}${msg.pagePath}` } : {}),
      facts: msg.facts as FactUpdate[],
      provenance: msg.provenance,
      notFound: msg.notFound.map((n) => n.fact),
      now,
    });
    if (tabId !== undefined && msg.topFrame) {
      await setCurrent(deps, {
        tabId,
        ...(sender.tab?.windowId !== undefined ? { windowId: sender.tab.windowId } : {}),
        state: 'assessment',
        caseSystem: msg.caseSystem,
        assessmentId: msg.assessmentId,
        ...(msg.section ? { section: msg.section } : {}),
        ...(msg.sections && msg.sections.length > 1 ? { sections: msg.sections } : {}),
        at: now,
      });
    }
    return { ok: true, reply: { stored: stored.key } };
  }
  if (msg.type === 'page') {
    if (tabId !== undefined) {
      await setCurrent(deps, {
        tabId,
        ...(sender.tab?.windowId !== undefined ? { windowId: sender.tab.windowId } : {}),
        state: msg.state,
        at: now,
      });
    }
    return { ok: true };
  }
  if (msg.type === 'frames-loaded') {
    if (tabId !== undefined && deps.injectReader) await deps.injectReader(tabId);
    return { ok: true };
  }
  // Work tray badges: the next deadline of each assessment we hold a record for.
  const badges = await trayBadges(deps, settings, msg.caseSystem, msg.assessmentIds, now);
  return { ok: true, reply: { badges } };
}

async function setCurrent(deps: ServiceDeps, page: CurrentPage): Promise<void> {
  await deps.session.set({ [CURRENT_KEY]: page, [pageKey(page.tabId)]: page });
}

/** When the worker switches tab, the panel follows the case page in that tab. */
export async function tabActivated(deps: ServiceDeps, tabId: number): Promise<void> {
  const stored = await deps.session.get(pageKey(tabId));
  const page = stored[pageKey(tabId)] as CurrentPage | undefined;
  if (page) await deps.session.set({ [CURRENT_KEY]: { ...page, at: deps.now?.() ?? Date.now() } });
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
    const open = evaluation.countdowns
      .filter((c) => c.due && RUNNING_STATES.includes(c.status))
      .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
    const next = open.find((c) => c.status === 'overdue') ?? open[0];
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
