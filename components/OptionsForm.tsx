// The options page (presentational): props in, callbacks out. The entrypoint stores the settings.
import { useEffect, useId, useState } from 'preact/hooks';
import { longDate } from './format';
import { plural } from '../lib/model/words';
import { InspectModeSetting, type InspectModeSettingProps } from './InspectModeSetting';
import { StoredAssessments, type StoredAssessmentsProps } from './StoredAssessments';
import { ConfirmStep } from './ConfirmStep';
import { MAP_LIMITS } from '../lib/adapters/map-limits';
import { CouncilPackSetting, type CouncilPackSettingProps } from './CouncilPackSetting';

export interface PackChoice {
  id: string;
  name: string;
}

/** One problem found in an imported file: a JSON path and what was expected there. */
export interface ImportProblem {
  path: string;
  message: string;
}

export interface FieldMapStatus {
  id: string;
  version: string;
  /** Whether the extension is using this map now. */
  inUse: boolean;
}

export interface HolidayStatus {
  /** Last date (YYYY-MM-DD) bank holidays are known for. */
  knownUntil: string;
  source: 'bundled' | 'imported';
}

export interface StoredDataSummary {
  /** Assessments stored in this browser. */
  assessments: number;
  /** Date (YYYY-MM-DD or ISO) of the oldest stored record, if any. */
  oldestRecord?: string;
}

/** Settings an organisation can set by policy (managed storage). */
export type LockableSetting = 'pack' | 'councilPack' | 'fieldMap' | 'origins' | 'retention' | 'holidays' | 'role' | 'nudgeDays' | 'dailyNotification' | 'inspectMode';

/** Who uses this browser, and the nudges before deadlines. */
export interface NudgeSettings {
  role: 'worker' | 'manager';
  nudgeWorkingDays: number;
  dailyNotification: boolean;
  onRoleChange(role: 'worker' | 'manager'): void;
  onNudgeDaysChange(days: number): void;
  onDailyNotificationChange(on: boolean): void;
}

export interface OptionsFormProps {
  packId: string;
  packs: readonly PackChoice[];
  /** The field map in force, or null when there is none. */
  fieldMap: FieldMapStatus | null;
  /** Problems found in the last field map import, if it failed. */
  fieldMapErrors?: readonly ImportProblem[];
  /** Case system addresses (origins) the extension may read, e.g. "https://lcs.example.gov.uk". */
  origins: readonly string[];
  retentionDays: number;
  holidays: HolidayStatus;
  /** Problems found in the last bank holiday import, if it failed. */
  holidayErrors?: readonly ImportProblem[];
  stored: StoredDataSummary;
  /** Settings set by the organisation: shown, not changeable here. */
  locked?: Partial<Record<LockableSetting, boolean>>;
  onPackChange(packId: string): void;
  onImportFieldMap(fileText: string): void;
  onOriginsChange(origins: string[]): void;
  onRetentionChange(days: number): void;
  onImportHolidays(fileText: string): void;
  onClearAll(): void;
  /** Role and nudges; absent in older callers. */
  nudges?: NudgeSettings;
  /** The council's own pack (components/CouncilPackSetting.tsx). */
  councilPack?: CouncilPackSettingProps;
  /** Inspect mode for IT teams (components/InspectModeSetting.tsx). */
  inspectMode?: InspectModeSettingProps;
  /** Each stored assessment with its facts, and deleting one (components/StoredAssessments.tsx). */
  storedAssessments?: StoredAssessmentsProps;
}

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 365;
/** No field map or holiday feed is anywhere near this big; a bigger file is the wrong file. */
const MAX_IMPORT_BYTES = 2 * MAP_LIMITS.characters;

function LockedNote() {
  return <p class="locked-note">Set by your organisation. Ask your IT team to change it.</p>;
}

function ErrorList({ title, errors }: { title: string; errors: readonly ImportProblem[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <h3 class="error-summary__title">{title}</h3>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <code>{e.path}</code>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Checks an origin typed by a person and gives it back in the browser's form, or an error. */
export function parseOrigin(text: string): { ok: true; origin: string } | { ok: false; error: string } {
  const trimmed = text.trim();
  const example = 'Enter the address of the case system, for example https://lcs.example.gov.uk';
  if (trimmed === '') return { ok: false, error: example };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: example };
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  // Children's records: plain http only for a case system on this computer (the demo).
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, error: 'The address must start with https://' };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    return { ok: false, error: `Enter only the start of the address, for example ${url.origin}` };
  }
  return { ok: true, origin: url.origin };
}

