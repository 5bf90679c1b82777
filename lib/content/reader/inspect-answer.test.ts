// @vitest-environment jsdom
// Inspect's answer: from the reader's last read when there is one, else read here; a page
// that is not an assessment is answered as not recognised.
import { describe, expect, it, vi } from 'vitest';
import type { ExtractResult } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import bundledMap from '../../adapters/maps/lcs-demo.json';
import { inspectAnswer } from './inspect-answer';

const map = bundledMap as unknown as FieldMap;
const read = { mapId: map.id, caseSystem: map.caseSystem, assessmentId: 'SA-1', sections: ['household'], facts: [], provenance: {}, notFound: [], notFoundDetails: [] } as ExtractResult;

describe('inspectAnswer', () => {
  it('answers at once from a read made here without the reader', () => {
    window.history.replaceState(null, '', '/elsewhere');
    document.body.replaceChildren();
    const reply = vi.fn();
    expect(inspectAnswer(document, window, () => map)(reply)).toBe(false);
    expect(reply).toHaveBeenCalledWith({ recognised: false });
  });

  it("answers later from the reader's last read, and reads here when it has none", async () => {
    const reply = vi.fn();
    expect(inspectAnswer(document, window, () => map, async () => read)(reply)).toBe(true);
    await vi.waitFor(() => expect(reply.mock.calls[0]?.[0]).toMatchObject({ recognised: true }));
    const none = vi.fn();
    inspectAnswer(document, window, () => map, async () => undefined)(none);
    await vi.waitFor(() => expect(none).toHaveBeenCalledWith({ recognised: false }));
  });
});
