// Loading a page: time from navigation start to every chart drawn (the page's data-ready signal), and the bytes of every response, raw, gzipped and brotli-compressed.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const VIEWPORT = { width: 1280, height: 900 };
export const DPR = 2;

/**
 * Installed before any of the page's scripts: notes `performance.now()` (ms since navigation start)
 * when the document element gets `data-ready`, the signal all three pages give once every chart is
 * drawn, and again at the next animation frame, when those pixels go to the screen; then tells the
 * benchmark through its binding.
 */
function watchReady() {
  new MutationObserver((records) => {
    const root = document.documentElement;
    if (window.__bench || !records.some((r) => r.target === root) || !root.dataset.ready) return;
    window.__bench = { ready: root.dataset.ready, drawn: performance.now() };
    requestAnimationFrame(() => {
      window.__bench.frame = performance.now();
      window.__benchDrawn?.();
    });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

/**
 * A new context: no cache, no cookies, the benchmark's viewport and pixel ratio. `drawn` settles when
 * the page has drawn. The page says so through a binding rather than being polled: Playwright's
 * polling (`waitForFunction`) first injects its own script into the page, which was measured taking
 * 27 ms of the main thread in the middle of a load, on the way to every page's charts.
 */
export async function freshPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR });
  const page = await context.newPage();
  const errors = [];
  // Each distinct message once, so a repeated failure does not flood the report.
  const note = (text) => { if (!errors.includes(text)) errors.push(text); };
  page.on('console', (m) => { if (m.type() === 'error') note(m.text()); });
  page.on('pageerror', (e) => note(String(e)));
  let signal;
  const drawn = new Promise((resolve) => { signal = resolve; });
  await page.exposeBinding('__benchDrawn', () => signal());
  await page.addInitScript(watchReady);
  page.drawn = drawn;
  return { context, page, errors };
}

/** Waits for the ready signal and fails unless it says the charts were drawn and every chart canvas has ink. */
export async function waitDrawn(page, name, errors) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out')), 30000); });
  try {
    await Promise.race([page.drawn, timeout]);
  } catch (e) {
    throw new Error(`${name}: no chart drawn within 30 s (${e.message.split('\n')[0]}) ${errors.join('; ')}`);
  } finally {
    clearTimeout(timer);
  }
  const state = await page.evaluate(() => {
    // Our line charts' layer for the pointer is blank until the pointer comes.
    const canvases = [...document.querySelectorAll('figure[data-chart] canvas:not(.pointer-layer)')];
    const blank = canvases.filter((c) => {
      if (!c.width || !c.height) return true;
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < px.length; i += 4 * 97) if (px[i] !== 0) return false;
      return true;
    }).map((c) => c.closest('figure').dataset.chart);
    // The last byte the page had received by then: what is left after it is compiling and drawing.
    const received = performance.getEntriesByType('resource').map((e) => e.responseEnd).filter((t) => t <= window.__bench.drawn);
    return { ...window.__bench, canvases: canvases.length, blank, received: Math.max(0, ...received) };
  });
  if (state.ready !== 'true') throw new Error(`${name}: the page says data-ready="${state.ready}" ${errors.join('; ')}`);
  if (!state.canvases || state.blank.length) throw new Error(`${name}: charts not drawn: ${state.blank.join(', ') || 'no canvas'}`);
  if (errors.length) throw new Error(`${name}: console errors: ${errors.join('; ')}`);
  return state;
}

/** A body's size raw, gzipped (level 9) and brotli-compressed (quality 11). */
export const compressed = (body) => ({
  raw: body.length,
  gzip: gzipSync(body, { level: 9 }).length,
  brotli: brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }).length,
});

/** One cold load: the page's timings and, if `sizes`, per response its path and sizes. */
export async function loadOnce(browser, url, name, sizes) {
  const { context, page, errors } = await freshPage(browser);
  const bodies = [];
  if (sizes) page.on('response', (r) => {
    bodies.push(r.body().then(
      (body) => ({ path: new URL(r.url()).pathname, status: r.status(), ...compressed(body) }),
      () => ({ path: new URL(r.url()).pathname, status: r.status(), raw: 0, gzip: 0, brotli: 0 }),
    ));
  });
  await page.goto(url);
  const state = await waitDrawn(page, name, errors);
  // Late requests (a favicon) count too: give them a moment to finish.
  if (sizes) await page.waitForLoadState('networkidle');
  const files = await Promise.all(bodies);
  await context.close();
  return { drawn: state.drawn, frame: state.frame, received: state.received, canvases: state.canvases, files };
}

export const sum = (files, key) => files.reduce((s, f) => s + f[key], 0);
