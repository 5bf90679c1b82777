/**
 * When the page reader is started in a tab (Chrome and Edge). It is not declared in the
 * manifest there: the browser holds a page's load event until a declared content script
 * has run, and even an empty one made the demo pages load about 25% slower. Instead the
 * background puts the reader into the tab once the page (with its frames) has loaded.
 */
import { originAllowed } from './service';

/** The file the build makes of entrypoints/case-reader.ts. */
export const READER_SCRIPT = 'case-reader.js' as const;

export interface TabChange {
  status?: string;
}

/** Start the reader now? Only when a page has finished loading, on a case system origin in force. */
export function readerWanted(change: TabChange, url: string | undefined, origins: readonly string[]): boolean {
  return change.status === 'complete' && originAllowed(url, origins);
}
