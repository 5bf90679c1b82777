// The options page's "Your council's own procedure" block: the council pack in force, where it
// came from, and an import (the file input and error list are the options page's own, passed in).
import type { ComponentChildren } from 'preact';

export interface CouncilPackStatus {
  name: string;
  version: string;
  source: 'imported' | 'policy';
  /** A newer pack had mistakes: this one stays in use. */
  kept: boolean;
  /** Whether it is the procedure chosen above. */
  chosen: boolean;
}

export interface CouncilPackSettingProps {
  /** The council's own pack in force, or null when there is none. */
  pack: CouncilPackStatus | null;
  /** Problems found in the pack last imported or set by policy, with their JSON paths. */
  errors: ReadonlyArray<{ path: string; message: string }>;
  onImport(fileText: string): void;
}

const SOURCE_WORDS: Record<CouncilPackStatus['source'], string> = {
  imported: 'Imported in these settings',
  policy: 'Set by your organisation',
};

export function CouncilPackSetting({ pack, importer, errorList, lockedNote }: { pack: CouncilPackStatus | null; importer: ComponentChildren; errorList: ComponentChildren; lockedNote: ComponentChildren }) {
  return (
    <section class="block" aria-labelledby="options-council-pack" data-council-pack>
      <h2 id="options-council-pack">Your council’s own procedure</h2>
      <p class="hint">
        A council can describe its own procedure in a council pack (a JSON file your practice lead or IT team writes). Once imported, it is
        offered as a procedure above.
      </p>
      {pack ? (
        <dl class="summary-list">
          <div>
            <dt>Procedure</dt> <dd>{pack.name}</dd>
          </div>
          <div>
            <dt>Version</dt> <dd>{pack.version}</dd>
          </div>
          <div>
            <dt>Where it came from</dt> <dd>{SOURCE_WORDS[pack.source]}</dd>
          </div>
          <div>
            <dt>Status</dt>{' '}
            <dd data-council-pack-status>
              {pack.chosen ? 'In use' : 'Not chosen above'}
              {pack.kept ? '. A newer pack has mistakes, so this one stays in use until it is fixed.' : ''}
            </dd>
          </div>
        </dl>
      ) : (
        <p>No council pack has been imported.</p>
      )}
      {errorList}
      {importer}
      {lockedNote}
    </section>
  );
}
