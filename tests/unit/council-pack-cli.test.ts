// `npm run check -- <record> --pack wirral` and `--pack-file <council.json>`: trying a council pack before deploying it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCheckArgs } from '../../scripts/check';
import { runCheckCaptured } from '../support/check-run';

const ROOT = resolve(__dirname, '../..');
const RECORD = join(ROOT, 'tests/fixtures/records/hertfordshire-complete.json');
const WIRRAL = join(ROOT, 'lib/rules/packs/wirral/wirral.json');
const TMP = mkdtempSync(join(tmpdir(), 'council-pack-cli-'));

const run = runCheckCaptured;

function withChange(change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(readFileSync(WIRRAL, 'utf8')) as Record<string, unknown>;
  change(doc);
  const path = join(TMP, `pack-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('check --pack wirral', () => {
  it('checks a record against the Wirral pack', () => {
    const { code, stdout } = run(RECORD, '--pack', 'wirral', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { pack: string; countdowns: Array<{ ruleId: string; status: string }> };
    expect(result.pack).toBe('wirral');
    expect(result.countdowns.find((c) => c.ruleId === 'wirral/assessment-30-days')?.status).toBe('met-on-time');
  });
});

describe('check --pack-file', () => {
  it('runs the same as the shipped pack for the same JSON', () => {
    const shipped = run(RECORD, '--pack', 'wirral', '--json');
    const file = run(RECORD, '--pack-file', WIRRAL, '--json');
    expect(file.code).toBe(0);
    expect(file.stdout).toBe(shipped.stdout);
  });

  it('uses a council’s own figures: a 20-day timescale', () => {
    const path = withChange((doc) => {
      (doc.settings as Record<string, { default: number }>).assessmentDays!.default = 3;
    });
    const { stdout } = run(RECORD, '--pack-file', path, '--json');
    const result = JSON.parse(stdout) as { countdowns: Array<{ ruleId: string; status: string; due?: string }> };
    // Referral Monday 16 Nov, completed Friday 20 Nov: 3 days on is Thursday 19 Nov.
    expect(result.countdowns.find((c) => c.ruleId === 'wirral/assessment-30-days')).toMatchObject({ status: 'met-late', due: '2026-11-19' });
  });

  it('refuses a pack with a mistake, naming its JSON path, with exit code 2', () => {
    const path = withChange((doc) => {
      (doc.rules as Array<Record<string, unknown>>)[1]!.use = 'assessment-timescales';
    });
    const { code, stderr } = run(RECORD, '--pack-file', path);
    expect(code).toBe(2);
    expect(stderr).toContain('is not a valid council pack');
    expect(stderr).toContain('$.rules[1].use: expected one of "assessment-timescale"');
  });

  it('refuses a file that is not JSON', () => {
    const path = join(TMP, 'not-json.json');
    writeFileSync(path, '{ "format": ');
    const { code, stderr } = run(RECORD, '--pack-file', path);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\$: not JSON/);
  });

  it('takes --pack or --pack-file, not both', () => {
    expect(parseCheckArgs([RECORD, '--pack', 'derby', '--pack-file', WIRRAL])).toEqual({ ok: false, error: 'give --pack or --pack-file, not both' });
  });
});
