// The options page's switch for inspect mode (components/InspectView.tsx), for IT teams
// writing or checking a field map. Off by default; policy can set it (and then it is locked).
import { useId } from 'preact/hooks';

export interface InspectModeSettingProps {
  on: boolean;
  locked: boolean;
  onChange(on: boolean): void;
}

export function InspectModeSetting({ on, locked, onChange }: InspectModeSettingProps) {
  const id = useId();
  return (
    <section class="block" aria-labelledby={`${id}-h`} data-inspect-setting="">
      <h2 id={`${id}-h`}>Inspect mode (for IT teams)</h2>
      <p class="hint">
        Shows in the side panel what each entry of the field map finds on the page open, why an entry found nothing, and a way to
        pick a field on the page and get a map entry for it. Leave it off for everyday use.
      </p>
      <div class="radios__item">
        <input
          class="radios__input"
          id={`${id}-on`}
          type="checkbox"
          checked={on}
          disabled={locked}
          onChange={(e) => onChange((e.target as HTMLInputElement).checked)}
        />
        <label class="radios__label" for={`${id}-on`}>
          Show inspect mode in the side panel
        </label>
      </div>
      {locked ? <p class="locked-note">Set by your organisation. Ask your IT team to change it.</p> : null}
    </section>
  );
}
