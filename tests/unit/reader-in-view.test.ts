// @vitest-environment jsdom
// Issue 22, item 5: on a page that shows several parts of the form at once (an older WebForms
// style), "open now" is the part the worker is in, not every part the page holds. The real
// reader and the real background: focusing a field in one part makes that part the one in view.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPageReader, type PageReader, type ReaderDeps } from '../../lib/content/page-reader';
import { handleContentMessage, type ServiceDeps } from '../../lib/background/service';
import { CompanionDb } from '../../lib/store';
import { DEFAULT_SETTINGS, DEMO_ORIGINS } from '../../lib/settings';
import { defaultCalendar } from '../../lib/calendar';
import { CURRENT_KEY } from '../../lib/config/keys';
import { CurrentPageSchema } from '../../lib/messages';
import { sectionsOpenNow } from '../../components/parts';
import type { FieldMap } from '../../lib/adapters/field-map-schema';
import { readerStorage } from '../support/reader-storage';

const HOSTS = join(import.meta.dirname, '..', 'fixtures', 'hosts');
const ORIGIN = 'http://127.0.0.1:4173';
const map = JSON.parse(readFileSync(join(HOSTS, 'webforms-map.json'), 'utf8')) as FieldMap;

const dbs: CompanionDb[] = [];
const readers: PageReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) r.stop();
  for (const db of dbs.splice(0)) await db.delete();
});

/** Step 1 of the WebForms-like page, with its household tab open (both parts on screen) and a control in it. */
function loadStep1(): void {
  const parsed = new DOMParser().parseFromString(readFileSync(join(HOSTS, 'webforms-step1.html'), 'utf8'), 'text/html');
  const household = parsed.getElementById('ctl00_pnlHousehold')!;
  household.removeAttribute('style');
  const add = parsed.createElement('button');
  add.type = 'button';
  add.id = 'add-person';
  add.textContent = 'Add a person';
  household.appendChild(add);
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  window.history.replaceState(null, '', '/CSC/Assessment.aspx?id=SA-77&step=1');
}

function background(): { bg: ServiceDeps; session: Record<string, unknown> } {
  const db = new CompanionDb(`reader-in-view-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  const session: Record<string, unknown> = {};
  return {
    session,
    bg: {
      db,
      extensionId: 'ours',
      settings: async () => ({ ...DEFAULT_SETTINGS, origins: DEMO_ORIGINS }),
      calendar: async () => defaultCalendar,
      session: { get: async (key) => (key in session ? { [key]: session[key] } : {}), set: async (items) => void Object.assign(session, items) },
    },
  };
}

/** The background's answers not yet given: a test waits for them, never for a fixed time (the store's work takes longer on a busy machine). */
const answering = new Set<Promise<unknown>>();

function tab(bg: ServiceDeps): { reader: PageReader; sent: Record<string, unknown>[] } {
  const sent: Record<string, unknown>[] = [];
  const runtime: ReaderDeps['runtime'] = {
    id: 'ours',
    sendMessage: (message: unknown) => {
      sent.push(message as Record<string, unknown>);
      const answer = (async () => {
        const result = await handleContentMessage(bg, message, { id: 'ours', url: `${ORIGIN}${window.location.pathname}${window.location.search}`, tab: { id: 1, windowId: 1, active: true } });
        if (!result.ok) throw new Error(result.error);
        return result.reply;
      })();
      answering.add(answer);
      void answer.finally(() => answering.delete(answer)).catch(() => undefined);
      return answer;
    },
    onMessage: { addListener: () => undefined, removeListener: () => undefined },
  };
  const reader = startPageReader({ runtime, storage: readerStorage(map), document, window, now: () => 0 });
  readers.push(reader);
  return { reader, sent };
}

/** Lets the reader's own timers fire, then waits until it is idle and the background has answered everything sent. */
const settle = async (reader: PageReader) => {
  await new Promise((r) => setTimeout(r, 60));
  await reader.idle();
  while (answering.size > 0) await Promise.allSettled([...answering]);
};

describe('the part of the page in view', () => {
  it('follows the focused field on a page showing several parts, and only the part in view is open now', async () => {
    loadStep1();
    const { bg, session } = background();
    const { reader, sent } = tab(bg);
    await settle(reader);
    const current = () => CurrentPageSchema.parse(session[CURRENT_KEY]);
    // Before the worker is anywhere on the page, every part it shows is open.
    expect(current().sections).toEqual(['reasons', 'household']);
    expect(sectionsOpenNow(current())).toEqual(['reasons', 'household']);

    document.getElementById('add-person')!.focus();
    await settle(reader);
    expect(current().inView).toBe('household');
    expect(sectionsOpenNow(current())).toEqual(['household']);

    (document.getElementById('ctl00_txtRefDate') as HTMLInputElement).focus();
    await settle(reader);
    expect(current().inView).toBe('reasons');
    expect(sectionsOpenNow(current())).toEqual(['reasons']);
    // Said once per change: focusing another field in the same part sends nothing more.
    (document.getElementById('ctl00_txtDecision') as HTMLInputElement).focus();
    await settle(reader);
    expect(sent.filter((m) => m.type === 'in-view').map((m) => m.section)).toEqual(['household', 'reasons']);

    // A later read of the page (a change) keeps the part in view.
    (document.getElementById('ctl00_txtDecision') as HTMLInputElement).value = '04/11/2026';
    reader.readNow();
    await settle(reader);
    expect(current().inView).toBe('reasons');
  });
});
