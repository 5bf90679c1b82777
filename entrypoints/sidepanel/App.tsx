import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { Panel } from '../../components/Panel';
import { sectionsOpenNow } from '../../components/parts';
import { InspectView, type PickState } from '../../components/InspectView';
import { coverageReport } from '../../lib/verdict/coverage';
import { acknowledgementActions, openCaseload, setupFor, watchConfig } from '../../components/page-wiring';
import { acknowledgementsFor, CompanionDb, getStored, recordKey, recordNotes, type StoredRecord } from '../../lib/store';
import { CurrentPageSchema, InspectReplySchema, PickReplySchema, type CurrentPage, type InspectEntryMessage, type InspectReply } from '../../lib/messages';
import { STORE_PROBLEM_KEY, councilPackInUse, fieldMapInUse, followedPageKey, type ActiveConfig } from '../../lib/config';
import { runChecks } from '../../lib/verdict/checks';
import { clockTimeline } from '../../lib/verdict/timeline';
import { caseFacts } from '../../lib/verdict/first-screen';
import type { Acknowledgement } from '../../lib/acknowledgements';
import type { Finding, CountdownResult } from '../../lib/rules';
import { FORM_SECTION_NAMES } from '../../lib/model';
import { readingNow, readingProgressText } from '../../components/reading-progress';

const db = new CompanionDb();

/** What the case page did on Show me: outlined the field, found it in a closed part (and what opens it), or did not find it. */
type ShowAnswer = { state: 'shown' } | { state: 'hidden'; open?: string } | { state: 'not-found' };

/** Asks the case page to outline the field a fact was read from (Show me). */
async function showField(tabId: number, path: string): Promise<ShowAnswer> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'show-field', path })) as { found?: boolean; hidden?: boolean; open?: unknown } | undefined;
    if (reply?.found !== true) return { state: 'not-found' };
    if (reply.hidden === true) return { state: 'hidden', ...(typeof reply.open === 'string' && reply.open ? { open: reply.open.slice(0, 80) } : {}) };
    return { state: 'shown' };
  } catch {
    return { state: 'not-found' };
  }
}

const SHOWN = 'The field is outlined on the page.';
const NOT_SHOWN = 'This field could not be found on the page. It may be on another part of the form.';

/** Words for what the page did; a field in a closed part is never said to be outlined. */
function showMeWords(answer: ShowAnswer): string {
  if (answer.state === 'shown') return SHOWN;
  if (answer.state === 'not-found') return NOT_SHOWN;
  return answer.open
    ? `This field is in a part of the page that is closed. Open “${answer.open}” on the page to see it.`
    : 'This field is in a part of the page that is closed or hidden. Open or expand that part of the page to see it.';
}

