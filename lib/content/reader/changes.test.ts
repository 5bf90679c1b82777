// @vitest-environment jsdom
// What changed: typing and the page's own changes are counted, and the ones a read may
// find ask for a read, until the watch stops.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadCache } from '../../adapters/extractor';
import type { Relevance } from '../relevance';
import { watchChanges, type ChangeWatch } from './changes';

const relevance = (matters: boolean): Relevance => ({ matters: () => matters, forget: vi.fn() });

describe('watchChanges', () => {
  let watch: ChangeWatch | undefined;
  afterEach(() => watch?.stop());

  it('counts every change, asks for a read for typing and relevant changes, and stops listening', async () => {
    document.body.replaceChildren(document.createElement('input'));
    const changed = vi.fn();
    let matters = false;
    watch = watchChanges(document, window, new ReadCache({ rows: true }), () => relevance(matters), changed);
    document.body.append(document.createElement('span'));
    watch.take();
    expect(changed).not.toHaveBeenCalled();
    matters = true;
    document.body.append(document.createElement('span'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changed).toHaveBeenCalledOnce();
    expect(watch.count()).toBe(1);
    document.querySelector('input')?.dispatchEvent(new Event('input', { bubbles: true }));
    expect(changed).toHaveBeenCalledTimes(2);
    watch.stop();
    document.querySelector('input')?.dispatchEvent(new Event('input', { bubbles: true }));
    expect(changed).toHaveBeenCalledTimes(2);
  });
});
