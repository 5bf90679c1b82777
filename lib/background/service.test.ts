import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CompanionDb, getStored } from '../store';
import { DEFAULT_SETTINGS, DEMO_ORIGINS } from '../settings';
import { defaultCalendar } from '../calendar';
import { CURRENT_KEY, handleContentMessage, originAllowed, tabActivated, tabNavigated, windowFocused, type ServiceDeps } from './service';
import { STORE_PROBLEM_KEY, currentPageKey, followedPageKey } from '../config/keys';

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
    settings: async () => ({ ...DEFAULT_SETTINGS, origins: DEMO_ORIGINS }),
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

const sender = { id: 'ours', url: 'http://127.0.0.1:4173/assessment/SA-1/reasons', tab: { id: 7, windowId: 1, active: true } };
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

  it('keeps the page "being read" while a read sent in parts has more to come, and stores each part', async () => {
    const d = deps();
    const reading = { people: { done: 2, total: 2 }, fields: { done: 3, total: 3 } };
    const paths = facts.facts.map((f) => f.path);
    const first = { ...facts, facts: facts.facts.slice(0, 2), complete: true, shown: paths, reading };
    expect(await handleContentMessage(d, first, sender)).toMatchObject({ ok: true });
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ assessmentId: 'SA-1', reading, partsToCome: true });
    expect((await getStored(d.db, 'lcs-demo:SA-1'))?.record.dates?.referral).toBe('2026-09-01');
    expect(await handleContentMessage(d, { ...facts, facts: facts.facts.slice(2), complete: false }, sender)).toMatchObject({ ok: true });
    expect(d.sessionData[CURRENT_KEY]).not.toHaveProperty('partsToCome');
    expect(d.sessionData[CURRENT_KEY]).not.toHaveProperty('reading');
    expect((await getStored(d.db, 'lcs-demo:SA-1'))?.pageFacts?.['/assessment/SA-1/reasons']).toEqual(paths);
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

  it('follows a page whose first read is still going, with how far it has got, until its facts arrive', async () => {
    const d = deps();
    const reading = { type: 'reading', caseSystem: 'lcs-demo', assessmentId: 'SA-1', section: 'reasons', pagePath: '/assessment/SA-1/reasons', people: { done: 120, total: 800 }, fields: { done: 0, total: 53 } };
    expect(await handleContentMessage(d, reading, sender)).toMatchObject({ ok: true });
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ state: 'assessment', assessmentId: 'SA-1', reading: { people: { done: 120, total: 800 } } });
    // Nothing is stored for it: it carries no facts.
    expect(await getStored(d.db, 'lcs-demo:SA-1')).toBeUndefined();
    expect(await handleContentMessage(d, { ...reading, people: { done: -1, total: 800 } }, sender)).toMatchObject({ ok: false });
    await handleContentMessage(d, facts, sender);
    expect(d.sessionData[CURRENT_KEY]).not.toHaveProperty('reading');
  });

  it('follows the case page in the tab the worker switches to', async () => {
    const d = deps();
    await handleContentMessage(d, facts, sender);
    await handleContentMessage(d, { type: 'page', state: 'work-tray', pagePath: '/' }, { ...sender, tab: { id: 8, windowId: 1, active: true } });
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ tabId: 8, state: 'work-tray' });
    await tabActivated(d, 7);
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ tabId: 7, assessmentId: 'SA-1' });
  });
});

