// Frames with no address of their own (srcdoc, about:blank) have no reader that could
// recognise the page (it sees "about:srcdoc"): the page that holds them reads them, under
// its own identity. Frames with an address read themselves. A frame the map expects but
// nobody can read is reported, never silently skipped.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract, locateField } from '../../lib/adapters/extractor';
import { FIELD_MAP_FORMAT, type FieldMap } from '../../lib/adapters/field-map-schema';
import { validateFieldMap } from '../../lib/adapters/map-checks';

const map = ((): FieldMap => {
  const r = validateFieldMap({
    format: FIELD_MAP_FORMAT,
    id: 'frames-test',
    version: '1.0.0',
    caseSystem: 'frames-test',
    description: 'Frames test',
    page: { url: '^/case/', assessmentId: { url: '^/case/([A-Z0-9-]+)' } },
    sections: [
      { id: 'reasons', heading: 'Reasons for assessment' },
      { id: 'outcomes', heading: 'Outcome', frame: { title: 'Outcome' } },
    ],
    fields: [
      { fact: 'dates.referral', section: 'reasons', find: { label: 'Date referral received' }, parse: { type: 'date', formats: ['dd/MM/yyyy'] } },
      { id: 'outcome.cin', fact: 'outcome.childInNeed', section: 'outcomes', frame: { title: 'Outcome' }, find: { label: 'Child in need' }, parse: { type: 'yes-no' } },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.map;
})();

const OUTCOME = '<h2>Outcome</h2><label for=c>Child in need</label><select id=c><option>Yes</option><option selected>No</option></select>';

function page(frame: string): Document {
  return new JSDOM(`<!DOCTYPE html><body><h1>Reasons for assessment</h1><label for=r>Date referral received</label><input id=r value="02/11/2026">${frame}</body>`, {
    url: 'https://lcs.example.gov.uk/case/SA-1/form',
  }).window.document;
}

const NOW = new Date('2026-11-20T10:00:00Z');

describe('frames read by the page that holds them', () => {
  it('reads a srcdoc frame under the page identity when each frame reads itself', () => {
    const doc = page(`<iframe title="Outcome" srcdoc="${OUTCOME.replace(/"/g, '&quot;')}"></iframe>`);
    const result = extract(doc, doc.URL, map, NOW, { frames: 'inline' });
    expect(result?.assessmentId).toBe('SA-1');
    expect(result?.sections).toEqual(['reasons', 'outcomes']);
    expect(result?.facts).toContainEqual({ path: 'outcome.childInNeed', value: false });
    expect(result?.provenance['outcome.childInNeed']?.locator).toContain('frame "Outcome"');
    // Show me finds the field inside the frame too.
    expect(locateField(doc, map, 'outcome.childInNeed', { frames: 'inline', url: doc.URL })?.id).toBe('c');
  });

  it('leaves a frame with its own address to its own reader (not reported missing here)', () => {
    const doc = page('<iframe title="Outcome" src="/case/SA-1/outcome"></iframe>');
    const result = extract(doc, doc.URL, map, NOW, { frames: 'inline' });
    expect(result?.facts.map((f) => f.path)).toEqual(['dates.referral']);
    expect(result?.notFound.map((n) => n.fact)).not.toContain('outcome.childInNeed');
  });

  it('reports a frame the map expects that cannot be read (sandboxed, or not saved)', () => {
    const doc = page('<iframe title="Outcome" src="/case/SA-1/outcome"></iframe>');
    const result = extract(doc, doc.URL, map, NOW, { frames: () => null });
    const frame = result?.notFoundDetails.find((n) => n.entry === 'frame "Outcome"');
    expect(frame?.reason).toMatch(/could not be read/);
  });
});
