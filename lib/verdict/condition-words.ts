// A step whose condition is not read yet is worded as a condition, never as a fact. No imports:
// the panel's small format helpers (shared with the content script) use it too.

/** The rule's condition (appliesWhen) is not read yet: the step may not apply at all. */
export function conditionNotRead(item: { status: string; conditionUnknown?: true; error?: string }): boolean {
  return item.status === 'unknown' && item.conditionUnknown === true && !item.error;
}

/** "If this applies to this assessment (not read yet): an initial child protection conference is to be held…" */
export function conditionalWords(item: { message: string; status?: string; conditionUnknown?: true; error?: string }): string {
  if (item.status === undefined || !conditionNotRead({ ...item, status: item.status })) return item.message;
  const m = item.message;
  return `If this applies to this assessment (not read yet): ${m.charAt(0).toLowerCase()}${m.slice(1)}`;
}
