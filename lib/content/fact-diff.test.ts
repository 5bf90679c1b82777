import { describe, expect, it } from 'vitest';
import { cutToLimits, diffFacts, diffFactsInSteps, DIFF_STEP, inParts, PART_FACTS, ReadTimes } from './fact-diff';
import { READ_LIMITS } from '../messages/limits';

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

});

describe('ReadTimes', () => {
  const at = (minute: number) => ({ page: '/p', readAt: `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z` });

  it('keeps provenance only for what is sent', () => {
    expect(new ReadTimes().stamp({ a: at(1), b: at(2) }, [{ path: 'b', value: true }])).toEqual({ b: at(2) });
  });

  it('a re-read keeps a fact’s read time unless its value changed on the page', () => {
    const times = new ReadTimes<ReturnType<typeof at>>();
    times.stamp({ a: at(1), b: at(1) }, [{ path: 'a', value: 'old' }, { path: 'b', value: 1 }]);
    // Read again ten minutes later (a new map): a is unchanged, b was changed on the page.
    const again = times.stamp({ a: at(11), b: at(11) }, [{ path: 'a', value: 'old' }, { path: 'b', value: 2 }]);
    expect(again).toEqual({ a: at(1), b: at(11) });
    // Changed back: a change of value, so a new read time.
    expect(times.stamp({ b: at(12) }, [{ path: 'b', value: 1 }])).toEqual({ b: at(12) });
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

describe('diffFactsInSteps', () => {
  const many = (n: number, value: (i: number) => unknown) => Array.from({ length: n }, (_, i) => ({ path: `children[P${i}].initials`, value: value(i) }));

  it('pauses every DIFF_STEP facts and gives what diffFacts gives', () => {
    const first = many(DIFF_STEP * 4, () => 'AB');
    const { next } = diffFacts(undefined, first);
    const later = [...many(DIFF_STEP * 3, (i) => (i === 7 ? 'CD' : 'AB')), { path: 'dates.referral', value: '2026-09-01' }];
    const steps = diffFactsInSteps(next, later);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses += 1;
      step = steps.next();
    }
    expect(pauses).toBeGreaterThanOrEqual(6);
    expect(step.value).toEqual(diffFacts(next, later));
    expect(step.value.changed.map((f) => f.path)).toEqual(['children[P7].initials', 'dates.referral']);
    expect(step.value.gone).toHaveLength(DIFF_STEP);
  });
});

describe('inParts', () => {
  const facts = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `children[P${i}].initials`, value: 'AB' }));

  it('sends a small read as one message, as before', () => {
    expect(inParts(facts(3), true)).toEqual([{ facts: facts(3), complete: true, more: false }]);
    expect(inParts([], true)).toEqual([{ facts: [], complete: true, more: false }]);
  });

  it('splits a big first read into parts of PART_FACTS at most: the first names every fact the page shows, the rest add to it', () => {
    const all = facts(PART_FACTS * 2 + 1);
    const parts = inParts(all, true);
    expect(parts.map((p) => p.facts.length)).toEqual([PART_FACTS, PART_FACTS, 1]);
    expect(parts.map((p) => p.complete)).toEqual([true, false, false]);
    expect(parts.map((p) => p.more)).toEqual([true, true, false]);
    expect(parts[0]?.shown).toEqual(all.map((f) => f.path));
    expect(parts[1]?.shown).toBeUndefined();
    expect(parts.flatMap((p) => p.facts)).toEqual(all);
  });

  it('splits a big change into parts that only add (nothing to name)', () => {
    const parts = inParts(facts(PART_FACTS + 1), false);
    expect(parts.map((p) => [p.complete, p.more, p.shown])).toEqual([
      [false, true, undefined],
      [false, false, undefined],
    ]);
  });
});
