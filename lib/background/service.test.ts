import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CompanionDb, getStored } from '../store';
import { DEFAULT_SETTINGS } from '../settings';
import { defaultCalendar } from '../calendar';
import { CURRENT_KEY, handleContentMessage, originAllowed, tabActivated, type ServiceDeps } from './service';

const dbs: CompanionDb[] = [];
let n = 0;
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function deps(): ServiceDeps & { sessionData: Record<string, unknown> } {
  const db = new CompanionDb(`service-${++n}`);
  dbs.push(db);
  const sessionData: Record<string, unknown> = {};
  return {
    db,
    extensionId: 'ours',
    settings: async () => DEFAULT_SETTINGS,
    calendar: async () => defaultCalendar,
    session: {
      get: async (key) => (key in sessionData ? { [key]: sessionData[key] } : {}),
      set: async (items) => {
        Object.assign(sessionData, items);
      },
    },
    now: () => Date.parse('2026-11-23T10:00:00Z'),
    sessionData,
  };
}

const sender = { id: 'ours', url: 'http://127.0.0.1:4173/assessment/SA-1/reasons', tab: { id: 7, windowId: 1 } };
const facts = {
  type: 'facts',
  caseSystem: 'lcs-demo',
  mapId: 'lcs-demo',
  assessmentId: 'SA-1',
  section: 'reasons',
  pagePath: '/assessment/SA-1/reasons',
  topFrame: true,
  facts: [
    { path: 'dates.referral', value: '2026-09-01' },
    { path: 'dates.assessmentDecision', value: null },
    { path: 'dates.completed', value: null },
  ],
  provenance: {},
  notFound: [],
};

describe('handleContentMessage', () => {
  it('stores facts from our content script on a configured origin and follows the page', async () => {
    const d = deps();
    expect(await handleContentMessage(d, facts, sender)).toMatchObject({ ok: true });
    expect((await getStored(d.db, 'lcs-demo:SA-1'))?.record.dates?.referral).toBe('2026-09-01');
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ tabId: 7, state: 'assessment', assessmentId: 'SA-1', section: 'reasons' });
  });

  it('refuses other extensions, pages off the configured origins, and malformed messages', async () => {
    const d = deps();
    expect(await handleContentMessage(d, facts, { ...sender, id: 'someone-else' })).toMatchObject({ ok: false });
    expect(await handleContentMessage(d, facts, { ...sender, url: 'https://evil.example/assessment/SA-1/reasons' })).toMatchObject({ ok: false });
    expect(await handleContentMessage(d, { ...facts, extra: 1 }, sender)).toMatchObject({ ok: false });
    expect(await handleContentMessage(d, { ...facts, section: 'nowhere' }, sender)).toMatchObject({ ok: false });
    expect(await getStored(d.db, 'lcs-demo:SA-1')).toBeUndefined();
  });

  it('gives work tray badges only for assessments it holds, with the next deadline', async () => {
    const d = deps();
    await handleContentMessage(d, facts, sender);
    const reply = await handleContentMessage(d, { type: 'tray-badges', caseSystem: 'lcs-demo', assessmentIds: ['SA-1', 'SA-2'] }, sender);
    expect(reply.ok).toBe(true);
    const badges = (reply as { reply: { badges: Array<{ assessmentId: string; state: string; text: string }> } }).reply.badges;
    expect(badges.map((b) => b.assessmentId)).toEqual(['SA-1']);
    // 45 working days from 1 Sep 2026 is 3 Nov 2026: overdue on 23 Nov.
    expect(badges[0]).toMatchObject({ state: 'overdue', text: 'Overdue: 3 Nov 2026' });
  });

  it('says when an assessment’s deadlines have not been read yet', async () => {
    const d = deps();
    await handleContentMessage(d, { ...facts, facts: [{ path: 'background.genogram', value: true }] }, sender);
    const reply = await handleContentMessage(d, { type: 'tray-badges', caseSystem: 'lcs-demo', assessmentIds: ['SA-1'] }, sender);
    const badges = (reply as { reply: { badges: Array<{ state: string; text: string }> } }).reply.badges;
    expect(badges[0]).toMatchObject({ state: 'unknown', text: 'Deadlines not read yet' });
  });

  it('follows the case page in the tab the worker switches to', async () => {
    const d = deps();
    await handleContentMessage(d, facts, sender);
    await handleContentMessage(d, { type: 'page', state: 'work-tray', pagePath: '/' }, { ...sender, tab: { id: 8, windowId: 1 } });
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ tabId: 8, state: 'work-tray' });
    await tabActivated(d, 7);
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ tabId: 7, assessmentId: 'SA-1' });
  });
});

describe('frames that load after the page', () => {
  it('has the reader put into the sender’s tab, only for our own script on a configured origin', async () => {
    const injected: number[] = [];
    const d = { ...deps(), injectReader: async (tabId: number) => void injected.push(tabId) };
    expect(await handleContentMessage(d, { type: 'frames-loaded' }, sender)).toEqual({ ok: true });
    expect(injected).toEqual([7]);
    expect((await handleContentMessage(d, { type: 'frames-loaded' }, { ...sender, url: 'https://example.com/' })).ok).toBe(false);
    expect((await handleContentMessage(d, { type: 'frames-loaded' }, { ...sender, id: 'someone-else' })).ok).toBe(false);
    expect(injected).toEqual([7]);
  });
  it('does nothing where the browser starts the reader in each frame itself (Firefox)', async () => {
    expect(await handleContentMessage(deps(), { type: 'frames-loaded' }, sender)).toEqual({ ok: true });
  });
});

describe('originAllowed', () => {
  it('matches scheme, host, subdomain wildcards and ports', () => {
    expect(originAllowed('http://127.0.0.1:4173/x', ['http://127.0.0.1/*'])).toBe(true);
    expect(originAllowed('https://127.0.0.1/x', ['http://127.0.0.1/*'])).toBe(false);
    expect(originAllowed('https://lcs.derby.gov.uk/a', ['https://*.derby.gov.uk/*'])).toBe(true);
    expect(originAllowed('https://derby.gov.uk.evil.example/a', ['https://*.derby.gov.uk/*'])).toBe(false);
    expect(originAllowed('https://lcs.example:8443/a', ['https://lcs.example:8443/*'])).toBe(true);
    expect(originAllowed('https://lcs.example/a', ['https://lcs.example:8443/*'])).toBe(false);
    expect(originAllowed(undefined, ['http://127.0.0.1/*'])).toBe(false);
  });
});
