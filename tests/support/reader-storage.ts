// The storage the page reader is given in tests: the map the background stores for it
// (READER_MAP_KEY), the demo map unless a test passes another, and a way to change it.
import type { FieldMap } from '../../lib/adapters/field-map-schema';
import bundledMap from '../../lib/adapters/maps/lcs-demo.json';
import { READER_MAP_KEY } from '../../lib/config/keys';
import type { ReaderDeps } from '../../lib/content/page-reader';

export const demoMap = bundledMap as unknown as FieldMap;

type Changes = Record<string, { newValue?: unknown }>;

/** `null`: nothing stored yet (a page loaded before the background first ran). */
export function readerStorage(map: FieldMap | null = demoMap): ReaderDeps['storage'] & { store(map: FieldMap): void } {
  let stored = map;
  const listeners: ((changes: Changes, area: string) => void)[] = [];
  return {
    get: async () => (stored ? { [READER_MAP_KEY]: stored } : {}),
    onChanged: {
      addListener: (l) => void listeners.push(l),
      removeListener: (l) => void listeners.splice(listeners.indexOf(l), 1),
    },
    store(next) {
      stored = next;
      for (const l of [...listeners]) l({ [READER_MAP_KEY]: { newValue: next } }, 'local');
    },
  };
}
