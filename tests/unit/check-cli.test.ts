import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../lib/model';
import { evaluate, getPack } from '../../lib/rules';
import { parseCheckArgs, tenAmLondon, USAGE } from '../../scripts/check';
import { runCheckCaptured } from '../support/check-run';
import { formatReport } from '../../scripts/lib/report';

const ROOT = resolve(__dirname, '../..');
const RECORDS = join(ROOT, 'tests/fixtures/records');
const record = (name: string) => join(RECORDS, `${name}.json`);
const TMP = mkdtempSync(join(tmpdir(), 'check-cli-'));
function tmpFile(name: string, text: string): string {
  const path = join(TMP, name);
  writeFileSync(path, text);
  return path;
}

const run = runCheckCaptured;

function json(...argv: string[]) {
  const result = run(...argv, '--json');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    pack: string;
    now: string;
    today: string;
    countdowns: Array<{ ruleId: string; status: string; due?: string; workingDaysLeft?: number }>;
    findings: Array<{ ruleId: string; status: string; subject?: { id: string } }>;
    prompts: Array<{ ruleId: string; section: string; message: string }>;
    ready: { ready: boolean; blocking: Array<{ ruleId: string; status: string }>; expected: unknown[] };
  };
}

function dueOf(argv: string[], ruleId = 'hertfordshire/assessment-5-working-days') {
  return json(...argv).countdowns.find((c) => c.ruleId === ruleId);
}

describe('check: the readable report', () => {
  it('puts deadlines first, then what is missing, then what is not read yet, then readiness', () => {
    const { code, stdout, stderr } = run(record('hertfordshire-overdue'), '--today', '2026-11-23');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const at = (text: string) => stdout.indexOf(text);
    expect(at('Pack:        Hertfordshire')).toBeGreaterThan(-1);
    expect(at('Date:        Monday 23 November 2026, 10:00 London time')).toBeGreaterThan(-1);
    expect(at('\nDeadlines')).toBeGreaterThan(at('Date:'));
    expect(at('\nWhat is missing')).toBeGreaterThan(at('\nDeadlines'));
    expect(at('\nNot read yet')).toBeGreaterThan(at('\nWhat is missing'));
    expect(at('\nReadiness')).toBeGreaterThan(at('\nNot read yet'));
    // The countdown in words, with its due date, days left, basis and citation.
    expect(stdout).toContain('  Overdue: Complete the assessment by the due date.');
    expect(stdout).toContain('    Due:      Fri 13 Nov 2026 (6 working days overdue)');
    expect(stdout).toContain('    Basis:    5 working days from referral on 6 Nov 2026');
    expect(stdout).toContain('    Source:   Hertfordshire 6 (The maximum time frame for the assessment to conclude');
    expect(stdout).toContain('Not ready: 5 items block sign-off');
    expect(stdout).toContain('(overdue, no reason recorded for going past the timescale)');
  });

  it('says a complete record is ready for sign-off, and exits 0', () => {
    const { code, stdout } = run(record('hertfordshire-complete'), '--today', '2026-11-23');
    expect(code).toBe(0);
    expect(stdout).toContain('Done on time: Complete the assessment');
    expect(stdout).toContain('Nothing is missing.');
    expect(stdout).toContain('  Ready for sign-off');
    expect(stdout).not.toContain('Not ready');
  });

  it('groups what is missing by form section and by child, required before expected, with citations', () => {
    const { stdout } = run(record('hertfordshire-part-way-cin'), '--today', '2026-11-23');
    const missing = stdout.slice(stdout.indexOf('\nWhat is missing'), stdout.indexOf('\nNot read yet'));
    const plan = missing.slice(missing.indexOf('  Assessment plan'), missing.indexOf('  Background, history and safety'));
    expect(plan).toContain('    Child 1 (subject child), aged 12\n      - Required: Visit the child’s home and see their bedroom.');
    expect(plan).toContain('    Child 2, aged 8\n      - Required: Include every child in the household in the assessment and see each of them.');
    expect(plan).toContain('Still to record: seen.');
    expect(plan).toContain('Source: Hertfordshire 2 and 7 (Other children in the household or family should be equally considered');
    expect(missing.indexOf('Child 1 (subject child)')).toBeLessThan(missing.indexOf('Child 2, aged 8'));
    expect(missing).toContain('    Father\n      - Required: See each parent and carer');
  });

  it('lists facts not read yet apart, and never as missing', () => {
    const { stdout } = run(record('hertfordshire-part-way-cin'), '--today', '2026-11-23');
    const missing = stdout.slice(stdout.indexOf('\nWhat is missing'), stdout.indexOf('\nNot read yet'));
    const notRead = stdout.slice(stdout.indexOf('\nNot read yet'), stdout.indexOf('\nReadiness'));
    expect(notRead).toContain('These are not missing');
    expect(notRead).toContain('Record the strengths in the child’s life');
    expect(missing).not.toContain('Record the strengths in the child’s life');
    expect(stdout).toContain('Record the strengths in the child’s life and how they could help reduce the risk. (not read yet)');
    // An expected item comes after the required ones in its section.
    const analysis = notRead.slice(notRead.indexOf('  Analysis and recommendation'), notRead.indexOf('  Manager’s authorisation'));
    expect(analysis.lastIndexOf('- Required')).toBeLessThan(analysis.indexOf('- Expected'));
  });

  it('lists the practice prompts on request', () => {
    const { stdout } = run(record('hertfordshire-complete'), '--today', '2026-11-23', '--prompts');
    expect(stdout).toContain('Practice prompts');
    expect(stdout).toContain('use the local escalation route for professional disagreements');
  });

  it('uses colour only when asked (the command asks only on a terminal)', () => {
    const rec = parseRecord(JSON.parse(readFileSync(record('hertfordshire-overdue'), 'utf8')));
    if (!rec.ok) throw new Error('fixture');
    const pack = getPack('hertfordshire');
    const evaluation = evaluate(rec.record, pack, '2026-11-23T10:00:00Z');
    const input = { evaluation, record: rec.record, pack };
    expect(formatReport({ ...input, colour: true })).toContain('\u001b[');
    expect(formatReport({ ...input, colour: false })).not.toContain('\u001b[');
    expect(formatReport(input)).not.toContain('\u001b[');
  });

  it('checks against Derby by the record’s own pack field', () => {
    const { stdout } = run(record('derby-overdue'), '--today', '2026-11-23');
    expect(stdout).toContain('Pack:        Derby City (derby)');
    expect(stdout).toContain('Due:      Mon 9 Nov 2026 (10 working days overdue)');
  });
});

