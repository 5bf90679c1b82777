import { describe, expect, it } from 'vitest';
import { FIELD_MAP_FORMAT, formatMapErrors, suggestFactPath, type MapError } from '../../lib/adapters/field-map-schema';
import { validateFieldMap, validateFieldMapText } from '../../lib/adapters/map-checks';
import { knownFactPaths } from '../../lib/model/facts';
import lcsDemo from '../../lib/adapters/maps/lcs-demo.json';
import { readFileSync } from 'node:fs';
import { LOCATOR_KINDS, PARSE_TYPES, READ_KINDS } from '../../lib/adapters/field-map-schema';

// The field-map validator: a council's IT team sees these messages, so each must name
// the JSON path and say what was expected.

function base(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: FIELD_MAP_FORMAT,
    id: 'test',
    version: '1.0.0',
    caseSystem: 'test-lcs',
    description: 'A test map',
    page: { url: '^/a/', assessmentId: { url: '^/a/([^/]+)/' } },
    sections: [{ id: 'reasons', url: '/reasons' }],
    fields: [],
    ...extra,
  };
}

const field = (over: Record<string, unknown>) => ({ fact: 'dates.referral', section: 'reasons', find: { label: 'Referral' }, parse: { type: 'date', formats: ['dd/MM/yyyy'] }, ...over });

function errorsOf(map: unknown): MapError[] {
  const r = validateFieldMap(map);
  if (r.ok) throw new Error('expected the map to be rejected');
  return r.errors;
}

function lines(map: unknown): string[] {
  return formatMapErrors(errorsOf(map));
}

describe('lcs-demo.json', () => {
  it('passes the validator with no warnings', () => {
    const r = validateFieldMap(lcsDemo);
    expect(r.ok ? r.warnings : r.errors).toEqual([]);
  });

  it('covers every fact the model knows (the demo form holds them all)', () => {
    const covered = new Set<string>(['personId']);
    for (const f of lcsDemo.fields) covered.add(f.fact);
    for (const g of lcsDemo.groups) {
      for (const f of g.fields) covered.add(f.fact);
      if (typeof g.people !== 'string') {
        for (const role of Object.values(g.people.roles)) for (const key of Object.keys(role.facts ?? {})) covered.add(`${role.group}[].${key}`);
      }
    }
    // Not on the demo form yet: the rules that need them show as "not checked with this case system".
    expect(knownFactPaths().filter((p) => !covered.has(p))).toEqual([]);
  });

  it('uses a mix of locator kinds', () => {
    const kinds = new Set<string>();
    const note = (find: Record<string, unknown>) => Object.keys(find).filter((k) => !['match', 'nth', 'table'].includes(k)).forEach((k) => kinds.add(k));
    for (const f of lcsDemo.fields) {
      note(f.find);
      if ('time' in f && f.time) note(f.time.find);
    }
    for (const g of lcsDemo.groups) for (const f of g.fields) note(f.find);
    expect([...kinds].sort()).toEqual(['ariaLabel', 'columnHeader', 'css', 'label', 'labelledBy', 'legend', 'rowHeader', 'term']);
  });
});

