// @vitest-environment jsdom
// The map in force, from storage: the stored one once storage answers; a new map drops what
// was learnt and asks for a read; the same map stored again, or another area's change, does nothing.
import { describe, expect, it, vi } from 'vitest';
import { READER_MAP_KEY } from '../../config/keys';
import type { FieldMap } from '../../adapters/field-map-schema';
import bundledMap from '../../adapters/maps/lcs-demo.json';
import type { StorageListener } from './deps';
import { mapIntake } from './map-intake';

const map = bundledMap as unknown as FieldMap;

function storage(stored: FieldMap | undefined) {
  const listeners: StorageListener[] = [];
  return {
    listeners,
    get: vi.fn(async () => (stored ? { [READER_MAP_KEY]: stored } : {})),
    onChanged: { addListener: (l: StorageListener) => void listeners.push(l), removeListener: (l: StorageListener) => void listeners.splice(listeners.indexOf(l), 1) },
    store: (next: unknown, area = 'local') => listeners.forEach((l) => l({ [READER_MAP_KEY]: { newValue: next } }, area)),
  };
}
function intake(stored: FieldMap | undefined, initial?: FieldMap) {
  const s = storage(stored);
  const calls = { fresh: vi.fn(), changed: vi.fn(), loaded: vi.fn() };
  const maps = mapIntake({ doc: document, storage: s, initial, ...calls });
  return { s, maps, ...calls };
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('mapIntake', () => {
  it('asks storage only once started, and takes the stored map before the first read', async () => {
    const { s, maps, loaded, fresh } = intake(map);
    expect(s.get).not.toHaveBeenCalled();
    expect(maps.map()).toBeUndefined();
    maps.start();
    await flush();
    expect(maps.map()).toBe(map);
    expect(maps.relevance()).toBeDefined();
    expect(fresh).toHaveBeenCalledOnce();
    expect(loaded).toHaveBeenCalledOnce();
  });

  it('reads with a new map, not with the same one stored again or another area’s change, nor once stopped', async () => {
    const { s, maps, changed, fresh } = intake(undefined, map);
    maps.start();
    await flush();
    expect(fresh).not.toHaveBeenCalled();
    s.store(JSON.parse(JSON.stringify(map)));
    s.store({ ...map, version: 'other' }, 'sync');
    expect(changed).not.toHaveBeenCalled();
    s.store({ ...map, version: 'other' });
    expect(changed).toHaveBeenCalledOnce();
    expect(fresh).toHaveBeenCalledOnce();
    maps.stop();
    expect(s.listeners).toHaveLength(0);
  });
});
