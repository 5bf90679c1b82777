// npx tsx scripts/bench/profile-first-read.ts [--rounds 5] [--path /assessment/SA-BENCH/household] [--against DIR] [--dir DIR]
//                                            [--mode time|profile|trace] [--names] [--top 25] [--focus fn,fn] [--eager-against]
//
// Where the cold first read's time goes. Each round loads the page in a fresh tab of a
// browser without the extension, injects the same in-page bundle as the benchmark
// (scripts/bench/in-page.ts), and runs the first read (`startReader({manual:true})` then
// `timedRead()`, all its slices) under:
//   --mode time     nothing: just the first read and the same read warm (as the benchmark);
//   --mode profile  the CDP sampling profiler (50 µs): self time by function and by kind
//                   (GC, program, our code, DOM bindings...);
//   --mode trace    a Chromium trace (devtools.timeline, v8 compile and GC): lazy compiles
//                   (V8.CompileCode), GC, and any style or layout (UpdateLayoutTree, Layout)
//                   inside the task that ran the read.
// In time and trace modes the task is the reader's start-up and the first read (the warm read
// runs in a task of its own). --dir DIR bundles another copy of the repository instead of
// this one. --names bundles without minifying (the profile then names our functions and
// gives the bundle's lines); the benchmark's bundle is minified.
// --against DIR also measures a bundle built from another copy of the repository, taking
// turns page by page (e.g. `git archive HEAD lib scripts | tar -x -C .tmp/base`), and prints
// the paired difference; --eager-against adds V8's `//# allFunctionsCalledOnLoad` hint to that
// bundle (every function compiled with the script): how much of the first read is compiling.
import { build as esbuild } from 'esbuild';
import { dirname, join } from 'node:path';
import type { Page, CDPSession } from 'puppeteer';
import { launchBrowser } from '../lib/launch';
import { parseArgs } from '../lib/args';
import { startBenchPages } from '../../tests/fixtures/bench/server';
import { inPageBundle } from './build';
import { freshPage } from './browser';
import { sleep, summarise } from './stats';

