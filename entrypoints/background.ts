/**
 * Background service worker: checks every message, merges facts into the stored
 * record, keeps the settings in force, and expires old records. It may be stopped
 * at any time: listeners are registered at the top level of main(), state lives in
 * IndexedDB and session storage, nothing in globals that matters.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CompanionDb, deleteExpired } from '../lib/store';
import { handleContentMessage, tabActivated, tabNavigated, windowFocused, calendarFor, type ServiceDeps } from '../lib/background/service';
import { ACTIVE_PACK_KEY, ACTIVE_PACK_SOURCE_KEY, SETTINGS_PROBLEM_KEY, builtInOrigins, configSourceChanged, loadActiveConfig, storeMapInForce, type ActiveConfig } from '../lib/config';
import { councilOrigins } from '../lib/settings';
import { READER_SCRIPT, readerWanted } from '../lib/background/inject';
import { checkSetup } from '../lib/verdict/checks';
import { mapReads } from '../lib/verdict/coverage';
import { dailyNotification, nextNine, NUDGE_ALARM, updateBadge, type NudgeDeps } from '../lib/caseload/nudges';
import { dueText } from '../components/format';
import { CASELOAD_PAGE } from '../components/page-wiring';

const RETENTION_ALARM = 'retention';

const COUNCIL_SCRIPT_ID = 'case-system';
// Firefox starts the reader itself (declared in the demo build's manifest, registered for a
// council's origins); Chrome and Edge are given it after each page load (lib/background/inject.ts).
const READER_DECLARED = import.meta.env.FIREFOX;

/**
 * Firefox: runs the reader on the council's own case system origins, where the browser has
 * granted access. Chrome and Edge: drops a registration an earlier version may have left.
 */
async function syncContentScripts(origins: readonly string[]): Promise<void> {
  if (!browser.scripting?.registerContentScripts) return;
  await browser.scripting.unregisterContentScripts({ ids: [COUNCIL_SCRIPT_ID] }).catch(() => undefined);
  if (!READER_DECLARED) return;
  const granted: string[] = [];
  for (const origin of councilOrigins(origins, builtInOrigins(browser.runtime))) {
    if (await browser.permissions.contains({ origins: [origin] }).catch(() => false)) granted.push(origin);
  }
  if (granted.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: COUNCIL_SCRIPT_ID, matches: granted, js: [READER_SCRIPT], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/**
 * Puts the reader into every frame of the tab (frames it already runs in keep theirs; frames
 * on sites we have no access to are skipped by the browser). Fails quietly where the
 * browser has not granted access to the case system yet.
 */
async function injectReader(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [`/${READER_SCRIPT}` as const] }).catch(() => undefined);
}

async function storeCouncilPack(config: ActiveConfig): Promise<void> {
  const local = browser.storage.local;
  if (config.councilPack && config.settings.councilPack !== undefined) {
    const stored = await local.get([ACTIVE_PACK_KEY, ACTIVE_PACK_SOURCE_KEY]);
    if (JSON.stringify(stored[ACTIVE_PACK_KEY]) !== JSON.stringify(config.settings.councilPack) || stored[ACTIVE_PACK_SOURCE_KEY] !== config.councilPack.source) {
      await local.set({ [ACTIVE_PACK_KEY]: config.settings.councilPack, [ACTIVE_PACK_SOURCE_KEY]: config.councilPack.source });
    }
  } else if (config.settings.councilPack === undefined && config.councilPackProblems.length === 0) {
    const stored = await local.get([ACTIVE_PACK_KEY]);
    if (ACTIVE_PACK_KEY in stored) await local.remove([ACTIVE_PACK_KEY, ACTIVE_PACK_SOURCE_KEY]);
  }
}

async function loadConfig(): Promise<ActiveConfig> {
  const config = await loadActiveConfig(browser);
  // The page reader has no map of its own: it reads the one stored copy of the map in force
  // (the bundled map too), validated here or by the options page, and is told when it changes.
  // A write that fails (the browser's storage is full) is said in the panel, never a silent stop.
  const problem = await storeMapInForce(browser.storage.local, config);
  const { [SETTINGS_PROBLEM_KEY]: before } = await browser.storage.session.get(SETTINGS_PROBLEM_KEY).catch(() => ({}) as Record<string, unknown>);
  if ((before ?? null) !== problem) await browser.storage.session.set({ [SETTINGS_PROBLEM_KEY]: problem }).catch(() => undefined);
  // The council's own pack that passed its checks is kept, so a bad new one never replaces it.
  // Written only when it differs: Firefox reports every write as a change, even of the same value.
  await storeCouncilPack(config).catch(() => undefined);
  await syncContentScripts(config.settings.origins).catch(() => undefined);
  return problem ? { ...config, saveProblem: problem } : config;
}

