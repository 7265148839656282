// The world choropleth's benchmark: our page and the ECharts page of the same map from the same data, side by side in one run: bytes, navigation to the map drawn, a step of the time slider to the redraw, and the boundaries file's weight.
import { freshPage, waitDrawn, loadOnce, sum, compressed } from './load.mjs';
import { spots, percentile } from './interact.mjs';
import { colorKey, extentOf } from './colors.mjs';

const median = (xs) => percentile(xs, 50);
const stats = (t) => ({ p50: percentile(t, 50), p95: percentile(t, 95), max: Math.max(...t), n: t.length });

/** Cold loads of every page, taking turns: when the map was drawn, and when the last response before that came. */
async function loads(browser, pages, n, log) {
  const runs = new Map(pages.map((p) => [p.id, []]));
  for (let run = 0; run < n; run += 1) {
    for (const p of pages) {
      const r = await loadOnce(browser, p.url, p.id, false);
      runs.get(p.id).push(r);
      log(`bench: maps: ${p.id} load ${run + 1}/${n}: map drawn at ${r.drawn.toFixed(0)} ms`);
    }
  }
  return Object.fromEntries(pages.map((p) => {
    const rs = runs.get(p.id);
    return [p.id, {
      drawn: median(rs.map((r) => r.drawn)),
      frame: median(rs.map((r) => r.frame)),
      received: median(rs.map((r) => r.received)),
      runs: rs.map((r) => r.drawn),
    }];
  }));
}

/** Every response of one load of each page, weighed (a load of its own, not timed). */
async function weighAll(browser, pages) {
  const out = {};
  for (const p of pages) {
    const { files } = await loadOnce(browser, p.url, p.id, true);
    out[p.id] = { files, gzip: sum(files, 'gzip'), brotli: sum(files, 'brotli'), raw: sum(files, 'raw') };
  }
  return out;
}

/**
 * In the page: `n` steps of the chart's time slider, one per animation frame, back and forth across
 * its times (from the last back to the first, on to the last, …), as a reader steps: `how` is
 * 'button', a click on "Show the previous time" or "Show the next time" (the browser's whole
 * sequence: pointerdown, mousedown, pointerup, mouseup, click, dispatched synchronously on the
 * button), or 'range', the range input moved by one and its `input` event dispatched. Each step is
 * timed as lib/interact.mjs times a click: to the end of the handlers, and where the page defines
 * `__benchFlush` (ECharts, whose zrender paints on the next frame) that paint forced at once; then,
 * apart, a pixel read back from the chart's canvas, which makes the browser rasterize what was drawn.
 */
function stepping(page, n, how) {
  return page.evaluate(async ([n, how]) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const figure = document.querySelector('figure[data-chart]');
    const canvas = figure.querySelector('canvas');
    const range = figure.querySelector('input.slider-range');
    const next = figure.querySelector('button[aria-label="Show the next time"]');
    const back = figure.querySelector('button[aria-label="Show the previous time"]');
    if (!canvas || !range || !next || !back) throw new Error('no map canvas, range and step buttons in the chart\'s figure');
    range.closest('.slider').scrollIntoView({ block: 'end', behavior: 'instant' });
    await frame();
    const context = canvas.getContext('2d');
    const last = Number(range.max);
    const out = { times: [], rasters: [], finished: 0, missed: 0 };
    let dir = Number(range.value) === 0 ? 1 : -1;
    for (let i = 0; i < n; i += 1) {
      const at = Number(range.value);
      if (at + dir < 0 || at + dir > last) dir = -dir;
      const finished = window.__benchFinished;
      let t0;
      if (how === 'button') {
        const target = dir > 0 ? next : back;
        const box = target.getBoundingClientRect();
        const pos = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true, composed: true, view: window, button: 0 };
        const pointer = { ...pos, pointerId: 1, pointerType: 'mouse', isPrimary: true };
        const events = [new PointerEvent('pointerdown', { ...pointer, buttons: 1 }), new MouseEvent('mousedown', { ...pos, buttons: 1 }),
          new PointerEvent('pointerup', pointer), new MouseEvent('mouseup', pos), new MouseEvent('click', { ...pos, detail: 1 })];
        t0 = performance.now();
        for (const e of events) target.dispatchEvent(e);
      } else {
        t0 = performance.now();
        range.value = String(at + dir);
        range.dispatchEvent(new Event('input', { bubbles: true }));
      }
      window.__benchFlush?.();
      const t1 = performance.now();
      context.getImageData(0, 0, 1, 1);
      const t2 = performance.now();
      out.times.push(t1 - t0);
      out.rasters.push(t2 - t1);
      if (window.__benchFinished > finished) out.finished += 1;
      if (Number(range.value) !== at + dir) out.missed += 1;
      await frame();
    }
    return out;
  }, [n, how]);
}

