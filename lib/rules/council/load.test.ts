// The council pack format: a pack with a mistake is refused with its JSON path, in the words
// field-map errors use; a good one becomes a rule pack the engine runs.
import { describe, expect, it } from 'vitest';
import { loadCouncilPack, loadCouncilPackText } from './load';
import { COUNCIL_PACK_FORMAT } from './format';
import wirralJson from '../packs/wirral/wirral.json';

type Doc = Record<string, unknown> & { rules: Array<Record<string, unknown>>; prompts: Array<Record<string, unknown>>; settings: Record<string, Record<string, unknown>>; off: Array<Record<string, unknown>> };

function wirral(): Doc {
  return structuredClone(wirralJson) as unknown as Doc;
}

function errorsOf(doc: unknown): string[] {
  const result = loadCouncilPack(doc);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('loadCouncilPack', () => {
  it('makes the Wirral JSON a pack: ids prefixed, settings as parameters with their defaults', () => {
    const result = loadCouncilPack(wirralJson);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.pack.id).toBe('wirral');
    expect(result.pack.rules.every((r) => r.id.startsWith('wirral/') || r.id.startsWith('national/'))).toBe(true);
    expect(result.pack.paramsSchema.parse({})).toEqual({ assessmentDays: 30, exceptionalWorkingDays: 45, firstReviewWorkingDays: 5, secondReviewWorkingDays: 15, viewsFromAge: 2 });
  });

  it('refuses another format', () => {
    expect(errorsOf({ ...wirral(), format: 'assessment-companion/council-pack/v2' })).toEqual([`$.format: expected "${COUNCIL_PACK_FORMAT}"`]);
  });

  it('refuses an unknown key, pointing at the guide', () => {
    const doc = wirral();
    doc.rules[2]!.colour = 'red';
    expect(errorsOf(doc)).toEqual(['$.rules[2]: unknown key "colour" (check the spelling against docs/council-packs.md)']);
  });

  it('refuses a base rule that does not exist, listing those that do', () => {
    const doc = wirral();
    doc.rules[0]!.use = 'assessment-timescales';
    expect(errorsOf(doc)[0]).toMatch(/^\$\.rules\[0\]\.use: expected one of "assessment-timescale", "review-point"/);
  });

  it('refuses a quote of more than 25 words', () => {
    const doc = wirral();
    (doc.rules[0]!.source as Record<string, unknown>).quote = Array.from({ length: 26 }, () => 'word').join(' ');
    expect(errorsOf(doc)).toEqual(['$.rules[0].source.quote: quote at most 25 words of the council’s own text']);
  });

  it('refuses a source with neither a quote nor a reason the text is not held', () => {
    const doc = wirral();
    doc.rules[4]!.source = { section: '3' };
    expect(errorsOf(doc)).toEqual(['$.rules[4].source: give a "quote" of the council’s words, or "textNotHeld" saying why there is none']);
  });

  it('refuses a figure naming a setting the pack does not have', () => {
    const doc = wirral();
    doc.rules[0]!.figures = { days: { setting: 'assessmentDay' }, from: 'referral' };
    expect(errorsOf(doc)).toEqual([
      '$.rules[0].figures.days.setting: no setting "assessmentDay" in "settings" (the pack has assessmentDays, exceptionalWorkingDays, firstReviewWorkingDays, secondReviewWorkingDays, viewsFromAge)',
    ]);
  });

  it('refuses a figure the base rule does not take, and a start event it does not know', () => {
    const doc = wirral();
    doc.rules[0]!.figures = { days: 30, from: 'allocation', hours: 24 };
    expect(errorsOf(doc)).toEqual(expect.arrayContaining(['$.rules[0].figures: unknown key "hours" (check the spelling against docs/council-packs.md)', expect.stringMatching(/^\$\.rules\[0\]\.figures\.from: expected one of "referral"/)]));
  });

  it('refuses a timescale given both in days and in working days', () => {
    const doc = wirral();
    doc.rules[0]!.figures = { days: 30, workingDays: 20 };
    expect(errorsOf(doc)).toEqual(['$.rules[0].figures: give the timescale as "workingDays" or as "days", one of them']);
  });

  it('refuses a check weighted as a prompt', () => {
    const doc = wirral();
    doc.rules[4]!.severity = 'prompt';
    expect(errorsOf(doc)[0]).toBe('$.rules[4].severity: "child-views" is a check: expected "required" or "expected" (a prompt goes under "prompts")');
  });

  it('refuses a reason excusing a check (only a deadline is excused)', () => {
    const doc = wirral();
    doc.rules[4]!.excusedBy = { fact: 'timescale.exceededReasonRecorded', allowedBy: 'Wirral 1.3.3 timescales' };
    expect(errorsOf(doc)).toEqual(['$.rules[4].excusedBy: "child-views" is a check: only a deadline is excused by a reason']);
  });

  it('refuses showFigureNote on a check (only a deadline has a note on its figure), and a rule’s figureNote (a setting’s word)', () => {
    const doc = wirral();
    doc.rules[4]!.showFigureNote = false;
    expect(errorsOf(doc)).toEqual(['$.rules[4].showFigureNote: "child-views" is a check: only a deadline has a note on its figure']);
    const old = wirral();
    old.rules[0]!.figureNote = false;
    expect(errorsOf(old)).toEqual(['$.rules[0]: unknown key "figureNote" (check the spelling against docs/council-packs.md)']);
  });

  it('refuses a name used twice', () => {
    const doc = wirral();
    doc.prompts[0]!.id = 'child-views';
    expect(errorsOf(doc)).toEqual(['$.prompts[0].id: "child-views" is used twice: every rule and prompt needs its own name']);
  });

  it('refuses a base rule both used and switched off', () => {
    const doc = wirral();
    doc.off.push({ use: 'child-views', reason: 'Not held in this chapter.' });
    expect(errorsOf(doc)).toEqual(['$.off[6].use: "child-views" is switched off here and used in "rules": choose one']);
  });

  it('refuses a setting whose default is outside its bounds', () => {
    const doc = wirral();
    doc.settings.assessmentDays!.default = 200;
    expect(errorsOf(doc)).toEqual(['$.settings.assessmentDays.default: expected a default from 1 to 120']);
  });

  it('refuses a "reasons for exceeding" rule that names no deadline of the pack', () => {
    const doc = wirral();
    doc.off = doc.off.filter((o) => o.use !== 'timescale-exceeded-reason');
    doc.rules.push({ id: 'reasons', use: 'timescale-exceeded-reason', severity: 'required', figures: { deadline: 'child-views' }, source: { section: '6', quote: 'record why' } });
    expect(errorsOf(doc)).toEqual(['$.rules[6].figures.deadline: expected the name of a deadline in this pack (assessment-30-days, assessment-45-working-days-exceptional, first-review-5-working-days)']);
  });

  it('refuses generic words in a message', () => {
    const doc = wirral();
    doc.rules[4]!.message = 'Record the data about the child’s views.';
    expect(errorsOf(doc)).toEqual(['$.rules[4].message: use the procedure’s own words, not generic ones (item, data, info)']);
  });

  it('refuses a line the base rule does not say, naming those it does', () => {
    const doc = wirral();
    doc.rules[0]!.details = { late: 'The 30 days have passed.' };
    doc.rules[4]!.details = { late: false };
    expect(errorsOf(doc)).toEqual([
      '$.rules[0].details.late: "assessment-timescale" says no line "late" (it has startBlank)',
      '$.rules[4].details.late: "child-views" has no lines to word',
    ]);
  });

  it('refuses a reason the base rule cannot accept, naming those it can', () => {
    const doc = wirral();
    doc.rules[4]!.acceptsReason = { fact: 'outcome.notSharedWithFamilyReason', allowedBy: 'Wirral: a reason is allowed here' };
    doc.rules[5]!.acceptsReason = { fact: 'timescale.exceededReasonRecorded', allowedBy: 'Wirral: a reason is allowed here' };
    doc.rules[0]!.acceptsReason = { fact: 'outcome.notSharedWithFamilyReason', allowedBy: 'Wirral: a reason is allowed here' };
    expect(errorsOf(doc)).toEqual([
      '$.rules[0].acceptsReason: "assessment-timescale" is a deadline: a missed deadline is excused by "excusedBy"',
      '$.rules[4].acceptsReason: "child-views" accepts no recorded reason in place of its step',
      '$.rules[5].acceptsReason.fact: expected outcome.notSharedWithFamilyReason',
    ]);
  });

  it('refuses a setting’s note for a changed figure that does not say the figure', () => {
    const doc = wirral();
    doc.settings.assessmentDays!.figureNote = { asWritten: 'The 30 days are Wirral’s own figure.', changed: 'Your council has changed the 30 days.' };
    expect(errorsOf(doc)).toEqual(['$.settings.assessmentDays.figureNote.changed: say the figure a council has set with "{n}"']);
  });

  it('refuses text that is not JSON', () => {
    const result = loadCouncilPackText('{ "format":');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toBe('$');
  });
});
