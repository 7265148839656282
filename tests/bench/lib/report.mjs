// The benchmark's output: markdown tables (ours, each peer, and ours/peer), the budgets with PASS/FAIL, and the same figures as JSON.

const KB = 1024;
const MB = 1024 * 1024;
const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits));
const ratio = (a, b) => (a === null || b === null || b === 0 ? null : a / b);

/** Rows of [label, value per page, digits, no ratio] as a table with ours/peer ratios. */
function table(title, pages, rows) {
  const [ours, ...peers] = pages;
  const out = [`#### ${title}`, '', `| | ${pages.map((p) => p.label).join(' | ')} | ${peers.map((p) => `ours / ${p.short}`).join(' | ')} |`,
    `|---|${pages.map(() => '---:').join('|')}|${peers.map(() => '---:').join('|')}|`];
  for (const [label, get, digits, noRatio] of rows) {
    const values = pages.map(get);
    const ratios = peers.map((p) => (noRatio ? '—' : fmt(ratio(get(ours), get(p)), 2)));
    out.push(`| ${label} | ${values.map((v) => fmt(v, digits)).join(' | ')} | ${ratios.join(' | ')} |`);
  }
  return out.join('\n');
}

/** Each budget of the issue, measured: never an assertion, a line that says PASS or FAIL. */
export function budgets(pages) {
  const [ours, echarts, chartjs] = pages;
  const b = (name, value, limit, unit) => ({ name, value, limit, unit, pass: value !== null && value <= limit });
  return [
    b('Everything the infographic transfers, gzipped', ours.bytes.gzip / KB, 100, 'KB'),
    b('Gzipped transfer, ours / ECharts', ratio(ours.bytes.gzip, echarts.bytes.gzip), 0.5, '×'),
    b('Navigation to all charts drawn, ours / ECharts', ratio(ours.load.drawn, echarts.load.drawn), 0.5, '×'),
    { ...b('Navigation to all charts drawn, ours / Chart.js (must be < 1)', ratio(ours.load.drawn, chartjs.load.drawn), 1, '×'),
      pass: ratio(ours.load.drawn, chartjs.load.drawn) < 1 },
    b('Click-to-redraw p95 at 1280 px, DPR 2', ours.click.p95, 4, 'ms'),
    b('Click-to-redraw p95, ours / ECharts', ratio(ours.click.p95, echarts.click.p95), 0.5, '×'),
    b('Memory growth from 100 to 1,000 interactions', ours.memory.growth / MB, 1, 'MB'),
  ];
}

export function markdown(pages, budgetList, meta) {
  const parts = [
    `### Benchmark: datastory against its peers (${meta.viewport}, headless Chromium ${meta.chromium}, ${meta.cores} cores)`,
    '',
    table('Bytes transferred: every response the page loads (KB)', pages, [
      ['gzip -9', (p) => p.bytes.gzip / KB, 1],
      ['brotli 11', (p) => p.bytes.brotli / KB, 1],
      ['uncompressed', (p) => p.bytes.raw / KB, 1],
      ['files', (p) => p.bytes.files.length, 0],
    ]),
    '',
    table(`Navigation start to every chart drawn (ms, median of ${meta.loads} cold loads)`, pages, [
      ['last response received before that', (p) => p.load.received, 0],
      ['charts drawn (data-ready)', (p) => p.load.drawn, 0],
      ['next animation frame', (p) => p.load.frame, 0],
      ['fastest load, charts drawn', (p) => Math.min(...p.load.runs.map((r) => r.drawn)), 0],
    ]),
    '',
    table(`Click to redraw: ${meta.selections} region selections on the map (ms)`, pages, [
      ['p50', (p) => p.click.p50, 2],
      ['p95', (p) => p.click.p95, 2],
      ['max', (p) => p.click.max, 2],
    ]),
    '',
    table('Memory after interactions (MB, after forced garbage collection; JS heap + wasm memory)', pages, [
      ['JS heap after load', (p) => p.memory.load.heap / MB, 2],
      ['wasm memory after load', (p) => p.memory.load.wasm / MB, 2],
      ['total after 100 interactions', (p) => p.memory.after100.total / MB, 2],
      ['total after 1,000 interactions', (p) => p.memory.after1000.total / MB, 2],
      // A ratio of two differences near zero says nothing.
      ['growth from 100 to 1,000', (p) => p.memory.growth / MB, 3, true],
    ]),
    '',
    `#### Our files (KB)`,
    '',
    '| file | uncompressed | gzip -9 | brotli 11 |',
    '|---|---:|---:|---:|',
    ...pages[0].bytes.files.map((f) => `| ${f.path}${f.status === 200 ? '' : ` (${f.status})`} | ${fmt(f.raw / KB)} | ${fmt(f.gzip / KB)} | ${fmt(f.brotli / KB)} |`),
    '',
    `#### Our interactions in detail (ms, ${meta.detailRuns} events each, one per frame)`,
    '',
    '| interaction | p50 | p95 | max |',
    '|---|---:|---:|---:|',
    ...Object.entries(pages[0].detail).map(([name, t]) => `| ${name} | ${fmt(t.p50, 2)} | ${fmt(t.p95, 2)} | ${fmt(t.max, 2)} |`),
    '',
    '#### Budgets',
    '',
    ...budgetList.map((b) => `- ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${fmt(b.value, 2)} ${b.unit} (budget ${b.name.includes('< 1') ? '<' : '≤'} ${b.limit} ${b.unit})`),
    '',
    ...meta.notes.map((n) => `Note: ${n}`),
  ];
  return parts.join('\n');
}
