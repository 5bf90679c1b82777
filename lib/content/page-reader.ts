/**
 * The content script's logic, with the extension APIs passed in so it can be tested
 * in node with a DOM library. It must stay small (no zod, no Preact): the background
 * validates everything it sends.
 */
import { ReadCache, extractSteps, identifyPage, locateField, readWorkTray, type ExtractResult, type FactProvenance, type ReadSoFar } from '../adapters/extractor';
import { showTrayBadges } from './tray-badges';
import { relevanceFor, type Relevance } from './relevance';
import type { FieldMap } from '../adapters/field-map-schema';
import bundledMap from '../adapters/maps/lcs-demo.json';

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => boolean | undefined;

export interface ReaderDeps {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
  };
  storage: { get(key: string): Promise<Record<string, unknown>> };
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

export const ACTIVE_MAP_KEY = 'activeFieldMap';
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
/**
 * After a read that took T ms of the page's thread, the next one waits at least T times
 * this: the reader never takes more than about 1/(1 + BACK_OFF) of the thread (5%),
 * however often the page changes.
 */
export const BACK_OFF = 19;
/** A read still going after this long sends what it has so far, so the panel fills in as it reads. */
export const PROGRESS_MS = 250;
/** Facts per message: a large household is sent in parts (the background takes at most 5,000 per message). */
export const FACTS_PER_MESSAGE = 1000;
/** notFound entries per message (the background takes at most 2,000; more are left unknown, never guessed). */
const NOT_FOUND_PER_MESSAGE = 2000;

/**
 * A new task for the rest of a read, behind what the page has queued (its timers
 * included). scheduler.yield() would resume ahead of the page's own tasks, so a long read
 * would still hold up a page's timers; a posted task does not.
 */
