/**
 * The back-off: after a read (or a slice, while the page keeps changing) that took the
 * page's thread for T ms, the reader waits BACK_OFF times T, never longer than
 * MAX_BACK_OFF_MS, so the page keeps most of its thread however often it changes.
 */

/**
 * After a read that took T ms of the page's thread, the next one waits at least T times
 * this: the reader never takes more than about 1/(1 + BACK_OFF) of the thread (5%),
 * however often the page changes.
 */
export const BACK_OFF = 19;
/**
 * The back-off never holds a read for longer than this. On a slow or busy laptop a read
 * takes longer on the clock than its work (the thread is shared), and 19 times that held
 * a worker's change from the panel for many seconds after a page's first read.
 */
export const MAX_BACK_OFF_MS = 1000;

/** How long to wait after `ms` of our work on the page's thread. */
export const backOff = (ms: number): number => Math.min(ms * BACK_OFF, MAX_BACK_OFF_MS);
