// Meta-test over every rule pack: valid metadata, a test for every rule (met, missing and
// unknown cases for every check and countdown), the catalogue's ids and severities, and an
// up-to-date docs/rules.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_DEVIATIONS, OBLIGATIONS } from '../../../scripts/procedure-coverage';
import { REGENERATE, RULES_DOC_PATH, renderRulesDoc, shippedPacks } from '../../../scripts/rules-doc';
import { validatePack } from '../pack';
import type { Pack, Rule } from '../types';
import { derbyPack } from './derby/index';
import { hertfordshirePack } from './hertfordshire/index';
import { COUNCIL_PACK_DOCS, wirralPack } from './index';

type AnyPack = Pack<never>;
const PACKS_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(PACKS_DIR, '..', '..', '..');
// In CI the shared spec sits beside the repository.
const CATALOGUE_PATH = resolve(REPO_ROOT, '..', 'shared', 'spec', 'rule-catalogue.md');

const packs: AnyPack[] = [derbyPack as unknown as AnyPack, hertfordshirePack as unknown as AnyPack, wirralPack as unknown as AnyPack];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

/** From `open` (an opening bracket), the text up to its matching close; strings and comments skipped. */
function bracketed(text: string, open: number): string {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === "'" || ch === '"' || ch === '`') {
      // Skip a string literal (template expressions do not nest brackets we care about).
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (pairs[ch]) stack.push(pairs[ch]);
    else if (ch === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return text.slice(open, i + 1);
    }
  }
  return text.slice(open);
}

const TEST_RULE = /testRule\(\s*[\w$.]+\s*,\s*(?:'([^']+)'|"([^"]+)"|`([^`$]+)`|([A-Za-z_$][\w$]*))\s*,/g;

