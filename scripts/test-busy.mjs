// Runs the whole suite several times in a row while every core is kept busy by another
// process, as on a council laptop or a shared CI runner doing something else:
//   node scripts/test-busy.mjs [--runs=3] [--busy=<processes, default one per core>]
// The busy processes are plain node loops at normal priority. Prints each run's result and
// time, stops at the first failure, and always stops the busy processes.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

function option(name, fallback) {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return fallback;
  const n = Number(arg.slice(name.length + 3));
  if (!Number.isInteger(n) || n < 0 || n > 64) {
    console.error(`--${name} must be a whole number from 0 to 64.`);
    process.exit(2);
  }
  return n;
}

const runs = option('runs', 3);
const busyCount = option('busy', availableParallelism());
const busy = Array.from({ length: busyCount }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopBusy = () => busy.forEach((p) => p.kill('SIGKILL'));
process.on('exit', stopBusy);
process.on('SIGINT', () => process.exit(130));

console.log(`${busyCount} busy process${busyCount === 1 ? '' : 'es'} started; running npm test ${runs} time${runs === 1 ? '' : 's'}.`);
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const code = await new Promise((resolve) => {
    spawn('npm', ['test'], { stdio: 'inherit', shell: process.platform === 'win32' }).on('exit', (c) => resolve(c ?? 1));
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`Run ${run} of ${runs}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${minutes} minutes.`);
  if (code !== 0) process.exit(code);
}
// The busy processes keep node's event loop alive: end here, which stops them.
process.exit(0);
