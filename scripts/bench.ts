// npx tsx scripts/bench.ts [--quick] [--json out.json]      (npm run bench)
//
// Builds the extension and measures, in real Chromium, what it costs the case system's
// pages: bundle sizes, the first read and re-reads of a page, reads per burst of changes,
// page load with and without the extension, keystroke-to-panel latency, heap growth while
// typing, the longest extension task on a 5,000-row page, and evaluate() for both packs.
// Prints a table with each budget (architecture.md, "Performance targets") and writes
// bench-results/bench.json. Timings never fail the run: the exit code is 0 unless the
// benchmark itself breaks. See docs/performance.md.
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, isMainModule, parseArgs } from './lib/args';
import { REPO_ROOT, SetupError, launchBrowser, type Launched } from './lib/launch';
import { benchEvaluate } from './bench-evaluate';
import { buildExtension, bundleSizes, controlExtension, inPageBundle, instrumentedCopy } from './bench/build';
import {
  compareOnPage,
  growth,
  heapGrowth,
  mutationStorm,
  inPageReads,
  keystrokeToPanel,
  pageLoad,
  readerStart,
  type CompareResult,
  type GrowthResult,
  type InPageResult,
  type StormResult,
  type Target,
} from './bench/measures';
import { writeGrowthChart } from './bench/growth-chart';
import { kb, markdownTable, mb, ms, verdict, type Row } from './bench/report';
import { summarise, type PairedRatio } from './bench/stats';
import { MAX_WAIT_MS } from '../lib/content/page-reader';
import { startBenchPages } from '../tests/fixtures/bench/server';

const TODAY = '2026-11-23';

const BUDGET = {
  contentGzipBytes: 30 * 1024,
  /** No task of ours longer than one frame, on any page, a tab's first page included. */
  taskMs: 16,
  /** A first read in slices takes at most this many times the warm read, all slices together. */
  firstReadVsWarm: 2,
  /** With the page changing every 10 ms: the share of its timer ticks it keeps, and its longest gap. */
  stormTickShare: 0.95,
  stormGapMs: 50,
  reReadMs: 2,
  readsPerBurst: 1,
  extensionTaskMs: 50,
  loadRatio: 1.05,
  panelP95Ms: 100,
  evaluateMedianMs: 1,
};

interface Plan {
  /** Pages measured (--quick leaves out the narratives page). */
  targets: readonly string[];
  loadTargets: readonly string[];
  inPageRounds: number;
  reReads: number;
  burstSize: number;
  compareRounds: number;
  compareChanges: number;
  /** Rounds of each page-changing-all-the-time run, with and without the extension. */
  stormRounds: number;
  growthRounds: number;
  loadRounds: number;
  presses: number;
  heapEvents: number;
  evaluateIterations: number;
}

const FULL: Plan = {
  targets: ['demo', 'household-40', 'narratives-40', 'chronology-5000', 'household-800', 'household-10000', 'frames-200'],
  loadTargets: ['demo', 'household-40'],
  inPageRounds: 5,
  reReads: 30,
  burstSize: 100,
  compareRounds: 3,
  compareChanges: 10,
  stormRounds: 3,
  growthRounds: 2,
  loadRounds: 30,
  presses: 120,
  heapEvents: 2000,
  evaluateIterations: 5000,
};
const QUICK: Plan = {
  targets: ['demo', 'household-40', 'chronology-5000', 'household-800'],
  loadTargets: ['demo'],
  inPageRounds: 2,
  reReads: 8,
  burstSize: 100,
  compareRounds: 1,
  compareChanges: 3,
  stormRounds: 2,
  growthRounds: 1,
  loadRounds: 5,
  presses: 20,
  heapEvents: 200,
  evaluateIterations: 2000,
};

/** A page that changes every 10 ms (a clock, an autosave note), for `seconds` from its load event. */
const STORM = { intervalMs: 10, seconds: 3 };
/** Households measured for how cost grows (about 7 fields a person on 2.1: 50, 300, 3,000 and 30,000 fields). */
const GROWTH_PEOPLE = [6, 40, 420, 4300] as const;

