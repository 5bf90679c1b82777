// A council brings its own pack without a new build: imported or set by policy, checked, the
// last good one kept when a new one has mistakes, and where it came from said.
import { describe, expect, it } from 'vitest';
import { activeConfig, councilPackInUse, lastGoodPack, ACTIVE_PACK_KEY, ACTIVE_PACK_SOURCE_KEY } from './index';
import { packFor, checkSetup } from '../verdict/checks';
import { defaultCalendar } from '../calendar';
import wirralJson from '../rules/packs/wirral/wirral.json';

function ownPack(id = 'testshire', version = '1'): Record<string, unknown> {
  const doc = structuredClone(wirralJson) as Record<string, unknown>;
  return { ...doc, id, name: 'Testshire', version };
}

function withMistake() {
  const doc = ownPack('testshire', '2');
  (doc.rules as Array<Record<string, unknown>>)[0]!.use = 'assessment-timescales';
  return doc;
}

describe('the council’s own pack', () => {
  it('imported: in force, chosen by its id, and said to be imported', () => {
    const config = activeConfig({ councilPack: ownPack(), packId: 'testshire' }, {});
    expect(config.councilPack).toEqual({ id: 'testshire', name: 'Testshire', version: '1', source: 'imported' });
    expect(config.councilPackProblems).toEqual([]);
    expect(packFor(config.settings)?.id).toBe('testshire');
    expect(checkSetup(config.settings, defaultCalendar)?.pack.rules[0]?.id).toBe('testshire/assessment-30-days');
    expect(councilPackInUse(config)).toBe('Procedure in use: Testshire, your council’s pack version 1, imported in the options page.');
  });

  it('set by policy as JSON text: in force and said to be set by the organisation', () => {
    const config = activeConfig({}, { councilPack: JSON.stringify(ownPack()), packId: 'testshire' });
    expect(config.councilPack?.source).toBe('policy');
    expect(config.locked).toContain('councilPack');
    expect(councilPackInUse(config)).toMatch(/set by your organisation\.$/);
  });

  it('not chosen: imported but the procedure is still a shipped one', () => {
    const config = activeConfig({ councilPack: ownPack(), packId: 'derby' }, {});
    expect(packFor(config.settings)?.id).toBe('derby');
    expect(councilPackInUse(config)).toBeNull();
  });

  it('stands in for a shipped pack of the same id, so a council can try a changed copy', () => {
    const config = activeConfig({ councilPack: ownPack('wirral', 'trial'), packId: 'wirral' }, {});
    expect(packFor(config.settings)?.version).toBe('trial');
  });

  it('a pack with a mistake is refused with its JSON path, and the last good one stays in force', () => {
    const lastGood = lastGoodPack({ [ACTIVE_PACK_KEY]: ownPack(), [ACTIVE_PACK_SOURCE_KEY]: 'policy' });
    const config = activeConfig({}, { councilPack: withMistake(), packId: 'testshire' }, undefined, [], lastGood);
    expect(config.councilPackProblems[0]?.path).toBe('$.rules[0].use');
    expect(config.councilPackKept).toBe(true);
    expect(config.councilPack).toEqual({ id: 'testshire', name: 'Testshire', version: '1', source: 'policy' });
    expect(packFor(config.settings)?.version).toBe('1');
    expect(councilPackInUse(config)).toBe(
      'Procedure in use: Testshire, your council’s pack version 1, set by your organisation. A newer pack has mistakes, so this one stays in use until it is fixed.',
    );
  });

  it('a pack with a mistake and no last good one: none in force, the problems said, no checks run against it', () => {
    const config = activeConfig({ councilPack: withMistake(), packId: 'testshire' }, {});
    expect(config.councilPack).toBeUndefined();
    expect(config.settings.councilPack).toBeUndefined();
    expect(config.councilPackProblems.length).toBeGreaterThan(0);
    expect(checkSetup(config.settings, defaultCalendar)).toBeNull();
  });

  it('policy text that is not JSON is refused as such', () => {
    const config = activeConfig({}, { councilPack: '{ "format": ' });
    expect(config.councilPackProblems[0]).toMatchObject({ path: '$', message: expect.stringMatching(/^not JSON/) as unknown as string });
  });
});
