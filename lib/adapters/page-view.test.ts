import { describe, expect, it } from 'vitest';
import { pageView } from './page-view';
import type { FieldMap } from './field-map-schema';
import bundled from './maps/lcs-demo.json';

const demo = bundled as unknown as FieldMap;
const queryRouted: FieldMap = {
  ...demo,
  page: { url: '^/CF/Assessment\\.aspx\\?', assessmentId: { url: '[?&]id=([^&#]+)' } },
  sections: [
    { id: 'household', url: '[?&]step=1(?:[&#]|$)' },
    { id: 'reasons', url: '[?&]step=2(?:[&#]|$)' },
  ],
};

describe('pageView', () => {
  it('keeps the query parts the map’s patterns use, in the page’s order, and only their names for the rest', () => {
    const v = pageView(queryRouted, 'https://cs.example/CF/Assessment.aspx?_=123&id=CF-1&step=2&search=Smith#top', ['reasons']);
    expect(v.pagePath).toBe('/CF/Assessment.aspx?id=CF-1&step=2');
    expect(v.view).toBe('/CF/Assessment.aspx?id=CF-1&step=2 (_&search)#reasons');
    // Never a value the map does not use (a name searched for).
    expect(v.view).not.toContain('Smith');
  });

  it('the steps of one assessment are different views', () => {
    const one = pageView(queryRouted, 'https://cs.example/CF/Assessment.aspx?id=CF-1&step=1', ['household']);
    const two = pageView(queryRouted, 'https://cs.example/CF/Assessment.aspx?id=CF-1&step=2', ['reasons']);
    expect(one.view).not.toBe(two.view);
  });

  it('a print view at the same path is a view of its own, at the same page path', () => {
    const edit = pageView(demo, 'http://127.0.0.1/assessment/SA-1/household', ['household']);
    const print = pageView(demo, 'http://127.0.0.1/assessment/SA-1/household?view=print', ['household']);
    expect(print.pagePath).toBe(edit.pagePath);
    expect(print.pagePath).toBe('/assessment/SA-1/household');
    expect(print.view).not.toBe(edit.view);
  });

  it('tabs that swap content in place at one address are told apart by the sections they show', () => {
    const url = 'http://127.0.0.1/assessment/SA-1/household';
    expect(pageView(demo, url, ['household']).view).not.toBe(pageView(demo, url, ['reasons']).view);
  });

  it('cuts a long path to what a message may carry', () => {
    expect(pageView(demo, `http://127.0.0.1/${'a'.repeat(900)}`, []).pagePath).toHaveLength(500);
  });
});
