// The line-chart benchmark: our page and the ECharts, Chart.js and uPlot pages of the same generated series, side by side in one run: bytes, navigation to the chart drawn, the draw itself (in harnesses), and a cursor move to redraw.
import { freshPage, waitDrawn, loadOnce, sum } from './load.mjs';
import { percentile } from './interact.mjs';
import { STORIES, REAL_STORY } from './series.mjs';

const MANY = 'data/bench/lines-50x600.json';
/** The single series, by their number of points. */
export const SIZES = [
  [10_000, 'data/bench/series-10k.json'],
  [100_000, 'data/bench/series-100k.json'],
  [1_000_000, 'data/bench/series-1m.json'],
];
const BIGGEST = SIZES.at(-1)[1];

const median = (xs) => percentile(xs, 50);
const stats = (t) => ({ p50: percentile(t, 50), p95: percentile(t, 95), max: Math.max(...t), n: t.length });

/**
 * The address of page `p` showing story file `data`. Our page is made for the real story, as each
 * peer's page is made for the stories it draws: that one is its own, the others it opens with
 * `?data=`.
 */
const at = (p, data) => (p.ours && data === `data/${REAL_STORY}` ? p.url : `${p.url}${p.ours ? '' : 'lines.html'}?data=${data}`);

/** Cold loads of `data` on every page, taking turns: when the chart was drawn, and when the last response before that came. */
async function loads(browser, pages, data, n, log) {
  const runs = new Map(pages.map((p) => [p.id, []]));
  for (let run = 0; run < n; run += 1) {
    for (const p of pages) {
      const r = await loadOnce(browser, at(p, data), p.id, false);
      runs.get(p.id).push(r);
      log(`bench: lines: ${p.id} ${data} load ${run + 1}/${n}: chart drawn at ${r.drawn.toFixed(0)} ms`);
    }
  }
  return Object.fromEntries(pages.map((p) => {
    const rs = runs.get(p.id);
    return [p.id, { drawn: median(rs.map((r) => r.drawn)), received: median(rs.map((r) => r.received)), runs: rs.map((r) => r.drawn) }];
  }));
}

/**
 * Every response of one load of `data` on each page, weighed. A load of its own, not timed: the
 * compressing (brotli at 11 takes seconds on a story's file) runs in this process while the page
 * loads, on the same cores.
 */
async function weighAll(browser, pages, data) {
  const out = {};
  for (const p of pages) out[p.id] = weigh((await loadOnce(browser, at(p, data), p.id, true)).files, data);
  return out;
}

/** A page's bytes: everything it loads, and everything but the story's file, which every page loads alike. */
function weigh(files, data) {
  const own = files.filter((f) => !f.path.endsWith(data));
  return {
    files,
    gzip: sum(files, 'gzip'),
    brotli: sum(files, 'brotli'),
    raw: sum(files, 'raw'),
    pageGzip: sum(own, 'gzip'),
    pageBrotli: sum(own, 'brotli'),
  };
}

/**
 * In the page: `n` cursor moves across the first chart, one per animation frame, each a pointermove
 * and a mousemove dispatched synchronously where the chart listens (uPlot's overlay, else the
 * canvas), sweeping left and right so that every move lands on another time, at heights that pass
 * over different lines. Each is timed to the end of its redraw: the handlers, then the microtasks
 * they queued (uPlot redraws a refocused chart in one).
 */
function sweep(page, n) {
  return page.evaluate(async (n) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const settle = () => new Promise((resolve) => queueMicrotask(() => queueMicrotask(resolve)));
    const figure = document.querySelector('figure[data-chart]');
    const over = figure.querySelector('.u-over');
    const target = over ?? figure.querySelector('canvas');
    target.scrollIntoView({ block: 'center', behavior: 'instant' });
    await frame();
    // uPlot's overlay is the plot; our canvas holds the axes and the end labels too.
    const [x0, x1] = over ? [0.02, 0.98] : [0.12, 0.78];
    const times = [];
    for (let i = 0; i < n; i += 1) {
      const box = target.getBoundingClientRect();
      const phase = (i % 200) / 100;
      const along = phase <= 1 ? phase : 2 - phase;
      const at = {
        clientX: box.left + box.width * (x0 + (x1 - x0) * along),
        clientY: box.top + box.height * (0.25 + 0.5 * ((i * 0.618) % 1)),
        bubbles: true, cancelable: true, composed: true, view: window, buttons: 0,
      };
      const events = [new PointerEvent('pointermove', { ...at, pointerId: 1, pointerType: 'mouse', isPrimary: true }), new MouseEvent('mousemove', at)];
      const t0 = performance.now();
      for (const e of events) target.dispatchEvent(e);
      await settle();
      times.push(performance.now() - t0);
      await frame();
    }
    return times;
  }, n);
}

