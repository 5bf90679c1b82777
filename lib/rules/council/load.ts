// Reads a council pack (JSON, format.ts) into a rule pack the engine runs. Every mistake is
// refused with its JSON path, in the words field-map errors use; nothing half-checked is run.
import { z } from 'zod';
import { dedupe, friendly, type MapError } from '../../model/json-errors';
import { jsonPath } from '../../model';
import { nationalRules } from '../national';
import { validatePack } from '../pack';
import type { Pack, PromptRule, Rule, Source } from '../types';
import { buildBaseRule, type CouncilParams } from './base';
import { BASE_KINDS, CouncilPackSchema, FIGURE_SCHEMAS, type BaseRuleName, type CouncilPackDoc, type CouncilSource, type Figures } from './format';

export type CouncilPackResult = { ok: true; pack: Pack<CouncilParams>; doc: CouncilPackDoc } | { ok: false; errors: MapError[] };

const GUIDE = 'docs/council-packs.md';

function wordsFor(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: readonly PropertyKey[] = []): MapError[] {
  // The field-map wording, pointing at this format's guide.
  return issues.flatMap((i) => friendly(i, input, prefix)).map((e) => ({ ...e, message: e.message.replace('docs/field-maps.md', GUIDE) }));
}

const PASSAGE_MAX = 160;

/** The engine's citation: "<council or document> <section>", and the quote (or what is not held) as the passage. */
export function toSource(doc: Pick<CouncilPackDoc, 'name'>, source: CouncilSource): Source {
  const label = `${source.document ?? doc.name} ${source.section}`.slice(0, 80);
  const words = source.quote ?? `Text not held: ${source.textNotHeld ?? ''}`;
  const passage = words.length > PASSAGE_MAX ? `${words.slice(0, PASSAGE_MAX - 1).trimEnd()}…` : words;
  return { label, section: source.section, passage };
}

/** Every `{ "setting": name }` in a figures object, with its key. */
function settingRefs(figures: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(figures).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && 'setting' in value && typeof (value as { setting: unknown }).setting === 'string' ? [[key, (value as { setting: string }).setting] as [string, string]] : [],
  );
}

function paramsSchemaFor(doc: CouncilPackDoc): z.ZodType<CouncilParams> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, s] of Object.entries(doc.settings)) shape[name] = z.number().int().min(s.min).max(s.max).default(s.default);
  return z.strictObject(shape) as unknown as z.ZodType<CouncilParams>;
}

/** Checks a parsed council pack beyond its shape: figures, weights, names and settings that fit together. */
function crossCheck(doc: CouncilPackDoc, input: unknown): MapError[] {
  const errors: MapError[] = [];
  const at = (path: PropertyKey[], message: string) => errors.push({ path: jsonPath(path), message });
  const names = new Set<string>();
  for (const [name, s] of Object.entries(doc.settings)) {
    if (s.min > s.max) at(['settings', name, 'min'], `expected min to be at most max (${s.max})`);
    if (s.default < s.min || s.default > s.max) at(['settings', name, 'default'], `expected a default from ${s.min} to ${s.max}`);
  }
  const used = new Set(doc.rules.map((r) => r.use));
  doc.rules.forEach((rule, i) => {
    if (names.has(rule.id)) at(['rules', i, 'id'], `"${rule.id}" is used twice: every rule needs its own name`);
    names.add(rule.id);
    const kind = BASE_KINDS[rule.use];
    if (kind === 'check' && rule.excusedBy) at(['rules', i, 'excusedBy'], `"${rule.use}" is a check: only a deadline is excused by a reason`);
    if (kind === 'check' && rule.severity === 'prompt') at(['rules', i, 'severity'], `"${rule.use}" is a check: expected "required" or "expected" (a prompt goes under "prompts")`);
    const figures = FIGURE_SCHEMAS[rule.use].safeParse(rule.figures);
    if (!figures.success) {
      errors.push(...wordsFor(figures.error.issues, input, ['rules', i, 'figures']));
      return;
    }
    const f = figures.data as Record<string, unknown>;
    for (const [key, setting] of settingRefs(f)) {
      if (!(setting in doc.settings)) at(['rules', i, 'figures', key, 'setting'], `no setting "${setting}" in "settings"${Object.keys(doc.settings).length > 0 ? ` (the pack has ${Object.keys(doc.settings).join(', ')})` : ''}`);
    }
    if (rule.use === 'assessment-timescale' && (f.days === undefined) === (f.workingDays === undefined)) {
      at(['rules', i, 'figures'], 'give the timescale as "workingDays" or as "days", one of them');
    }
    if (rule.use === 'child-seen-alone-within' && (f.hours === undefined) === (f.workingDays === undefined)) {
      at(['rules', i, 'figures'], 'give "workingDays" or "hours", one of them');
    }
  });
  doc.rules.forEach((rule, i) => {
    if (rule.use !== 'timescale-exceeded-reason') return;
    const deadline = (rule.figures as { deadline?: unknown }).deadline;
    const target = doc.rules.find((r) => r.id === deadline);
    if (typeof deadline === 'string' && (!target || BASE_KINDS[target.use] !== 'countdown')) {
      at(['rules', i, 'figures', 'deadline'], `expected the name of a deadline in this pack (${doc.rules.filter((r) => BASE_KINDS[r.use] === 'countdown').map((r) => r.id).join(', ') || 'none'})`);
    }
  });
  doc.off.forEach((off, i) => {
    if (used.has(off.use)) at(['off', i, 'use'], `"${off.use}" is switched off here and used in "rules": choose one`);
  });
  doc.prompts.forEach((p, i) => {
    if (names.has(p.id)) at(['prompts', i, 'id'], `"${p.id}" is used twice: every rule and prompt needs its own name`);
    names.add(p.id);
  });
  return errors;
}

