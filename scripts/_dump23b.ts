import { readFileSync } from 'node:fs';
import { createCalendar } from '../lib/calendar';
import { checkSetup, runChecks } from '../lib/verdict/checks';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { parseRecord } from '../lib/model';
import { caseFacts, workerSteps, managerStage, nearestClock } from '../lib/verdict/first-screen';
import { countdownsInForce } from '../components/group';
import { FORM_SECTIONS } from '../lib/model/section-names';
const file = process.argv[2]!; const now = Date.parse(process.argv[3] ?? '2026-11-23T10:00:00Z');
const p = parseRecord(JSON.parse(readFileSync(file,'utf8'))); if (!p.ok) throw new Error('bad');
const cal = createCalendar();
const ev = runChecks(checkSetup(DEFAULT_SETTINGS, cal)!, p.record, now);
const facts = caseFacts(p.record, ev.today, cal, ev);
console.log(JSON.stringify(facts, null, 1));
const w = workerSteps(ev, facts);
for (const k of ['now','later','manager'] as const) { console.log('==', k); for (const s of w[k]) console.log(' ', s.finding.ruleId, s.finding.subject?.label ?? '', s.clock ? `[clock ${s.clock.ruleId} ${s.clock.status}]` : ''); }
console.log('nearest', nearestClock(countdownsInForce(ev))?.ruleId);
console.log(managerStage(ev, facts, false, FORM_SECTIONS), managerStage(ev, facts, true, FORM_SECTIONS));
