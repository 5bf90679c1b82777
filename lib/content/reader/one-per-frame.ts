/**
 * One reader per frame. The background may put the script into a frame more than once
 * (each frame load, each page load): a reader still connected is kept; one left behind by
 * an earlier version of the extension is stopped and replaced. The reader is kept on the
 * content script's own window (never the page's).
 */
import type { PageReader } from './deps';

const READER_KEY = '__assessmentCompanionReader';

export function onePerFrame(win: Window, start: () => PageReader): PageReader {
  const holder = win as unknown as Record<string, PageReader | undefined>;
  const existing = holder[READER_KEY];
  if (existing?.alive()) return existing;
  existing?.stop();
  const reader = start();
  holder[READER_KEY] = reader;
  return reader;
}
