/**
 * A new task for the rest of a read, behind what the page has queued (its timers
 * included). scheduler.yield() would resume ahead of the page's own tasks, so a long read
 * would still hold up a page's timers; a posted task does not. Without postTask (Firefox
 * before 142) a message on a channel of our own: a timer in a background tab waits a
 * second or more, so a read of many slices in a tab opened behind another took minutes.
 */
export function pageYield(win: Window): () => Promise<void> {
  const scheduler = (win as Window & { scheduler?: { postTask?: (cb: () => void, o: { priority: string }) => Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const postTask = scheduler.postTask.bind(scheduler);
    return () => postTask(() => undefined, { priority: 'user-visible' });
  }
  const Channel = (win as Window & typeof globalThis).MessageChannel;
  if (typeof Channel === 'function') {
    const channel = new Channel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise((resolve) => win.setTimeout(resolve, 0));
}
