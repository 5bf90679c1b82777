// Issue 22, item 6: a council sees the verdict its case system allows before anyone installs
// the extension. `npm run extract -- <pages> --map <map> --record` prints the record the
// extension would store; `npm run check -- <record> --map <map>` checks it with that map's
// coverage: what the map never reads is "not checked with this case system", never "not read yet".
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../lib/model';
import { runCheck } from '../../scripts/check';
import { runExtract } from '../../scripts/extract';

const ROOT = resolve(import.meta.dirname, '../..');
const HOSTS = join(ROOT, 'tests/fixtures/hosts');
const MAP = join(HOSTS, 'webforms-map.json');
const TMP = mkdtempSync(join(tmpdir(), 'extract-record-'));

function capture(run: (io: { out: (l: string) => void; err: (l: string) => void }) => number) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run({ out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const check = (...argv: string[]) =>
  capture((io) => runCheck(argv, { ...io, readFile: (p) => readFileSync(p, 'utf8'), now: () => new Date('2026-11-23T10:00:00Z'), colour: false }));

describe('extract --record | check --map', () => {
  it('end to end: ready, with the steps this case system does not record listed, none "not read yet"', () => {
    const dir = mkdtempSync(join(TMP, 'steps-'));
    for (const page of ['webforms-step1.html', 'webforms-step2.html']) copyFileSync(join(HOSTS, page), join(dir, page));
    const extracted = capture((io) => runExtract([dir, '--map', MAP, '--record'], io));
    expect(extracted.err).toBe('');
    expect(extracted.code).toBe(0);
    // Only the record on stdout: JSON that check accepts.
    const parsed = parseRecord(JSON.parse(extracted.out));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.record.assessmentId).toBe('SA-77');
    expect(parsed.record.dates?.referral).toBe('2026-11-02');
    expect(parsed.record.outcome?.decision).toBe('no-further-action');
    const file = join(dir, 'record.json');
    writeFileSync(file, extracted.out);

    const text = check(file, '--map', MAP, '--pack', 'derby', '--today', '2026-11-23');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Field map:   webforms-like 1.0.0');
    expect(text.out).toMatch(/Not checked with this case system \((\d+)\)/);
    expect(text.out).toContain('Everything this pack checks has been read.');
    const n = /Not checked with this case system \((\d+)\)/.exec(text.out)?.[1];
    expect(text.out).toContain(`Ready, with ${n} things this case system does not record: check them yourself`);

    const json = check(file, '--map', MAP, '--pack', 'derby', '--today', '2026-11-23', '--json');
    const report = JSON.parse(json.out) as { ready: { ready: boolean; blocking: unknown[] }; notCheckedHere: { ruleId: string; needs: string[] }[] };
    expect(report.ready.ready).toBe(true);
    expect(report.notCheckedHere.length).toBe(Number(n));
    expect(report.notCheckedHere.find((i) => i.ruleId === 'derby/conference-report')?.needs).toContain('dates.icpc');

    // The same count as `extract --pack` on the same pages (one function computes it).
    const coverage = capture((io) => runExtract([dir, '--map', MAP, '--pack', 'derby'], io));
    expect(coverage.out).toContain(`${n} steps not checked with this case system`);

    // Without the map the same record is checked as if every fact could be read: steps wait as "not read yet".
    const plain = check(file, '--pack', 'derby', '--today', '2026-11-23');
    expect(plain.out).toMatch(/Not ready: \d+ items block sign-off/);
  }, 60_000);

  it('with --map, facts the map never reads are taken out of a record written by hand', () => {
    const demo = join(ROOT, 'tests/fixtures/records/demo-SA-1002.json');
    const r = check(demo, '--map', MAP, '--today', '2026-11-23');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/facts in the record this map never reads left out: .*dates\.icpc/);
  });
});
