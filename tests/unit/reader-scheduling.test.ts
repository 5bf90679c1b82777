// @vitest-environment jsdom
// The page reader's scheduling: reads in slices that hand the thread back to the page,
// back-off after costly reads, changes no field can be in skipped, and only the household
// rows that changed read again. Time here is the reader's own clock, set by each test:
// nothing is timed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extract, extractSteps, ReadCache } from '../../lib/adapters/extractor';
import type { FieldMap } from '../../lib/adapters/field-map-schema';
import bundledMap from '../../lib/adapters/maps/lcs-demo.json';
import { BACK_OFF, MAX_BACK_OFF_MS, PROGRESS_EVERY_MS, SLICE_MS, pageYield, startPageReader, type PageReader } from '../../lib/content/page-reader';
import { readerStorage } from '../support/reader-storage';

const map = bundledMap as unknown as FieldMap;
const html = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', 'sa-1002-household.html'), 'utf8');
const NOW = new Date('2026-11-23T10:00:00Z');

function load(): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  window.history.replaceState(null, '', '/assessment/SA-1002/household');
}

type Count = { done: number; total: number };
type Sent = { type?: string; facts?: { path: string; value: unknown }[]; provenance?: Record<string, unknown>; complete?: boolean; shown?: string[]; reading?: { people: Count; fields: Count }; notFound?: unknown[]; assessmentId?: string; people?: Count; fields?: Count };