const TEXT_BOX = 'textarea[name="household.communicationNeeds"]';
export const TARGETS: readonly Target[] = [
  { id: 'demo', label: 'demo 2.1 (SA-1002: 6 people, 53 fields)', path: '/assessment/SA-1002/household', field: TEXT_BOX, assessmentPage: true, settleMs: 1500 },
  { id: 'household-40', label: '2.1 with 40 people (291 fields)', path: '/assessment/SA-BENCH/household', field: TEXT_BOX, assessmentPage: true, settleMs: 1500 },
  { id: 'narratives-40', label: '2.7 views, 40 people, 3,000-character narratives', path: '/assessment/SA-BENCH/views', field: 'textarea[name^="views.child."]', assessmentPage: true, settleMs: 1500 },
  { id: 'chronology-5000', label: '2.5 with a 5,000-row chronology', path: '/assessment/SA-BENCH/background/frame', field: 'textarea[name="background.safetyAdvice"]', assessmentPage: false, settleMs: 2500 },
  { id: 'household-800', label: '2.1 with 800 people', path: '/assessment/SA-BENCH-800/household', field: TEXT_BOX, assessmentPage: true, settleMs: 3000, storm: ['outside', 'inside'] },
  { id: 'household-10000', label: '2.1 with 10,000 people', path: '/assessment/SA-BENCH-10000/household', field: TEXT_BOX, assessmentPage: true, settleMs: 15000, heavy: true, storm: ['quiet', 'inside'] },
  { id: 'frames-200', label: 'a page of 200 frames (2.5 in each)', path: '/assessment/SA-1002/frames-200', field: '', assessmentPage: false, settleMs: 5000, inPage: false, storm: ['quiet'] },
];

const t0 = Date.now();
const log = (line: string) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

/** The measures `--only` can name (pages can be named too: their ids, see TARGETS). */
export const MEASURES = ['sizes', 'in-page', 'compare', 'storm', 'growth', 'load', 'start', 'panel', 'heap', 'evaluate'] as const;
export type Measure = (typeof MEASURES)[number];

export interface BenchOptions {
  quick: boolean;
  /** Measures and page ids to run (none: everything in the plan). */
  only?: readonly string[];
}

/** Which measures and pages a run covers: `--only` may name measures, pages or both. */
export function selection(plan: Plan, only: readonly string[] | undefined): { measures: Set<Measure>; targets: string[] } {
  const names = only ?? [];
  const measures = names.filter((n): n is Measure => (MEASURES as readonly string[]).includes(n));
  const pages = names.filter((n) => TARGETS.some((t) => t.id === n));
  const unknown = names.filter((n) => !(MEASURES as readonly string[]).includes(n) && !TARGETS.some((t) => t.id === n));
  if (unknown.length > 0) throw new UsageError(`--only: unknown name(s) ${unknown.join(', ')}; measures: ${MEASURES.join(', ')}; pages: ${TARGETS.map((t) => t.id).join(', ')}`);
  return {
    measures: new Set(measures.length > 0 ? measures : MEASURES),
    targets: pages.length > 0 ? pages : [...plan.targets],
  };
}

export class UsageError extends Error {}

