// What a read sends: nothing when nothing changed, the changes in parts (what is gone with
// the first), and the whole page again after a part that was not delivered.
import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import bundledMap from '../../adapters/maps/lcs-demo.json';
import { diffFacts, ReadTimes } from '../fact-diff';
import { factsSender } from './send-facts';
import { LastSent } from './last-sent';

const map = bundledMap as unknown as FieldMap;
const fact = (path: string, value: unknown) => ({ path, value }) as ExtractResult['facts'][number];
const result = (facts: ExtractResult['facts']): ExtractResult => ({ mapId: map.id, caseSystem: map.caseSystem, assessmentId: 'SA-1', sections: [], facts, provenance: {}, notFound: [], notFoundDetails: [] });
type Message = { type: string; facts?: { path: string }[]; gone?: string[]; complete?: boolean; pagePath?: string };

type Send = (m: unknown, failed?: () => void) => void;

function drain(facts: ExtractResult['facts'], sent: LastSent, send: Send): { parts: number; pauses: number } {
  const sendFacts = factsSender({ topFrame: true, partFacts: 2, readTimes: new ReadTimes(), sent, send });
  const gen = sendFacts(map, result(facts), { pagePath: '/a', view: '/a' }, 'facts:SA-1:/a', diffFacts(sent.facts, facts), undefined, () => undefined);
  let pauses = -1;
  let step = gen.next();
  for (pauses = 0; !step.done; pauses++) step = gen.next();
  return { parts: step.value, pauses };
}

describe('sendFacts', () => {
  it('sends a first read whole, in parts with a pause between them, then only changes, and nothing when nothing changed', () => {
    const sent = new LastSent();
    const out: Message[] = [];
    const facts = [fact('a', 1), fact('b', 2), fact('c', 3)];
    expect(drain(facts, sent, (m) => out.push(m as Message))).toEqual({ parts: 2, pauses: 1 });
    expect(out.map((m) => m.facts?.length)).toEqual([2, 1]);
    expect(out[0]?.complete).toBe(true);
    expect(sent.key).toBe('facts:SA-1:/a');
    out.length = 0;
    expect(drain(facts, sent, (m) => out.push(m as Message)).parts).toBe(0);
    drain([fact('a', 5), fact('b', 2)], sent, (m) => out.push(m as Message));
    expect(out).toMatchObject([{ facts: [{ path: 'a' }], gone: ['c'], complete: false }]);
  });

  it('forgets what it sent when a part is not delivered, so the next read sends the whole page', () => {
    const sent = new LastSent();
    drain([fact('a', 1)], sent, (_m, failed) => failed?.());
    expect(sent.key).toBe('');
    expect(sent.facts).toBeUndefined();
  });
});
