/**
 * The content script's logic, with the extension APIs passed in so it can be tested
 * in node with a DOM library. It must stay small (no zod, no Preact): the background
 * validates everything it sends.
 */
import { ReadCache, extract, identifyPage, locateField, readWorkTray } from '../adapters/extractor';
import { showTrayBadges } from './tray-badges';
import { inspectResponder } from './inspect';
import { cutToLimits, diffFacts, provenanceOf, READ_LIMITS, type LastRead } from './fact-diff';
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
}

import { ACTIVE_MAP_KEY } from '../config/keys';
export { ACTIVE_MAP_KEY };
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

function changesStructure(records: readonly MutationRecord[]): boolean {
  return records.some((r) => r.type !== 'attributes' || !VALUE_ATTRIBUTES.includes(r.attributeName ?? ''));
}

export interface PageReader {
  readNow(): void;
  stop(): void;
  /** Is the extension that started this reader still there (not updated or removed since)? */
  alive(): boolean;
  /** How many reads have run: for benchmarks and tests. */
  readonly reads: number;
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

export function startPageReader(deps: ReaderDeps): PageReader {
  const { document: doc, window: win, runtime } = deps;
  const quietMs = deps.quietMs ?? QUIET_MS;
  const maxWaitMs = deps.maxWaitMs ?? MAX_WAIT_MS;
  const isTop = win.top === win;
  let map: FieldMap = bundledMap as unknown as FieldMap;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  let lastSent = '';
  let lastFacts: LastRead | undefined;
  let trayAtLoad: Set<string> | undefined;
  let stopped = false;
  let reads = 0;
  // What the last read learnt about the page's structure; dropped when the structure changes.
  const cache = new ReadCache();

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

  const read = (): void => {
    timer = undefined;
    firstChangeAt = 0;
    if (stopped) return;
    if (!alive()) return disconnected();
    reads += 1;
    // Changes not yet delivered to the observer (a read asked for straight after one).
    if (changesStructure(observer.takeRecords())) cache.clear();
    const url = win.location.href;
    // One pass: extract() recognises the page itself (null when the map does not know it).
    // Frames with an address read themselves; srcdoc frames cannot (they see "about:srcdoc"): read here.
    const result = extract(doc, url, map, new Date(), { frames: 'inline', cache });
    watchInlineFrames();
    if (!result) {
      if (!isTop) return;
      const tray = readWorkTray(doc, url, map);
      if (tray) return workTray(tray);
      if (lastSent !== 'page') {
        lastSent = 'page';
        send({ type: 'page', state: 'unrecognised', pagePath: win.location.pathname });
      }
      return;
    }
    // The subject's person id may sit in a frame of this page (only then look there too).
    const personId = result.personId ?? (win.length > 0 && map.page.personId ? identifyPage(doc, url, map)?.personId : undefined);
    // Only send what changed since this page's last read (lib/content/fact-diff.ts).
    const pagePath = win.location.pathname.slice(0, READ_LIMITS.pagePath);
    const readKey = `facts:${result.assessmentId}:${result.sections.join(',')}:${pagePath}`;
    const diff = diffFacts(lastSent === readKey ? lastFacts : undefined, result.facts);
    if (!diff.complete && diff.changed.length === 0 && diff.gone.length === 0) return;
    lastSent = readKey;
    lastFacts = diff.next;
    const sized = cutToLimits(diff.changed, result.notFound);
    send({
      type: 'facts',
      caseSystem: map.caseSystem,
      mapId: map.id,
      assessmentId: result.assessmentId,
      ...(personId ? { personId } : {}),
      ...(result.section ? { section: result.section } : {}),
      ...(result.sections.length > 1 ? { sections: result.sections } : {}),
      pagePath,
      topFrame: isTop,
      facts: sized.facts,
      provenance: provenanceOf(result.provenance, sized.facts),
      notFound: sized.notFound,
      complete: diff.complete,
      ...(diff.gone.length > 0 ? { gone: diff.gone.slice(0, READ_LIMITS.gone) } : {}),
      ...(sized.cut ? { cut: sized.cut } : {}),
    }, () => {
      // Not delivered (the background was restarting): the next read sends the whole page again.
      if (lastSent === readKey) {
        lastSent = '';
        lastFacts = undefined;
      }
    });
  };

  /** On the work tray: a badge beside each assessment we hold a record for, with its next deadline. */
  const workTray = (all: ReturnType<typeof readWorkTray> & object): void => {
    // Badges only for the rows the case system showed at load: a script adding guessed rows learns nothing (tray-badges.ts).
    trayAtLoad ??= new Set(all.map((r) => r.assessmentId));
    const atLoad = trayAtLoad;
    const rows = all.filter((r) => atLoad.has(r.assessmentId));
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
    timer = setTimeout(read, wait);
  };

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
      frameDoc.addEventListener('input', schedule, true);
      frameDoc.addEventListener('change', schedule, true);
      observer.observe(frameDoc.documentElement, OBSERVE);
    }
  }

  // Inspect mode and Pick a field (lib/content/inspect.ts): answered only when the panel asks.
  const inspect = inspectResponder({ document: doc, window: win, runtimeId: () => runtime.id, map: () => map, frameDocuments: () => cache.documents() });

  function stop(): void {
    stopped = true;
    inspect.stop();
    for (const frameDoc of watched) {
      frameDoc.removeEventListener('input', schedule, true);
      frameDoc.removeEventListener('change', schedule, true);
    }
    if (timer !== undefined) clearTimeout(timer);
    observer.disconnect();
    doc.removeEventListener('input', schedule, true);
    doc.removeEventListener('change', schedule, true);
    doc.removeEventListener('load', onFrameLoad, true);
    if (framesTimer !== undefined) clearTimeout(framesTimer);
    try {
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
    if (changesStructure(records)) cache.clear();
    schedule();
  });

  doc.addEventListener('input', schedule, true);
  doc.addEventListener('change', schedule, true);
  // A frame's load event does not bubble, but the document sees it while capturing.
  doc.addEventListener('load', onFrameLoad, true);
  observer.observe(doc.documentElement, OBSERVE);
  runtime.onMessage.addListener(onShowField);
  runtime.onMessage.addListener(inspect.listener);

  deps.storage
    .get(ACTIVE_MAP_KEY)
    .then((stored) => {
      const candidate = stored[ACTIVE_MAP_KEY];
      // The background only stores a map that passed validation.
      if (candidate && typeof candidate === 'object') map = candidate as FieldMap;
    })
    .catch(() => undefined)
    .finally(read);

  return {
    readNow: read,
    stop,
    alive,
    get reads() {
      return reads;
    },
  };
}
