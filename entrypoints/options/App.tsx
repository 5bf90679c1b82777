import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsForm, type ImportProblem, type LockableSetting } from '../../components/OptionsForm';
import { SETTINGS_KEY, builtInOrigins, configChanged, loadActiveConfig, storeImportedMap, type ActiveConfig } from '../../lib/config';
import { loadCouncilPackText } from '../../lib/rules/council/load';
import { packFor } from '../../lib/verdict/checks';
import { validateFieldMapText } from '../../lib/adapters/map-checks';
import { parseHolidayFeedText, createCalendar } from '../../lib/calendar';
import { PACKS, PACK_IDS } from '../../lib/rules';
import { CompanionDb, allAcknowledgements, allStored, clearAll, deleteAssessment, summarise, type StoreSummary } from '../../lib/store';
import { storedAssessmentFile, storedAssessments, type StoredAssessment } from '../../lib/store/stored-assessments';
import { councilOrigins, type Settings, type SettingKey } from '../../lib/settings';
import { resolveParams } from '../../lib/rules';

const db = new CompanionDb();

const LOCK_NAMES: Record<LockableSetting, SettingKey> = {
  pack: 'packId',
  councilPack: 'councilPack',
  fieldMap: 'fieldMap',
  origins: 'origins',
  retention: 'retentionDays',
  holidays: 'holidayFeed',
  role: 'role',
  nudgeDays: 'nudgeWorkingDays',
  dailyNotification: 'dailyNotification',
  inspectMode: 'inspectMode',
};

async function readUserSettings(): Promise<Partial<Settings>> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const value = stored[SETTINGS_KEY];
  return value && typeof value === 'object' ? (value as Partial<Settings>) : {};
}

async function saveUserSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  const current = await readUserSettings();
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...current, [key]: value } });
}

