/**
 * The one place that works out what is in force from the user's settings and the
 * organisation's policy, keeping the last good field map when a new one is bad. The
 * background, the panel and the options page all call `loadActiveConfig`, so they agree
 * on the map in use; the content script reads only the map the background stored.
 */
import { effectiveSettings, manifestOrigins, type EffectiveSettings } from '../settings';
import { ACTIVE_MAP_SOURCE_KEY, ACTIVE_PACK_KEY, ACTIVE_PACK_SOURCE_KEY, READER_MAP_KEY, RETIRED_MAP_KEY, SETTINGS_KEY, SETTINGS_PROBLEM_KEY } from './keys';
import { loadCouncilPack, loadCouncilPackText } from '../rules/council/load';
import { validateFieldMap, validateFieldMapText } from '../adapters/map-checks';
import type { FieldMap } from '../adapters/field-map-schema';
import bundledMap from '../adapters/maps/lcs-demo.json';
import { parseHolidayFeed, bundledHolidayDates } from '../calendar';
import type { SchemaProblem } from '../model';

export interface ActiveConfig extends EffectiveSettings {
  fieldMap: FieldMap;
  fieldMapSource: FieldMapSource;
  fieldMapProblems: SchemaProblem[];
  /** A newer map was refused (fieldMapProblems say why): the last good one stays in use. */
  fieldMapKept: boolean;
  /** The council's own pack in force (settings.councilPack holds its JSON), and where it came from. */
  councilPack?: { id: string; name: string; version: string; source: CouncilPackSource };
  councilPackProblems: SchemaProblem[];
  /** A newer council pack was refused (councilPackProblems say why): the last good one stays in use. */
  councilPackKept: boolean;
  holidayDates: readonly string[];
  holidaySource: 'bundled' | 'imported' | 'policy';
  holidayProblems: SchemaProblem[];
  /** The browser's words when the map in force could not be stored (the panel and options page say so). */
  saveProblem?: string;
}

export type FieldMapSource = 'bundled' | 'imported' | 'policy';
export type CouncilPackSource = 'imported' | 'policy';

let bundled: FieldMap | undefined;
export function bundledFieldMap(): FieldMap {
  if (bundled) return bundled;
  const result = validateFieldMap(bundledMap);
  if (!result.ok) throw new Error('the bundled field map is invalid');
  return (bundled = result.map);
}

export interface LastGoodMap {
  map: FieldMap;
  source: FieldMapSource;
}

/** The council pack the background last put in force: its JSON, checked, and where it came from. */
export interface LastGoodPack {
  json: unknown;
  source: CouncilPackSource;
}

/**
 * The council's own pack in force: a new one that passes its checks, else the last good one
 * (a bad new pack never replaces it), else none. `settings.councilPack` is set to its JSON.
 */
function councilPackInForce(
  given: unknown,
  fromPolicy: boolean,
  lastGood: LastGoodPack | undefined,
): Pick<ActiveConfig, 'councilPack' | 'councilPackProblems' | 'councilPackKept'> & { json?: unknown } {
  if (given === undefined) return { councilPackProblems: [], councilPackKept: false };
  // Text here is policy JSON that did not parse: said as such.
  const result = typeof given === 'string' ? loadCouncilPackText(given) : loadCouncilPack(given);
  if (result.ok) {
    const { id, name, version } = result.doc;
    return { json: given, councilPack: { id, name, version, source: fromPolicy ? 'policy' : 'imported' }, councilPackProblems: [], councilPackKept: false };
  }
  const problems = result.errors.map((e) => ({ path: e.path, message: e.message }));
  const kept = lastGood ? loadCouncilPack(lastGood.json) : undefined;
  if (lastGood && kept?.ok) {
    const { id, name, version } = kept.doc;
    return { json: lastGood.json, councilPack: { id, name, version, source: lastGood.source }, councilPackProblems: problems, councilPackKept: true };
  }
  return { councilPackProblems: problems, councilPackKept: false };
}

