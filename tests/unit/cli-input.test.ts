// Every command-line tool answers bad or out-of-range input with one line on stderr and exit
// code 2: never a stack trace, never a page of usage. Each case runs in-process (anything
// thrown fails the test); a few also run as the user runs them, as a real process through tsx.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWorkdays } from '../../scripts/workdays';
import { runCheck } from '../../scripts/check';
import { runExtract } from '../../scripts/extract';
import type { CliOutput } from '../../scripts/lib/args';

const ROOT = resolve(import.meta.dirname, '../..');
const tsx = join(ROOT, 'node_modules/.bin/tsx');
const RECORD = 'tests/fixtures/records/demo-SA-1002.json';
const PAGE = 'tests/fixtures/pages/sa-1003-reasons.html';
const MAP = 'lib/adapters/maps/lcs-demo.json';

type Script = 'scripts/workdays.ts' | 'scripts/check.ts' | 'scripts/extract.ts';

const CASES: Record<Script, string[][]> = {
  'scripts/workdays.ts': [
    ['add', '2026-01-01', '-1000000'],
    ['add', '9999-12-31', '1'],
    ['add', '0000-01-03', '-5'],
    ['add', '2026-01-01', '1000001'],
    ['add', '2026-01-01', '99999999999999999999'],
    ['add', '2026-02-30', '1'],
    ['add', '31/12/99999', '1'],
    ['add', '2026-01-01', '1.5'],
    ['add'],
    ['add', '2026-01-01'],
    ['between', '2026-01-01'],
    ['between', '2026-01-01', 'tomorrow'],
    [],
    ['subtract', '2026-01-01', '1'],
    ['add', '2026-01-01', '1', 'extra'],
    ['add', '2026-01-01', '1', '--holidays'],
    ['add', '2026-01-01', '1', '--holidays', 'no-such-feed.json'],
    ['add', '2026-01-01', '1', '--holidays', 'tests'],
    ['--bogus'],
  ],
  'scripts/check.ts': [
    [],
    ['no-such-record.json'],
    ['tests'],
    [RECORD, '--today', '2026-02-30'],
    [RECORD, '--today', '0000-01-01'],
    [RECORD, '--today', '1066-10-14'],
    [RECORD, '--now', '275760-09-13T00:00:00Z'],
    [RECORD, '--now', '0001-01-01T00:00:00Z'],
    [RECORD, '--today', '2026-11-23', '--now', '2026-11-23T10:00:00Z'],
    [RECORD, '--pack', 'nowhere'],
    [RECORD, '--params', 'no-such-params.json'],
    [RECORD, 'extra'],
    [RECORD, '--bogus'],
    [RECORD, '--map', 'no-such-map.json'],
    [RECORD, '--map', 'tests/fixtures/records/demo-SA-1002.json'],
    [RECORD, '--map'],
  ],
  'scripts/extract.ts': [
    [],
    [PAGE],
    ['--map', MAP],
    [PAGE, PAGE, '--map', MAP],
    [PAGE, '--map'],
    [PAGE, '--map', MAP, '--frame'],
    [PAGE, '--map', 'no-such-map.json'],
    ['no-such-page.html', '--map', MAP],
    [PAGE, '--map', MAP, '--bogus'],
    [PAGE, '--map', MAP, '--record', '--json'],
    [PAGE, '--map', MAP, '--record', '--pack', 'nowhere'],
  ],
};

const readFile = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const RUN: Record<Script, (argv: string[], io: CliOutput) => number> = {
  'scripts/workdays.ts': (argv, io) => runWorkdays(argv, { ...io, readFile }),
  'scripts/check.ts': (argv, io) => runCheck(argv, { ...io, readFile, now: () => new Date('2026-11-23T10:00:00Z'), colour: false }),
  'scripts/extract.ts': (argv, io) => runExtract(argv, io),
};

describe.each(Object.entries(CASES) as [Script, string[][]][])('%s', (script, cases) => {
  it.each(cases.map((argv) => [argv.join(' ') || '(nothing)', argv] as const))('%s: one line on stderr, exit 2', (_name, argv) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = RUN[script]([...argv], { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect({ code, out, err: err.join('\n').split('\n').length }).toEqual({ code: 2, out: [], err: 1 });
  });
});

// As the user runs them: `npm run workdays -- add 2026-01-01 -1000000` printed a stack trace.
const SPAWNED: [Script, string[]][] = [
  ['scripts/workdays.ts', ['add', '2026-01-01', '-1000000']],
  ['scripts/workdays.ts', ['add', '9999-12-31', '1']],
  ['scripts/check.ts', [RECORD, '--today', '0000-01-01']],
  ['scripts/extract.ts', [PAGE]],
];

describe('as a process', () => {
  it.each(SPAWNED.map(([script, argv]) => [`${script} ${argv.join(' ')}`, script, argv] as const))('%s: one line, exit 2', (_name, script, argv) => {
    const run = spawnSync(tsx, [script, ...argv], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
    expect({ status: run.status, stdout: run.stdout, lines: lines.length }).toEqual({ status: 2, stdout: '', lines: 1 });
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
