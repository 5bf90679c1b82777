// docs/field-maps.md documents every key of the field-map format with an example: each
// key of the schema appears as a JSON key in one of the document's JSON examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { FieldMapSchema } from '../../lib/adapters/field-map-schema';

function keysOf(schema: z.ZodType, out: Set<string>, seen: Set<z.ZodType>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  const visit = (s: unknown): void => {
    if (s instanceof z.ZodType) keysOf(s, out, seen);
  };
  if (schema instanceof z.ZodObject) {
    for (const [k, v] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      out.add(k);
      visit(v);
    }
    return;
  }
  for (const value of Object.values(def)) {
    if (Array.isArray(value)) value.forEach(visit);
    else visit(value);
  }
}

describe('docs/field-maps.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'field-maps.md'), 'utf8');
  // JSON blocks, and inline examples such as `{ "css": "th[scope=row]" }` in the reference tables.
  const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g), ...doc.matchAll(/`(\{[^`]*\})`/g)].map((m) => m[1] ?? '').join('\n');

  it('shows every key of the format in a JSON example', () => {
    const keys = new Set<string>();
    keysOf(FieldMapSchema, keys, new Set());
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter((k) => !examples.includes(`"${k}"`));
    expect(missing).toEqual([]);
  });

  it('walks through mapping a new system with inspect mode and Pick a field, and shows the coverage output', () => {
    expect(doc).toContain('### Mapping a new system, step by step');
    expect(doc).toMatch(/Pick a field/);
    expect(doc).toMatch(/inspect mode/i);
    expect(doc).toMatch(/Coverage for the derby rules/);
  });
});
