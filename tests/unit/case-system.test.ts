// The demo case system (tests/fixtures/case-system): it serves every section of every
// seed case, keeps what is saved, escapes what is typed, and matches FIELDS.md.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { startCaseSystem, type CaseSystem } from '../fixtures/case-system/server';
import { SECTIONS, SECTION_BLOCKS, fieldByName } from '../fixtures/case-system/form';
import { fieldRows, fieldsDocPath, withGenerated } from '../fixtures/case-system/fields-doc';
import { SEED_CASES, seedAssessments } from '../fixtures/case-system/seed';

const TODAY = '2026-11-23'; // a Monday
const FORM_IDS = SEED_CASES;
const HOSTILE = '<img src=x onerror=alert(1)>';

let cs: CaseSystem;

beforeAll(async () => {
  cs = await startCaseSystem({ port: 0, today: TODAY });
});
afterAll(async () => {
  await cs.close();
});
beforeEach(async () => {
  await fetch(`${cs.url}/api/reset`, { method: 'POST' });
});

async function get(path: string): Promise<{ status: number; html: string; doc: Document }> {
  const res = await fetch(cs.url + path);
  const html = await res.text();
  return { status: res.status, html, doc: new JSDOM(html).window.document };
}

async function post(path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return fetch(cs.url + path, { method: 'POST', body, redirect: 'manual' });
}

async function json(formId: string): Promise<{ values: Record<string, string | string[]>; people: { personId: string }[]; savedSections: string[] }> {
  const res = await fetch(`${cs.url}/api/assessment/${formId}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { values: Record<string, string | string[]>; people: { personId: string }[]; savedSections: string[] };
}

/** Every form control on the page has an accessible name from a label, legend or ARIA. */
function unnamedControls(doc: Document): string[] {
  const bad: string[] = [];
  for (const el of doc.querySelectorAll('input, select, textarea')) {
    const id = el.getAttribute('id');
    const type = el.getAttribute('type');
    if (type === 'hidden') continue;
    const byLabel = id !== null && doc.querySelector(`label[for="${id}"]`) !== null;
    const byAria = (el.getAttribute('aria-label') ?? '').trim() !== '';
    const labelledBy = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    const byLabelledBy = labelledBy.length > 0 && labelledBy.every((ref) => (doc.getElementById(ref)?.textContent ?? '').trim() !== '');
    if (!byLabel && !byAria && !byLabelledBy) bad.push(el.getAttribute('name') ?? el.outerHTML);
  }
  return bad;
}

function duplicateIds(doc: Document): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const el of doc.querySelectorAll('[id]')) {
    const id = el.getAttribute('id') ?? '';
    if (seen.has(id)) dups.push(id);
    seen.add(id);
  }
  return dups;
}

describe('work tray', () => {
  it('lists every seed assessment with its columns', async () => {
    const { status, doc } = await get('/');
    expect(status).toBe(200);
    expect(doc.documentElement.getAttribute('lang')).toBe('en-GB');
    expect(doc.querySelector('h1')?.textContent).toBe('My work tray');
    expect(doc.body.textContent).toContain("LCS Demo — Children's Services");
    const headers = [...doc.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['Child', 'Person ID', 'Assessment', 'Form ID', 'Referral date', 'Worker', 'Due', 'Status']);
    const rows = [...doc.querySelectorAll('tr[data-form-id]')];
    expect(rows.map((r) => r.getAttribute('data-form-id'))).toEqual(FORM_IDS);
    const cells = (formId: string): string[] =>
      [...(doc.querySelector(`tr[data-form-id="${formId}"]`)?.querySelectorAll('td') ?? [])].map((td) => td.textContent ?? '');
    // 12 weekdays before Monday 23/11/2026 is Thursday 05/11; 45 weekdays on is 07/01/2027.
    expect(cells('SA-1001')).toEqual([
      'Test Child Example',
      '200101',
      'Child and Family Assessment – Child in Need',
      'SA-1001',
      '05/11/2026',
      'Demo Worker',
      '07/01/2027',
      'In progress',
    ]);
    expect(cells('SA-1002')[2]).toBe('Child and Family Assessment – Section 47');
    expect(cells('SA-1003')[7]).toBe('Awaiting authorisation');
    expect(cells('SA-1004')[2]).toBe('Child and Family Assessment – Re-assessment');
    expect(cells('SA-1004')[7]).toBe('In progress – overdue');
    expect(cells('SA-1005')[2]).toBe('Child and Family Assessment – Pre-birth');
    const link = doc.querySelector('tr[data-form-id="SA-1003"] a');
    expect(link?.getAttribute('href')).toBe('/assessment/SA-1003/household');
  });

  it('serves its stylesheet and nothing from elsewhere', async () => {
    const css = await fetch(`${cs.url}/static/lcs.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    const { html } = await get('/');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('<script');
  });
});

