/**
 * Inspect mode and Pick a field (lib/content/inspect.ts), answered only when the panel
 * asks. Inspect's answers come from the reader's own last read (taken in slices), once the
 * read a change asked for has run, with the map in force; on a page that never stops
 * changing it waits INSPECT_WAIT_MS at most.
 */
import type { ExtractResult, ReadCache } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import { inspectResponder } from '../inspect';

export const INSPECT_WAIT_MS = 2000;

/** The last read's result and the map it was read with. */
export interface LastResult {
  map: FieldMap;
  result: ExtractResult | null;
}

export interface InspectHookDeps {
  doc: Document;
  win: Window;
  runtimeId(): string | undefined;
  map(): FieldMap | undefined;
  cache: ReadCache;
  idle(): Promise<void>;
  lastResult(): LastResult | undefined;
}

export function inspectHook({ doc, win, runtimeId, map, cache, idle, lastResult }: InspectHookDeps): ReturnType<typeof inspectResponder> {
  const lastRead = async (): Promise<ExtractResult | null | undefined> => {
    await Promise.race([idle(), new Promise((resolve) => win.setTimeout(resolve, INSPECT_WAIT_MS))]);
    const last = lastResult();
    return last && last.map === map() ? last.result : undefined;
  };
  return inspectResponder({ document: doc, window: win, runtimeId, map, frameDocuments: () => cache.documents(), lastRead });
}
