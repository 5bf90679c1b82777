// One reader per frame: a connected one is kept; an orphaned one is stopped and replaced.
import { describe, expect, it, vi } from 'vitest';
import type { PageReader } from './deps';
import { onePerFrame } from './one-per-frame';

const reader = (alive: boolean): PageReader => ({ readNow: vi.fn(), stop: vi.fn(), alive: () => alive, reads: 0, lastRead: undefined, idle: async () => undefined });

describe('onePerFrame', () => {
  it('keeps a connected reader, and replaces one the extension left behind', () => {
    const win = {} as Window;
    const first = reader(true);
    expect(onePerFrame(win, () => first)).toBe(first);
    expect(onePerFrame(win, () => reader(true))).toBe(first);
    const orphan = reader(false);
    const other = {} as Window;
    onePerFrame(other, () => orphan);
    const fresh = reader(true);
    expect(onePerFrame(other, () => fresh)).toBe(fresh);
    expect(orphan.stop).toHaveBeenCalledOnce();
  });
});
