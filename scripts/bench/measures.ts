/**
 * The benchmark's measurements, each in real Chromium. Every comparison with and without
 * the extension uses the same page, in the same run, in alternating order.
 */
import type { Browser, Page } from 'puppeteer';
import { openPanelPage } from '../lib/launch';
import { EVAL_ATTRIBUTE, START_ATTRIBUTE } from './build';
import { burst, changeField, collectGarbage, freshPage, longTasks, metrics, traced } from './browser';
import { pairedRatio, sleep, summarise, type PairedRatio, type Summary } from './stats';
import { extensionActivity, loadPath, type ExtensionActivity, type LoadPath } from './trace';

export interface Target {
  id: string;
  label: string;
  path: string;
  /** A text box the map reads (its fact flips between blank and filled). */
  field: string;
  /** A page of the assessment form itself (the first-read and re-read budgets apply). */
  assessmentPage: boolean;
  /** How long to leave the page after load before measuring (the content script runs at document_idle). */
  settleMs: number;
  /** Measured in the page (not for a page of frames: each frame reads itself). */
  inPage?: false;
  /** So large that fewer rounds and re-reads are run. */
  heavy?: boolean;
  /** How it is changed all the time in the storm runs (see StormKind). */
  storm?: readonly StormKind[];
}

/** One read in slices, as the in-page harness times it (scripts/bench/in-page.ts). */
export interface TimedRead {
  slices: number;
  longestMs: number;
  totalMs: number;
  messages: number;
  wallMs: number;
}

type BenchGlobal = {
  __acBench: {
    startReader(o?: { manual?: boolean }): void;
    timedRead(): Promise<TimedRead>;
    messages(): { count: number; chars: number };
    extractOnce(): { ms: number; facts: number; notFound: number };
    reads(): number;
    sent(): number;
    stopReader(): void;
  };
};

// ------------------------------------------------------------ in the page, without the extension

export interface InPageResult {
  /** The first read on a freshly loaded page in a new tab: cold code, as the content script's first read is (all its slices together). */
  firstRead: Summary;
  /** Its longest slice (the longest task it gave the page), and how many slices it took. */
  firstLongest: Summary;
  firstSlices: Summary;
  /** The longest slice of any warm read (same read again, re-reads). */
  warmLongest: Summary;
  /** Each read's longest slice, to count those over a frame. */
  longestSamples: { first: number[]; warm: number[] };
  /**
   * The first read after the same page loads again in the same tab, as when a worker moves on
   * to the next page: the tab's renderer has compiled the reader before, so less is compiled.
   */
  nextInTab: Summary;
  /** The same read again, nothing changed. */
  warmRead: Summary;
  /** extract() alone (no identify, no compare), warm. */
  extractOnly: Summary;
  /** A read after one field changed (its fact flips, so the read also builds and sends a message). */
  reRead: Summary;
  facts: number;
  notFound: number;
  /** Reads the reader made for a burst of changes, and how long the burst took. */
  burst: { changes: number; reads: number[]; burstMs: number[] };
}