/** A reader whose clock moves `stepMs` each time it is read, and whose hand-backs to the page are counted. */
function start(stepMs: number, options: { partFacts?: number; pause?: (ms: number) => Promise<void>; onTurn?: () => void } = {}) {
  const sent: Sent[] = [];
  let t = 0;
  let yields = 0;
  reader = startPageReader({
    runtime: { id: 'ours', sendMessage: async (m: unknown) => void sent.push(m as Sent), onMessage: { addListener: () => undefined, removeListener: () => undefined } },
    storage: readerStorage(),
    document,
    window,
    quietMs: 5,
    now: () => (t += stepMs),
    ...(options.partFacts !== undefined ? { partFacts: options.partFacts } : {}),
    ...(options.pause ? { pause: options.pause } : {}),
    yieldToPage: () => {
      yields += 1;
      options.onTurn?.();
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
  });
  return { sent, yields: () => yields };
}

const factsOf = (sent: readonly Sent[]) => new Map(sent.flatMap((m) => m.facts ?? []).map((f) => [f.path, f.value]));
const settle = async () => {
  await new Promise((r) => setTimeout(r, 30));
  await reader?.idle();
};

let reader: PageReader | undefined;
afterEach(() => {
  reader?.stop();
  vi.useRealTimers();
});

describe('a read in steps', () => {
  it('gives what extract() gives, with or without row memos', () => {
    load();
    const whole = extract(document, location.href, map, NOW, { frames: false });
    const steps = extractSteps(document, location.href, map, NOW, { frames: false, cache: new ReadCache({ rows: true }) });
    let n = 0;
    let step = steps.next();
    while (!step.done) {
      n += 1;
      step = steps.next();
    }
    expect(n).toBeGreaterThan(10);
    expect(step.value?.facts).toEqual(whole?.facts);
    expect(step.value?.notFound).toEqual(whole?.notFound);
  });

  it('gives a memo only while its row is unchanged: touch() reads the row again', () => {
    load();
    const cache = new ReadCache({ rows: true });
    const read = () => new Map(extract(document, location.href, map, NOW, { frames: false, cache })?.facts.map((f) => [f.path, f.value]));
    expect(read().get('children[200201].dateOfBirth')).toBe('2020-09-20');
    const dob = document.querySelector('input[name="household.person.200201.dob"]') as HTMLInputElement;
    dob.value = '01/02/2021';
    cache.touch(dob);
    expect(read().get('children[200201].dateOfBirth')).toBe('2021-02-01');
    expect([...read()]).toEqual([...new Map(extract(document, location.href, map, NOW, { frames: false })?.facts.map((f) => [f.path, f.value]))]);
  });
});

describe('the page reader', () => {
  it('hands the thread back to the page between slices, and sends the read once it is done', async () => {
    load();
    // Each look at the clock costs a third of a slice: a read of this page takes many slices.
    const { sent, yields } = start(SLICE_MS / 3);
    await settle();
    expect(yields()).toBeGreaterThan(3);
    expect(reader?.lastRead?.slices).toBeGreaterThan(3);
    const whole = extract(document, location.href, map, NOW, { frames: false });
    // One facts message for the read, with every fact, however many slices it took (after word of how far it had got).
    const factsMessages = sent.filter((m) => m.type === 'facts');
    expect(factsMessages).toHaveLength(1);
    expect(factsMessages[0]?.complete).toBe(true);
    expect(sent.at(-1)).toBe(factsMessages[0]);
    expect(factsOf(sent)).toEqual(new Map(whole?.facts.map((f) => [f.path, f.value])));
  });

  it('tells the panel how far a first read in several slices has got, before its facts, and not on later reads', async () => {
    load();
    // Each look at the clock costs a third of the progress interval: every few steps may say how far the read has got.
    const { sent } = start(PROGRESS_EVERY_MS / 3);
    await settle();
    const progress = sent.filter((m) => m.type === 'reading');
    expect(progress.length).toBeGreaterThan(1);
    expect(sent.at(-1)?.type).toBe('facts');
    expect(progress.every((m) => m.assessmentId === 'SA-1002')).toBe(true);
    // The counts only go up, and never past what was found.
    const people = progress.map((m) => m.people as Count);
    for (let i = 1; i < people.length; i++) expect(people[i]!.done).toBeGreaterThanOrEqual(people[i - 1]!.done);
    for (const m of progress) {
      // Something found to count, always: never a bare "Reading this page."
      expect(m.people!.total + m.fields!.total).toBeGreaterThan(0);
      expect(m.people!.done).toBeLessThanOrEqual(m.people!.total);
      expect(m.fields!.done).toBeLessThanOrEqual(m.fields!.total);
    }
    // The household's people are counted, header row left out.
    expect(people.at(-1)?.total).toBe(document.querySelectorAll('#household-members tbody tr').length);
    const box = document.querySelector('textarea[name="household.communicationNeeds"]') as HTMLTextAreaElement;
    const before = sent.length;
    box.value = box.value ? '' : 'Needs an interpreter.';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(sent.length).toBeGreaterThan(before), { timeout: 60_000, interval: 10 });
    await settle();
    expect(sent.slice(before).map((m) => m.type)).toEqual(['facts']);
  });

  it('sends a big read in parts, each in a task of its own: the first names every fact, all but the last say more is coming', async () => {
    load();
    // Parts of 10 facts (PART_FACTS in the field), and a clock that never runs a slice over.
    const { sent } = start(0, { partFacts: 10 });
    await settle();
    const parts = sent.filter((m) => m.type === 'facts');
    const whole = extract(document, location.href, map, NOW, { frames: false });
    const paths = whole?.facts.map((f) => f.path) ?? [];
    expect(parts).toHaveLength(Math.ceil(paths.length / 10));
    expect(parts.every((m) => (m.facts?.length ?? 0) <= 10)).toBe(true);
    expect(parts.map((m) => m.complete)).toEqual(parts.map((_, i) => i === 0));
    expect(parts[0]?.shown).toEqual(paths);
    // Every part but the last keeps the panel saying the page is being read.
    expect(parts.map((m) => m.reading !== undefined)).toEqual(parts.map((_, i) => i < parts.length - 1));
    expect(factsOf(sent)).toEqual(new Map(whole?.facts.map((f) => [f.path, f.value])));
    // Each part carries where its own facts were read, and no others.
    for (const m of parts) expect(Object.keys(m.provenance ?? {}).sort()).toEqual((m.facts ?? []).map((f) => f.path).sort());
  });

  it('takes its time over a read while the page keeps changing (a clock): between slices it waits BACK_OFF times the slice', async () => {
    load();
    const clock = document.createElement('span');
    document.body.append(clock);
    const pauses: number[] = [];
    // The page's clock ticks whenever the page has its turn.
    let ticks = 0;
    const tick = () => void (clock.textContent = String(++ticks));
    const { sent, yields } = start(SLICE_MS / 3, {
      onTurn: tick,
      pause: (ms) => {
        pauses.push(ms);
        tick();
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    await settle();
    expect(pauses.length).toBeGreaterThan(3);
    for (const ms of pauses) {
      expect(ms).toBeGreaterThanOrEqual(SLICE_MS * BACK_OFF);
      expect(ms).toBeLessThanOrEqual(MAX_BACK_OFF_MS);
    }
    // Only the first hand-back (before the page was seen to change) is a plain one.
    expect(yields()).toBe(1);
    const whole = extract(document, location.href, map, NOW, { frames: false });
    expect(factsOf(sent)).toEqual(new Map(whole?.facts.map((f) => [f.path, f.value])));
  });

  it('reads a small page in one slice when the clock allows (after the task that brought the map)', async () => {
    load();
    const { sent, yields } = start(0);
    await settle();
    expect(yields()).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('waits longer after a costly read before reading again', async () => {
    load();
    const { sent } = start(SLICE_MS / 3);
    await settle();
    const cost = reader?.lastRead?.totalMs ?? 0;
    expect(cost).toBeGreaterThan(0);
    vi.useFakeTimers();
    const before = reader?.reads ?? 0;
    const box = document.querySelector('textarea[name="household.communicationNeeds"]') as HTMLTextAreaElement;
    box.value = box.value ? '' : 'Needs an interpreter.';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    // The quiet period alone has passed: the back-off still holds the read.
    vi.advanceTimersByTime(50);
    expect(reader?.reads).toBe(before);
    vi.advanceTimersByTime(cost * BACK_OFF * 4);
    expect(reader?.reads).toBe(before + 1);
    vi.useRealTimers();
    await settle();
    expect(factsOf(sent).get('household.communicationNeedsRecorded')).toBe(box.value !== '');
  });

  it('reads a change within MAX_BACK_OFF_MS however costly the last read was (a slow, busy laptop)', async () => {
    load();
    // Each look at the clock costs 200 ms: the first read takes many seconds on it, and 19
    // times that would hold the worker's next change back for minutes.
    const { sent } = start(200);
    await settle();
    expect((reader?.lastRead?.totalMs ?? 0) * BACK_OFF).toBeGreaterThan(MAX_BACK_OFF_MS * 10);
    vi.useFakeTimers();
    const before = reader?.reads ?? 0;
    const box = document.querySelector('textarea[name="household.communicationNeeds"]') as HTMLTextAreaElement;
    box.value = box.value ? '' : 'Needs an interpreter.';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    vi.advanceTimersByTime(MAX_BACK_OFF_MS + 50);
    expect(reader?.reads).toBe(before + 1);
    vi.useRealTimers();
    await settle();
    expect(factsOf(sent).get('household.communicationNeedsRecorded')).toBe(box.value !== '');
  });

  it('does not read for changes no field can be in, and reads for those one can', async () => {
    load();
    start(0);
    await settle();
    const before = reader?.reads ?? 0;
    // A clock in the page's header, ticking.
    const header = document.createElement('header');
    document.body.prepend(header);
    await settle();
    const reads = reader?.reads ?? 0;
    const clock = document.createElement('span');
    header.appendChild(clock);
    for (let i = 0; i < 5; i++) {
      clock.textContent = `10:00:0${i}`;
      await settle();
    }
    expect(reader?.reads).toBe(reads);
    expect(reads - before).toBeLessThanOrEqual(1);
    // An autosave note in a label of the form: labels name fields, so it is read.
    const label = document.querySelector('label') as HTMLLabelElement;
    label.append(' (autosaved)');
    await settle();
    expect(reader?.reads).toBe(reads + 1);
  });

  it('reads for a change to text that names a field (aria-labelledby), and not for text that names none', async () => {
    load();
    const named = document.createElement('span');
    named.id = 'interpreter-note';
    const box = document.querySelector('textarea[name="household.communicationNeeds"]') as HTMLTextAreaElement;
    box.setAttribute('aria-labelledby', 'interpreter-note');
    const other = document.createElement('span');
    other.id = 'odd"id\\ with\tspaces';
    const plain = document.createElement('span');
    plain.id = 'status';
    document.body.append(named, other, plain);
    start(0);
    await settle();
    const reads = reader?.reads ?? 0;
    plain.textContent = 'Saved';
    other.textContent = 'Saved';
    await settle();
    expect(reader?.reads).toBe(reads);
    named.textContent = 'Interpreter needs (autosaved)';
    await settle();
    expect(reader?.reads).toBe(reads + 1);
    // A new part of the page holding a naming element (among many ids): read.
    const added = document.createElement('div');
    for (let i = 0; i < 12; i++) added.append(Object.assign(document.createElement('span'), { id: `extra-${i}` }));
    const label = Object.assign(document.createElement('span'), { id: 'added-label' });
    added.append(label);
    box.setAttribute('aria-labelledby', 'interpreter-note added-label');
    await settle();
    const afterAttribute = reader?.reads ?? 0;
    document.body.append(added);
    await settle();
    expect(reader?.reads).toBe(afterAttribute + 1);
  });

  it('reads the household row that was typed in, as typing says', async () => {
    load();
    const { sent } = start(0);
    await settle();
    expect(factsOf(sent).get('children[200201].dateOfBirth')).toBe('2020-09-20');
    const dob = document.querySelector('input[name="household.person.200201.dob"]') as HTMLInputElement;
    dob.value = '01/02/2021';
    dob.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(sent.at(-1)?.facts?.find((f) => f.path === 'children[200201].dateOfBirth')?.value).toBe('2021-02-01');
  });
});

describe('a page whose markup shadows element properties', () => {
  it('is still watched: a form with fields named like DOM members neither stops nor traps the reader', async () => {
    load();
    const form = document.querySelector('form') as HTMLFormElement;
    for (const name of ['closest', 'matches', 'parentElement', 'parentNode', 'querySelector', 'id']) {
      const input = document.createElement('input');
      input.name = name;
      form.appendChild(input);
    }
    const { sent } = start(0);
    await settle();
    const reads = reader?.reads ?? 0;
    // A change inside the form: its own `closest` and `parentNode` are now inputs.
    const label = document.createElement('label');
    label.textContent = 'Autosaved';
    form.appendChild(label);
    const dob = document.querySelector('input[name="household.person.200201.dob"]') as HTMLInputElement;
    dob.value = '01/02/2021';
    dob.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(reader?.reads).toBeGreaterThan(reads);
    expect(factsOf(sent).get('children[200201].dateOfBirth')).toBe('2021-02-01');
  });
});

describe('handing the thread back to the page', () => {
  it('uses a message on a channel of its own where there is no postTask, never a timer (a background tab runs timers once a second)', async () => {
    const timer = vi.fn();
    const win = { MessageChannel, setTimeout: timer } as unknown as Window;
    const handBack = pageYield(win);
    for (let i = 0; i < 5; i++) await handBack();
    expect(timer).not.toHaveBeenCalled();
  });

  it('posts a task where the page has a scheduler', async () => {
    const postTask = vi.fn(async (cb: () => void) => cb());
    const win = { scheduler: { postTask }, setTimeout: vi.fn() } as unknown as Window;
    await pageYield(win)();
    expect(postTask).toHaveBeenCalledWith(expect.any(Function), { priority: 'user-visible' });
  });
});