export default defineBackground(() => {
  const db = new CompanionDb();
  let configPromise: Promise<ActiveConfig> | undefined;
  const config = () => (configPromise ??= loadConfig());

  const deps: ServiceDeps = {
    db,
    extensionId: browser.runtime.id,
    settings: async () => (await config()).settings,
    calendar: async () => calendarFor((await config()).holidayDates),
    session: {
      get: (key) => browser.storage.session.get(key),
      set: (items) => browser.storage.session.set(items),
    },
    ...(READER_DECLARED ? {} : { injectReader }),
  };

  const expire = async () => {
    const { settings } = await config();
    await deleteExpired(db, settings.retentionDays, Date.now());
  };

  // Nudges: the toolbar badge counts assessments due soon or overdue; a daily notification if turned on.
  const nudgeDeps: NudgeDeps = {
    db,
    settings: async () => (await config()).settings,
    setup: async () => {
      const c = await config();
      return checkSetup(c.settings, calendarFor(c.holidayDates), undefined, mapReads(c.fieldMap));
    },
    dueWords: (next) => dueText(next.countdown),
    async setBadge(text, colour, title) {
      // Firefox's Manifest V2 build calls the toolbar button browserAction.
      const button = browser.action ?? browser.browserAction;
      await button.setBadgeText({ text });
      await button.setBadgeBackgroundColor({ color: colour });
      await button.setTitle({ title });
    },
    async notify(id, title, message) {
      await browser.notifications?.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/nudge-icon.png'), title, message });
    },
  };
  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  // Reads come in bursts while a worker moves through the form: one badge update per burst.
  const badgeSoon = () => {
    if (badgeTimer !== undefined) return;
    badgeTimer = setTimeout(() => {
      badgeTimer = undefined;
      void updateBadge(nudgeDeps).catch(() => undefined);
    }, 2_000);
  };
  const scheduleDaily = async () => {
    const { settings } = await config();
    const alarm = await browser.alarms.get(NUDGE_ALARM);
    if (!settings.dailyNotification) {
      if (alarm) await browser.alarms.clear(NUDGE_ALARM);
    } else if (!alarm) {
      await browser.alarms.create(NUDGE_ALARM, { when: nextNine(Date.now()), periodInMinutes: 24 * 60 });
    }
  };

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    handleContentMessage(deps, message, sender)
      .then((result) => {
        if (result.ok && (message as { type?: unknown }).type === 'facts') badgeSoon();
        sendResponse(result.ok ? (result.reply ?? { ok: true }) : { error: result.error });
      })
      .catch((error: unknown) => sendResponse({ error: String(error) }));
    return true; // reply is sent asynchronously
  });

  browser.permissions.onAdded.addListener(() => {
    configPromise = undefined;
    void config();
  });

  // Chrome and Edge: start the reader once a case system page has loaded, never holding up its load.
  if (!READER_DECLARED) {
    browser.tabs.onUpdated.addListener((tabId, change, tab) => {
      // Without the tabs permission the browser gives us the address only on sites we may read.
      if (change.status !== 'complete') return;
      void config().then(({ settings }) => (readerWanted(change, tab.url, settings.origins) ? injectReader(tabId) : undefined));
    });
  }

  // A tab that leaves the case system: its panel stops showing the case it was on.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading' || change.url !== undefined) void tabNavigated(deps, tabId, change.url ?? tab.url, tab);
  });

  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    void tabActivated(deps, tabId, windowId);
  });

  browser.windows?.onFocusChanged.addListener((windowId) => {
    if (windowId >= 0) void windowFocused(deps, windowId);
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (configSourceChanged(changes, area)) {
      configPromise = undefined;
      void config();
      void scheduleDaily();
      badgeSoon();
    }
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void expire().then(badgeSoon);
    if (alarm.name === NUDGE_ALARM) void dailyNotification(nudgeDeps).catch(() => undefined);
  });

  // The daily retention check: made again at each start, as browsers may drop alarms on restart.
  void browser.alarms.get(RETENTION_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60 });
  });

  // Chrome and Edge: the toolbar button opens the side panel. Firefox uses its sidebar.
  if (browser.sidePanel?.setPanelBehavior) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  }

  // The toolbar menu: open the caseload page.
  const menus = browser.contextMenus;
  browser.runtime.onInstalled.addListener(() => {
    try {
      menus?.create({ id: 'caseload', title: 'Open the caseload', contexts: [browser.action ? 'action' : 'browser_action'] }, () => void browser.runtime.lastError);
    } catch {
      // A browser without a toolbar-button menu: the caseload is still opened from the panel.
    }
  });
  menus?.onClicked.addListener((info) => {
    if (info.menuItemId === 'caseload') void browser.tabs.create({ url: browser.runtime.getURL(CASELOAD_PAGE) });
  });
  browser.notifications?.onClicked.addListener(() => void browser.tabs.create({ url: browser.runtime.getURL(CASELOAD_PAGE) }));

  // Each start: expire old records and make sure the content script has the map in force.
  void expire().then(badgeSoon);
  void scheduleDaily();
});
