import { useEffect, useMemo, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { Caseload } from '../../components/Caseload';
import { setupFor, watchConfig } from '../../components/page-wiring';
import { dueText, longDate, momentText } from '../../components/format';
import { allAcknowledgements, allStored, allTray, CompanionDb, type StoredRecord, type TrayRow } from '../../lib/store';
import type { ActiveConfig } from '../../lib/config';
import type { Acknowledgement } from '../../lib/acknowledgements';
import { caseloadCsv, caseloadRows, type CaseloadRow } from '../../lib/caseload/caseload';

const db = new CompanionDb();

function download(text: string, file: string): void {
  // A file made here and saved by the browser: nothing leaves the computer.
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The caseload page: every stored assessment, evaluated the same way as the panel. */
export function CaseloadApp() {
  const [config, setConfig] = useState<ActiveConfig | null>(null);
  const [stored, setStored] = useState<StoredRecord[] | null>(null);
  const [acks, setAcks] = useState<Acknowledgement[]>([]);
  const [tray, setTray] = useState<TrayRow[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const [windowId, setWindowId] = useState<number | undefined>();

  useEffect(() => {
    const stopConfig = watchConfig(setConfig);
    const records = liveQuery(() => allStored(db)).subscribe({ next: setStored, error: () => setStored([]) });
    const acknowledged = liveQuery(() => allAcknowledgements(db)).subscribe({ next: setAcks, error: () => setAcks([]) });
    const trayRows = liveQuery(() => allTray(db)).subscribe({ next: setTray, error: () => setTray([]) });
    void browser.windows.getCurrent().then((w) => setWindowId(w.id));
    const tick = setInterval(() => setNow(Date.now()), 60_000);
    return () => {
      stopConfig();
      records.unsubscribe();
      acknowledged.unsubscribe();
      trayRows.unsubscribe();
      clearInterval(tick);
    };
  }, []);

  const setup = useMemo(() => (config ? setupFor(config) : null), [config]);
  const rows = useMemo(() => (setup && stored ? caseloadRows(setup, stored, acks, now, tray) : null), [setup, stored, acks, now, tray]);
  const nowIso = new Date(now).toISOString();

  const onOpen = (row: CaseloadRow) => {
    if (!row.pageUrl) return;
    // The side panel may only be opened straight from a click, so before the tab is made.
    if (windowId !== undefined) void browser.sidePanel?.open?.({ windowId }).catch(() => undefined);
    void browser.tabs.create({ url: row.pageUrl, ...(windowId !== undefined ? { windowId } : {}) });
  };

  const onDownloadCsv = (shown: readonly CaseloadRow[]) => {
    if (!setup) return;
    const csv = caseloadCsv(shown, {
      packName: setup.pack.name,
      packVersion: setup.pack.version,
      made: momentText(nowIso),
      dueText: (next) => dueText(next.countdown),
      dateText: (iso) => longDate(iso),
    });
    download(csv, `caseload-${nowIso.slice(0, 10)}.csv`);
  };

  return (
    <Caseload
      rows={rows}
      packName={setup?.pack.name ?? ''}
      packVersion={setup?.pack.version ?? ''}
      now={nowIso}
      retentionDays={config?.settings.retentionDays ?? 30}
      withinDays={config?.settings.nudgeWorkingDays ?? 5}
      onOpen={onOpen}
      onDownloadCsv={onDownloadCsv}
      onPrint={() => window.print()}
    />
  );
}
