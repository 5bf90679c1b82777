// A council pack traces itself: each rule's section and the council's words (or why they are not
// held), and each base rule switched off with its reason. scripts/procedure-coverage.ts adds these
// rows to docs/procedure-coverage.md.
import type { CouncilPackDoc, CouncilSource } from './format';

export interface CouncilObligation {
  pack: string;
  section: string;
  quote: string;
  rules: string[];
  reason?: string;
}

const NOT_HELD = '(text not held)';

function section(source: CouncilSource): string {
  return source.document ? `${source.document}, ${source.section}` : source.section;
}

export function councilObligations(doc: CouncilPackDoc): CouncilObligation[] {
  const cited = [...doc.rules, ...doc.prompts].map((r) => ({
    pack: doc.id,
    section: section(r.source),
    quote: r.source.quote ?? NOT_HELD,
    rules: [`${doc.id}/${r.id}`],
    ...(r.source.textNotHeld ? { reason: r.source.textNotHeld } : {}),
  }));
  const off = doc.off.map((o) => ({ pack: doc.id, section: 'shared England base', quote: `(${o.use})`, rules: [], reason: `Switched off: ${o.reason}` }));
  return [...cited, ...off];
}

/**
 * Where each rule of a council's pack comes from, in words for the coverage table: its JSON pack
 * over a base rule (named), a prompt written in the JSON, or the council's own coded rule.
 */
export function ruleOrigins(doc: CouncilPackDoc, own: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of doc.rules) out.set(`${doc.id}/${r.id}`, `${doc.id}.json over the base’s \`${r.use}\``);
  for (const p of doc.prompts) out.set(`${doc.id}/${p.id}`, `${doc.id}.json`);
  for (const id of own) out.set(id, 'own coded rule');
  return out;
}
