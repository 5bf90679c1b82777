import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Small, generic command-line parsing shared by the project's node scripts
// (workdays, check, …). Pure, so each command's parsing can be unit tested.
//
// Why not node:util parseArgs: it reads "-5" as an unknown short option, and
// several of our commands take negative numbers as positionals.

/** Exit codes shared by the scripts. */
export const EXIT_OK = 0;
/** Something failed that was not the caller's fault. */
export const EXIT_FAILURE = 1;
/** Bad input: unknown option, missing argument, unreadable or invalid file. */
export const EXIT_USAGE = 2;

export interface ArgSpec<V extends string, B extends string> {
  /** Flags that take a value: `--name value` or `--name=value`. */
  readonly valueFlags?: readonly V[];
  /** Flags that stand alone: `--flag`. */
  readonly booleanFlags?: readonly B[];
  /** Single-dash short forms, e.g. `{ h: 'help' }` makes `-h` mean `--help`. */
  readonly aliases?: Readonly<Record<string, V | B>>;
}

export interface ParsedArgs<V extends string, B extends string> {
  /** Everything that is not a flag, in order. Anything after `--` is positional too. */
  readonly positionals: readonly string[];
  /** Values of the value flags that were given. */
  readonly values: Readonly<Partial<Record<V, string>>>;
  /** Every boolean flag, true if given. */
  readonly flags: Readonly<Record<B, boolean>>;
}

export type ParseArgsResult<V extends string, B extends string> =
  | { readonly ok: true; readonly args: ParsedArgs<V, B> }
  | { readonly ok: false; readonly error: string };

// A lone "-" (stdin by convention) and negative numbers are positionals, not flags.
const NEGATIVE_NUMBER = /^-\d/;

/**
 * Splits command-line arguments (without the node and script paths) into
 * positionals, value flags and boolean flags. Unknown flags, a missing value
 * and a value flag given twice are errors.
 */
export function parseArgs<const V extends string = never, const B extends string = never>(
  argv: readonly string[],
  spec: ArgSpec<V, B> = {},
): ParseArgsResult<V, B> {
  const valueFlags = new Set<string>(spec.valueFlags ?? []);
  const booleanFlags = new Set<string>(spec.booleanFlags ?? []);
  const positionals: string[] = [];
  const values: Partial<Record<string, string>> = {};
  const flags: Record<string, boolean> = {};
  for (const name of booleanFlags) flags[name] = false;

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string;
    let inline: string | undefined;
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      name = eq === -1 ? token.slice(2) : token.slice(2, eq);
      inline = eq === -1 ? undefined : token.slice(eq + 1);
    } else if (token.startsWith('-') && token !== '-' && !NEGATIVE_NUMBER.test(token)) {
      const alias = spec.aliases?.[token.slice(1)];
      if (alias === undefined) return { ok: false, error: `unknown option ${token}` };
      name = alias;
    } else {
      positionals.push(token);
      continue;
    }

    if (booleanFlags.has(name)) {
      if (inline !== undefined) return { ok: false, error: `--${name} does not take a value` };
      flags[name] = true;
    } else if (valueFlags.has(name)) {
      if (values[name] !== undefined) return { ok: false, error: `--${name} given more than once` };
      let value = inline;
      if (value === undefined) {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) {
          return { ok: false, error: `--${name} needs a value` };
        }
        value = next;
        i++;
      }
      values[name] = value;
    } else {
      return { ok: false, error: `unknown option --${name}` };
    }
  }
  // The two records were filled from spec's own names above.
  return {
    ok: true,
    args: {
      positionals,
      values: values as Partial<Record<V, string>>,
      flags: flags as Record<B, boolean>,
    },
  };
}

/** Where a command writes; tests pass their own to capture output. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** True when the module at `moduleUrl` is the script node was asked to run (not imported by a test). */
export function isMainModule(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (argv1 === undefined) return false;
  const withoutExtension = (p: string) => p.replace(/\.[cm]?[jt]s$/, '');
  return withoutExtension(fileURLToPath(moduleUrl)) === withoutExtension(resolve(argv1));
}
