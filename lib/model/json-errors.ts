// The wording of errors in a council's JSON (field maps and council packs): zod's issues in the words docs/field-maps.md uses,
// with a JSON path to the key, and the nearest known fact path for a mistyped one.

import type { z } from 'zod';
import { knownFactPaths } from './facts';
import { jsonPath } from './json-path';

export interface MapError {
  /** JSON path into the map, e.g. `$.fields[12].parse.type`. */
  path: string;
  /** What was expected, in plain words. */
  message: string;
}



function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function isZodDefault(message: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized)/.test(message);
}

function expectedWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(', ');
  if (issue.code === 'invalid_type') return issue.expected === 'string' ? 'a text' : issue.expected === 'array' ? 'a list' : `an ${issue.expected}`;
  return 'something else';
}

/** zod's issues, in the words docs/field-maps.md uses; a union reports the branch the input came closest to. */
export function friendly(issue: z.core.$ZodIssue, input: unknown, prefix: readonly PropertyKey[] = []): MapError[] {
  const path = [...prefix, ...issue.path];
  const one = (message: string): MapError[] => [{ path: jsonPath(path), message }];
  switch (issue.code) {
    case 'invalid_value':
      return one(`expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}`);
    case 'invalid_type': {
      const got = valueAt(input, path);
      const want = issue.expected === 'string' ? 'a text' : issue.expected === 'array' ? 'a list' : issue.expected;
      return one(got === undefined ? `missing: expected ${want}` : `expected ${want}, got ${typeName(got)}`);
    }
    case 'unrecognized_keys':
      return one(`unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (check the spelling against docs/field-maps.md)`);
    case 'invalid_union': {
      if ('discriminator' in issue && Array.isArray((issue as { options?: unknown[] }).options)) {
        return one(`expected one of ${(issue as { options: unknown[] }).options.map(String).join(', ')}`);
      }
      if (!isZodDefault(issue.message)) return one(issue.message);
      const branches = issue.errors.filter((b) => b.length > 0);
      // The branch whose first problem lies deepest is the one the writer meant.
      const depth = (b: z.core.$ZodIssue[]): number => Math.max(...b.map((i) => i.path.length));
      const best = [...branches].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
      if (best && depth(best) > 0) return best.flatMap((i) => friendly(i, input, path));
      return one(`expected ${branches.map((b) => (b[0] ? expectedWords(b[0]) : '')).filter((w) => w !== '').join(' or ')}`);
    }
    case 'too_small':
      if (!isZodDefault(issue.message)) return one(issue.message);
      if (issue.origin === 'array') return one(`expected at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`);
      if (issue.origin === 'string') return one('expected a non-empty text');
      return one(`expected at least ${String(issue.minimum)}`);
    case 'too_big':
      return one(issue.origin === 'string' ? `too long: at most ${String(issue.maximum)} characters` : `expected at most ${String(issue.maximum)}`);
    default:
      return one(issue.message);
  }
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** The known fact path nearest to a mistyped one (by edit distance, then by its last part). */
export function suggestFactPath(path: string, candidates: readonly string[] = knownFactPaths()): string | undefined {
  const lower = path.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = levenshtein(lower, c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  if (best !== undefined && bestScore <= Math.max(3, Math.floor(path.length / 3))) return best;
  // "bedroomSeen" alone, or with the wrong group: match on the last part.
  const last = lower.split('.').pop() ?? lower;
  return candidates.find((c) => (c.toLowerCase().split('.').pop() ?? '') === last);
}

export function unknownFactMessage(path: string, candidates: readonly string[]): string {
  const concrete = /^(children|adults)\[[^\]]+\]\./.exec(path);
  if (concrete) {
    return `"${path}" names one person; a map uses the generic path "${path.replace(/\[[^\]]+\]/, '[]')}" in a group's fields`;
  }
  const hint = suggestFactPath(path, candidates);
  return `unknown fact path "${path}"${hint ? `; did you mean "${hint}"?` : ''} (the paths are listed in docs/field-maps.md)`;
}


export function dedupe(errors: MapError[]): MapError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One line per error: `$.fields[12].parse.type: expected one of …`. */
export function formatMapErrors(errors: readonly MapError[]): string[] {
  return errors.map((e) => `${e.path}: ${e.message}`);
}

