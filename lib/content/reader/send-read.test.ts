// What a read of an assessment sends: its changes since this view's last read, in parts,
// each part counted; nothing again for the same facts; a stopped reader sends no more.
import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import bundledMap from '../../adapters/maps/lcs-demo.json';
import { ReadTimes } from '../fact-diff';
import { LastSent } from './last-sent';
import { factsSender } from './send-facts';
import { readSender } from './send-read';
import { slices } from './slices';

const map = bundledMap as unknown as FieldMap;
const URL_ = 'http://127.0.0.1:4173/assessment/SA-1/household';
const win = { length: 0, location: { href: URL_ } } as unknown as Window;
const fact = (path: string, value: unknown) => ({ path, value }) as ExtractResult['facts'][number];
const result = (facts: ExtractResult['facts']): ExtractResult => ({ mapId: map.id, caseSystem: map.caseSystem, assessmentId: 'SA-1', sections: ['household'], facts, provenance: {}, notFound: [], notFoundDetails: [] });

function setUp(goOn = true) {
  const out: { facts?: unknown[] }[] = [];
  const sent = new LastSent();
  const sendFacts = factsSender({ topFrame: true, partFacts: 2, readTimes: new ReadTimes(), sent, send: (m) => out.push(m as { facts?: unknown[] }) });
  const send = readSender({ doc: {} as Document, win, sent, sendFacts });
  const slice = () => slices({ clock: () => 0, yieldToPage: async () => undefined, pause: async () => undefined, changes: () => 0, stopped: () => !goOn });
  return { out, sent, send, slice };
}

describe('readSender', () => {
  it('sends the facts in parts and counts them, then nothing for the same facts', async () => {
    const { out, sent, send, slice } = setUp();
    const first = slice();
    const facts = [fact('a', 1), fact('b', 2), fact('c', 3)];
    await expect(send(first, map, result(facts), URL_, undefined)).resolves.toBe(true);
    expect(out.map((m) => m.facts?.length)).toEqual([2, 1]);
    expect(first.stats.messages).toBe(2);
    expect(sent.key).toMatch(/^facts:SA-1:/);
    const again = slice();
    await send(again, map, result(facts), URL_, undefined);
    expect(out).toHaveLength(2);
    expect(again.stats.messages).toBe(0);
  });

  it('stops between parts once the reader has stopped', async () => {
    const { out, send, slice } = setUp(false);
    await expect(send(slice(), map, result([fact('a', 1), fact('b', 2), fact('c', 3)]), URL_, undefined)).resolves.toBe(false);
    expect(out).toHaveLength(1);
  });
});