describe('check --json', () => {
  it('prints { countdowns, findings, prompts, ready } with rule ids, statuses and due dates', () => {
    const result = json(record('hertfordshire-overdue'), '--today', '2026-11-23');
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['countdowns', 'findings', 'prompts', 'ready']));
    expect(result.pack).toBe('hertfordshire');
    expect(result.now).toBe('2026-11-23T10:00:00.000Z');
    expect(result.countdowns).toContainEqual(
      expect.objectContaining({ ruleId: 'hertfordshire/assessment-5-working-days', status: 'overdue', due: '2026-11-13', workingDaysLeft: -6 }),
    );
    for (const f of result.findings) {
      expect(typeof f.ruleId).toBe('string');
      expect(['met', 'missing', 'unknown', 'not-applicable']).toContain(f.status);
    }
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'hertfordshire/timescale-exceeded-reason', status: 'missing' }));
    expect(result.prompts.length).toBeGreaterThan(20);
    expect(result.ready.ready).toBe(false);
    expect(result.ready.blocking.map((b) => b.ruleId)).toContain('hertfordshire/assessment-5-working-days');
  });

  it('gives one finding per child for per-child checks', () => {
    const result = json(record('hertfordshire-s47-siblings-baby'), '--today', '2026-11-23');
    const seen = result.findings.filter((f) => f.ruleId === 'hertfordshire/all-children-seen');
    expect(seen.map((f) => [f.subject?.id, f.status])).toEqual([
      ['P1201', 'met'],
      ['P1202', 'met'],
      ['P1203', 'met'],
    ]);
  });
});

