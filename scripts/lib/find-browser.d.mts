export type FindBrowserResult = { ok: true; path: string } | { ok: false; tried: string[]; message: string };
export function findBrowser(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): FindBrowserResult;
export function findFirefox(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): FindBrowserResult;
export function browserArgs(options?: { root?: boolean }): string[];