export async function runBench(options: BenchOptions): Promise<{ rows: Row[]; json: Record<string, unknown> }> {
  const { quick } = options;
  const plan = quick ? QUICK : FULL;
  const { measures, targets } = selection(plan, options.only);
  const wants = (m: Measure) => measures.has(m);
  const started = Date.now();
  const buildDir = mkdtempSync(join(tmpdir(), 'assessment-companion-bench-'));
  const browsers: Launched[] = [];
  const pages = await startBenchPages({ today: TODAY });
  const needsExtension = (['sizes', 'compare', 'load', 'start', 'panel', 'heap'] as const).some(wants);
  const needsPlain = (['in-page', 'compare', 'storm', 'growth', 'load', 'heap'] as const).some(wants);
  const results: Partial<Results> = {};
  try {
    const load = await machineLoad();
    let extensionDir = '';
    let extensionId = '';
    let ext: Launched | undefined;
    let plain: Launched | undefined;
    if (needsExtension || wants('storm')) {
      log('Building the extension (the demo build)…');
      extensionDir = buildExtension(buildDir);
      if (wants('sizes')) results.sizes = bundleSizes(extensionDir);
      ext = await launchBrowser({ headless: true, withExtension: true, extensionDir });
      browsers.push(ext);
      extensionId = ext.extensionId ?? '';
      if (!extensionId) throw new Error('the extension did not load');
    }
    const bundle = wants('in-page') || wants('growth') ? await inPageBundle() : '';
    if (needsPlain) {
      plain = await launchBrowser({ headless: true, withExtension: false });
      browsers.push(plain);
    }
    const version = await (ext ?? plain)?.browser.version();

    const inPage: Record<string, InPageResult> = {};
    const compare: Record<string, CompareResult> = {};
    // A page that cannot be measured (too big to load in time) is a finding, not the end of the run.
    const failures: Record<string, string> = {};
    const attempt = async (what: string, fn: () => Promise<void>): Promise<void> => {
      try {
        await fn();
      } catch (error) {
        failures[what] = error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
        log(`${what}: could not be measured: ${failures[what]}`);
      }
    };
    for (const target of TARGETS.filter((t) => targets.includes(t.id))) {
      await attempt(`in-page ${target.id}`, async () => {
        if (wants('in-page') && plain && target.inPage !== false) {
          log(`First read and re-reads in the page: ${target.label}…`);
          const rounds = target.heavy ? Math.min(2, plan.inPageRounds) : plan.inPageRounds;
          const reReads = target.heavy ? Math.min(3, plan.reReads) : plan.reReads;
          inPage[target.id] = await inPageReads(plain.browser, pages.url, target, bundle, rounds, reReads, plan.burstSize);
        }
      });
      await attempt(`compare ${target.id}`, async () => {
        // A page of frames has no text box of its own, and the largest is measured by its storm runs (traced) instead.
        if (wants('compare') && ext && plain && target.inPage !== false && !target.heavy) {
          log(`With and without the extension: ${target.label}…`);
          compare[target.id] = await compareOnPage(ext.browser, plain.browser, extensionId, pages.url, target, plan.compareRounds, plan.compareChanges, plan.burstSize);
        }
      });
    }
    if (Object.keys(inPage).length > 0) results.inPage = inPage;
    if (Object.keys(compare).length > 0) results.compare = compare;

    if (wants('storm') && ext && plain) {
      const storm: Record<string, StormResult> = {};
      for (const target of TARGETS.filter((t) => t.storm && targets.includes(t.id))) {
        log(`A page changing every ${STORM.intervalMs} ms, with and without the extension: ${target.label}…`);
        await attempt(`storm ${target.id}`, async () => {
          storm[target.id] = await mutationStorm(ext.browser, plain.browser, extensionId, pages.url + target.path, target.storm ?? [], target.heavy ? 1 : plan.stormRounds, { ...STORM, seconds: target.heavy ? 6 : STORM.seconds });
        });
      }
      results.storm = storm;
    }

    if (wants('growth') && plain && bundle) {
      log(`How cost grows with the number of fields (${GROWTH_PEOPLE.join(', ')} people)…`);
      await attempt('growth', async () => {
        const g = await growth(plain.browser, pages.url, bundle, GROWTH_PEOPLE, plan.growthRounds);
        results.growth = g;
        log(`Chart written to ${writeGrowthChart(g, join(REPO_ROOT, 'docs', 'growth.svg'))}`);
      });
    }

    if (wants('load') && ext && plain) {
      const control = await launchBrowser({ headless: true, withExtension: true, extensionDir: controlExtension(join(buildDir, 'control')) });
      browsers.push(control);
      const loads: Record<string, Awaited<ReturnType<typeof pageLoad>>> = {};
      for (const target of TARGETS.filter((t) => plan.loadTargets.includes(t.id))) {
        log(`Page load with and without the extension: ${target.label}…`);
        loads[target.id] = await pageLoad(ext.browser, plain.browser, control.browser, pages.url + target.path, plan.loadRounds, 800);
      }
      results.loads = loads;
    }

    if (wants('start') && extensionDir) {
      log('When the page reader starts, and its evaluation (instrumented copy, no trace)…');
      const instrumented = await launchBrowser({ headless: true, withExtension: true, extensionDir: instrumentedCopy(extensionDir, join(buildDir, 'instrumented')) });
      browsers.push(instrumented);
      results.start = await readerStart(instrumented.browser, pages.url + (TARGETS[0] as Target).path, plan.loadRounds);
      await instrumented.close();
    }

    if (wants('panel') && ext) {
      log(`Keystroke to panel, ${plan.presses} changes…`);
      results.panel = await keystrokeToPanel(ext.browser, extensionId, pages.url, plan.presses);
    }

    if (wants('heap') && ext && plain) {
      log(`Heap growth over ${plan.heapEvents} input events…`);
      const large = TARGETS[1] as Target;
      results.heap = await heapGrowth(ext.browser, plain.browser, pages.url + large.path, large.field, plan.heapEvents, large.settleMs);
    }

    if (wants('evaluate')) {
      log('evaluate() for both packs…');
      results.evaluation = benchEvaluate(plan.evaluateIterations);
    }

    const rows = buildRows(results);
    for (const [what, why] of Object.entries(failures)) rows.push({ group: 'Not measured', measure: what, result: why, budget: '', verdict: '' });
    const json = {
      failures,
      benchmark: 'bench',
      quick,
      only: options.only ?? null,
      plan,
      budgets: BUDGET,
      environment: { browser: version ?? '', cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, platform: `${process.platform} ${process.arch}` },
      // How busy the shared machine was: absolute times move with it, ratios much less.
      machine: { before: load, after: await machineLoad() },
      seconds: Math.round((Date.now() - started) / 1000),
      targets: TARGETS,
      ...results,
      readerStart: results.start,
      table: rows,
      ranAt: new Date().toISOString(),
    };
    return { rows, json };
  } finally {
    for (const b of browsers) await b.close();
    await pages.close();
    rmSync(buildDir, { recursive: true, force: true });
  }
}

