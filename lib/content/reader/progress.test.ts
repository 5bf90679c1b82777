// How far a page's first read has got: said once the page is known, at most every PROGRESS_EVERY_MS.
import { describe, expect, it } from 'vitest';
import type { ReadSoFar } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import bundledMap from '../../adapters/maps/lcs-demo.json';
import { PROGRESS_EVERY_MS, progressTeller } from './progress';

const map = bundledMap as unknown as FieldMap;
type Message = { type: string };

describe('progressTeller', () => {
  it('says how far a read has got once it knows the page, at most every PROGRESS_EVERY_MS', () => {
    let t = 0;
    const out: Message[] = [];
    const tell = progressTeller(() => map, () => 'https://demo.test/assessment/SA-1/household', () => t, (m) => out.push(m as Message));
    const progress = { people: { done: 1, total: 6 }, fields: { done: 3, total: 50 } } as ReadSoFar['progress'];
    const soFar = { identity: undefined, progress } as unknown as ReadSoFar;
    tell(soFar);
    expect(out).toEqual([]);
    const known = { ...soFar, identity: { mapId: map.id, caseSystem: map.caseSystem, assessmentId: 'SA-1', sections: [] } } as ReadSoFar;
    tell(known);
    t = PROGRESS_EVERY_MS - 1;
    tell(known);
    expect(out).toMatchObject([{ type: 'reading', assessmentId: 'SA-1' }]);
    t = PROGRESS_EVERY_MS;
    tell(known);
    expect(out).toHaveLength(2);
  });
});
