// @vitest-environment jsdom
// Which section is in view: only on a page showing several; the one holding the focused field.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExtractResult } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import { inViewWatcher, shownScopes } from './in-view';

const map = { sections: [{ id: 'reasons', scope: '#reasons' }, { id: 'household', scope: '#household' }, { id: 'framed', scope: '#f', frame: { title: 'x' } }] } as unknown as FieldMap;
const result = (sections: string[]) => ({ sections }) as unknown as ExtractResult;
let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('shownScopes', () => {
  it('gives the scopes of the sections found, only on a page showing several, never a framed one', () => {
    expect(shownScopes(map, result(['reasons', 'household', 'framed']))).toEqual([['reasons', '#reasons'], ['household', '#household']]);
    expect(shownScopes(map, result(['reasons']))).toEqual([]);
    expect(shownScopes(map, null)).toEqual([]);
  });
});

describe('inViewWatcher', () => {
  it('says the section holding the focused field, once each time it changes', () => {
    const part = (id: string, inputs: string[]) => {
      const div = document.createElement('div');
      div.id = id;
      for (const input of inputs) div.appendChild(Object.assign(document.createElement('input'), { id: input }));
      return div;
    };
    document.body.replaceChildren(part('reasons', ['a']), part('household', ['b', 'c']));
    const tell = vi.fn();
    const watcher = inViewWatcher(document, window, tell);
    stop = watcher.stop;
    watcher.use([['reasons', '#reasons'], ['household', '#household']]);
    document.getElementById('b')?.focus();
    document.getElementById('c')?.focus();
    document.getElementById('a')?.focus();
    expect(tell.mock.calls).toEqual([['household'], ['reasons']]);
  });
});
