// Soak: thousands of random interactions (clicks, taps, hovers, keys, resizes, downloads, region, language and dataset switches) on a script embed in headless Chromium; no console error, and memory after the run stays near its size after the first 500. Prints both figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.js';
import { memory as heapAndWasm } from '../bench/lib/interact.mjs';

const INTERACTIONS = Number(process.env.SOAK_INTERACTIONS || 5000);
const WARM = Math.min(500, Math.floor(INTERACTIONS / 10));
const SEED = Number(process.env.SOAK_SEED || 20261128);
/** Growth allowed between the reading after the first WARM interactions and the one at the end. */
const MAX_GROWTH = 1024 * 1024;
const DATASETS = ['data/story.json', 'data/examples/minnesota-barley.json'];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A small seeded generator, so a failing run can be repeated with SOAK_SEED. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Replaces the embed with a fresh one on `src` in `lang` and waits until it has drawn. */
async function remount(page, src, lang) {
  await page.evaluate(([s, l]) => {
    const old = document.querySelector('region-infographic');
    const next = document.createElement('region-infographic');
    next.setAttribute('src', s);
    next.setAttribute('lang', l);
    old.replaceWith(next);
  }, [src, lang]);
  await page.waitForFunction(() => document.querySelector('region-infographic').dataset.ready === 'true', null, { timeout: 30000 });
}

/** JS heap and wasm memory after a full garbage collection, in bytes. */
async function memory(page, cdp) {
  // Finalizers give the engine's memory back after a collection; let them run, then measure as the
  // benchmark does (collecting again, and finding every wasm memory through the heap).
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(200);
  return heapAndWasm(cdp);
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;

test(`${INTERACTIONS} random interactions leave no console error and no growing memory`, { timeout: 30 * 60 * 1000 }, async () => {
  const random = rng(SEED);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const host = new URL('__soak.html', process.env.BASE_URL).href;
  await page.route(host, (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html lang="en"><body><h1>Soak</h1><region-infographic src="data/story.json"></region-infographic><script src="embed.js"></script></body></html>',
  }));
  await page.goto(host);
  await page.waitForFunction(() => document.querySelector('region-infographic').dataset.ready === 'true', null, { timeout: 30000 });
  const cdp = await context.newCDPSession(page);
  // The SVG engine is fetched on the first SVG download and kept: make one before the first
  // reading, so that the readings compare the same engines and a growth is a growth.
  await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(() => {
      const buttons = document.querySelector('region-infographic').shadowRoot.querySelectorAll('.all-figures .download-button');
      [...buttons].find((b) => b.textContent === 'SVG').click();
    }),
  ]);

  /** A visible point inside a random chart canvas (scrolled into view), or null if none. */
  const spot = async () => {
    const box = await page.evaluate((r) => {
      const canvases = [...document.querySelector('region-infographic').shadowRoot.querySelectorAll('figure.chart canvas')];
      if (!canvases.length) return null;
      const c = canvases[Math.floor(r * canvases.length)];
      c.scrollIntoView({ block: 'center', behavior: 'instant' });
      const b = c.getBoundingClientRect();
      return { x: b.left, y: Math.max(b.top, 0), w: b.width, h: Math.min(b.height, innerHeight - Math.max(b.top, 0)) };
    }, random());
    return box && box.w > 2 && box.h > 2 ? [box.x + 1 + random() * (box.w - 2), box.y + 1 + random() * (box.h - 2)] : null;
  };
  const counts = {};
  const spent = {};
  const actions = [
    [30, 'click', async () => { const p = await spot(); if (p) await page.mouse.click(...p); }],
    [10, 'tap', async () => { const p = await spot(); if (p) await page.touchscreen.tap(...p); }],
    [15, 'hover', async () => { const p = await spot(); if (p) await page.mouse.move(...p); }],
    [22, 'key', async () => {
      await page.evaluate((r) => {
        const cs = document.querySelector('region-infographic').shadowRoot.querySelectorAll('figure.chart canvas');
        cs[Math.floor(r * cs.length)]?.focus();
      }, random());
      await page.keyboard.press(pick(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Enter', ' ', 'Escape', 'Home', 'End', 'Tab']));
    }],
    [12, 'region', async () => {
      const n = await page.evaluate(() => document.querySelector('region-infographic').shadowRoot.querySelectorAll('.region-button').length);
      if (n) {
        await page.evaluate((i) => document.querySelector('region-infographic').shadowRoot.querySelectorAll('.region-button')[i].click(), Math.floor(random() * n));
      }
    }],
    [8, 'resize', async () => page.setViewportSize({ width: 320 + Math.floor(random() * 1080), height: 600 + Math.floor(random() * 400) })],
    // A download may load the engine that writes SVG (its own wasm memory, once): a key or a click
    // reaches a download button now and then anyway, so the soak makes them on purpose.
    [2, 'download', async () => {
      await page.evaluate((r) => {
        const bs = document.querySelector('region-infographic').shadowRoot.querySelectorAll('.download-button');
        bs[Math.floor(r * bs.length)]?.click();
      }, random());
    }],
    [1.5, 'language', async () => remount(page, pick(DATASETS.slice(0, 1)), pick(['en', 'zh']))],
    [1.5, 'dataset', async () => remount(page, pick(DATASETS), 'en')],
  ];
  const total = actions.reduce((s, [w]) => s + w, 0);
  let first = null;
  for (let i = 1; i <= INTERACTIONS; i += 1) {
    let r = random() * total;
    const [, name, act] = actions.find(([w]) => (r -= w) < 0) ?? actions[0];
    const t0 = performance.now();
    await act();
    counts[name] = (counts[name] ?? 0) + 1;
    spent[name] = (spent[name] ?? 0) + performance.now() - t0;
    if (i === WARM) {
      // Both readings are taken in the same state: the default story, in English, at one size.
      await page.setViewportSize({ width: 1000, height: 800 });
      await remount(page, DATASETS[0], 'en');
      first = await memory(page, cdp);
    }
  }
  await page.setViewportSize({ width: 1000, height: 800 });
  await remount(page, DATASETS[0], 'en');
  const last = await memory(page, cdp);
  const panic = await page.evaluate(() => globalThis.__datastoryPanic);
  const each = Object.entries(counts).map(([k, n]) => `${k} ${n} (${(spent[k] / n).toFixed(0)} ms each)`).join(', ');
  console.log(`soak (seed ${SEED}): ${INTERACTIONS} interactions: ${each}`);
  console.log(`  after ${WARM}: JS heap ${mb(first.heap)}, wasm memory ${mb(first.wasm)}`);
  console.log(`  after ${INTERACTIONS}: JS heap ${mb(last.heap)}, wasm memory ${mb(last.wasm)}`);
  console.log(`  growth: JS heap ${mb(last.heap - first.heap)}, wasm memory ${mb(last.wasm - first.wasm)}`);
  assert.equal(panic, undefined, `the engine panicked: ${panic}`);
  assert.deepEqual(errors, []);
  assert.ok(last.heap - first.heap <= MAX_GROWTH, `the JS heap grew by ${mb(last.heap - first.heap)}`);
  assert.ok(last.wasm - first.wasm <= MAX_GROWTH, `the wasm memory grew by ${mb(last.wasm - first.wasm)}`);
  await context.close();
});
