/** Page helpers for the benchmark: fresh tabs, CDP metrics, forced GC, synthetic field changes. */
import type { Browser, CDPSession, Page } from 'puppeteer';
import { TRACE_CATEGORIES } from './trace';

export interface BenchPage {
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

/** A new tab with the Performance domain on; `longTasks` records the page's long tasks from the start. */
export async function freshPage(browser: Browser, options: { longTasks?: boolean } = {}): Promise<BenchPage> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  if (options.longTasks) {
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push(e.duration);
        }).observe({ type: 'longtask' });
      } catch {
        // No long-task API: the list stays empty.
      }
    });
  }
  return {
    page,
    cdp,
    close: async () => {
      await cdp.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
}

export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

export async function collectGarbage(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks?: number[] }).__longTasks ?? []);
}

export async function traced<T>(page: Page, fn: () => Promise<T>): Promise<{ result: T; trace: Uint8Array | undefined }> {
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  try {
    const result = await fn();
    return { result, trace: await page.tracing.stop() };
  } catch (error) {
    await page.tracing.stop().catch(() => undefined);
    throw error;
  }
}

/**
 * Changes a field's value as typing does (value, then an `input` event), `count` times, each
 * in its own task, back to back (a MessageChannel, so no 4 ms timer clamping). The value
 * alternates between blank and text at the end so the facts change too. Returns how long the burst took.
 */
export async function burst(page: Page, selector: string, count: number): Promise<number> {
  return page.evaluate(
    (sel: string, n: number) =>
      new Promise<number>((resolve, reject) => {
        const el = document.querySelector(sel) as HTMLTextAreaElement | HTMLInputElement | null;
        if (!el) return reject(new Error(`no ${sel}`));
        const channel = new MessageChannel();
        const base = el.value.length > 0 ? '' : 'Seen at home';
        let i = 0;
        const start = performance.now();
        channel.port1.onmessage = () => {
          i++;
          el.value = i === n ? base : `${base}${'x'.repeat(i % 7)}`;
          el.dispatchEvent(new Event('input', { bubbles: true }));
          if (i < n) channel.port2.postMessage(0);
          else resolve(performance.now() - start);
        };
        channel.port2.postMessage(0);
      }),
    selector,
    count,
  );
}

/** One field change as typing makes it: flips the field between blank and text, with an `input` event. */
export async function changeField(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel: string) => {
    const el = document.querySelector(sel) as HTMLTextAreaElement | HTMLInputElement | null;
    if (!el) throw new Error(`no ${sel}`);
    el.value = el.value.length > 0 ? '' : 'Seen at home';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, selector);
}
