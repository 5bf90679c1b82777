// The `check` command run in-process, with its output captured and a fixed clock (23 Nov 2026, 10:00).
import { readFileSync } from 'node:fs';
import { runCheck } from '../../scripts/check';

export function runCheckCaptured(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readFile: (path) => readFileSync(path, 'utf8'),
    now: () => new Date('2026-11-23T10:00:00Z'),
    colour: false,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), errLines: err };
}
