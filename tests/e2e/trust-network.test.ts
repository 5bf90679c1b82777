// Nothing leaves the machine. Every target in the browser (case pages and their
// frames, the side panel, the options page, the service worker, any worker) is
// watched through the DevTools protocol from the moment it starts, during a whole
// journey through an assessment. The case pages may talk to the demo case system
// (their own server); the extension's targets make no network request at all.

import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { eventually, isServiceWorkerOf, readRecord, readRecords, stopServiceWorker } from '../fixtures/hostile/probe';
import { startTrustHarness } from '../fixtures/hostile/harness';
import { readFact } from '../../lib/model';
import { E2E_WAIT_MS } from '../support/sizing';

interface Seen {
  /** The kind of target that made the request: page, iframe, service_worker, worker, browser_ui … */
  targetType: string;
  /** The document (or worker script) the request was made for. */
  documentURL: string;
  url: string;
}

interface Watch {
  requests: Seen[];
  /** Targets whose network is watched, by type, e.g. { page: 5, service_worker: 1 }. */
  watched: Map<string, number>;
}

type AttachedEvent = { sessionId: string; targetInfo: { type: string; url: string }; waitingForDebugger: boolean };

/**
 * Attaches to every existing and future target (and, through them, their frames and
 * workers), pausing each new one until Network is enabled, so no request is missed.
 */
async function watchNetwork(browser: Browser): Promise<Watch> {
  const watch: Watch = { requests: [], watched: new Map() };
  const root = await browser.target().createCDPSession();
  const connection = root.connection();
  if (!connection) throw new Error('no CDP connection');

  const onAttached = ({ sessionId, targetInfo, waitingForDebugger }: AttachedEvent): void => {
    const session = connection.session(sessionId);
    if (!session) return;
    const record = (url: string, documentURL: string | undefined) =>
      watch.requests.push({ targetType: targetInfo.type, documentURL: documentURL ?? targetInfo.url, url });
    session.on('Network.requestWillBeSent', (e: { request: { url: string }; documentURL?: string }) => record(e.request.url, e.documentURL));
    session.on('Network.webSocketCreated', (e: { url: string }) => record(e.url, undefined));
    session.on('Target.attachedToTarget', onAttached);
    void (async () => {
      try {
        await session.send('Network.enable');
        watch.watched.set(targetInfo.type, (watch.watched.get(targetInfo.type) ?? 0) + 1);
        // Frames in other processes and workers started by this target.
        await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
      } catch {
        // The target went away while we attached: nothing more to watch.
      } finally {
        if (waitingForDebugger) await session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
      }
    })();
  };
  root.on('Target.attachedToTarget', onAttached);
  // On the browser target this attaches to every target there is and every new one.
  await root.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  return watch;
}

/** Schemes that reach a network (anything else is a browser-internal or packaged resource). */
const NETWORK = /^(https?|wss?|ftp):/i;

let h: Harness;
let watch: Watch;
let origin: string;

beforeAll(async () => {
  h = await startTrustHarness();
  origin = new URL(h.serverUrl).origin;
  // Stop the service worker first, so its next start is watched from its very first line.
  await stopServiceWorker(h.browser, h.extensionId, h.panel);
  watch = await watchNetwork(h.browser);
});
afterAll(async () => {
  await h?.close();
});

const SECTIONS = ['household', 'reasons', 'plan', 'child-protection', 'background', 'profile', 'views', 'analysis', 'manager', 'outcomes'];

async function ready(formId: string, section: string): Promise<void> {
  await h.panel.waitForSelector(`[data-panel-status="ready"][data-assessment="${formId}"][data-section="${section}"]`, { timeout: E2E_WAIT_MS });
}

