import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExtract, USAGE } from '../../scripts/extract';

// `npm run extract`: the command a council's IT team tests its map with.

const PAGES = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
const MAP = fileURLToPath(new URL('../../lib/adapters/maps/lcs-demo.json', import.meta.url));
const ORIGIN = 'http://localhost:4173';
const page = (name: string): string => join(PAGES, `${name}.html`);
const expected = (name: string) => JSON.parse(readFileSync(join(PAGES, `${name}.expected.json`), 'utf8')) as { path: string; facts: Record<string, unknown> };

function run(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runExtract(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = mkdtempSync(join(tmpdir(), 'extract-cli-'));
function tmpFile(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

describe('npm run extract', () => {
  it('prints each fact with the locator that found it', () => {
    const r = run(page('sa-1002-household'), '--map', MAP, '--url', `${ORIGIN}/assessment/SA-1002/household`);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Map lcs-demo 1.0.0 (case system lcs-demo): valid');
    expect(r.out).toContain('Page http://localhost:4173/assessment/SA-1002/household: assessment SA-1002, person 200201, section household');
    expect(r.out).toContain(`Facts (${Object.keys(expected('sa-1002-household').facts).length}):`);
    expect(r.out).toMatch(/ {2}children\[200201\]\.dateOfBirth = "2020-09-20" +← column "Date of birth \/ Expected due date" in the row for 200201 of table "Household members" \[household\.dateOfBirth\]/);
    expect(r.out).toMatch(/adults\[200206\]\.hasParentalResponsibility = null +← column "Parental responsibility"/);
    expect(r.out).toContain('Every map entry for this page found its field.');
  });

  it('--json gives the facts, provenance and what found nothing', () => {
    const r = run(page('sa-1003-plan'), '--map', MAP, '--url', `${ORIGIN}/assessment/SA-1003/plan`, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { ok: boolean; map: unknown; facts: { path: string; value: unknown }[]; provenance: Record<string, unknown>; notFound: unknown[] };
    expect(json.ok).toBe(true);
    expect(json.map).toEqual({ id: 'lcs-demo', version: '1.0.0', caseSystem: 'lcs-demo' });
    expect(Object.fromEntries(json.facts.map((f) => [f.path, f.value]))).toEqual(expected('sa-1003-plan').facts);
    expect(Object.keys(json.provenance)).toHaveLength(json.facts.length);
    expect(json.notFound).toEqual([]);
  });

  it('never prints the page\'s narrative or names', () => {
    const html = readFileSync(page('sa-1003-profile'), 'utf8');
    const textareas = [...html.matchAll(/<textarea[^>]*>([^<]{12,})<\/textarea>/g)].map((m) => m[1]!.slice(0, 40));
    expect(textareas.length).toBeGreaterThan(0);
    for (const flag of [[], ['--json']]) {
      const r = run(page('sa-1003-profile'), '--map', MAP, '--url', `${ORIGIN}/assessment/SA-1003/profile`, ...flag);
      expect(r.code).toBe(0);
      for (const t of textareas) expect(r.out).not.toContain(t);
      expect(r.out).not.toContain('Mia Specimen');
    }
  });

  it('reads a frame given as its own file, matched by the iframe\'s title', () => {
    const r = run(page('sa-1003-background'), '--map', MAP, '--frame', page('sa-1003-background-frame'), '--url', `${ORIGIN}/assessment/SA-1003/background`, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { facts: { path: string; value: unknown }[]; unmatchedFrames: string[] };
    expect(Object.fromEntries(json.facts.map((f) => [f.path, f.value]))).toEqual(expected('sa-1003-background').facts);
    expect(json.unmatchedFrames).toEqual([]);
  });

  it('a frame can be named by its src, and an unneeded frame file is pointed out', () => {
    const src = '/assessment/SA-1002/background/frame';
    const r = run(page('sa-1002-background'), '--map', MAP, `--frame=${src}=${page('sa-1002-background-frame')}`, '--frame', `Nothing=${page('sa-1003-background-frame')}`, '--url', `${ORIGIN}/assessment/SA-1002/background`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('background.agenciesConsulted = ["education","health","police"]');
    expect(r.out).toContain('note: frame file sa-1003-background-frame.html matched no iframe on the page');
  });

  it('reads an inline srcdoc frame with no --frame', () => {
    const frame = readFileSync(page('sa-1003-background-frame'), 'utf8');
    const outer = readFileSync(page('sa-1003-background'), 'utf8').replace(/<iframe([^>]*) src="[^"]*"/, (_m, attrs: string) => `<iframe${attrs} srcdoc="${frame.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
    const r = run(tmpFile('srcdoc.html', outer), '--map', MAP, '--url', `${ORIGIN}/assessment/SA-1003/background`, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { facts: { path: string; value: unknown }[] };
    expect(Object.fromEntries(json.facts.map((f) => [f.path, f.value]))).toEqual(expected('sa-1003-background').facts);
  });

  it('takes the address from the "saved from url" comment a browser writes', () => {
    const html = `<!-- saved from url=(0047)${ORIGIN}/assessment/SA-1003/reasons -->\n${readFileSync(page('sa-1003-reasons'), 'utf8')}`;
    const r = run(tmpFile('saved.html', html), '--map', MAP);
    expect(r.code).toBe(0);
    expect(r.out).toContain('section reasons');
  });

  it('lists the map entries that found nothing', () => {
    const map = JSON.parse(readFileSync(MAP, 'utf8')) as { fields: unknown[] };
    map.fields.push({ id: 'my.new.field', fact: 'dates.icpc', section: 'reasons', find: { label: 'Date of ICPC' }, parse: { type: 'date', formats: ['dd/MM/yyyy'] } });
    const r = run(page('sa-1003-reasons'), '--map', tmpFile('map.json', JSON.stringify(map)), '--url', `${ORIGIN}/assessment/SA-1003/reasons`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Found nothing (1):\n  my.new.field  dates.icpc: nothing matched label "Date of ICPC"');
  });

  it('an invalid map: every problem with its JSON path, exit 2', () => {
    const map = JSON.parse(readFileSync(MAP, 'utf8')) as { fields: Record<string, unknown>[] };
    const at = map.fields.findIndex((f) => f.id === 'reasons.referralDate');
    map.fields[1] = { ...map.fields[1], fact: 'dates.referal' };
    map.fields[at] = { ...map.fields[at], parse: { type: 'date', formats: ['DD/MM/YYYY'] } };
    const file = tmpFile('bad.json', JSON.stringify(map));
    const r = run(page('sa-1003-reasons'), '--map', file, '--url', `${ORIGIN}/assessment/SA-1003/reasons`);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`the map ${file} is not valid (2 problems):`);
    expect(r.err).toContain('  $.fields[1].fact: unknown fact path "dates.referal"; did you mean "dates.referral"?');
    expect(r.err).toContain(`  $.fields[${at}].parse.formats[0]: "DD" is not a date token`);
    const json = run(page('sa-1003-reasons'), '--map', file, '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, errors: [{ path: '$.fields[1].fact' }, { path: `$.fields[${at}].parse.formats[0]` }] });
    const broken = run(page('sa-1003-reasons'), '--map', tmpFile('broken.json', '{ "id": '));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/\$: not valid JSON/);
  });

  it('a page the map does not recognise: exit 1, with a hint', () => {
    const r = run(page('sa-1003-reasons'), '--map', MAP);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/does not recognise .* give the address with --url/);
    const tray = run(page('sa-1003-reasons'), '--map', MAP, '--url', `${ORIGIN}/`, '--json');
    expect(tray.code).toBe(1);
    expect(JSON.parse(tray.out)).toMatchObject({ ok: false, recognised: false });
  });

  it('bad arguments: exit 2 with the usage', () => {
    expect(run('--help').out).toBe(USAGE);
    expect(run('--help').code).toBe(0);
    for (const argv of [[page('sa-1003-reasons')], ['--map', MAP], [page('a'), page('b'), '--map', MAP], [page('sa-1003-reasons'), '--map', MAP, '--frames', 'x'], [page('sa-1003-reasons'), '--map', MAP, '--frame']]) {
      const r = run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.length).toBeGreaterThan(0);
    }
    expect(run(join(PAGES, 'missing.html'), '--map', MAP).err).toMatch(/cannot read the page/);
    expect(run(page('sa-1003-reasons'), '--map', join(PAGES, 'missing.json')).err).toMatch(/cannot read the map file/);
    expect(run(page('sa-1003-reasons'), '--map', MAP, '--frame', join(PAGES, 'missing.html')).err).toMatch(/cannot read the frame/);
    expect(run(page('sa-1003-reasons'), '--map', MAP, '--url', 'not a url').code).toBe(2);
  });
});

describe('npm run extract over a folder, and coverage', () => {
  it('reads every saved page of a folder into one table, frames matched to their pages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-folder-'));
    const names = ['sa-1002-plan', 'sa-1002-background', 'sa-1002-background-frame'];
    const addresses: Record<string, string> = {};
    for (const n of names) {
      writeFileSync(join(dir, `${n}.html`), readFileSync(join(PAGES, `${n}.html`), 'utf8'));
      addresses[`${n}.html`] = `${ORIGIN}${(JSON.parse(readFileSync(join(PAGES, `${n}.expected.json`), 'utf8')) as { path: string }).path}`;
    }
    writeFileSync(join(dir, 'pages.json'), JSON.stringify(addresses));
    const r = run(dir, '--map', MAP, '--json');
    expect(r.code).toBe(0);
    const pages = (JSON.parse(r.out) as { pages: { page: string; sections: string[]; facts: number; notFound: number; unreadable: number }[] }).pages;
    expect(pages.map((p) => p.page)).toEqual(['sa-1002-background-frame.html', 'sa-1002-background.html', 'sa-1002-plan.html']);
    const outer = pages.find((p) => p.page === 'sa-1002-background.html');
    // The outer page is read with its frame's fields (found in the folder by its title).
    expect(outer?.facts).toBeGreaterThan(10);
    expect(outer?.notFound).toBe(0);
    const text = run(dir, '--map', MAP);
    expect(text.out).toMatch(/page +section +facts read +found nothing +unreadable/);
  }, 120_000);

  it('--pack prints the coverage: facts read, rules checkable, rules that cannot be and what they need', () => {
    const demo = JSON.parse(readFileSync(MAP, 'utf8')) as { fields: { fact: string }[] };
    const map = tmpFile('no-genogram.json', JSON.stringify({ ...demo, fields: demo.fields.filter((f) => f.fact !== 'background.genogram') }));
    const r = run(page('sa-1002-plan'), '--map', map, '--url', `${ORIGIN}/assessment/SA-1002/plan`, '--pack', 'derby');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Coverage for the derby rules on what was read: \d+ facts the map reads, \d+ rules checked in full, [1-9]\d* steps? not checked with this case system/);
    expect(r.out).toMatch(/needs background\.genogram/);
    expect(run(page('sa-1002-plan'), '--map', MAP, '--pack', 'nowhere').code).toBe(2);
  }, 60_000);
});
