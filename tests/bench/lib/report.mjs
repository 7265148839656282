// The benchmark's output: markdown tables (ours, each peer, and ours/peer), the budgets with PASS/FAIL, and the same figures as JSON; for the default story, for the line charts and for the choropleth of the world.

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
    // 110 KB since charts over time (100 before); here every response gzipped at level 9 alike for
    // every page, where `cargo xtask size` weighs the gzip copies dist/ ships (written by Zopfli).
    b('Everything the infographic transfers, gzip -9', ours.bytes.gzip / KB, 110, 'KB'),
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

const thousands = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

/** The line charts' budgets of the issue, measured: a line each that says PASS or FAIL. */
export function lineBudgets(l) {
  const b = (name, value, limit, unit) => ({ name, value, limit, unit, pass: value !== null && value <= limit });
  const { bytes: { real }, many, draws, cursors, files } = l;
  const draw = (file, id) => draws[file][id].p50;
  const [small] = files.sizes[0];
  const growth = ratio(draw(files.sizes.at(-1)[1], 'datastory'), draw(files.sizes[0][1], 'datastory'));
  return [
    b('Line-chart story page, gzipped, ours / ECharts', ratio(real.datastory.gzip, real.echarts.gzip), 0.5, '×'),
    b('Line-chart story page, gzipped, ours / Chart.js', ratio(real.datastory.gzip, real.chartjs.gzip), 1, '×'),
    b('50 × 600: navigation to the chart drawn, ours / ECharts', ratio(many.datastory.drawn, many.echarts.drawn), 0.5, '×'),
    b('50 × 600: navigation to the chart drawn, ours / Chart.js', ratio(many.datastory.drawn, many.chartjs.drawn), 0.5, '×'),
    b('50 × 600: the draw, ours / uPlot', ratio(draw(files.many, 'datastory'), draw(files.many, 'uplot')), 1, '×'),
    ...files.sizes.map(([n, file]) => b(`One series of ${thousands(n)}: the draw, ours / uPlot`, ratio(draw(file, 'datastory'), draw(file, 'uplot')), 1, '×')),
    b(`Our draw from ${thousands(small)} to ${thousands(files.sizes.at(-1)[0])} points grows`, growth, 3, '×'),
    ...[files.many, files.biggest].flatMap((file) => {
      const name = file === files.many ? '50 × 600' : `one series of ${thousands(files.sizes.at(-1)[0])}`;
      const c = cursors[file];
      return [
        b(`Cursor move to redraw p95 at 1280 px, DPR 2, ${name}`, c.datastory.p95, 8, 'ms'),
        b(`Cursor move to redraw p95, ${name}, ours / uPlot`, ratio(c.datastory.p95, c.uplot.p95), 1, '×'),
      ];
    }),
  ];
}

