// Small building blocks shared by the panel views and the printable summary.
import { h, type ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import type { FormSection } from '../lib/model/section-names';
import type { CountdownResult, Finding, Severity } from '../lib/rules/types';
import { deadlineState, stateLook, stateWords, type DeadlineState } from '../lib/verdict/deadline-states';
import { aboutText, sectionName, severityWords } from './format';
import { itemKey } from './group';
import type { AcknowledgeContext } from './Acknowledge';

/** What "Show me" hands to the wiring: a check finding or a deadline. */
export type ShowMeTarget = Finding | CountdownResult;

export function VisuallyHidden({ children }: { children: ComponentChildren }) {
  return <span class="visually-hidden">{children}</span>;
}

/** Shape of a deadline's state: state is never shown by colour alone. */
export type StateShape = DeadlineState;

export function stateShape(c: CountdownResult): StateShape {
  return deadlineState(c);
}

/** The state's colours as CSS variables (set through the DOM, so the page's CSP allows them). */
export function stateStyle(state: StateShape): Record<string, string> {
  const { colour } = stateLook(state);
  return { '--state-text': colour.text, '--state-bg': colour.background, '--state-edge': colour.edge };
}

/** A small shape per state (lib/verdict/deadline-states.ts), drawn in the text colour; words always go with it. */
export function StateIcon({ shape }: { shape: StateShape }) {
  return (
    <svg class="state-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false" data-shape={shape}>
      {stateLook(shape).shape.map((part, i) => h(part.tag, { key: i, ...part.attrs, ...(part.cut ? { class: 'cut' } : {}) }))}
    </svg>
  );
}

/** A deadline's state as a tag: shape, colour and words together. */
export function StateTag({ countdown }: { countdown: CountdownResult }) {
  const shape = stateShape(countdown);
  return (
    <strong class={`state-tag state--${shape}`} style={stateStyle(shape)}>
      <StateIcon shape={shape} />
      <span>{stateWords(shape)}</span>
    </strong>
  );
}

export function SeverityTag({ severity }: { severity: Severity }) {
  return <strong class={`severity-tag severity--${severity}`}>{severityWords(severity)}</strong>;
}

export interface ShowMeContext {
  currentSection?: FormSection;
  /** The sections open now: the one in view on a page showing several, once it has said; else every section the page shows. */
  openSections?: readonly FormSection[];
  /** Every section the page shows, when it shows several ("Show me" finds a field in any of them). */
  pageSections?: readonly FormSection[];
  onShowMe(target: ShowMeTarget): void;
  showMeResult?: { ruleId: string; message: string };
  /** Key of the item whose "Show me" was pressed last in this panel. */
  lastShown: string | null;
  setLastShown(key: string): void;
  /** Acknowledging findings with a reason; absent where they cannot be recorded (e.g. tests of layout). */
  ack?: AcknowledgeContext;
}

/**
 * The sections open now on a page: the one in view when the page shows several and has said
 * which (focus or scroll), otherwise every section it shows (or its one section).
 */
export function sectionsOpenNow(page: { section?: FormSection; sections?: readonly FormSection[]; inView?: FormSection } | null | undefined): readonly FormSection[] {
  const shown = page?.sections ?? (page?.section ? [page.section] : []);
  return page?.inView !== undefined && shown.length > 1 && shown.includes(page.inView) ? [page.inView] : shown;
}

/** The sections the worker has open now (sectionsOpenNow). */
export function openSectionsOf(ctx: Pick<ShowMeContext, 'currentSection' | 'openSections'>): readonly FormSection[] {
  return ctx.openSections && ctx.openSections.length > 0 ? ctx.openSections : ctx.currentSection !== undefined ? [ctx.currentSection] : [];
}

export function sectionIsOpen(ctx: Pick<ShowMeContext, 'currentSection' | 'openSections'>, section: FormSection): boolean {
  return openSectionsOf(ctx).includes(section);
}


/**
 * "Show me" when the finding's field is in the section the worker has open; otherwise
 * "Open <section> to see this" (the wiring tells the page either way).
 */
export function ShowMeButton({ item, ctx }: { item: ShowMeTarget; ctx: ShowMeContext }) {
  if (!item.field) return null;
  const here = (ctx.pageSections ?? openSectionsOf(ctx)).includes(item.section);
  const key = itemKey(item);
  const result = ctx.showMeResult;
  const showResult = result !== undefined && result.ruleId === item.ruleId && (ctx.lastShown === null || ctx.lastShown === key);
  return (
    <div class="show-me">
      <button
        type="button"
        class="button button--secondary"
        data-show-me={here ? 'here' : 'elsewhere'}
        onClick={() => {
          ctx.setLastShown(key);
          ctx.onShowMe(item);
        }}
      >
        {here ? 'Show me' : `Open ${sectionName(item.section)} to see this`}
        <VisuallyHidden>{`: ${aboutText(item)}`}</VisuallyHidden>
      </button>
      {showResult ? (
        <p class="show-me__result" data-show-me-result="">
          {result.message}
        </p>
      ) : null}
    </div>
  );
}

/** Keeps one failing block from blanking the whole panel. */
export function Boundary({ children, what }: { children: ComponentChildren; what: string }) {
  const [error] = useErrorBoundary();
  if (error) {
    return (
      <p class="notice notice--warning">
        Something went wrong showing {what}. The rest of the panel still works. Close and reopen the panel to try again.
      </p>
    );
  }
  return <>{children}</>;
}

/** "Derby 2.5" as a muted citation. */
export function Citation({ label }: { label: string }) {
  return (
    <span class="citation">
      <VisuallyHidden>Source: </VisuallyHidden>
      {label}
    </span>
  );
}
