/**
 * The content script's logic, with the extension APIs passed in so it can be tested
 * in node with a DOM library. It must stay small (no zod, no Preact): the background
 * validates everything it sends.
 */
import { ReadCache, extractSteps, identifyPage, locateField, readWorkTray, type ExtractResult, type ReadSoFar } from '../adapters/extractor';
import { showTrayBadges } from './tray-badges';
import { relevanceFor, type Relevance } from './relevance';
import { inspectResponder } from './inspect';
import { cutToLimits, diffFactsInSteps, inParts, PART_FACTS, READ_LIMITS, ReadTimes, type FactDiff, type LastRead } from './fact-diff';
import type { FieldMap } from '../adapters/field-map-schema';
import { pageView, type PageView } from '../adapters/page-view';

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

/** How one read went: for benchmarks and tests (never timed in tests). */
export interface ReadStats {
  /** Tasks the read ran in. */
  slices: number;
  /** The longest of them, and all of them together, in ms of our own time. */
  longestMs: number;
  totalMs: number;
  /** Facts messages sent for it. */
  messages: number;
}

import { READER_MAP_KEY } from '../config/keys';
const NOTE_ID = 'assessment-companion-reconnect-note';

// Attributes that carry a control's value: a change to one is a change of value, not of the
// page's structure, so the next read keeps the last read's indexes (ReadCache).
const VALUE_ATTRIBUTES = ['value', 'checked', 'selected', 'disabled'];
// Attributes the locators read (labels, ARIA names, ids, table headers, frames): a change clears them.
const LOCATOR_ATTRIBUTES = ['id', 'for', 'aria-label', 'aria-labelledby', 'role', 'scope', 'colspan', 'type', 'title', 'name', 'src', 'srcdoc'];

const OBSERVE: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: [...VALUE_ATTRIBUTES, ...LOCATOR_ATTRIBUTES],
};


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

/** A read waits for this long without a change (typing is a burst of changes: one read after it). */
export const QUIET_MS = 30;
/** Changes that go on without a pause still get a read this often, so the panel keeps up with long typing. */
export const MAX_WAIT_MS = 200;
/**
 * A read hands the thread back to the page once it has run this long (a frame is 16 ms;
 * one step, a row or a field, may run over). A small page is read in one slice.
 */
export const SLICE_MS = 8;
/** Inspect mode waits this long at most for a read the page's changes asked for (a page that never stops changing). */
const INSPECT_WAIT_MS = 2000;
/** One frame: no task of ours should be longer. */
export const FRAME_MS = 16;
/** Room left in a frame for what a slice does besides its steps (handing back, the next step running long). */
const SLICE_MARGIN_MS = 4;
/** A page's first read, when it takes several slices, tells the panel how far it has got this often at most. */
export const PROGRESS_EVERY_MS = 250;
/**
 * After a read that took T ms of the page's thread, the next one waits at least T times
 * this: the reader never takes more than about 1/(1 + BACK_OFF) of the thread (5%),
 * however often the page changes.
 */
export const BACK_OFF = 19;
/**
 * The back-off never holds a read for longer than this. On a slow or busy laptop a read
 * takes longer on the clock than its work (the thread is shared), and 19 times that held
 * a worker's change from the panel for many seconds after a page's first read.
 */
export const MAX_BACK_OFF_MS = 1000;
/**
 * A new task for the rest of a read, behind what the page has queued (its timers
 * included). scheduler.yield() would resume ahead of the page's own tasks, so a long read
 * would still hold up a page's timers; a posted task does not. Without postTask (Firefox
 * before 142) a message on a channel of our own: a timer in a background tab waits a
 * second or more, so a read of many slices in a tab opened behind another took minutes.
 */