export function lineMarkdown(l, budgetList, meta) {
  const { bytes, many, series, draws, cursors, files } = l;
  const pages = l.pages;
  const [ours, , , uplot] = pages;
  const pair = [ours, uplot];
  const growthRows = files.sizes.map(([n, file]) => {
    const base = files.sizes[0][1];
    const d = (id) => draws[file][id].p50;
    const b = (id) => draws[base][id].p50;
    return `| ${n.toLocaleString('en')} | ${fmt(d('datastory'), 1)} | ${fmt(d('datastory') / b('datastory'), 2)} | ${fmt(d('uplot'), 1)} | ${fmt(d('uplot') / b('uplot'), 2)} |`;
  });
  const parts = [
    `### Line charts: datastory against ECharts, Chart.js and uPlot (${meta.viewport}, headless Chromium ${meta.chromium}, ${meta.cores} cores)`,
    '',
    table(`Bytes of a line-chart story's page (${files.real}): every response (KB)`, pages, [
      ['gzip -9', (p) => bytes.real[p.id].gzip / KB, 1],
      ['brotli 11', (p) => bytes.real[p.id].brotli / KB, 1],
      ['uncompressed', (p) => bytes.real[p.id].raw / KB, 1],
      ['gzip -9, all but the story\'s file', (p) => bytes.real[p.id].pageGzip / KB, 1],
      ['files', (p) => bytes.real[p.id].files.length, 0, true],
    ]),
    '',
    `#### Our files on the line-chart story's page (KB)`,
    '',
    '| file | uncompressed | gzip -9 | brotli 11 |',
    '|---|---:|---:|---:|',
    ...bytes.real.datastory.files.map((f) => `| ${f.path}${f.status === 200 ? '' : ` (${f.status})`} | ${fmt(f.raw / KB)} | ${fmt(f.gzip / KB)} | ${fmt(f.brotli / KB)} |`),
    '',
    table(`Bytes of the 50 × 600 page (${files.many}) (KB)`, pages, [
      ['gzip -9', (p) => bytes.many[p.id].gzip / KB, 1],
      ['gzip -9, all but the story\'s file', (p) => bytes.many[p.id].pageGzip / KB, 1],
    ]),
    '',
    table(`50 lines × 600 points: navigation to the chart drawn (ms, median of ${meta.loads} cold loads)`, pages, [
      ['last response received before that', (p) => many[p.id].received, 0],
      ['chart drawn (data-ready)', (p) => many[p.id].drawn, 0],
      ['fastest load, chart drawn', (p) => Math.min(...many[p.id].runs), 0],
    ]),
    '',
    table(`One series: navigation to the chart drawn (ms, median of ${meta.seriesLoads} cold loads)`, pages,
      files.sizes.map(([n, file]) => [`${n.toLocaleString('en')} points`, (p) => series[file][p.id].drawn, 0])),
    '',
    table(`The draw itself: a chart drawn afresh from data already read, to its last pixel (ms, median of ${meta.drawRuns})`, pair,
      [[`50 × 600`, files.many], ...files.sizes.map(([n, file]) => [`${n.toLocaleString('en')} points`, file])].flatMap(([name, file]) => [
        [`${name}, p50`, (p) => draws[file][p.id].p50, 1],
        [`${name}, p95`, (p) => draws[file][p.id].p95, 1],
        [`${name}, of which rasterizing (p50)`, (p) => draws[file][p.id].raster, 1],
      ])),
    '',
    table('Reading the story\'s file in the draw harness (ms): ours the engine\'s reading and checking, uPlot\'s page JSON.parse and its arrays; the first time, then again', pair,
      [[`50 × 600`, files.many], ...files.sizes.map(([n, file]) => [`${n.toLocaleString('en')} points`, file])].flatMap(([name, file]) => [
        [`${name}, first`, (p) => draws[file][p.id].cold, 0],
        [`${name}, again`, (p) => draws[file][p.id].read, 0],
      ])),
    '',
    `#### Our draw as one series grows (ms, p50; × the ${files.sizes[0][0].toLocaleString('en')}-point draw)`,
    '',
    '| points | ours | × | uPlot | × |',
    '|---:|---:|---:|---:|---:|',
    ...growthRows,
    '',
    table(`Cursor move to redraw: ${meta.moves} moves, one per frame (ms)`, pair,
      [[`50 × 600`, files.many], [`${files.sizes.at(-1)[0].toLocaleString('en')} points`, files.biggest]].flatMap(([name, file]) => [
        [`${name}, p50`, (p) => cursors[file][p.id].p50, 2],
        [`${name}, p95`, (p) => cursors[file][p.id].p95, 2],
        [`${name}, max`, (p) => cursors[file][p.id].max, 2],
      ])),
    '',
    '#### Line-chart budgets',
    '',
    ...budgetList.map((b) => `- ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${fmt(b.value, 2)} ${b.unit} (budget ≤ ${b.limit} ${b.unit})`),
    '',
    ...meta.notes.map((n) => `Note: ${n}`),
  ];
  return parts.join('\n');
}

/** The world choropleth's budgets of the issue, measured: a line each that says PASS or FAIL. */
export function mapBudgets(m) {
  const b = (name, value, limit, unit) => ({ name, value, limit, unit, pass: value !== null && value <= limit });
  const [ours, peer] = ['datastory', 'echarts'];
  return [
    b('World choropleth: navigation to the map drawn, ours / ECharts', ratio(m.nav[ours].drawn, m.nav[peer].drawn), 0.5, '×'),
    b('World choropleth: slider step to redraw p95 at 1280 px, DPR 2', m.steps[ours].button.p95, 8, 'ms'),
    b('World choropleth: slider step to redraw p95, ours / ECharts', ratio(m.steps[ours].button.p95, m.steps[peer].button.p95), 0.5, '×'),
    b(`The world boundaries file (${m.boundaries.path}), gzip -9`, m.boundaries.gzip / KB, 60, 'KB'),
  ];
}

