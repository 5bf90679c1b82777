import { useEffect, useMemo, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { Panel } from '../../components/Panel';
import { acknowledgementActions, openCaseload, setupFor, watchConfig } from '../../components/page-wiring';
import { acknowledgementsFor, CompanionDb, getStored, recordKey, recordNotes, type StoredRecord } from '../../lib/store';
import { CurrentPageSchema, type CurrentPage } from '../../lib/messages';
import { STORE_PROBLEM_KEY, fieldMapInUse, followedPageKey, type ActiveConfig } from '../../lib/config';
import { runChecks } from '../../lib/checks';
import { clockTimeline } from '../../lib/timeline';
import type { Acknowledgement } from '../../lib/acknowledgements';
import type { Finding, CountdownResult } from '../../lib/rules';
import { FORM_SECTION_NAMES } from '../../lib/model';
import { readingNow, readingProgressText } from '../../components/reading-progress';

const db = new CompanionDb();

/** The session key of the page this panel follows: the active tab of its own window (lib/config/keys.ts). */
async function followedKey(): Promise<string> {
  const ownTab = await browser.tabs.getCurrent().catch(() => undefined);
  const ownWindow = await browser.windows?.getCurrent().catch(() => undefined);
  return followedPageKey(location.search, ownWindow?.id, ownTab !== undefined);
}

/** The side panel: follows the case page the worker is on and shows what the procedure still needs. */
export function SidePanelApp() {
  const [config, setConfig] = useState<ActiveConfig | null>(null);
  const [current, setCurrent] = useState<CurrentPage | null>(null);
  const [stored, setStored] = useState<StoredRecord | undefined>(undefined);
  const [acks, setAcks] = useState<Acknowledgement[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const [view, setView] = useState<'worker' | 'manager'>(() =>
    new URLSearchParams(location.search).get('view') === 'manager' ? 'manager' : 'worker',
  );
  const [showMeResult, setShowMeResult] = useState<{ ruleId: string; message: string } | undefined>();
  const [storeFull, setStoreFull] = useState(false);

  useEffect(() => {
    const stopConfig = watchConfig(setConfig);
    let followed: string | undefined;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && followed !== undefined && followed in changes) {
        const parsed = CurrentPageSchema.safeParse(changes[followed]?.newValue);
        setCurrent(parsed.success ? parsed.data : null);
      }
      if (area === 'session' && STORE_PROBLEM_KEY in changes) setStoreFull(changes[STORE_PROBLEM_KEY]?.newValue === 'full');
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.session.get(STORE_PROBLEM_KEY).then((s) => setStoreFull(s[STORE_PROBLEM_KEY] === 'full'));
    void followedKey().then(async (key) => {
      followed = key;
      const s = await browser.storage.session.get(key);
      const parsed = CurrentPageSchema.safeParse(s[key]);
      if (parsed.success) setCurrent(parsed.data);
    });
    // Countdowns move with the clock: re-evaluate each minute.
    const tick = setInterval(() => setNow(Date.now()), 60_000);
    return () => {
      stopConfig();
      browser.storage.onChanged.removeListener(onChanged);
      clearInterval(tick);
    };
  }, []);

  const key = current?.state === 'assessment' && current.caseSystem && current.assessmentId
    ? recordKey(current.caseSystem, current.assessmentId)
    : undefined;

  // A Show me answer belongs to the page it was given on.
  useEffect(() => setShowMeResult(undefined), [key, current?.section]);

  useEffect(() => {
    setStored(undefined);
    setAcks([]);
    if (!key) return undefined;
    // liveQuery: the panel updates as soon as the background stores a new read, or an acknowledgement changes.
    const records = liveQuery(() => getStored(db, key)).subscribe({ next: setStored, error: () => setStored(undefined) });
    const acknowledged = liveQuery(() => acknowledgementsFor(db, key)).subscribe({ next: setAcks, error: () => setAcks([]) });
    return () => {
      records.unsubscribe();
      acknowledged.unsubscribe();
    };
  }, [key]);

  const setup = useMemo(() => (config ? setupFor(config) : null), [config]);
  const evaluation = useMemo(
    () => (setup && stored ? runChecks(setup, stored.record, now, acks) : null),
    [setup, stored, now, acks],
  );
  const timeline = useMemo(
    () => (setup && stored && evaluation ? clockTimeline(stored.record.dates?.referral, evaluation.countdowns, evaluation.today, setup.calendar) : null),
    [setup, stored, evaluation],
  );
  const actions = useMemo(
    () => (key && config ? acknowledgementActions(db, key, config.settings.role, () => evaluation?.today ?? new Date().toISOString().slice(0, 10)) : undefined),
    [key, config, evaluation?.today],
  );

  // A page may show several sections: each of them is open.
  const openSections = current?.sections ?? (current?.section ? [current.section] : []);

  const onShowMe = async (finding: Finding | CountdownResult) => {
    if (!current || !finding.field) return;
    if (!openSections.includes(finding.section)) {
      setShowMeResult({ ruleId: finding.ruleId, message: `Open “${FORM_SECTION_NAMES[finding.section]}” in the case system to see this.` });
      return;
    }
    let found = false;
    try {
      const reply = (await browser.tabs.sendMessage(current.tabId, { type: 'show-field', path: finding.field })) as { found?: boolean } | undefined;
      found = reply?.found === true;
    } catch {
      found = false;
    }
    setShowMeResult({
      ruleId: finding.ruleId,
      message: found ? 'The field is outlined on the page.' : 'This field could not be found on the page. It may be on another part of the form.',
    });
  };

  const reading = readingNow(current, stored?.updatedAt);
  // A page still being read is "reading", even over an earlier read of it (shown meanwhile).
  const status = !current
    ? 'no-case'
    : current.state !== 'assessment'
      ? 'unrecognised-page'
      : !stored || reading
        ? 'reading'
        : 'ready';

  return (
    <div data-panel-status={status} data-assessment={current?.assessmentId ?? ''} data-section={current?.section ?? ''} data-reading={reading ? '' : undefined}>
    <Panel
      evaluation={evaluation}
      timeline={timeline}
      acknowledgements={actions}
      onOpenCaseload={openCaseload}
      currentSection={current?.section}
      openSections={openSections}
      status={status}
      assessmentLabel={current?.assessmentId}
      packName={setup?.pack.name ?? ''}
      view={view}
      onViewChange={setView}
      onShowMe={(f) => void onShowMe(f)}
      showMeResult={showMeResult}
      onPrint={() => window.print()}
      lastReadAt={stored ? new Date(stored.updatedAt).toISOString() : undefined}
      readingProgress={reading ? readingProgressText(reading) : undefined}
    />
    {storeFull ? (
      <p class="record-note" data-record-note="store-full" role="alert">
        The browser’s storage for Assessment Companion is full, so new reads are not being saved. Clear stored data in the options page, or ask IT.
      </p>
    ) : null}
    {recordNotes(stored).map((note) => (
      <p class="record-note" data-record-note key={note}>{note}</p>
    ))}
    {config ? <p class="field-map-in-use" data-field-map={config.fieldMapSource}>{fieldMapInUse(config)}</p> : null}
    </div>
  );
}