function promptRule(doc: CouncilPackDoc, p: CouncilPackDoc['prompts'][number]): PromptRule<CouncilParams> {
  const kinds = p.kinds;
  return {
    id: `${doc.id}/${p.id}`,
    kind: 'prompt',
    severity: 'prompt',
    section: p.section,
    source: toSource(doc, p.source),
    message: p.message,
    ...(kinds ? { appliesWhen: ({ record }) => (record.kind === undefined ? 'unknown' : record.kind !== null && kinds.includes(record.kind)) } : {}),
  };
}

/** A council pack, checked and made into a rule pack; or every mistake with its JSON path. */
export function loadCouncilPack(input: unknown): CouncilPackResult {
  const parsed = CouncilPackSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: dedupe(wordsFor(parsed.error.issues, input)) };
  const doc = parsed.data;
  const problems = crossCheck(doc, input);
  if (problems.length > 0) return { ok: false, errors: dedupe(problems) };
  const settingWords = (name: string) => doc.settings[name]?.says;
  const rules: Array<Rule<CouncilParams>> = doc.rules.map((entry) =>
    buildBaseRule(entry.use, {
      id: `${doc.id}/${entry.id}`,
      severity: entry.severity,
      source: toSource(doc, entry.source),
      figures: FIGURE_SCHEMAS[entry.use].parse(entry.figures) as Figures<BaseRuleName>,
      settingWords,
      ruleId: (name) => `${doc.id}/${name}`,
      ...(entry.section ? { section: entry.section } : {}),
      ...(entry.message ? { message: entry.message } : {}),
      ...(entry.name ? { name: entry.name } : {}),
      ...(entry.excusedBy ? { excusedBy: entry.excusedBy } : {}),
    } as Parameters<typeof buildBaseRule>[1]),
  );
  const pack: Pack<CouncilParams> = {
    id: doc.id,
    name: doc.name,
    procedure: doc.procedure.title,
    version: doc.version,
    paramsSchema: paramsSchemaFor(doc),
    rules: [...rules, ...doc.prompts.map((p) => promptRule(doc, p)), ...(doc.national ? nationalRules<CouncilParams>() : [])],
  };
  // The rules' own metadata (message words, lengths) as every pack's.
  const meta = validatePack(pack);
  if (meta.length > 0) return { ok: false, errors: meta.map((p) => ({ path: p.path, message: p.message })) };
  return { ok: true, pack, doc };
}

/** The same, from the text of a file or a policy value. */
export function loadCouncilPackText(text: string): CouncilPackResult {
  let input: unknown;
  try {
    input = JSON.parse(text) as unknown;
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return loadCouncilPack(input);
}

// Built once per JSON object: the settings hand the same object on until it changes.
const BUILT = new WeakMap<object, Pack<CouncilParams> | null>();

/** The rule pack a council pack's JSON makes, or undefined when it has mistakes. */
export function councilPackFrom(json: unknown): Pack<CouncilParams> | undefined {
  if (typeof json === 'string') {
    const result = loadCouncilPackText(json);
    return result.ok ? result.pack : undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  let built = BUILT.get(json);
  if (built === undefined) {
    const result = loadCouncilPack(json);
    built = result.ok ? result.pack : null;
    BUILT.set(json, built);
  }
  return built ?? undefined;
}
