/**
 * The field map in force, from storage: none until the background has stored one (nothing
 * is read till then; the benchmark may pass one to start with). The background stores only
 * a map that passed validation. A new map drops what was learnt with the old one (`fresh`)
 * and asks for a read (`changed`); the same map stored again (Firefox tells of every store,
 * any setting's included) changes nothing.
 */
import { READER_MAP_KEY } from '../../config/keys';
import type { FieldMap } from '../../adapters/field-map-schema';
import { relevanceFor, type Relevance } from '../relevance';
import type { ReaderStorage, StorageListener } from './deps';

export interface MapIntakeDeps {
  doc: Document;
  storage: ReaderStorage;
  initial: FieldMap | undefined;
  /** A new map: forget what the last one read. */
  fresh(): void;
  /** A new map arrived while the reader runs: read with it. */
  changed(): void;
  /** Storage has answered (with a map or not): the first read. */
  loaded(): void;
}

export interface MapIntake {
  map(): FieldMap | undefined;
  /** Whether a change on the page can be in a field the map reads. */
  relevance(): Relevance | undefined;
  /** Listens for new maps and asks storage for the one in force. */
  start(): void;
  stop(): void;
}

export function mapIntake({ doc, storage, initial, fresh, changed, loaded }: MapIntakeDeps): MapIntake {
  let map = initial;
  // The map's content, to tell a new map from the same one stored again.
  let mapText = map ? JSON.stringify(map) : '';
  let relevance = map ? relevanceFor(doc, map) : undefined;
  let stopped = false;
  const use = (candidate: unknown): boolean => {
    if (!candidate || typeof candidate !== 'object' || candidate === map) return false;
    const text = JSON.stringify(candidate);
    if (text === mapText) return false;
    mapText = text;
    map = candidate as FieldMap;
    relevance = relevanceFor(doc, map);
    fresh();
    return true;
  };
  const onStorage: StorageListener = (changes, area) => {
    if (area !== undefined && area !== 'local') return;
    const change = changes[READER_MAP_KEY];
    if (change && use(change.newValue) && !stopped) changed();
  };
  return {
    map: () => map,
    relevance: () => relevance,
    start() {
      storage.onChanged?.addListener(onStorage);
      storage
        .get(READER_MAP_KEY)
        .then((stored) => void use(stored[READER_MAP_KEY]))
        .catch(() => undefined)
        .finally(loaded);
    },
    stop() {
      stopped = true;
      storage.onChanged?.removeListener(onStorage);
    },
  };
}
