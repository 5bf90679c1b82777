import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { identifyPage } from './page-identity';
import { validateFieldMap } from './map-checks';
import type { FieldMap } from './field-map-schema';
import bundled from './maps/lcs-demo.json';

const demo = bundled as unknown as FieldMap;
const doc = (body: string) => new JSDOM(`<!doctype html><body>${body}</body>`).window.document;

// A map a council might write: the assessment's id is the first word of the page's heading.
const headingWord = {
  ...demo,
  page: { url: '^/form', assessmentId: { find: { css: 'h1' }, read: 'text', pattern: '^(\\S+)' } },
  sections: [{ id: 'reasons', url: '/form' }],
} as FieldMap;

describe('a safe assessment id', () => {
  it('a word of a heading (a child’s first name) is never taken as an assessment id', () => {
    expect(identifyPage(doc('<h1>Sam Smith – Single Assessment</h1>'), 'https://x/form', headingWord)).toBeNull();
  });

  it('an id with its digits, read from the same heading, is', () => {
    expect(identifyPage(doc('<h1>SA-1042 Single Assessment for Sam Smith</h1>'), 'https://x/form', headingWord)).toMatchObject({ assessmentId: 'SA-1042' });
  });

  it('a map check warns when an id comes from the page’s text without a pattern that asks for digits', () => {
    const checked = validateFieldMap({ ...demo, page: headingWord.page });
    expect(checked.ok).toBe(true);
    expect(checked.ok && checked.warnings.map((w) => w.path)).toContain('$.page.assessmentId.pattern');
    // The demo map reads the person id from the page with a pattern of digits: no warning.
    const demoChecked = validateFieldMap(demo);
    expect(demoChecked.ok && demoChecked.warnings).toEqual([]);
  });
});
