// @vitest-environment jsdom
// What Pick a field proposes: an entry for a labelled control; nothing for what nothing names.
import { describe, expect, it } from 'vitest';
import type { FieldMap } from '../../adapters/field-map-schema';
import bundledMap from '../../adapters/maps/lcs-demo.json';
import { proposal } from './pick-proposal';

const map = bundledMap as unknown as FieldMap;

describe('proposal', () => {
  it('proposes an entry for a labelled control, and none for an element nothing names', () => {
    window.history.replaceState(null, '', '/assessment/SA-1/household');
    const label = document.createElement('label');
    label.htmlFor = 'lang';
    label.textContent = 'Preferred language';
    const input = document.createElement('input');
    input.id = 'lang';
    const bare = document.createElement('div');
    document.body.replaceChildren(label, input, bare);
    expect(proposal(document, window, map, input)).toMatchObject({ picked: true, entry: expect.any(Object) });
    expect(proposal(document, window, map, bare)).toEqual({ picked: false, reason: 'nothing-names-it' });
  });
});
