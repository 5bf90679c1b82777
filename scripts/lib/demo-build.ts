/**
 * The demo builds (`npm run build:demo`, `npm run build:demo:firefox`) for the demo and the
 * screenshots: built when something that goes into them has changed, reused when not.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_BUILD_SCRIPT, EXTENSION_DIR, FIREFOX_EXTENSION_DIR, REPO_ROOT, SetupError, type BrowserKind } from './launch';

/** What goes into a build, relative to the repository: its sources, its settings and its packages. */
export const BUILD_INPUTS: readonly string[] = [
  'entrypoints',
  'components',
  'lib',
  'public',
  'wxt.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

/** Unit tests live beside the code in lib/ and components/ but never go into a build. */
const NOT_BUILT = /\.test\.tsx?$/;

export type BuildState =
  | { readonly current: true; readonly builtAt: Date }
  | { readonly current: false; readonly reason: string };

/** Every file under `path` (or `path` itself when it is a file), with its last change; none when it is not there. */
function files(path: string): Array<{ path: string; changed: number }> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [{ path, changed: stat.mtimeMs }];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/**
 * Is the build in `buildDir` newer than every file that goes into it? The build is dated by
 * its oldest file (the build empties its folder first), so a build cut short or a file
 * changed while it ran counts as out of date. No build, or no manifest in it, is out of date.
 */
export function buildState(buildDir: string, root: string = REPO_ROOT, inputs: readonly string[] = BUILD_INPUTS): BuildState {
  const built = files(buildDir);
  if (!built.some((f) => f.path === join(buildDir, 'manifest.json'))) return { current: false, reason: 'there is no build yet' };
  const builtAt = Math.min(...built.map((f) => f.changed));
  const changed = inputs
    .flatMap((input) => files(join(root, input)))
    .filter((f) => !NOT_BUILT.test(f.path))
    .find((f) => f.changed > builtAt);
  if (changed) return { current: false, reason: `${changed.path.slice(root.length + 1)} has changed since the last build` };
  return { current: true, builtAt: new Date(builtAt) };
}

/** The one line that says a build is reused, e.g. "Using the demo build from 6 Dec 2026, 04:53; nothing has changed since." */
export function reuseMessage(builtAt: Date): string {
  const when = builtAt.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `Using the demo build from ${when}; nothing has changed since.`;
}

/** Where the demo build for this browser is. */
export function demoBuildDir(kind: BrowserKind): string {
  return kind === 'firefox' ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR;
}

/**
 * Builds the demo build for this browser unless the one there is current, saying which in
 * one line. `quiet`: the build's own output is shown only if it fails.
 */
export function ensureDemoBuild(kind: BrowserKind, { quiet }: { quiet: boolean }): void {
  const state = buildState(demoBuildDir(kind));
  if (state.current) {
    console.log(reuseMessage(state.builtAt));
    return;
  }
  console.log('Building the extension…');
  // The demo build: the only one with access to the demo case system on 127.0.0.1.
  const command = ['run', DEMO_BUILD_SCRIPT[kind]];
  const result = spawnSync('npm', command, { cwd: REPO_ROOT, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout ?? '', result.stderr ?? '');
    throw new SetupError(`The extension did not build (npm ${command.join(' ')} failed).`);
  }
}
