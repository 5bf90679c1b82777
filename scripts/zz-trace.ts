import { launchBrowser } from './lib/launch';
import { buildExtension } from './bench/build';
import { freshPage, traced } from './bench/browser';
import { extensionActivity } from './bench/trace';
import { startBenchPages } from '../tests/fixtures/bench/server';
const dir = process.argv[2] === 'reuse' ? '/tmp/ac-ext/chrome-mv3-demo' : buildExtension('/tmp/ac-ext');
const pages = await startBenchPages({ today: '2026-11-23' });
const ext = await launchBrowser({ headless: true, withExtension: true, extensionDir: dir });
for (const path of (process.argv[3] ?? '/assessment/SA-BENCH-800/household').split(',')) {
  for (let r = 0; r < 2; r++) {
    const bp = await freshPage(ext.browser);
    if (process.argv[4] === 'storm') await bp.page.evaluateOnNewDocument(() => { addEventListener('DOMContentLoaded', () => { const note = document.createElement('span'); (document.querySelector('.topbar-user, header') ?? document.body).appendChild(note); let n = 0; setInterval(() => { note.textContent = String(++n); }, 10); }); });
    const { trace } = await traced(bp.page, async () => { await bp.page.goto(pages.url + path, { waitUntil: 'load', timeout: 300000 }); await new Promise((res) => setTimeout(res, 4000)); });
    const a = extensionActivity(trace, ext.extensionId!);
    const top = [...a.tasks].sort((x, y) => y.cpuMs - x.cpuMs).slice(0, 8).map((t) => `${t.kind}:${t.cpuMs.toFixed(1)}/${t.ms.toFixed(1)}`);
    const timers = a.tasks.filter((t) => t.kind === 'timer').map((t) => t.cpuMs);
    console.log('timers', timers.length, timers.map((x) => x.toFixed(1)).join(' ').slice(0, 400));
    console.log(path, 'tasks', a.tasks.length, 'cpu', a.totalCpuMs.toFixed(0), 'nested', a.nestedMs.toFixed(1), top.join(' '));
    await bp.close();
  }
}
await ext.close(); await pages.close();
