import { z } from 'zod';
import { jsonPath, type SchemaProblem } from '../model';

/** Origins a council's case system runs on, as match patterns, e.g. `https://lcs.council.gov.uk/*`. */
export const OriginPatternSchema = z
  .string()
  .regex(/^(https?):\/\/(\*\.)?[a-z0-9.-]+(:\d+)?\/\*$/i, 'expected an origin pattern like https://lcs.example.gov.uk/*');

/** The storage.local key the user's settings are kept under (lib/config/keys.ts owns every key). */

/** The demo case system's origins: only the demo build's manifest grants them (wxt.config.ts). */
export const DEMO_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * Origins the build's manifest does not cover (`builtIn`: its host access, see
 * `manifestOrigins`): asked for at run time and, in Firefox, the reader registered there
 * once access is granted.
 */
export function councilOrigins(origins: readonly string[], builtIn: readonly string[]): string[] {
  return origins.filter((o) => !builtIn.includes(o));
}

/** The origin patterns a manifest grants at install: the demo build's demo origins; none in production. */
export function manifestOrigins(manifest: { host_permissions?: readonly string[]; permissions?: readonly unknown[] }): string[] {
  // Manifest V2 (Firefox) lists host access among its permissions.
  const listed = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])];
  return listed.filter((p): p is string => OriginPatternSchema.safeParse(p).success);
}

/** A shipped pack ("derby", "hertfordshire", "wirral") or the id of the council's own pack (`councilPack`). */
export const PackIdSchema = z.string().regex(/^[a-z]{2,30}$/, 'expected a pack id such as "derby", "hertfordshire", "wirral", or the id in your council pack');

/**
 * A JSON document given whole, or as its text. Policy carries a field map or holiday feed
 * as text: Chromium keeps only the keys a managed schema lists, so an object policy with
 * no listed keys arrived empty.
 */
const JsonDocumentSchema = z.unknown().transform((value) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    // Kept as text: the map or feed checker says it is not JSON, and the last good one stays.
    return value;
  }
});

/** Settings a user may change in the options page, and IT may set (and lock) by policy. */
export const SettingsSchema = z.strictObject({
  packId: PackIdSchema,
  /** Council overrides of the pack's parameters, checked against the pack's own schema. */
  packParams: z.record(z.string(), z.unknown()),
  /** None: nothing is read anywhere (the production build's default until a council sets its own). */
  origins: z.array(OriginPatternSchema).max(20),
  retentionDays: z.number().int().min(1).max(365),
  /** A field map (JSON), checked against the field-map schema before it is used. */
  fieldMap: JsonDocumentSchema.optional(),
  /** The council's own rule pack (JSON, docs/council-packs.md), checked before it is used; chosen when `packId` is its id. */
  councilPack: JsonDocumentSchema.optional(),
  /** A GOV.UK bank-holiday feed (JSON), checked before it is used. */
  holidayFeed: JsonDocumentSchema.optional(),
  /** Who uses this browser: recorded with each acknowledgement; a manager may accept exceptions. */
  role: z.enum(['worker', 'manager']),
  /**
   * Policy only: the council sets each person's role by policy and says that "manager" is
   * given to managers alone. Only then is an acceptance made on this computer called a
   * manager's; otherwise it is a note by whoever uses this browser profile
   * (acceptanceIsManagers). Set by a user, it is ignored.
   */
  managerRoleByPolicy: z.boolean(),
  /** The toolbar badge counts assessments with a deadline due within this many working days, or overdue. */
  nudgeWorkingDays: z.number().int().min(0).max(20),
  /** A daily notification listing those assessments: off unless the user or policy turns it on. */
  dailyNotification: z.boolean(),
  /** Inspect mode in the side panel, for IT teams mapping their case system: off unless the user or policy turns it on. */
  inspectMode: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

/** Defaults. `origins` is filled in from the build (effectiveSettings): the demo build's demo origins, else none. */
export const DEFAULT_SETTINGS: Settings = {
  packId: 'derby',
  packParams: {},
  origins: [],
  retentionDays: 30,
  role: 'worker',
  managerRoleByPolicy: false,
  nudgeWorkingDays: 5,
  dailyNotification: false,
  inspectMode: false,
};

const PartialSettingsSchema = SettingsSchema.partial();

export interface EffectiveSettings {
  settings: Settings;
  /** Keys set by the organisation's policy: shown as locked, user changes ignored. */
  locked: SettingKey[];
  problems: SchemaProblem[];
}

function partial(input: unknown, where: string, problems: SchemaProblem[]): Partial<Settings> {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    problems.push({ path: `${where}$`, message: 'expected an object of settings' });
    return {};
  }
  // Check key by key, so one bad policy value does not throw away the good ones.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const one = PartialSettingsSchema.safeParse({ [key]: value });
    if (one.success) out[key] = (one.data as Record<string, unknown>)[key];
    else for (const issue of one.error.issues) problems.push({ path: `${where}${jsonPath(issue.path)}`, message: issue.message });
  }
  return out as Partial<Settings>;
}

/**
 * The settings in force: defaults, then the user's, then the organisation's policy, which
 * wins. `builtIn` is the origins the build's manifest grants (`manifestOrigins`), the
 * default case system addresses: the demo origins in the demo build, none in production.
 */
export function effectiveSettings(local: unknown, managed: unknown, builtIn: readonly string[] = []): EffectiveSettings {
  const problems: SchemaProblem[] = [];
  const user = partial(local, 'user settings ', problems);
  const policy = partial(managed, 'policy ', problems);
  const settings = { ...DEFAULT_SETTINGS, origins: [...builtIn], ...user, ...policy } as Settings;
  return { settings, locked: Object.keys(policy) as SettingKey[], problems };
}

/**
 * May an acceptance made on this computer be called a manager's? Only when the council's
 * policy sets the role to manager and says the role is given to managers alone. A role a
 * user chose in Options is a claim the extension cannot check.
 */
export function acceptanceIsManagers(e: Pick<EffectiveSettings, 'settings' | 'locked'>): boolean {
  return e.settings.role === 'manager' && e.settings.managerRoleByPolicy && e.locked.includes('role') && e.locked.includes('managerRoleByPolicy');
}
