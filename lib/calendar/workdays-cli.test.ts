// Tests for scripts/workdays.ts and scripts/lib/args.ts: they live here because the
// unit test project only collects lib/ and tests/unit/.
import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_USAGE, isMainModule, parseArgs } from '../../scripts/lib/args';
import { parseCountArg, parseDateArg, parseWorkdaysArgs, runWorkdays, USAGE } from '../../scripts/workdays';

describe('parseArgs', () => {
  const spec = { valueFlags: ['holidays', 'now'], booleanFlags: ['help', 'json'], aliases: { h: 'help' } } as const;

  it('splits positionals, values and flags', () => {
    expect(parseArgs(['add', '2026-11-02', '--holidays', 'f.json', '45', '--json', '--now=2026-01-01'], spec)).toEqual({
      ok: true,
      args: {
        positionals: ['add', '2026-11-02', '45'],
        values: { holidays: 'f.json', now: '2026-01-01' },
        flags: { help: false, json: true },
      },
    });
  });

  it('reads negative numbers and a lone dash as positionals', () => {
    const result = parseArgs(['add', '-5', '-', '-0'], spec);
    expect(result.ok && result.args.positionals).toEqual(['add', '-5', '-', '-0']);
  });

  it('lets a value start with a dash', () => {
    const result = parseArgs(['--now', '-1'], spec);
    expect(result.ok && result.args.values).toEqual({ now: '-1' });
  });

  it('treats everything after -- as positional', () => {
    const result = parseArgs(['--json', '--', '--help', '-x'], spec);
    expect(result.ok && result.args.positionals).toEqual(['--help', '-x']);
    expect(result.ok && result.args.flags.help).toBe(false);
  });

  it('maps short aliases', () => {
    const result = parseArgs(['-h'], spec);
    expect(result.ok && result.args.flags.help).toBe(true);
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['-x'], 'unknown option -x'],
    [['--holidays'], '--holidays needs a value'],
    [['--holidays', '--json'], '--holidays needs a value'],
    [['--now', 'a', '--now', 'b'], '--now given more than once'],
    [['--json=yes'], '--json does not take a value'],
  ])('rejects %j', (argv, error) => {
    expect(parseArgs(argv, spec)).toEqual({ ok: false, error });
  });

  it('works with no spec', () => {
    expect(parseArgs(['a', 'b'])).toEqual({ ok: true, args: { positionals: ['a', 'b'], values: {}, flags: {} } });
  });

  it('knows when a module is the script being run', () => {
    expect(isMainModule('file:///repo/scripts/workdays.ts', '/repo/scripts/workdays.ts')).toBe(true);
    expect(isMainModule('file:///repo/scripts/workdays.ts', '/repo/scripts/workdays')).toBe(true);
    expect(isMainModule('file:///repo/scripts/workdays.ts', '/repo/node_modules/vitest/vitest.mjs')).toBe(false);
    expect(isMainModule('file:///repo/scripts/workdays.ts', undefined)).toBe(false);
  });
});

