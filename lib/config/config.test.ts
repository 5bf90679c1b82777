import { describe, expect, it } from 'vitest';
import { activeConfig, bundledFieldMap, fieldMapInUse, loadActiveConfig } from '.';

describe('activeConfig', () => {
  const good = { ...bundledFieldMap(), id: 'council-map', version: '2.0.0' };

  it('uses the demo map when no map is set', () => {
    expect(activeConfig({}, {}).fieldMap.id).toBe('lcs-demo');
  });

  it('uses a valid imported map', () => {
    const config = activeConfig({ fieldMap: good }, {});
    expect(config.fieldMap.id).toBe('council-map');
    expect(config.fieldMapSource).toBe('imported');
  });

  it('keeps the last good map when a new one is bad, and says why with JSON paths', () => {
    const bad = { ...good, fields: [{ fact: 'dates.refferal', find: { label: 'Referral' } }] };
    const config = activeConfig({}, { fieldMap: bad }, { map: good, source: 'policy' });
    expect(config.fieldMap.id).toBe('council-map');
    expect(config.fieldMapProblems[0]?.path).toMatch(/^\$\.fields\[0\]/);
    expect(config.locked).toContain('fieldMap');
    expect(config.fieldMapSource).toBe('policy');
    expect(config.fieldMapKept).toBe(true);
  });

  it('gives the panel and the options page the map the background keeps in force, not the demo map, when a policy map is bad', async () => {
    const bad = { ...good, fields: [{ fact: 'dates.refferal', find: { label: 'Referral' } }] };
    // What the background stored when the good policy map came into force.
    const local: Record<string, unknown> = { activeFieldMap: good, activeFieldMapSource: 'policy' };
    const storage = {
      local: { get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in local).map((k) => [k, local[k]])) },
      managed: { get: async () => ({ fieldMap: bad }) },
    };
    const config = await loadActiveConfig({ storage, runtime: { getManifest: () => ({}) } });
    expect(config.fieldMap.id).toBe('council-map');
    expect(config.fieldMapSource).toBe('policy');
    expect(config.fieldMapKept).toBe(true);
    expect(config.fieldMapProblems[0]?.path).toMatch(/fields\[0\]/);
  });

  it('a policy map wins over the user’s and is marked as the organisation’s', () => {
    const config = activeConfig({ fieldMap: bundledFieldMap() }, { fieldMap: good });
    expect(config.fieldMap.id).toBe('council-map');
    expect(config.fieldMapSource).toBe('policy');
  });

  it('uses an imported bank-holiday feed and refuses a bad one with its path', () => {
    const feed = { 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'New Year’s Day', date: '2028-01-03' }] } };
    expect(activeConfig({ holidayFeed: feed }, {}).holidayDates).toEqual(['2028-01-03']);
    const bad = activeConfig({ holidayFeed: { 'england-and-wales': { events: [{ title: 'x', date: '2028-02-30' }] } } }, {});
    expect(bad.holidaySource).toBe('bundled');
    expect(bad.holidayProblems[0]?.path).toContain('events[0].date');
  });
});

describe('policy JSON text', () => {
  const good = { ...bundledFieldMap(), id: 'council-map', version: '2.0.0' };
  it('takes a policy map and holiday feed given as JSON text (how policy carries them whole)', () => {
    const feed = { 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'New Year’s Day', date: '2028-01-03' }] } };
    const config = activeConfig({}, { fieldMap: JSON.stringify(good), holidayFeed: JSON.stringify(feed) });
    expect(config.fieldMap.id).toBe('council-map');
    expect(config.fieldMapSource).toBe('policy');
    expect(config.holidayDates).toEqual(['2028-01-03']);
    expect(config.holidaySource).toBe('policy');
  });

  it('says when policy JSON text is not JSON, and keeps the map in use', () => {
    const config = activeConfig({}, { fieldMap: '{"format": ' }, { map: good, source: 'policy' });
    expect(config.fieldMap.id).toBe('council-map');
    expect(config.fieldMapProblems.map((p) => p.message).join(' ')).toMatch(/not valid JSON/);
  });
});

describe('fieldMapInUse', () => {
  it('says which map is in use and where it came from', () => {
    const config = activeConfig({}, {});
    expect(fieldMapInUse(config)).toMatch(/^Field map in use: lcs-demo version [\d.]+, the built-in demo map\.$/);
    const kept = activeConfig({}, { fieldMap: { bad: true } }, { map: { ...bundledFieldMap(), id: 'council-map' }, source: 'policy' });
    expect(fieldMapInUse(kept)).toContain('council-map');
    expect(fieldMapInUse(kept)).toContain('set by your organisation');
    expect(fieldMapInUse(kept)).toContain('A newer map has mistakes');
  });

  it('case system addresses default to what the build grants: the demo origins in the demo build, none in production', async () => {
    const storage = { local: { get: async () => ({}) } };
    const production = await loadActiveConfig({ storage, runtime: { getManifest: () => ({ permissions: ['storage'] }) } });
    expect(production.settings.origins).toEqual([]);
    const demo = await loadActiveConfig({ storage, runtime: { getManifest: () => ({ host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'] }) } });
    expect(demo.settings.origins).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    // Firefox (Manifest V2) lists host access among its permissions.
    const firefox = await loadActiveConfig({ storage, runtime: { getManifest: () => ({ permissions: ['storage', 'http://127.0.0.1/*'] }) } });
    expect(firefox.settings.origins).toEqual(['http://127.0.0.1/*']);
    // A council's origin set by policy is in force in either build.
    const policy = activeConfig({}, { origins: ['https://lcs.council.gov.uk/*'] }, undefined, []);
    expect(policy.settings.origins).toEqual(['https://lcs.council.gov.uk/*']);
  });
});
