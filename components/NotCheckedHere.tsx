// Steps that need a fact the council's case system does not record (its field map never
// reads it): "not checked with this case system". Their own group in the worker's and the
// manager's views and in the printed summary, never "open … to see this": no part of the
// form will ever show them.
import type { Evaluation } from '../lib/rules/types';
import { notCheckedHereItems } from '../lib/verdict/checks';
import { groupBySectionAndSubject, itemKey } from './group';

export function NotCheckedHere({ evaluation, headingLevel = 'h2' }: { evaluation: Evaluation; headingLevel?: 'h2' | 'h3' }) {
  const items = notCheckedHereItems(evaluation);
  if (items.length === 0) return null;
  const Heading = headingLevel;
  const groups = groupBySectionAndSubject(items, evaluation.findings);
  return (
    <section class="block block--quiet" aria-labelledby="not-checked-heading" data-not-checked-here="">
      <Heading id="not-checked-heading">Not checked with this case system ({items.length})</Heading>
      <p class="muted">
        Your case system does not record what these need, so the Companion cannot check them. Check them yourself in the
        case record.
      </p>
      <ul class="quiet-list">
        {groups.flatMap((g) =>
          g.subjects.flatMap((s) =>
            s.items.map((f) => (
              <li key={itemKey(f)} data-rule-id={f.ruleId} data-subject={s.subject?.id}>
                {'name' in f && f.name ? f.name : f.message}
                {s.subject ? <span class="for-whom">For {s.subject.label}</span> : null}
              </li>
            )),
          ),
        )}
      </ul>
    </section>
  );
}
