// The reader's line to the extension: alive while the runtime has an id; a send that fails
// because the extension has gone stops the reader, any other failure is the sender's own.
import { describe, expect, it, vi } from 'vitest';
import { connection } from './connection';
import type { ReaderRuntime } from './deps';

function runtime(id: string | undefined, send: () => Promise<unknown> = async () => undefined): ReaderRuntime {
  return { id, sendMessage: vi.fn(send), onMessage: { addListener: vi.fn(), removeListener: vi.fn() } };
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('connection', () => {
  it('is alive while the runtime has an id, and check() says the extension has gone once', () => {
    const gone = vi.fn();
    expect(connection(runtime('ours'), gone).check()).toBe(true);
    const orphan = connection(runtime(undefined), gone);
    expect(orphan.alive()).toBe(false);
    expect(orphan.check()).toBe(false);
    expect(gone).toHaveBeenCalledOnce();
    const throwing = { ...runtime('x'), get id(): string {
      throw new Error('Extension context invalidated.');
    } };
    expect(connection(throwing, gone).alive()).toBe(false);
  });

  it('calls gone for a send the invalidated extension refused, and onFailed for any other failure', async () => {
    const gone = vi.fn();
    const onFailed = vi.fn();
    connection(runtime('ours', async () => Promise.reject(new Error('Extension context invalidated.'))), gone).send({}, onFailed);
    await flush();
    expect(gone).toHaveBeenCalledOnce();
    expect(onFailed).not.toHaveBeenCalled();
    connection(runtime('ours', async () => Promise.reject(new Error('Could not establish connection.'))), gone).send({}, onFailed);
    await flush();
    expect(onFailed).toHaveBeenCalledOnce();
    expect(gone).toHaveBeenCalledOnce();
  });
});
