/**
 * After the extension is updated or reloaded the page's reader is orphaned: it stops
 * quietly and, in the top frame, says so in a note. It never reloads the page (a worker's
 * unsaved notes would be lost).
 */
export const NOTE_ID = 'assessment-companion-reconnect-note';

export const RECONNECT_WORDS = 'Assessment Companion was updated. Save your work, then refresh this page to reconnect it.';

/** Shows the note once; nothing on a page without a body. */
export function showReconnectNote(doc: Document): void {
  if (doc.getElementById(NOTE_ID) || !doc.body) return;
  const note = doc.createElement('div');
  note.id = NOTE_ID;
  note.setAttribute('role', 'status');
  note.textContent = RECONNECT_WORDS;
  note.style.cssText =
    'position:fixed;right:12px;bottom:12px;z-index:2147483647;max-width:320px;padding:12px 16px;background:#fff;color:#0b0c0c;border:3px solid #1d70b8;font:16px/1.4 Arial,sans-serif;box-shadow:0 2px 6px rgba(0,0,0,.3)';
  doc.body.appendChild(note);
}
