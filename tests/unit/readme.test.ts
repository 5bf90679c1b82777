// The README is what a newcomer reads first: short enough to read in five minutes, with
// the detail in docs/, and every link in it going somewhere.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const README = resolve(ROOT, 'README.md');

/** Relative links ([text](path) and ![alt](path)) of a markdown file, without their #fragment. */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('#'))
    .map((href) => href.split('#')[0]!);
}

describe('README', () => {
  const text = readFileSync(README, 'utf8');

  it('is at most 250 lines', () => {
    expect(text.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('links only to files that exist, in the README and in docs/', () => {
    const files = [README, ...['panel', 'rule-packs', 'performance', 'trust', 'it-guide', 'field-maps'].map((d) => resolve(ROOT, 'docs', `${d}.md`))];
    const broken = files.flatMap((file) =>
      relativeLinks(readFileSync(file, 'utf8'))
        .filter((href) => !existsSync(resolve(dirname(file), href)))
        .map((href) => `${file.slice(ROOT.length + 1)} → ${href}`),
    );
    expect(broken).toEqual([]);
  });
});
