// @vitest-environment jsdom
// What a batch of changes means: a value marks its row, a change our fields may be in
// clears the structure, and a change no field can be in (a clock) asks for no read.
import { describe, expect, it, vi } from 'vitest';
import { ReadCache } from '../../adapters/extractor';
import type { Relevance } from '../relevance';
import { noteChanges } from './note-changes';

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
