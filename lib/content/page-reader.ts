/**
 * The content script's logic, with the extension APIs passed in so it can be tested
 * in node with a DOM library. It must stay small (no zod, no Preact): the background
 * validates everything it sends.
 */
import { ReadCache, extractSteps, identifyPage, hiddenBy, locateField, readWorkTray, type ExtractResult } from '../adapters/extractor';
import { showTrayBadges } from './tray-badges';
import { relevanceFor, type Relevance } from './relevance';
import { inspectResponder } from './inspect';
import { diffFactsInSteps, PART_FACTS, ReadTimes } from './fact-diff';
import { READ_LIMITS } from '../messages/limits';
import type { FieldMap } from '../adapters/field-map-schema';
import { pageView } from '../adapters/page-view';

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => boolean | undefined;
type StorageListener = (changes: Record<string, { newValue?: unknown }>, area?: string) => void;

export interface ReaderDeps {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
  };
  /** Where the background keeps the map in force (READER_MAP_KEY), and word when it changes. */
  storage: {
    get(key: string): Promise<Record<string, unknown>>;
    onChanged?: {
      addListener(listener: StorageListener): void;
      removeListener(listener: StorageListener): void;
    };
  };
  document: Document;
  window: Window;
  /** Milliseconds of quiet after the last change before a read (one read per burst). */
  quietMs?: number;
  /** Longest a read may be put off while changes keep coming. */
  maxWaitMs?: number;
  /** The clock slices are timed with (tests pass one that makes each step costly). */
  now?: () => number;
  /** Hands the thread back to the page between slices (tests pass their own). */
  yieldToPage?: () => Promise<void>;
  /** A map to start with, before storage answers (the benchmark's cold reads). */
  map?: FieldMap;
  /** The most facts one message carries (PART_FACTS; tests pass fewer). */
  partFacts?: number;
  /** Waits between slices while the page keeps changing (tests pass their own). */
  pause?: (ms: number) => Promise<void>;
}

import { READER_MAP_KEY } from '../config/keys';
import { watchChanges } from './reader/changes';
import { backOff, slices, type ReadStats } from './reader/slices';
import { pageYield } from './reader/page-yield';
import { MAX_WAIT_MS, QUIET_MS, readTimer } from './reader/when-to-read';
import { LastSent, factsSender, progressTeller } from './reader/send-facts';
import { inViewWatcher } from './reader/in-view';

export { BACK_OFF, FRAME_MS, MAX_BACK_OFF_MS, SLICE_MS, type ReadStats } from './reader/slices';
export { pageYield } from './reader/page-yield';
export { MAX_WAIT_MS, QUIET_MS } from './reader/when-to-read';
export { PROGRESS_EVERY_MS } from './reader/send-facts';
const NOTE_ID = 'assessment-companion-reconnect-note';

export interface PageReader {
  readNow(): void;
  stop(): void;
  /** Is the extension that started this reader still there (not updated or removed since)? */
  alive(): boolean;
  /** How many reads have run: for benchmarks and tests. */
  readonly reads: number;
  /** The last read that finished. */
  readonly lastRead: ReadStats | undefined;
  /** Resolves when no read is running or waiting to run. */
  idle(): Promise<void>;
}

// Where the reader is kept on the content script's own window (never the page's): the
// background may put the script into a frame more than once (each frame load, each page load).
const READER_KEY = '__assessmentCompanionReader';

/**
 * Starts the reader unless this frame already has one that is still connected. A reader
 * left behind by an earlier version of the extension is stopped and replaced.
 */
export function startPageReaderOnce(deps: ReaderDeps): PageReader {
  const holder = deps.window as unknown as Record<string, PageReader | undefined>;
  const existing = holder[READER_KEY];
  if (existing?.alive()) return existing;
  existing?.stop();
  const reader = startPageReader(deps);
  holder[READER_KEY] = reader;
  return reader;
}

/** Inspect mode waits this long at most for a read the page's changes asked for (a page that never stops changing). */
const INSPECT_WAIT_MS = 2000;