export async function inPageReads(browser: Browser, baseUrl: string, target: Target, bundle: string, rounds: number, changes: number, burstSize: number): Promise<InPageResult> {
  const first: number[] = [];
  const firstLongest: number[] = [];
  const firstSlices: number[] = [];
  const warmLongest: number[] = [];
  const nextInTab: number[] = [];
  const warm: number[] = [];
  const extractOnly: number[] = [];
  const reRead: number[] = [];
  const burstReads: number[] = [];
  const burstMs: number[] = [];
  let facts = 0;
  let notFound = 0;
  for (let r = 0; r < rounds; r++) {
    const bp = await freshPage(browser);
    try {
      const { page } = bp;
      await page.goto(baseUrl + target.path, { waitUntil: 'load', timeout: 300_000 });
      await page.addScriptTag({ content: bundle });
      await sleep(300);
      const cold = await page.evaluate(async () => {
        const b = (globalThis as unknown as BenchGlobal).__acBench;
        b.startReader({ manual: true });
        const firstRead = await b.timedRead();
        const again: TimedRead[] = [];
        for (let i = 0; i < 10; i++) again.push(await b.timedRead());
        const ex: number[] = [];
        let last = { ms: 0, facts: 0, notFound: 0 };
        for (let i = 0; i < 5; i++) {
          last = b.extractOnce();
          ex.push(last.ms);
        }
        return { firstRead, again, ex, facts: last.facts, notFound: last.notFound };
      });
      first.push(cold.firstRead.totalMs);
      firstLongest.push(cold.firstRead.longestMs);
      firstSlices.push(cold.firstRead.slices);
      warm.push(...cold.again.map((r) => r.totalMs));
      warmLongest.push(...cold.again.map((r) => r.longestMs));
      extractOnly.push(...cold.ex);
      facts = cold.facts;
      notFound = cold.notFound;
      // Re-reads: one field changes, the next read runs in a task of its own, as the debounced one does.
      for (let i = 0; i < changes; i++) {
        const r = await page.evaluate((sel: string) => {
          const el = document.querySelector(sel) as HTMLTextAreaElement | null;
          if (!el) throw new Error(`no ${sel}`);
          el.value = el.value.length > 0 ? '' : 'Seen at home';
          // As typing does: the reader is told which part of the page changed.
          el.dispatchEvent(new Event('input', { bubbles: true }));
          return (globalThis as unknown as BenchGlobal).__acBench.timedRead();
        }, target.field);
        reRead.push(r.totalMs);
        warmLongest.push(r.longestMs);
        await sleep(20);
      }
      // A burst with the reader on its own timers.
      await page.evaluate(() => {
        const b = (globalThis as unknown as BenchGlobal).__acBench;
        b.stopReader();
        b.startReader();
      });
      await sleep(300);
      const before = await page.evaluate(() => (globalThis as unknown as BenchGlobal).__acBench.reads());
      burstMs.push(await burst(page, target.field, burstSize));
      await sleep(800);
      const after = await page.evaluate(() => (globalThis as unknown as BenchGlobal).__acBench.reads());
      burstReads.push(after - before);
      // The page again in the same tab: a fresh document and reader, in a renderer that has run it before.
      await page.goto(baseUrl + target.path, { waitUntil: 'load', timeout: 300_000 });
      await page.addScriptTag({ content: bundle });
      await sleep(300);
      const next = await page.evaluate(() => {
        const b = (globalThis as unknown as BenchGlobal).__acBench;
        b.startReader({ manual: true });
        return b.timedRead();
      });
      nextInTab.push(next.totalMs);
    } finally {
      await bp.close();
    }
  }
  return {
    firstRead: summarise(first),
    firstLongest: summarise(firstLongest),
    firstSlices: summarise(firstSlices),
    warmLongest: summarise(warmLongest),
    longestSamples: { first: firstLongest, warm: warmLongest },
    nextInTab: summarise(nextInTab),
    warmRead: summarise(warm),
    extractOnly: summarise(extractOnly),
    reRead: summarise(reRead),
    facts,
    notFound,
    burst: { changes: burstSize, reads: burstReads, burstMs },
  };
}

// ------------------------------------------------------------ in the page, with and without the extension

export interface VariantRound {
  /** Performance.getMetrics after load and settle, in ms. */
  scriptMs: number;
  taskMs: number;
  heapBytes: number;
  /** The page's long tasks over the whole round (load, changes, burst). */
  longTasks: number[];
  loadPath?: LoadPath;
  load?: ExtensionActivity;
  changes?: ExtensionActivity;
  burst?: ExtensionActivity & { burstMs: number };
}

export interface CompareResult {
  withExtension: VariantRound[];
  without: VariantRound[];
}