/** A fingerprint of the chart canvas' pixels: it changes when the map is recoloured. */
const fingerprint = (page) => page.evaluate(() => {
  const c = document.querySelector('figure[data-chart] canvas');
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let h = 0;
  for (let i = 0; i < px.length; i += 4 * 7) h = (h * 31 + px[i] * 7 + px[i + 1] * 3 + px[i + 2]) >>> 0;
  return h;
});

/**
 * Opens page `p`, checks that it draws the chart in the bins' colours (each found on its canvas: the
 * legend's swatches at least) and that a step recolours it, warms its steps up, then times `n` steps
 * each way a reader takes them.
 */
async function steps(browser, p, chart, colours, n) {
  const { context, page, errors } = await freshPage(browser);
  await page.goto(p.url);
  await waitDrawn(page, p.id, errors);
  // Ours says a chart is drawn on its figure too; with one chart, when the page says all are.
  const state = await page.evaluate(() => document.querySelector('figure[data-chart]').dataset.state ?? null);
  if (p.id === 'datastory' && state !== 'drawn') throw new Error(`${p.id}: the map's figure says data-state="${state}"`);
  const found = await spots(page, chart, colours);
  const absent = colours.filter((_, i) => !found[i]);
  if (absent.length) throw new Error(`${p.id}: the map's colours ${absent.join(', ')} are not on its canvas: the pages do not draw the same bins`);
  const size = await page.evaluate(() => {
    const box = document.querySelector('figure[data-chart] canvas').getBoundingClientRect();
    return { width: box.width, height: box.height };
  });
  const before = await fingerprint(page);
  await stepping(page, 1, 'button');
  if (await fingerprint(page) === before) throw new Error(`${p.id}: a step of the slider did not repaint the map`);
  await stepping(page, 20, 'button');
  const button = await stepping(page, n, 'button');
  const range = await stepping(page, n, 'range');
  for (const r of [button, range]) if (r.missed) throw new Error(`${p.id}: ${r.missed} of ${n} steps did not move the slider`);
  if (errors.length) throw new Error(`${p.id}: console errors while stepping: ${errors.join('; ')}`);
  await context.close();
  const withRaster = (r) => r.times.map((t, i) => t + r.rasters[i]);
  return {
    size,
    button: { ...stats(button.times), raster: stats(button.rasters), painted: stats(withRaster(button)), finished: button.finished },
    range: { ...stats(range.times), raster: stats(range.rasters), painted: stats(withRaster(range)), finished: range.finished },
  };
}

/**
 * Runs the choropleth benchmark. `urls`: ours (the page made for the one-chart story) and echarts;
 * `label` ECharts' name with its version. Returns every figure.
 */
export async function benchMaps(browser, { urls, label, loads: n, steps: stepCount, log }) {
  const pages = [
    { id: 'datastory', label: 'datastory (ours)', short: 'ours', url: urls.ours },
    { id: 'echarts', label, short: 'ECharts', url: urls.echarts },
  ];
  const response = await fetch(new URL('data/story.json', urls.ours));
  if (!response.ok) throw new Error(`our map page has no data/story.json (HTTP ${response.status})`);
  const data = await response.json();
  const chart = data.charts.find((c) => c.kind === 'choropleth');
  if (!chart) throw new Error('our map page\'s story has no choropleth');
  const key = colorKey(chart.colors, extentOf(data, chart));
  // The boundaries file as our page's bundle serves it (dist/ writes it without whitespace).
  const mapPath = `data/${data.story.map}`;
  const mapFile = await fetch(new URL(mapPath, urls.ours));
  if (!mapFile.ok) throw new Error(`our map page has no ${mapPath} (HTTP ${mapFile.status})`);
  const boundaries = { path: mapPath, ...compressed(Buffer.from(await mapFile.arrayBuffer())) };

  log('bench: maps: weighing the pages');
  const bytes = await weighAll(browser, pages);
  const geojson = bytes.echarts.files.find((f) => f.path.endsWith('.geo.json')) ?? null;
  const nav = await loads(browser, pages, n, log);
  log(`bench: maps: ${stepCount} slider steps each way on each page`);
  const stepped = {};
  for (const p of pages) stepped[p.id] = await steps(browser, p, chart.id, key.colors, stepCount);
  return {
    pages: pages.map(({ id, label: l, short, url }) => ({ id, label: l, short, url })),
    chart: chart.id,
    times: new Set(data.series.filter((s) => s.indicator === chart.indicator).flatMap((s) => s.times)).size,
    key,
    boundaries,
    geojson,
    bytes,
    nav,
    steps: stepped,
  };
}
