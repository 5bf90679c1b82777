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
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPageReaderOnce } from '../lib/content/page-reader';

export default defineUnlistedScript({
  globalName: false,
  main() {
    // In Chrome and Edge the background starts this script after each page (and frame) load,
    // so it may arrive in a frame that already has it.
    const storage = { get: (key: string) => browser.storage.local.get(key), onChanged: browser.storage.onChanged };
    startPageReaderOnce({ runtime: browser.runtime, storage, document, window });
  },
});
