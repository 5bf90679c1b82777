/**
 * A frame that loads after its page did (a section opened in a frame) has no reader yet
 * where the background starts readers after load (Chrome, Edge): ask for one. At most one
 * message per burst of frame loads (`quietMs`); frames that already have a reader keep theirs.
 */
export function lateFrames(doc: Document, quietMs: number, ask: () => void): { stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const onFrameLoad = (event: Event): void => {
    const tag = (event.target as Element | null)?.tagName;
    // A load event the page made up (not the browser's) is ignored: it made us re-inject 33 times a second.
    if (!event.isTrusted || (tag !== 'IFRAME' && tag !== 'FRAME') || timer !== undefined || stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) ask();
    }, quietMs);
  };
  // A frame's load event does not bubble, but the document sees it while capturing.
  doc.addEventListener('load', onFrameLoad, true);
  return {
    stop() {
      stopped = true;
      doc.removeEventListener('load', onFrameLoad, true);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
