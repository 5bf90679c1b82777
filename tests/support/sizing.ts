/**
 * How long a test may take and how many runs a property test makes: one place, sized for a
 * slow, busy machine (a council laptop, a shared CI runner), not for a developer's quiet one.
 *
 * A timeout is there to catch a hang, never to measure speed. On a 2-core machine shared
 * with five other developers' builds and tests (load average 12) the slowest unit tests
 * took 20–35 s that take 2–4 s when it is quiet; at load average 30 one property test took
 * over 200 s. So every unit test gets ten minutes: far beyond any real run, still a stop
 * for a hang. Run counts are chosen so the property files take seconds on a quiet
 * machine; PROPERTY_RUNS=5000 runs every property test that many times for a longer
 * hunt, with its timeout grown to match.
 */

/** Any unit test, and any unit-test hook. */
export const UNIT_TIMEOUT_MS = 600_000;
/** Any end-to-end test (a real browser), and the end-to-end hooks that start one. */
export const E2E_TIMEOUT_MS = 600_000;
export const E2E_HOOK_TIMEOUT_MS = 600_000;
/**
 * One run of a command as a user runs it, as a child process (`npm run demo -- --headless`):
 * a build, a browser started, up to sixty case pages read. Twice any end-to-end test's.
 */
export const E2E_COMMAND_TIMEOUT_MS = 2 * E2E_TIMEOUT_MS;
/**
 * How long an end-to-end test waits for something to show in the browser (the panel to
 * follow a page, a badge to change). Always a wait on a condition, never a sleep, so a
 * long one costs nothing when the machine is quiet; on a busy one a panel update that takes
 * a second when quiet has taken over 20.
 */
export const E2E_WAIT_MS = 60_000;

/** A machine this many times slower than a quiet one still passes. */
const SLOWER = 100;

function askedRuns(): number | undefined {
  const asked = Number(process.env.PROPERTY_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : undefined;
}

/** Runs for a property test: its usual count, or PROPERTY_RUNS when set. */
export function propertyRuns(usual: number): number {
  return askedRuns() ?? usual;
}

/**
 * The timeout for a property test of `runs` runs that each take about `quietMsPerRun` on a
 * quiet machine: room for one a hundred times slower, and never less than any unit test's.
 */
export function propertyTimeout(runs: number, quietMsPerRun: number): number {
  return Math.max(UNIT_TIMEOUT_MS, runs * quietMsPerRun * SLOWER);
}
