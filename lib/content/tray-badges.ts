/**
 * Draws the work tray badges with plain DOM and text only (no HTML strings): the
 * reply comes from our own background, but its text is still treated as text.
 */
import type { WorkTrayRow } from '../adapters/extractor';

const BADGE_ATTR = 'data-assessment-companion-badge';

const COLOURS: Record<string, [string, string]> = {
  overdue: ['#d4351c', '#ffffff'],
  'due-today': ['#f47738', '#0b0c0c'],
  'due-soon': ['#ffdd00', '#0b0c0c'],
  'on-track': ['#00703c', '#ffffff'],
  'met-on-time': ['#cce2d8', '#005a30'],
  'met-late': ['#fcd6c3', '#6e3619'],
};
const SHAPES: Record<string, string> = { overdue: '▲ ', 'due-today': '● ', 'due-soon': '◆ ', 'on-track': '○ ', 'met-on-time': '✓ ', 'met-late': '✓ ', unknown: '? ' };

interface Badge {
  assessmentId: string;
  text: string;
  state: string;
  label: string;
}

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

export function showTrayBadges(doc: Document, rows: readonly WorkTrayRow[], reply: unknown): number {
  const byId = new Map(badgesOf(reply).map((b) => [b.assessmentId, b]));
  let shown = 0;
  for (const row of rows) {
    const badge = byId.get(row.assessmentId);
    const existing = row.badgeCell.querySelector(`[${BADGE_ATTR}]`);
    if (!badge) {
      existing?.remove();
      continue;
    }
    const el = existing ?? doc.createElement('span');
    el.setAttribute(BADGE_ATTR, badge.state);
    el.setAttribute('title', badge.label);
    const [background, colour] = COLOURS[badge.state] ?? ['#f3f2f1', '#0b0c0c'];
    (el as HTMLElement).style.cssText =
      `display:inline-block;margin-left:6px;padding:1px 6px;border:2px solid #0b0c0c;border-radius:3px;font:bold 12px/1.5 Arial,sans-serif;background:${background};color:${colour};white-space:nowrap`;
    el.textContent = `${SHAPES[badge.state] ?? ''}${badge.text}`;
    // Screen readers hear who is speaking: the visible text is short.
    const hidden = doc.createElement('span');
    hidden.textContent = 'Assessment Companion: ';
    hidden.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
    el.insertBefore(hidden, el.firstChild);
    if (!existing) row.badgeCell.appendChild(el);
    shown += 1;
  }
  return shown;
}
