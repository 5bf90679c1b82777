/**
 * The demo reuses a demo build that is newer than everything that goes into it, and builds
 * again when anything has changed since (scripts/lib/demo-build.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_INPUTS, buildState, reuseMessage } from '../../scripts/lib/demo-build';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 6, 9, 0);
const INPUTS = ['entrypoints', 'lib', 'public', 'wxt.config.ts', 'package-lock.json'];

let root: string;
let build: string;

/** Writes a file changed at `at`. */
function file(path: string, at: number): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, 'x');
  utimesSync(path, at / 1000, at / 1000);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'demo-build-'));
  build = join(root, '.output', 'chrome-mv3-demo');
  file(join(root, 'entrypoints', 'background.ts'), T0);
  file(join(root, 'lib', 'model', 'facts.ts'), T0);
  file(join(root, 'wxt.config.ts'), T0);
  file(join(root, 'package-lock.json'), T0);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A build made an hour after the sources, its manifest written last. */
function built(at = T0 + HOUR): void {
  file(join(build, 'background.js'), at);
  file(join(build, 'chunks', 'panel.js'), at + 5_000);
  file(join(build, 'manifest.json'), at + 10_000);
}

describe('buildState', () => {
  it('is out of date when there is no build', () => {
    expect(buildState(build, root, INPUTS)).toEqual({ current: false, reason: 'there is no build yet' });
  });

  it('is out of date when the build has no manifest (a build cut short)', () => {
    file(join(build, 'background.js'), T0 + HOUR);
    expect(buildState(build, root, INPUTS).current).toBe(false);
  });

  it('is current when the build is newer than every input, and is dated by its oldest file', () => {
    built();
    expect(buildState(build, root, INPUTS)).toEqual({ current: true, builtAt: new Date(T0 + HOUR) });
  });

  it('is out of date when a file deep in a source folder changed after the build, and names it', () => {
    built();
    file(join(root, 'lib', 'model', 'facts.ts'), T0 + 2 * HOUR);
    expect(buildState(build, root, INPUTS)).toEqual({ current: false, reason: `${join('lib', 'model', 'facts.ts')} has changed since the last build` });
  });

  it('is out of date when a new source file appears, or a settings file or the locked packages change', () => {
    built();
    file(join(root, 'public', 'icon.png'), T0 + 2 * HOUR);
    expect(buildState(build, root, INPUTS).current).toBe(false);
    rmSync(join(root, 'public'), { recursive: true });
    file(join(root, 'wxt.config.ts'), T0 + 2 * HOUR);
    expect(buildState(build, root, INPUTS).current).toBe(false);
    file(join(root, 'wxt.config.ts'), T0);
    file(join(root, 'package-lock.json'), T0 + 2 * HOUR);
    expect(buildState(build, root, INPUTS).current).toBe(false);
  });

  it('is out of date when a source changed while the build was being written', () => {
    built();
    file(join(root, 'entrypoints', 'background.ts'), T0 + HOUR + 5_000);
    expect(buildState(build, root, INPUTS).current).toBe(false);
  });

  it('ignores unit tests beside the code and inputs that are not there', () => {
    built();
    file(join(root, 'lib', 'model', 'facts.test.ts'), T0 + 2 * HOUR);
    file(join(root, 'entrypoints', 'panel.test.tsx'), T0 + 2 * HOUR);
    expect(buildState(build, root, [...INPUTS, 'no-such-folder']).current).toBe(true);
  });

  it('looks at every folder and file the build is made from', () => {
    expect(BUILD_INPUTS).toEqual(expect.arrayContaining(['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package.json', 'package-lock.json']));
  });
});

describe('reuseMessage', () => {
  it('says in one line which build is used and why', () => {
    expect(reuseMessage(new Date(2026, 11, 6, 4, 53))).toBe('Using the demo build from 6 Dec 2026, 04:53; nothing has changed since.');
  });
});
