// The rule packs the extension ships, by id. A council chooses one in settings.
import type { Pack } from '../types';
import { loadCouncilPack } from '../council/load';
import { derbyOwnRuleIds, derbyPack, derbyPackDoc } from './derby';
import { hertfordshireOwnRuleIds, hertfordshirePack, hertfordshirePackDoc } from './hertfordshire';
import wirralJson from './wirral/wirral.json';

/** A council pack shipped as JSON: checked when the extension starts, like any council's own. */
function shippedCouncilPack(json: unknown) {
  const loaded = loadCouncilPack(json);
  if (!loaded.ok) throw new Error(`a shipped council pack is invalid: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return loaded;
}

const wirral = shippedCouncilPack(wirralJson);
export const wirralPack = wirral.pack;

/** The shipped packs written as JSON, as written: for the coverage table and the docs. */
export const COUNCIL_PACK_DOCS = [wirral.doc] as const;

/**
 * The shipped packs written as JSON over the base with the council's own coded rules beside it:
 * the JSON as written and the own rules' ids, so the coverage table says where each rule comes from.
 */
export const JOINED_PACKS = [
  { doc: derbyPackDoc, own: derbyOwnRuleIds },
  { doc: hertfordshirePackDoc, own: hertfordshireOwnRuleIds },
] as const;

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
