// Reads a council pack (JSON, format.ts) into a rule pack the engine runs. Every mistake is
// refused with its JSON path, in the words field-map errors use; nothing half-checked is run.
import { z } from 'zod';
import { dedupe, friendly, type MapError } from '../../model/json-errors';
import { jsonPath } from '../../model';
import { nationalRules } from '../national';
import { validatePack } from '../pack';
import type { Pack, PromptRule, Rule, Source } from '../types';
import { buildBaseRule, type CouncilParams } from './base';
import { ACCEPTED_REASONS, BASE_KINDS, CouncilPackSchema, DETAIL_NAMES, FIGURE_SCHEMAS, type BaseRuleName, type CouncilPackDoc, type CouncilSource, type Figures } from './format';

export type CouncilPackResult = { ok: true; pack: Pack<CouncilParams>; doc: CouncilPackDoc } | { ok: false; errors: MapError[] };

const GUIDE = 'docs/council-packs.md';

function wordsFor(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: readonly PropertyKey[] = []): MapError[] {
  // The field-map wording, pointing at this format's guide.
  return issues.flatMap((i) => friendly(i, input, prefix)).map((e) => ({ ...e, message: e.message.replace('docs/field-maps.md', GUIDE) }));
}

const PASSAGE_MAX = 160;