interface ProfileNode {
  id: number;
  positionTicks?: Array<{ line: number; ticks: number }>;
  callFrame: { functionName: string; scriptId: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

type Bench = { __acBench: { startReader(o?: { manual?: boolean }): void; timedRead(): Promise<{ totalMs: number }>; stopReader(): void } };

const HERE = dirname(new URL(import.meta.url).pathname);

/** The in-page bundle from this checkout or from another copy of the repository (`root`). */
async function bundleFrom(root: string | undefined, names: boolean): Promise<string> {
  if (root === undefined && !names) return inPageBundle();
  const result = await esbuild({
    entryPoints: [root === undefined ? join(HERE, 'in-page.ts') : join(root, 'scripts/bench/in-page.ts')],
    bundle: true,
    format: 'iife',
    ...(names ? {} : { minify: true }),
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced nothing');
  return out.text;
}

async function loadAndInject(page: Page, url: string, bundle: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: bundle });
  await sleep(300);
}

/** The first read (in the task of one evaluate, with the reader's start-up), then the same read again in another. */
async function firstRead(page: Page): Promise<{ first: number; warm: number }> {
  const first = await page.evaluate(async () => {
    const b = (globalThis as unknown as Bench).__acBench;
    b.startReader({ manual: true });
    return (await b.timedRead()).totalMs;
  });
  const warm = await page.evaluate(async () => (await (globalThis as unknown as Bench).__acBench.timedRead()).totalMs);
  return { first, warm };
}

/**
 * The first read with a light trace on: also gives the thread (CPU) time of the task it
 * ran in (the reader's start-up and the first read), which other processes on a shared
 * machine do not inflate as they do wall time.
 */
async function firstReadCpu(page: Page): Promise<{ first: number; warm: number; taskCpu: number }> {
  await page.tracing.start({ categories: ['disabled-by-default-devtools.timeline'] });
  const t = await firstRead(page);
  const raw = await page.tracing.stop();
  const events = (JSON.parse(Buffer.from(raw ?? new Uint8Array()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const task = events.filter((e) => e.name === 'RunTask' && e.ph === 'X').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  return { ...t, taskCpu: (task?.tdur ?? NaN) / 1000 };
}

/** Self time (µs) per node from the samples and their time deltas. */
function selfTimes(profile: Profile): Map<number, number> {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the delta to the next sample.
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] ?? 0;
    const dt = deltas[i + 1] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
  }
  return self;
}

const lineTicks = new Map<string, number>();

/**
 * What a sample was doing. A lazy compile is charged to the function that made the call
 * (the callee has no frame yet), so "our JS" includes compiling what it calls.
 */
function kindOf(node: ProfileNode): string {
  const name = node.callFrame.functionName;
  if (name === '(garbage collector)') return 'GC';
  if (name === '(program)') return 'program (native, runtime)';
  if (name === '(idle)') return 'idle';
  if (name === '(root)') return 'root';
  // Built-ins and DOM bindings have no script.
  if (node.callFrame.scriptId === '0') return `built-in or DOM: ${name || '(anonymous)'}`;
  // The bundle is an inline script (no URL); puppeteer's evaluate is pptr:.
  return node.callFrame.url.startsWith('pptr:') ? 'puppeteer' : 'our JS';
}

async function profileRound(page: Page, cdp: CDPSession, totals: Map<string, number[]>, fnTotals: Map<string, number[]>, inclTotals: Map<string, number[]>, round: number, focus: readonly string[]): Promise<number> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const t = await firstRead(page);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.send('Profiler.disable');
  const self = selfTimes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const kinds = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const kind = kindOf(node);
    kinds.set(kind, (kinds.get(kind) ?? 0) + us);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url ? `${node.callFrame.url.slice(-20)}:${node.callFrame.lineNumber}:${node.callFrame.columnNumber}` : ''}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const node = byId.get(n);
      if (!node) break;
      const name = `${node.callFrame.functionName || '(anonymous)'}`;
      // With --focus F: also the time of each function F calls (F > callee), inclusive.
      const up = parent.get(n);
      const caller = up !== undefined ? byId.get(up)?.callFrame.functionName : undefined;
      const edge = caller !== undefined && focus.includes(caller) ? `${caller} > ${name}` : undefined;
      if (edge !== undefined && !seen.has(edge)) {
        seen.add(edge);
        inclusive.set(edge, (inclusive.get(edge) ?? 0) + us);
      }
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  // Ticks by source line of the bundle (with --names the bundle is not minified: one statement a line).
  for (const n of profile.nodes) {
    for (const pt of n.positionTicks ?? []) {
      const key = `line ${pt.line} ${n.callFrame.functionName}`;
      lineTicks.set(key, (lineTicks.get(key) ?? 0) + pt.ticks);
    }
  }
  for (const [k, us] of inclusive) {
    const list = inclTotals.get(k) ?? [];
    list[round] = us / 1000;
    inclTotals.set(k, list);
  }
  for (const [k, us] of kinds) {
    const list = totals.get(k) ?? [];
    list[round] = us / 1000;
    totals.set(k, list);
  }
  for (const [k, us] of fns) {
    const list = fnTotals.get(k) ?? [];
    list[round] = us / 1000;
    fnTotals.set(k, list);
  }
  return t.first;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

/** Trace events inside the task that ran the read (V8.CompileCode, GC, Layout, UpdateLayoutTree...): count and total ms. */
async function traceRound(page: Page, names: Map<string, number[]>, counts: Map<string, number[]>, round: number): Promise<number> {
  await page.tracing.start({
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile', 'disabled-by-default-v8.gc'],
  });
  const t = await firstRead(page);
  const raw = await page.tracing.stop();
  const events = (JSON.parse(Buffer.from(raw ?? new Uint8Array()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const task = events.filter((e) => e.name === 'RunTask' && e.ph === 'X').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  if (!task) return t.first;
  const end = task.ts + (task.dur ?? 0);
  const inside = events.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && e !== task);
  const add = (m: Map<string, number[]>, k: string, v: number) => {
    const list = m.get(k) ?? [];
    list[round] = (list[round] ?? 0) + v;
    m.set(k, list);
  };
  add(names, '(the task: wall)', (task.dur ?? 0) / 1000);
  add(names, '(the task: thread time)', (task.tdur ?? 0) / 1000);
  for (const e of inside) {
    add(names, e.name, (e.dur ?? 0) / 1000);
    add(counts, e.name, 1);
  }
  return t.first;
}

function printTable(title: string, data: Map<string, number[]>, rounds: number, top: number): void {
  const rows = [...data.entries()].map(([k, list]) => {
    const values = Array.from({ length: rounds }, (_, i) => list[i] ?? 0);
    return { k, median: summarise(values).median, values };
  });
  rows.sort((a, b) => b.median - a.median);
  console.log(`\n${title} (ms; median, then each round)`);
  for (const r of rows.slice(0, top)) console.log(`${r.median.toFixed(2).padStart(8)}  ${r.values.map((v) => v.toFixed(2).padStart(6)).join(' ')}  ${r.k}`);
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2), { valueFlags: ['rounds', 'path', 'mode', 'top', 'against', 'focus', 'dir'], booleanFlags: ['names', 'eager-against'] });
  if (!parsed.ok) throw new Error(parsed.error);
  const { values, flags } = parsed.args;
  const rounds = Number(values.rounds ?? '5');
  const path = values.path ?? '/assessment/SA-BENCH/household';
  const mode = values.mode ?? 'time';
  const top = Number(values.top ?? '25');
  const pages = await startBenchPages({ today: '2026-11-23' });
  const browser = await launchBrowser({ headless: true, withExtension: false });
  const bundle = await bundleFrom(values.dir, flags.names);
  const hint = flags['eager-against'] ? '//# allFunctionsCalledOnLoad\n' : '';
  const other = values.against !== undefined ? hint + (await bundleFrom(values.against, flags.names)) : undefined;
  const otherFirsts: number[] = [];
  const otherWarms: number[] = [];
  const cpu: number[] = [];
  const otherCpu: number[] = [];
  const firsts: number[] = [];
  const warms: number[] = [];
  const a = new Map<string, number[]>();
  const b = new Map<string, number[]>();
  const c = new Map<string, number[]>();
  try {
    for (let r = 0; r < rounds; r++) {
      const bp = await freshPage(browser.browser);
      try {
        await loadAndInject(bp.page, pages.url + path, bundle);
        if (mode === 'profile') firsts.push(await profileRound(bp.page, bp.cdp, a, b, c, r, (values.focus ?? '').split(',')));
        else if (mode === 'trace') firsts.push(await traceRound(bp.page, a, b, r));
        else {
          const t = await firstReadCpu(bp.page);
          firsts.push(t.first);
          warms.push(t.warm);
          cpu.push(t.taskCpu);
        }
      } finally {
        await bp.close();
      }
      if (other !== undefined && mode === 'time') {
        const op = await freshPage(browser.browser);
        try {
          await loadAndInject(op.page, pages.url + path, other);
          const t = await firstReadCpu(op.page);
          otherFirsts.push(t.first);
          otherWarms.push(t.warm);
          otherCpu.push(t.taskCpu);
        } finally {
          await op.close();
        }
      }
    }
  } finally {
    await browser.close();
    await pages.close();
  }
  console.log(`${path}, ${mode}${flags.names ? ' (unminified names)' : ''}: first read ${firsts.map((x) => x.toFixed(1)).join(', ')} ms (median ${summarise(firsts).median.toFixed(1)})`);
  const med = (xs: number[]) => summarise(xs).median.toFixed(2);
  if (warms.length) console.log(`this checkout: first read median ${med(firsts)} ms, warm ${med(warms)} ms, task CPU ${med(cpu)} ms (${cpu.map((x) => x.toFixed(1)).join(', ')})`);
  if (otherFirsts.length) {
    console.log(`--against:     first read median ${med(otherFirsts)} ms, warm ${med(otherWarms)} ms, task CPU ${med(otherCpu)} ms (${otherCpu.map((x) => x.toFixed(1)).join(', ')})`);
    console.log(`paired difference (this - against): first read ${med(firsts.map((x, i) => x - (otherFirsts[i] ?? NaN)))} ms, task CPU ${med(cpu.map((x, i) => x - (otherCpu[i] ?? NaN)))} ms`);
  }
  if (mode === 'profile') {
    printTable('Self time by kind', a, rounds, top);
    printTable('Self time by function', b, rounds, top);
    printTable('Inclusive time by function name', c, rounds, top);
    if (flags.names) {
      const lines = bundle.split('\n');
      console.log('\nSamples by line of the bundle (all rounds; 50 µs each)');
      for (const [k, ticks] of [...lineTicks].sort((x, y) => y[1] - x[1]).slice(0, top)) {
        const line = Number(k.split(' ')[1]);
        console.log(`${String(ticks).padStart(6)}  ${k.padEnd(34)} ${(lines[line - 1] ?? '').trim().slice(0, 140)}`);
      }
    }
  } else if (mode === 'trace') {
    printTable('Trace events inside the task (ms, inclusive: nested events are counted again)', a, rounds, top);
    printTable('How many of each (count, not ms)', b, rounds, top);
  }
}

await main();
