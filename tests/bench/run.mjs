// The benchmark (run by `cargo xtask bench`): loads our page and the ECharts and Chart.js peer pages in headless Chromium, measures bytes, time to all charts drawn, click-to-redraw and memory; then line charts against ECharts, Chart.js and uPlot (lib/lines.mjs); then a choropleth of the world against ECharts (lib/maps.mjs). Prints tables with ratios and budgets, and writes JSON. Prints figures; fails only when a page cannot be measured. BENCH_ONLY=lines runs the line charts alone, BENCH_ONLY=maps the choropleth alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { launch } from '../e2e/browser.js';
import { freshPage, loadOnce, waitDrawn, sum, VIEWPORT, DPR } from './lib/load.mjs';
import { spots, play, percentile, memory } from './lib/interact.mjs';
import { budgets, markdown, lineBudgets, lineMarkdown, mapBudgets, mapMarkdown } from './lib/report.mjs';
import { benchLines } from './lib/lines.mjs';
import { benchMaps } from './lib/maps.mjs';

const env = (name, fallback) => process.env[name] ?? fallback;
// Nine cold loads a page: on two shared cores one load can take twice another, and the median of
// five moved the navigation ratio by a tenth from run to run.
const LOADS = Number(env('BENCH_LOADS', 9));
const SELECTIONS = Number(env('BENCH_SELECTIONS', 200));
const INTERACTIONS = Number(env('BENCH_INTERACTIONS', 1000));
const DETAIL = 100;
// The line charts: cold loads of each single series (their files reach 20 MB), cursor moves, harness draws.
const SERIES_LOADS = Number(env('BENCH_SERIES_LOADS', 3));
const MOVES = Number(env('BENCH_MOVES', 200));
const DRAWS = Number(env('BENCH_DRAWS', 15));
// The choropleth: slider steps each way (clicks on the step buttons, moves of the range).
const STEPS = Number(env('BENCH_STEPS', 200));
const ONLY = env('BENCH_ONLY', '');
if (!['', 'lines', 'maps'].includes(ONLY)) throw new Error(`BENCH_ONLY is "lines", "maps" or unset, not "${ONLY}"`);
/** Whether part `name` runs: every part, or the one BENCH_ONLY names (the default story's only with every part). */
const runs = (name) => ONLY === '' || ONLY === name;
const version = (pkg) => JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;

const pages = [
  { id: 'datastory', label: 'datastory (ours)', short: 'ours', url: env('OURS_URL', 'http://127.0.0.1:8080/') },
  { id: 'echarts', label: `ECharts ${version('echarts')}`, short: 'ECharts', url: env('ECHARTS_URL', '') },
  { id: 'chartjs', label: `Chart.js ${version('chart.js')}`, short: 'Chart.js', url: env('CHARTJS_URL', '') },
];
if (runs('story') || runs('lines')) {
  for (const p of pages) if (!p.url) throw new Error(`no URL for the ${p.id} page (set ${p.id.toUpperCase()}_URL)`);
}
const lineUrls = { ours: env('OURS_LINES_URL', ''), echarts: pages[1].url, chartjs: pages[2].url, uplot: env('UPLOT_URL', '') };
if (runs('lines')) {
  for (const [id, url] of Object.entries(lineUrls)) {
    if (!url) throw new Error(`no URL for the ${id} line page (set ${id === 'ours' ? 'OURS_LINES' : id.toUpperCase()}_URL)`);
  }
}
const mapUrls = { ours: env('OURS_MAP_URL', ''), echarts: env('ECHARTS_MAP_URL', '') };
if (runs('maps')) {
  for (const [id, url] of Object.entries(mapUrls)) {
    if (!url) throw new Error(`no URL for the ${id} map page (set ${id === 'ours' ? 'OURS_MAP' : 'ECHARTS_MAP'}_URL)`);
  }
}
// The columns of Jilin's GDP growth: the story's one chart of marks on an axis besides the map.
const COLUMNS = 'jilin-gdp-growth';

const median = (xs) => percentile(xs, 50);
const stats = (t) => ({ p50: percentile(t, 50), p95: percentile(t, 95), max: Math.max(...t), n: t.length });
const cycle = (n, f) => Array.from({ length: n }, (_, i) => f(i));

const browser = await launch();
const chromium = browser.version();
const log = (line) => process.stderr.write(`${line}\n`);
const common = { viewport: `${VIEWPORT.width}×${VIEWPORT.height} px, DPR ${DPR}`, chromium, cores: availableParallelism() };
const json = {};

