// @vitest-environment jsdom
// One read: nothing without a map; the first read hands the thread back before it starts;
// what it found is handed on, a page that is not an assessment goes to `unrecognised`, and
// a finished read gives its stats. A reader stopped between slices does no more.
import { describe, expect, it, vi } from 'vitest';
import { ReadCache } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import bundledMap from '../../adapters/maps/lcs-demo.json';
import { pageRead, type PageReadDeps } from './read-page';
import { slices } from './slices';

const map = bundledMap as unknown as FieldMap;

function deps(over: Partial<PageReadDeps> = {}, goOn = true) {
  const yieldToPage = vi.fn(async () => undefined);
  const d: PageReadDeps = {
    doc: document,
    win: window,
    map: () => map,
    cache: new ReadCache({ rows: true }),
    slices: () => slices({ clock: () => 0, yieldToPage, pause: async () => undefined, changes: () => 0, stopped: () => !goOn }),
    firstRead: () => false,
    firstOfPage: () => true,
    progressTeller: () => vi.fn(),
    takeChanges: vi.fn(),
    found: vi.fn(),
    unrecognised: vi.fn(),
    sendRead: vi.fn(async () => true),
    done: vi.fn(),
    ...over,
  };
  return { d, yieldToPage };
}

describe('pageRead', () => {
  it('reads nothing before a map is known', async () => {
    const { d } = deps({ map: () => undefined });
    await pageRead(d)();
    expect(d.takeChanges).not.toHaveBeenCalled();
    expect(d.done).not.toHaveBeenCalled();
  });

  it('hands a page that is not an assessment to unrecognised, and finishes with the stats', async () => {
    document.body.replaceChildren();
    const { d, yieldToPage } = deps({ firstRead: () => true });
    await pageRead(d)();
    expect(yieldToPage).toHaveBeenCalledOnce();
    expect(d.takeChanges).toHaveBeenCalledOnce();
    expect(d.found).toHaveBeenCalledWith(map, null);
    expect(d.unrecognised).toHaveBeenCalledWith(window.location.href, map);
    expect(d.sendRead).not.toHaveBeenCalled();
    expect(d.done).toHaveBeenCalledWith(expect.objectContaining({ slices: 2, messages: 0 }));
  });

  it('does no more once stopped while the page has its turn', async () => {
    const { d } = deps({ firstRead: () => true }, false);
    await pageRead(d)();
    expect(d.found).not.toHaveBeenCalled();
    expect(d.done).not.toHaveBeenCalled();
  });
});
