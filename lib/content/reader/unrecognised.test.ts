// @vitest-environment jsdom
// A page that is not an assessment: said once, with its path cut to the limit; the work
// tray asks for badges only for the rows shown at load, and again only when its list changes.
import { describe, expect, it, vi } from 'vitest';
import type { FieldMap } from '../../adapters/field-map-schema';
import bundledMap from '../../adapters/maps/lcs-demo.json';
import { READ_LIMITS } from '../../messages/limits';
import { LastSent } from './last-sent';
import { unrecognisedPage } from './unrecognised';

const map = bundledMap as unknown as FieldMap;

/** The page's body from markup (a test's own, never page text). */
function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
}

function tray(ids: string[]): void {
  const rows = ids.map((id) => `<tr><td>${id}</td><td>Child and Family Assessment – Child in Need</td><td>01/11/2026</td><td>A Worker</td><td></td></tr>`).join('');
  setBody(`<table><caption>Single Assessments</caption><thead><tr><th>Form ID</th><th>Assessment</th><th>Referral date</th><th>Worker</th><th>Due</th></tr></thead><tbody>${rows}</tbody></table>`);
}

function setUp() {
  const send = vi.fn();
  const ask = vi.fn(async (_message: unknown) => ({ badges: [] }));
  const sent = new LastSent();
  return { send, ask, sent, tell: unrecognisedPage({ doc: document, win: window, sent, send, ask }) };
}

describe('unrecognisedPage', () => {
  it('says once that the page is not recognised, with its path cut to the limit', () => {
    window.history.replaceState(null, '', `/elsewhere/${'x'.repeat(READ_LIMITS.pagePath)}`);
    document.body.replaceChildren();
    const { send, tell } = setUp();
    tell(window.location.href, map);
    tell(window.location.href, map);
    expect(send).toHaveBeenCalledOnce();
    expect(send.mock.calls[0]?.[0]).toMatchObject({ type: 'page', state: 'unrecognised' });
    expect((send.mock.calls[0]?.[0] as { pagePath: string }).pagePath).toHaveLength(READ_LIMITS.pagePath);
  });

  it('asks for the work tray’s badges for the rows shown at load, again only when the list changes', () => {
    window.history.replaceState(null, '', '/');
    const { send, ask, tell } = setUp();
    tray(['SA-1', 'SA-2']);
    tell(window.location.href, map);
    tell(window.location.href, map);
    expect(send).toHaveBeenCalledWith({ type: 'page', state: 'work-tray', pagePath: '/' });
    expect(ask).toHaveBeenCalledOnce();
    expect(ask.mock.calls[0]?.[0]).toMatchObject({ type: 'tray-badges', assessmentIds: ['SA-1', 'SA-2'] });
    tray(['SA-1', 'SA-3']);
    tell(window.location.href, map);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(ask.mock.calls[1]?.[0]).toMatchObject({ assessmentIds: ['SA-1'] });
  });
});