/** For each rule id given to `testRule` in a pack's test files, the `expect` values of its cases. */
function testedCases(files: string[]): Map<string, Set<string>> {
  const cases = new Map<string, Set<string>>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(TEST_RULE)) {
      let id = match[1] ?? match[2] ?? match[3];
      const name = match[4];
      if (name) {
        // A constant declared in the same file: const NAME = '<id>'.
        id = new RegExp(`const\\s+${name.replace(/\$/g, '\\$')}\\s*=\\s*['"\`]([^'"\`]+)['"\`]`).exec(text)?.[1];
      }
      if (!id) continue;
      const listStart = (match.index ?? 0) + match[0].length;
      const open = text.indexOf('[', listStart);
      const body = open === -1 ? '' : bracketed(text, open);
      const expects = cases.get(id) ?? new Set<string>();
      for (const e of body.matchAll(/\bexpect:\s*['"]([a-z-]+)['"]/g)) if (e[1]) expects.add(e[1]);
      cases.set(id, expects);
    }
  }
  return cases;
}

/** The kinds of case every check and countdown needs: met, not met, and not read yet. */
const NEEDED: Record<'check' | 'countdown', Array<{ label: string; any: string[] }>> = {
  check: [
    { label: 'met', any: ['met'] },
    { label: 'missing', any: ['missing'] },
    { label: 'unknown', any: ['unknown'] },
  ],
  countdown: [
    { label: 'met', any: ['met-on-time'] },
    { label: 'missing (overdue, met late or no start)', any: ['overdue', 'met-late', 'missing'] },
    { label: 'unknown', any: ['unknown'] },
  ],
};

describe.each(packs.map((p) => [p.id, p] as const))('pack %s', (id, pack) => {
  // The national layer's rules sit under every pack and are tested in their own folder.
  const files = [...testFiles(join(PACKS_DIR, id)), ...testFiles(join(PACKS_DIR, '..', 'national'))];
  const sources = files.map((f) => readFileSync(f, 'utf8'));
  const cases = testedCases(files);

  it('passes validatePack: unique, prefixed ids, plain messages, sources', () => {
    expect(validatePack(pack)).toEqual([]);
  });

  it('has test files beside its rules', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(pack.rules.map((r) => [r.id, r] as const))('%s is tested', (ruleId, rule: Rule<never>) => {
    if (rule.kind === 'prompt') {
      // A prompt test names the rule by id, or by its name after the pack prefix.
      const short = ruleId.slice(ruleId.indexOf('/') + 1);
      const named = sources.some((s) => [ruleId, short].some((n) => s.includes(`'${n}'`) || s.includes(`"${n}"`) || s.includes(`\`${n}\``)));
      expect(named, `no test names the prompt ${ruleId}`).toBe(true);
      return;
    }
    const expects = cases.get(ruleId);
    expect(expects, `no testRule(…, '${ruleId}', …) in ${id}/*.test.ts`).toBeDefined();
    for (const need of NEEDED[rule.kind]) {
      expect(
        need.any.some((s) => expects?.has(s)),
        `${ruleId} needs a ${need.label} case (expect: ${need.any.map((s) => `'${s}'`).join(' or ')})`,
      ).toBe(true);
    }
  });
});

interface CatalogueRow {
  pack: string;
  kind: 'check' | 'countdown';
  id: string;
  severity?: string;
  section?: string;
}

function parseCatalogue(text: string): CatalogueRow[] {
  const rows: CatalogueRow[] = [];
  let pack: string | undefined;
  let kind: CatalogueRow['kind'] | undefined;
  for (const line of text.split('\n')) {
    const packHeading = /^## .*\(`([a-z]+)`\)/.exec(line);
    if (packHeading) {
      pack = packHeading[1];
      kind = undefined;
      continue;
    }
    if (line.startsWith('## ')) pack = undefined;
    if (line.startsWith('### ')) kind = /countdown/i.test(line) ? 'countdown' : /check/i.test(line) ? 'check' : undefined;
    const row = /^\|\s*`([a-z]+\/[a-z0-9-]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!row || !pack || !kind || !row[1]) continue;
    const cells = (row[2] ?? '').split('|').map((c) => c.trim());
    // A severity cell may explain itself: "required ("They should comment")" → required.
    const severity = cells[0]?.split(/\s/)[0];
    rows.push(kind === 'check' ? { pack, kind, id: row[1], severity, section: cells[1] } : { pack, kind, id: row[1] });
  }
  return rows;
}

/** Section numbers in a citation: "2.3, 2.7" → 2.3 and 2.7; the catalogue's "intro" is section 1. */
function sectionNumbers(text: string): string[] {
  return text
    .split(/,|\band\b/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (/^intro/i.test(s) ? '1' : s));
}

describe.skipIf(!existsSync(CATALOGUE_PATH))('the rule catalogue (../shared/spec/rule-catalogue.md)', () => {
  const rows = existsSync(CATALOGUE_PATH) ? parseCatalogue(readFileSync(CATALOGUE_PATH, 'utf8')) : [];
  const byId = new Map(packs.flatMap((p) => p.rules.map((r) => [r.id, r] as const)));

  it('was read: the coded packs, their countdowns and checks (a JSON council pack traces itself in docs/procedure-coverage.md)', () => {
    for (const pack of packs.filter((p) => !COUNCIL_PACK_DOCS.some((d) => d.id === p.id))) {
      expect(rows.some((r) => r.pack === pack.id && r.kind === 'countdown')).toBe(true);
      expect(rows.some((r) => r.pack === pack.id && r.kind === 'check')).toBe(true);
    }
  });

  it.each(rows.map((r) => [r.id, r] as const))('%s is in its pack as the catalogue says', (ruleId, row) => {
    expect(packs.some((p) => p.id === row.pack)).toBe(true);
    const rule = byId.get(ruleId);
    expect(rule, `${ruleId} is in the catalogue but not in the ${row.pack} pack`).toBeDefined();
    // A catalogue "check" whose severity is prompt (a planning question) is a prompt rule.
    expect(rule?.kind).toBe(row.severity === 'prompt' ? 'prompt' : row.kind);
    // Where the procedure's words differ from the catalogue's first reading, the text wins and
    // docs/procedure-coverage.md says why.
    const deviation = CATALOGUE_DEVIATIONS[ruleId];
    if (deviation) {
      expect(deviation.length, `${ruleId}: the deviation is explained`).toBeGreaterThan(20);
      return;
    }
    if (row.severity) expect(rule?.severity, `${ruleId}: severity`).toBe(row.severity);
    if (row.section) {
      const cited = sectionNumbers(rule?.source.section ?? '');
      for (const s of sectionNumbers(row.section)) expect(cited, `${ruleId}: source section ${row.section}`).toContain(s);
    }
  });

  it('every check and countdown of a pack is in the catalogue or traced in docs/procedure-coverage.md', () => {
    const listed = new Set([...rows.map((r) => r.id), ...OBLIGATIONS.flatMap((o) => o.rules)]);
    for (const pack of packs) {
      const unlisted = pack.rules.filter((r) => r.kind !== 'prompt' && !listed.has(r.id)).map((r) => r.id);
      expect(unlisted, pack.id).toEqual([]);
    }
  });
});

describe('docs/rules.md', () => {
  it('lists the packs the extension ships', () => {
    expect(shippedPacks().map((p) => p.id).sort()).toEqual(packs.map((p) => p.id).sort());
  });

  it(`is up to date (if not, run ${REGENERATE})`, () => {
    const current = existsSync(RULES_DOC_PATH) ? readFileSync(RULES_DOC_PATH, 'utf8') : '';
    const expected = renderRulesDoc(shippedPacks());
    expect(current === expected, `docs/rules.md is out of date: run ${REGENERATE}`).toBe(true);
  });
});
