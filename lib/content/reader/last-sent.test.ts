// What the page's last message said, forgotten whole (a new map, a part not delivered).
import { describe, expect, it } from 'vitest';
import { LastSent } from './last-sent';

describe('LastSent', () => {
  it('starts empty and forgets both the key and the facts', () => {
    const sent = new LastSent();
    expect(sent.key).toBe('');
    sent.key = 'facts:SA-1:/a';
    sent.facts = new Map([['a', '1']]);
    sent.forget();
    expect(sent.key).toBe('');
    expect(sent.facts).toBeUndefined();
  });
});
