import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NATIONAL_PREFIX } from '../../lib/rules/national/index';
import { derbyPack } from '../../lib/rules/packs/derby/index';
import { hertfordshirePack } from '../../lib/rules/packs/hertfordshire/index';
import { wirralPack } from '../../lib/rules/packs/index';
import type { Pack } from '../../lib/rules/types';

// The README's table of rule packs gives each pack's own rules by kind and severity (the
// national layer is described below it): the table must say what the packs hold.

const WORDS: Record<string, string> = { required: 'required', expected: 'good practice', prompt: 'practice trigger' };

function countsText<P>(pack: Pack<P>): string {
  const own = pack.rules.filter((r) => !r.id.startsWith(NATIONAL_PREFIX));
  const of = (kind: string) => own.filter((r) => r.kind === kind);
  const bySeverity = (kind: string) =>
    ['required', 'expected', 'prompt'].map((s) => [s, of(kind).filter((r) => r.severity === s).length] as const).filter(([, n]) => n > 0);
  const group = (kind: string, one: string, many: string) => {
    const n = of(kind).length;
    const parts = bySeverity(kind);
    const label = `${n} ${n === 1 ? one : many}`;
    if (parts.length === 1) return `${label} (${WORDS[parts[0]![0]]})`;
    return `${label} (${parts.map(([s, k]) => `${k} ${WORDS[s]}`).join(', ')})`;
  };
  return `${group('countdown', 'deadline', 'deadlines')}, ${group('check', 'check', 'checks')}, ${of('prompt').length} practice prompts`;
}

describe('README rule counts', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const row = (id: string) => readme.split('\n').find((l) => l.startsWith(`| \`${id}\``))?.split('|')[3]?.trim();
  it('the table gives derby its current counts', () => {
    expect(row('derby')).toBe(countsText(derbyPack));
  });
  it('the table gives hertfordshire its current counts', () => {
    expect(row('hertfordshire')).toBe(countsText(hertfordshirePack));
  });
  it('the table gives wirral its current counts', () => {
    expect(row('wirral')).toBe(countsText(wirralPack));
  });
});