/** `builtIn`: the origins the build's manifest grants (lib/settings `manifestOrigins`), the default addresses. */
export function activeConfig(local: unknown, managed: unknown, lastGood?: LastGoodMap, builtIn: readonly string[] = [], lastGoodPack?: LastGoodPack): ActiveConfig {
  const effective = effectiveSettings(local, managed, builtIn);
  const { locked } = effective;
  const own = councilPackInForce(effective.settings.councilPack, locked.includes('councilPack'), lastGoodPack);
  const { json: ownJson, ...ownStatus } = own;
  // Only a pack that passed its checks is ever handed on: the checks (lib/verdict/checks.ts) build it from here.
  const settings = { ...effective.settings, councilPack: ownJson };
  if (ownJson === undefined) delete settings.councilPack;
  let fieldMap = bundledFieldMap();
  let fieldMapSource: ActiveConfig['fieldMapSource'] = 'bundled';
  const fieldMapProblems: SchemaProblem[] = [];
  let fieldMapKept = false;
  if (settings.fieldMap === undefined && lastGood?.source === 'imported') {
    // An imported map is stored once, where the reader reads it (READER_MAP_KEY), not in the settings.
    fieldMap = lastGood.map;
    fieldMapSource = 'imported';
  } else if (settings.fieldMap !== undefined) {
    // Text here is policy JSON that did not parse: said as such.
    const result = typeof settings.fieldMap === 'string' ? validateFieldMapText(settings.fieldMap) : validateFieldMap(settings.fieldMap);
    if (result.ok) {
      fieldMap = result.map;
      fieldMapSource = locked.includes('fieldMap') ? 'policy' : 'imported';
    } else {
      fieldMapProblems.push(...result.errors.map((e) => ({ path: e.path, message: e.message })));
      // A bad new map never replaces the one in use: the last good map stays.
      if (lastGood) {
        fieldMap = lastGood.map;
        fieldMapSource = lastGood.source;
        fieldMapKept = true;
      }
    }
  }
  let holidayDates: readonly string[] = bundledHolidayDates;
  let holidaySource: ActiveConfig['holidaySource'] = 'bundled';
  const holidayProblems: SchemaProblem[] = [];
  if (settings.holidayFeed !== undefined) {
    const feed = parseHolidayFeed(settings.holidayFeed);
    if (feed.ok) {
      holidayDates = feed.holidays.map((h) => h.date);
      holidaySource = locked.includes('holidayFeed') ? 'policy' : 'imported';
    } else {
      holidayProblems.push(...feed.errors.map((e) => ({ path: e.path, message: e.message })));
    }
  }
  return { ...effective, settings, fieldMap, fieldMapSource, fieldMapProblems, fieldMapKept, ...ownStatus, holidayDates, holidaySource, holidayProblems };
}

/** The parts of the browser's storage the configuration is read from. */
export interface ConfigStorage {
  local: { get(keys: string[]): Promise<Record<string, unknown>> };
  managed?: { get(keys: null): Promise<Record<string, unknown>> };
  session?: { get(keys: string[]): Promise<Record<string, unknown>> };
}

/** What the extension can tell about itself: its storage and its manifest (for the build's own origins). */
export interface ConfigSource {
  storage: ConfigStorage;
  runtime: { getManifest(): { host_permissions?: readonly string[]; permissions?: readonly unknown[] } };
}

/** The organisation's policy; empty where there is none (or the browser has no managed storage for us). */
export async function readManaged(storage: ConfigStorage): Promise<unknown> {
  try {
    return (await storage.managed?.get(null)) ?? {};
  } catch {
    return {};
  }
}

/** The map in force as stored (READER_MAP_KEY), checked again: storage could have been changed by hand. */
export function lastGoodMap(local: Record<string, unknown>): LastGoodMap | undefined {
  const source = local[ACTIVE_MAP_SOURCE_KEY];
  if (source !== 'policy' && source !== 'imported') return undefined;
  const checked = validateFieldMap(local[READER_MAP_KEY]);
  if (!checked.ok) return undefined;
  return { map: checked.map, source };
}

/** The council pack the background last put in force (checked again when it is used). */
export function lastGoodPack(local: Record<string, unknown>): LastGoodPack | undefined {
  const json = local[ACTIVE_PACK_KEY];
  if (json === undefined) return undefined;
  return { json, source: local[ACTIVE_PACK_SOURCE_KEY] === 'policy' ? 'policy' : 'imported' };
}

/** What is in force now: the same answer in the background, the panel and the options page. */
export async function loadActiveConfig({ storage, runtime }: ConfigSource): Promise<ActiveConfig> {
  const [local, managed, session] = await Promise.all([
    storage.local.get([SETTINGS_KEY, READER_MAP_KEY, ACTIVE_MAP_SOURCE_KEY, ACTIVE_PACK_KEY, ACTIVE_PACK_SOURCE_KEY]),
    readManaged(storage),
    storage.session?.get([SETTINGS_PROBLEM_KEY]).catch(() => ({})) ?? Promise.resolve({}),
  ]);
  const config = activeConfig(local[SETTINGS_KEY], managed, lastGoodMap(local), builtInOrigins(runtime), lastGoodPack(local));
  const problem = (session as Record<string, unknown>)[SETTINGS_PROBLEM_KEY];
  return typeof problem === 'string' && problem !== '' ? { ...config, saveProblem: problem } : config;
}

/** The part of the browser's storage the map in force is kept in. */
export interface MapStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The browser's words for a failed write, e.g. "Resource::kQuotaBytes quota exceeded". */
function errorWords(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300) || 'the browser gave no reason';
}

/**
 * The background's part: stores the map in force once (READER_MAP_KEY, where the reader
 * reads it), only when it is not already stored; moves a map an earlier version kept in the
 * settings out of them; removes the second copy earlier versions kept. Returns the
 * browser's words when a write fails (the panel says "Settings could not be saved: …"),
 * never throws: the settings in force stay usable whatever the storage does.
 */
