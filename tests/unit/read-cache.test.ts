// @vitest-environment jsdom
// A read reuses the last read's indexes (ReadCache) until the page's structure changes:
// typed values are always read afresh, and a new row, a new label or a renamed header is
// seen as soon as the page shows it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadCache, extract } from '../../lib/adapters/extractor';
import type { FieldMap } from '../../lib/adapters/field-map-schema';
import bundledMap from '../../lib/adapters/maps/lcs-demo.json';
import { startPageReader, type PageReader } from '../../lib/content/page-reader';
import { readerStorage } from '../support/reader-storage';

// Reads here take no time on the reader's clock: one slice each, no back-off, whatever the machine is doing.
const noTime = () => 0;

const map = bundledMap as unknown as FieldMap;
const html = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', 'sa-1002-household.html'), 'utf8');
const URL_PATH = '/assessment/SA-1002/household';

function load(): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  window.history.replaceState(null, '', URL_PATH);
}

const fact = (facts: Array<{ path: string; value: unknown }> | undefined, path: string) => facts?.find((f) => f.path === path)?.value;
const read = (cache?: ReadCache) => extract(document, location.href, map, new Date('2026-11-23T10:00:00Z'), { frames: false, ...(cache ? { cache } : {}) });

function addPerson(pid: string, role: string): void {
  const rows = document.querySelectorAll('#household-members tbody tr');
  const last = rows[rows.length - 1] as HTMLTableRowElement;
  const copy = last.cloneNode(true) as HTMLTableRowElement;
  const from = last.getAttribute('data-person-id') ?? '';
  // The same row for another person: every id, name and text that carries the person id.
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    for (const a of [...el.attributes]) el.setAttribute(a.name, a.value.split(from).join(pid));
    for (const n of el.childNodes) if (n.nodeType === 3) n.nodeValue = (n.nodeValue ?? '').split(from).join(pid);
  }
  last.after(copy);
  (copy.querySelector(`select[name="household.person.${pid}.role"]`) as HTMLSelectElement).value = role;
}

let reader: PageReader | undefined;
afterEach(() => reader?.stop());

describe('ReadCache', () => {
  it('gives the same facts as a read without it, and reads typed values afresh', () => {
    load();
    const cache = new ReadCache();
    const plain = read();
    expect(read(cache)?.facts).toEqual(plain?.facts);
    const box = document.querySelector('textarea[name="household.communicationNeeds"]') as HTMLTextAreaElement;
    box.value = '';
    expect(fact(read(cache)?.facts, 'household.communicationNeedsRecorded')).toBe(false);
    box.value = 'Needs an interpreter.';
    expect(fact(read(cache)?.facts, 'household.communicationNeedsRecorded')).toBe(true);
    expect(read(cache)?.facts).toEqual(read()?.facts);
  });

  it('sees a new row once cleared', () => {
    load();
    const cache = new ReadCache();
    read(cache);
    addPerson('200299', 'CHILD');
    cache.clear();
    expect(fact(read(cache)?.facts, 'children[200299].isSubject')).toBe(false);
  });
});

describe('the page reader keeps its cache in step with the page', () => {
  const start = () => {
    const sent: Array<{ facts?: Array<{ path: string; value: unknown }> }> = [];
    reader = startPageReader({
      runtime: { id: 'ours', sendMessage: async (m: unknown) => void sent.push(m as (typeof sent)[number]), onMessage: { addListener: () => undefined, removeListener: () => undefined } },
      storage: readerStorage(),
      document,
      window,
      now: noTime,
      quietMs: 5,
    });
    return sent;
  };
  // Waits for what the reader should have sent, not a fixed time: a busy machine reads later.
  const settled = (check: () => void) => vi.waitFor(check, { timeout: 60_000, interval: 10 });

  it('reads a change made just before a read asked for at once', async () => {
    load();
    const sent = start();
    await settled(() => expect(sent.length).toBeGreaterThan(0));
    addPerson('200298', 'MOTHER');
    expect(fact(sent[0]?.facts, 'adults[200204].role')).toBe('mother');
    (document.getElementById('household-members-col-role') as HTMLElement).textContent = 'Relationship';
    reader?.readNow();
    await reader?.idle();
    expect(fact(sent[sent.length - 1]?.facts, 'adults[200204].role')).toBeUndefined();
  });

  it('reads a control that replaced another in the same cell', async () => {
    load();
    const sent = start();
    await settled(() => expect(fact(sent[0]?.facts, 'children[200201].dateOfBirth')).toBe('2020-09-20'));
    const old = document.querySelector('input[name="household.person.200201.dob"]') as HTMLInputElement;
    const fresh = old.cloneNode() as HTMLInputElement;
    fresh.value = '01/02/2021';
    old.replaceWith(fresh);
    await settled(() => expect(fact(sent[sent.length - 1]?.facts, 'children[200201].dateOfBirth')).toBe('2021-02-01'));
  });

  it('reads a renamed role column after the observer sees it', async () => {
    load();
    const sent = start();
    await settled(() => expect(fact(sent[0]?.facts, 'adults[200204].role')).toBe('mother'));
    // The map finds roles by the "Role" column: renamed, the roles are no longer there.
    const header = document.getElementById('household-members-col-role') as HTMLElement;
    header.textContent = 'Relationship';
    await settled(() => expect(fact(sent[sent.length - 1]?.facts, 'adults[200204].role')).toBeUndefined());
  });
});
