import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../lib/model';
import { evaluate, getPack } from '../../lib/rules';
import { recordFromPages } from '../fixtures/records/from-pages';

const dir = join(import.meta.dirname, '..', 'fixtures', 'records');

describe('records of the demo seed cases', () => {
  for (const formId of ['SA-1002', 'SA-1003']) {
    it(`${formId} is up to date with the saved demo pages (run npx tsx tests/fixtures/records/from-pages.ts)`, () => {
      const onDisk = JSON.parse(readFileSync(join(dir, `demo-${formId}.json`), 'utf8')) as unknown;
      expect(onDisk).toEqual(recordFromPages(formId));
    });
  }

  it('the complete seed case is ready for sign-off and the Section 47 one is not', () => {
    const ready = (formId: string) => {
      const parsed = parseRecord(JSON.parse(readFileSync(join(dir, `demo-${formId}.json`), 'utf8')));
      if (!parsed.ok) throw new Error('invalid');
      return evaluate(parsed.record, getPack('derby'), '2026-11-23T10:00:00Z').ready;
    };
    expect(ready('SA-1003').ready).toBe(true);
    const s47 = ready('SA-1002');
    expect(s47.ready).toBe(false);
    expect(s47.blocking.some((b) => b.ruleId === 'derby/safety-advice-given')).toBe(true);
  });

  it('SA-1002, a Section 47 for three siblings: Derby 2.3 "See the child alone (within 24 hours if subject to S47 enquiry" gives each child a clock', () => {
    const parsed = parseRecord(JSON.parse(readFileSync(join(dir, 'demo-SA-1002.json'), 'utf8')));
    if (!parsed.ok) throw new Error('invalid');
    const clocks = evaluate(parsed.record, getPack('derby'), '2026-11-23T10:00:00Z').countdowns.filter((c) => c.ruleId === 'derby/child-seen-alone-24-hours-s47');
    expect(clocks.map((c) => c.subject?.id)).toEqual(parsed.record.children?.map((c) => c.id));
    expect(clocks).toHaveLength(3);
  });
});
