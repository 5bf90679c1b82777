/**
 * Running a field map's regular expressions on a case system page. The map's patterns
 * were checked for catastrophic backtracking when the map was validated
 * (`./regex-check`); as a second guard no pattern ever runs on a text longer than
 * `MAX_REGEX_TEXT`: a longer text simply does not match (never a false match from a cut text).
 * Kept tiny, with no dependencies: it runs in the content script.
 */

/** The longest text (label, id, address, frame src) a map's pattern is run on. */
export const MAX_REGEX_TEXT = 1000;

export interface MapRegex {
  exec(text: string): RegExpExecArray | null;
  test(text: string): boolean;
}

/** A compiled map pattern that refuses overlong text; null when it does not compile. */
export function boundedRegex(source: string, flags = ''): MapRegex | null {
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch {
    return null;
  }
  return {
    exec: (text) => (text.length > MAX_REGEX_TEXT ? null : re.exec(text)),
    test: (text) => text.length <= MAX_REGEX_TEXT && re.test(text),
  };
}