describe('workdays argument parsing', () => {
  it.each([
    ['2026-11-02', '2026-11-02'],
    ['02/11/2026', '2026-11-02'],
    ['2/11/2026', '2026-11-02'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['11/31/2026', null],
    ['2026-11-31', null],
    ['2 Nov 2026', null],
    ['', null],
  ])('date %j → %j', (text, expected) => {
    expect(parseDateArg(text)).toBe(expected);
  });

  it.each([
    ['45', 45],
    ['+5', 5],
    ['-5', -5],
    ['0', 0],
    ['4.5', null],
    ['1e3', null],
    ['five', null],
    ['', null],
    ['99999999', null],
  ])('count %j → %j', (text, expected) => {
    expect(parseCountArg(text)).toBe(expected);
  });

  it('reads add and between', () => {
    expect(parseWorkdaysArgs(['add', '02/11/2026', '-45'])).toEqual({
      ok: true,
      command: { kind: 'add', date: '2026-11-02', n: -45, holidaysPath: null },
    });
    expect(parseWorkdaysArgs(['between', '2026-11-02', '07/01/2027', '--holidays', 'feed.json'])).toEqual({
      ok: true,
      command: { kind: 'between', from: '2026-11-02', to: '2027-01-07', holidaysPath: 'feed.json' },
    });
    expect(parseWorkdaysArgs(['add', '--help'])).toEqual({ ok: true, command: { kind: 'help' } });
  });

  it.each([
    [[], 'no command given (use "add" or "between")'],
    [['sum', '1', '2'], 'unknown command "sum" (use "add" or "between")'],
    [['add', '2026-11-02'], 'add needs a date and a number of working days'],
    [['between', '2026-11-02'], 'between needs two dates'],
    [['add', '2026-11-02', '5', '6'], 'unexpected extra argument "6"'],
    [['add', '31/11/2026', '5'], '"31/11/2026" is not a real date (write YYYY-MM-DD or dd/mm/yyyy)'],
    [['between', '2026-11-02', 'soon'], '"soon" is not a real date (write YYYY-MM-DD or dd/mm/yyyy)'],
  ])('rejects %j', (argv, error) => {
    expect(parseWorkdaysArgs(argv)).toEqual({ ok: false, error });
  });
});

describe('runWorkdays', () => {
  function run(argv: string[], files: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = runWorkdays(argv, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      readFile: (path) => {
        const text = files[path];
        if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
        return text;
      },
    });
    return { code, out, err };
  }

  it('adds working days', () => {
    expect(run(['add', '2026-11-02', '45'])).toEqual({ code: EXIT_OK, out: ['2027-01-07'], err: [] });
    expect(run(['add', '07/01/2027', '-45'])).toEqual({ code: EXIT_OK, out: ['2026-11-02'], err: [] });
  });

  it('counts working days', () => {
    expect(run(['between', '2026-11-02', '2027-01-07'])).toEqual({ code: EXIT_OK, out: ['45'], err: [] });
    expect(run(['between', '2027-01-07', '2026-11-02']).out).toEqual(['-45']);
  });

  it('warns on stderr past the known bank holidays', () => {
    expect(run(['add', '2027-12-20', '10'])).toEqual({
      code: EXIT_OK,
      out: ['2028-01-05'],
      err: ['Warning: Bank holidays not known after 31 Dec 2027; weekdays there were all counted as working days.'],
    });
  });

  it('prints usage for --help', () => {
    expect(run(['--help'])).toEqual({ code: EXIT_OK, out: [USAGE], err: [] });
  });

  it('gives one line and exit code 2 for bad input', () => {
    const result = run(['add', '2026-11-02', 'lots']);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^workdays: "lots" is not a whole number/);
  });

  it('uses a --holidays feed', () => {
    const files = { 'feed.json': JSON.stringify({ 'england-and-wales': { events: [{ title: 'Day off', date: '2026-11-03' }] } }) };
    expect(run(['add', '2026-11-02', '1', '--holidays', 'feed.json'], files)).toEqual({
      code: EXIT_OK,
      out: ['2026-11-04'],
      err: [],
    });
  });

  it('lists each problem in a bad --holidays feed with its JSON path', () => {
    const files = {
      'bad.json': JSON.stringify({ 'england-and-wales': { events: [{ title: 'A', date: '2026-02-30' }, { date: '2026-12-25' }] } }),
    };
    expect(run(['add', '2026-11-02', '1', '--holidays', 'bad.json'], files)).toEqual({
      code: EXIT_USAGE,
      out: [],
      err: [
        'workdays: bad.json is not a valid bank holidays feed:',
        '  $["england-and-wales"].events[0].date: must be a real date written YYYY-MM-DD, for example 2026-12-25',
        '  $["england-and-wales"].events[1].title: is missing',
      ],
    });
  });

  it('says when the --holidays file cannot be read', () => {
    expect(run(['add', '2026-11-02', '1', '--holidays', 'gone.json'])).toEqual({
      code: EXIT_USAGE,
      out: [],
      err: ['workdays: cannot read gone.json: no such file'],
    });
  });
});

describe('out-of-range answers', () => {
  for (const argv of [['add', '2026-01-01', '-1000000'], ['add', '9999-12-31', '1'], ['add', '0000-01-03', '-5']]) {
    it(`${argv.join(' ')}: one line and exit 2, never a stack trace`, () => {
      const out: string[] = [];
      const err: string[] = [];
      const code = runWorkdays(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readFile: () => '' });
      expect(code).toBe(EXIT_USAGE);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^workdays: the answer falls outside the years 0000 to 9999/);
    });
  }
});