describe('assessment sections', () => {
  it('serves every section of every seed case with its numbered heading, Form ID and named controls', async () => {
    for (const formId of FORM_IDS) {
      for (const section of SECTIONS) {
        const path = `/assessment/${formId}/${section.id}`;
        const { status, doc, html } = await get(path);
        expect(status, path).toBe(200);
        expect(doc.documentElement.getAttribute('lang')).toBe('en-GB');
        expect(doc.querySelector('h1')?.textContent).toBe('Single Assessment');
        expect(doc.querySelector('h2')?.textContent, path).toBe(`${section.number} ${section.title}`);
        expect(doc.querySelector('.form-meta')?.textContent).toContain(`Form ID${formId}`);
        expect(doc.querySelector('[aria-label="Person details"]')?.textContent).toContain('Person ID');
        expect(doc.querySelector('nav[aria-label="Assessment sections"] [aria-current="page"]')?.getAttribute('href')).toBe(path);
        expect(unnamedControls(doc), path).toEqual([]);
        expect(duplicateIds(doc), path).toEqual([]);
        expect(html).not.toContain('<script');
        if (section.id === 'background') {
          const frame = doc.querySelector('iframe');
          expect(frame?.getAttribute('title')).toBe('Background, history and safety');
          expect(frame?.getAttribute('src')).toBe(`/assessment/${formId}/background/frame`);
          expect(doc.querySelector('form')).toBeNull();
          const inner = await get(`/assessment/${formId}/background/frame`);
          expect(inner.status).toBe(200);
          expect(inner.doc.querySelector('h1')?.textContent).toBe('Background, history and safety');
          expect(inner.doc.querySelector('form')?.getAttribute('target')).toBe('_top');
          expect(inner.doc.querySelector(`[data-form-id="${formId}"]`)).not.toBeNull();
          expect(unnamedControls(inner.doc)).toEqual([]);
          expect(duplicateIds(inner.doc)).toEqual([]);
        } else {
          expect(doc.querySelector('form.lcs-form button[type="submit"]')?.textContent).toBe('Save');
        }
      }
    }
  });

  it('puts every single field of the form definition on its section page', async () => {
    for (const section of SECTIONS) {
      const path = section.id === 'background' ? '/assessment/SA-1003/background/frame' : `/assessment/SA-1003/${section.id}`;
      const { doc } = await get(path);
      for (const block of SECTION_BLOCKS[section.id]) {
        const fields = block.kind === 'field' ? [block.field] : block.kind === 'group' ? block.fields : [];
        for (const f of fields) expect(doc.querySelector(`[name="${f.name}"]`), `${section.id}: ${f.name}`).not.toBeNull();
      }
    }
  });

  it('lays out the household table with column and row headers and one row per person', async () => {
    const { doc } = await get('/assessment/SA-1002/household');
    const table = doc.querySelector('table#household-members');
    expect(table?.querySelector('caption')?.textContent).toBe('Household members');
    const cols = [...(table?.querySelectorAll('thead th[scope="col"]') ?? [])].map((th) => th.textContent);
    expect(cols).toEqual([
      'Person ID',
      'Name',
      'Role',
      'Date of birth / Expected due date',
      'Unborn',
      'Lives with child',
      'Parental responsibility',
      'Included in assessment',
      'Reason not included',
    ]);
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.map((r) => r.getAttribute('data-person-id'))).toEqual(['200201', '200202', '200203', '200204', '200205', '200206']);
    const ruby = rows[0]!;
    expect(ruby.querySelector('th[scope="row"]')?.textContent).toBe('Ruby Sample');
    expect(ruby.querySelector('td')?.textContent).toBe('200201');
    const role = ruby.querySelector('select[name="household.person.200201.role"]') as HTMLSelectElement;
    expect(role.selectedOptions[0]?.textContent).toBe('Subject child');
    const labelledBy = role.getAttribute('aria-labelledby')?.split(' ') ?? [];
    expect(labelledBy.map((id) => doc.getElementById(id)?.textContent)).toEqual(['Role', 'Ruby Sample']);
    const pr = doc.querySelector('select[name="household.person.200206.pr"]') as HTMLSelectElement;
    expect([...pr.options].map((o) => o.textContent)).toEqual(['-- Select --', 'Yes', 'No', 'Not known']);
    expect(doc.querySelector('form[action="/assessment/SA-1002/household/add-person"] button')?.textContent).toBe('Add a person');
  });

  it('repeats per-person groups in 2.3, 2.6, 2.7 and 2.8 with the person ID visible', async () => {
    const plan = await get('/assessment/SA-1002/plan');
    const seen = plan.doc.querySelector('table#children-seen');
    expect([...(seen?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent)).toEqual([
      'Person ID',
      'Name',
      'Date first seen',
      'Date seen alone',
      'Time seen alone',
      'Reason not seen alone',
      'Bedroom seen',
    ]);
    expect([...(seen?.querySelectorAll('tbody tr') ?? [])].map((r) => r.querySelector('td')?.textContent)).toEqual(['200201', '200202', '200203']);
    const adults = plan.doc.querySelector('table#adults-seen');
    expect([...(adults?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent)).toEqual([
      'Person ID',
      'Name',
      'Role',
      'Seen',
      'Seen alone',
      'Reason not involved',
    ]);
    expect((plan.doc.querySelector('[name="plan.child.200201.seenAlone"]') as HTMLInputElement).value).toBe('22/11/2026');
    expect((plan.doc.querySelector('[name="plan.child.200201.seenAloneTime"]') as HTMLInputElement).value).toBe('15:30');

    const profile = await get('/assessment/SA-1003/profile');
    const legends = [...profile.doc.querySelectorAll('fieldset.person-group legend')].map((l) => l.textContent);
    expect(legends).toEqual(["Child's profile: Mia Specimen (Person ID 200301)", "Child's profile: Noah Specimen (Person ID 200302)"]);
    const story = profile.doc.querySelector('[name="profile.child.200301.story"]') as HTMLTextAreaElement;
    expect(story.value).toMatch(/"[^"]+"/);
    expect(profile.doc.querySelector(`label[for="${story.id}"]`)?.textContent).toBe("Child's profile and story");

    const views = await get('/assessment/SA-1003/views');
    expect([...views.doc.querySelectorAll('fieldset.person-group legend')].map((l) => l.textContent)).toEqual([
      "Child's views: Mia Specimen (Person ID 200301)",
      "Child's views: Noah Specimen (Person ID 200302)",
      "Parent's / carer's views: Jo Specimen (Person ID 200303)",
      "Parent's / carer's views: Lee Specimen (Person ID 200304)",
    ]);
    const analysis = await get('/assessment/SA-1003/analysis');
    expect([...analysis.doc.querySelectorAll('fieldset.person-group legend')].map((l) => l.textContent)).toEqual([
      'Analysis for child: Mia Specimen (Person ID 200301)',
      'Analysis for child: Noah Specimen (Person ID 200302)',
    ]);

    // Unborn: no one to see or hear from, but a profile and an analysis group.
    const prebirthPlan = await get('/assessment/SA-1005/plan');
    expect(prebirthPlan.doc.querySelectorAll('table#children-seen tbody tr[data-person-id]').length).toBe(0);
    const prebirthProfile = await get('/assessment/SA-1005/profile');
    expect(prebirthProfile.doc.querySelector('fieldset.person-group legend')?.textContent).toBe("Child's profile: Baby Demo (Person ID 200501)");
    const banner = prebirthProfile.doc.querySelector('[aria-label="Person details"]')?.textContent ?? '';
    expect(banner).toContain('Expected due date');
    expect(banner).toContain('Unborn');
  });

  it('uses radio groups in fieldsets for consent and the five safety questions', async () => {
    const plan = await get('/assessment/SA-1003/plan');
    const consent = plan.doc.querySelector('fieldset#f-plan-consentObtained');
    expect(consent?.querySelector('legend')?.textContent).toBe('Consent to share information obtained?');
    expect((consent?.querySelector('input:checked') as HTMLInputElement | null)?.value).toBe('Y');
    const givenBy = [...plan.doc.querySelectorAll('input[name="plan.consentGivenBy"]:checked')].map((i) => (i as HTMLInputElement).value);
    expect(givenBy).toEqual(['200303', '200304']);

    const frame = await get('/assessment/SA-1003/background/frame');
    const safety = [...frame.doc.querySelectorAll('fieldset.radios')];
    expect(safety.length).toBe(5);
    for (const fs of safety) {
      expect([...fs.querySelectorAll('label')].map((l) => l.textContent)).toEqual(['Yes', 'No', 'N/A']);
      expect(fs.querySelector('input:checked')).not.toBeNull();
    }
    const partial = await get('/assessment/SA-1002/background/frame');
    expect([...partial.doc.querySelectorAll('fieldset.radios')].filter((fs) => fs.querySelector('input:checked')).length).toBe(2);
  });

  it('shows 2.9 key dates and decision read-only, with the manager fields as inputs', async () => {
    const { doc } = await get('/assessment/SA-1003/manager');
    const table = doc.querySelector('table#key-dates');
    expect(table?.querySelectorAll('input, select, textarea').length).toBe(0);
    const pairs = [...(table?.querySelectorAll('tbody tr') ?? [])].map((r) => [r.querySelector('th[scope="row"]')?.textContent, r.querySelector('td')?.textContent]);
    expect(pairs).toEqual([
      ['Referral date', '12/10/2026'],
      ['Assessment started', '12/10/2026'],
      ['Plan agreed with family', '16/10/2026'],
      ['Submitted to manager', '19/11/2026'],
      ['Completed', '18/11/2026'],
    ]);
    const dl = doc.querySelector('dl#decision-summary');
    expect(dl?.querySelector('dt')?.textContent).toBe('Outcome decision');
    expect(dl?.querySelector('dd')?.textContent).toBe('Child in Need Plan');
    const comment = doc.querySelector('textarea[name="manager.thresholdComment"]');
    expect(doc.getElementById(comment?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe("Manager's comment on threshold");
    expect((doc.querySelector('[name="manager.authorisedDate"]') as HTMLInputElement).value).toBe('');
  });

  it('labels the strategy discussion time only by aria-label', async () => {
    const { doc } = await get('/assessment/SA-1002/child-protection');
    const time = doc.querySelector('[name="cp.strategyTime"]') as HTMLInputElement;
    expect(time.getAttribute('aria-label')).toBe('Time of strategy discussion / meeting (hh:mm)');
    expect(doc.querySelector(`label[for="${time.id}"]`)).toBeNull();
    expect(time.value).toBe('10:30');
    expect((doc.querySelector('[name="cp.strategyDate"]') as HTMLInputElement).value).toBe('22/11/2026');
    expect((doc.querySelector('[name="cp.s47Start"]') as HTMLInputElement).value).toBe('22/11/2026 11:15');
  });

  it('answers 404 for an unknown form, section or API', async () => {
    expect((await get('/assessment/SA-9999/household')).status).toBe(404);
    expect((await get('/assessment/SA-1001/nowhere')).status).toBe(404);
    const api = await fetch(`${cs.url}/api/assessment/SA-9999`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'There is no assessment with Form ID SA-9999.' });
  });
});

describe('saving', () => {
  it('stores a section, redirects with a Saved banner, and keeps the values across pages', async () => {
    const res = await post('/assessment/SA-1001/plan', {
      'plan.plan': 'Revised plan',
      'plan.toolsAndMethods': '\nStarts with a blank line\r\nand has two lines',
      'plan.planAgreedDate': '20/11/2026',
      'plan.consentObtained': 'Y',
      'plan.consentGivenBy': ['200102', '200103'],
      'plan.child.200101.seenAlone': '23/11/2026',
      'plan.child.200101.bedroomSeen': 'Y',
      'reasons.referralDate': '01/01/2000', // another section's field: ignored
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/assessment/SA-1001/plan?saved=1');

    const page = await get('/assessment/SA-1001/plan?saved=1');
    expect(page.doc.querySelector('[role="status"]')?.textContent).toMatch(/^Saved/);
    expect((page.doc.querySelector('[name="plan.planAgreedDate"]') as HTMLInputElement).value).toBe('20/11/2026');
    expect((page.doc.querySelector('[name="plan.plan"]') as HTMLTextAreaElement).value).toBe('Revised plan');
    expect((page.doc.querySelector('[name="plan.toolsAndMethods"]') as HTMLTextAreaElement).value).toBe('\nStarts with a blank line\nand has two lines');
    expect((page.doc.querySelector('[name="plan.child.200101.bedroomSeen"]') as HTMLSelectElement).value).toBe('Y');

    const stored = await json('SA-1001');
    expect(stored.values['plan.planAgreedDate']).toBe('20/11/2026');
    expect(stored.values['plan.consentGivenBy']).toEqual(['200102', '200103']);
    expect(stored.values['plan.fileRead']).toBeUndefined(); // not posted this time: cleared, like an untouched form would not be
    expect(stored.values['reasons.referralDate']).toBe('05/11/2026');
    expect(stored.savedSections).toContain('plan');

    // Reloading without ?saved shows no banner but the same values; other sections untouched.
    const again = await get('/assessment/SA-1001/plan');
    expect(again.doc.querySelector('[role="status"]')).toBeNull();
    expect((again.doc.querySelector('[name="plan.child.200101.seenAlone"]') as HTMLInputElement).value).toBe('23/11/2026');
    const reasons = await get('/assessment/SA-1001/reasons');
    expect((reasons.doc.querySelector('[name="reasons.referralDate"]') as HTMLInputElement).value).toBe('05/11/2026');
  });

  it('clears a checkbox that is no longer ticked and ticks the section in the navigation', async () => {
    const before = await get('/assessment/SA-1001/outcomes');
    expect(before.doc.querySelector('a[href="/assessment/SA-1001/outcomes"]')?.textContent).not.toContain('(saved)');
    await post('/assessment/SA-1001/reasons', { 'reasons.assessmentType': 'CIN', 'reasons.concern.neglect': 'Y' });
    const stored = await json('SA-1001');
    expect(stored.values['reasons.concern.neglect']).toBe('Y');
    expect(stored.values['reasons.concern.parentalMentalHealth']).toBeUndefined();
    await post('/assessment/SA-1001/outcomes', { 'outcomes.decision': 'NFA' });
    const after = await get('/assessment/SA-1001/outcomes');
    expect(after.doc.querySelector('a[href="/assessment/SA-1001/outcomes"]')?.textContent).toContain('(saved)');
    expect((after.doc.querySelector('[name="outcomes.decision"]') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Close / no further action');
  });

  it('saves 2.5 from inside its frame and shows the banner on the outer page', async () => {
    const res = await post('/assessment/SA-1001/background/frame', {
      'background.genogram': 'Y',
      'background.agencies': ['education', 'health'],
      'background.safety.smokeAlarms': 'N',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/assessment/SA-1001/background?saved=1');
    const outer = await get('/assessment/SA-1001/background?saved=1');
    expect(outer.doc.querySelector('[role="status"]')?.textContent).toMatch(/^Saved/);
    const frame = await get('/assessment/SA-1001/background/frame');
    expect((frame.doc.querySelector('[name="background.genogram"]') as HTMLInputElement).checked).toBe(true);
    expect((frame.doc.querySelector('#f-background-safety-smokeAlarms-N') as HTMLInputElement).checked).toBe(true);
    expect((await json('SA-1001')).values['background.agencies']).toEqual(['education', 'health']);
  });

  it('adds a person to the household, who then appears in the per-person groups', async () => {
    const res = await post('/assessment/SA-1001/household/add-person', {
      'addPerson.forename': 'Gran',
      'addPerson.surname': 'Example',
      'addPerson.role': 'RELATIVE',
      'addPerson.dob': '01/02/1960',
      'addPerson.livesWithChild': 'N',
    });
    expect(res.status).toBe(303);
    const page = await get(res.headers.get('location') ?? '');
    expect(page.doc.querySelector('[role="status"]')?.textContent).toBe('Person added: Gran Example (Person ID 300001).');
    expect(page.doc.querySelector('tr[data-person-id="300001"] th[scope="row"]')?.textContent).toBe('Gran Example');
    const plan = await get('/assessment/SA-1001/plan');
    expect(plan.doc.querySelector('table#adults-seen tr[data-person-id="300001"]')).not.toBeNull();
    const views = await get('/assessment/SA-1001/views');
    expect(views.doc.body.textContent).toContain("Parent's / carer's views: Gran Example (Person ID 300001)");
    expect((await json('SA-1001')).people.map((p) => p.personId)).toContain('300001');

    const nameless = await post('/assessment/SA-1001/household/add-person', { 'addPerson.forename': ' ' });
    const error = await get(nameless.headers.get('location') ?? '');
    expect(error.doc.querySelector('[role="alert"]')?.textContent).toContain('Enter a forename or a surname');
  });

  it('escapes hostile input everywhere it is shown', async () => {
    await post('/assessment/SA-1003/analysis', {
      'analysis.worries': HOSTILE,
      'analysis.recommendation': `${HOSTILE}</textarea><script>alert(2)</script>`,
      'analysis.completedDate': `"><img src=x onerror=alert(3)>`,
    });
    await post('/assessment/SA-1003/household/add-person', { 'addPerson.forename': HOSTILE, 'addPerson.surname': `<b onmouseover=alert(4)>` });
    for (const path of ['/assessment/SA-1003/analysis', '/assessment/SA-1003/manager', '/assessment/SA-1003/household', '/assessment/SA-1003/views', '/']) {
      const { html, doc } = await get(path);
      expect(html, path).not.toContain('<img src=x');
      expect(html, path).not.toContain('<script>alert');
      expect(html, path).not.toContain('<b onmouseover');
      expect(doc.querySelectorAll('img, script, b').length, path).toBe(0);
    }
    const analysis = await get('/assessment/SA-1003/analysis');
    expect(analysis.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect((analysis.doc.querySelector('[name="analysis.worries"]') as HTMLTextAreaElement).value).toBe(HOSTILE);
    expect((analysis.doc.querySelector('[name="analysis.completedDate"]') as HTMLInputElement).value).toBe(`"><img src=x onerror=alert(3)>`);
    const manager = await get('/assessment/SA-1003/manager');
    expect(manager.doc.querySelector('table#key-dates tr:last-child td')?.textContent).toBe(`"><img src=x onerror=alert(3)>`);
    const household = await get('/assessment/SA-1003/household');
    expect(household.doc.querySelector('tr[data-person-id="300001"] th')?.textContent).toBe(`${HOSTILE} <b onmouseover=alert(4)>`);
    expect((await json('SA-1003')).values['analysis.worries']).toBe(HOSTILE);
  });

  it('refuses a body that is not a form', async () => {
    const res = await fetch(`${cs.url}/assessment/SA-1001/plan`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(415);
  });

  it('reseeds on POST /api/reset', async () => {
    await post('/assessment/SA-1002/reasons', { 'reasons.referralDate': '01/01/2020' });
    expect((await json('SA-1002')).values['reasons.referralDate']).toBe('01/01/2020');
    const res = await fetch(`${cs.url}/api/reset`, { method: 'POST' });
    expect(await res.json()).toEqual({ ok: true, today: TODAY });
    expect((await json('SA-1002')).values['reasons.referralDate']).toBe('22/11/2026');
  });
});

describe('seed cases', () => {
  it('SA-1003 is complete for Derby: dates in order, own words in quotes, safety answered, not authorised', async () => {
    const v = (await json('SA-1003')).values;
    expect(v['reasons.referralDate']).toBe('12/10/2026');
    expect(v['plan.planAgreedDate']).toBe('16/10/2026');
    expect(v['plan.managerEndorsedDate']).toBe('19/10/2026');
    expect(v['plan.child.200301.seenAlone']).toBe('15/10/2026');
    expect(v['analysis.completedDate']).toBe('18/11/2026');
    expect(v['analysis.submittedDate']).toBe('19/11/2026');
    expect(v['manager.authorisedDate']).toBe('');
    expect(v['manager.thresholdComment']).not.toBe('');
    for (const pid of ['200301', '200302']) {
      expect(v[`profile.child.${pid}.story`]).toMatch(/"[^"]+"/);
      expect(v[`views.child.${pid}.views`]).not.toBe('');
      expect(v[`analysis.child.${pid}.analysis`]).not.toBe('');
    }
    for (const q of ['smokeAlarms', 'safeSleep', 'dontShakeBaby', 'homeSafety', 'safeStorage']) expect(v[`background.safety.${q}`]).toMatch(/^(Y|N|NA)$/);
    expect(v['outcomes.decision']).toBe('CINP');
    for (const q of ['childInNeed', 'significantHarm', 'accommodation', 'consentForSupport']) expect(v[`outcomes.${q}`]).toMatch(/^(Y|N)$/);
    expect(v['plan.exceededReason']).toBe('');
  });

  it('SA-1004 is overdue with no reason and SA-1002 had its strategy discussion yesterday', async () => {
    const v4 = (await json('SA-1004')).values;
    expect(v4['reasons.referralDate']).toBe('31/08/2026');
    expect(v4['analysis.completedDate']).toBeUndefined();
    expect(v4['plan.exceededReason']).toBe('');
    const v2 = (await json('SA-1002')).values;
    expect(v2['cp.strategyDate']).toBe('22/11/2026');
    expect(v2['background.safety.safeSleep']).toBe('N');
    expect(v2['background.safety.dontShakeBaby']).toBeUndefined();
  });

  it('works from another today', async () => {
    const other = await startCaseSystem({ port: 0, today: '2027-03-10' });
    try {
      const v = (await (await fetch(`${other.url}/api/assessment/SA-1002`)).json()) as { values: Record<string, string> };
      expect(v.values['cp.strategyDate']).toBe('09/03/2027');
    } finally {
      await other.close();
    }
    await expect(startCaseSystem({ port: 0, today: '2027-02-30' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('FIELDS.md', () => {
  it('is up to date with the form definition', () => {
    const doc = readFileSync(fieldsDocPath(), 'utf8');
    expect(doc, 'run: npx tsx tests/fixtures/case-system/fields-doc.ts --write').toBe(withGenerated(doc));
  });

  it('maps every fact of the assessment model to a field', () => {
    const facts = fieldRows().map((r) => r.fact).join(' ');
    const model = [
      'kind', 'dates.referral', 'dates.assessmentDecision', 'dates.strategyDiscussion', 'dates.section47Start', 'dates.planAgreedWithFamily',
      'dates.managerPlanEndorsed', 'dates.submittedToManager', 'dates.completed', 'dates.authorised', 'dates.previousAssessmentCompleted', 'dates.icpc',
      'children[].isSubject', 'children[].dateOfBirth', 'children[].expectedDueDate', 'children[].unborn', 'children[].includedInAssessment',
      'children[].exclusionReason', 'children[].seenDates[]', 'children[].notSeenAloneReason', 'children[].bedroomSeen', 'children[].ownWordsRecorded',
      'children[].viewsRecorded', 'children[].advocateConsidered', 'children[].analysisRecorded', 'children[].youngCarer', 'children[].disability',
      'adults[].role', 'adults[].hasParentalResponsibility', 'adults[].livesWithChild', 'adults[].seen', 'adults[].seenAlone', 'adults[].viewsRecorded',
      'adults[].notInvolvedReason', 'household.homeVisited', 'household.firstLanguageNotEnglish', 'household.interpreterNeeded', 'household.interpreterUsed',
      'household.communicationNeedsRecorded', 'consent.obtained', 'consent.inWriting', 'consent.givenBy[]', 'consent.date', 'consent.sharedWithoutConsent',
      'consent.withoutConsentManagerDiscussed', 'consent.withoutConsentReasonRecorded', 'planning.planRecorded', 'planning.timescaleAgreed',
      'planning.toolsAndMethodsRecorded', 'planning.fileRead', 'background.genogram', 'background.ecomap', 'background.chronologyUpdated',
      'background.earlyHelpAssessmentConsidered', 'background.agenciesConsulted[]', 'background.previousAreasChecked', 'safetyAdvice.smokeAlarms',
      'safetyAdvice.safeSleep', 'safetyAdvice.dontShakeBaby', 'safetyAdvice.homeSafety', 'safetyAdvice.safeStorage', 'safetyAdvice.adviceGivenWhereNo',
      'concerns.domesticAbuse', 'concerns.parentalMentalHealth', 'concerns.parentalLearningNeeds', 'concerns.substanceMisuse', 'concerns.neglect',
      'concerns.physicalAbuse', 'concerns.sexualAbuse', 'concerns.emotionalAbuse', 'concerns.criminalExploitation', 'concerns.sexualExploitation',
      'concerns.trafficking', 'concerns.modernSlavery', 'concerns.radicalisation', 'concerns.onlineAbuse', 'concerns.extraFamilialHarm',
      'referrals.nationalReferralMechanism', 'analysis.worries', 'analysis.impactOnChild', 'analysis.strengths', 'analysis.nextSteps',
      'analysis.differencesInViewsRecorded', 'analysis.domains.developmentalNeeds', 'analysis.domains.parentingCapacity',
      'analysis.domains.familyAndEnvironment', 'analysis.riskOutsideHomeConsidered', 'recommendation.recorded', 'recommendation.thresholdConsidered',
      'manager.thresholdCommented', 'manager.supervisionRecorded', 'outcome.decision', 'outcome.childInNeed', 'outcome.significantHarmSuspected',
      'outcome.accommodationNeeded', 'outcome.sharedWithFamilyInWriting', 'outcome.notSharedWithFamilyReason', 'outcome.sharedWithReferrer',
      'outcome.sharedWithAgencies', 'outcome.parentalConsentForSupport', 'timescale.exceededReasonRecorded',
    ];
    const missing = model.filter((fact) => !facts.includes(`\`${fact}\``) && !facts.includes(`\`${fact}\` `));
    expect(missing).toEqual([]);
    expect(fieldByName('reasons.assessmentType')?.fact).toBe('kind');
  });
});

describe('seed cases', () => {
  it('SEED_CASES lists every seed case, in work-tray order', () => {
    expect(seedAssessments('2026-11-23').map((a) => a.formId)).toEqual([...SEED_CASES]);
  });
});