/** The default story's page against its peers: bytes, loads, clicks, memory; its tables printed, its figures into `json`. */
async function storyBench() {
  const story = await (await fetch(new URL('data/story.json', pages[0].url))).json();
  const colour = (id) => story.regions.find((r) => r.id === id)?.color;
  const regionColours = story.regions.map((r) => r.color);
  // Cold loads, taking turns between pages so that a noisy moment on the shared machine hits all alike.
  for (const p of pages) p.runs = [];
  for (let run = 0; run < LOADS; run += 1) {
    for (const p of pages) {
      const r = await loadOnce(browser, p.url, p.id, run === 0);
      p.runs.push(r);
      process.stderr.write(`bench: ${p.id} load ${run + 1}/${LOADS}: charts drawn at ${r.drawn.toFixed(0)} ms\n`);
    }
  }
  for (const p of pages) {
    const { files } = p.runs[0];
    p.bytes = { files, raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), brotli: sum(files, 'brotli') };
    p.load = {
      drawn: median(p.runs.map((r) => r.drawn)),
      frame: median(p.runs.map((r) => r.frame)),
      received: median(p.runs.map((r) => r.received)),
      canvases: p.runs[0].canvases,
      runs: p.runs.map(({ drawn, frame, received }) => ({ drawn, frame, received })),
    };
  }

  /** Opens a drawn page and finds a spot inside each region on the map and in each of Jilin's two columns. */
  async function openDrawn(p) {
    const { context, page, errors } = await freshPage(browser);
    await page.goto(p.url);
    await waitDrawn(page, p.id, errors);
    const map = await spots(page, 'map', regionColours);
    const columns = [...await spots(page, COLUMNS, [colour('jilin')]), ...await spots(page, COLUMNS, [colour('jilin')], true)];
    const missing = [...map, ...columns].some((s) => !s);
    if (missing) throw new Error(`${p.id}: could not find every region on the map and every column (${JSON.stringify({ map, columns })})`);
    return { context, page, errors, map, columns };
  }

  for (const p of pages) {
    process.stderr.write(`bench: ${p.id}: ${SELECTIONS} selections, ${INTERACTIONS} interactions\n`);
    // Click to redraw: each click selects another region than the one selected (A, B, C, D, A, …).
    {
      const { context, page, errors, map, columns } = await openDrawn(p);
      const select = (i) => ['map', 'click', ...map[i % map.length]];
      await play(page, cycle(20, select));
      p.click = stats(await play(page, cycle(SELECTIONS, select)));
      if (p.id === 'datastory') {
        p.detail = {
          'map: click a region (select / switch)': stats(await play(page, cycle(DETAIL, select))),
          'map: hover regions': stats(await play(page, cycle(DETAIL, (i) => ['map', 'move', ...map[i % map.length]]))),
          'columns: click a column (pin / unpin)': stats(await play(page, cycle(DETAIL, (i) => [COLUMNS, 'click', ...columns[i % columns.length]]))),
          'columns: hover columns': stats(await play(page, cycle(DETAIL, (i) => [COLUMNS, 'move', ...columns[i % columns.length]]))),
        };
      }
      if (errors.length) throw new Error(`${p.id}: console errors while clicking: ${errors.join('; ')}`);
      await context.close();
    }
    // Memory: the same mix of clicks and hovers on the map and the columns, read after 100 and after 1,000.
    {
      const { context, page, errors, map, columns } = await openDrawn(p);
      const cdp = await context.newCDPSession(page);
      const step = (i) => {
        const n = Math.floor(i / 4);
        return [
          ['map', 'click', ...map[n % map.length]],
          ['map', 'move', ...map[(n + 1) % map.length]],
          [COLUMNS, 'move', ...columns[n % columns.length]],
          [COLUMNS, 'click', ...columns[n % columns.length]],
        ][i % 4];
      };
      const load = await memory(cdp);
      await play(page, cycle(100, step));
      const after100 = await memory(cdp);
      await play(page, cycle(INTERACTIONS - 100, (i) => step(i + 100)));
      const after1000 = await memory(cdp);
      p.memory = { load, after100, after1000, growth: after1000.total - after100.total };
      if (errors.length) throw new Error(`${p.id}: console errors while interacting: ${errors.join('; ')}`);
      await context.close();
    }
  }

  const meta = {
    ...common,
    loads: LOADS,
    selections: SELECTIONS,
    interactions: INTERACTIONS,
    detailRuns: DETAIL,
    notes: [
      'Chart.js draws the map with chartjs-chart-geo; all three pages show the big-number cards as HTML, as a newsroom would.',
      'Times are per event, synchronous: the whole pointer sequence dispatched on the canvas, plus ECharts\' queued paint forced at once (zrender would paint it on the next frame). Chart.js redraws inside the handler (animation off).',
      `Memory: ${INTERACTIONS} interactions, one per frame, cycling a map click, a map hover, a column hover and a column click.`,
    ],
  };
  const budgetList = budgets(pages);
  console.log(markdown(pages, budgetList, meta));
  Object.assign(json, {
    meta,
    pages: Object.fromEntries(pages.map((p) => [p.id, {
      label: p.label, url: p.url, bytes: p.bytes, load: p.load, click: p.click, memory: p.memory, detail: p.detail,
    }])),
    ratios: Object.fromEntries(pages.slice(1).map((peer) => [peer.id, {
      gzip: pages[0].bytes.gzip / peer.bytes.gzip,
      brotli: pages[0].bytes.brotli / peer.bytes.brotli,
      drawn: pages[0].load.drawn / peer.load.drawn,
      click_p50: pages[0].click.p50 / peer.click.p50,
      click_p95: pages[0].click.p95 / peer.click.p95,
      memory_after1000: pages[0].memory.after1000.total / peer.memory.after1000.total,
    }])),
    budgets: budgetList,
  });
}

