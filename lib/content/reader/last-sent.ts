/**
 * What the page's last message said: a view's facts (`key`, `facts`), 'page' (not an
 * assessment) or the work tray's list. Later reads send only what changed since; a new map,
 * or a part that was not delivered, forgets it so the next read sends the whole page.
 */
import type { LastRead } from '../fact-diff';

export class LastSent {
  key = '';
  facts: LastRead | undefined;
  forget(): void {
    this.key = '';
    this.facts = undefined;
  }
}
