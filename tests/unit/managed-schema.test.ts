// The policy schema lists every setting (Chromium drops policy keys its schema does not
// list), and inspect mode is off unless the user or policy turns it on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema, effectiveSettings } from '../../lib/settings';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'managed-schema.json'), 'utf8')) as { properties: Record<string, { type: string }> };

describe('public/managed-schema.json', () => {
  it('lists every setting', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(SettingsSchema.shape).sort());
  });

  it('inspect mode: off by default, a boolean policy turns it on and locks it', () => {
    expect(DEFAULT_SETTINGS.inspectMode).toBe(false);
    expect(schema.properties.inspectMode?.type).toBe('boolean');
    const on = effectiveSettings({}, { inspectMode: true });
    expect(on.settings.inspectMode).toBe(true);
    expect(on.locked).toContain('inspectMode');
    expect(effectiveSettings({ inspectMode: true }, {}).settings.inspectMode).toBe(true);
    expect(effectiveSettings({}, { inspectMode: 'yes' }).problems.length).toBe(1);
  });
});
