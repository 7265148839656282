// The ECharts peer page: the same charts from the same data file, drawn with a tree-shaken Apache ECharts (canvas renderer, animation off); a click on a region selects it as on our page.
import { init, use, registerMap } from 'echarts/core';
import { MapChart, BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import {
  loadStory, buildPage, showSelection, onRegionButtons, drawn, geoFeatures, albers, shortValue,
  INK, MUTED, TRACK, CONTEXT, LAND, FONT,
} from './common.js';

use([MapChart, BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const HEIGHTS = { map: 480, bars: 200, periods: 240, multiple: 150, share: 90 };
const FADED = 0.3;
const text = { fontFamily: FONT, color: INK, fontSize: 14 };

const story = await loadStory();
const { data } = story;
const regions = new Map(data.regions.map((r) => [r.id, r]));
const colorOf = (f) => regions.get(f.region)?.color ?? CONTEXT;
const plots = buildPage(story, HEIGHTS);
const collection = geoFeatures(data, story.map);
registerMap('northeast', collection);
let selected = null;

/** The four regions' corners in longitude and latitude: ECharts fits them, as ours does, where it would fit every neighbour too. */
function regionCorners() {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of collection.features.filter((x) => x.properties.region)) {
    for (const [ring] of f.geometry.coordinates) {
      for (const [lon, lat] of ring) {
        b[0] = Math.min(b[0], lon); b[1] = Math.min(b[1], lat); b[2] = Math.max(b[2], lon); b[3] = Math.max(b[3], lat);
      }
    }
  }
  return [[b[0], b[3]], [b[2], b[1]]];
}

function mapOption() {
  return {
    tooltip: { trigger: 'item', formatter: (p) => (p.data ? `${p.name}` : '') },
    series: [{
      type: 'map',
      map: 'northeast',
      projection: albers(),
      boundingCoords: regionCorners(),
      left: 0, right: 0, top: 8, bottom: 8,
      itemStyle: { areaColor: LAND, borderColor: '#ffffff', borderWidth: 1 },
      label: { show: false },
      emphasis: { disabled: true },
      select: { disabled: true },
      data: data.regions.map((r) => ({
        name: r.name,
        region: r.id,
        itemStyle: r.id === selected
          ? { areaColor: r.color, borderColor: INK, borderWidth: 3 }
          : { areaColor: r.color, borderColor: '#ffffff', borderWidth: 1 },
        label: { show: true, ...text, fontWeight: 'bold' },
        emphasis: { disabled: false, itemStyle: { areaColor: r.color, borderColor: INK, borderWidth: 2 }, label: { show: true, ...text, fontWeight: 'bold' } },
      })),
    }],
  };
}

/** Horizontal bars; `faded` ends after lower bounds, as our bars show that the true figure is higher. */
function barsOption(figures, labels, { lowerBounds = false, max } = {}) {
  const dims = (f) => selected && f.region && f.region !== selected;
  return {
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', show: false, max },
    yAxis: { type: 'category', inverse: true, data: labels, axisLine: { show: false }, axisTick: { show: false }, axisLabel: { ...text } },
    series: [
      {
        type: 'bar', stack: 'v', barWidth: 18,
        data: figures.map((f) => ({ value: f.value, itemStyle: { color: colorOf(f), opacity: dims(f) ? FADED : 1 } })),
        label: { show: !lowerBounds, position: 'right', ...text, fontWeight: 'bold', formatter: (p) => shortValue(figures[p.dataIndex]) },
      },
      ...(lowerBounds ? [{
        type: 'bar', stack: 'v', barWidth: 18, silent: true,
        data: figures.map((f) => ({ value: f.value * 0.06, itemStyle: { color: colorOf(f), opacity: dims(f) ? 0.1 : 0.35 } })),
        label: { show: true, position: 'right', ...text, fontWeight: 'bold', opacity: 1, formatter: (p) => shortValue(figures[p.dataIndex]) },
      }] : []),
    ],
  };
}

function periodsOption(figures) {
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: figures.map((f) => f.label), axisTick: { show: false }, axisLabel: { ...text } },
    yAxis: { type: 'value', min: 0, max: 8, interval: 2, axisLabel: { ...text, color: MUTED, fontSize: 12, formatter: '{value}%' } },
    series: [{
      type: 'bar', barWidth: 64,
      data: figures.map((f) => ({ value: f.value, itemStyle: { color: colorOf(f) } })),
      label: { show: true, position: 'top', ...text, fontWeight: 'bold', formatter: (p) => shortValue(figures[p.dataIndex]) },
    }],
  };
}

function shareOption(f) {
  const label = f.wording ? f.wording[0].toUpperCase() + f.wording.slice(1) : `${f.value}%`;
  return {
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', min: 0, max: 100, interval: 50, axisLabel: { ...text, color: MUTED, fontSize: 12, formatter: '{value}%' }, splitLine: { show: false } },
    yAxis: { type: 'category', data: [f.label], show: false },
    series: [
      {
        type: 'bar', stack: 's', barWidth: 24, data: [{ value: f.value, itemStyle: { color: colorOf(f) } }],
        label: { show: true, position: [0, -20], ...text, fontWeight: 'bold', formatter: `${label} ${f.label.toLowerCase()}` },
      },
      { type: 'bar', stack: 's', barWidth: 24, silent: true, data: [{ value: 100 - f.value, itemStyle: { color: TRACK } }] },
    ],
  };
}

function optionFor({ chart, figures }) {
  switch (chart.kind) {
    case 'map': return mapOption();
    case 'bars': return barsOption(figures, figures.map((f) => f.label), { lowerBounds: true });
    case 'periods': return periodsOption(figures);
    case 'multiple': {
      const [f] = figures;
      const both = [{ ...f, value: 1 }, f];
      return barsOption(both, chart.endpoints ?? ['Start', 'End']);
    }
    case 'share': return shareOption(figures[0]);
    default: throw new Error(`no ECharts drawing for ${chart.kind}`);
  }
}

const instances = new Map();
let unfinished = plots.size;
for (const [id, p] of plots) {
  const chart = init(p.plot, null, { renderer: 'canvas' });
  // Every instance has drawn once: the same moment our page marks as ready.
  chart.on('finished', () => {
    if (!p.done) {
      p.done = true;
      unfinished -= 1;
      if (unfinished === 0) drawn();
    }
  });
  chart.setOption({ animation: false, textStyle: text, ...optionFor(p) });
  instances.set(id, chart);
}

/** Selects a region (again: clears it): outlined on the map, other regions' bars faded, other sections stepped back. */
function select(region) {
  selected = selected === region ? null : region;
  instances.get('map')?.setOption(mapOption());
  // The overview's bars fade other regions' marks, as ours do (the default story has none).
  for (const [id, p] of plots) if (p.chart.kind === 'bars' && !p.chart.region) instances.get(id).setOption(optionFor(p));
  showSelection(selected);
}

instances.get('map')?.on('click', (e) => {
  if (e.data?.region) select(e.data.region);
});
onRegionButtons(select);
addEventListener('resize', () => { for (const c of instances.values()) c.resize(); });
// For the benchmark: paint whatever zrender has queued for the next frame now, so a click is timed to its last pixel.
window.__benchFlush = () => { for (const c of instances.values()) c.getZr().flush(); };
