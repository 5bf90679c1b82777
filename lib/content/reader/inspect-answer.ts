/**
 * Inspect mode's answer: what each map entry finds on this page, from the reader's last
 * read when it has one with the map in force (`lastRead`), else from a read made here.
 */
import { extract, type ExtractResult } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import { inspectRead } from '../../adapters/inspect';

export function inspectAnswer(doc: Document, win: Window, map: () => FieldMap | undefined, lastRead?: () => Promise<ExtractResult | null | undefined>) {
  /** True when the answer comes later (the channel is kept open). */
  return (sendResponse: (reply: unknown) => void): boolean => {
    const fresh = (): ExtractResult | null => {
      const active = map();
      return active ? extract(doc, win.location.href, active, new Date(), { frames: 'inline' }) : null;
    };
    const answer = (result: ExtractResult | null): void => {
      const active = map();
      sendResponse(result && active ? { recognised: true, ...inspectRead(result, active) } : { recognised: false });
    };
    if (!lastRead) {
      answer(fresh());
      return false;
    }
    void lastRead().then((read) => answer(read === undefined ? fresh() : read), () => answer(fresh()));
    return true;
  };
}
