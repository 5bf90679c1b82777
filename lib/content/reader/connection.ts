/**
 * The reader's line to the extension: whether the extension that started it is still
 * there (not updated or removed since), and sending to the background. A send that fails
 * because the extension has gone calls `gone` (the reader stops); any other failure calls
 * the sender's own `onFailed`.
 */
import type { ReaderRuntime } from './deps';

export type Send = (message: unknown, onFailed?: () => void) => void;

export interface Connection {
  alive(): boolean;
  /** True while the extension is there; otherwise calls `gone` and says false. */
  check(): boolean;
  send: Send;
}

export function connection(runtime: ReaderRuntime, gone: () => void): Connection {
  const alive = (): boolean => {
    try {
      return typeof runtime.id === 'string' && runtime.id.length > 0;
    } catch {
      return false;
    }
  };
  return {
    alive,
    check() {
      if (alive()) return true;
      gone();
      return false;
    },
    send(message, onFailed) {
      runtime.sendMessage(message).catch((error: unknown) => {
        if (!alive() || String(error).includes('context invalidated')) gone();
        else onFailed?.();
      });
    },
  };
}