interface Results {
  sizes: ReturnType<typeof bundleSizes>;
  inPage: Record<string, InPageResult>;
  compare: Record<string, CompareResult>;
  storm: Record<string, StormResult>;
  growth: GrowthResult;
  loads: Record<string, Awaited<ReturnType<typeof pageLoad>>>;
  start: Awaited<ReturnType<typeof readerStart>>;
  panel: Awaited<ReturnType<typeof keystrokeToPanel>>;
  heap: Awaited<ReturnType<typeof heapGrowth>>;
  evaluation: ReturnType<typeof benchEvaluate>;
}

/** The machine's load average and how long a fixed loop of JavaScript takes now (the same loop, every run). */
export async function machineLoad(): Promise<{ loadAverage: number[]; loopMs: number }> {
  const start = performance.now();
  let x = 0;
  for (let i = 0; i < 30_000_000; i++) x = (x + i * 7) % 1_000_003;
  const loopMs = performance.now() - start;
  await Promise.resolve(x);
  return { loadAverage: loadavg().map((l) => Math.round(l * 100) / 100), loopMs: Math.round(loopMs) };
}

function buildRows(r: Partial<Results>): Row[] {
  const rows: Row[] = [];
  const add = (group: string, measure: string, result: string, budget = '', ok?: boolean) => rows.push({ group, measure, result, budget, verdict: verdict(ok) });

  if (r.sizes) {
    const { content, sidepanel, sidepanelCss, background } = r.sizes;
    add('Bundles (gzip -9)', 'content script', `${kb(content.gzipBytes)} (${kb(content.bytes)} raw)`, '<= 30 kB', content.gzipBytes <= BUDGET.contentGzipBytes);
    add('Bundles (gzip -9)', `side panel JS (${sidepanel.files.length} chunks) + CSS`, `${kb(sidepanel.gzipBytes)} + ${kb(sidepanelCss.gzipBytes)}`);
    add('Bundles (gzip -9)', 'background', kb(background.gzipBytes));
  }

  for (const t of TARGETS) {
    const group = `Page: ${t.label}`;
    const p = r.inPage?.[t.id];
    if (p) inPageRows(add, group, t, p);
    const c = r.compare?.[t.id];
    if (c) compareRows(add, group, t, c, p);
    const s = r.storm?.[t.id];
    if (s) stormRows(add, group, s);
  }
  if (r.growth) growthRows(add, r.growth);

  for (const [id, l] of Object.entries(r.loads ?? {})) {
    const label = TARGETS.find((t) => t.id === id)?.label ?? id;
    const w = summarise(l.withExtension).median;
    const wo = summarise(l.without).median;
    const ctl = summarise(l.control).median;
    const x = (p: PairedRatio) => `x${p.ratio.toFixed(3)} (95% interval x${p.low.toFixed(2)}–x${p.high.toFixed(2)})`;
    add('Page load (taking turns)', `${label}: with vs without (${l.withExtension.length} each): medians; load-by-load ratio`, `${ms(w)} vs ${ms(wo)}; ${x(l.paired)}`, '<= x1.05', l.paired.ratio <= BUDGET.loadRatio);
    add('Page load (taking turns)', `${label}: a one-line content script declared in the manifest (control) vs without`, `${ms(ctl)} vs ${ms(wo)}; ${x(l.controlPaired)}`);
  }

  if (r.start) {
    const { evaluation: ev, afterLoad, loads, notStarted, waitMs } = r.start;
    add('Page load (taking turns)', `loads of the demo page after which the page reader started (within ${waitMs / 1000} s)`, `${loads - notStarted} of ${loads}`, 'all', notStarted === 0);
    add('Page load (taking turns)', `page reader starts after the load event ended by (no trace; ${afterLoad.n} loads of the demo page)`, `${ms(afterLoad.median)} (min ${ms(afterLoad.min)})`);
    add('Page load (taking turns)', 'page reader evaluation (module and start; no trace)', `${ms(ev.median)} (max ${ms(ev.max)})`);
  }
  if (r.panel) {
    const p = r.panel;
    add('Keystroke to panel', `p50 / p95 to the next frame (${p.frame.n} changes${p.timeouts ? `, ${p.timeouts} timed out` : ''})`, `${ms(p.frame.median)} / ${ms(p.frame.p95)}`, '<= 100 ms p95', p.frame.p95 <= BUDGET.panelP95Ms && p.timeouts === 0);
    add('Keystroke to panel', 'p50 / p95 to the panel DOM', `${ms(p.dom.median)} / ${ms(p.dom.p95)}`);
  }
  if (r.evaluation) {
    const e = r.evaluation.bothPacks;
    add('Evaluate (Node)', `both packs, ${r.evaluation.record.children} children + ${r.evaluation.record.adults} adults: median / p95`, `${ms(e.medianMs, 3)} / ${ms(e.p95Ms, 3)}`, '<= 1 ms median', e.medianMs <= BUDGET.evaluateMedianMs);
  }
  if (r.heap) {
    const h = r.heap;
    add('Heap after GC', `growth over ${h.events} input events, 2.1 with 40 people: with vs without`, `${mb(h.withExtension.growth)} vs ${mb(h.without.growth)} (heap ${mb(h.withExtension.after)} vs ${mb(h.without.after)})`);
  }
  return rows;
}

