// Our draw harness: reads a story's file with the page's engine, then draws its first chart afresh on demand, each time timed from the engine's draw to its last pixel. Served beside the page, never part of it.
import init, { Story } from './pkg/datastory.js';

await init();
let story;
let chart;
const box = document.getElementById('box');

window.__draw = {
  /**
   * Fetches `url`; returns how long the engine took to read and check the text: the first time
   * (its code still cold, as on a page's load) and again.
   */
  async load(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const text = await response.text();
    const times = [];
    for (let k = 0; k < 2; k += 1) {
      story?.free();
      const t0 = performance.now();
      story = new Story(text);
      times.push(performance.now() - t0);
    }
    chart = story.outline().sections[0].charts[0].id;
    return { cold: times[0], read: times[1] };
  },
  /**
   * Draws the chart on a new canvas `width` CSS px wide; returns the time until its pixels are on
   * it, the part of that the browser spent rasterizing, and the chart's height.
   */
  async draw(width) {
    const canvas = document.createElement('canvas');
    box.replaceChildren(canvas);
    const dpr = window.devicePixelRatio || 1;
    const t0 = performance.now();
    const height = story.draw(chart, canvas, width, dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    // Reading a pixel makes the browser carry out every drawing command queued on the canvas.
    const t1 = performance.now();
    canvas.getContext('2d').getImageData(0, 0, 1, 1);
    const t2 = performance.now();
    return { ms: t2 - t0, raster: t2 - t1, height };
  },
};
document.documentElement.dataset.ready = 'true';
