/**
 * What the reader is given: the extension's APIs (passed in, so it can be tested in node
 * with a DOM library), the page, and the timings tests change.
 */
import type { FieldMap } from '../../adapters/field-map-schema';
import type { ReadStats } from './slices';

export type Listener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => boolean | undefined;
export type StorageListener = (changes: Record<string, { newValue?: unknown }>, area?: string) => void;

export interface ReaderRuntime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
}

/** Where the background keeps the map in force (READER_MAP_KEY), and word when it changes. */
export interface ReaderStorage {
  get(key: string): Promise<Record<string, unknown>>;
  onChanged?: {
    addListener(listener: StorageListener): void;
    removeListener(listener: StorageListener): void;
  };
}

export interface ReaderDeps {
  runtime: ReaderRuntime;
  storage: ReaderStorage;
  document: Document;
  window: Window;
  /** Milliseconds of quiet after the last change before a read (one read per burst). */
  quietMs?: number;
  /** Longest a read may be put off while changes keep coming. */
  maxWaitMs?: number;
  /** The clock slices are timed with (tests pass one that makes each step costly). */
  now?: () => number;
  /** Hands the thread back to the page between slices (tests pass their own). */
  yieldToPage?: () => Promise<void>;
  /** A map to start with, before storage answers (the benchmark's cold reads). */
  map?: FieldMap;
  /** The most facts one message carries (PART_FACTS; tests pass fewer). */
  partFacts?: number;
  /** Waits between slices while the page keeps changing (tests pass their own). */
  pause?: (ms: number) => Promise<void>;
}

export interface PageReader {
  readNow(): void;
  stop(): void;
  /** Is the extension that started this reader still there (not updated or removed since)? */
  alive(): boolean;
  /** How many reads have run: for benchmarks and tests. */
  readonly reads: number;
  /** The last read that finished. */
  readonly lastRead: ReadStats | undefined;
  /** Resolves when no read is running or waiting to run. */
  idle(): Promise<void>;
}
