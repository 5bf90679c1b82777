// Handing the thread back: a posted task where the browser has one, else a message on a
// channel of our own, else a timer.
import { describe, expect, it, vi } from 'vitest';
import { pageYield } from './page-yield';

describe('pageYield', () => {
  it('posts a task behind the page’s own where it can', async () => {
    const postTask = vi.fn(async () => undefined);
    await pageYield({ scheduler: { postTask } } as unknown as Window)();
    expect(postTask).toHaveBeenCalledWith(expect.any(Function), { priority: 'user-visible' });
  });

  it('otherwise sends itself a message on a channel, or at last sets a timer', async () => {
    await expect(pageYield({ MessageChannel } as unknown as Window)()).resolves.toBeUndefined();
    const setTimeout = vi.fn((resolve: () => void) => resolve());
    await pageYield({ setTimeout } as unknown as Window)();
    expect(setTimeout).toHaveBeenCalledWith(expect.any(Function), 0);
  });
});