/** Copies text for Pick a field; false when the browser would not. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

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
  const facts = useMemo(
    () => (setup && stored && evaluation ? caseFacts(stored.record, evaluation.today, setup.calendar, evaluation) : undefined),
    [setup, stored, evaluation],
  );
  const actions = useMemo(
    () => (key && config ? acknowledgementActions(db, key, config, () => evaluation?.today ?? new Date().toISOString().slice(0, 10)) : undefined),
    [key, config, evaluation?.today],
  );

  // A page may show several sections: "Show me" finds a field in any of them; the one in view is open now.
  const pageSections = current?.sections ?? (current?.section ? [current.section] : []);
  const openSections = sectionsOpenNow(current);

  const onShowMe = async (finding: Finding | CountdownResult) => {
    if (!current || !finding.field) return;
    if (!pageSections.includes(finding.section)) {
      setShowMeResult({ ruleId: finding.ruleId, message: `Open “${FORM_SECTION_NAMES[finding.section]}” in the case system to see this.` });
      return;
    }
    const answer = await showField(current.tabId, finding.field);
    setShowMeResult({ ruleId: finding.ruleId, message: showMeWords(answer) });
  };

  // Inspect mode (for IT teams; off unless the options page or policy turns it on): asks the
  // page's top frame what each map entry finds there, after each read of the page.
  const inspectOn = config?.settings.inspectMode === true && current !== null;
  const [inspect, setInspect] = useState<InspectReply | null | undefined>(null);
  const [pick, setPick] = useState<PickState>({ state: 'idle' });
  const [entryShown, setEntryShown] = useState<{ entry: string; message: string } | undefined>();
  const tabId = current?.tabId;
  const askInspect = useCallback(async () => {
    if (tabId === undefined) return;
    try {
      const reply = await browser.tabs.sendMessage(tabId, { type: 'inspect' }, { frameId: 0 });
      const parsed = InspectReplySchema.safeParse(reply);
      setInspect(parsed.success ? parsed.data : undefined);
    } catch {
      setInspect(undefined);
    }
  }, [tabId]);
  useEffect(() => {
    if (inspectOn) void askInspect();
  }, [inspectOn, askInspect, current?.assessmentId, current?.sections?.join(','), current?.section, current?.state, stored?.updatedAt]);
  useEffect(() => setPick({ state: 'idle' }), [tabId]);
  const coverage = useMemo(() => (inspectOn && config && setup ? coverageReport(config.fieldMap, setup.pack, evaluation ?? undefined) : null), [inspectOn, config, setup, evaluation]);

  const onPick = async () => {
    if (tabId === undefined) return;
    setPick({ state: 'waiting' });
    let reply: unknown;
    try {
      reply = await browser.tabs.sendMessage(tabId, { type: 'pick-field' }, { frameId: 0 });
    } catch {
      reply = undefined;
    }
    const parsed = PickReplySchema.safeParse(reply);
    if (!parsed.success) setPick({ state: 'failed', message: 'The page did not answer. Refresh the case system page, then try again.' });
    else if (parsed.data.picked) setPick({ state: 'proposed', json: JSON.stringify(parsed.data.entry, null, 2), notes: parsed.data.notes });
    else if (parsed.data.reason === 'cancelled') setPick({ state: 'idle' });
    else setPick({ state: 'failed', message: 'Nothing on the page names that field, so no entry could be proposed. Pick the field itself (the box, list or tick box).' });
  };
  const onStopPicking = () => {
    if (tabId !== undefined) void browser.tabs.sendMessage(tabId, { type: 'pick-cancel' }, { frameId: 0 }).catch(() => undefined);
    setPick({ state: 'idle' });
  };
  const onShowEntry = async (entry: InspectEntryMessage) => {
    if (tabId === undefined || !entry.showPath) return;
    const answer = await showField(tabId, entry.showPath);
    setEntryShown({ entry: entry.entry, message: showMeWords(answer) });
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
      facts={facts}
      acknowledgements={actions}
      onOpenCaseload={openCaseload}
      currentSection={current?.section}
      openSections={openSections}
      pageSections={pageSections}
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
    {config && !setup ? (
      <p class="record-note" data-record-note="no-procedure" role="alert">
        The procedure chosen in the settings cannot be used{config.councilPackProblems.length > 0 ? ': your council’s pack has mistakes' : ''}, so nothing is checked. Fix it in the options page, or ask IT.
      </p>
    ) : null}
    {config ? (
      // For IT: which field map reads the page. Folded, so the worker's and manager's view hold no map versions.
      <details class="details field-map-in-use" data-field-map={config.fieldMapSource}>
        <summary>Technical details</summary>
        <div class="details__body">
          <p>{fieldMapInUse(config)}</p>
          {councilPackInUse(config) ? <p data-council-pack={config.councilPack?.source}>{councilPackInUse(config)}</p> : null}
        </div>
      </details>
    ) : null}
    {inspectOn && config ? (
      <InspectView
        mapName={`${config.fieldMap.id} version ${config.fieldMap.version}`}
        report={inspect}
        coverage={coverage}
        onRefresh={() => {
          setInspect(null);
          void askInspect();
        }}
        onShowMe={(e) => void onShowEntry(e)}
        showMeResult={entryShown}
        pick={pick}
        onPick={() => void onPick()}
        onStopPicking={onStopPicking}
        onCopy={copyText}
      />
    ) : null}
    </div>
  );
}