/** Loads the page, leaves it, changes a field `changes` times, then a burst: traced, with metrics and long tasks. */
async function variantRound(browser: Browser, extensionId: string | undefined, url: string, target: Target, changes: number, burstSize: number): Promise<VariantRound> {
  const bp = await freshPage(browser, { longTasks: true });
  try {
    const { page, cdp } = bp;
    const load = await traced(page, async () => {
      await page.goto(url, { waitUntil: 'load' });
      await sleep(target.settleMs);
    });
    const m = await metrics(cdp);
    const single = await traced(page, async () => {
      for (let i = 0; i < changes; i++) {
        await changeField(page, target.field);
        await sleep(150);
      }
      await sleep(200);
    });
    const b = await traced(page, async () => {
      const ms = await burst(page, target.field, burstSize);
      await sleep(800);
      return ms;
    });
    const round: VariantRound = {
      scriptMs: (m.ScriptDuration ?? NaN) * 1000,
      taskMs: (m.TaskDuration ?? NaN) * 1000,
      heapBytes: m.JSHeapUsedSize ?? NaN,
      longTasks: await longTasks(page),
    };
    const path = loadPath(load.trace, url);
    if (path) round.loadPath = path;
    if (extensionId) {
      round.load = extensionActivity(load.trace, extensionId);
      round.changes = extensionActivity(single.trace, extensionId);
      round.burst = { ...extensionActivity(b.trace, extensionId), burstMs: b.result };
    }
    return round;
  } finally {
    await bp.close();
  }
}

export async function compareOnPage(ext: Browser, plain: Browser, extensionId: string, baseUrl: string, target: Target, rounds: number, changes: number, burstSize: number): Promise<CompareResult> {
  const out: CompareResult = { withExtension: [], without: [] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['ext', 'plain'] as const) : (['plain', 'ext'] as const);
    for (const which of order) {
      if (which === 'ext') out.withExtension.push(await variantRound(ext, extensionId, baseUrl + target.path, target, changes, burstSize));
      else out.without.push(await variantRound(plain, undefined, baseUrl + target.path, target, changes, burstSize));
    }
  }
  return out;
}

// ------------------------------------------------------------ page load

export interface LoadResult {
  /** Navigation start to the load event's end, ms, per variant. */
  withExtension: number[];
  without: number[];
  /** A browser with a one-line content script at document_idle: what any content script costs. */
  control: number[];
  /** Median with the extension / median without. */
  ratio: number;
  controlRatio: number;
  /** Load by load, in turns: the estimate the budget is checked on, with its spread. */
  paired: PairedRatio;
  controlPaired: PairedRatio;
}

async function timedLoad(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        // loadEventEnd is set after the load handlers return: read it in the next task.
        setTimeout(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          resolve(nav ? nav.loadEventEnd - nav.startTime : NaN);
        }, 0);
      }),
  );
}

/** Navigation start to the end of the load event, taking turns with and without the extension (and the control). */
export async function pageLoad(ext: Browser, plain: Browser, control: Browser, url: string, rounds: number, settleMs: number): Promise<LoadResult> {
  const variants = [
    { page: await freshPage(ext), times: [] as number[] },
    { page: await freshPage(plain), times: [] as number[] },
    { page: await freshPage(control), times: [] as number[] },
  ];
  try {
    // One load each first, not counted: the HTTP cache and the browsers warm up.
    for (const v of variants) await timedLoad(v.page.page, url);
    for (let i = 0; i < rounds; i++) {
      // Each variant goes first, second and third in turn.
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(i + k) % variants.length];
        if (!v) continue;
        v.times.push(await timedLoad(v.page.page, url));
        // Let the content script's read (and the background's store) finish before the next load.
        await sleep(settleMs);
      }
    }
  } finally {
    for (const v of variants) await v.page.close();
  }
  const [withExt, without, ctl] = variants.map((v) => v.times);
  const base = summarise(without ?? []).median;
  return {
    withExtension: withExt ?? [],
    without: without ?? [],
    control: ctl ?? [],
    ratio: summarise(withExt ?? []).median / base,
    controlRatio: summarise(ctl ?? []).median / base,
    paired: pairedRatio(withExt ?? [], without ?? []),
    controlPaired: pairedRatio(ctl ?? [], without ?? []),
  };
}

