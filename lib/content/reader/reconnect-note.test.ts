// @vitest-environment jsdom
// After the extension is updated: one note, as a status, in plain words.
import { describe, expect, it } from 'vitest';
import { NOTE_ID, RECONNECT_WORDS, showReconnectNote } from './reconnect-note';

describe('showReconnectNote', () => {
  it('shows one status note asking the worker to save, then refresh', () => {
    document.body.replaceChildren();
    showReconnectNote(document);
    showReconnectNote(document);
    const notes = document.querySelectorAll(`#${NOTE_ID}`);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.getAttribute('role')).toBe('status');
    expect(notes[0]?.textContent).toBe(RECONNECT_WORDS);
    expect(RECONNECT_WORDS).toContain('Save your work, then refresh');
  });
});
