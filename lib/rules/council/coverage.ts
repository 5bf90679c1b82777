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
 * Where a rule of a pack written as JSON with its own coded rules comes from: the JSON over the
 * shared base (and which base rule), a prompt in the JSON, or the council's own coded rule.
 * Undefined for a rule of neither (the national layer).
 */
export function ruleOrigin(doc: CouncilPackDoc, own: readonly string[], ruleId: string): string | undefined {
  const name = ruleId.startsWith(`${doc.id}/`) ? ruleId.slice(doc.id.length + 1) : undefined;
  if (name === undefined) return undefined;
  const rule = doc.rules.find((r) => r.id === name);
  if (rule) return `${doc.id}.json over the base: ${rule.use}`;
  if (doc.prompts.some((p) => p.id === name)) return `${doc.id}.json prompt`;
  return own.includes(ruleId) ? 'own coded rule' : undefined;
}
