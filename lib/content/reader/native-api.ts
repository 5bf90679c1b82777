/**
 * The browser's own extension API for the reader, without the polyfill the rest of the
 * extension uses (it added about 3 kB gzipped to the script every page loads, for the five
 * calls the reader makes). In Firefox, `browser` as it is (what the polyfill gives there
 * too); in Chrome and Edge, `chrome`, with sendMessage answering as the polyfill's does: a
 * promise, rejected when the send fails (never a throw, even once the extension has gone),
 * undefined when no listener answered, and rejected when the other side's polyfill sent a
 * rejection. Passed the page's globals; it calls nothing itself until the reader does.
 */
import type { Listener, ReaderRuntime, ReaderStorage } from './deps';

/** What Chrome's polyfill says when no listener answered: the polyfill gives undefined. */
export const NO_RESPONSE = 'The message port closed before a response was received.';
/** How the polyfill on the other side sends a rejection as a reply. */
const REJECTED = '__mozWebExtensionPolyfillReject__';

interface ChromeApi {
  runtime: {
    id?: string;
    lastError?: { message?: string };
    sendMessage(message: unknown, callback: (reply: unknown) => void): void;
    onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> }; onChanged?: ReaderStorage['onChanged'] };
}
interface NativeApi {
  runtime: ReaderRuntime;
  storage: { local: { get(key: string): Promise<Record<string, unknown>> }; onChanged?: ReaderStorage['onChanged'] };
}
export interface Globals {
  browser?: { runtime?: { id?: string } };
  chrome?: unknown;
}

export function readerApi(globals: Globals): { runtime: ReaderRuntime; storage: ReaderStorage } {
  const native = (globals.browser?.runtime?.id ? globals.browser : undefined) as NativeApi | undefined;
  if (native) return { runtime: native.runtime, storage: { get: (key) => native.storage.local.get(key), onChanged: native.storage.onChanged } };
  const chrome = globals.chrome as ChromeApi;
  const runtime = chrome.runtime;
  const sendMessage = (message: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      runtime.sendMessage(message, (reply) => {
        const error = runtime.lastError;
        if (error) {
          if (error.message === NO_RESPONSE) resolve(undefined);
          else reject(new Error(error.message));
        } else if (reply && typeof reply === 'object' && REJECTED in reply) reject(new Error(String((reply as { message?: unknown }).message)));
        else resolve(reply);
      });
    });
  return {
    runtime: {
      get id() {
        return runtime.id;
      },
      sendMessage,
      onMessage: runtime.onMessage,
    },
    storage: { get: (key) => chrome.storage.local.get(key), onChanged: chrome.storage.onChanged },
  };
}