/** Line charts against ECharts, Chart.js and uPlot; their tables printed, their figures into `json.lines`. */
async function lineBench() {
  const labels = { echarts: pages[1].label, chartjs: pages[2].label, uplot: `uPlot ${version('uplot')}` };
  const l = await benchLines(browser, { urls: lineUrls, labels, loads: LOADS, seriesLoads: SERIES_LOADS, moves: MOVES, drawRuns: DRAWS, log });
  const meta = {
    ...common,
    loads: LOADS,
    seriesLoads: SERIES_LOADS,
    moves: MOVES,
    drawRuns: DRAWS,
    notes: [
      'Every page draws the same charts from the same file. The bytes budgets are weighed on a real line-chart story, data/examples/us-employment.json: our page is the one `cargo xtask dist --story` makes for it, which holds the story in its HTML (so its "all but the story\'s file" counts the story), the peers\' pages fetch it. The series are seeded random walks written at bench time, which that page opens with ?data=, and the peers\' pages fetch alike.',
      'ECharts draws with sampling: \'lttb\'; Chart.js with its decimation plugin (min-max) and a linear axis in years (its time axis needs a date adapter); uPlot with its documented defaults (time axis, live legend, cursor points) and its cursor focusing the nearest of several lines, as ours thickens it. The peers write the coloured lines\' names at their ends, as ours does.',
      'The draw is timed in a harness page beside each: the story already read (ours by the engine, uPlot\'s arrays made), a chart drawn afresh on a new canvas, until a pixel read back makes the browser carry out every queued drawing command. Ours at the width its chart has on its page at 1280 px; uPlot at the same width and our height.',
      'A cursor move is a pointermove and a mousemove dispatched where the chart listens, timed to the end of its handlers and the microtasks they queue (uPlot repaints a refocused chart in one); ours sets the cursor, repaints the canvas and rebuilds its tooltip, uPlot moves its cursor and points (HTML) and updates its legend.',
    ],
  };
  const budgetList = lineBudgets(l);
  console.log(lineMarkdown(l, budgetList, meta));
  json.lines = { meta, ...l, budgets: budgetList };
}

/** The world choropleth against ECharts; its tables printed, its figures into `json.maps`. */
async function mapBench() {
  const m = await benchMaps(browser, { urls: mapUrls, label: `ECharts ${version('echarts')}`, loads: LOADS, steps: STEPS, log });
  const meta = {
    ...common,
    loads: LOADS,
    steps: STEPS,
    notes: [
      `Both pages draw ${m.chart} of a story made from data/examples/gapminder.json with that chart alone (xtask/src/bench.rs): ours is the page \`cargo xtask dist --story\` makes for it, with the story and the boundaries in its HTML; the ECharts page fetches the same story and the same shapes as GeoJSON (tests/bench/build.mjs decodes the boundaries file's rings as src/geo/mod.rs does).`,
      'ECharts draws a map series in the Equal Earth projection (its `projection` given our project and unproject functions), coloured by a piecewise visualMap with our bins and colours (tests/bench/lib/colors.mjs computes them by our rule; the bench checks that each colour is on both canvases), shapes without data white and hatched by a decal, the year as a title, and beside the map the axes of the selected region\'s line with a rule at the year shown, as ours draws them when no region is selected; canvas renderer, animation off, at the size our canvas has.',
      'Navigation ends at `data-ready` on the document element: ours sets it once its charts (here the map alone) are drawn, the figure\'s `data-state="drawn"`; ECharts at its first `finished` event.',
      'A step is what a reader does: a click on "Show the previous time" or "Show the next time" (the budgets), or the range input moved by one (its `input` event), back and forth across the times. Each is timed as a click is: the events dispatched synchronously, to the end of the handlers (ours: the engine repaints the canvas with the year\'s colours; ECharts: `setOption` with the year\'s data, then its queued paint forced with `getZr().flush()`). A pixel read back from the canvas then makes the browser rasterize what was drawn, reported apart.',
    ],
  };
  const budgetList = mapBudgets(m);
  console.log(mapMarkdown(m, budgetList, meta));
  json.maps = { meta, ...m, budgets: budgetList };
}

if (runs('story')) {
  await storyBench();
  console.log('');
}
if (runs('lines')) {
  await lineBench();
  console.log('');
}
if (runs('maps')) await mapBench();
await browser.close();
const out = env('BENCH_JSON', '');
if (out) writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
