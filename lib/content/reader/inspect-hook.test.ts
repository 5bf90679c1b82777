// @vitest-environment jsdom
// Inspect mode answers from the reader's own last read once it is idle, when that read
// was taken with the map in force; otherwise it reads the page itself.
import { describe, expect, it, vi } from 'vitest';
import { ReadCache, type ExtractResult } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import bundledMap from '../../adapters/maps/lcs-demo.json';
import { inspectHook, type LastResult } from './inspect-hook';

const map = bundledMap as unknown as FieldMap;
const URL_PATH = '/assessment/SA-1/household';
const read = { mapId: map.id, caseSystem: map.caseSystem, assessmentId: 'SA-1', sections: ['household'], facts: [], provenance: {}, notFound: [], notFoundDetails: [] } as ExtractResult;

function hook(last: LastResult | undefined) {
  let finish = (): void => undefined;
  const idle = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
  const lastResult = vi.fn(() => last);
  const inspect = inspectHook({ doc: document, win: window, runtimeId: () => 'ours', map: () => map, cache: new ReadCache({ rows: true }), idle, lastResult });
  return { inspect, idle, lastResult, finish: () => finish() };
}

describe('inspectHook', () => {
  it("answers inspect from the reader's last read once the reader is idle", async () => {
    window.history.replaceState(null, '', URL_PATH);
    const { inspect, lastResult, finish } = hook({ map, result: read });
    const reply = vi.fn();
    expect(inspect.listener({ type: 'inspect' }, { id: 'ours' }, reply)).toBe(true);
    await Promise.resolve();
    expect(lastResult).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(reply).toHaveBeenCalled());
    expect(reply.mock.calls[0]?.[0]).toMatchObject({ recognised: true });
  });

  it('reads the page itself when the last read was with another map', async () => {
    window.history.replaceState(null, '', '/elsewhere');
    document.body.replaceChildren();
    const { inspect, finish } = hook({ map: { ...map }, result: read });
    const reply = vi.fn();
    inspect.listener({ type: 'inspect' }, { id: 'ours' }, reply);
    finish();
    await vi.waitFor(() => expect(reply).toHaveBeenCalledWith({ recognised: false }));
  });
});
