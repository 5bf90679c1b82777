/**
 * Injected into a host page by the benchmark (never shipped): the extension's own
 * extractor and page reader, bundled on their own with esbuild, so their time can be
 * measured in the page with performance.now(). The reader gets a fake runtime that
 * counts what it would send.
 */
import { extract } from '../../lib/adapters/extractor';
import type { FieldMap } from '../../lib/adapters/field-map-schema';
import { startPageReader, type PageReader, type ReadStats, type ReaderDeps } from '../../lib/content/page-reader';
import bundledMap from '../../lib/adapters/maps/lcs-demo.json';
import { READER_MAP_KEY } from '../../lib/config/keys';

const map = bundledMap as unknown as FieldMap;

export interface InPageBench {
  /** Times one extract() of this document (frames: false, as the content script does). */
  extractOnce(): { ms: number; facts: number; notFound: number };
  /**
   * Starts the real page reader with a fake runtime. With `manual`, storage never
   * answers and the map is given, so no read runs until timedRead() (the first one is then a cold read).
   */
  startReader(options?: { manual?: boolean; quietMs?: number; maxWaitMs?: number }): void;
  reads(): number;
  sent(): number;
  /** One whole read by reader.readNow() (in slices, however many tasks it takes): its slices and the time from start to end. */
  timedRead(): Promise<TimedRead>;
  /** The facts messages sent so far and their size (JSON characters). */
  messages(): { count: number; chars: number };
  stopReader(): void;
}

export interface TimedRead extends ReadStats {
  /** From readNow() to the end of the read, the page's own tasks between slices included. */
  wallMs: number;
}

let reader: PageReader | undefined;
let sent = 0;
let messageCount = 0;
let messageChars = 0;

const bench: InPageBench = {
  extractOnce() {
    const start = performance.now();
    const result = extract(document, location.href, map, new Date(), { frames: false });
    const ms = performance.now() - start;
    return { ms, facts: result?.facts.length ?? -1, notFound: result?.notFound.length ?? -1 };
  },
  startReader(options = {}) {
    const deps: ReaderDeps = {
      runtime: {
        id: 'bench',
        sendMessage: (message: unknown) => {
          sent += 1;
          if ((message as { type?: string }).type === 'facts') {
            messageCount += 1;
            messageChars += JSON.stringify(message).length;
          }
          return Promise.resolve(undefined);
        },
        onMessage: { addListener: () => undefined, removeListener: () => undefined },
      },
      // Manual: storage never answers and the map is given, so no read runs until timedRead() (a cold one).
      storage: { get: () => (options.manual ? new Promise<Record<string, unknown>>(() => undefined) : Promise.resolve({ [READER_MAP_KEY]: map })) },
      ...(options.manual ? { map } : {}),
      document,
      window,
      ...(options.quietMs !== undefined ? { quietMs: options.quietMs } : {}),
      ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
    };
    reader = startPageReader(deps);
  },
  reads: () => reader?.reads ?? 0,
  sent: () => sent,
  async timedRead() {
    if (!reader) throw new Error('reader not started');
    const start = performance.now();
    reader.readNow();
    await reader.idle();
    const wallMs = performance.now() - start;
    const stats = reader.lastRead;
    if (!stats) throw new Error('no read finished');
    return { ...stats, wallMs };
  },
  messages: () => ({ count: messageCount, chars: messageChars }),
  stopReader() {
    reader?.stop();
    reader = undefined;
  },
};

(globalThis as unknown as { __acBench: InPageBench }).__acBench = bench;
