/**
 * Draws the work tray badges with plain DOM and text only (no HTML strings): the
 * reply comes from our own background, but its text is still treated as text.
 *
 * What a badge says (which assessments this browser holds, and their deadlines) is for
 * the worker, not for the page's own script: each badge's content sits in a closed
 * shadow root, so page script finds only an empty `<span data-assessment-companion-badge>`
 * (PRIVACY.md). The page reader asks for badges only for the rows the case system showed
 * when the page loaded (lib/content/page-reader.ts), so rows a script adds later get none.
 */
import type { WorkTrayRow } from '../adapters/extractor';
import { stateLook } from '../verdict/deadline-states';

const BADGE_ATTR = 'data-assessment-companion-badge';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The state's shape from lib/verdict/deadline-states.ts, built with DOM calls (no markup strings). */
function stateIcon(doc: Document, state: string, background: string): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 20 20', width: '12', height: '12', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v);
  svg.style.cssText = 'vertical-align:-1px;margin-right:4px';
  for (const part of stateLook(state).shape) {
    const el = doc.createElementNS(SVG_NS, part.tag);
    for (const [k, v] of Object.entries(part.attrs)) el.setAttribute(k, v);
    if (part.cut) el.setAttribute('stroke', background);
    svg.appendChild(el);
  }
  return svg;
}

interface Badge {
  assessmentId: string;
  text: string;
  state: string;
  label: string;
}

// Only this script (in its own isolated world) can reach a badge's content.
const shadows = new WeakMap<Element, ShadowRoot>();

function badgesOf(reply: unknown): Badge[] {
  if (typeof reply !== 'object' || reply === null) return [];
  const list = (reply as { badges?: unknown }).badges;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (b): b is Badge =>
      typeof b === 'object' && b !== null &&
      typeof (b as Badge).assessmentId === 'string' && typeof (b as Badge).text === 'string' &&
      typeof (b as Badge).state === 'string' && typeof (b as Badge).label === 'string',
  );
}

function draw(doc: Document, root: ShadowRoot, badge: Badge): void {
  const el = doc.createElement('span');
  el.setAttribute('data-state', badge.state);
  el.setAttribute('title', badge.label);
  const { background, text: colour, edge } = stateLook(badge.state).colour;
  el.style.cssText =
    `display:inline-block;margin-left:6px;padding:1px 6px;border:2px solid ${edge};border-radius:3px;font:bold 12px/1.5 Arial,sans-serif;background:${background};color:${colour};white-space:nowrap`;
  // Screen readers hear who is speaking: the visible text is short.
  const hidden = doc.createElement('span');
  hidden.textContent = 'Assessment Companion: ';
  hidden.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
  el.append(hidden, stateIcon(doc, badge.state, background), badge.text);
  root.replaceChildren(el);
}

export function showTrayBadges(doc: Document, rows: readonly WorkTrayRow[], reply: unknown): number {
  const byId = new Map(badgesOf(reply).map((b) => [b.assessmentId, b]));
  let shown = 0;
  for (const row of rows) {
    const badge = byId.get(row.assessmentId);
    const existing = [...row.badgeCell.querySelectorAll(`[${BADGE_ATTR}]`)].find((e) => shadows.has(e));
    if (!badge) {
      existing?.remove();
      continue;
    }
    let host = existing;
    if (!host) {
      host = doc.createElement('span');
      host.setAttribute(BADGE_ATTR, '');
      shadows.set(host, host.attachShadow({ mode: 'closed' }));
      row.badgeCell.appendChild(host);
    }
    draw(doc, shadows.get(host) as ShadowRoot, badge);
    shown += 1;
  }
  return shown;
}

/** What a badge shows (for tests: the page itself cannot see it). */
export function badgeContent(host: Element): { state: string; text: string } | undefined {
  const inner = shadows.get(host)?.firstElementChild;
  return inner ? { state: inner.getAttribute('data-state') ?? '', text: inner.textContent ?? '' } : undefined;
}
