// Inspect mode, for IT teams writing or checking a field map: what each entry of the map
// finds on the page open now (as a shape: "date", "yes", "3 children", never the page's
// text), why an entry found nothing, the map's coverage, Show me for each entry, and Pick a
// field. Presentational: props in, callbacks out; the side panel's entrypoint wires it.
import { useState } from 'preact/hooks';
import type { CoverageReport } from '../lib/verdict/coverage';
import type { InspectEntryMessage, InspectReply } from '../lib/messages';
import { sectionName } from './format';
import { plural } from '../lib/model/words';
import './inspect.css';

export type PickState =
  | { state: 'idle' }
  | { state: 'waiting' }
  | { state: 'proposed'; json: string; notes: readonly string[] }
  | { state: 'failed'; message: string };

export interface InspectViewProps {
  /** The map in force: "lcs-demo version 1.4.0". */
  mapName: string;
  /** What the page's reader answered; null while asking, undefined when it could not be asked. */
  report: InspectReply | null | undefined;
  coverage: CoverageReport | null;
  onRefresh(): void;
  onShowMe(entry: InspectEntryMessage): void;
  /** What happened after the last Show me, by entry. */
  showMeResult?: { entry: string; message: string };
  pick: PickState;
  onPick(): void;
  onStopPicking(): void;
  /** Copies the text; resolves false when the browser would not. */
  onCopy(text: string): Promise<boolean>;
}

const STATE_WORDS: Record<InspectEntryMessage['state'], string> = {
  found: 'Found',
  'not-found': 'Found nothing',
  'not-on-page': 'Not on this page',
  'not-read': 'Not read',
};

// A shape beside the words, so the state is never told by colour alone.
const STATE_MARKS: Record<InspectEntryMessage['state'], string> = {
  found: '✓',
  'not-found': '✗',
  'not-on-page': '–',
  'not-read': '–',
};

