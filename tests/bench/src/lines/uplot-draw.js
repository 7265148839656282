// The uPlot draw harness: reads a story's file, then draws its first chart afresh on demand, each time timed from the constructor to its last pixel.
import { loadJson } from './common.js';
import { prepare, draw } from './uplot-chart.js';

let data;
let prepared;
let last;
const box = document.getElementById('box');

window.__draw = {
  /** Fetches `url`; returns how long reading it took, the first time and again: parsing the JSON and making uPlot's arrays. */
  async load(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const text = await response.text();
    const times = [];
    for (let k = 0; k < 2; k += 1) {
      const t0 = performance.now();
      data = JSON.parse(text);
      prepared = prepare(data, data.charts[0]);
      times.push(performance.now() - t0);
    }
    return { cold: times[0], read: times[1] };
  },
  /**
   * Draws the chart into a new box at `width` × `height` CSS px; returns the time until its pixels
   * are on the canvas, and the part of that the browser spent rasterizing.
   */
  async draw(width, height) {
    last?.destroy();
    const target = document.createElement('div');
    box.replaceChildren(target);
    let done;
    const painted = new Promise((resolve) => { done = resolve; });
    const indicator = data.indicators.find((i) => i.id === data.charts[0].indicator);
    const t0 = performance.now();
    const u = draw(target, prepared, { width, height, unit: indicator?.unit, onDraw: done });
    await painted;
    // Reading a pixel makes the browser carry out every drawing command queued on the canvas.
    const t1 = performance.now();
    u.ctx.getImageData(0, 0, 1, 1);
    const t2 = performance.now();
    last = u;
    return { ms: t2 - t0, raster: t2 - t1 };
  },
};
document.documentElement.dataset.ready = 'true';
