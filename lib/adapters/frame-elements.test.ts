// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { frameElements } from './dom';

/** A frame element with a title, built as elements (no markup strings). */
function frame(title: string, attributes: Record<string, string> = {}): HTMLIFrameElement {
  const f = document.createElement('iframe');
  f.title = title;
  for (const [name, value] of Object.entries(attributes)) f.setAttribute(name, value);
  return f;
}

describe('frameElements', () => {
  it('finds the frames of a page in a window, hidden ones too, and none where the window has none', () => {
    document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'No frames here' }));
    expect(frameElements(document)).toEqual([]);
    const hidden = document.createElement('div');
    hidden.hidden = true;
    hidden.append(frame('Hidden'));
    document.body.replaceChildren(frame('Chronology', { srcdoc: '<p>x</p>' }), hidden);
    expect(frameElements(document).map((f) => f.getAttribute('title'))).toEqual(['Chronology', 'Hidden']);
  });

  it('searches a document with no window (a saved page): it cannot count its frames', () => {
    const saved = new DOMParser().parseFromString('<iframe title="Chronology" src="/c"></iframe><frame name="f">', 'text/html');
    expect(frameElements(saved).map((f) => f.localName)).toEqual(['iframe']);
  });
});