describe('shape errors carry a JSON path and what was expected', () => {
  it('an unknown parse type lists the types', () => {
    expect(lines(base({ fields: [field({ parse: { type: 'datum' } })] }))).toEqual([
      '$.fields[0].parse.type: expected one of date, datetime, seen-date, yes-no, yes-no-na, codes, list, non-empty, quoted-speech, initials, exception-lines',
    ]);
  });

  it('a date format it cannot read says which token is wrong', () => {
    expect(lines(base({ fields: [field({ parse: { type: 'date', formats: ['dd/MM/yyyy', 'DD/MM/YYYY'] } })] }))).toEqual([
      expect.stringMatching(/^\$\.fields\[0\]\.parse\.formats\[1\]: "DD" is not a date token \(use yyyy, yy, MMMM/),
    ]);
    expect(lines(base({ fields: [field({ parse: { type: 'date', formats: ['dd/mm/yyyy'] } })] }))).toEqual([
      '$.fields[0].parse.formats[0]: mm means minutes: write the month as MM (e.g. dd/MM/yyyy)',
    ]);
    expect(lines(base({ fields: [field({ parse: { type: 'date', formats: [] } })] }))).toEqual([
      '$.fields[0].parse.formats: expected at least one format, e.g. "dd/MM/yyyy"',
    ]);
  });

  it('an unknown key is named (a typo in a locator)', () => {
    expect(lines(base({ fields: [field({ find: { lable: 'Referral' } })] }))).toEqual([
      '$.fields[0].find: unknown key "lable" (check the spelling against docs/field-maps.md)',
      '$.fields[0].find: expected one of the keys label, ariaLabel, labelledBy, legend, rowHeader, columnHeader, term, text, css',
    ]);
  });

  it('a locator with two kinds, or table without a header kind', () => {
    expect(lines(base({ fields: [field({ find: { label: 'Referral', css: '#r' } })] }))).toEqual([
      '$.fields[0].find: expected only one of label, css (only rowHeader and columnHeader go together)',
    ]);
    expect(lines(base({ fields: [field({ find: { label: 'Referral', table: 'Dates' } })] }))).toEqual(['$.fields[0].find.table: table only goes with rowHeader or columnHeader']);
    expect(validateFieldMap(base({ fields: [field({ find: { rowHeader: 'Referral', columnHeader: 'Actual', table: 'Dates' }, read: 'text' })] })).ok).toBe(true);
  });

  it('a key that takes one of several forms says which forms', () => {
    expect(lines(base({ fields: [field({ read: 'checkbox' })] }))).toEqual([
      '$.fields[0].read: expected "auto", "value", "text", "option-text", "option-value", "radio-label", "radio-value", "checked", "checked-labels", "checked-values" or an object',
    ]);
    expect(lines(base({ sections: [{ id: 'reasons', heading: 5 }] }))).toEqual(['$.sections[0].heading: expected a text or an object']);
    expect(lines(base({ sections: [{ id: 'reasons', heading: { text: 'Reasons', match: 'fuzzy' } }] }))).toEqual([
      '$.sections[0].heading.match: expected one of "exact", "contains", "starts", "regex"',
    ]);
  });

  it('a wrong section id lists the model\'s sections', () => {
    expect(lines(base({ fields: [field({ section: 'reason' })] }))).toEqual([
      '$.fields[0].section: expected one of "household", "reasons", "plan", "child-protection", "background", "profile", "views", "analysis", "manager", "outcomes"',
    ]);
  });

  it('wrong types and missing keys', () => {
    expect(lines([])).toEqual(['$: expected object, got a list']);
    const { page: _page, ...noPage } = base();
    expect(lines(noPage)).toEqual(['$.page: missing: expected object']);
    expect(lines(base({ version: 'one', id: 'Test Map', format: 'v1', caseSystem: 'LCS (Derby)' }))).toEqual([
      '$.format: expected "assessment-companion/field-map/v1"',
      '$.id: expected a lower-case id like "lcs-demo" (letters, digits, "-")',
      '$.version: expected a version like "1.0.0"',
      '$.caseSystem: expected a lower-case id like "lcs-demo" (letters, digits, "-")',
    ]);
    expect(lines(base({ fields: [field({ find: { label: '' } })] }))).toEqual(['$.fields[0].find.label: expected a non-empty text']);
    expect(lines(base({ sections: [] }))).toEqual(['$.sections: expected at least one section']);
    expect(lines(base({ sections: [{ id: 'reasons' }] }))).toEqual(['$.sections[0]: expected url or heading (or both)']);
  });

  it('JSON that does not parse', () => {
    const r = validateFieldMapText('{ "id": "x", }');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]?.path).toBe('$');
    expect(!r.ok && r.errors[0]?.message).toMatch(/^not valid JSON/);
    expect(validateFieldMapText(JSON.stringify(lcsDemo)).ok).toBe(true);
  });
});