describe('no request leaves', () => {
  it('during a whole journey: pages reach only their own case system, the extension reaches nothing', async () => {
    const extension = `chrome-extension://${h.extensionId}/`;
    const page: Page = await h.browser.newPage();
    await page.setViewport({ width: 1000, height: 900 });
    for (const section of SECTIONS) {
      await page.goto(`${h.serverUrl}/assessment/SA-1002/${section}`, { waitUntil: 'load' });
      await page.bringToFront();
      await ready('SA-1002', section);
    }
    await h.browser.waitForTarget(isServiceWorkerOf(h.extensionId), { timeout: E2E_WAIT_MS });

    // Change and save a section (a POST to the case system and a redirect).
    await page.goto(`${h.serverUrl}/assessment/SA-1002/household`, { waitUntil: 'load' });
    await page.select('#f-household-interpreterUsed', 'Y');
    await eventually('the change to reach the store', async () => {
      const row = await readRecord(h.panel, 'lcs-demo:SA-1002');
      return row && readFact(row.record, 'household.interpreterUsed') === true;
    });
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form.lcs-form button[type=submit]')]);
    await ready('SA-1002', 'household');

    // The 2.5 frame: tick a box inside it.
    await page.goto(`${h.serverUrl}/assessment/SA-1002/background`, { waitUntil: 'load' });
    await ready('SA-1002', 'background');
    const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
    await (await frame.waitForSelector('input[type=checkbox]'))!.click();

    // The work tray, the manager view, "Show me", and the options page's "Clear all data".
    await page.goto(`${h.serverUrl}/`, { waitUntil: 'load' });
    await page.goto(`${h.serverUrl}/assessment/SA-1002/plan`, { waitUntil: 'load' });
    await ready('SA-1002', 'plan');
    // (A DOM click: the panel tab is in the background, where a mouse click would wait for a frame.)
    const showMe = await h.panel.$('[data-show-me="here"]');
    expect(showMe).not.toBeNull();
    await showMe!.evaluate((b) => (b as HTMLButtonElement).click());
    await h.panel.waitForSelector('[data-show-me-result]', { timeout: E2E_WAIT_MS });
    const manager = await h.browser.newPage();
    await manager.goto(`${extension}sidepanel.html?view=manager`, { waitUntil: 'load' });
    const options = await h.browser.newPage();
    await options.goto(`${extension}options.html`, { waitUntil: 'load' });
    await options.waitForFunction(() => document.body.innerText.includes('1 assessment is stored'), { timeout: E2E_WAIT_MS });
    // "Clear all data", confirmed: the store is empty.
    const clickButton = (text: string) =>
      options.evaluate((t: string) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === t);
        if (!button) throw new Error(`no button "${t}"`);
        button.click();
      }, text);
    await clickButton('Clear all data');
    await options.waitForFunction(() => document.body.innerText.includes('Confirm: delete all'), { timeout: E2E_WAIT_MS });
    await clickButton('Confirm: delete all');
    await options.waitForFunction(() => document.body.innerText.includes('No assessments are stored'), { timeout: E2E_WAIT_MS });
    expect(await readRecords(h.panel)).toEqual([]);

    // The watch saw the journey: case pages' requests, and the service worker's restart.
    expect(watch.requests.filter((r) => r.url.startsWith(origin)).length).toBeGreaterThan(SECTIONS.length);
    expect(watch.watched.get('service_worker') ?? 0).toBeGreaterThanOrEqual(1);

    const extensionMade = watch.requests.filter((r) => r.documentURL.startsWith(extension) || r.targetType === 'service_worker');
    expect(extensionMade.length).toBeGreaterThan(0);
    // The extension's pages and worker: only their own packaged files, never the network.
    expect(extensionMade.filter((r) => !r.url.startsWith(extension))).toEqual([]);
    // Anywhere in the browser: the only network requests are case pages asking their own case system.
    const network = watch.requests.filter((r) => NETWORK.test(r.url));
    expect(network.filter((r) => !r.url.startsWith(`${origin}/`) || !r.documentURL.startsWith(`${origin}/`))).toEqual([]);
    await Promise.all([page.close(), manager.close(), options.close()]);
  });

  it('the CSP refuses connections from the extension’s pages and worker even if code tried', async () => {
    const url = `${h.serverUrl}/api/assessments`;
    const fromPanel = await h.panel.evaluate(async (target: string) => {
      const fetched = await fetch(target).then(
        () => 'sent',
        () => 'refused',
      );
      const socket = await new Promise<string>((resolve) => {
        try {
          const ws = new WebSocket(target.replace(/^http/, 'ws'));
          ws.onerror = () => resolve('refused');
          ws.onopen = () => resolve('sent');
        } catch {
          resolve('refused');
        }
      });
      return { fetched, socket };
    }, url);
    expect(fromPanel).toEqual({ fetched: 'refused', socket: 'refused' });
    const worker = await (await h.browser.waitForTarget(isServiceWorkerOf(h.extensionId), { timeout: E2E_WAIT_MS })).worker();
    const fromWorker = await worker!.evaluate((target: string) => fetch(target).then(() => 'sent', () => 'refused'), url);
    expect(fromWorker).toBe('refused');
    // Nothing reached the network while trying.
    expect(watch.requests.filter((r) => r.url === url)).toEqual([]);
  });
});
