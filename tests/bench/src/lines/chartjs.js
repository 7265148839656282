// The Chart.js peer page of line charts: the story `?data=` names, each chart drawn with a tree-shaken Chart.js (animation off, data given parsed, linear axis in years), long lines reduced by its decimation plugin (min-max, which keeps each pixel's extremes as ours does).
import { Chart, LineController, LineElement, PointElement, LinearScale, Tooltip, Decimation } from 'chart.js';
import { dataUrl, loadJson, buildPage, drawn, linesOf, endRoom, readTime, yearLabel, MUTED, GRID, FONT } from './common.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Decimation);
Chart.defaults.font.family = FONT;
Chart.defaults.font.size = 12;
Chart.defaults.color = MUTED;
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

/** The names of the coloured lines at their ends, in their colours, as ours writes them. */
const endLabels = {
  id: 'endLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = `bold 12px ${FONT}`;
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((d, k) => {
      if (!d.highlighted) return;
      const points = chart.getDatasetMeta(k).data;
      const last = points.findLast((p) => !p.skip);
      if (!last) return;
      ctx.fillStyle = d.borderColor;
      ctx.fillText(d.label, last.x + 6, last.y);
    });
    ctx.restore();
  },
};
Chart.register(endLabels);

function config(data, chart, indicator) {
  const lines = linesOf(data, chart);
  return {
    type: 'line',
    data: {
      datasets: lines.map((l) => ({
        label: l.name,
        highlighted: l.highlighted,
        data: l.series.times.map((t, i) => ({ x: readTime(t).position, y: l.series.values[i] })),
        borderColor: l.color,
        borderWidth: l.highlighted ? 2 : 1,
        pointRadius: 0,
        spanGaps: false,
      })),
    },
    options: {
      // What the decimation plugin asks for: data already parsed, sorted and unique in x.
      parsing: false,
      normalized: true,
      indexAxis: 'x',
      // Room for the end labels, as ours keeps a column for them.
      layout: { padding: { right: endRoom(lines), top: 8 } },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'linear', grid: { display: false }, ticks: { callback: yearLabel, color: MUTED } },
        y: { beginAtZero: true, grid: { color: GRID }, title: { display: Boolean(indicator?.unit), text: indicator?.unit }, ticks: { color: MUTED } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { mode: 'index', intersect: false },
        decimation: { enabled: true, algorithm: 'min-max' },
      },
    },
  };
}

const data = await loadJson(dataUrl());
const plots = buildPage(data);
for (const p of plots) {
  const canvas = document.createElement('canvas');
  p.plot.append(canvas);
  // With animation off, Chart.js draws in the constructor.
  new Chart(canvas, config(data, p.chart, p.indicator));
}
drawn();
