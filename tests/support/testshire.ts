// Testshire: a made-up council whose small packs test the shared England base and the loader.
import { COUNCIL_PACK_FORMAT } from '../../lib/rules/council/format';

/** A source: section 1 of Testshire's procedure, with its words. */
export const src = (quote: string) => ({ section: '1', quote });

/** A Testshire council pack with these settings, rules and prompts. */
export function testshire<T extends object>(parts: T) {
  return { format: COUNCIL_PACK_FORMAT, id: 'testshire', name: 'Testshire', version: '1', procedure: { title: 'Testshire Single Assessment', version: '1' }, ...parts };
}
