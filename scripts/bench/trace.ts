/**
 * Which main-thread work in a Chromium trace is the extension's. The content script runs
 * in the page's renderer, on the page's main thread, so its cost is the page's cost.
 *
 * A top-level task is the extension's own when it starts in extension code: a timer the
 * content script set (the debounced read), or a reply from the extension's APIs
 * (storage.get, sendMessage) whose promise callbacks then run. Those tasks count whole.
 * The content script's own evaluation counts as its EvaluateScript event (the browser may
 * run it inside a task of the page's). In the page's own tasks (a key press), only the
 * extension's listener calls count.
 */

export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the thread itself spent, without the time other processes had the core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    data?: { url?: string; isOutermostMainFrame?: boolean; documentLoaderURL?: string };
    fileName?: string;
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
  };
}

export type ExtensionTaskKind = 'startup' | 'timer' | 'api-reply' | 'slice';

export interface ExtensionTask {
  kind: ExtensionTaskKind;
  /** Microseconds on the trace clock. */
  ts: number;
  /** Wall time. */
  ms: number;
  /** Thread time (on a shared machine, wall time also counts other processes' turns on the core). */
  cpuMs: number;
}

export interface ExtensionActivity {
  tasks: ExtensionTask[];
  /** Extension listener time inside the page's own tasks (input events, mutation callbacks). */
  nestedMs: number;
  totalMs: number;
  maxTaskMs: number;
  totalCpuMs: number;
  maxTaskCpuMs: number;
}

function events(trace: Uint8Array | undefined): TraceEvent[] {
  if (!trace) return [];
  const parsed = JSON.parse(Buffer.from(trace).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export function extensionActivity(trace: Uint8Array | undefined, extensionId: string): ExtensionActivity {
  const prefix = `chrome-extension://${extensionId}/`;
  const all = events(trace).filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const isExt = (e: TraceEvent): boolean => (e.args?.data?.url ?? e.args?.fileName ?? '').startsWith(prefix);
  const threads = new Set(all.filter(isExt).map((e) => `${e.pid}:${e.tid}`));
  const tasks: ExtensionTask[] = [];
  let nestedMs = 0;
  for (const thread of threads) {
    const own = all.filter((e) => `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let i = 0;
    while (i < own.length) {
      const top = own[i];
      if (!top) break;
      if (top.name !== 'RunTask') {
        i++;
        continue;
      }
      const end = top.ts + (top.dur ?? 0);
      const inside: TraceEvent[] = [];
      let j = i + 1;
      while (j < own.length && (own[j]?.ts ?? Infinity) < end) inside.push(own[j++] as TraceEvent);
      i = j;
      let kind: ExtensionTaskKind | undefined;
      if (inside.some((e) => e.name === 'EvaluateScript' && isExt(e))) kind = 'startup';
      else if (inside.some((e) => e.name === 'TimerFire') && inside.some((e) => e.name === 'FunctionCall' && isExt(e))) kind = 'timer';
      else if (inside.some((e) => e.name.startsWith('Receive mojo') && (e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '').startsWith('extensions.mojom'))) kind = 'api-reply';
      // The rest of a read in slices: a task the reader posted (scheduler.postTask), running only the extension's code.
      else if (inside.some((e) => e.name === 'FunctionCall' && isExt(e)) && !inside.some((e) => e.name === 'FunctionCall' && !isExt(e)) && !inside.some((e) => e.name === 'EventDispatch')) kind = 'slice';
      if (kind === 'startup') {
        // The browser may run the injection inside one of the page's own tasks: count the script only.
        const scripts = inside.filter((e) => e.name === 'EvaluateScript' && isExt(e));
        tasks.push({ kind, ts: top.ts, ms: sum(scripts, 'dur'), cpuMs: sum(scripts, 'tdur') });
        continue;
      }
      if (kind) {
        tasks.push({ kind, ts: top.ts, ms: (top.dur ?? 0) / 1000, cpuMs: (top.tdur ?? top.dur ?? 0) / 1000 });
        continue;
      }
      // The page's task: count only the extension's calls, outermost ones.
      let coveredTo = -1;
      for (const e of inside) {
        if (e.name !== 'FunctionCall' || !isExt(e) || e.ts < coveredTo) continue;
        nestedMs += (e.dur ?? 0) / 1000;
        coveredTo = e.ts + (e.dur ?? 0);
      }
    }
  }
  tasks.sort((a, b) => a.ts - b.ts);
  const taskMs = tasks.reduce((s, t) => s + t.ms, 0);
  const taskCpuMs = tasks.reduce((s, t) => s + t.cpuMs, 0);
  return {
    tasks,
    nestedMs,
    totalMs: taskMs + nestedMs,
    maxTaskMs: tasks.reduce((m, t) => Math.max(m, t.ms), 0),
    totalCpuMs: taskCpuMs + nestedMs,
    maxTaskCpuMs: tasks.reduce((m, t) => Math.max(m, t.cpuMs), 0),
  };
}

function sum(list: readonly TraceEvent[], key: 'dur' | 'tdur'): number {
  return list.reduce((total, e) => total + (e[key] ?? e.dur ?? 0) / 1000, 0);
}

export interface LoadPath {
  /** Navigation start to the load event, wall time. */
  wallMs: number;
  /** The page's main thread: thread time of its tasks between navigation start and the load event. */
  mainThreadCpuMs: number;
  /** Navigation start and the load event, microseconds on the trace clock. */
  startTs: number;
  loadTs: number;
}

/**
 * The load path of the page navigated to in a trace: how long to the load event, and how
 * much main-thread work it took. The second does not grow when other processes take the
 * core, so it compares with and without the extension on a busy machine too.
 */
export function loadPath(trace: Uint8Array | undefined, url: string): LoadPath | undefined {
  const all = events(trace);
  const starts = all.filter((e) => e.name === 'navigationStart' && e.args?.data?.isOutermostMainFrame && (e.args.data.documentLoaderURL ?? '').startsWith('http'));
  const start = starts.filter((e) => e.args?.data?.documentLoaderURL === url).pop() ?? starts.pop();
  if (!start) return undefined;
  const load = all.find((e) => e.name === 'MarkLoad' && e.args?.data?.isOutermostMainFrame && e.ts >= start.ts);
  if (!load) return undefined;
  const own = all
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === load.pid && e.tid === load.tid && e.ts >= start.ts && e.ts < load.ts)
    .sort((a, b) => a.ts - b.ts);
  let cpu = 0;
  let coveredTo = -1;
  for (const e of own) {
    if (e.ts < coveredTo) continue;
    cpu += (e.tdur ?? e.dur ?? 0) / 1000;
    coveredTo = e.ts + (e.dur ?? 0);
  }
  return { wallMs: (load.ts - start.ts) / 1000, mainThreadCpuMs: cpu, startTs: start.ts, loadTs: load.ts };
}
