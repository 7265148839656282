// Interaction benchmark (run by `cargo xtask bench`): time from a click or hover to the end of its redraw, at 1280 px and DPR 2, in headless Chromium. Prints p50/p95; asserts nothing.
import { launch, open } from './browser.js';

const RUNS = Number(process.env.BENCH_RUNS || 200);

/** In the page: dispatches `events` round-robin and times each synchronous handler, redraw included. */
async function timeEvents(page, chart, kind, targets) {
  return page.evaluate(([chart, kind, targets, runs]) => {
    const canvas = document.querySelector(`figure[data-chart="${chart}"] canvas`);
    canvas.scrollIntoView({ block: 'center', behavior: 'instant' });
    const box = canvas.getBoundingClientRect();
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const [x, y] = targets[i % targets.length];
      const init = { clientX: box.left + x, clientY: box.top + y, bubbles: true, pointerType: 'mouse' };
      const event = kind === 'click' ? new MouseEvent('click', init) : new PointerEvent('pointermove', init);
      const t0 = performance.now();
      canvas.dispatchEvent(event);
      times.push(performance.now() - t0);
    }
    return times;
  }, [chart, kind, targets, RUNS]);
}

/** CSS-pixel points inside each mark of a chart, found from its drawn colours. */
async function spots(page, chart, colours) {
  return page.evaluate(([chart, colours]) => {
    const c = document.querySelector(`figure[data-chart="${chart}"] canvas`);
    const scale = c.width / c.getBoundingClientRect().width;
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    return colours.map((hex) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      for (let y = 6; y < c.height - 6; y += 3) {
        for (let x = 6; x < c.width - 6; x += 3) {
          const ok = [[0, 0], [-6, 0], [6, 0], [0, -6], [0, 6]].every(([dx, dy]) => {
            const i = ((y + dy) * c.width + x + dx) * 4;
            return px[i] === r && px[i + 1] === g && px[i + 2] === b;
          });
          if (ok) return [x / scale, y / scale];
        }
      }
      return null;
    }).filter(Boolean);
  }, [chart, colours]);
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const browser = await launch();
const { page, context } = await open(browser, '/', { width: 1280, height: 900, dpr: 2 });
const data = await (await fetch(new URL('data/story.json', process.env.BASE_URL))).json();
const regions = data.regions.map((r) => r.color);
const colour = (id) => data.regions.find((r) => r.id === id).color;
const mapSpots = await spots(page, 'map', regions);
const barSpots = await spots(page, 'reach', [colour('heilongjiang'), '#767676', colour('jilin')]);
const cases = [
  ['map: click a region (select / switch)', 'map', 'click', mapSpots],
  ['map: hover regions', 'map', 'move', mapSpots],
  ['bars: click a bar (pin / unpin)', 'reach', 'click', barSpots],
  ['bars: hover bars', 'reach', 'move', barSpots],
];
console.log(`Interaction redraw times at 1280 px, DPR 2, ${RUNS} events each (handler + wasm redraw, ms):`);
console.log('| interaction | p50 | p95 | max |');
console.log('|---|---:|---:|---:|');
const results = {};
for (const [name, chart, kind, targets] of cases) {
  if (targets.length < 2) throw new Error(`could not find marks to ${kind} on ${chart}`);
  await timeEvents(page, chart, kind, targets); // warm-up
  const t = await timeEvents(page, chart, kind, targets);
  results[name] = { p50: pct(t, 50), p95: pct(t, 95), max: Math.max(...t) };
  console.log(`| ${name} | ${results[name].p50.toFixed(2)} | ${results[name].p95.toFixed(2)} | ${results[name].max.toFixed(2)} |`);
}
await context.close();
await browser.close();
if (process.env.BENCH_JSON) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.BENCH_JSON, JSON.stringify({ viewport: '1280x900@2', runs: RUNS, results }, null, 2));
}
