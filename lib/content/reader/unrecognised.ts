/**
 * A page that is not an assessment, in the top frame: the work tray gets a badge beside
 * each assessment we hold a record for (with its next deadline); any other page is told to
 * the background once, as unrecognised, with its path.
 */
import { readWorkTray } from '../../adapters/extractor';
import type { FieldMap } from '../../adapters/field-map-schema';
import { READ_LIMITS } from '../../messages/limits';
import { showTrayBadges } from '../tray-badges';
import type { Send } from './connection';
import type { LastSent } from './last-sent';

export interface UnrecognisedDeps {
  doc: Document;
  win: Window;
  sent: LastSent;
  send: Send;
  /** Asks the background, with its answer (the badges' words). */
  ask(message: unknown): Promise<unknown>;
}

type Tray = NonNullable<ReturnType<typeof readWorkTray>>;

export function unrecognisedPage({ doc, win, sent, send, ask }: UnrecognisedDeps): (url: string, map: FieldMap) => void {
  let trayAtLoad: Set<string> | undefined;
  /** The page's path, cut to what a message may carry (a longer one failed validation, and the panel kept the last case). */
  const pathOnly = (): string => win.location.pathname.slice(0, READ_LIMITS.pagePath);

  const workTray = (all: Tray, map: FieldMap): void => {
    // Badges only for the rows the case system showed at load: a script adding guessed rows learns nothing (tray-badges.ts).
    trayAtLoad ??= new Set(all.map((r) => r.assessmentId));
    const atLoad = trayAtLoad;
    const rows = all.filter((r) => atLoad.has(r.assessmentId));
    const ids = rows.map((r) => r.assessmentId);
    // What the tray shows of each (type, referral date, worker), when the map names those columns: for the caseload.
    const entries = map.workTray?.columns
      ? rows.map(({ assessmentId, kind, referral, worker }) => ({
          assessmentId,
          ...(kind !== undefined ? { kind } : {}),
          ...(referral !== undefined ? { referral } : {}),
          ...(worker !== undefined ? { worker } : {}),
        }))
      : undefined;
    const signature = `tray:${JSON.stringify(entries ?? ids)}`;
    // Our own badges change the page: ask again only when the list itself changes.
    if (signature === sent.key) return;
    sent.key = signature;
    send({ type: 'page', state: 'work-tray', pagePath: pathOnly() });
    ask({ type: 'tray-badges', caseSystem: map.caseSystem, assessmentIds: ids.slice(0, 500), ...(entries ? { entries: entries.slice(0, 500) } : {}) })
      .then((reply) => showTrayBadges(doc, rows, reply))
      .catch(() => undefined);
  };

  return (url, map) => {
    const tray = readWorkTray(doc, url, map);
    if (tray) return workTray(tray, map);
    if (sent.key !== 'page') {
      sent.key = 'page';
      send({ type: 'page', state: 'unrecognised', pagePath: pathOnly() });
    }
  };
}