type Add = (group: string, measure: string, result: string, budget?: string, ok?: boolean) => void;

function inPageRows(add: Add, group: string, t: Target, p: InPageResult): void {
  const over = (list: readonly number[]) => list.filter((x) => x > BUDGET.taskMs).length;
  add(group, `first read, in page, cold: a new tab, all slices (median of ${p.firstRead.n} loads; ${p.facts} facts; ${ms(p.firstSlices.median, 0).replace(' ms', '')} slices)`, `${ms(p.firstRead.median)} (max ${ms(p.firstRead.max)})`);
  add(
    group,
    `longest task of the first read, cold (median; most; reads with one over ${BUDGET.taskMs} ms)`,
    `${ms(p.firstLongest.median)}; ${ms(p.firstLongest.max)}; ${over(p.longestSamples.first)} of ${p.firstLongest.n}`,
    `<= ${BUDGET.taskMs} ms`,
    p.firstLongest.median <= BUDGET.taskMs,
  );
  add(
    group,
    `longest task of a warm read or re-read (median; most; reads with one over ${BUDGET.taskMs} ms)`,
    `${ms(p.warmLongest.median, 2)}; ${ms(p.warmLongest.max)}; ${over(p.longestSamples.warm)} of ${p.warmLongest.n}`,
    `<= ${BUDGET.taskMs} ms`,
    p.warmLongest.median <= BUDGET.taskMs,
  );
  const ratio = p.firstRead.median / p.warmRead.median;
  add(group, 'first read (cold, all slices) against the same read warm', `x${ratio.toFixed(1)}`, `<= x${BUDGET.firstReadVsWarm}`, t.assessmentPage ? ratio <= BUDGET.firstReadVsWarm : undefined);
  if (p.nextInTab) add(group, `first read, in page, the page loaded again in the same tab (median, max of ${p.nextInTab.n})`, `${ms(p.nextInTab.median)} (max ${ms(p.nextInTab.max)})`);
  add(group, 'same read again, warm / extract() alone (one task)', `${ms(p.warmRead.median, 2)} / ${ms(p.extractOnly.median, 2)}`);
  add(group, `re-read after one field change, in page (median, p95 of ${p.reRead.n})`, `${ms(p.reRead.median, 2)}, ${ms(p.reRead.p95, 2)}`, t.assessmentPage ? `<= ${BUDGET.reReadMs} ms` : '', t.assessmentPage ? p.reRead.median <= BUDGET.reReadMs : undefined);
}

