// npx tsx scripts/bench-evaluate.ts [--iterations N]
// Times evaluate() for each pack on a large household (12 children, 10 adults, every fact
// filled). Target (architecture.md): both packs together under 1 ms median.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { CONCERNS, parseRecord, type AssessmentRecord, type Adult, type Child } from '../lib/model';
import { evaluate, PACK_IDS, getPack, type AnyPack } from '../lib/rules';
import { EXIT_USAGE, isMainModule, parseArgs } from './lib/args';

const NOW = '2026-11-23T10:00:00Z';

/** A household with every fact filled: the most work evaluate() can be asked to do per person. */
export function largeHousehold(childCount = 12, adultCount = 10): AssessmentRecord {
  const children: Child[] = Array.from({ length: childCount }, (_, i) => ({
    id: `C${i + 1}`,
    initials: `C${i + 1}`.slice(0, 4),
    isSubject: i === 0,
    dateOfBirth: `${2009 + i}-0${(i % 9) + 1}-1${i % 9}`,
    expectedDueDate: null,
    unborn: false,
    includedInAssessment: true,
    exclusionReason: null,
    seenDates: [
      { date: '2026-09-24', alone: true },
      { date: '2026-10-08', alone: false },
      { date: '2026-11-05', alone: i % 2 === 0 },
    ],
    notSeenAloneReason: null,
    bedroomSeen: true,
    ownWordsRecorded: true,
    viewsRecorded: true,
    advocateConsidered: true,
    analysisRecorded: true,
    youngCarer: i === 3,
    disability: i === 5,
  }));
  const roles = ['mother', 'father', 'step-parent', 'carer', 'relative', 'other'] as const;
  const adults: Adult[] = Array.from({ length: adultCount }, (_, i) => ({
    id: `A${i + 1}`,
    initials: `A${i + 1}`.slice(0, 4),
    role: roles[i % roles.length],
    hasParentalResponsibility: i < 4,
    livesWithChild: i % 3 !== 1,
    seen: true,
    seenAlone: true,
    viewsRecorded: true,
    notInvolvedReason: null,
  }));
  return {
    schema: 'single-assessment/v1',
    caseSystem: 'bench',
    assessmentId: 'SA-BENCH',
    personId: 'C1',
    kind: 'section-47',
    pack: 'derby',
    dates: {
      referral: '2026-09-21',
      assessmentDecision: '2026-09-21',
      strategyDiscussion: '2026-09-21T15:00:00Z',
      section47Start: '2026-09-21T16:00:00Z',
      planAgreedWithFamily: '2026-09-23',
      managerPlanEndorsed: '2026-09-24',
      submittedToManager: '2026-11-13',
      completed: '2026-11-20',
      authorised: '2026-11-23',
      previousAssessmentCompleted: '2025-06-30',
      icpc: '2026-10-09',
    },
    children,
    adults,
    household: { homeVisited: true, firstLanguageNotEnglish: true, interpreterNeeded: true, interpreterUsed: true, communicationNeedsRecorded: true },
    consent: {
      obtained: true,
      inWriting: true,
      givenBy: ['A1', 'A2'],
      date: '2026-09-23',
      sharedWithoutConsent: false,
      withoutConsentManagerDiscussed: false,
      withoutConsentReasonRecorded: false,
    },
    planning: { planRecorded: true, timescaleAgreed: true, toolsAndMethodsRecorded: true, fileRead: true },
    background: {
      genogram: true,
      ecomap: true,
      chronologyUpdated: true,
      earlyHelpAssessmentConsidered: true,
      agenciesConsulted: ['education', 'health', 'police', 'housing', 'mental-health'],
      previousAreasChecked: true,
    },
    safetyAdvice: { smokeAlarms: 'yes', safeSleep: 'yes', dontShakeBaby: 'yes', homeSafety: 'no', safeStorage: 'yes', adviceGivenWhereNo: true },
    concerns: Object.fromEntries(CONCERNS.map((c, i) => [c, i % 2 === 0])),
    referrals: { nationalReferralMechanism: '2026-09-30' },
    analysis: {
      worries: true,
      impactOnChild: true,
      strengths: true,
      nextSteps: true,
      differencesInViewsRecorded: true,
      domains: { developmentalNeeds: true, parentingCapacity: true, familyAndEnvironment: true },
      riskOutsideHomeConsidered: true,
    },
    recommendation: { recorded: true, thresholdConsidered: true },
    manager: { thresholdCommented: true, supervisionRecorded: true },
    outcome: {
      decision: 'child-in-need-plan',
      childInNeed: true,
      significantHarmSuspected: true,
      accommodationNeeded: false,
      sharedWithFamilyInWriting: '2026-11-23',
      notSharedWithFamilyReason: null,
      sharedWithReferrer: '2026-11-23',
      sharedWithAgencies: '2026-11-23',
      parentalConsentForSupport: true,
    },
    timescale: { exceededReasonRecorded: true },
  };
}

