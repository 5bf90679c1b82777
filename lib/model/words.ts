// Words every layer counts with (the panel, inspect mode, the caseload, the commands).

/** "1 step", "3 steps", "2 practice prompts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