export function startPageReader(deps: ReaderDeps): PageReader {
  const { document: doc, window: win, runtime } = deps;
  const quietMs = deps.quietMs ?? QUIET_MS;
  const maxWaitMs = deps.maxWaitMs ?? MAX_WAIT_MS;
  const clock = deps.now ?? (() => win.performance.now());
  const yieldToPage = deps.yieldToPage ?? pageYield(win);
  const partFacts = deps.partFacts ?? PART_FACTS;
  const pause = deps.pause ?? ((ms: number) => new Promise<void>((resolve) => win.setTimeout(resolve, ms)));
  const isTop = win.top === win;
  // The map in force, from storage (none until the background has stored it: nothing is read till then).
  let map: FieldMap | undefined = deps.map;
  // The map's content, to tell a new map from the same one stored again (Firefox tells of every store).
  let mapText = map ? JSON.stringify(map) : '';
  let relevance: Relevance | undefined = map ? relevanceFor(doc, map) : undefined;
  // When each fact was read with its value: kept across maps, so a re-read never freshens an unchanged old answer.
  const readTimes = new ReadTimes<ExtractResult['provenance'][string]>();
  // What this page's last read sent, fact by fact (lib/content/fact-diff.ts): later reads send only changes.
  const sent = new LastSent();
  let trayAtLoad: Set<string> | undefined;
  let stopped = false;
  let lastRead: ReadStats | undefined;
  // The last read's result and the map it was read with: inspect mode answers from it.
  let lastResult: { map: FieldMap; result: ExtractResult | null } | undefined;
  // What the last read learnt about the page's structure, and each household row's output;
  // dropped when the structure changes, a row's when a value in it changes.
  const cache = new ReadCache({ rows: true });

  const alive = (): boolean => {
    try {
      return typeof runtime.id === 'string' && runtime.id.length > 0;
    } catch {
      return false;
    }
  };

  const when = readTimer({
    quietMs,
    maxWaitMs,
    clock,
    ready: () => {
      if (!map) return false;
      if (alive()) return true;
      disconnected();
      return false;
    },
    run: readInSlices,
  });

  const send = (message: unknown, onFailed?: () => void): void => {
    runtime.sendMessage(message).catch((error: unknown) => {
      if (!alive() || String(error).includes('context invalidated')) disconnected();
      else onFailed?.();
    });
  };
  // On a page showing several sections: which one the worker is in, said when it changes.
  const inView = inViewWatcher(doc, win, (section) => {
    if (isTop && lastResult?.result) send({ type: 'in-view', assessmentId: lastResult.result.assessmentId, section });
  });
  const sendFacts = factsSender({ topFrame: isTop, partFacts, readTimes, sent, send });

  async function readInSlices(): Promise<void> {
    const slice = slices({ clock, yieldToPage, pause, changes: changes.count, stopped: () => stopped });
    // Only the page's first read says how far it has got: later reads are of a page the panel already shows.
    const firstOfPage = isTop && sent.facts === undefined;
    const tellProgress = progressTeller(() => map, () => win.location.href, clock, send);

    // The first read starts in a task of its own, not in the one that brought the field map from storage.
    if (when.reads === 1 && !(await slice.next())) return;
    const active = map;
    if (!active) return;
    changes.take();
    const url = win.location.href;
    // Frames with an address read themselves; srcdoc frames cannot (they see "about:srcdoc"): read here.
    const steps = extractSteps(doc, url, active, new Date(), { frames: 'inline', cache });
    let step = steps.next();
    // How far the read has got (the same object at every step), for a read sent in parts.
    const progress = step.done ? undefined : step.value.progress;
    while (!step.done) {
      if (slice.over()) {
        if (firstOfPage) tellProgress(step.value);
        // A change while the page has its turn schedules another read, which runs after this one.
        if (!(await slice.next())) {
          steps.return(null);
          return;
        }
      }
      step = steps.next();
    }
    const result = step.value;
    lastResult = { map: active, result };
    changes.watchFrames();
    // The parts of the page each section shown is in (the map's scopes), for which of them is in view.
    const shown = result && result.sections.length > 1 ? result.sections : [];
    inView.use(active.sections.flatMap((s) => (s.scope && !s.frame && shown.includes(s.id) ? [[s.id, s.scope] as [string, string]] : [])));
    if (!result) {
      if (isTop) unrecognised(url, active);
    } else {
      // What changed since this page's last read: compared in steps too (a huge page has tens of thousands of facts).
      // What one view of the assessment shows (lib/adapters/page-view.ts): a read of another view starts afresh.
      const view = pageView(active, url, result.sections);
      const readKey = `facts:${result.assessmentId}:${view.view}`;
      const diffing = diffFactsInSteps(sent.key === readKey ? sent.facts : undefined, result.facts);
      let compared = diffing.next();
      while (!compared.done) {
        if (slice.over() && !(await slice.next())) return;
        compared = diffing.next();
      }
      // A big read goes in parts, each in a slice of its own: the browser copies a message in one task.
      const personId = (): string | undefined => (win.length > 0 && active.page.personId ? identifyPage(doc, win.location.href, active)?.personId : undefined);
      const sending = sendFacts(active, result, view, readKey, compared.value, progress, personId);
      let part = sending.next();
      while (!part.done) {
        if (!(await slice.next())) return;
        part = sending.next();
      }
      slice.stats.messages += part.value;
    }
    lastRead = slice.end();
    // Back off: a costly read is followed by a longer pause, so the page keeps most of its thread.
    when.holdFor(backOff(lastRead.totalMs));
  }

  /** The page's path, cut to what a message may carry (a longer one failed validation, and the panel kept the last case). */
  const pathOnly = (): string => win.location.pathname.slice(0, READ_LIMITS.pagePath);

  const unrecognised = (url: string, active: FieldMap): void => {
    const tray = readWorkTray(doc, url, active);
    if (tray) return workTray(tray, active);
    if (sent.key !== 'page') {
      sent.key = 'page';
      send({ type: 'page', state: 'unrecognised', pagePath: pathOnly() });
    }
  };

  /** On the work tray: a badge beside each assessment we hold a record for, with its next deadline. */
  const workTray = (all: ReturnType<typeof readWorkTray> & object, map: FieldMap): void => {
    // Badges only for the rows the case system showed at load: a script adding guessed rows learns nothing (tray-badges.ts).
    trayAtLoad ??= new Set(all.map((r) => r.assessmentId));
    const atLoad = trayAtLoad;
    const rows = all.filter((r) => atLoad.has(r.assessmentId));
    const ids = rows.map((r) => r.assessmentId);
    // What the tray shows of each (type, referral date, worker), when the map names those columns: for the caseload.
    const entries = map.workTray?.columns
      ? rows.map(({ assessmentId, kind, referral, worker }) => ({
          assessmentId,
          ...(kind !== undefined ? { kind } : {}),
          ...(referral !== undefined ? { referral } : {}),
          ...(worker !== undefined ? { worker } : {}),
        }))
      : undefined;
    const signature = `tray:${JSON.stringify(entries ?? ids)}`;
    // Our own badges change the page: ask again only when the list itself changes.
    if (signature === sent.key) return;
    sent.key = signature;
    send({ type: 'page', state: 'work-tray', pagePath: pathOnly() });
    runtime
      .sendMessage({ type: 'tray-badges', caseSystem: map.caseSystem, assessmentIds: ids.slice(0, 500), ...(entries ? { entries: entries.slice(0, 500) } : {}) })
      .then((reply) => showTrayBadges(doc, rows, reply))
      .catch(() => undefined);
  };

  const onShowField: Listener = (message, sender, sendResponse) => {
    if (sender.id !== runtime.id) return undefined;
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, path } = message as { type?: unknown; path?: unknown };
    if (type !== 'show-field' || typeof path !== 'string' || !map) return undefined;
    const element = locateField(doc, map, path, { frames: 'inline' });
    // Frames that do not hold the field stay silent so the one that does can answer.
    if (!element) return undefined;
    // A field in a closed part of the page (a folded part, a hidden tab) is not outlined: the panel says what to open.
    const hidden = hiddenBy(element);
    if (hidden.hidden) {
      sendResponse({ found: true, hidden: true, ...(hidden.open ? { open: hidden.open } : {}) });
      return undefined;
    }
    showField(element);
    sendResponse({ found: true });
    return undefined;
  };

  function showField(element: Element): void {
    // An instant jump: no motion for people who are sensitive to it, and the field is there at once.
    element.scrollIntoView({ block: 'center' });
    const html = element as HTMLElement;
    const before = html.style.outline;
    const offset = html.style.outlineOffset;
    html.style.outline = '4px solid #ffdd00';
    html.style.outlineOffset = '2px';
    // A radio or checkbox group is found by its fieldset, which cannot take focus: focus its checked (or first) control.
    const group = element.querySelector?.('input:checked, input, select, textarea') as HTMLElement | null;
    const target = element.matches?.('input, select, textarea, button, a[href]') ? html : (group ?? html);
    if (typeof target.focus === 'function') target.focus({ preventScroll: true });
    win.setTimeout(() => {
      html.style.outline = before;
      html.style.outlineOffset = offset;
    }, 4000);
  }

  // Inspect mode and Pick a field (lib/content/inspect.ts): answered only when the panel asks.
  // Its answers come from the reader's own last read (taken in slices), once the read a change asked for has run.
  const lastReadForInspect = async (): Promise<ExtractResult | null | undefined> => {
    await Promise.race([when.idle(), new Promise((resolve) => win.setTimeout(resolve, INSPECT_WAIT_MS))]);
    return lastResult && lastResult.map === map ? lastResult.result : undefined;
  };
  const inspect = inspectResponder({ document: doc, window: win, runtimeId: () => runtime.id, map: () => map, frameDocuments: () => cache.documents(), lastRead: lastReadForInspect });

  function stop(): void {
    stopped = true;
    inspect.stop();
    inView.stop();
    when.stop();
    changes.stop();
    doc.removeEventListener('load', onFrameLoad, true);
    if (framesTimer !== undefined) clearTimeout(framesTimer);
    try {
      deps.storage.onChanged?.removeListener(onStorage);
      runtime.onMessage.removeListener(onShowField);
      runtime.onMessage.removeListener(inspect.listener);
    } catch {
      // The extension context may already be gone.
    }
  }

  /** After the extension is updated or reloaded this script is orphaned: stop quietly and say so. Never reload the page (unsaved notes). */
  function disconnected(): void {
    if (stopped) return;
    stop();
    if (!isTop || doc.getElementById(NOTE_ID) || !doc.body) return;
    const note = doc.createElement('div');
    note.id = NOTE_ID;
    note.setAttribute('role', 'status');
    note.textContent = 'Assessment Companion was updated. Save your work, then refresh this page to reconnect it.';
    note.style.cssText =
      'position:fixed;right:12px;bottom:12px;z-index:2147483647;max-width:320px;padding:12px 16px;background:#fff;color:#0b0c0c;border:3px solid #1d70b8;font:16px/1.4 Arial,sans-serif;box-shadow:0 2px 6px rgba(0,0,0,.3)';
    doc.body.appendChild(note);
  }

  // A frame that loads after this page did (a section opened in a frame) has no reader yet
  // where the background starts readers after load (Chrome, Edge): ask for one. At most one
  // message per burst of frame loads; frames that already have a reader keep theirs.
  let framesTimer: ReturnType<typeof setTimeout> | undefined;
  const onFrameLoad = (event: Event): void => {
    const tag = (event.target as Element | null)?.tagName;
    // A load event the page made up (not the browser's) is ignored: it made us re-inject 33 times a second.
    if (!event.isTrusted || (tag !== 'IFRAME' && tag !== 'FRAME') || framesTimer !== undefined || stopped) return;
    framesTimer = setTimeout(() => {
      framesTimer = undefined;
      if (!stopped) send({ type: 'frames-loaded' });
    }, quietMs);
  };

  const changes = watchChanges(doc, win, cache, () => relevance, when.schedule);
  // A frame's load event does not bubble, but the document sees it while capturing.
  doc.addEventListener('load', onFrameLoad, true);
  runtime.onMessage.addListener(onShowField);
  runtime.onMessage.addListener(inspect.listener);

  /** A map from storage (the background stores only a map that passed validation): a new one is read with at once. */
  const useMap = (candidate: unknown): boolean => {
    if (!candidate || typeof candidate !== 'object' || candidate === map) return false;
    // The same map stored again (Firefox tells of it when any setting changes): nothing to read again.
    const text = JSON.stringify(candidate);
    if (text === mapText) return false;
    mapText = text;
    map = candidate as FieldMap;
    relevance = relevanceFor(doc, map);
    cache.clear();
    sent.forget();
    return true;
  };
  const onStorage: StorageListener = (changes, area) => {
    if (area !== undefined && area !== 'local') return;
    const change = changes[READER_MAP_KEY];
    if (change && useMap(change.newValue) && !stopped) when.schedule();
  };
  deps.storage.onChanged?.addListener(onStorage);

  deps.storage
    .get(READER_MAP_KEY)
    .then((stored) => void useMap(stored[READER_MAP_KEY]))
    .catch(() => undefined)
    .finally(when.read);

  return {
    // At once, instead of the read a change asked for.
    readNow: when.readNow,
    stop,
    alive,
    get reads() {
      return when.reads;
    },
    get lastRead() {
      return lastRead;
    },
    idle: when.idle,
  };
}
