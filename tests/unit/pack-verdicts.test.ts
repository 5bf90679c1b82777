// Every shipped pack's whole verdict on every test record, kept on disk: a change to a pack's
// rules (for example moving Derby or Hertfordshire onto the shared England base) must leave these
// files unchanged unless the change is meant. Regenerate a meant change with
//   npx vitest run --project unit tests/unit/pack-verdicts.test.ts -u
// and say in the commit which verdicts changed and why.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyRecord, parseRecord, type AssessmentRecord } from '../../lib/model';
import { evaluate, getPack } from '../../lib/rules';
import { PACK_IDS } from '../../lib/rules/packs';
import { completeDerbyRecord, inProgressDerbyRecord, section47DerbyRecord } from '../fixtures/records/derby-records';
import { completeHertfordshireRecord } from '../fixtures/records/hertfordshire-records';
import { recordFromPages } from '../fixtures/records/from-pages';

const recordsDir = join(import.meta.dirname, '..', 'fixtures', 'records');

function fromDisk(file: string): AssessmentRecord {
  const parsed = parseRecord(JSON.parse(readFileSync(join(recordsDir, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
  return parsed.record;
}

const whole: Record<string, AssessmentRecord> = {
  'derby-records.ts complete': completeDerbyRecord,
  'derby-records.ts section 47': section47DerbyRecord,
  'derby-records.ts in progress': inProgressDerbyRecord,
  'hertfordshire-records.ts complete': completeHertfordshireRecord,
  'demo pages SA-1001': recordFromPages('SA-1001'),
  'demo pages SA-1002': recordFromPages('SA-1002'),
  'demo pages SA-1003': recordFromPages('SA-1003'),
  'empty record': emptyRecord('test', 'SA-EMPTY'),
};
for (const file of readdirSync(recordsDir).filter((f) => f.endsWith('.json')).sort()) whole[file] = fromDisk(file);

/** Parts of a record left unread one at a time, so verdicts with facts not read yet are kept too. */
const PARTS = ['dates', 'children', 'adults', 'household', 'consent', 'planning', 'analysis', 'recommendation', 'manager', 'childProtection', 'outcome', 'timescale', 'kind'] as const;

const PARTLY_READ = new Set(['derby-records.ts complete', 'hertfordshire-records.ts complete', 'demo pages SA-1002', 'derby-s47-siblings-baby.json']);

const records: [string, AssessmentRecord][] = [];
for (const [name, record] of Object.entries(whole)) {
  records.push([name, record]);
  if (!PARTLY_READ.has(name)) continue;
  for (const part of PARTS) {
    if (record[part] === undefined) continue;
    const { [part]: _unread, ...rest } = record;
    records.push([`${name}, ${part} not read`, rest as AssessmentRecord]);
  }
}

const MOMENTS = ['2026-09-16T09:00:00Z', '2026-11-23T10:00:00Z'];

/** Everything a finding shows, in a line: its words and source kept as a short hash so the file stays small. */
function line(finding: object): string {
  const { ruleId, subject, status, severity, section, due, message, detail, source, ...rest } = finding as Record<string, unknown>;
  const words = createHash('sha256').update(JSON.stringify({ message, detail, source, rest })).digest('hex').slice(0, 10);
  const who = subject && typeof subject === 'object' && 'id' in subject ? String(subject.id) : '';
  return [ruleId, who, status ?? '', severity, section, due ?? '', words].join(' | ');
}

describe('every shipped pack’s verdicts on every test record stay as they are', () => {
  for (const packId of PACK_IDS) {
    it(`${packId}`, async () => {
      const pack = getPack(packId);
      const verdicts: Record<string, unknown> = {};
      for (const [name, record] of records) {
        for (const now of MOMENTS) {
          const evaluation = evaluate({ ...record, pack: packId }, pack, now);
          verdicts[`${name} @ ${now}`] = {
            ready: `${evaluation.ready.ready} ${createHash('sha256').update(JSON.stringify(evaluation.ready)).digest('hex').slice(0, 10)}`,
            countdowns: evaluation.countdowns.map(line),
            findings: evaluation.findings.map(line),
            prompts: evaluation.prompts.map(line),
          };
        }
      }
      await expect(`${JSON.stringify(verdicts, null, 1)}\n`).toMatchFileSnapshot(join('..', 'fixtures', 'verdicts', `${packId}.json`));
    });
  }
});
