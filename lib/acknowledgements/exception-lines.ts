/**
 * Exceptions with the case system as the shared record. The extension never writes to the
 * case system: it gives the worker one exact line to record there (in the case notes, or the
 * form's own reason field, as the council's map names them), and the manager one line to
 * record when she accepts it. A map can read those lines back from the page, so the
 * manager's panel, on her own computer, shows them.
 *
 * Each line carries a short code for the step (and the child or adult it is about): the same
 * code on every computer, worked out from the step itself, never from anything typed.
 * Only codes are kept from what is read (the model's `exceptions.recorded` / `.accepted`).
 */
import { REASONS, type ReasonCode } from './reason-words';
import type { Acknowledgement } from './schema';
import { itemRef, type Item } from './apply';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A six-character code for a step and who it is about, e.g. "7Q2M4A". */
export function exceptionCode(item: { ruleId: string; subject?: { kind: string; id: string } }): string {
  // FNV-1a over the item's reference: stable, short, and the same on every computer.
  let hash = 0x811c9dc5;
  for (const ch of itemRef(item)) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let out = '';
  for (let i = 0; i < 6; i++) {
    out += ALPHABET[hash % 32];
    hash = Math.floor(hash / 32);
  }
  return out;
}

/** What the step is, in the panel's words: "See or hear from each parent …, for Father". */
function stepWords(item: Item): string {
  // The message's first sentence: what the step is, without the advice after it.
  const name = item.kind === 'countdown' ? (item.name ?? item.message) : (item.message.split(/\.\s/)[0] ?? item.message);
  return `${name.replace(/\.$/, '')}${item.subject ? `, for ${item.subject.label}` : ''}`;
}

/** The line a worker records in the case system for an exception. */
export function exceptionLine(item: Item, reason: ReasonCode): string {
  return `Exception AC-${exceptionCode(item)}: ${REASONS[reason]}. Step: ${stepWords(item)}.`;
}

/** The line a manager records in the case system when she accepts it. */
export function acceptanceLine(item: Item): string {
  return `Exception AC-${exceptionCode(item)} accepted.`;
}

const WORDS_TO_REASON = new Map<string, ReasonCode>(Object.entries(REASONS).map(([code, words]) => [words.toLowerCase(), code as ReasonCode]));

/** The exception lines in a text, as `<code>:<reason>`: lines whose reason is not one of ours are left out. */
export function recordedLines(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\bException AC-([2-9A-HJ-NP-Z]{6}): ([^.\n]{1,120})\./g)) {
    const reason = WORDS_TO_REASON.get((m[2] ?? '').trim().replace(/['’]/g, '’').toLowerCase());
    if (reason) out.add(`${m[1]}:${reason}`);
  }
  return [...out];
}

/** The codes of exceptions a text records as accepted. */
export function acceptedLines(text: string): string[] {
  return [...new Set([...text.matchAll(/\bException AC-([2-9A-HJ-NP-Z]{6}) accepted\b/g)].map((m) => m[1] ?? ''))];
}

/**
 * Acknowledgements read from the case system's page, for the steps of this evaluation they
 * name. `on` is the day they were read (the page gives no date we keep).
 */
export function caseSystemAcknowledgements(
  recordKey: string,
  items: readonly Item[],
  exceptions: { recorded?: readonly string[] | null; accepted?: readonly string[] | null } | undefined,
  today: string,
): Acknowledgement[] {
  const recorded = new Map<string, ReasonCode>();
  for (const entry of exceptions?.recorded ?? []) {
    const [code, reason] = entry.split(':');
    if (code && reason && Object.prototype.hasOwnProperty.call(REASONS, reason)) recorded.set(code, reason as ReasonCode);
  }
  const accepted = new Set(exceptions?.accepted ?? []);
  const out: Acknowledgement[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const ref = itemRef(item);
    if (seen.has(ref)) continue;
    const code = exceptionCode(item);
    const reason = recorded.get(code);
    if (!reason) continue;
    seen.add(ref);
    out.push({
      key: `${recordKey}|${ref}`,
      recordKey,
      item: ref,
      ruleId: item.ruleId,
      reason,
      role: 'worker',
      on: today,
      from: 'case-system',
      ...(accepted.has(code) ? { acceptedOn: today, acceptedFrom: 'case-system' as const } : {}),
    });
  }
  return out;
}

/**
 * One acknowledgement per step: what the case system records wins (it is the shared record);
 * an acceptance noted on this computer still shows when the case system has none yet.
 */
export function mergeAcknowledgements(local: readonly Acknowledgement[], read: readonly Acknowledgement[]): Acknowledgement[] {
  const byItem = new Map<string, Acknowledgement>();
  for (const a of local) byItem.set(a.item, a);
  for (const r of read) {
    const mine = byItem.get(r.item);
    if (mine?.acceptedOn && !r.acceptedOn) {
      const { acceptedFrom: _drop, ...rest } = r;
      void _drop;
      byItem.set(r.item, { ...rest, acceptedOn: mine.acceptedOn, ...(mine.acceptedBy ? { acceptedBy: mine.acceptedBy } : {}) });
    } else byItem.set(r.item, r);
  }
  return [...byItem.values()];
}