function compareRows(add: Add, group: string, t: Target, c: CompareResult, p: InPageResult | undefined): void {
  const startup = summarise(c.withExtension.map((w) => w.load?.tasks.filter((x) => x.kind === 'startup').reduce((s, x) => s + x.cpuMs, 0) ?? NaN));
  const firstTask = summarise(c.withExtension.map((w) => Math.max(0, ...(w.load?.tasks.filter((x) => x.kind === 'api-reply').map((x) => x.cpuMs) ?? []))));
  const total = summarise(c.withExtension.map((w) => w.load?.totalCpuMs ?? NaN));
  add(group, 'in the extension on load (trace, CPU): start-up / first-read task / all', `${ms(startup.median)} / ${ms(firstTask.median)} / ${ms(total.median)}`);
  const pathWith = summarise(c.withExtension.map((w) => w.loadPath?.mainThreadCpuMs ?? NaN)).median;
  const pathWithout = summarise(c.without.map((w) => w.loadPath?.mainThreadCpuMs ?? NaN)).median;
  add(group, 'main-thread CPU from navigation to the load event (trace), with vs without', `${ms(pathWith)} vs ${ms(pathWithout)}: x${(pathWith / pathWithout).toFixed(3)}`);
  // The reader is put in after the load: any of its work before the load event would be time the page waits for.
  // The browser's own messages to an extension-aware frame (extensions.mojom) are told apart from our code.
  const beforeLoad = (kinds: readonly string[]) =>
    summarise(
      c.withExtension.map((w) => {
        const path = w.loadPath;
        if (!path || !w.load) return NaN;
        return w.load.tasks.filter((x) => kinds.includes(x.kind) && x.ts >= path.startTs && x.ts < path.loadTs).reduce((sum, x) => sum + x.cpuMs, 0);
      }),
    );
  const ours = beforeLoad(['startup', 'timer']);
  const browsers = beforeLoad(['api-reply']);
  add(
    group,
    `before the load event (trace, CPU; most in ${ours.n} loads): the extension's code / the browser's messages about extensions`,
    `${ms(ours.max, 2)} / ${ms(browsers.max, 2)}`,
    '0 ms (our code)',
    ours.n > 0 && ours.max === 0,
  );
  const sWith = summarise(c.withExtension.map((w) => w.scriptMs)).median;
  const sWithout = summarise(c.without.map((w) => w.scriptMs)).median;
  const tWith = summarise(c.withExtension.map((w) => w.taskMs)).median;
  const tWithout = summarise(c.without.map((w) => w.taskMs)).median;
  add(group, 'page ScriptDuration / TaskDuration, with vs without', `${ms(sWith)} vs ${ms(sWithout)} (+${ms(sWith - sWithout)}) / ${ms(tWith)} vs ${ms(tWithout)} (+${ms(tWith - tWithout)})`);
  const reTasks = summarise(c.withExtension.flatMap((w) => w.changes?.tasks.filter((x) => x.kind === 'timer').map((x) => x.cpuMs) ?? []));
  add(group, `re-read + send in the extension (trace, CPU; median, max of ${reTasks.n})`, `${ms(reTasks.median, 2)}, ${ms(reTasks.max, 2)}`);
  // One read per burst; a burst longer than the reader's longest wait also gets one read per MAX_WAIT_MS, by design.
  const inPageBursts = (p?.burst.reads ?? []).map((reads, i) => ({ reads, ms: p?.burst.burstMs[i] ?? NaN }));
  // A read in slices shows in the trace as one task for each slice: count reads by the timers that start them.
  const extensionBursts = c.withExtension.map((w) => ({ reads: w.burst?.tasks.filter((x) => x.kind === 'timer').length ?? NaN, ms: w.burst?.burstMs ?? NaN }));
  const bursts = [...inPageBursts, ...extensionBursts];
  const allowed = (b: { ms: number }) => BUDGET.readsPerBurst + Math.floor((Number.isFinite(b.ms) ? b.ms : 0) / MAX_WAIT_MS);
  const shown = (list: typeof bursts) => list.map((b) => (b.reads > BUDGET.readsPerBurst ? `${b.reads} (in ${ms(b.ms, 0)})` : `${b.reads}`)).join(', ');
  const burstMs = summarise(bursts.map((b) => b.ms)).median;
  add(
    group,
    `reads per burst of ${p?.burst.changes ?? 100} changes (${ms(burstMs, 0)}; one more per ${MAX_WAIT_MS} ms of a longer burst): in page / in the extension`,
    `${shown(inPageBursts)} / ${shown(extensionBursts)}`,
    `${BUDGET.readsPerBurst}`,
    bursts.every((b) => b.reads >= 1 && b.reads <= allowed(b)),
  );
  const phases = c.withExtension.flatMap((w) => [w.load, w.changes, w.burst]);
  const maxCpu = Math.max(0, ...phases.map((a) => a?.maxTaskCpuMs ?? 0));
  const maxWall = Math.max(0, ...phases.map((a) => a?.maxTaskMs ?? 0));
  const overBudget = phases.flatMap((a) => a?.tasks ?? []).filter((x) => x.cpuMs > BUDGET.taskMs).length;
  add(group, `longest extension task (trace: load, changes, bursts): CPU (wall); tasks over ${BUDGET.taskMs} ms CPU`, `${ms(maxCpu)} (${ms(maxWall)}); ${overBudget}`, `<= ${BUDGET.taskMs} ms`, maxCpu <= BUDGET.taskMs);
  const ltWith = c.withExtension.flatMap((w) => w.longTasks);
  const ltWithout = c.without.flatMap((w) => w.longTasks);
  add(
    group,
    'page long tasks (> 50 ms) per round, with vs without',
    `${(ltWith.length / Math.max(1, c.withExtension.length)).toFixed(1)} (max ${ms(Math.max(0, ...ltWith), 0)}) vs ${(ltWithout.length / Math.max(1, c.without.length)).toFixed(1)} (max ${ms(Math.max(0, ...ltWithout), 0)})`,
  );
  void t;
}

