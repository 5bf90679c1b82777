/**
 * Refuses a field map pattern that can backtrack catastrophically (`^/a/([a-z0-9-]+)+/`
 * on a 40-character address kept a case system tab busy for minutes). The check is
 * redos-detector's: it walks every way the pattern could backtrack, within a fixed
 * number of steps (never a clock, so the answer is the same on a busy laptop), and a
 * pattern it cannot prove safe within them is refused too.
 * Patterns that can take time growing with a power of the text's length inside one attempt
 * (`\s*\s*$`) are refused as well; an ordinary unanchored pattern (`Person ID (\d+)`) is not.
 * Used where maps are validated (background, options, panel, CLIs), never in the content script.
 */
import { isSafePattern } from 'redos-detector';

// Steps of the checker's search: the demo map's patterns need well under 200; a
// catastrophic pattern is found within a few hundred.
const MAX_STEPS = 3000;
// How many ways one input may be backtracked through before a pattern is called unsafe (the checker's own default).
const MAX_SCORE = 200;

const verdicts = new Map<string, string | null>();

/** Why a (valid) pattern is refused as unsafe, or null when it is safe. Checked case-insensitively, which can only add ways to match. */
export function unsafeRegexReason(source: string): string | null {
  let verdict = verdicts.get(source);
  if (verdict === undefined) {
    let result: ReturnType<typeof isSafePattern> | undefined;
    try {
      // Checked as one attempt from a fixed start: trying again at each start of an unanchored
      // pattern costs one factor of the text's length, which MAX_REGEX_TEXT bounds.
      result = isSafePattern(`^(?:${source})`, { caseInsensitive: true, maxSteps: MAX_STEPS, maxScore: MAX_SCORE });
    } catch {
      result = undefined;
    }
    verdict = result?.safe
      ? null
      : 'this regular expression can take a very long time on some texts (nested or overlapping repeats such as (a+)+ or (a|a)*): write it without a repeat inside a repeat';
    verdicts.set(source, verdict);
  }
  return verdict;
}
