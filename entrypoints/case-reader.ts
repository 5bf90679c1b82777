/**
 * The content script: reads the case system's page through the council's field map and
 * sends the facts to the background. Kept tiny: no zod, no Preact. It never listens to
 * the page's window messages, and never posts any to the page either.
 *
 * Built as a plain script (WXT "unlisted script") and declared in the manifest by
 * wxt.config.ts, rather than as a WXT content script: WXT's content-script context posts
 * a message to the page on every load (telling the page the extension is there) and
 * costs about 3 ms before the page's load event.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPageReaderOnce } from '../lib/content/page-reader';
import { readerApi, type Globals } from '../lib/content/reader/native-api';

export default defineUnlistedScript({
  globalName: false,
  main() {
    // In Chrome and Edge the background starts this script after each page (and frame) load,
    // so it may arrive in a frame that already has it.
    // The browser's own API, not the polyfill (lib/content/reader/native-api.ts): a smaller script on every page.
    startPageReaderOnce({ ...readerApi(globalThis as Globals), document, window });
  },
});