const STORM_WORDS: Record<string, string> = {
  quiet: 'no changes, its own timer only',
  outside: 'a clock in the top bar changing',
  inside: 'an autosave note in a label of the form changing',
};

function stormRows(add: Add, group: string, s: StormResult): void {
  for (const [kind, runs] of Object.entries(s.kinds)) {
    if (!runs) continue;
    const w = summarise(runs.withExtension.map((r) => r.ticks)).median;
    const wo = summarise(runs.without.map((r) => r.ticks)).median;
    const gapWith = Math.max(0, ...runs.withExtension.map((r) => r.maxGapMs));
    const gapWithout = Math.max(0, ...runs.without.map((r) => r.maxGapMs));
    const share = w / wo;
    add(
      group,
      `page timer every ${s.intervalMs} ms for ${s.seconds} s from load (${STORM_WORDS[kind] ?? kind}): ticks with vs without (median of ${runs.withExtension.length}); longest gap with vs without`,
      `${w} vs ${wo} (${(share * 100).toFixed(1)}%); ${ms(gapWith, 0)} vs ${ms(gapWithout, 0)}`,
      `>= ${BUDGET.stormTickShare * 100}%, gap <= ${BUDGET.stormGapMs} ms`,
      share >= BUDGET.stormTickShare && gapWith <= BUDGET.stormGapMs,
    );
    const maxTask = Math.max(0, ...runs.withExtension.map((r) => r.extensionMaxTaskCpuMs ?? 0));
    const cpu = summarise(runs.withExtension.map((r) => r.extensionCpuMs ?? NaN)).median;
    const tasks = summarise(runs.withExtension.map((r) => r.extensionTasks ?? NaN)).median;
    add(
      group,
      `  the extension in those ${s.seconds} s (trace): longest task CPU; its CPU in all (share of the time); tasks`,
      `${ms(maxTask)}; ${ms(cpu, 0)} (${((cpu / (s.seconds * 1000)) * 100).toFixed(1)}%); ${tasks}`,
      `<= ${BUDGET.taskMs} ms`,
      maxTask <= BUDGET.taskMs,
    );
  }
}

