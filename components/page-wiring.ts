// What the panel and the caseload page both do with the extension: read the settings in
// force, open the caseload, and record acknowledgements. Only these two pages use it.
import { mapReads } from '../lib/verdict/coverage';
import { browser } from 'wxt/browser';
import { configChanged, loadActiveConfig, type ActiveConfig } from '../lib/config';
import { calendarFor } from '../lib/background/service';
import { factSections } from '../lib/adapters/fact-sections';
import { checkSetup, type CheckSetup } from '../lib/verdict/checks';
import { acceptException, acknowledge, undoAcknowledgement, type CompanionDb } from '../lib/store';
import { acknowledgementKey, type Item, type ReasonCode } from '../lib/acknowledgements';
import { acceptanceIsManagers } from '../lib/settings';

/** The settings in force: the same answer as the background's (lib/config). */
export function loadConfig(): Promise<ActiveConfig> {
  return loadActiveConfig(browser);
}

/** Calls back with the settings in force now and whenever the user or policy changes them. */
export function watchConfig(onConfig: (config: ActiveConfig) => void): () => void {
  void loadConfig().then(onConfig);
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (configChanged(changes, area)) void loadConfig().then(onConfig);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export function setupFor(config: ActiveConfig): CheckSetup | null {
  return checkSetup(config.settings, calendarFor(config.holidayDates), factSections(config.fieldMap), mapReads(config.fieldMap));
}

export const CASELOAD_PAGE = '/caseload.html';

export function openCaseload(): void {
  void browser.tabs.create({ url: browser.runtime.getURL(CASELOAD_PAGE) });
}

/**
 * Acknowledge, undo and accept, for one assessment record, as the role in the settings;
 * with where the council's case system records exceptions, when its map says.
 */
export function acknowledgementActions(db: CompanionDb, recordKey: string, config: Pick<ActiveConfig, 'settings' | 'locked' | 'fieldMap'>, today: () => string) {
  const role = config.settings.role;
  const acceptedBy = acceptanceIsManagers(config) ? 'policy-manager' : 'this-profile';
  const places = config.fieldMap.exceptions;
  return {
    role,
    ...(places ? { places: { recordIn: places.recordIn, acceptIn: places.acceptIn } } : {}),
    acknowledge: (item: Item, reason: ReasonCode) => void acknowledge(db, { recordKey, item, reason, role, on: today(), acceptedBy }),
    undo: (item: Item) => void undoAcknowledgement(db, acknowledgementKey(recordKey, item)),
    accept: (item: Item, reason: ReasonCode) => {
      if (role === 'manager') void acceptException(db, { recordKey, item, reason, role, on: today(), acceptedBy });
    },
  } as const;
}
