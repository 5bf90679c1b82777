// A frame loading after its page: one request for readers per burst of the browser's own
// frame loads; a load event the page made up, or any other element's, asks for nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lateFrames } from './late-frames';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function page() {
  let listener: ((event: Event) => void) | undefined;
  const doc = {
    addEventListener: vi.fn((_type: string, l: (event: Event) => void) => (listener = l)),
    removeEventListener: vi.fn(),
  } as unknown as Document;
  const load = (tagName: string, isTrusted = true) => listener?.({ isTrusted, target: { tagName } } as unknown as Event);
  return { doc, load };
}

describe('lateFrames', () => {
  it('asks once per burst of trusted frame loads, after the quiet time', () => {
    const { doc, load } = page();
    const ask = vi.fn();
    lateFrames(doc, 30, ask);
    load('IFRAME');
    load('FRAME');
    vi.advanceTimersByTime(29);
    expect(ask).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ask).toHaveBeenCalledOnce();
    load('IFRAME');
    vi.advanceTimersByTime(30);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('ignores made-up loads, other elements, and everything once stopped', () => {
    const { doc, load } = page();
    const ask = vi.fn();
    const frames = lateFrames(doc, 30, ask);
    load('IFRAME', false);
    load('IMG');
    vi.advanceTimersByTime(100);
    expect(ask).not.toHaveBeenCalled();
    load('IFRAME');
    frames.stop();
    vi.advanceTimersByTime(100);
    expect(ask).not.toHaveBeenCalled();
    expect(doc.removeEventListener).toHaveBeenCalledWith('load', expect.any(Function), true);
  });
});
