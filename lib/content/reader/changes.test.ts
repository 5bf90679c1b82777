// @vitest-environment jsdom
// What changed: a value marks its row, a change our fields may be in clears the structure,
// and a change no field can be in (a clock) asks for no read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadCache } from '../../adapters/extractor';
import type { Relevance } from '../relevance';
import { noteChanges, watchChanges, type ChangeWatch } from './changes';

const relevance = (matters: boolean): Relevance => ({ matters: () => matters, forget: vi.fn() });
const record = (over: Partial<MutationRecord>): MutationRecord => ({ type: 'childList', target: document.body, attributeName: null, ...over }) as MutationRecord;

describe('noteChanges', () => {
  it('marks the row of a changed value and keeps the structure', () => {
    const cache = new ReadCache({ rows: true });
    const touch = vi.spyOn(cache, 'touch');
    const clear = vi.spyOn(cache, 'clear');
    expect(noteChanges([record({ type: 'attributes', attributeName: 'value' })], cache, relevance(false))).toBe(true);
    expect(touch).toHaveBeenCalledWith(document.body);
    expect(clear).not.toHaveBeenCalled();
  });

  it('clears what the last read learnt when a change may hold a field', () => {
    const cache = new ReadCache({ rows: true });
    const clear = vi.spyOn(cache, 'clear');
    const rel = relevance(true);
    expect(noteChanges([record({})], cache, rel)).toBe(true);
    expect(clear).toHaveBeenCalledOnce();
    expect(rel.forget).toHaveBeenCalledOnce();
  });

  it('asks for no read for a change no field can be in, or before a map is known', () => {
    const cache = new ReadCache({ rows: true });
    expect(noteChanges([record({})], cache, relevance(false))).toBe(false);
    expect(noteChanges([record({})], cache, undefined)).toBe(false);
  });
});

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
