/**
 * The growth chart (docs/growth.svg): how the first read, a re-read and the facts
 * messages grow with the number of facts on a page, on log-log axes, with a line of
 * linear growth through the smallest page for comparison. Plain SVG text, no library.
 */
import { writeFileSync } from 'node:fs';
import type { GrowthResult } from './measures';

interface Series {
  name: string;
  colour: string;
  dash?: string;
  points: [number, number][];
}

const W = 360;
const H = 260;
const PAD = { left: 56, right: 12, top: 28, bottom: 44 };

function panel(title: string, unit: string, series: readonly Series[], dx: number): string {
  const all = series.flatMap((s) => s.points).filter(([x, y]) => x > 0 && y > 0);
  if (all.length === 0) return '';
  const xs = all.map(([x]) => x);
  const ys = all.map(([, y]) => y);
  const lx = [Math.floor(Math.log10(Math.min(...xs))), Math.ceil(Math.log10(Math.max(...xs)))];
  const ly = [Math.floor(Math.log10(Math.min(...ys))), Math.ceil(Math.log10(Math.max(...ys)))];
  const [x0 = 0, x1 = 1] = lx;
  const [y0 = 0, y1 = 1] = ly;
  const px = (x: number) => dx + PAD.left + ((Math.log10(x) - x0) / Math.max(1, x1 - x0)) * (W - PAD.left - PAD.right);
  const py = (y: number) => PAD.top + (1 - (Math.log10(y) - y0) / Math.max(1, y1 - y0)) * (H - PAD.top - PAD.bottom);
  const out: string[] = [];
  out.push(`<text x="${dx + W / 2}" y="16" text-anchor="middle" font-weight="bold">${title}</text>`);
  for (let e = x0; e <= x1; e++) {
    const x = px(10 ** e);
    out.push(`<line x1="${x}" y1="${PAD.top}" x2="${x}" y2="${H - PAD.bottom}" stroke="#ddd"/>`, `<text x="${x}" y="${H - PAD.bottom + 14}" text-anchor="middle">${(10 ** e).toLocaleString('en-GB')}</text>`);
  }
  for (let e = y0; e <= y1; e++) {
    const y = py(10 ** e);
    out.push(`<line x1="${dx + PAD.left}" y1="${y}" x2="${dx + W - PAD.right}" y2="${y}" stroke="#ddd"/>`, `<text x="${dx + PAD.left - 4}" y="${y + 4}" text-anchor="end">${(10 ** e).toLocaleString('en-GB')}</text>`);
  }
  out.push(`<text x="${dx + W / 2}" y="${H - 8}" text-anchor="middle">facts on the page</text>`);
  out.push(`<text x="${dx + 12}" y="${H / 2}" text-anchor="middle" transform="rotate(-90 ${dx + 12} ${H / 2})">${unit}</text>`);
  series.forEach((s, i) => {
    const pts = s.points.filter(([x, y]) => x > 0 && y > 0);
    if (pts.length === 0) return;
    out.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} points="${pts.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')}"/>`);
    if (!s.dash) for (const [x, y] of pts) out.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${s.colour}"/>`);
    const ly2 = PAD.top + 6 + i * 14;
    out.push(`<line x1="${dx + PAD.left + 8}" y1="${ly2}" x2="${dx + PAD.left + 26}" y2="${ly2}" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`, `<text x="${dx + PAD.left + 30}" y="${ly2 + 4}">${s.name}</text>`);
  });
  return out.join('\n');
}

/** A line of linear growth through the first point. */
function linear(points: [number, number][]): [number, number][] {
  const [first] = points;
  if (!first) return [];
  return points.map(([x]) => [x, (first[1] * x) / first[0]]);
}

export function growthSvg(g: GrowthResult): string {
  const pts = g.points;
  const first: [number, number][] = pts.map((p) => [p.facts, p.firstRead.median]);
  const longest: [number, number][] = pts.map((p) => [p.facts, p.firstLongest.median]);
  const reRead: [number, number][] = pts.map((p) => [p.facts, p.reRead.median]);
  const size: [number, number][] = pts.map((p) => [p.facts, p.messageChars / 1024]);
  const time = panel(
    'Reading time',
    'ms',
    [
      { name: 'first read, all slices', colour: '#1d70b8', points: first },
      { name: 'its longest slice', colour: '#00703c', points: longest },
      { name: 're-read after one change', colour: '#d4351c', points: reRead },
      { name: 'linear', colour: '#505a5f', dash: '4 4', points: linear(first) },
    ],
    0,
  );
  const bytes = panel(
    'Facts messages of the first read',
    'kB (JSON)',
    [
      { name: 'all messages', colour: '#1d70b8', points: size },
      { name: 'linear', colour: '#505a5f', dash: '4 4', points: linear(size) },
    ],
    W,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" viewBox="0 0 ${2 * W} ${H}" font-family="Arial, sans-serif" font-size="11" role="img" aria-labelledby="growth-title">
<title id="growth-title">How the page reader's cost grows with the facts on a page (households of ${pts.map((p) => p.people).join(', ')} people)</title>
<rect width="100%" height="100%" fill="#fff"/>
${time}
${bytes}
</svg>
`;
}

/** Writes the chart and returns where. */
export function writeGrowthChart(g: GrowthResult, path: string): string {
  writeFileSync(path, growthSvg(g));
  return path;
}
