// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { frameElements } from './dom';

describe('frameElements', () => {
  it('finds the frames of a page in a window, hidden ones too, and none where the window has none', () => {
    document.body.innerHTML = '<p>No frames here</p>';
    expect(frameElements(document)).toEqual([]);
    document.body.innerHTML = '<iframe title="Chronology" srcdoc="<p>x</p>"></iframe><div hidden><iframe title="Hidden"></iframe></div>';
    expect(frameElements(document).map((f) => f.getAttribute('title'))).toEqual(['Chronology', 'Hidden']);
  });

  it('searches a document with no window (a saved page): it cannot count its frames', () => {
    const saved = new DOMParser().parseFromString('<iframe title="Chronology" src="/c"></iframe><frame name="f">', 'text/html');
    expect(frameElements(saved).map((f) => f.localName)).toEqual(['iframe']);
  });
});
