// The ECharts peer page of line charts: the story `?data=` names, each chart drawn with a tree-shaken Apache ECharts (line series, time axis, axis tooltip, canvas renderer, animation off), long lines reduced with its `sampling: 'lttb'`.
import { init, use } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { dataUrl, loadJson, buildPage, drawn, linesOf, endRoom, readTime, INK, MUTED, GRID, FONT } from './common.js';

use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

const text = { fontFamily: FONT, color: INK, fontSize: 14 };
const axisText = { fontFamily: FONT, color: MUTED, fontSize: 12 };

function option(data, chart, indicator) {
  const lines = linesOf(data, chart);
  return {
    animation: false,
    textStyle: text,
    // Room for the end labels, as ours keeps a column for them.
    grid: { left: 8, right: endRoom(lines), top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time', axisLabel: axisText, splitLine: { show: false } },
    // `scale: false`: magnitudes from zero, as ours.
    yAxis: { type: 'value', scale: false, name: indicator?.unit, nameTextStyle: axisText, axisLabel: axisText, splitLine: { lineStyle: { color: GRID } } },
    series: lines.map((l) => ({
      type: 'line',
      name: l.name,
      data: l.series.times.map((t, i) => [readTime(t).ms, l.series.values[i]]),
      symbol: 'none',
      sampling: 'lttb',
      z: l.highlighted ? 3 : 2,
      lineStyle: { color: l.color, width: l.highlighted ? 2 : 1 },
      itemStyle: { color: l.color },
      endLabel: l.highlighted ? { show: true, formatter: l.name, color: l.color, fontWeight: 'bold', fontSize: 12, fontFamily: FONT } : { show: false },
    })),
  };
}

const data = await loadJson(dataUrl());
const plots = buildPage(data);
let unfinished = plots.length;
const instances = [];
for (const p of plots) {
  const chart = init(p.plot, null, { renderer: 'canvas' });
  // Every instance has drawn once: the same moment our page marks as ready.
  chart.on('finished', () => {
    if (!p.done) {
      p.done = true;
      unfinished -= 1;
      if (unfinished === 0) drawn();
    }
  });
  chart.setOption(option(data, p.chart, p.indicator));
  instances.push(chart);
}
addEventListener('resize', () => { for (const c of instances) c.resize(); });
