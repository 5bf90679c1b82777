// Small building blocks shared by the panel views and the printable summary.
import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import type { FormSection } from '../lib/model/section-names';
import type { CountdownResult, CountdownStatus, Finding, Severity } from '../lib/rules/types';
import { countdownStateWords, sectionName, severityWords } from './format';
import { itemKey } from './group';

/** What "Show me" hands to the wiring: a check finding or a deadline. */
export type ShowMeTarget = Finding | CountdownResult;

export function VisuallyHidden({ children }: { children: ComponentChildren }) {
  return <span class="visually-hidden">{children}</span>;
}

/** Shape of a deadline's state: state is never shown by colour alone. */
export type StateShape = CountdownStatus | 'error';

export function stateShape(c: CountdownResult): StateShape {
  return c.error ? 'error' : c.status;
}

/** A small shape per state, drawn in the text colour; words always go with it. */
export function StateIcon({ shape }: { shape: StateShape }) {
  let body;
  switch (shape) {
    case 'on-track':
      // Clock face.
      body = (
        <>
          <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="M10 5v5l3 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </>
      );
      break;
    case 'due-soon':
      // Outlined triangle with "!".
      body = (
        <>
          <path d="M10 2 19 18H1Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
          <path d="M10 8v4M10 14.5v.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </>
      );
      break;
    case 'due-today':
      // Solid triangle with "!".
      body = (
        <>
          <path d="M10 1 19.5 18.5H.5Z" fill="currentColor" />
          <path d="M10 7.5v5M10 15v.5" class="cut" stroke="#fff" stroke-width="2" stroke-linecap="round" />
        </>
      );
      break;
    case 'overdue':
      // Solid octagon (a stop sign) with "!".
      body = (
        <>
          <path d="M6.3 1h7.4L19 6.3v7.4L13.7 19H6.3L1 13.7V6.3Z" fill="currentColor" />
          <path d="M10 5v6M10 14v.5" class="cut" stroke="#fff" stroke-width="2.2" stroke-linecap="round" />
        </>
      );
      break;
    case 'met-on-time':
      // Solid circle with a tick.
      body = (
        <>
          <circle cx="10" cy="10" r="9" fill="currentColor" />
          <path d="m5.5 10.5 3 3 6-6.5" fill="none" class="cut" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
        </>
      );
      break;
    case 'met-late':
      // Outlined square with a tick.
      body = (
        <>
          <rect x="1.5" y="1.5" width="17" height="17" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="m5.5 10.5 3 3 6-6.5" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
        </>
      );
      break;
    case 'error':
      // Dashed circle with a cross.
      body = (
        <>
          <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="3 2" />
          <path d="m7 7 6 6m0-6-6 6" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </>
      );
      break;
    default:
      // Not read yet, start not recorded, does not apply: dashed circle with "?".
      body = (
        <>
          <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="3 2" />
          <path d="M7.8 7.8a2.3 2.3 0 1 1 3.2 2.1c-.7.3-1 .8-1 1.5v.4M10 14.5v.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </>
      );
  }
  return (
    <svg class="state-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      {body}
    </svg>
  );
}

/** A deadline's state as a tag: shape, colour and words together. */
export function StateTag({ countdown }: { countdown: CountdownResult }) {
  const shape = stateShape(countdown);
  return (
    <strong class={`state-tag state--${shape}`}>
      <StateIcon shape={shape} />
      <span>{shape === 'error' ? 'Could not check' : countdown.dateProblem ? 'Check the date' : countdownStateWords(countdown.status)}</span>
    </strong>
  );
}

export function SeverityTag({ severity }: { severity: Severity }) {
  return <strong class={`severity-tag severity--${severity}`}>{severityWords(severity)}</strong>;
}

export interface ShowMeContext {
  currentSection?: FormSection;
  /** Every section the page shows, when it shows several. */
  openSections?: readonly FormSection[];
  onShowMe(target: ShowMeTarget): void;
  showMeResult?: { ruleId: string; message: string };
  /** Key of the item whose "Show me" was pressed last in this panel. */
  lastShown: string | null;
  setLastShown(key: string): void;
}

/** The sections the worker has open: every section the page shows. */
export function openSectionsOf(ctx: Pick<ShowMeContext, 'currentSection' | 'openSections'>): readonly FormSection[] {
  return ctx.openSections && ctx.openSections.length > 0 ? ctx.openSections : ctx.currentSection !== undefined ? [ctx.currentSection] : [];
}

export function sectionIsOpen(ctx: Pick<ShowMeContext, 'currentSection' | 'openSections'>, section: FormSection): boolean {
  return openSectionsOf(ctx).includes(section);
}

/** Words naming what a "Show me" button is about, for people who cannot see the list around it. */
export function aboutText(item: ShowMeTarget): string {
  return `${item.message}${item.subject ? ` for ${item.subject.label}` : ''}`;
}

/**
 * "Show me" when the finding's field is in the section the worker has open; otherwise
 * "Open <section> to see this" (the wiring tells the page either way).
 */
export function ShowMeButton({ item, ctx }: { item: ShowMeTarget; ctx: ShowMeContext }) {
  if (!item.field) return null;
  const here = sectionIsOpen(ctx, item.section);
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
