// npx tsx scripts/rules-doc.ts [--check]
// Writes docs/rules.md, the list of every rule in every pack, from the packs themselves.
// With --check it only says whether docs/rules.md is up to date (exit 1 when it is not).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORM_SECTIONS, FORM_SECTION_NAMES, type FormSection } from '../lib/model';
import { PACKS } from '../lib/rules/packs';
import type { Pack, Rule } from '../lib/rules/types';
import { EXIT_FAILURE, EXIT_OK, isMainModule, processOutput, type CliOutput } from './lib/args';

export const RULES_DOC_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules.md');
export const REGENERATE = 'npx tsx scripts/rules-doc.ts';

type AnyRule = Rule<never>;
type AnyPack = Pack<never>;

/** Text safe inside a markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function sectionName(section: FormSection): string {
  return `${FORM_SECTION_NAMES[section]} (\`${section}\`)`;
}

function source(rule: AnyRule): string {
  return `${rule.source.label}: ${rule.source.passage}`;
}

/** Rules in the form's order of sections, keeping the pack's order within a section. */
function bySection(rules: readonly AnyRule[]): AnyRule[] {
  return FORM_SECTIONS.flatMap((s) => rules.filter((r) => r.section === s));
}

function table(headings: string[], rows: string[][]): string[] {
  return [`| ${headings.join(' | ')} |`, `|${headings.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/** The one recorded reason a rule accepts in place of its step (a check) or that excuses it when missed (a deadline). */
function reason(rule: AnyRule): string {
  const named = rule.kind === 'check' ? rule.acceptsReason : rule.kind === 'countdown' ? rule.excusedBy : undefined;
  return named ? `\`${named.fact}\` (${named.allowedBy})` : 'none';
}

function ruleRows(rules: readonly AnyRule[]): string[][] {
  return bySection(rules).map((r) => [`\`${r.id}\``, r.severity, sectionName(r.section), source(r), r.message, reason(r)]);
}

function renderPack(pack: AnyPack): string[] {
  const countdowns = pack.rules.filter((r) => r.kind === 'countdown');
  const checks = pack.rules.filter((r) => r.kind === 'check');
  const prompts = pack.rules.filter((r) => r.kind === 'prompt');
  const defaults = pack.paramsSchema.parse({}) as Record<string, unknown>;
  const lines: string[] = [
    `## ${pack.name} (\`${pack.id}\`)`,
    '',
    `${pack.procedure}. Pack version ${pack.version}: ${countdowns.length} deadlines, ${checks.length} checks, ${prompts.length} prompts.`,
    '',
    '### Deadlines',
    '',
    ...table(['id', 'severity', 'form section', 'source', 'what to do', 'reason that excuses it when missed'], ruleRows(countdowns)),
    '',
    '### Checks',
    '',
    ...table(['id', 'severity', 'form section', 'source', 'what to do', 'reason accepted in its place'], ruleRows(checks)),
    '',
    '### Prompts (practice triggers), by form section',
  ];
  for (const section of FORM_SECTIONS) {
    const here = prompts.filter((p) => p.section === section);
    if (here.length === 0) continue;
    lines.push('', `#### ${FORM_SECTION_NAMES[section]} (\`${section}\`)`, '');
    lines.push(...table(['id', 'source', 'prompt'], here.map((p) => [`\`${p.id}\``, source(p), p.message])));
  }
  lines.push('', '### Parameters a council may set (defaults)', '');
  lines.push(...table(['parameter', 'default'], Object.entries(defaults).map(([k, v]) => [`\`${k}\``, JSON.stringify(v)])));
  return lines;
}

/** The whole of docs/rules.md for these packs. Pure: the meta-test compares it with the file. */
export function renderRulesDoc(packs: readonly AnyPack[]): string {
  const lines = [
    '# Rules',
    '',
    `Generated from the rule packs by \`${REGENERATE}\`: do not edit by hand.`,
    '',
    'Severity: **required** steps block sign-off while missing or not read yet; **expected** steps are good',
    'practice, shown but not blocking; **prompts** are reflective questions, never "missing". Severity follows',
    'the procedure’s own words and where they sit: a Practice Trigger ("useful hints / tips") or a question is a',
    'prompt, or a deadline shown that never blocks, even with "must" in it, unless the body text states the same',
    'duty (then that sentence is cited). See docs/procedure-coverage.md.',
    '',
    'A reason excuses only its own duty. A required deadline that is overdue or met late blocks sign-off until',
    'the reason named on that deadline is recorded (only the assessment’s own timescale has one: the reasons for',
    'exceeding the time limit); it excuses no other deadline. A check that accepts a recorded reason in place',
    'of its step names it below; any other exception is for a manager to accept.',
    '',
    'Three states, and a step that is done never blocks: a fact not read yet makes a check "not read yet"',
    '(unknown), a blank one "missing". But when a check is met, an unread answer to "does it apply?" cannot',
    'make it unknown: it is met, or it does not apply, and neither blocks. The same holds for a deadline met',
    'on time. A property test checks this over every rule on arbitrary records.',
    'The form section is where the fact is recorded; the source is where the procedure asks for it.',
    '',
    ...packs.map((p) => `- [${p.name} (\`${p.id}\`)](#${`${p.name} ${p.id}`.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')})`),
  ];
  for (const pack of packs) lines.push('', ...renderPack(pack));
  return `${lines.join('\n')}\n`;
}

export function shippedPacks(): AnyPack[] {
  return Object.values(PACKS) as unknown as AnyPack[];
}

export function runRulesDoc(argv: readonly string[], io: CliOutput = processOutput): number {
  const text = renderRulesDoc(shippedPacks());
  if (argv.includes('--check')) {
    const current = existsSync(RULES_DOC_PATH) ? readFileSync(RULES_DOC_PATH, 'utf8') : '';
    if (current === text) return EXIT_OK;
    io.err(`docs/rules.md is out of date: run ${REGENERATE}`);
    return EXIT_FAILURE;
  }
  mkdirSync(dirname(RULES_DOC_PATH), { recursive: true });
  writeFileSync(RULES_DOC_PATH, text);
  io.out(`Wrote docs/rules.md (${shippedPacks().map((p) => `${p.id}: ${p.rules.length} rules`).join(', ')}).`);
  return EXIT_OK;
}

if (isMainModule(import.meta.url)) {
  process.exitCode = runRulesDoc(process.argv.slice(2));
}