// ------------------------------------------------------------ keystroke to panel

export interface PanelLatency {
  /** Keydown in the host page to the panel's DOM showing the new state. */
  dom: Summary;
  /** The same, to the start of the next frame after it (when it can be painted). */
  frame: Summary;
  timeouts: number;
  /** The panel text that comes and goes, and the text box that makes it. */
  marker: string;
  field: string;
}

type PanelWait = { __wait?: Promise<{ dom: number; frame: number }> };
type KeyTime = { __key?: number };

/**
 * The host page in its own window (so it and the panel are both visible, as the side
 * panel is), the panel as a tab. Each key press flips one fact (a text box blank or not),
 * so each one changes what the panel shows.
 */
export async function keystrokeToPanel(ext: Browser, extensionId: string, baseUrl: string, presses: number): Promise<PanelLatency> {
  const formId = 'SA-1001';
  const panel = await openPanelPage(ext, extensionId);
  const host = await ext.newPage({ type: 'window' });
  try {
    await host.setViewport({ width: 1000, height: 800 });
    await host.goto(`${baseUrl}/assessment/${formId}/analysis`, { waitUntil: 'load' });
    await panel.waitForSelector(`[data-panel-status="ready"][data-assessment="${formId}"]`, { timeout: 30_000 });
    // tsx names functions with a helper the page does not have.
    await panel.evaluate('globalThis.__name = (f) => f');
    await host.evaluate(() => {
      window.addEventListener('keydown', () => void ((window as KeyTime).__key = performance.timeOrigin + performance.now()), true);
    });
    const panelLines = async () => new Set((await panel.evaluate(() => document.body.innerText)).split('\n').map((l) => l.trim()).filter((l) => l.length > 15 && !l.includes('Last read')));
    // A text box that alone changes what the panel says: every text box filled, then each
    // emptied in turn until one brings back a step (or a detail) in the panel.
    const setBox = (name: string, value: string) =>
      host.evaluate(
        (n: string, v: string) => {
          const el = document.querySelector(`textarea[name="${n}"]`) as HTMLTextAreaElement | null;
          if (!el || el.value === v) return;
          el.value = v;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        },
        name,
        value,
      );
    const boxes = await host.$$eval('textarea', (list) => list.map((t) => (t as HTMLTextAreaElement).name));
    for (const name of boxes) await setBox(name, 'Recorded.');
    let field = '';
    let marker = '';
    let markerWhenBlank = true;
    for (const name of boxes) {
      const sel = `textarea[name="${name}"]`;
      await setBox(name, '');
      await sleep(1200);
      const blank = await panelLines();
      await host.focus(sel);
      await host.keyboard.type('x');
      await sleep(1200);
      const filled = await panelLines();
      await host.keyboard.press('Backspace');
      await sleep(1200);
      const gone = [...blank].find((l) => !filled.has(l));
      const came = [...filled].find((l) => !blank.has(l));
      if (gone !== undefined || came !== undefined) {
        field = sel;
        marker = gone ?? came ?? '';
        markerWhenBlank = gone !== undefined;
        break;
      }
      await setBox(name, 'Recorded.');
    }
    if (!field) throw new Error('filling no text box on the page changes what the panel says: no state to wait for');
    await host.focus(field);

    const dom: number[] = [];
    const frame: number[] = [];
    let timeouts = 0;
    for (let i = 0; i < presses; i++) {
      const typing = i % 2 === 0; // blank → filled, then filled → blank
      await panel.evaluate(
        (text: string, present: boolean) => {
          (window as PanelWait).__wait = new Promise((resolve) => {
            const shows = () => (document.body.textContent ?? '').includes(text) === present;
            const done = () => {
              const at = performance.timeOrigin + performance.now();
              observer.disconnect();
              clearTimeout(timer);
              requestAnimationFrame(() => resolve({ dom: at, frame: performance.timeOrigin + performance.now() }));
            };
            const observer = new MutationObserver(() => {
              if (shows()) done();
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
            const timer = setTimeout(() => {
              observer.disconnect();
              resolve({ dom: -1, frame: -1 });
            }, 5000);
          });
        },
        marker,
        typing ? !markerWhenBlank : markerWhenBlank,
      );
      if (typing) await host.keyboard.type('x');
      else await host.keyboard.press('Backspace');
      const seen = await panel.evaluate(() => (window as PanelWait).__wait ?? Promise.resolve({ dom: -1, frame: -1 }));
      const keyAt = await host.evaluate(() => (window as KeyTime).__key ?? NaN);
      if (seen.dom < 0) timeouts++;
      else {
        dom.push(seen.dom - keyAt);
        frame.push(seen.frame - keyAt);
      }
      await sleep(120);
    }
    return { dom: summarise(dom), frame: summarise(frame), timeouts, marker, field };
  } finally {
    await host.close().catch(() => undefined);
    await panel.close().catch(() => undefined);
  }
}

// ------------------------------------------------------------ heap

export interface HeapResult {
  events: number;
  withExtension: { before: number; after: number; growth: number };
  without: { before: number; after: number; growth: number };
}

async function heapRun(browser: Browser, url: string, field: string, events: number, settleMs: number) {
  const bp = await freshPage(browser);
  try {
    const { page, cdp } = bp;
    await page.goto(url, { waitUntil: 'load' });
    await sleep(settleMs);
    await collectGarbage(cdp);
    const before = (await metrics(cdp)).JSHeapUsedSize ?? NaN;
    // Typing in bursts of 20 changes with a pause after each: one read per burst, as a worker's typing gives.
    for (let done = 0; done < events; done += 20) {
      await burst(page, field, Math.min(20, events - done));
      await sleep(60);
    }
    await sleep(1000);
    await collectGarbage(cdp);
    const after = (await metrics(cdp)).JSHeapUsedSize ?? NaN;
    return { before, after, growth: after - before };
  } finally {
    await bp.close();
  }
}

export async function heapGrowth(ext: Browser, plain: Browser, url: string, field: string, events: number, settleMs: number): Promise<HeapResult> {
  const withExtension = await heapRun(ext, url, field, events, settleMs);
  const without = await heapRun(plain, url, field, events, settleMs);
  return { events, withExtension, without };
}

// ------------------------------------------------------------ content script evaluation

export interface ReaderStart {
  /** The page reader's evaluation (module and main()), ms. */
  evaluation: Summary;
  /** How long after the end of the load event it started, ms (negative: it held the load event up). */
  afterLoad: Summary;
  /** Loads measured (the first, cold, left out). */
  loads: number;
  /** Loads after which the reader had not started within `waitMs`: each one is a page the panel would show as not read. */
  notStarted: number;
  waitMs: number;
}

/** The instrumented copy on each of `loads` loads of a page (the first, cold, left out). */
export async function readerStart(instrumented: Browser, url: string, loads: number, waitMs = 10_000): Promise<ReaderStart> {
  const bp = await freshPage(instrumented);
  const evaluation: number[] = [];
  const afterLoad: number[] = [];
  let notStarted = 0;
  try {
    for (let i = 0; i <= loads; i++) {
      await bp.page.goto('about:blank');
      await bp.page.goto(url, { waitUntil: 'load' });
      // The reader is started by the background after the load: wait for it to have run.
      const started = await bp.page
        .waitForFunction((name: string) => document.documentElement.hasAttribute(name), { timeout: waitMs }, EVAL_ATTRIBUTE)
        .then(() => true)
        .catch(() => false);
      if (!started) {
        // Counted, not thrown: a reader that does not start is a finding, and the rest still measure.
        if (i > 0) notStarted++;
        continue;
      }
      const [ms, after] = await bp.page.evaluate(
        (names: string[]) => names.map((name) => Number(document.documentElement.getAttribute(name) ?? NaN)),
        [EVAL_ATTRIBUTE, START_ATTRIBUTE],
      );
      if (i > 0) {
        evaluation.push(ms ?? NaN);
        afterLoad.push(after ?? NaN);
      }
      await sleep(300);
    }
  } finally {
    await bp.close();
  }
  return { evaluation: summarise(evaluation), afterLoad: summarise(afterLoad), loads, notStarted, waitMs };
}

// ------------------------------------------------------------ a page that changes all the time

/**
 * How the page changes every tick: `quiet` not at all (its timer only: what reading costs
 * it), `outside` a clock in the page's top bar (no field can be in it), `inside` an
 * autosave note in a label in the form (the map reads labels, so every tick is a change
 * the reader must take seriously).
 */
export type StormKind = 'quiet' | 'outside' | 'inside';

export interface StormRun {
  /** Ticks of the page's own 10 ms timer from its load event to `seconds` after. */
  ticks: number;
  /** The longest time between two ticks (from the load event), ms. */
  maxGapMs: number;
  /** With the extension: its longest task in the page (trace, CPU ms) and its tasks. */
  extensionMaxTaskCpuMs?: number;
  extensionTasks?: number;
  extensionCpuMs?: number;
}

export interface StormResult {
  intervalMs: number;
  seconds: number;
  kinds: Partial<Record<StormKind, { withExtension: StormRun[]; without: StormRun[] }>>;
}

type StormGlobal = { __storm?: { ticks: number[]; loadAt: number } };

async function stormRun(browser: Browser, extensionId: string | undefined, url: string, kind: StormKind, options: { intervalMs: number; seconds: number }): Promise<StormRun> {
  const bp = await freshPage(browser);
  try {
    const { page } = bp;
    await page.evaluateOnNewDocument(
      (k: string, interval: number) => {
        const state = { ticks: [] as number[], loadAt: NaN };
        (window as unknown as StormGlobal).__storm = state;
        addEventListener('load', () => void (state.loadAt = performance.now()));
        addEventListener('DOMContentLoaded', () => {
          let note: HTMLElement | null = null;
          if (k === 'outside') {
            note = document.createElement('span');
            (document.querySelector('.topbar-user, header') ?? document.body).appendChild(note);
          } else if (k === 'inside') {
            const label = document.createElement('label');
            note = document.createElement('span');
            label.append('Autosaved ', note);
            (document.querySelector('.form-actions, form') ?? document.body).appendChild(label);
          }
          let n = 0;
          setInterval(() => {
            n++;
            state.ticks.push(performance.now());
            if (note) note.textContent = `${n}`;
          }, interval);
        });
      },
      kind,
      options.intervalMs,
    );
    const run = async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
      await sleep(options.seconds * 1000 + 200);
      return page.evaluate(() => {
        const s = (window as unknown as StormGlobal).__storm;
        return s ? { ticks: s.ticks, loadAt: s.loadAt } : { ticks: [], loadAt: NaN };
      });
    };
    // Traced with and without the extension alike: tracing costs the page's thread too, so
    // tracing only the runs with the extension counted its cost against the extension.
    const { result: seen, trace } = await traced(page, run);
    const end = seen.loadAt + options.seconds * 1000;
    const inWindow = seen.ticks.filter((t) => t >= seen.loadAt && t <= end);
    let maxGapMs = 0;
    let last = seen.loadAt;
    for (const t of [...inWindow, end]) {
      maxGapMs = Math.max(maxGapMs, t - last);
      last = t;
    }
    const out: StormRun = { ticks: inWindow.length, maxGapMs };
    if (extensionId) {
      const activity = extensionActivity(trace, extensionId);
      out.extensionMaxTaskCpuMs = activity.maxTaskCpuMs;
      out.extensionTasks = activity.tasks.length;
      out.extensionCpuMs = activity.totalCpuMs;
    }
    return out;
  } finally {
    await bp.close();
  }
}

/** The page's own timer, from its load event, with and without the extension, taking turns. */
export async function mutationStorm(ext: Browser, plain: Browser, extensionId: string, url: string, kinds: readonly StormKind[], rounds: number, options: { intervalMs: number; seconds: number }): Promise<StormResult> {
  const result: StormResult = { ...options, kinds: {} };
  for (const kind of kinds) {
    const runs = { withExtension: [] as StormRun[], without: [] as StormRun[] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? [true, false] : [false, true];
      for (const withExt of order) {
        if (withExt) runs.withExtension.push(await stormRun(ext, extensionId, url, kind, options));
        else runs.without.push(await stormRun(plain, undefined, url, kind, options));
      }
    }
    result.kinds[kind] = runs;
  }
  return result;
}

// ------------------------------------------------------------ how cost grows

export interface GrowthPoint {
  people: number;
  /** Facts the read gives (about one a field). */
  facts: number;
  /** The first read in a new tab (all its slices), its longest slice, and a re-read after one change. */
  firstRead: Summary;
  firstLongest: Summary;
  reRead: Summary;
  reReadLongest: Summary;
  /** The facts messages of the first read: how many, and their size in JSON characters. */
  messages: number;
  messageChars: number;
  /** The page's HTML, for scale. */
  pageChars: number;
}

export interface GrowthResult {
  points: GrowthPoint[];
}

/** The first read, a re-read and the message size for households of each size, in the page (no extension). */
export async function growth(plain: Browser, baseUrl: string, bundle: string, sizes: readonly number[], rounds: number): Promise<GrowthResult> {
  const points: GrowthPoint[] = [];
  for (const people of sizes) {
    const url = `${baseUrl}/assessment/SA-BENCH-${people}/household`;
    const first: number[] = [];
    const firstLongest: number[] = [];
    const reRead: number[] = [];
    const reReadLongest: number[] = [];
    let facts = 0;
    let messages = 0;
    let messageChars = 0;
    let pageChars = 0;
    for (let r = 0; r < rounds; r++) {
      const bp = await freshPage(plain);
      try {
        const { page } = bp;
        await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
        await page.addScriptTag({ content: bundle });
        await sleep(300);
        const got = await page.evaluate(async (sel: string) => {
          const b = (globalThis as unknown as BenchGlobal).__acBench;
          b.startReader({ manual: true });
          const firstRead = await b.timedRead();
          const sent = b.messages();
          const re: TimedRead[] = [];
          for (let i = 0; i < 3; i++) {
            const el = document.querySelector(sel) as HTMLTextAreaElement | null;
            if (!el) throw new Error(`no ${sel}`);
            el.value = el.value.length > 0 ? '' : 'Seen at home';
            el.dispatchEvent(new Event('input', { bubbles: true }));
            re.push(await b.timedRead());
          }
          return { firstRead, sent, re, facts: b.extractOnce().facts, pageChars: document.documentElement.outerHTML.length };
        }, 'textarea[name="household.communicationNeeds"]');
        first.push(got.firstRead.totalMs);
        firstLongest.push(got.firstRead.longestMs);
        reRead.push(...got.re.map((x) => x.totalMs));
        reReadLongest.push(...got.re.map((x) => x.longestMs));
        facts = got.facts;
        messages = got.sent.count;
        messageChars = got.sent.chars;
        pageChars = got.pageChars;
      } finally {
        await bp.close();
      }
    }
    points.push({ people, facts, firstRead: summarise(first), firstLongest: summarise(firstLongest), reRead: summarise(reRead), reReadLongest: summarise(reReadLongest), messages, messageChars, pageChars });
  }
  return { points };
}
