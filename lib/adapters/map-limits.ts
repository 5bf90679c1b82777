// The field map's size limits: no dependencies, so the options page's form can say them too.

/**
 * How big a field map may be. Checked first, before anything else (map-checks.ts
 * `mapLimitErrors`), so a map far too big is refused at once with the JSON path of what is
 * over, and the largest map allowed is stored once and checked quickly (issue 24, item 3).
 * The demo map is about 26,000 characters with 150 entries, 40 patterns and code lists of
 * at most 12 codes.
 */
export const MAP_LIMITS = {
  /** Characters of the map's JSON text (a few per cent of the browser's 10 MB for the extension). */
  characters: 1_000_000,
  /** Entries in all: fields plus the fields of every group. */
  entries: 2_000,
  /**
   * Regular expressions in all (URLs, patterns, frame sources, texts matched as "regex"),
   * and their characters in all: proving each safe (regex-check.ts) is the slowest check,
   * taking longer the longer the pattern. The demo map has 18, of about 520 characters.
   */
  patterns: 60,
  patternCharacters: 3_000,
  /** Codes in one code list (a parse's map). */
  codes: 500,
  /** Codes in all the map's code lists together. */
  allCodes: 5_000,
  /** Role words of one group. */
  roles: 100,
} as const;
