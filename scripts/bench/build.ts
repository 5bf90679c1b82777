/**
 * Builds the extension for the benchmark into a directory of its own (other people may
 * be rebuilding .output/ at the same time) and measures the bundles it ships.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { REPO_ROOT } from '../lib/launch';
import { READER_SCRIPT } from '../../lib/background/inject';

/** The demo build (Chrome, MV3: access to the demo case system) with only the output directory changed. Returns the extension directory. */
export function buildExtension(outDir: string): string {
  // In a child process: the build's own warnings stay out of the table unless it fails.
  const script = `import { build } from 'wxt'; await build({ outDir: process.argv[1], mode: 'demo' });`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, outDir], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const extensionDir = join(outDir, 'chrome-mv3-demo');
  if (run.status !== 0 || !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`wxt build failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return extensionDir;
}

export interface BundleSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

function measure(root: string, files: readonly string[]): BundleSize {
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const content = readFileSync(join(root, f));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: [...files], bytes, gzipBytes };
}

/** Every JS chunk a page loads: its module scripts and preloads, and their static imports, transitively. */
function pageScripts(root: string, htmlFile: string): { js: string[]; css: string[] } {
  const html = readFileSync(join(root, htmlFile), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/^\//, ''));
  const css = refs.filter((r) => r.endsWith('.css'));
  const queue = refs.filter((r) => r.endsWith('.js'));
  const js = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (js.has(file) || !existsSync(join(root, file))) continue;
    js.add(file);
    const code = readFileSync(join(root, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      const spec = m[1] ?? '';
      queue.push(spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(file), spec)));
    }
  }
  return { js: [...js], css };
}

export interface BundleSizes {
  content: BundleSize;
  sidepanel: BundleSize;
  sidepanelCss: BundleSize;
  background: BundleSize;
}

export function bundleSizes(extensionDir: string): BundleSizes {
  const panel = pageScripts(extensionDir, 'sidepanel.html');
  return {
    // The page reader: one file, which the background puts into case system pages.
    content: measure(extensionDir, [READER_SCRIPT]),
    sidepanel: measure(extensionDir, panel.js),
    sidepanelCss: measure(extensionDir, panel.css),
    background: measure(extensionDir, ['background.js']),
  };
}

/** The extractor and page reader on their own, as one script to inject into a page (see in-page.ts). */
export async function inPageBundle(): Promise<string> {
  const result = await esbuild({
    entryPoints: [join(dirname(new URL(import.meta.url).pathname), 'in-page.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced nothing');
  return out.text;
}

/**
 * A control extension: one line of content script at document_idle on the demo origins,
 * nothing else. Loading a page with it shows what the browser charges for any content
 * script (a new isolated world, the extension API bindings), apart from what ours does.
 */
export function controlExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Bench control',
    version: '1.0.0',
    // An empty worker: the launcher waits for one to know the extension loaded.
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['content.js'], run_at: 'document_idle', all_frames: true }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'content.js'), 'void 0;\n');
  writeFileSync(join(dir, 'background.js'), '\n');
  return dir;
}

/** The page attributes where an instrumented copy leaves its evaluation time, and when it started. */
export const EVAL_ATTRIBUTE = 'data-ac-bench-eval-ms';
export const START_ATTRIBUTE = 'data-ac-bench-after-load-ms';

/**
 * A copy of the built extension whose page reader notes, on the page's root element, how
 * long its evaluation took (module and main(); not compiling) and how long after the end of
 * the page's load event it started (negative: before it, holding the load event up).
 * Measured without a trace running.
 */
export function instrumentedCopy(extensionDir: string, dir: string): string {
  cpSync(extensionDir, dir, { recursive: true });
  const file = join(dir, READER_SCRIPT);
  const code = readFileSync(file, 'utf8');
  const start = `var __acBenchT0 = performance.now();
(function () {
  var nav = performance.getEntriesByType('navigation')[0];
  var after = nav && nav.loadEventEnd > 0 ? __acBenchT0 - nav.loadEventEnd : -1;
  document.documentElement.setAttribute(${JSON.stringify(START_ATTRIBUTE)}, String(after));
})();
`;
  writeFileSync(file, `${start}${code}
;document.documentElement.setAttribute(${JSON.stringify(EVAL_ATTRIBUTE)}, String(performance.now() - __acBenchT0));
`);
  return dir;
}