/** Opens page `p` on story file `data`, waits for its chart, warms its cursor up, then times `n` moves. */
async function cursor(browser, p, data, n) {
  const { context, page, errors } = await freshPage(browser);
  await page.goto(at(p, data));
  await waitDrawn(page, p.id, errors);
  const size = await page.evaluate(() => {
    const box = document.querySelector('figure[data-chart] canvas').getBoundingClientRect();
    return { width: box.width, height: box.height };
  });
  await sweep(page, 20);
  const times = await sweep(page, n);
  if (errors.length) throw new Error(`${p.id}: console errors while moving the cursor: ${errors.join('; ')}`);
  await context.close();
  return { ...stats(times), size };
}

/**
 * The draw harnesses of two pages, open side by side: each story file read (twice, the second
 * with the code warm), then drawn `n` times afresh on each (after two draws not counted), taking
 * turns. Ours at `width` CSS px sets its own height; uPlot is given the same size.
 */
async function draws(browser, harnesses, files, n, width, log) {
  const open = [];
  for (const h of harnesses) {
    const { context, page, errors } = await freshPage(browser);
    await page.goto(h.url);
    await page.waitForFunction(() => window.__draw);
    open.push({ ...h, context, page, errors });
  }
  const out = {};
  for (const file of files) {
    out[file] = {};
    let height;
    for (const h of open) {
      const { cold, read } = await h.page.evaluate((url) => window.__draw.load(url), `${h.base}${file}`);
      out[file][h.id] = { cold, read, times: [], rasters: [] };
    }
    for (let run = -2; run < n; run += 1) {
      for (const h of open) {
        const r = await h.page.evaluate(([w, ht]) => window.__draw.draw(w, ht), [width, height]);
        height ??= r.height;
        if (run >= 0) {
          out[file][h.id].times.push(r.ms);
          out[file][h.id].rasters.push(r.raster);
        }
      }
    }
    for (const h of open) {
      const d = out[file][h.id];
      Object.assign(d, stats(d.times), { raster: median(d.rasters) });
      if (h.errors.length) throw new Error(`${h.id} harness: console errors: ${h.errors.join('; ')}`);
      log(`bench: lines: draw ${file}: ${h.id} ${d.p50.toFixed(1)} ms (read ${d.read.toFixed(0)} ms)`);
    }
  }
  for (const h of open) await h.context.close();
  return out;
}

/**
 * Runs the line benchmark. `urls`: ours (dist/ with the series), echarts, chartjs, uplot; `labels`
 * the libraries' names with versions. Returns every figure.
 */
export async function benchLines(browser, { urls, labels, loads: n, seriesLoads, moves, drawRuns, log }) {
  const pages = [
    { id: 'datastory', label: 'datastory (ours)', short: 'ours', url: urls.ours, ours: true },
    { id: 'echarts', label: labels.echarts, short: 'ECharts', url: urls.echarts },
    { id: 'chartjs', label: labels.chartjs, short: 'Chart.js', url: urls.chartjs },
    { id: 'uplot', label: labels.uplot, short: 'uPlot', url: urls.uplot },
  ];
  const [ours, , , uplot] = pages;
  log('bench: lines: weighing the pages');
  const bytes = { real: await weighAll(browser, pages, `data/${REAL_STORY}`), many: await weighAll(browser, pages, MANY) };
  const many = await loads(browser, pages, MANY, n, log);
  const series = {};
  for (const [, file] of SIZES) series[file] = await loads(browser, pages, file, seriesLoads, log);

  log(`bench: lines: ${moves} cursor moves on ours and uPlot`);
  const cursors = {};
  for (const file of [MANY, BIGGEST]) {
    cursors[file] = {};
    for (const p of [ours, uplot]) cursors[file][p.id] = await cursor(browser, p, file, moves);
  }
  // The harnesses draw at the width our chart has on its page.
  const width = cursors[MANY].datastory.size.width;
  const drawn = await draws(browser, [
    { id: 'datastory', url: `${ours.url}bench/draw.html`, base: ours.url },
    { id: 'uplot', url: `${uplot.url}draw.html`, base: uplot.url },
  ], [MANY, ...SIZES.map(([, f]) => f)], drawRuns, width, log);

  return {
    pages: pages.map(({ id, label, short, url }) => ({ id, label, short, url })),
    files: { real: `data/${REAL_STORY}`, many: MANY, sizes: SIZES, biggest: BIGGEST, stories: STORIES },
    width,
    bytes,
    many,
    series,
    cursors,
    draws: drawn,
  };
}