function growthRows(add: Add, g: GrowthResult): void {
  const group = 'How cost grows (2.1, in page)';
  for (const p of g.points) {
    add(
      group,
      `${p.people} people, ${p.facts} facts: first read cold (all slices; longest slice) / re-read after one change / facts messages`,
      `${ms(p.firstRead.median)} (${ms(p.firstLongest.median)}) / ${ms(p.reRead.median, 2)} / ${p.messages}, ${kb(p.messageChars)}`,
    );
  }
  const first = g.points[0];
  const last = g.points[g.points.length - 1];
  if (first && last && first !== last) {
    // Time per fact from the smallest page to the largest: 1 or less is linear or better.
    const per = (t: number, f: number) => t / Math.max(1, f);
    const firstGrowth = per(last.firstRead.median, last.facts) / per(first.firstRead.median, first.facts);
    const sizeGrowth = per(last.messageChars, last.facts) / per(first.messageChars, first.facts);
    add(group, `cost per fact, ${last.facts} facts against ${first.facts}: first read / message size`, `x${firstGrowth.toFixed(2)} / x${sizeGrowth.toFixed(2)}`, '<= x1 (linear or better)', firstGrowth <= 1.2 && sizeGrowth <= 1.2);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv, { valueFlags: ['out', 'table', 'only'], booleanFlags: ['quick', 'json', 'help'], aliases: { h: 'help' } });
  if (!parsed.ok) {
    console.error(`bench: ${parsed.error}`);
    return EXIT_USAGE;
  }
  if (parsed.args.flags.help) {
    console.log(
      [
        'npx tsx scripts/bench.ts [--quick] [--only names] [--json] [--out run.json] [--table run.json]',
        '  --quick  fewer runs (a smoke test)',
        `  --only   run only these, comma-separated: measures (${MEASURES.join(', ')})`,
        `           and/or pages (${TARGETS.map((t) => t.id).join(', ')})`,
        '  --json   print the results as JSON (instead of the table)',
        '  --out    also write the results to this file (always: bench-results/bench.json)',
        '  --table  print the table of a saved run again, measuring nothing',
      ].join('\n'),
    );
    return EXIT_OK;
  }
  if (parsed.args.values.table) {
    // A saved run's own measurements, judged and laid out by this version of the table.
    const saved = JSON.parse(readFileSync(resolve(parsed.args.values.table), 'utf8')) as Partial<Results> & { readerStart?: Results['start'] };
    console.log(markdownTable(buildRows({ ...saved, ...(saved.readerStart ? { start: saved.readerStart } : {}) })));
    return EXIT_OK;
  }
  const only = parsed.args.values.only?.split(',').map((n) => n.trim()).filter((n) => n !== '');
  try {
    const { rows, json } = await runBench({ quick: parsed.args.flags.quick, ...(only ? { only } : {}) });
    const outputs = [join(REPO_ROOT, 'bench-results', only ? 'bench-only.json' : 'bench.json'), ...(parsed.args.values.out ? [resolve(parsed.args.values.out)] : [])];
    for (const out of outputs) {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
      log(`Written to ${out}`);
    }
    if (parsed.args.flags.json) {
      console.log(JSON.stringify({ ...json, table: rows }, null, 2));
      return EXIT_OK;
    }
    const env = json.environment as { browser: string; cpus: number; cpu: string; node: string };
    const machine = json.machine as { before: { loadAverage: number[]; loopMs: number } };
    console.log(
      `Assessment Companion benchmark${parsed.args.flags.quick ? ' (--quick)' : ''}${only ? ` (--only ${only.join(',')})` : ''}: ${env.browser}, ${env.cpus} × ${env.cpu}, Node ${env.node}, ${String(json.seconds)} s; load average ${machine.before.loadAverage.join(' ')}, fixed loop ${machine.before.loopMs} ms`,
    );
    console.log(markdownTable(rows));
    const misses = rows.filter((row) => row.verdict === 'MISS').length;
    console.log(misses === 0 ? 'Every budget met.' : `${misses} budget(s) missed (see docs/performance.md).`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`bench: ${error.message}`);
      return EXIT_USAGE;
    }
    console.error(error instanceof SetupError ? `bench: ${error.message}` : error);
    return EXIT_FAILURE;
  }
}

if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