/** Parses the retention box: a whole number of days in range, or an error. */
export function parseRetention(text: string): { ok: true; days: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  const error = `Enter a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`;
  if (!/^\d{1,4}$/.test(trimmed)) return { ok: false, error };
  const days = Number(trimmed);
  if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) return { ok: false, error };
  return { ok: true, days };
}

function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsText(file);
  });
}

function FileImport({ label, hint, disabled, onText, tooBig }: { label: string; hint: string; disabled: boolean; onText(text: string): void; tooBig?: (bytes: number) => string }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  async function onChange(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        setError(tooBig ? tooBig(file.size) : 'This file is too big. Choose the JSON file your IT team gave you.');
        return;
      }
      onText(await readFileText(file));
    } catch {
      setError('Could not read this file. Try again, or choose another file.');
    } finally {
      // So choosing the same file again (after fixing it) imports it again.
      input.value = '';
    }
  }
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <label class="label" for={id}>
        {label}
      </label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        class="file-upload"
        type="file"
        accept=".json,application/json"
        disabled={disabled}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => void onChange(e)}
      />
    </div>
  );
}

function PackSetting({ packId, packs, locked, onPackChange }: Pick<OptionsFormProps, 'packId' | 'packs' | 'onPackChange'> & { locked: boolean }) {
  const name = useId();
  return (
    <section class="block" aria-labelledby={`${name}-h`}>
      <h2 id={`${name}-h`}>Procedure</h2>
      <fieldset class="fieldset" disabled={locked}>
        <legend class="fieldset__legend">Which council’s procedure should the assessment be checked against?</legend>
        <div class="radios">
          {packs.map((p) => (
            <div class="radios__item" key={p.id}>
              <input
                class="radios__input"
                id={`${name}-${p.id}`}
                type="radio"
                name={name}
                value={p.id}
                checked={p.id === packId}
                disabled={locked}
                onChange={() => onPackChange(p.id)}
              />
              <label class="radios__label" for={`${name}-${p.id}`}>
                {p.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {locked ? <LockedNote /> : null}
    </section>
  );
}

function FieldMapSetting({ fieldMap, errors, locked, onImport }: { fieldMap: FieldMapStatus | null; errors: readonly ImportProblem[]; locked: boolean; onImport(text: string): void }) {
  return (
    <section class="block" aria-labelledby="options-field-map">
      <h2 id="options-field-map">Case system field map</h2>
      <p class="hint">The field map tells the Companion where each answer is on your case system’s pages.</p>
      {fieldMap ? (
        <dl class="summary-list">
          <div>
            <dt>Map</dt>{' '}
            <dd>{fieldMap.id}</dd>
          </div>
          <div>
            <dt>Version</dt>{' '}
            <dd>{fieldMap.version}</dd>
          </div>
          <div>
            <dt>Status</dt>{' '}
            <dd>{fieldMap.inUse ? 'In use' : 'Not in use'}</dd>
          </div>
        </dl>
      ) : (
        <p>No field map is set up, so the Companion cannot read the case system yet.</p>
      )}
      <ErrorList title="The field map was not imported. The map in use has not changed. Fix these problems and try again:" errors={errors} />
      <FileImport
        label="Import a field map"
        hint="Choose the JSON file your IT team gave you."
        disabled={locked}
        onText={onImport}
        tooBig={(bytes) => `The field map was not imported: $ the file is ${bytes.toLocaleString('en-GB')} bytes; a map may be at most ${MAP_LIMITS.characters.toLocaleString('en-GB')} characters. The map in use has not changed.`}
      />
      {locked ? <LockedNote /> : null}
    </section>
  );
}

function OriginsSetting({ origins, locked, onOriginsChange }: { origins: readonly string[]; locked: boolean; onOriginsChange(list: string[]): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  function add(event: Event) {
    event.preventDefault();
    const parsed = parseOrigin(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    if (origins.includes(parsed.origin)) {
      setError(`${parsed.origin} is already in the list`);
      return;
    }
    setError(null);
    setText('');
    onOriginsChange([...origins, parsed.origin]);
  }
  return (
    <section class="block" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Case system addresses</h2>
      <p class="hint">The Companion only reads pages at these addresses.</p>
      {origins.length === 0 ? (
        <p>No addresses yet. The Companion will not read any page until you add one.</p>
      ) : (
        <ul class="origins plain-list">
          {origins.map((o) => (
            <li key={o} class="origins__item">
              <span class="origins__value">{o}</span>
              {locked ? null : (
                <button type="button" class="button button--secondary button--small" onClick={() => onOriginsChange(origins.filter((x) => x !== o))}>
                  Remove<span class="visually-hidden"> {o}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form class={`form-group${error ? ' form-group--error' : ''}`} onSubmit={add} noValidate>
          <label class="label" for={id}>
            Add an address
          </label>
          <p class="hint" id={`${id}-hint`}>
            For example, https://lcs.example.gov.uk
          </p>
          {error ? (
            <p class="error-message" id={`${id}-error`}>
              <span class="visually-hidden">Error: </span>
              {error}
            </p>
          ) : null}
          <div class="inline-form">
            <input
              id={id}
              class="input"
              type="url"
              inputMode="url"
              spellcheck={false}
              autoComplete="off"
              value={text}
              disabled={locked}
              aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
              aria-invalid={error ? 'true' : undefined}
              onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="button button--secondary" disabled={locked}>
              Add address
            </button>
          </div>
        </form>
      {locked ? <LockedNote /> : null}
    </section>
  );
}

function RetentionSetting({ days, locked, onRetentionChange }: { days: number; locked: boolean; onRetentionChange(days: number): void }) {
  const id = useId();
  const [text, setText] = useState(String(days));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // Follow the stored value when it changes from outside (another tab, policy).
  useEffect(() => setText(String(days)), [days]);
  function save(event: Event) {
    event.preventDefault();
    const parsed = parseRetention(text);
    if (!parsed.ok) {
      setError(parsed.error);
      setSaved(false);
      return;
    }
    setError(null);
    setSaved(true);
    onRetentionChange(parsed.days);
  }
  return (
    <section class="block" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>How long to keep stored checks</h2>
      <form class={`form-group${error ? ' form-group--error' : ''}`} onSubmit={save} noValidate>
        <label class="label" for={id}>
          Days to keep each assessment’s checks
        </label>
        <p class="hint" id={`${id}-hint`}>
          After this many days without being opened, the Companion deletes what it stored about an assessment. From{' '}
          {MIN_RETENTION_DAYS} to {MAX_RETENTION_DAYS} days.
        </p>
        {error ? (
          <p class="error-message" id={`${id}-error`}>
            <span class="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <div class="inline-form">
          <input
            id={id}
            class="input input--width-4"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={text}
            disabled={locked}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={error ? 'true' : undefined}
            onInput={(e) => {
              setSaved(false);
              setText((e.currentTarget as HTMLInputElement).value);
            }}
          />
          <button type="submit" class="button button--secondary" disabled={locked}>
            Save
          </button>
        </div>
        <p class="saved-note" aria-live="polite">
          {saved ? 'Saved.' : ''}
        </p>
      </form>
      {locked ? <LockedNote /> : null}
    </section>
  );
}

function HolidaySetting({ holidays, errors, locked, onImport }: { holidays: HolidayStatus; errors: readonly ImportProblem[]; locked: boolean; onImport(text: string): void }) {
  return (
    <section class="block" aria-labelledby="options-holidays">
      <h2 id="options-holidays">Bank holidays</h2>
      <p class="hint">Working days leave out weekends and England and Wales bank holidays.</p>
      <dl class="summary-list">
        <div>
          <dt>Known until</dt>{' '}
          <dd>{longDate(holidays.knownUntil)}</dd>
        </div>
        <div>
          <dt>Source</dt>{' '}
          <dd>{holidays.source === 'imported' ? 'Imported from a file' : 'Built in (from GOV.UK)'}</dd>
        </div>
      </dl>
      <ErrorList title="The bank holidays were not imported. The dates in use have not changed. Fix these problems and try again:" errors={errors} />
      <FileImport label="Import bank holidays" hint="Choose the bank-holidays.json file downloaded from GOV.UK." disabled={locked} onText={onImport} />
      {locked ? <LockedNote /> : null}
    </section>
  );
}

function StoredData({ stored, onClearAll }: { stored: StoredDataSummary; onClearAll(): void }) {
  const count = plural(stored.assessments, 'stored assessment', 'stored assessments');
  return (
    <section class="block" aria-labelledby="options-stored">
      <h2 id="options-stored">Stored data</h2>
      <p>
        {stored.assessments === 0
          ? 'No assessments are stored in this browser.'
          : `${plural(stored.assessments, 'assessment is', 'assessments are')} stored in this browser.`}
      </p>
      {stored.oldestRecord && stored.assessments > 0 ? <p>The oldest is from {longDate(stored.oldestRecord)}.</p> : null}
      <p class="hint">The Companion stores only whether steps are done and their dates, never case notes.</p>
      <ConfirmStep label="Clear all data" question={`Are you sure? This deletes ${count} from this browser.`} confirmLabel="Confirm: delete all" onConfirm={onClearAll} />
    </section>
  );
}

function RoleAndNudges({ n, locked }: { n: NudgeSettings; locked: Partial<Record<LockableSetting, boolean>> }) {
  const id = useId();
  const [days, setDays] = useState(String(n.nudgeWorkingDays));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDays(String(n.nudgeWorkingDays)), [n.nudgeWorkingDays]);
  function saveDays(event: Event) {
    event.preventDefault();
    const value = Number(days.trim());
    if (!/^\d+$/.test(days.trim()) || value > 20) {
      setError('Enter a whole number of working days from 0 to 20');
      return;
    }
    setError(null);
    n.onNudgeDaysChange(value);
  }
  return (
    <section class="block" aria-labelledby={`${id}-h`} data-nudge-settings="">
      <h2 id={`${id}-h`}>Your role and reminders</h2>
      <fieldset class="fieldset" disabled={locked.role === true}>
        <legend class="fieldset__legend">Who uses this browser?</legend>
        <p class="hint">Kept with each step you mark as not applying. Only a manager can accept one as an exception.</p>
        {(['worker', 'manager'] as const).map((role) => (
          <div class="radios__item" key={role}>
            <input
              class="radios__input"
              id={`${id}-${role}`}
              type="radio"
              name={`${id}-role`}
              value={role}
              checked={n.role === role}
              onChange={() => n.onRoleChange(role)}
            />
            <label class="radios__label" for={`${id}-${role}`}>
              {role === 'worker' ? 'A social worker' : 'A manager'}
            </label>
          </div>
        ))}
      </fieldset>
      {locked.role ? <LockedNote /> : null}
      <form class={`form-group${error ? ' form-group--error' : ''}`} onSubmit={saveDays}>
        <label class="label" for={`${id}-days`}>
          Count assessments due within this many working days on the toolbar button
        </label>
        {error ? (
          <p class="error-message" id={`${id}-days-error`}>
            {error}
          </p>
        ) : null}
        <input
          class="input input--width-4"
          id={`${id}-days`}
          inputMode="numeric"
          value={days}
          disabled={locked.nudgeDays === true}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-days-error` : undefined}
          onInput={(e) => setDays((e.target as HTMLInputElement).value)}
        />{' '}
        <button type="submit" class="button button--secondary" disabled={locked.nudgeDays === true}>
          Save
        </button>
      </form>
      <div class="radios__item">
        <input
          class="radios__input"
          id={`${id}-daily`}
          type="checkbox"
          checked={n.dailyNotification}
          disabled={locked.dailyNotification === true}
          onChange={(e) => n.onDailyNotificationChange((e.target as HTMLInputElement).checked)}
        />
        <label class="radios__label" for={`${id}-daily`}>
          Show a notification each morning listing assessments due soon or overdue (assessment ids and deadline states only)
        </label>
      </div>
      {locked.dailyNotification || locked.nudgeDays ? <LockedNote /> : null}
    </section>
  );
}

export function OptionsForm(props: OptionsFormProps) {
  const locked = props.locked ?? {};
  return (
    <div class="options">
      <h1>Assessment Companion settings</h1>
      {Object.values(locked).some(Boolean) ? (
        <p class="notice">Some settings are set by your organisation. You can see them here but not change them.</p>
      ) : null}
      <PackSetting packId={props.packId} packs={props.packs} locked={locked.pack === true} onPackChange={props.onPackChange} />
      <FieldMapSetting fieldMap={props.fieldMap} errors={props.fieldMapErrors ?? []} locked={locked.fieldMap === true} onImport={props.onImportFieldMap} />
      {props.councilPack ? (
        <CouncilPackSetting
          pack={props.councilPack.pack}
          errorList={<ErrorList title="The council pack was not imported. The procedure in use has not changed. Fix these problems and try again:" errors={props.councilPack.errors} />}
          importer={<FileImport label="Import a council pack" hint="Choose the council pack (JSON) your practice lead or IT team gave you." disabled={locked.councilPack === true} onText={props.councilPack.onImport} />}
          lockedNote={locked.councilPack === true ? <LockedNote /> : null}
        />
      ) : null}
      <OriginsSetting origins={props.origins} locked={locked.origins === true} onOriginsChange={props.onOriginsChange} />
      <RetentionSetting days={props.retentionDays} locked={locked.retention === true} onRetentionChange={props.onRetentionChange} />
      <HolidaySetting holidays={props.holidays} errors={props.holidayErrors ?? []} locked={locked.holidays === true} onImport={props.onImportHolidays} />
      {props.nudges ? <RoleAndNudges n={props.nudges} locked={locked} /> : null}
      {props.inspectMode ? <InspectModeSetting {...props.inspectMode} /> : null}
      <StoredData stored={props.stored} onClearAll={props.onClearAll} />
      {props.storedAssessments ? <StoredAssessments {...props.storedAssessments} /> : null}
    </div>
  );
}
