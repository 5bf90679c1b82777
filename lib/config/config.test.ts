import { describe, expect, it } from 'vitest';
import { activeConfig, bundledFieldMap, fieldMapInUse, loadActiveConfig, storeImportedMap, storeMapInForce, type MapStorage } from '.';

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
    const local: Record<string, unknown> = { readerFieldMap: good, activeFieldMapSource: 'policy' };
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

/** A browser's storage.local in memory; `quota` characters of JSON in all, as Chrome counts its 10 MB. */
function fakeLocal(quota = Infinity): MapStorage & { data: Record<string, unknown>; writes: number } {
  const data: Record<string, unknown> = {};
  const size = (d: Record<string, unknown>) => Object.entries(d).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
  return {
    data,
    writes: 0,
    async get(keys: string[]) {
      return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
    },
    async set(items: Record<string, unknown>) {
      if (size({ ...data, ...items }) > quota) throw new Error('Resource::kQuotaBytes quota exceeded');
      this.writes += 1;
      Object.assign(data, items);
    },
    async remove(keys: string[]) {
      for (const k of keys) delete data[k];
    },
  };
}
const load = (local: ReturnType<typeof fakeLocal>, session: Record<string, unknown> = {}, managed: Record<string, unknown> = {}) =>
  loadActiveConfig({ storage: { local, managed: { get: async () => managed }, session: { get: async () => session } }, runtime: { getManifest: () => ({}) } });

describe('one stored copy of the map (issue 24, item 3)', () => {
  const good = { ...bundledFieldMap(), id: 'council-map', version: '2.0.0' };
  const copies = (data: Record<string, unknown>) => JSON.stringify(data).split('"id":"council-map"').length - 1;

  it('an imported map is stored once: the options page stores it where the reader reads it, and the background adds no copy', async () => {
    const local = fakeLocal();
    await storeImportedMap(local, good);
    const config = await load(local);
    expect(config.fieldMap.id).toBe('council-map');
    expect(config.fieldMapSource).toBe('imported');
    expect(await storeMapInForce(local, config)).toBeNull();
    expect(copies(local.data)).toBe(1);
    expect(Object.keys(local.data).sort()).toEqual(['activeFieldMapSource', 'readerFieldMap']);
  });

  it('moves a map an earlier version kept in the settings out of them, and drops its second copy', async () => {
    const local = fakeLocal();
    Object.assign(local.data, { settings: { fieldMap: good, retentionDays: 30 }, activeFieldMap: good, readerFieldMap: good });
    const config = await load(local);
    expect(await storeMapInForce(local, config)).toBeNull();
    expect(copies(local.data)).toBe(1);
    expect(local.data.settings).toEqual({ retentionDays: 30 });
    expect((await load(local)).fieldMap.id).toBe('council-map');
  });

  it('stores the map in force only when it is not stored already', async () => {
    const local = fakeLocal();
    const config = await load(local);
    await storeMapInForce(local, config);
    const writes = local.writes;
    await storeMapInForce(local, await load(local));
    expect(local.writes).toBe(writes);
  });

  it('a policy map, a valid one near the size limit, fits in the browser’s 10 MB with room to spare', async () => {
    const local = fakeLocal(10 * 1024 * 1024);
    const config = await load(local, {}, { fieldMap: good });
    expect(await storeMapInForce(local, config)).toBeNull();
    expect(copies(local.data)).toBe(1);
  });

  it('a write the browser refuses is returned in its words, never thrown, and the panel line says so', async () => {
    const local = fakeLocal(10);
    const config = await load(local, {}, { fieldMap: good });
    const problem = await storeMapInForce(local, config);
    expect(problem).toMatch(/quota exceeded/);
    await expect(storeImportedMap(local, good)).rejects.toThrow(/quota exceeded/);
    const shown = await load(local, { settingsProblem: problem }, { fieldMap: good });
    expect(shown.fieldMap.id).toBe('council-map');
    expect(fieldMapInUse(shown)).toMatch(/Settings could not be saved: Resource::kQuotaBytes quota exceeded\./);
  });

  it('a policy map over the limits is refused, and the panel line says which limit, with its JSON path', () => {
    const config = activeConfig({}, { fieldMap: { ...good, description: 'x'.repeat(1_000_001) } });
    expect(config.fieldMapSource).toBe('bundled');
    expect(fieldMapInUse(config)).toMatch(/The map set by your organisation was not used: \$ the map is [\d,]+ characters long; at most 1,000,000 are allowed\./);
  });
});