export interface Timing {
  iterations: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

const round = (ms: number) => Math.round(ms * 10_000) / 10_000;

/** Times fn: warm-up runs, then `iterations` timed runs, one sample each. */
export function time(fn: () => unknown, iterations: number, warmup = Math.max(200, iterations / 4)): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    samples[i] = performance.now() - start;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    iterations,
    medianMs: round(quantile(sorted, 0.5)),
    p95Ms: round(quantile(sorted, 0.95)),
    meanMs: round(total / iterations),
    minMs: round(sorted[0] ?? Number.NaN),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

export interface EvaluateBench {
  iterations: number;
  record: { children: number; adults: number; everyFactFilled: true };
  now: string;
  node: string;
  packs: Record<string, Timing & { rules: number; findings: number; countdowns: number; prompts: number }>;
  bothPacks: Timing & { rules: number };
}

/** Times evaluate() for each pack and for both together on the large household: what `npm run bench` reuses. */
export function benchEvaluate(iterations = 5000): EvaluateBench {
  const checked = parseRecord(largeHousehold());
  if (!checked.ok) throw new Error(`bench record fails the schema: ${JSON.stringify(checked.problems)}`);
  const record = checked.record;

  const packs: Array<[string, AnyPack]> = PACK_IDS.map((id) => [id, getPack(id)]);
  const results: EvaluateBench['packs'] = {};
  for (const [id, pack] of packs) {
    const sample = evaluate(record, pack, NOW);
    const errors = [...sample.findings, ...sample.countdowns].filter((f) => f.error);
    if (errors.length > 0) throw new Error(`${id}: rules failed on the bench record: ${errors.map((e) => `${e.ruleId}: ${e.error}`).join('; ')}`);
    results[id] = {
      ...time(() => evaluate(record, pack, NOW), iterations),
      rules: pack.rules.length,
      findings: sample.findings.length,
      countdowns: sample.countdowns.length,
      prompts: sample.prompts.length,
    };
  }
  const both = time(() => {
    for (const [, pack] of packs) evaluate(record, pack, NOW);
  }, iterations);
  return {
    iterations,
    record: { children: record.children?.length ?? 0, adults: record.adults?.length ?? 0, everyFactFilled: true },
    now: NOW,
    node: process.version,
    packs: results,
    bothPacks: { ...both, rules: packs.reduce((n, [, p]) => n + p.rules.length, 0) },
  };
}

function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv, { valueFlags: ['iterations'] });
  if (!parsed.ok) {
    console.error(`bench-evaluate: ${parsed.error}`);
    return EXIT_USAGE;
  }
  const iterations = Number(parsed.args.values.iterations ?? 5000);
  if (!Number.isInteger(iterations) || iterations < 2000) {
    console.error('bench-evaluate: --iterations must be a whole number, at least 2000');
    return EXIT_USAGE;
  }
  const run = benchEvaluate(iterations);
  const both = run.bothPacks;
  const packIds = Object.keys(run.packs);

  const targetMs = 1;
  const rows: Array<[string, string, string, string, string]> = [
    ['pack', 'rules', 'findings', 'median ms', 'p95 ms'],
    ...packIds.map((id): [string, string, string, string, string] => {
      const r = run.packs[id];
      return [id, String(r?.rules ?? ''), String(r?.findings ?? ''), (r?.medianMs ?? NaN).toFixed(4), (r?.p95Ms ?? NaN).toFixed(4)];
    }),
    ['both packs', String(both.rules), '', both.medianMs.toFixed(4), both.p95Ms.toFixed(4)],
  ];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => r[c]?.length ?? 0))) ?? [];
  console.log(`evaluate() on a household of 12 children and 10 adults, every fact filled; ${iterations} runs after warm-up (Node ${process.version})`);
  for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '));
  const pass = both.medianMs < targetMs;
  console.log(`Target: both packs under ${targetMs} ms median: ${pass ? 'met' : 'NOT met'}.`);

  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench-results', 'evaluate.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        benchmark: 'evaluate',
        record: run.record,
        now: run.now,
        node: run.node,
        iterations,
        packs: run.packs,
        bothPacks: both,
        target: { bothPacksMedianMs: targetMs, met: pass },
        ranAt: new Date().toISOString(),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Written to ${out}`);
  return 0;
}

if (isMainModule(import.meta.url)) process.exitCode = main(process.argv.slice(2));