describe('fact paths', () => {
  it('an unknown fact path suggests the nearest known one', () => {
    expect(lines(base({ fields: [field({ fact: 'dates.referal' })] }))).toEqual([
      '$.fields[0].fact: unknown fact path "dates.referal"; did you mean "dates.referral"? (the paths are listed in docs/field-maps.md)',
    ]);
    expect(suggestFactPath('dates.Referral')).toBe('dates.referral');
    expect(suggestFactPath('concerns.domesticViolence')).toBe('concerns.domesticAbuse');
    expect(suggestFactPath('bedroomSeen')).toBe('children[].bedroomSeen');
    expect(suggestFactPath('household.bedroomSeen')).toBe('children[].bedroomSeen');
    expect(suggestFactPath('zzzzzzzzzzzzzzzzzzzzzz')).toBeUndefined();
  });

  it('names unknown fact paths even when the rest of the map is broken', () => {
    const errs = lines(base({ version: 'x', fields: [field({ fact: 'dates.refferal' })] }));
    expect(errs).toContain('$.fields[0].fact: unknown fact path "dates.refferal"; did you mean "dates.referral"? (the paths are listed in docs/field-maps.md)');
  });

  it('a per-person fact belongs in a group, with the generic path', () => {
    expect(lines(base({ fields: [field({ fact: 'children[].bedroomSeen', parse: { type: 'yes-no' } })] }))).toEqual([
      '$.fields[0].fact: "children[].bedroomSeen" is a per-person fact: put it in a group\'s fields (groups say which rows are which person)',
    ]);
    expect(lines(base({ fields: [field({ fact: 'children[P1002].bedroomSeen', parse: { type: 'yes-no' } })] }))).toEqual([
      '$.fields[0].fact: "children[P1002].bedroomSeen" names one person; a map uses the generic path "children[].bedroomSeen" in a group\'s fields',
    ]);
  });

  it('a parse that cannot give the fact\'s kind of value', () => {
    expect(lines(base({ fields: [field({ parse: { type: 'yes-no' } })] }))).toEqual([
      '$.fields[0].parse.type: gives true, which "dates.referral" cannot hold (try { "type": "date", "formats": ["dd/MM/yyyy"] })',
    ]);
    expect(lines(base({ fields: [field({ fact: 'kind', parse: { type: 'codes', map: { S47: 's47' } } })] }))).toEqual([
      '$.fields[0].parse.map.S47: gives "s47", which "kind" cannot hold (try { "type": "codes", "map": { … } } with the model\'s codes)',
    ]);
    expect(lines(base({ fields: [field({ fact: 'background.agenciesConsulted', read: 'checked-values', parse: { type: 'list', map: { Schools: 'schools' } } })] }))).toEqual([
      '$.fields[0].parse.map.Schools: gives ["schools"], which "background.agenciesConsulted" cannot hold (try { "type": "list" })',
    ]);
    expect(lines(base({ fields: [field({ parse: undefined })] }))).toEqual([
      '$.fields[0].parse: missing: the text read needs a parse (e.g. { "type": "date", "formats": ["dd/MM/yyyy"] }) to become "dates.referral"',
    ]);
    expect(lines(base({ fields: [field({ fact: 'background.genogram', read: 'checked', parse: { type: 'date', formats: ['dd/MM/yyyy'] } })] }))).toContain(
      '$.fields[0].parse.type: read "checked" gives true/false: leave parse out, or use yes-no or codes ("true"/"false")',
    );
  });
});