function Entry({ entry, onShowMe, result }: { entry: InspectEntryMessage; onShowMe(e: InspectEntryMessage): void; result?: string }) {
  return (
    <li class={`inspect-entry inspect-entry--${entry.state}`} data-inspect-entry={entry.entry} data-state={entry.state}>
      <p class="inspect-entry__id">
        <code>{entry.entry}</code>
      </p>
      <p class="inspect-entry__state">
        <span aria-hidden="true">{STATE_MARKS[entry.state]} </span>
        {STATE_WORDS[entry.state]}
        {entry.found ? `: ${entry.found}` : ''}
      </p>
      <p class="inspect-entry__fact">
        Fact <code>{entry.fact}</code>
        {entry.section ? ` · ${sectionName(entry.section)}` : ''}
      </p>
      {entry.reasons && entry.reasons.length > 0 ? (
        <ul class="inspect-entry__reasons">
          {entry.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : null}
      {entry.showPath ? (
        <p class="inspect-entry__show">
          <button type="button" class="button button--secondary button--small" onClick={() => onShowMe(entry)} data-show-entry={entry.entry}>
            Show me<span class="visually-hidden"> where {entry.entry} read</span>
          </button>
          {result ? <span class="show-me__result"> {result}</span> : null}
        </p>
      ) : null}
    </li>
  );
}

function Coverage({ coverage }: { coverage: CoverageReport }) {
  return (
    <section class="block" aria-labelledby="inspect-coverage" data-inspect-coverage="">
      <h3 id="inspect-coverage">Coverage</h3>
      <p>
        The map reads {plural(coverage.factsRead.length, 'fact', 'facts')}. With it the procedure can check{' '}
        {plural(coverage.checkable.length, 'rule', 'rules')} in full
        {coverage.notCheckable.length > 0
          ? `; ${plural(coverage.notCheckable.length, 'step is', 'steps are')} not checked with this case system (the same list the manager sees), each waiting for a fact the map never reads:`
          : ', every one it has.'}
      </p>
      {coverage.notCheckable.length > 0 ? (
        <ul class="inspect-list" data-not-checkable="">
          {coverage.notCheckable.map((r) => (
            <li key={`${r.ruleId}|${r.subject ?? ''}`}>
              <code>{r.ruleId}</code>
              {r.subject ? ` (${r.subject})` : ''} needs <code>{r.needs}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Pick({ pick, onPick, onStopPicking, onCopy }: Pick_) {
  const [copied, setCopied] = useState<string>('');
  return (
    <section class="block" aria-labelledby="inspect-pick" data-pick={pick.state}>
      <h3 id="inspect-pick">Pick a field</h3>
      <p>Click a field on the case page to get a map entry for it: the label or heading a person would use, and how to read its value. Nothing is stored or sent.</p>
      {pick.state === 'waiting' ? (
        <>
          <p class="notice notice--quiet" role="status">
            Click the field on the case page. Press Escape on the page to stop.
          </p>
          <button type="button" class="button button--secondary" onClick={onStopPicking}>
            Stop picking
          </button>
        </>
      ) : (
        <button type="button" class="button" onClick={() => { setCopied(''); onPick(); }} data-pick-button="">
          Pick a field
        </button>
      )}
      {pick.state === 'failed' ? <p class="error-message" role="alert">{pick.message}</p> : null}
      {pick.state === 'proposed' ? (
        <div class="inspect-proposal" role="status">
          <h4>Proposed map entry</h4>
          <pre class="inspect-proposal__json" tabIndex={0} aria-label="Proposed map entry (JSON)">
            <code data-proposed-entry="">{pick.json}</code>
          </pre>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => void onCopy(pick.json).then((ok) => setCopied(ok ? 'Copied. Paste it into the map’s "fields" list.' : 'Could not copy: select the entry above and copy it.'))}
            data-copy-entry=""
          >
            Copy the entry
          </button>
          <p class="muted" aria-live="polite">{copied}</p>
          {pick.notes.length > 0 ? (
            <>
              <h4>Check before you use it</h4>
              <ul class="inspect-list" data-proposal-notes="">
                {pick.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
type Pick_ = Pick<InspectViewProps, 'pick' | 'onPick' | 'onStopPicking' | 'onCopy'>;

const ORDER: InspectEntryMessage['state'][] = ['not-found', 'found', 'not-read', 'not-on-page'];

export function InspectView(props: InspectViewProps) {
  const { report, coverage, mapName, onRefresh, onShowMe, showMeResult } = props;
  const entries = report?.recognised ? report.entries : [];
  const counts = ORDER.map((s) => [s, entries.filter((e) => e.state === s).length] as const);
  const onPage = entries.filter((e) => e.state !== 'not-on-page');
  const elsewhere = entries.filter((e) => e.state === 'not-on-page');
  return (
    <section class="inspect" aria-labelledby="inspect-heading" data-inspect="">
      <h2 id="inspect-heading">Inspect mode</h2>
      <p>
        For IT teams: what the field map <code>{mapName}</code> finds on the page open now. Values are shown only as what they are
        (a date, yes or no), never their text.
      </p>
      <button type="button" class="button button--secondary" onClick={onRefresh}>
        Read the page again
      </button>
      {report === null ? <p class="notice notice--quiet">Asking the page…</p> : null}
      {report === undefined ? (
        <p class="notice notice--warning" data-inspect-problem="">
          The page did not answer. Refresh the case system page, then read it again.
        </p>
      ) : null}
      {report && !report.recognised ? (
        <p class="notice notice--warning" data-inspect-problem="">
          The map does not recognise this page as an assessment: check its <code>page.url</code> and <code>page.assessmentId</code>.
        </p>
      ) : null}
      {report?.recognised ? (
        <>
          <section class="block" aria-labelledby="inspect-sections">
            <h3 id="inspect-sections">Sections matched</h3>
            {report.sections.length > 0 ? (
              <ul class="inspect-list" data-inspect-sections="">
                {report.sections.map((s) => (
                  <li key={s} data-section-id={s}>
                    {sectionName(s)} <code>{s}</code>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Assessment {report.assessmentId}, but no section of the map: add one to <code>sections</code>.</p>
            )}
            {report.frames.length > 0 ? (
              <ul class="inspect-list">
                {report.frames.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            ) : null}
          </section>
          {coverage ? <Coverage coverage={coverage} /> : null}
          <Pick pick={props.pick} onPick={props.onPick} onStopPicking={props.onStopPicking} onCopy={props.onCopy} />
          <section class="block" aria-labelledby="inspect-entries">
            <h3 id="inspect-entries">Map entries ({entries.length})</h3>
            <p data-inspect-counts="">
              {counts
                .filter(([, n]) => n > 0)
                .map(([s, n]) => `${STATE_WORDS[s]}: ${n}`)
                .join(' · ')}
            </p>
            <ul class="inspect-entries">
              {[...onPage]
                .sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state))
                .map((e) => (
                  <Entry key={e.entry} entry={e} onShowMe={onShowMe} result={showMeResult?.entry === e.entry ? showMeResult.message : undefined} />
                ))}
            </ul>
            {elsewhere.length > 0 ? (
              <details class="details">
                <summary>Entries for sections not on this page ({elsewhere.length})</summary>
                <ul class="inspect-entries">
                  {elsewhere.map((e) => (
                    <Entry key={e.entry} entry={e} onShowMe={onShowMe} />
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        </>
      ) : null}
      {report?.recognised ? null : (
        <>
          {coverage ? <Coverage coverage={coverage} /> : null}
          <Pick pick={props.pick} onPick={props.onPick} onStopPicking={props.onStopPicking} onCopy={props.onCopy} />
        </>
      )}
    </section>
  );
}