export async function storeMapInForce(local: MapStorage, config: Pick<ActiveConfig, 'fieldMap' | 'fieldMapSource'>): Promise<string | null> {
  try {
    const stored = await local.get([READER_MAP_KEY, ACTIVE_MAP_SOURCE_KEY, SETTINGS_KEY, RETIRED_MAP_KEY]);
    if (stored[ACTIVE_MAP_SOURCE_KEY] !== config.fieldMapSource || JSON.stringify(stored[READER_MAP_KEY]) !== JSON.stringify(config.fieldMap)) {
      await local.set({ [READER_MAP_KEY]: config.fieldMap, [ACTIVE_MAP_SOURCE_KEY]: config.fieldMapSource });
    }
    const settings = stored[SETTINGS_KEY];
    if (settings && typeof settings === 'object' && 'fieldMap' in settings) {
      const { fieldMap: _moved, ...rest } = settings as Record<string, unknown>;
      await local.set({ [SETTINGS_KEY]: rest });
    }
    if (RETIRED_MAP_KEY in stored) await local.remove([RETIRED_MAP_KEY]);
    return null;
  } catch (error) {
    return errorWords(error);
  }
}

/**
 * The options page's part: a map the user imported, once validated, is stored once, where
 * the reader reads it. Throws the browser's words when the write fails.
 */
export async function storeImportedMap(local: MapStorage, map: FieldMap): Promise<void> {
  const { [SETTINGS_KEY]: settings } = await local.get([SETTINGS_KEY]);
  try {
    await local.set({ [READER_MAP_KEY]: map, [ACTIVE_MAP_SOURCE_KEY]: 'imported' });
    if (settings && typeof settings === 'object' && 'fieldMap' in settings) {
      const { fieldMap: _moved, ...rest } = settings as Record<string, unknown>;
      await local.set({ [SETTINGS_KEY]: rest });
    }
  } catch (error) {
    throw new Error(errorWords(error));
  }
}

/** The case system origins this build's manifest grants: the demo origins in the demo build, none in production. */
export function builtInOrigins(runtime: ConfigSource['runtime']): string[] {
  return manifestOrigins(runtime.getManifest());
}

const SOURCE_WORDS: Record<FieldMapSource, string> = {
  bundled: 'the built-in demo map',
  imported: 'imported in the options page',
  policy: 'set by your organisation',
};

/** Which field map is in use and where it came from, in a sentence (panel), with what went wrong, if anything. */
export function fieldMapInUse(config: Pick<ActiveConfig, 'fieldMap' | 'fieldMapSource' | 'fieldMapKept' | 'fieldMapProblems' | 'locked' | 'saveProblem'>): string {
  const { fieldMap, fieldMapSource, fieldMapKept, fieldMapProblems, locked, saveProblem } = config;
  const what = `Field map in use: ${fieldMap.id} version ${fieldMap.version}, ${SOURCE_WORDS[fieldMapSource]}.`;
  const first = fieldMapProblems[0];
  const refused = first && !fieldMapKept && locked.includes('fieldMap') ? ` The map set by your organisation was not used: ${first.path} ${first.message}.` : '';
  const kept = fieldMapKept ? ` A newer map has mistakes, so this one stays in use until it is fixed${first ? ` (${first.path} ${first.message})` : ''}.` : '';
  const unsaved = saveProblem ? ` Settings could not be saved: ${saveProblem}. Pages are read with the map saved before; clear stored data in the options page, or ask IT.` : '';
  return `${what}${kept}${refused}${unsaved}`;
}

const PACK_SOURCE_WORDS: Record<CouncilPackSource, string> = {
  imported: 'imported in the options page',
  policy: 'set by your organisation',
};

/** Which council pack is in use and where it came from, in a sentence; null when the procedure is a shipped one. */
export function councilPackInUse(config: Pick<ActiveConfig, 'councilPack' | 'councilPackKept' | 'settings'>): string | null {
  const own = config.councilPack;
  if (!own || config.settings.packId !== own.id) return null;
  const what = `Procedure in use: ${own.name}, your council’s pack version ${own.version}, ${PACK_SOURCE_WORDS[own.source]}.`;
  return config.councilPackKept ? `${what} A newer pack has mistakes, so this one stays in use until it is fixed.` : what;
}

/** Does a storage change alter what is in force? (The background: settings, the stored map, policy.) */
export function configSourceChanged(changes: Record<string, unknown>, area: string): boolean {
  return area === 'managed' || (area === 'local' && [SETTINGS_KEY, READER_MAP_KEY, ACTIVE_MAP_SOURCE_KEY, ACTIVE_PACK_KEY, ACTIVE_PACK_SOURCE_KEY].some((k) => k in changes));
}

/** Does a storage change alter what the panel and options page show? (Also: the map could not be stored.) */
export function configChanged(changes: Record<string, unknown>, area: string): boolean {
  return configSourceChanged(changes, area) || (area === 'session' && SETTINGS_PROBLEM_KEY in changes);
}

export * from './keys';
