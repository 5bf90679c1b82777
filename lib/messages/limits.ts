/**
 * The most a single read message may carry: the reader cuts a read to these
 * (lib/content/fact-diff.ts) and the message schema refuses more. Its own module, with no
 * imports, so the content script takes the numbers without the schemas.
 */
export const READ_LIMITS = { facts: 5000, notFound: 2000, gone: 5000, pagePath: 500 } as const;