/** The engine's citation: "<council or document> <section>", and the quote (or what is not held) as the passage. */
export function toSource(doc: Pick<CouncilPackDoc, 'name'>, source: CouncilSource): Source {
  const label = source.label ?? `${source.document ?? doc.name} ${source.section}`.slice(0, 80);
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
    if (kind === 'check' && rule.showFigureNote !== undefined) at(['rules', i, 'showFigureNote'], `"${rule.use}" is a check: only a deadline has a note on its figure`);
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
    if (rule.acceptsReason) {
      const reasons = ACCEPTED_REASONS[rule.use] ?? [];
      if (kind === 'countdown') at(['rules', i, 'acceptsReason'], `"${rule.use}" is a deadline: a missed deadline is excused by "excusedBy"`);
      else if (reasons.length === 0) at(['rules', i, 'acceptsReason'], `"${rule.use}" accepts no recorded reason in place of its step`);
      else if (!reasons.includes(rule.acceptsReason.fact)) at(['rules', i, 'acceptsReason', 'fact'], `expected ${reasons.join(' or ')}`);
    }
    const detailNames = DETAIL_NAMES[rule.use] ?? [];
    for (const name of Object.keys(rule.details ?? {})) {
      if (!detailNames.includes(name)) {
        at(['rules', i, 'details', name], detailNames.length > 0 ? `"${rule.use}" says no line "${name}" (it has ${detailNames.join(', ')})` : `"${rule.use}" has no lines to word`);
      }
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
  const settingNote = (name: string, n: number) => {
    const s = doc.settings[name];
    if (!s?.figureNote) return undefined;
    return n === s.default ? s.figureNote.asWritten : s.figureNote.changed.replaceAll('{n}', String(n));
  };
  const rules: Array<Rule<CouncilParams>> = doc.rules.map((entry) =>
    buildBaseRule(entry.use, {
      id: `${doc.id}/${entry.id}`,
      severity: entry.severity,
      source: toSource(doc, entry.source),
      figures: FIGURE_SCHEMAS[entry.use].parse(entry.figures) as Figures<BaseRuleName>,
      settingWords,
      settingNote,
      ruleId: (name) => `${doc.id}/${name}`,
      ...(entry.section ? { section: entry.section } : {}),
      ...(entry.message ? { message: entry.message } : {}),
      ...(entry.name ? { name: entry.name } : {}),
      ...(entry.excusedBy ? { excusedBy: entry.excusedBy } : {}),
      ...(entry.details ? { details: entry.details } : {}),
      ...(entry.acceptsReason ? { acceptsReason: entry.acceptsReason } : {}),
      ...(entry.showFigureNote !== undefined ? { showFigureNote: entry.showFigureNote } : {}),
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

// ---- A council pack in JSON with the council's own coded rules beside it ------------------

/** Where a rule of the JSON pack (a base rule or a prompt, by its name) sits among the own coded rules. */
export interface FromPack {
  fromPack: string;
}

/** The council's own coded rules, joined to its JSON pack (docs/council-packs.md, "JSON with own coded rules"). */
export interface OwnRules<P extends CouncilParams> {
  /**
   * The own rules, in the order the pack runs them, with `{ fromPack: name }` where a rule of the
   * JSON sits among them. JSON rules and prompts not placed come first, in the JSON's order; the
   * national layer always comes last.
   */
  rules: ReadonlyArray<Rule<P> | FromPack>;
  /**
   * The settings, when the own rules need more than the JSON’s "settings" name. It must agree with
   * every setting the JSON names: the same default, and the same lowest and highest value.
   */
  paramsSchema?: z.ZodType<P>;
}

export type CouncilPackWithOwnResult<P extends CouncilParams> =
  | { ok: true; pack: Pack<P>; doc: CouncilPackDoc; /** The ids of the own coded rules. */ own: string[] }
  | { ok: false; errors: MapError[] };

export function fromPack(name: string): FromPack {
  return { fromPack: name };
}

function isFromPack<P>(entry: Rule<P> | FromPack): entry is FromPack {
  return 'fromPack' in entry;
}

/** Where the own settings' schema disagrees with a setting the JSON names. */
function settingsDisagree<P>(doc: CouncilPackDoc, schema: z.ZodType<P>): MapError[] {
  const errors: MapError[] = [];
  const defaults = schema.safeParse({});
  const values = defaults.success ? (defaults.data as Record<string, unknown>) : {};
  for (const [name, s] of Object.entries(doc.settings)) {
    const path = jsonPath(['settings', name]);
    const accepts = (n: number) => schema.safeParse({ [name]: n }).success;
    if (values[name] !== s.default) errors.push({ path, message: `the own rules’ settings give ${String(values[name] ?? 'no default')} where the JSON gives ${s.default}` });
    else if (!accepts(s.min) || !accepts(s.max) || (s.min > 0 && accepts(s.min - 1)) || accepts(s.max + 1)) {
      errors.push({ path, message: `the own rules’ settings allow other values than the JSON’s ${s.min} to ${s.max}` });
    }
  }
  return errors;
}

/**
 * A council pack's JSON, checked and made into rules over the shared base, joined with the
 * council's own coded rules: one pack, with the JSON's id and name, the rules in the order given,
 * and the own settings' schema where there is one. Every mistake is refused with its path.
 */
export function loadCouncilPackWithOwnRules<P extends CouncilParams>(input: unknown, own: OwnRules<P>): CouncilPackWithOwnResult<P> {
  const loaded = loadCouncilPack(input);
  if (!loaded.ok) return loaded;
  const { doc } = loaded;
  const errors: MapError[] = [];
  const jsonRules = new Map<string, Rule<P>>();
  const national: Array<Rule<P>> = [];
  for (const rule of loaded.pack.rules as ReadonlyArray<Rule<P>>) {
    if (rule.id.startsWith(`${doc.id}/`)) jsonRules.set(rule.id.slice(doc.id.length + 1), rule);
    else national.push(rule);
  }
  const placed = new Set<string>();
  const ownIds: string[] = [];
  own.rules.forEach((entry, i) => {
    const at = (key: string, message: string) => errors.push({ path: jsonPath(['ownRules', i, key]), message });
    if (isFromPack(entry)) {
      if (!jsonRules.has(entry.fromPack)) at('fromPack', `no rule or prompt "${entry.fromPack}" in the JSON pack`);
      else if (placed.has(entry.fromPack)) at('fromPack', `"${entry.fromPack}" is placed twice`);
      placed.add(entry.fromPack);
      return;
    }
    if (!entry.id.startsWith(`${doc.id}/`)) at('id', `expected an id starting "${doc.id}/"`);
    else if (jsonRules.has(entry.id.slice(doc.id.length + 1))) at('id', `"${entry.id}" is also in the JSON pack: every rule needs its own name`);
    else if (ownIds.includes(entry.id)) at('id', `"${entry.id}" is used twice`);
    ownIds.push(entry.id);
  });
  if (own.paramsSchema) errors.push(...settingsDisagree(doc, own.paramsSchema));
  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };
  const unplaced = [...jsonRules].filter(([name]) => !placed.has(name)).map(([, rule]) => rule);
  const rules = [...unplaced, ...own.rules.map((entry) => (isFromPack(entry) ? (jsonRules.get(entry.fromPack) as Rule<P>) : entry)), ...national];
  const pack: Pack<P> = { ...(loaded.pack as unknown as Pack<P>), paramsSchema: own.paramsSchema ?? (loaded.pack.paramsSchema as unknown as z.ZodType<P>), rules };
  const meta = validatePack(pack);
  if (meta.length > 0) return { ok: false, errors: meta.map((p) => ({ path: p.path, message: p.message })) };
  return { ok: true, pack, doc, own: ownIds };
}
