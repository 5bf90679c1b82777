import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, effectiveSettings } from './index';

describe('effectiveSettings', () => {
  it('uses defaults when nothing is set', () => {
    expect(effectiveSettings(undefined, undefined)).toEqual({ settings: DEFAULT_SETTINGS, locked: [], problems: [] });
  });

  it('lets the organisation’s policy win over the user and marks it locked', () => {
    const result = effectiveSettings({ packId: 'derby', retentionDays: 10 }, { packId: 'hertfordshire' });
    expect(result.settings.packId).toBe('hertfordshire');
    expect(result.settings.retentionDays).toBe(10);
    expect(result.locked).toEqual(['packId']);
  });

  it('reports a bad value with its path and keeps the good ones', () => {
    const result = effectiveSettings({ retentionDays: 0, packId: 'hertfordshire' }, { origins: ['not an origin'] });
    expect(result.settings.retentionDays).toBe(30);
    expect(result.settings.packId).toBe('hertfordshire');
    expect(result.settings.origins).toEqual(DEFAULT_SETTINGS.origins);
    expect(result.problems.map((p) => p.path)).toEqual(['user settings $.retentionDays', 'policy $.origins[0]']);
  });
});
