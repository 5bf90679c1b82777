import { describe, expect, it } from 'vitest';
import { cutToLimits, diffFacts, provenanceOf, READ_LIMITS } from './fact-diff';

describe('diffFacts', () => {
  const first = [
    { path: 'household.interpreterNeeded', value: false },
    { path: 'dates.referral', value: '2026-09-01' },
    { path: 'children[P1].initials', value: 'RS' },
  ];

  it('sends every fact on a page’s first read', () => {
    const d = diffFacts(undefined, first);
    expect(d).toMatchObject({ complete: true, gone: [] });
    expect(d.changed).toHaveLength(3);
  });

  it('sends only what changed afterwards: an untouched stale field is never sent again', () => {
    const { next } = diffFacts(undefined, first);
    const d = diffFacts(next, [first[0]!, { path: 'dates.referral', value: '2026-09-02' }, first[2]!]);
    expect(d.complete).toBe(false);
    expect(d.changed).toEqual([{ path: 'dates.referral', value: '2026-09-02' }]);
    expect(d.gone).toEqual([]);
  });

  it('names the paths no longer on the page (a household member deleted)', () => {
    const { next } = diffFacts(undefined, first);
    const d = diffFacts(next, first.slice(0, 2));
    expect(d.changed).toEqual([]);
    expect(d.gone).toEqual(['children[P1].initials']);
  });

  it('treats a value that became blank as a change', () => {
    const { next } = diffFacts(undefined, first);
    expect(diffFacts(next, [{ path: 'household.interpreterNeeded', value: null }, ...first.slice(1)]).changed).toHaveLength(1);
  });

  it('keeps provenance only for what is sent', () => {
    expect(provenanceOf({ a: 1, b: 2 }, [{ path: 'b', value: true }])).toEqual({ b: 2 });
  });
});

describe('cutToLimits', () => {
  it('cuts a read over the limits and says how much was left out', () => {
    const facts = Array.from({ length: READ_LIMITS.facts + 7 }, (_, i) => i);
    const r = cutToLimits(facts, []);
    expect(r.facts).toHaveLength(READ_LIMITS.facts);
    expect(r.cut).toEqual({ facts: 7, notFound: 0 });
  });
  it('leaves a read within the limits alone', () => {
    expect(cutToLimits([1, 2], [3])).toEqual({ facts: [1, 2], notFound: [3] });
  });
});