describe('check: the moment of the check', () => {
  it('--today means 10:00 London time, in GMT and in BST', () => {
    expect(tenAmLondon('2026-11-23')).toBe('2026-11-23T10:00:00+00:00');
    expect(tenAmLondon('2026-07-01')).toBe('2026-07-01T10:00:00+01:00');
    expect(json(record('hertfordshire-complete'), '--today', '2026-07-01').now).toBe('2026-07-01T09:00:00.000Z');
    expect(USAGE).toContain('10:00 London time');
  });

  it('--today and --now can give different answers on the same record', () => {
    // Part-way record: referral Thu 19 Nov, due Thu 26 Nov.
    expect(dueOf([record('hertfordshire-part-way-cin'), '--today', '2026-11-26'])?.status).toBe('due-today');
    expect(dueOf([record('hertfordshire-part-way-cin'), '--now', '2026-11-26T23:30:00Z'])?.status).toBe('due-today');
    // 00:30 in BST-style offset on the 27th is still 23:30 on the 26th in London (GMT).
    expect(dueOf([record('hertfordshire-part-way-cin'), '--now', '2026-11-27T00:30:00+01:00'])?.status).toBe('due-today');
    expect(dueOf([record('hertfordshire-part-way-cin'), '--now', '2026-11-27T00:30:00Z'])?.status).toBe('unknown');
    expect(dueOf([record('hertfordshire-overdue'), '--now', '2026-11-13T23:59:00Z'])?.status).toBe('due-today');
    expect(dueOf([record('hertfordshire-overdue'), '--today', '2026-11-16'])?.status).toBe('overdue');
  });

  it('without --today or --now, uses the current time', () => {
    expect(json(record('hertfordshire-complete')).now).toBe('2026-11-23T10:00:00.000Z');
  });

  it('refuses --today and --now together, and dates that are not real', () => {
    expect(run(record('hertfordshire-complete'), '--today', '2026-11-23', '--now', '2026-11-23T10:00:00Z').code).toBe(2);
    expect(run(record('hertfordshire-complete'), '--today', '2026-02-30').code).toBe(2);
    expect(run(record('hertfordshire-complete'), '--now', '2026-11-23 10:00').code).toBe(2);
  });
});

describe('check --holidays and --params', () => {
  it('a custom bank holidays feed moves a due date', () => {
    // Built in: Thu 19 Nov + 5 working days = Thu 26 Nov. With a holiday on Tue 24 Nov: Fri 27 Nov,
    // and from Mon 23 Nov three working days are left (25, 26, 27).
    expect(dueOf([record('hertfordshire-part-way-cin'), '--today', '2026-11-23'])?.due).toBe('2026-11-26');
    const feed = tmpFile(
      'feed.json',
      JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'Council closure day', date: '2026-11-24' }] } }),
    );
    expect(dueOf([record('hertfordshire-part-way-cin'), '--today', '2026-11-23', '--holidays', feed])?.due).toBe('2026-11-27');
    const { stdout } = run(record('hertfordshire-part-way-cin'), '--today', '2026-11-23', '--holidays', feed);
    expect(stdout).toContain(`Holidays:    from ${feed} (1 bank holiday, known to 31 Dec 2026)`);
    expect(stdout).toContain('Due:      Fri 27 Nov 2026 (3 working days left)');
  });

  it('a bad feed is refused with the JSON path of each problem, exit 2', () => {
    const feed = tmpFile('bad-feed.json', JSON.stringify({ 'england-and-wales': { events: [{ title: 'X', date: '2026-13-01' }] } }));
    const { code, stderr } = run(record('hertfordshire-complete'), '--holidays', feed);
    expect(code).toBe(2);
    expect(stderr).toContain('$["england-and-wales"].events[0].date');
  });

  it('a council’s parameters change the timescale', () => {
    // Thu 19 Nov + 10 working days: 20, 23, 24, 25, 26, 27, 30 Nov, 1, 2, Thu 3 Dec.
    const params = tmpFile('params.json', JSON.stringify({ assessmentWorkingDays: 10 }));
    expect(dueOf([record('hertfordshire-part-way-cin'), '--today', '2026-11-23', '--params', params])?.due).toBe('2026-12-03');
    expect(run(record('hertfordshire-part-way-cin'), '--params', params).stdout).toContain(`Parameters:  assessmentWorkingDays 10 (from ${params})`);
  });

  it('parameters the pack does not have are refused, exit 2', () => {
    const params = tmpFile('bad-params.json', JSON.stringify({ assessmentWorkingDay: 10 }));
    const { code, stderr } = run(record('hertfordshire-complete'), '--params', params);
    expect(code).toBe(2);
    expect(stderr).toContain('does not fit the hertfordshire pack');
  });
});

