/**
 * The content script's reader: wires its parts (lib/content/reader/, docs/reader.md)
 * together, with the extension APIs passed in so it can be tested in node with a DOM
 * library. It must stay small (no zod, no Preact): the background validates everything it sends.
 */
import { ReadCache, type ExtractResult } from '../adapters/extractor';
import { PART_FACTS, ReadTimes } from './fact-diff';
import type { PageReader, ReaderDeps } from './reader/deps';
import { connection } from './reader/connection';
import { mapIntake } from './reader/map-intake';
import { readTimer, MAX_WAIT_MS, QUIET_MS } from './reader/when-to-read';
import { slices, type ReadStats } from './reader/slices';
import { backOff } from './reader/back-off';
import { pageYield } from './reader/page-yield';
import { watchChanges } from './reader/changes';
import { inViewWatcher, shownScopes } from './reader/in-view';
import { LastSent } from './reader/last-sent';
import { factsSender } from './reader/send-facts';
import { progressTeller } from './reader/progress';
import { readSender } from './reader/send-read';
import { pageRead } from './reader/read-page';
import { unrecognisedPage } from './reader/unrecognised';
import { showFieldListener } from './reader/show-field';
import { inspectHook, type LastResult } from './reader/inspect-hook';
import { lateFrames } from './reader/late-frames';
import { showReconnectNote } from './reader/reconnect-note';
import { onePerFrame } from './reader/one-per-frame';

export type { PageReader, ReaderDeps } from './reader/deps';
export { BACK_OFF, MAX_BACK_OFF_MS } from './reader/back-off';
export { FRAME_MS, SLICE_MS, type ReadStats } from './reader/slices';
export { pageYield } from './reader/page-yield';
export { MAX_WAIT_MS, QUIET_MS } from './reader/when-to-read';
export { PROGRESS_EVERY_MS } from './reader/progress';


/** Starts the reader unless this frame already has one that is still connected (one-per-frame.ts). */
export function startPageReaderOnce(deps: ReaderDeps): PageReader {
  return onePerFrame(deps.window, () => startPageReader(deps));
}

export function startPageReader(deps: ReaderDeps): PageReader {
  const { document: doc, window: win, runtime } = deps;
  const quietMs = deps.quietMs ?? QUIET_MS;
  const clock = deps.now ?? (() => win.performance.now());
  const isTop = win.top === win;
  let stopped = false;
  let lastRead: ReadStats | undefined;
  // The last read's result and the map it was read with: inspect mode answers from it.
  let lastResult: LastResult | undefined;
  // What the last read learnt about the page's structure, and each household row's output;
  // dropped when the structure changes, a row's when a value in it changes.
  const cache = new ReadCache({ rows: true });
  // What this page's last read sent, fact by fact: later reads send only changes.
  const sent = new LastSent();
  const maps = mapIntake({ doc, storage: deps.storage, initial: deps.map, fresh: () => (cache.clear(), sent.forget()), changed: () => !stopped && when.schedule(), loaded: () => when.read() });
  const link = connection(runtime, () => disconnected());
  const when = readTimer({ quietMs, maxWaitMs: deps.maxWaitMs ?? MAX_WAIT_MS, clock, ready: () => maps.map() !== undefined && link.check(), run: () => read() });
  // On a page showing several sections: which one the worker is in, said when it changes.
  const inView = inViewWatcher(doc, win, (section) => {
    if (isTop && lastResult?.result) link.send({ type: 'in-view', assessmentId: lastResult.result.assessmentId, section });
  });
  // When each fact was read with its value: kept across maps, so a re-read never freshens an unchanged old answer.
  const readTimes = new ReadTimes<ExtractResult['provenance'][string]>();
  const sendFacts = factsSender({ topFrame: isTop, partFacts: deps.partFacts ?? PART_FACTS, readTimes, sent, send: link.send });
  const unrecognised = unrecognisedPage({ doc, win, sent, send: link.send, ask: (message) => runtime.sendMessage(message) });
  const yieldToPage = deps.yieldToPage ?? pageYield(win);
  const pause = deps.pause ?? ((ms: number) => new Promise<void>((resolve) => win.setTimeout(resolve, ms)));
  const read = pageRead({
    doc,
    win,
    map: maps.map,
    cache,
    slices: () => slices({ clock, yieldToPage, pause, changes: changes.count, stopped: () => stopped }),
    firstRead: () => when.reads === 1,
    firstOfPage: () => isTop && sent.facts === undefined,
    progressTeller: () => progressTeller(maps.map, () => win.location.href, clock, link.send),
    takeChanges: () => changes.take(),
    found(map, result) {
      lastResult = { map, result };
      changes.watchFrames();
      inView.use(shownScopes(map, result));
    },
    unrecognised: (url, map) => isTop && unrecognised(url, map),
    sendRead: readSender({ doc, win, sent, sendFacts }),
    done(stats) {
      lastRead = stats;
      // Back off: a costly read is followed by a longer pause, so the page keeps most of its thread.
      when.holdFor(backOff(stats.totalMs));
    },
  });
  const onShowField = showFieldListener(doc, win, () => runtime.id, maps.map);
  const inspect = inspectHook({ doc, win, runtimeId: () => runtime.id, map: maps.map, cache, idle: when.idle, lastResult: () => lastResult });

  function stop(): void {
    stopped = true;
    inspect.stop();
    inView.stop();
    when.stop();
    changes.stop();
    frames.stop();
    try {
      maps.stop();
      runtime.onMessage.removeListener(onShowField);
      runtime.onMessage.removeListener(inspect.listener);
    } catch {
      // The extension context may already be gone.
    }
  }
  /** The extension was updated or reloaded: stop quietly and say so (reconnect-note.ts). */
  function disconnected(): void {
    if (stopped) return;
    stop();
    if (isTop) showReconnectNote(doc);
  }

  const changes = watchChanges(doc, win, cache, maps.relevance, when.schedule);
  const frames = lateFrames(doc, quietMs, () => link.send({ type: 'frames-loaded' }));
  runtime.onMessage.addListener(onShowField);
  runtime.onMessage.addListener(inspect.listener);
  maps.start();

  return {
    // At once, instead of the read a change asked for.
    readNow: when.readNow,
    stop,
    alive: link.alive,
    get reads() {
      return when.reads;
    },
    get lastRead() {
      return lastRead;
    },
    idle: when.idle,
  };
}
