/**
 * Reads the case system's page through the council's field map and sends the facts
 * to the background. Kept tiny: no zod, no Preact. It never listens to the page's
 * window messages; it only talks to its own extension.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReader } from '../lib/content/page-reader';

export default defineContentScript({
  // The demo case system by default; a council's own origins are registered at run time.
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    startPageReader({ runtime: browser.runtime, storage: browser.storage.local, document, window });
  },
});