/** Saves a file made here through the browser: nothing leaves the computer. */
function saveFile(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Origin patterns (`https://host/*`) ↔ the plain addresses the form shows (`https://host`). */
const toAddress = (pattern: string) => pattern.replace(/\/\*$/, '');
const toPattern = (address: string) => `${address.replace(/\/+$/, '')}/*`;

export function OptionsApp() {
  const [config, setConfig] = useState<ActiveConfig | null>(null);
  const [summary, setSummary] = useState<StoreSummary>({ assessments: 0, oldestUpdatedAt: null, newestUpdatedAt: null });
  const [fieldMapErrors, setFieldMapErrors] = useState<ImportProblem[]>([]);
  const [holidayErrors, setHolidayErrors] = useState<ImportProblem[]>([]);
  const [councilPackErrors, setCouncilPackErrors] = useState<ImportProblem[]>([]);
  const [ungranted, setUngranted] = useState<string[]>([]);
  const [assessments, setAssessments] = useState<StoredAssessment[]>([]);

  const refresh = async () => {
    const next = await loadActiveConfig(browser);
    setConfig(next);
    setSummary(await summarise(db));
    const [rows, acks] = await Promise.all([allStored(db), allAcknowledgements(db)]);
    setAssessments(storedAssessments(rows, acks));
    // Addresses set (for example by policy) that this browser has not yet let us read.
    const missing: string[] = [];
    for (const origin of councilOrigins(next.settings.origins, builtInOrigins(browser.runtime))) {
      if (!(await browser.permissions.contains({ origins: [origin] }).catch(() => false))) missing.push(origin);
    }
    setUngranted(missing);
  };

  useEffect(() => {
    void refresh();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (configChanged(changes, area)) void refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  if (!config) return <p>Loading settings…</p>;
  const { settings } = config;
  const locked = Object.fromEntries(
    (Object.keys(LOCK_NAMES) as LockableSetting[]).map((k) => [k, config.locked.includes(LOCK_NAMES[k])]),
  ) as Partial<Record<LockableSetting, boolean>>;
  const calendar = createCalendar(config.holidayDates);
  const pack = packFor(settings);
  const params = pack ? resolveParams(pack, settings.packParams) : ({ ok: true } as const);
  const settingProblems = [...config.problems, ...(params.ok ? [] : params.problems.map((p) => ({ ...p, path: `pack settings ${p.path}` })))];
  const own = config.councilPack;
  // The council's own pack is offered beside the shipped ones; it stands in for a shipped pack of the same id.
  const packChoices = [
    ...PACK_IDS.filter((id) => id !== own?.id).map((id) => ({ id, name: PACKS[id].name })),
    ...(own ? [{ id: own.id, name: `${own.name} (your council’s pack)` }] : []),
  ];

  return (
    <>
      {settingProblems.length > 0 ? (
        <div class="error-summary" role="alert" data-setting-problems>
          <h2 class="error-summary__title">Some settings could not be used</h2>
          <p>The defaults are used instead of these. Ask whoever set them to correct them.</p>
          <ul>
            {settingProblems.map((p) => (
              <li key={`${p.path}|${p.message}`}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {config.saveProblem ? (
        <div class="error-summary" role="alert" data-settings-problem>
          <h2 class="error-summary__title">Settings could not be saved</h2>
          <p>
            {config.saveProblem}. Pages are read with the field map saved before. Clear stored data below to make room, or ask IT.
          </p>
        </div>
      ) : null}
      {ungranted.length > 0 ? (
        <div class="notice notice--warning" data-ungranted-origins>
          <p>
            Assessment Companion has not been given access to {ungranted.map(toAddress).join(', ')} yet, so it cannot read the
            case system there.
          </p>
          <button
            type="button"
            class="button"
            onClick={() => void browser.permissions.request({ origins: ungranted }).then(() => refresh())}
          >
            Give access to the case system
          </button>
        </div>
      ) : null}
    <OptionsForm
      packId={settings.packId}
      packs={packChoices}
      fieldMap={{ id: config.fieldMap.id, version: String(config.fieldMap.version), inUse: true }}
      fieldMapErrors={[...fieldMapErrors, ...config.fieldMapProblems]}
      origins={settings.origins.map(toAddress)}
      retentionDays={settings.retentionDays}
      holidays={{ knownUntil: calendar.knownUntil ?? '', source: config.holidaySource === 'bundled' ? 'bundled' : 'imported' }}
      holidayErrors={[...holidayErrors, ...config.holidayProblems]}
      stored={{
        assessments: summary.assessments,
        ...(summary.oldestUpdatedAt !== null ? { oldestRecord: new Date(summary.oldestUpdatedAt).toISOString() } : {}),
      }}
      locked={locked}
      onPackChange={(packId) => {
        if (packChoices.some((p) => p.id === packId)) void saveUserSetting('packId', packId);
      }}
      councilPack={{
        pack: own ? { name: own.name, version: own.version, source: own.source, kept: config.councilPackKept, chosen: settings.packId === own.id } : null,
        errors: [...councilPackErrors, ...config.councilPackProblems],
        onImport: (text) => {
          const result = loadCouncilPackText(text);
          if (!result.ok) {
            // The pack in use stays in use.
            setCouncilPackErrors(result.errors.map((e) => ({ path: e.path, message: e.message })));
            return;
          }
          setCouncilPackErrors([]);
          void readUserSettings().then((current) =>
            browser.storage.local.set({ [SETTINGS_KEY]: { ...current, councilPack: JSON.parse(text) as unknown, ...(config.locked.includes('packId') ? {} : { packId: result.doc.id }) } }),
          );
        },
      }}
      onImportFieldMap={(text) => {
        const result = validateFieldMapText(text);
        if (!result.ok) {
          // The last good map stays in use.
          setFieldMapErrors(result.errors.map((e) => ({ path: e.path, message: e.message })));
          return;
        }
        setFieldMapErrors([]);
        // Stored once, where the page reader reads it; a write the browser refuses is said here.
        void storeImportedMap(browser.storage.local, result.map).catch((error: unknown) =>
          setFieldMapErrors([{ path: '$', message: `Settings could not be saved: ${error instanceof Error ? error.message : String(error)}` }]),
        );
      }}
      onOriginsChange={(addresses) => {
        const patterns = addresses.map(toPattern);
        const extra = councilOrigins(patterns, builtInOrigins(browser.runtime));
        // Ask the browser for access to exactly these addresses (needs the click that called us).
        const request = extra.length > 0 ? browser.permissions.request({ origins: extra }) : Promise.resolve(true);
        void request.then((granted) => {
          // No addresses left: nothing is read anywhere until one is added.
          if (granted) void saveUserSetting('origins', patterns);
        });
      }}
      onRetentionChange={(days) => void saveUserSetting('retentionDays', days)}
      onImportHolidays={(text) => {
        const result = parseHolidayFeedText(text);
        if (!result.ok) {
          setHolidayErrors(result.errors.map((e) => ({ path: e.path, message: e.message })));
          return;
        }
        setHolidayErrors([]);
        void saveUserSetting('holidayFeed', JSON.parse(text) as unknown);
      }}
      onClearAll={() => void clearAll(db).then(refresh)}
      inspectMode={{ on: settings.inspectMode, locked: locked.inspectMode === true, onChange: (on) => void saveUserSetting('inspectMode', on) }}
      storedAssessments={{
        assessments,
        onDelete: (key) => void deleteAssessment(db, key).then(refresh),
        onExport: (key) => void storedAssessmentFile(db, key, Date.now()).then((file) => file && saveFile(file.text, file.name)),
      }}
      nudges={{
        role: settings.role,
        nudgeWorkingDays: settings.nudgeWorkingDays,
        dailyNotification: settings.dailyNotification,
        onRoleChange: (role) => void saveUserSetting('role', role),
        onNudgeDaysChange: (days) => void saveUserSetting('nudgeWorkingDays', days),
        onDailyNotificationChange: (on) => void saveUserSetting('dailyNotification', on),
      }}
    />
    </>
  );
}
