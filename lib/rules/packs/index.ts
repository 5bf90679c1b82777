// The rule packs the extension ships, by id. A council chooses one in settings.
import type { Pack } from '../types';
import { loadCouncilPack } from '../council/load';
import type { CouncilPackDoc } from '../council/format';
import { derbyOwnRuleIds, derbyPack, derbyPackDoc } from './derby';
import { hertfordshirePack } from './hertfordshire';
import wirralJson from './wirral/wirral.json';

/** A council pack shipped as JSON: checked when the extension starts, like any council's own. */
function shippedCouncilPack(json: unknown) {
  const loaded = loadCouncilPack(json);
  if (!loaded.ok) throw new Error(`a shipped council pack is invalid: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return loaded;
}

const wirral = shippedCouncilPack(wirralJson);
export const wirralPack = wirral.pack;

/** The shipped packs written as JSON alone, as written: for the coverage table and the docs. */
export const COUNCIL_PACK_DOCS = [wirral.doc] as const;

/**
 * The shipped packs written as JSON with their own coded rules beside it (loadCouncilPackWithOwnRules):
 * the JSON as written and the ids of the own coded rules, so the coverage table can say where each rule comes from.
 */
export const JSON_WITH_OWN_RULES: ReadonlyArray<{ doc: CouncilPackDoc; own: readonly string[] }> = [{ doc: derbyPackDoc, own: derbyOwnRuleIds }];

export const PACKS = {
  derby: derbyPack,
  hertfordshire: hertfordshirePack,
  wirral: wirralPack,
} as const;

export type PackId = keyof typeof PACKS;

/** Pack ids, in a stable order (the default first). */
export const PACK_IDS = Object.keys(PACKS) as PackId[];

/**
 * A pack whose parameter type has been forgotten, so any pack can be chosen at run time.
 * Safe because a pack's parameters only ever come from its own schema (`resolveParams`).
 */
export type AnyPack = Pack<Record<string, unknown>>;

export function isPackId(id: unknown): id is PackId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(PACKS, id);
}

/** The pack with this id; undefined for an id no pack has. */
export function getPack(id: PackId): AnyPack;
export function getPack(id: string): AnyPack | undefined;
export function getPack(id: string): AnyPack | undefined {
  return isPackId(id) ? (PACKS[id] as unknown as AnyPack) : undefined;
}
