// The reader's own API without the polyfill: Firefox's `browser` as it is; Chrome's
// `chrome` with sendMessage answering as the polyfill's did (never a throw, undefined
// when no listener answered, a rejection the other side's polyfill sent is a rejection).
import { describe, expect, it, vi } from 'vitest';
import { NO_RESPONSE, readerApi } from './native-api';

function chromeLike(answer: (runtime: { lastError?: { message?: string } }, reply: (r: unknown) => void) => void) {
  const runtime = {
    id: 'ours' as string | undefined,
    lastError: undefined as { message?: string } | undefined,
    sendMessage: vi.fn((_m: unknown, callback: (reply: unknown) => void) => answer(runtime, callback)),
    onMessage: { addListener: vi.fn(), removeListener: vi.fn() },
  };
  const storage = { local: { get: vi.fn(async () => ({ a: 1 })) }, onChanged: { addListener: vi.fn(), removeListener: vi.fn() } };
  return { runtime, storage };
}

describe('readerApi', () => {
  it("takes Firefox's own browser API as it is", async () => {
    const browser = chromeLike(() => undefined);
    const api = readerApi({ browser, chrome: chromeLike(() => undefined) });
    expect(api.runtime).toBe(browser.runtime);
    expect(api.storage.onChanged).toBe(browser.storage.onChanged);
    await expect(api.storage.get('a')).resolves.toEqual({ a: 1 });
  });

  it("answers Chrome's sendMessage as a promise: the reply, or undefined when no listener answered", async () => {
    const chrome = chromeLike((_rt, reply) => reply({ ok: true }));
    const api = readerApi({ chrome });
    await expect(api.runtime.sendMessage({ type: 'x' })).resolves.toEqual({ ok: true });
    const silent = chromeLike((rt, reply) => {
      rt.lastError = { message: NO_RESPONSE };
      reply(undefined);
    });
    await expect(readerApi({ chrome: silent }).runtime.sendMessage({})).resolves.toBeUndefined();
  });

  it('rejects, never throws, when the send fails or the background sent a rejection', async () => {
    const gone = chromeLike(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(readerApi({ chrome: gone }).runtime.sendMessage({})).rejects.toThrow('context invalidated');
    const failed = chromeLike((rt, reply) => {
      rt.lastError = { message: 'Could not establish connection.' };
      reply(undefined);
    });
    await expect(readerApi({ chrome: failed }).runtime.sendMessage({})).rejects.toThrow('Could not establish connection.');
    const rejected = chromeLike((_rt, reply) => reply({ __mozWebExtensionPolyfillReject__: true, message: 'not valid' }));
    await expect(readerApi({ chrome: rejected }).runtime.sendMessage({})).rejects.toThrow('not valid');
  });

  it("reads Chrome's runtime id each time (it is gone once the extension is updated)", () => {
    const chrome = chromeLike(() => undefined);
    const api = readerApi({ chrome });
    expect(api.runtime.id).toBe('ours');
    chrome.runtime.id = undefined;
    expect(api.runtime.id).toBeUndefined();
    expect(api.runtime.onMessage).toBe(chrome.runtime.onMessage);
  });
});