export function mapMarkdown(m, budgetList, meta) {
  const pages = m.pages;
  const step = (how, name) => [
    [`${name}, p50`, (p) => m.steps[p.id][how].p50, 2],
    [`${name}, p95`, (p) => m.steps[p.id][how].p95, 2],
    [`${name}, max`, (p) => m.steps[p.id][how].max, 2],
    [`${name}, then rasterizing (p50)`, (p) => m.steps[p.id][how].raster.p50, 2],
    [`${name}, with rasterizing, p95`, (p) => m.steps[p.id][how].painted.p95, 2],
  ];
  const parts = [
    `### A choropleth of the world: datastory against ECharts (${meta.viewport}, headless Chromium ${meta.chromium}, ${meta.cores} cores)`,
    '',
    table('Bytes transferred: every response the page loads (KB)', pages, [
      ['gzip -9', (p) => m.bytes[p.id].gzip / KB, 1],
      ['brotli 11', (p) => m.bytes[p.id].brotli / KB, 1],
      ['uncompressed', (p) => m.bytes[p.id].raw / KB, 1],
      ['files', (p) => m.bytes[p.id].files.length, 0, true],
    ]),
    '',
    `#### Our files on the map's page (KB)`,
    '',
    '| file | uncompressed | gzip -9 | brotli 11 |',
    '|---|---:|---:|---:|',
    ...m.bytes.datastory.files.map((f) => `| ${f.path}${f.status === 200 ? '' : ` (${f.status})`} | ${fmt(f.raw / KB)} | ${fmt(f.gzip / KB)} | ${fmt(f.brotli / KB)} |`),
    '',
    '#### The boundaries (KB)',
    '',
    '| file | uncompressed | gzip -9 | brotli 11 |',
    '|---|---:|---:|---:|',
    `| ours: ${m.boundaries.path}, as our page's bundle serves it (our page carries it in its HTML) | ${fmt(m.boundaries.raw / KB)} | ${fmt(m.boundaries.gzip / KB)} | ${fmt(m.boundaries.brotli / KB)} |`,
    ...(m.geojson ? [`| ECharts: ${m.geojson.path}, the same shapes as GeoJSON | ${fmt(m.geojson.raw / KB)} | ${fmt(m.geojson.gzip / KB)} | ${fmt(m.geojson.brotli / KB)} |`] : []),
    '',
    table(`Navigation start to the map drawn (ms, median of ${meta.loads} cold loads)`, pages, [
      ['last response received before that', (p) => m.nav[p.id].received, 0],
      ['map drawn (data-ready)', (p) => m.nav[p.id].drawn, 0],
      ['next animation frame', (p) => m.nav[p.id].frame, 0],
      ['fastest load, map drawn', (p) => Math.min(...m.nav[p.id].runs), 0],
    ]),
    '',
    table(`A step of the time slider to the redraw: ${meta.steps} steps each way, back and forth across the ${m.times} times, one per frame (ms)`, pages, [
      ...step('button', 'a click on the step buttons'),
      ...step('range', 'the range input moved'),
    ]),
    '',
    `Canvas of the map at 1280 px (CSS px): ours ${fmt(m.steps.datastory.size.width, 0)} × ${fmt(m.steps.datastory.size.height, 0)}, ECharts ${fmt(m.steps.echarts.size.width, 0)} × ${fmt(m.steps.echarts.size.height, 0)}. ECharts' \`finished\` fired within the timing of ${m.steps.echarts.button.finished} of ${meta.steps} clicks and ${m.steps.echarts.range.finished} of ${meta.steps} range moves. Bins: ${m.key.edges.join(', ')}; colours ${m.key.colors.join(', ')}.`,
    '',
    '#### Choropleth budgets',
    '',
    ...budgetList.map((b) => `- ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${fmt(b.value, 2)} ${b.unit} (budget ≤ ${b.limit} ${b.unit})`),
    '',
    ...meta.notes.map((n) => `Note: ${n}`),
  ];
  return parts.join('\n');
}