describe('everything else the shape cannot say', () => {
  it('regular expressions must compile, and id patterns need a capture group', () => {
    expect(lines(base({ page: { url: '^/a/(', assessmentId: { url: '^/a/[^/]+/' } } }))).toEqual([
      '$.page.url: not a valid regular expression',
      '$.page.assessmentId.url: expected a regular expression with one capture group ( … ) around the part to keep',
    ]);
    expect(lines(base({ fields: [field({ find: { label: '[', match: 'regex' } })] }))).toEqual(['$.fields[0].find.label: not a valid regular expression']);
  });

  it('a field\'s section must be described in $.sections', () => {
    expect(lines(base({ fields: [field({ section: 'plan' })] }))).toEqual(['$.fields[0].section: no entry in $.sections says where section "plan" is']);
  });

  it('date-times: time zones, time boxes and formats with a time', () => {
    expect(lines(base({ fields: [field({ fact: 'dates.strategyDiscussion', parse: { type: 'datetime', formats: ['dd/MM/yyyy HH:mm'], timeZone: 'Europe/Derby' } })] }))).toEqual([
      '$.fields[0].parse.timeZone: unknown time zone "Europe/Derby": expected a name like "Europe/London", "UTC" or an offset like "+01:00"',
    ]);
    expect(lines(base({ fields: [field({ fact: 'dates.strategyDiscussion', parse: { type: 'datetime', formats: ['dd/MM/yyyy'] } })] }))).toEqual([
      '$.fields[0].parse.formats[0]: a datetime format needs HH:mm (or give the time box in "time")',
    ]);
    expect(lines(base({ fields: [field({ time: { find: { ariaLabel: 'Time' }, formats: ['HH:mm'] } })] }))).toEqual(['$.fields[0].time: time goes with parse "datetime" or "seen-date"']);
    expect(lines(base({ fields: [field({ fact: 'dates.strategyDiscussion', parse: { type: 'datetime', formats: ['dd/MM/yyyy'] }, time: { find: { ariaLabel: 'Time' }, formats: ['dd/MM/yyyy'] } })] }))).toEqual([
      '$.fields[0].time.formats[0]: expected a time format like "HH:mm"',
    ]);
  });

  it('groups: per-person facts only, of the right list; role facts are checked too', () => {
    const group = (over: Record<string, unknown>) => ({ id: 'g', section: 'reasons', rows: { table: 'People' }, personId: { column: 'ID' }, people: 'children', fields: [], ...over });
    expect(lines(base({ groups: [group({ fields: [{ fact: 'dates.referral', find: { columnHeader: 'Date' }, parse: { type: 'date', formats: ['dd/MM/yyyy'] } }] })] }))).toEqual([
      '$.groups[0].fields[0].fact: "dates.referral" is not a per-person fact: a group\'s fields take children[]… or adults[]… paths; put it in $.fields',
    ]);
    expect(lines(base({ groups: [group({ fields: [{ fact: 'adults[].seen', find: { columnHeader: 'Seen' }, parse: { type: 'yes-no' } }] })] }))).toEqual([
      '$.groups[0].fields[0].fact: every row of this group is in children[], so "adults[].seen" would never be read',
    ]);
    expect(
      lines(
        base({
          groups: [
            group({
              people: { roleFrom: { find: { columnHeader: 'Role' } }, roles: { Mum: { group: 'adults', facts: { role: 'mum', isSubject: true } }, Kid: { group: 'kids' } } },
            }),
          ],
        }),
      ),
    ).toEqual(['$.groups[0].people.roles.Kid.group: expected one of "children", "adults"']);
    expect(
      lines(base({ groups: [group({ people: { roleFrom: { find: { columnHeader: 'Role' } }, roles: { Mum: { group: 'adults', facts: { role: 'mum', isSubject: true } } } } })] })),
    ).toEqual([
      '$.groups[0].people.roles.Mum.facts.role: "mum" is not a value "adults[].role" can hold',
      '$.groups[0].people.roles.Mum.facts.isSubject: unknown fact path "adults[].isSubject"; did you mean "children[].isSubject"? (the paths are listed in docs/field-maps.md)',
    ]);
    expect(lines(base({ groups: [group({ personId: { legend: true } })] }))).toEqual([
      '$.groups[0].personId.pattern: a legend or heading holds more than the id: give a pattern with one capture group',
    ]);
    expect(lines(base({ groups: [group({ rows: { table: 'People', css: 'tr' } })] }))).toEqual(['$.groups[0].rows: expected exactly one of table, fieldsets, css, subject']);
  });

  it('when: a known fact of the same kind, read without a condition', () => {
    const g = (fields: unknown[]) => base({ groups: [{ id: 'g', section: 'reasons', rows: { table: 'P' }, personId: { column: 'ID' }, people: 'children', fields }] });
    const dob = { fact: 'children[].dateOfBirth', find: { columnHeader: 'DOB' }, parse: { type: 'date', formats: ['dd/MM/yyyy'] } };
    expect(lines(g([{ ...dob, when: { fact: 'children[].unbron', equals: true } }]))).toEqual([
      '$.groups[0].fields[0].when.fact: unknown fact path "children[].unbron"; did you mean "children[].unborn"? (the paths are listed in docs/field-maps.md)',
    ]);
    expect(lines(g([{ ...dob, when: { fact: 'dates.referral', equals: true } }]))).toEqual([
      '$.groups[0].fields[0].when.fact: in a group, when names a fact of the same person (children[]… or adults[]…)',
    ]);
    expect(lines(g([{ ...dob, when: { fact: 'children[].dateOfBirth', equals: null } }]))).toEqual([
      '$.groups[0].fields[0].when.fact: "children[].dateOfBirth" is itself read only under a condition; when must name a fact read without one',
    ]);
    expect(lines(g([{ ...dob, when: { fact: 'children[].unborn', equals: true, notEquals: false } }]))).toEqual(['$.groups[0].fields[0].when: expected exactly one of equals, notEquals']);
  });

  it('ids are unique', () => {
    expect(lines(base({ fields: [field({ id: 'ref' }), field({ id: 'ref', fact: 'dates.icpc' })] }))).toEqual(['$.fields[1].id: id "ref" is already used at $.fields[0]']);
  });

  it('a map with nothing to read is valid, with a warning', () => {
    const r = validateFieldMap(base());
    expect(r.ok && r.warnings).toEqual([{ path: '$', message: 'the map has no fields and no groups: it reads nothing' }]);
  });
});

describe('docs/field-maps.md', () => {
  const doc = readFileSync(new URL('../../docs/field-maps.md', import.meta.url), 'utf8');

  it('lists every fact path, locator kind, read kind and parse type', () => {
    for (const path of knownFactPaths()) expect(doc, path).toContain(`| \`${path}\` |`);
    for (const kind of LOCATOR_KINDS) expect(doc, kind).toContain(`| \`${kind}\` |`);
    for (const kind of READ_KINDS) expect(doc, kind).toMatch(new RegExp(`\\| \`${kind}\`( \\(default\\))? \\|`));
    for (const type of PARSE_TYPES) expect(doc, type).toContain(`| \`${type}\` |`);
  });

  it('its JSON examples are valid pieces of a map', () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThan(5);
    let parsed = 0;
    for (const block of blocks) {
      if (block.includes('…')) continue;
      try {
        JSON.parse(block.trim().startsWith('{') || block.trim().startsWith('[') ? block : `{${block}}`);
        parsed++;
      } catch {
        // Several snippets are two entries in a row: try them as a list.
        JSON.parse(`[${block}]`);
        parsed++;
      }
    }
    expect(parsed).toBeGreaterThan(5);
  });
});
