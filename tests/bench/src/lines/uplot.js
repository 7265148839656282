// The uPlot peer page of line charts: the story `?data=` names, each chart drawn with uPlot (see uplot-chart.js) into the same page as the other peers'.
import { dataUrl, loadJson, buildPage, drawn } from './common.js';
import { prepare, draw } from './uplot-chart.js';

const data = await loadJson(dataUrl());
const plots = buildPage(data);
let unfinished = plots.length;
const charts = [];
for (const { chart, plot, indicator } of plots) {
  let first = true;
  // uPlot draws in a microtask after its constructor: the chart is drawn at its first `draw` hook.
  const onDraw = () => {
    if (!first) return;
    first = false;
    unfinished -= 1;
    if (unfinished === 0) drawn();
  };
  const height = plot.clientHeight;
  // uPlot's legend goes below its canvas: the box grows with it.
  plot.style.height = 'auto';
  charts.push(draw(plot, prepare(data, chart), { width: plot.clientWidth, height, unit: indicator?.unit, onDraw }));
}
addEventListener('resize', () => {
  for (const [i, u] of charts.entries()) u.setSize({ width: plots[i].plot.clientWidth, height: u.height });
});
