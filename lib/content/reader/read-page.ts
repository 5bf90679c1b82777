/**
 * One read of the page, in slices: the map in force read over the page (its srcdoc frames
 * too), then what was found handed on (`found`), and what was learnt kept (`sendRead`, or
 * `unrecognised` for a page that is not an assessment). The first read starts in a task of
 * its own, not in the one that brought the field map from storage; only a page's first read
 * says how far it has got (later reads are of a page the panel already shows).
 */
import { extractSteps, type ExtractResult, type ReadCache, type ReadSoFar } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import type { Slices, ReadStats } from './slices';
import { inSlices } from './in-slices';

export interface PageReadDeps {
  doc: Document;
  win: Window;
  map(): FieldMap | undefined;
  cache: ReadCache;
  /** Slices for a new read. */
  slices(): Slices;
  /** Is this the reader's first read (storage has just answered)? */
  firstRead(): boolean;
  /** Should this read say how far it has got? */
  firstOfPage(): boolean;
  /** Tells the panel how far a read has got (a new teller per read). */
  progressTeller(): (soFar: ReadSoFar) => void;
  /** Takes changes the observer has not delivered yet: this read sees them. */
  takeChanges(): void;
  /** What the read found (null: not an assessment page), before it is sent. */
  found(map: FieldMap, result: ExtractResult | null): void;
  unrecognised(url: string, map: FieldMap): void;
  /** Sends what changed, in slices; false once the reader has stopped. */
  sendRead(slice: Slices, map: FieldMap, result: ExtractResult, url: string, progress: ReadSoFar['progress'] | undefined): Promise<boolean>;
  done(stats: ReadStats): void;
}

export function pageRead(deps: PageReadDeps): () => Promise<void> {
  const { doc, win } = deps;
  return async () => {
    const slice = deps.slices();
    const firstOfPage = deps.firstOfPage();
    const tellProgress = deps.progressTeller();
    if (deps.firstRead() && !(await slice.next())) return;
    const active = deps.map();
    if (!active) return;
    deps.takeChanges();
    const url = win.location.href;
    // Frames with an address read themselves; srcdoc frames cannot (they see "about:srcdoc"): read here.
    const steps = extractSteps(doc, url, active, new Date(), { frames: 'inline', cache: deps.cache });
    const first = steps.next();
    // How far the read has got (the same object at every step), for a read sent in parts.
    const progress = first.done ? undefined : first.value.progress;
    const read = await inSlices(steps, slice, first, firstOfPage ? { ending: tellProgress } : {});
    if (!read) return;
    const result = read.value;
    deps.found(active, result);
    if (!result) deps.unrecognised(url, active);
    else if (!(await deps.sendRead(slice, active, result, url, progress))) return;
    deps.done(slice.end());
  };
}