function defaultYield(win: Window): () => Promise<void> {
  const scheduler = (win as Window & { scheduler?: { postTask?: (cb: () => void, o: { priority: string }) => Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const postTask = scheduler.postTask.bind(scheduler);
    return () => postTask(() => undefined, { priority: 'user-visible' });
  }
  return () => new Promise((resolve) => win.setTimeout(resolve, 0));
}

export function startPageReader(deps: ReaderDeps): PageReader {
  const { document: doc, window: win, runtime } = deps;
  const quietMs = deps.quietMs ?? QUIET_MS;
  const maxWaitMs = deps.maxWaitMs ?? MAX_WAIT_MS;
  const clock = deps.now ?? (() => win.performance.now());
  const yieldToPage = deps.yieldToPage ?? defaultYield(win);
  const isTop = win.top === win;
  let map: FieldMap = bundledMap as unknown as FieldMap;
  let relevance: Relevance = relevanceFor(doc, map);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  let lastSent = '';
  // What was last sent for this page, fact by fact (JSON of each value): a read sends only when one differs.
  let sentValues = new Map<string, string>();
  let stopped = false;
  let reads = 0;
  let lastRead: ReadStats | undefined;
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

  const send = (message: unknown): void => {
    runtime.sendMessage(message).catch((error: unknown) => {
      if (!alive() || String(error).includes('context invalidated')) disconnected();
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

  const read = (): void => {
    timer = undefined;
    firstChangeAt = 0;
    if (stopped) return settled();
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
    let lastProgress = sliceStart;
    // Ends this slice and starts the next one after the page has had its turn; false once stopped.
    const nextSlice = async (): Promise<boolean> => {
      const spent = clock() - sliceStart;
      stats.slices += 1;
      stats.totalMs += spent;
      stats.longestMs = Math.max(stats.longestMs, spent);
      await yieldToPage();
      sliceStart = clock();
      return !stopped;
    };
    const overSlice = (): boolean => clock() - sliceStart >= SLICE_MS;

    // The first read starts in a task of its own, not in the one that brought the field map from storage.
    if (reads === 1 && !(await nextSlice())) return;
    takeChanges();
    const url = win.location.href;
    // Frames with an address read themselves; srcdoc frames cannot (they see "about:srcdoc"): read here.
    const steps = extractSteps(doc, url, map, new Date(), { frames: 'inline', cache });
    let step = steps.next();
    // Facts sent so far in this read (a long read sends what it has as it goes).
    const sentNow = new Set<string>();
    while (!step.done) {
      if (overSlice()) {
        if (clock() - lastProgress >= PROGRESS_MS) {
          lastProgress = clock();
          stats.messages += sendSoFar(step.value, sentNow);
        }
        // A change while the page has its turn schedules another read, which runs after this one.
        if (!(await nextSlice())) {
          steps.return(null);
          return;
        }
      }
      step = steps.next();
    }
    const result = step.value;
    watchInlineFrames();
    if (!result) {
      if (isTop) unrecognised(url);
    } else {
      for await (const sent of sendResult(result, sentNow, overSlice, nextSlice)) stats.messages += sent;
    }
    const spent = clock() - sliceStart;
    stats.slices += 1;
    stats.totalMs += spent;
    stats.longestMs = Math.max(stats.longestMs, spent);
    lastRead = stats;
    // Back off: a costly read is followed by a longer pause, so the page keeps most of its thread.
    notBefore = clock() + stats.totalMs * BACK_OFF;
  }

  const pageKey = (base: { assessmentId: string; section?: string; sections?: readonly string[]; personId?: string }): string =>
    JSON.stringify([base.assessmentId, base.section ?? '', base.sections ?? [], base.personId ?? '']);

  const unrecognised = (url: string): void => {
    const tray = readWorkTray(doc, url, map);
    if (tray) return workTray(tray);
    if (lastSent !== 'page') {
      lastSent = 'page';
      sentValues = new Map();
      send({ type: 'page', state: 'unrecognised', pagePath: win.location.pathname });
    }
  };

  const header = (result: Pick<ExtractResult, 'assessmentId' | 'section' | 'sections' | 'personId'>) => {
    // The subject's person id may sit in a frame of this page (only then look there too).
    const personId = result.personId ?? (win.length > 0 && map.page.personId ? identifyPage(doc, win.location.href, map)?.personId : undefined);
    return {
      type: 'facts',
      caseSystem: map.caseSystem,
      mapId: map.id,
      assessmentId: result.assessmentId,
      ...(personId ? { personId } : {}),
      ...(result.section ? { section: result.section } : {}),
      ...(result.sections.length > 1 ? { sections: result.sections } : {}),
      pagePath: win.location.pathname,
      topFrame: isTop,
    };
  };

  const factsMessage = (base: Record<string, unknown>, facts: { path: string; value: unknown }[], provenance: (path: string) => FactProvenance | undefined, notFound: ExtractResult['notFound'], partial: boolean) => {
    const where: Record<string, FactProvenance> = {};
    for (const f of facts) {
      const p = provenance(f.path);
      if (p) where[f.path] = p;
    }
    return { ...base, facts, provenance: where, notFound, ...(partial ? { partial: true } : {}) };
  };

  /** A long read's facts so far, those not yet sent in this read: the panel fills in while the read goes on. */
  const sendSoFar = (soFar: ReadSoFar, sentNow: Set<string>): number => {
    const base = header(soFar.identity);
    const facts: { path: string; value: unknown }[] = [];
    for (const [path, value] of soFar.values) {
      if (sentNow.has(path) || facts.length >= FACTS_PER_MESSAGE) continue;
      facts.push({ path, value });
      sentNow.add(path);
    }
    if (facts.length === 0) return 0;
    const key = pageKey(base);
    if (lastSent !== key) {
      lastSent = key;
      sentValues = new Map();
    }
    for (const f of facts) sentValues.set(f.path, JSON.stringify(f.value));
    send(factsMessage(base, facts, (p) => soFar.provenance.get(p), [], true));
    return 1;
  };

  /**
   * Sends a finished read when a fact differs from what was last sent for this page
   * (every fact, as before), in parts of FACTS_PER_MESSAGE; nothing when all are the same.
   * Compares and sends in slices too: a household of 10,000 people has 70,000 facts.
   */
  async function* sendResult(result: ExtractResult, sentNow: Set<string>, overSlice: () => boolean, nextSlice: () => Promise<boolean>): AsyncGenerator<number> {
    const base = header(result);
    const key = pageKey(base);
    const samePage = lastSent === key;
    const before = samePage ? sentValues : new Map<string, string>();
    const now = new Map<string, string>();
    let differs = !samePage || before.size !== result.facts.length;
    for (const f of result.facts) {
      const json = JSON.stringify(f.value);
      now.set(f.path, json);
      if (!differs && before.get(f.path) !== json) differs = true;
      if (overSlice() && !(await nextSlice())) return;
    }
    if (!differs && sentNow.size === 0) return;
    lastSent = key;
    sentValues = now;
    // A read that sent parts as it went sends the rest, and any fact that changed since; otherwise every fact.
    const facts = sentNow.size > 0 ? result.facts.filter((f) => !sentNow.has(f.path) || before.get(f.path) !== now.get(f.path)) : result.facts;
    const notFound = result.notFound.slice(0, NOT_FOUND_PER_MESSAGE);
    for (let i = 0; i < facts.length || i === 0; i += FACTS_PER_MESSAGE) {
      const part = facts.slice(i, i + FACTS_PER_MESSAGE);
      const last = i + FACTS_PER_MESSAGE >= facts.length;
      send(factsMessage(base, part, (p) => result.provenance[p], last ? notFound : [], !last));
      yield 1;
      if (!last && overSlice() && !(await nextSlice())) return;
    }
  }

  /** On the work tray: a badge beside each assessment we hold a record for, with its next deadline. */
  const workTray = (rows: ReturnType<typeof readWorkTray> & object): void => {
    const ids = rows.map((r) => r.assessmentId);
    const signature = `tray:${ids.join(',')}`;
    // Our own badges change the page: ask again only when the list itself changes.
    if (signature === lastSent) return;
    lastSent = signature;
    send({ type: 'page', state: 'work-tray', pagePath: win.location.pathname });
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
      } else if (!structure && relevance.matters([r])) {
        structure = true;
      }
    }
    if (structure) {
      cache.clear();
      relevance.forget();
    }
    return structure || values;
  }

  const onShowField: Listener = (message, sender, sendResponse) => {
    if (sender.id !== runtime.id) return undefined;
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, path } = message as { type?: unknown; path?: unknown };
    if (type !== 'show-field' || typeof path !== 'string') return undefined;
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

  function stop(): void {
    stopped = true;
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
      runtime.onMessage.removeListener(onShowField);
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
    if ((tag !== 'IFRAME' && tag !== 'FRAME') || framesTimer !== undefined || stopped) return;
    framesTimer = setTimeout(() => {
      framesTimer = undefined;
      if (!stopped) send({ type: 'frames-loaded' });
    }, quietMs);
  };

  const observer = new (win as Window & typeof globalThis).MutationObserver((records) => {
    // A clock or a chat window that changes all the time costs nothing: no read for changes our fields cannot be in.
    if (noteChanges(records)) schedule();
  });

  doc.addEventListener('input', onValue, true);
  doc.addEventListener('change', onValue, true);
  // A frame's load event does not bubble, but the document sees it while capturing.
  doc.addEventListener('load', onFrameLoad, true);
  observer.observe(doc.documentElement, OBSERVE);
  runtime.onMessage.addListener(onShowField);

  deps.storage
    .get(ACTIVE_MAP_KEY)
    .then((stored) => {
      const candidate = stored[ACTIVE_MAP_KEY];
      // The background only stores a map that passed validation.
      if (candidate && typeof candidate === 'object') {
        map = candidate as FieldMap;
        relevance = relevanceFor(doc, map);
      }
    })
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
    idle: () => (running || (timer !== undefined && !stopped) ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
  };
}