describe('check: bad input exits 2 with a clear message', () => {
  it('a record that fails the schema lists the JSON path of each problem', () => {
    const bad = JSON.parse(readFileSync(record('hertfordshire-complete'), 'utf8')) as Record<string, unknown> & {
      children: Array<Record<string, unknown>>;
    };
    bad.kind = 'child-protection';
    (bad.children[1] as Record<string, unknown>).dateOfBirth = '2020-02-30';
    bad.colour = 'blue';
    const { code, stdout, errLines } = run(tmpFile('bad-record.json', JSON.stringify(bad)));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(errLines[0]).toMatch(/is not a valid assessment record/);
    const joined = errLines.join('\n');
    expect(joined).toContain('  $.kind: ');
    expect(joined).toContain('  $.children[1].dateOfBirth: expected a real date written YYYY-MM-DD');
    expect(joined).toContain('  $: ');
  });

  it('a file that is not JSON: one line', () => {
    const { code, errLines } = run(tmpFile('not-json.json', '{ "schema": '));
    expect(code).toBe(2);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(/^check: .*not-json\.json is not JSON/);
  });

  it('a file that cannot be read: one line', () => {
    const { code, errLines } = run(join(TMP, 'no-such-record.json'));
    expect(code).toBe(2);
    expect(errLines).toEqual([`check: cannot read ${join(TMP, 'no-such-record.json')}: no such file`]);
  });

  it('an unknown pack, given or named by the record', () => {
    const given = run(record('hertfordshire-complete'), '--pack', 'kent');
    expect(given.code).toBe(2);
    expect(given.stderr).toContain('unknown pack "kent" (known packs: derby, hertfordshire, wirral)');
    const rec = JSON.parse(readFileSync(record('hertfordshire-complete'), 'utf8')) as Record<string, unknown>;
    const named = run(tmpFile('kent.json', JSON.stringify({ ...rec, pack: 'kent' })));
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('the record names pack "kent"');
    // --pack overrides the record's own.
    expect(run(tmpFile('kent2.json', JSON.stringify({ ...rec, pack: 'kent' })), '--pack', 'hertfordshire').code).toBe(0);
  });

  it('unknown options and a missing record path', () => {
    expect(run(record('hertfordshire-complete'), '--colour').code).toBe(2);
    expect(run().code).toBe(2);
    expect(parseCheckArgs(['--help'])).toEqual({ ok: true, command: { kind: 'help' } });
    expect(run('--help').code).toBe(0);
  });

  it('a record without a pack field defaults to Derby', () => {
    const rec = JSON.parse(readFileSync(record('hertfordshire-complete'), 'utf8')) as Record<string, unknown>;
    delete rec.pack;
    expect(json(tmpFile('no-pack.json', JSON.stringify(rec))).pack).toBe('derby');
  });
});

describe('check as a command (child process)', () => {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const cli = (...args: string[]) => spawnSync(tsx, ['scripts/check.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });

  it('prints the report with no colour codes when stdout is not a terminal, exit 0', () => {
    const result = cli('tests/fixtures/records/hertfordshire-overdue.json', '--today', '2026-11-23');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Not ready: 5 items block sign-off');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('exits 2 on a record that fails the schema', () => {
    const result = cli(tmpFile('cli-bad.json', JSON.stringify({ schema: 'single-assessment/v1', caseSystem: 'x', assessmentId: 'y', kind: 'nope' })));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('$.kind');
  });
});