describe('the panel follows the tab the worker is looking at, in its own window', () => {
  const read = (assessmentId: string) => ({ ...facts, assessmentId, pagePath: `/assessment/${assessmentId}/reasons` });
  const from = (id: number, windowId: number, active: boolean) => ({ ...sender, url: `http://127.0.0.1:4173/assessment/x/reasons`, tab: { id, windowId, active } });

  it('a tab that loads behind the one on screen does not take the panel away', async () => {
    const d = deps();
    await handleContentMessage(d, read('SA-1003'), from(3, 1, true));
    await handleContentMessage(d, read('SA-1002'), from(2, 1, false));
    expect(d.sessionData[currentPageKey(1)]).toMatchObject({ tabId: 3, assessmentId: 'SA-1003' });
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ assessmentId: 'SA-1003' });
    // ...but the panel gets it when the worker switches to that tab.
    await tabActivated(d, 2, 1);
    expect(d.sessionData[currentPageKey(1)]).toMatchObject({ tabId: 2, assessmentId: 'SA-1002' });
  });

  it('each window’s panel keeps its own window’s case; the panel opened as a page follows the window last used', async () => {
    const d = deps();
    await handleContentMessage(d, read('SA-1001'), from(1, 10, true));
    await handleContentMessage(d, read('SA-1002'), from(2, 20, true));
    expect(d.sessionData[currentPageKey(10)]).toMatchObject({ assessmentId: 'SA-1001' });
    expect(d.sessionData[currentPageKey(20)]).toMatchObject({ assessmentId: 'SA-1002' });
    await windowFocused(d, 10);
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ assessmentId: 'SA-1001' });
  });

  it('switching to a tab with no case page leaves that window’s panel with no case', async () => {
    const d = deps();
    await handleContentMessage(d, read('SA-1001'), from(1, 10, true));
    await tabActivated(d, 99, 10);
    expect(d.sessionData[currentPageKey(10)]).toBeNull();
  });

  it('works out which key a panel follows', () => {
    expect(followedPageKey('', 5, false)).toBe(currentPageKey(5));
    expect(followedPageKey('?window=7', 5, true)).toBe(currentPageKey(7));
    expect(followedPageKey('', 5, true)).toBe(CURRENT_KEY);
    expect(followedPageKey('?window=x', undefined, false)).toBe(CURRENT_KEY);
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

describe('faults', () => {
  it('a full store (IndexedDB quota) is reported to the panel, not crashed; the next good save clears it', async () => {
    const d = deps();
    const realTransaction = d.db.transaction.bind(d.db);
    const full = Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    (d.db as unknown as { transaction: unknown }).transaction = () => Promise.reject(Object.assign(new Error('Dexie wrapper'), { name: 'AbortError', inner: full }));
    expect(await handleContentMessage(d, facts, sender)).toEqual({ ok: false, error: 'the browser’s storage for the extension is full' });
    expect(d.sessionData[STORE_PROBLEM_KEY]).toBe('full');
    (d.db as unknown as { transaction: unknown }).transaction = realTransaction;
    expect(await handleContentMessage(d, facts, sender)).toMatchObject({ ok: true });
    expect(d.sessionData[STORE_PROBLEM_KEY]).toBeNull();
  });
});

describe('tabNavigated', () => {
  it('a tab that leaves the case system no longer shows its case in the panel; a page on the case system is left to its reader', async () => {
    const d = deps();
    await handleContentMessage(d, facts, sender);
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ state: 'assessment', assessmentId: 'SA-1' });
    await tabNavigated(d, 7, 'http://127.0.0.1:4173/assessment/SA-1/plan', { windowId: 1, active: true });
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ state: 'assessment', assessmentId: 'SA-1' });
    // A site the browser does not name to us (no access to it): no address at all.
    await tabNavigated(d, 7, undefined, { windowId: 1, active: true });
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ tabId: 7, state: 'unrecognised' });
    expect(d.sessionData[CURRENT_KEY]).not.toHaveProperty('assessmentId');
    expect(d.sessionData[currentPageKey(1)]).toMatchObject({ state: 'unrecognised' });
  });

  it('another tab leaving somewhere else changes nothing', async () => {
    const d = deps();
    await handleContentMessage(d, facts, sender);
    await tabNavigated(d, 8, 'https://news.example/', { windowId: 1, active: false });
    expect(d.sessionData[CURRENT_KEY]).toMatchObject({ tabId: 7, state: 'assessment' });
  });
});
