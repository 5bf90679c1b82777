// A destructive button with a confirm step (Clear all data, Delete one assessment): the
// button, then a question with Confirm and Cancel. Focus moves with the step, so keyboard
// and screen reader users are not left behind.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface ConfirmStepProps {
  /** The button's words (may hold visually hidden words that name what it acts on). */
  label: ComponentChildren;
  question: ComponentChildren;
  confirmLabel: ComponentChildren;
  onConfirm(): void;
  /** data-* hooks for tests on the first and the confirming button. */
  buttonData?: Record<string, string>;
  confirmData?: Record<string, string>;
}

export function ConfirmStep({ label, question, confirmLabel, onConfirm, buttonData, confirmData }: ConfirmStepProps) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const group = useRef<HTMLDivElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (confirming) {
      opened.current = true;
      group.current?.focus();
    } else if (opened.current) {
      button.current?.focus();
    }
  }, [confirming]);
  if (!confirming) {
    return (
      <button type="button" class="button button--warning" ref={button} onClick={() => setConfirming(true)} {...buttonData}>
        {label}
      </button>
    );
  }
  return (
    <div class="confirm" ref={group} tabIndex={-1} role="group" aria-labelledby={`${id}-q`}>
      <p id={`${id}-q`} class="confirm__question">
        {question}
      </p>
      <div class="button-group">
        <button
          type="button"
          class="button button--warning"
          onClick={() => {
            setConfirming(false);
            onConfirm();
          }}
          {...confirmData}
        >
          {confirmLabel}
        </button>
        <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