export function pageYield(win: Window): () => Promise<void> {
  const scheduler = (win as Window & { scheduler?: { postTask?: (cb: () => void, o: { priority: string }) => Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const postTask = scheduler.postTask.bind(scheduler);
    return () => postTask(() => undefined, { priority: 'user-visible' });
  }
  const Channel = (win as Window & typeof globalThis).MessageChannel;
  if (typeof Channel === 'function') {
    const channel = new Channel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise((resolve) => win.setTimeout(resolve, 0));
}

export function startPageReader(deps: ReaderDeps): PageReader {
  const { document: doc, window: win, runtime } = deps;
  const quietMs = deps.quietMs ?? QUIET_MS;
  const maxWaitMs = deps.maxWaitMs ?? MAX_WAIT_MS;
  const clock = deps.now ?? (() => win.performance.now());
  const yieldToPage = deps.yieldToPage ?? pageYield(win);
  const partFacts = deps.partFacts ?? PART_FACTS;
  const pause = deps.pause ?? ((ms: number) => new Promise<void>((resolve) => win.setTimeout(resolve, ms)));
  // Changes the page has made (any at all, read or not): a read that sees them keeps going takes its time.
  let pageChanges = 0;
  const isTop = win.top === win;
  // The map in force, from storage (none until the background has stored it: nothing is read till then).
  let map: FieldMap | undefined = deps.map;
  // The map's content, to tell a new map from the same one stored again (Firefox tells of every store).
  let mapText = map ? JSON.stringify(map) : '';
  let relevance: Relevance | undefined = map ? relevanceFor(doc, map) : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  let lastSent = '';
  // What this page's last read sent, fact by fact (lib/content/fact-diff.ts): later reads send only changes.
  let lastFacts: LastRead | undefined;
  // When each fact was read with its value: kept across maps, so a re-read never freshens an unchanged old answer.
  const readTimes = new ReadTimes<ExtractResult['provenance'][string]>();
  let trayAtLoad: Set<string> | undefined;
  let stopped = false;
  let reads = 0;
  let lastRead: ReadStats | undefined;
  // The last read's result and the map it was read with: inspect mode answers from it.
  let lastResult: { map: FieldMap; result: ExtractResult | null } | undefined;
  // A read in progress, a change seen while it ran, and the earliest the next read may start.
  let running = false;
  let again = false;
  let notBefore = 0;
  let idleWaiters: (() => void)[] = [];
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

  const send = (message: unknown, onFailed?: () => void): void => {
    runtime.sendMessage(message).catch((error: unknown) => {
      if (!alive() || String(error).includes('context invalidated')) disconnected();
      else onFailed?.();
    });
  };

  /** Takes the changes the observer has not delivered yet (a read asked for straight after one). */
  const takeChanges = (): void => {
    const records = observer.takeRecords();
    if (records.length > 0) noteChanges(records);
  };

  /** Tells whoever waits in idle() that nothing is running or waiting to run. */
  const settled = (): void => {
    if (running || (timer !== undefined && !stopped)) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  /** Resolves when no read is running or waiting to run. */
  const idle = (): Promise<void> => (running || (timer !== undefined && !stopped) ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve());

  const read = (): void => {
    timer = undefined;
    firstChangeAt = 0;
    if (stopped || !map) return settled();
    if (!alive()) {
      disconnected();
      return settled();
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    reads += 1;
    void readInSlices().finally(() => {
      running = false;
      if (again && !stopped) {
        again = false;
        schedule();
      }
      settled();
    });
  };

  async function readInSlices(): Promise<void> {
    const stats: ReadStats = { slices: 0, longestMs: 0, totalMs: 0, messages: 0 };
    let sliceStart = clock();
    // The page's changes counted when the last slice ended: more since then means it is busy.
    let changesBefore = pageChanges;
    // Ends this slice and starts the next one after the page has had its turn; false once stopped.
    const nextSlice = async (): Promise<boolean> => {
      const spent = clock() - sliceStart;
      stats.slices += 1;
      stats.totalMs += spent;
      stats.longestMs = Math.max(stats.longestMs, spent);
      // A page that keeps changing (a clock, an autosave note) is busy: the rest of the read
      // waits as a re-read would (BACK_OFF), so the page keeps most of its thread.
      const busy = pageChanges !== changesBefore;
      changesBefore = pageChanges;
      if (busy) await pause(Math.min(spent * BACK_OFF, MAX_BACK_OFF_MS));
      else await yieldToPage();
      sliceStart = clock();
      lastCheck = sliceStart;
      return !stopped;
    };
    // A slice also ends early when the step just run, run again, would take it past a frame:
    // steps that search the whole page come together (identifying it, finding a table's rows).
    let lastCheck = sliceStart;
    const overSlice = (): boolean => {
      const at = clock();
      const step = at - lastCheck;
      lastCheck = at;
      return at - sliceStart >= SLICE_MS || at - sliceStart + step >= FRAME_MS - SLICE_MARGIN_MS;
    };
    // Only the page's first read says how far it has got: later reads are of a page the panel already shows.
    const firstOfPage = isTop && lastFacts === undefined;
    let progressAt = -Infinity;
    const tellProgress = (soFar: ReadSoFar): void => {
      const { identity, progress } = soFar;
      // Nothing to count yet (the page is still being identified): nothing to say.
      if (!identity || !map || progress.people.total + progress.fields.total === 0) return;
      const at = clock();
      if (at - progressAt < PROGRESS_EVERY_MS) return;
      progressAt = at;
      send({
        type: 'reading',
        caseSystem: identity.caseSystem,
        assessmentId: identity.assessmentId,
        ...(identity.section ? { section: identity.section } : {}),
        ...(identity.sections.length > 1 ? { sections: identity.sections } : {}),
        pagePath: pageView(map, win.location.href, identity.sections).pagePath,
        people: { ...progress.people },
        fields: { ...progress.fields },
      });
    };

    // The first read starts in a task of its own, not in the one that brought the field map from storage.
    if (reads === 1 && !(await nextSlice())) return;
    const active = map;
    if (!active) return;
    takeChanges();
    const url = win.location.href;
    // Frames with an address read themselves; srcdoc frames cannot (they see "about:srcdoc"): read here.
    const steps = extractSteps(doc, url, active, new Date(), { frames: 'inline', cache });
    let step = steps.next();
    // How far the read has got (the same object at every step), for a read sent in parts.
    const progress = step.done ? undefined : step.value.progress;
    while (!step.done) {
      if (overSlice()) {
        if (firstOfPage) tellProgress(step.value);
        // A change while the page has its turn schedules another read, which runs after this one.
        if (!(await nextSlice())) {
          steps.return(null);
          return;
        }
      }
      step = steps.next();
    }
    const result = step.value;
    lastResult = { map: active, result };
    watchInlineFrames();
    if (!result) {
      if (isTop) unrecognised(url, active);
    } else {
      // What changed since this page's last read: compared in steps too (a huge page has tens of thousands of facts).
      // What one view of the assessment shows (lib/adapters/page-view.ts): a read of another view starts afresh.
      const view = pageView(active, url, result.sections);
      const readKey = `facts:${result.assessmentId}:${view.view}`;
      const diffing = diffFactsInSteps(lastSent === readKey ? lastFacts : undefined, result.facts);
      let compared = diffing.next();
      while (!compared.done) {
        if (overSlice() && !(await nextSlice())) return;
        compared = diffing.next();
      }
      // A big read goes in parts, each in a slice of its own: the browser copies a message in one task.
      const sending = sendResult(active, result, view, readKey, compared.value, progress);
      let part = sending.next();
      while (!part.done) {
        if (!(await nextSlice())) return;
        part = sending.next();
      }
      stats.messages += part.value;
    }
    const spent = clock() - sliceStart;
    stats.slices += 1;
    stats.totalMs += spent;
    stats.longestMs = Math.max(stats.longestMs, spent);
    lastRead = stats;
    // Back off: a costly read is followed by a longer pause, so the page keeps most of its thread.
    notBefore = clock() + Math.min(stats.totalMs * BACK_OFF, MAX_BACK_OFF_MS);
  }

  /** The page's path, cut to what a message may carry (a longer one failed validation, and the panel kept the last case). */
  const pathOnly = (): string => win.location.pathname.slice(0, READ_LIMITS.pagePath);

  const unrecognised = (url: string, active: FieldMap): void => {
    const tray = readWorkTray(doc, url, active);
    if (tray) return workTray(tray, active);
    if (lastSent !== 'page') {
      lastSent = 'page';
      send({ type: 'page', state: 'unrecognised', pagePath: pathOnly() });
    }
  };

  /**
   * Sends what changed since this page's last read (all of it the first time), cut to the
   * limits, in parts of `partFacts` facts: it pauses after each part but the last, so the
   * caller can hand the thread back to the page between them.
   */
  function* sendResult(map: FieldMap, result: ExtractResult, view: PageView, readKey: string, diff: FactDiff<ExtractResult['facts'][number]>, progress: ReadSoFar['progress'] | undefined): Generator<void, number> {
    // The subject's person id may sit in a frame of this page (only then look there too).
    const personId = result.personId ?? (win.length > 0 && map.page.personId ? identifyPage(doc, win.location.href, map)?.personId : undefined);
    const { pagePath } = view;
    if (!diff.complete && diff.changed.length === 0 && diff.gone.length === 0) return 0;
    lastSent = readKey;
    lastFacts = diff.next;
    const sized = cutToLimits(diff.changed, result.notFound);
    const parts = inParts(sized.facts, diff.complete, partFacts);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as (typeof parts)[number];
      send({
        type: 'facts',
        caseSystem: map.caseSystem,
        mapId: map.id,
        assessmentId: result.assessmentId,
        ...(personId ? { personId } : {}),
        ...(result.section ? { section: result.section } : {}),
        ...(result.sections.length > 1 ? { sections: result.sections } : {}),
        pagePath,
        view: view.view,
        topFrame: isTop,
        facts: part.facts,
        provenance: readTimes.stamp(result.provenance, part.facts),
        notFound: sized.notFound,
        complete: part.complete,
        ...(part.shown ? { shown: part.shown } : {}),
        ...(part.more && progress ? { reading: { people: { ...progress.people }, fields: { ...progress.fields } } } : {}),
        // What is gone and what was cut go with the first part; the parts after it only add.
        ...(i === 0 && diff.gone.length > 0 ? { gone: diff.gone.slice(0, READ_LIMITS.gone) } : {}),
        ...(i === 0 && sized.cut ? { cut: sized.cut } : {}),
      }, () => {
        // Not delivered (the background was restarting): the next read sends the whole page again.
        if (lastSent === readKey) {
          lastSent = '';
          lastFacts = undefined;
        }
      });
      if (part.more) yield;
    }
    return parts.length;
  }

  /** On the work tray: a badge beside each assessment we hold a record for, with its next deadline. */
  const workTray = (all: ReturnType<typeof readWorkTray> & object, map: FieldMap): void => {
    // Badges only for the rows the case system showed at load: a script adding guessed rows learns nothing (tray-badges.ts).
    trayAtLoad ??= new Set(all.map((r) => r.assessmentId));
    const atLoad = trayAtLoad;
    const rows = all.filter((r) => atLoad.has(r.assessmentId));
    const ids = rows.map((r) => r.assessmentId);
    const signature = `tray:${ids.join(',')}`;
    // Our own badges change the page: ask again only when the list itself changes.
    if (signature === lastSent) return;
    lastSent = signature;
    send({ type: 'page', state: 'work-tray', pagePath: pathOnly() });
    runtime
      .sendMessage({ type: 'tray-badges', caseSystem: map.caseSystem, assessmentIds: ids.slice(0, 500) })
      .then((reply) => showTrayBadges(doc, rows, reply))
      .catch(() => undefined);
  };

  const schedule = (): void => {
    if (stopped) return;
    const now = Date.now();
    if (!firstChangeAt) firstChangeAt = now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = now - firstChangeAt >= maxWaitMs ? 0 : quietMs;
    // Never sooner than the back-off after the last read allows.
    timer = setTimeout(read, Math.max(wait, notBefore - clock()));
  };

  /** A value changed (typing, a click): its household row is read again, then the page. */
  const onValue = (event: Event): void => {
    cache.touch(event.target as Node | null);
    schedule();
  };

  /** What the observer saw: value attributes mark their row; other changes our fields may be in clear the cache; the rest are skipped. */
  function noteChanges(records: readonly MutationRecord[]): boolean {
    let structure = false;
    let values = false;
    for (const r of records) {
      if (r.type === 'attributes' && VALUE_ATTRIBUTES.includes(r.attributeName ?? '')) {
        cache.touch(r.target);
        values = true;
      } else if (!structure && relevance?.matters([r])) {
        structure = true;
      }
    }
    if (structure) {
      cache.clear();
      relevance?.forget();
    }
    return structure || values;
  }

  const onShowField: Listener = (message, sender, sendResponse) => {
    if (sender.id !== runtime.id) return undefined;
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, path } = message as { type?: unknown; path?: unknown };
    if (type !== 'show-field' || typeof path !== 'string' || !map) return undefined;
    const element = locateField(doc, map, path, { frames: 'inline' });
    // Frames that do not hold the field stay silent so the one that does can answer.
    if (!element) return undefined;
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

  // The srcdoc frames this page reads: their typing and changes are watched as the page's own.
  const watched = new Set<Document>();
  function watchInlineFrames(): void {
    for (const frameDoc of cache.documents()) {
      if (frameDoc === doc || watched.has(frameDoc) || !frameDoc.documentElement) continue;
      watched.add(frameDoc);
      frameDoc.addEventListener('input', onValue, true);
      frameDoc.addEventListener('change', onValue, true);
      observer.observe(frameDoc.documentElement, OBSERVE);
    }
  }

  // Inspect mode and Pick a field (lib/content/inspect.ts): answered only when the panel asks.
  // Its answers come from the reader's own last read (taken in slices), once the read a change asked for has run.
  const lastReadForInspect = async (): Promise<ExtractResult | null | undefined> => {
    await Promise.race([idle(), new Promise((resolve) => win.setTimeout(resolve, INSPECT_WAIT_MS))]);
    return lastResult && lastResult.map === map ? lastResult.result : undefined;
  };
  const inspect = inspectResponder({ document: doc, window: win, runtimeId: () => runtime.id, map: () => map, frameDocuments: () => cache.documents(), lastRead: lastReadForInspect });

  function stop(): void {
    stopped = true;
    inspect.stop();
    for (const frameDoc of watched) {
      frameDoc.removeEventListener('input', onValue, true);
      frameDoc.removeEventListener('change', onValue, true);
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    settled();
    observer.disconnect();
    doc.removeEventListener('input', onValue, true);
    doc.removeEventListener('change', onValue, true);
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

  const observer = new (win as Window & typeof globalThis).MutationObserver((records) => {
    pageChanges += records.length;
    // A clock or a chat window that changes all the time costs nothing: no read for changes our fields cannot be in.
    if (noteChanges(records)) schedule();
  });

  doc.addEventListener('input', onValue, true);
  doc.addEventListener('change', onValue, true);
  // A frame's load event does not bubble, but the document sees it while capturing.
  doc.addEventListener('load', onFrameLoad, true);
  observer.observe(doc.documentElement, OBSERVE);
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
    lastSent = '';
    lastFacts = undefined;
    return true;
  };
  const onStorage: StorageListener = (changes, area) => {
    if (area !== undefined && area !== 'local') return;
    const change = changes[READER_MAP_KEY];
    if (change && useMap(change.newValue) && !stopped) schedule();
  };
  deps.storage.onChanged?.addListener(onStorage);

  deps.storage
    .get(READER_MAP_KEY)
    .then((stored) => void useMap(stored[READER_MAP_KEY]))
    .catch(() => undefined)
    .finally(read);

  return {
    // At once, instead of the read a change asked for.
    readNow: () => {
      if (timer !== undefined) clearTimeout(timer);
      read();
    },
    stop,
    alive,
    get reads() {
      return reads;
    },
    get lastRead() {
      return lastRead;
    },
    idle,
  };
}
