// The ECharts peer page of the world choropleth: the same map from the same data, drawn with a tree-shaken Apache ECharts (map series in the Equal Earth projection, piecewise visualMap of our bins and colours, "no data" hatched with a decal, the time shown on a line's axis beside the map; canvas renderer, animation off), under the same slider as ours, whose steps call `setOption` with the year's data.
import { init, use, registerMap } from 'echarts/core';
import { MapChart, LineChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { INK, MUTED, FONT } from '../common.js';
import { project, unproject } from './equal-earth.js';

use([MapChart, LineChart, GridComponent, TitleComponent, TooltipComponent, VisualMapPiecewiseComponent, CanvasRenderer]);

/* global __MAP__ */
// Written by build.mjs as a newsroom would write them into its page: the bins' edges and colours our
// engine computes for the chart (tests/bench/lib/colors.mjs), the top of the side line's value axis,
// the projected map's width over its height, and the GeoJSON file of the boundaries.
const KEY = __MAP__;
const RULE = '#cccccc';
const GRID = '#e0e0e0';
const PLAY_STEP = 800;
// Our choropleth's layout (src/kinds/choropleth.rs, src/kinds/map.rs): the map takes 64% of a wide
// chart, as tall as its proportions make it within 480 px, inside 8 px; the series beside it.
const SIDE_BY_SIDE = 600;
const GAP = 24;
const PAD = 8;
const MAX_HEIGHT = 480;
const LEGEND = 37;

async function loadJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const [data, world] = await Promise.all([loadJson('data/story.json'), loadJson(KEY.geo)]);
registerMap('world', world);
const chartDef = data.charts.find((c) => c.kind === 'choropleth');
const indicator = data.indicators.find((i) => i.id === chartDef.indicator);
const source = data.sources.find((s) => s.id === indicator?.source);
const regionName = new Map(data.regions.map((r) => [r.id, r.name]));
const series = data.series.filter((s) => s.indicator === chartDef.indicator && (!chartDef.entities?.length || chartDef.entities.includes(s.entity)));
const times = [...new Set(series.flatMap((s) => s.times.map(String)))].sort((a, b) => Number(a) - Number(b));
// Each shape's value at each time, by the shape's name in the GeoJSON (the region's name).
const values = new Map(series.map((s) => [regionName.get(s.entity) ?? s.entity, new Map(s.times.map((t, i) => [String(t), s.values[i]]))]));
const names = world.features.map((f) => f.properties.name);
const { edges, colors } = KEY;
const [lo, hi] = [edges[0], edges.at(-1)];

// The page: the story's title and dek, then the chart's headline, dek, plot box, slider, key and source.
const root = document.getElementById('story');
const head = el('header', 'story-head');
head.append(el('h1', '', data.story.title), el('p', 'dek', data.story.dek));
const section = el('section', 'region');
const h2 = el('h2');
h2.append(el('span', '', data.story.overview_heading));
const grid = el('div', 'charts');
const figure = el('figure', 'chart wide');
figure.dataset.chart = chartDef.id;
const plot = el('div', 'plot');
const step = edges[1] - edges[0];
const key = `Colours change every ${step} ${indicator?.unit ?? ''}, from ${lo} to ${hi}: round steps over every value of every year, so a colour means the same value in every year. Hatched: no data for the year shown; nothing is filled in.`;
figure.append(el('h3', '', chartDef.headline), el('p', 'chart-dek', chartDef.dek), plot);
section.append(h2, grid);
grid.append(figure);
const announcer = el('p', 'announcer visually-hidden');
announcer.setAttribute('aria-live', 'polite');
root.replaceChildren(head, section, announcer);

// The slider, as ours: play, step back, the range with its first and last times, step on.
const last = times.length - 1;
const slider = el('div', 'slider');
const button = (cls, text, label) => {
  const b = el('button', cls, text);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  return b;
};
const play = button('slider-play', 'Play', 'Play through the times');
play.setAttribute('aria-pressed', 'false');
const back = button('slider-step', '‹', 'Show the previous time');
const next = button('slider-step', '›', 'Show the next time');
const range = el('input', 'slider-range');
Object.assign(range, { type: 'range', min: '0', max: String(last), step: '1', value: String(last) });
range.setAttribute('aria-label', 'Time shown');
const ends = el('div', 'slider-ends');
ends.setAttribute('aria-hidden', 'true');
ends.append(el('span', '', times[0]), el('span', '', times[last]));
const track = el('div', 'slider-track');
track.append(range, ends);
slider.append(play, back, track, next);
figure.append(slider, el('p', 'note', key), el('p', 'note', `Source: ${source?.name ?? 'not given'}`));

// The plot box as tall as our canvas is at this width.
const width = plot.clientWidth;
const mapW = width >= SIDE_BY_SIDE ? Math.floor(width * 0.64) : width;
const mapH = Math.min(MAX_HEIGHT, Math.max(80, mapW / KEY.aspect + 2 * PAD));
const top = LEGEND + 8;
plot.style.height = `${top + mapH}px`;

const HATCH = { symbol: 'rect', symbolSize: 1, color: RULE, backgroundColor: '#ffffff', dashArrayX: [1, 0], dashArrayY: [1, 3], rotation: -Math.PI / 4 };
/** Every shape at time `t`: its value, or white and hatched where it has none. */
function mapData(t) {
  return names.map((name) => {
    const v = values.get(name)?.get(t);
    return v === null || v === undefined
      ? { name, value: NaN, itemStyle: { areaColor: '#ffffff', borderColor: RULE, decal: HATCH } }
      : { name, value: v };
  });
}
/** The time shown, a rule across the side plot. */
const rule = (t) => [[Number(t), 0], [Number(t), KEY.sideMax]];
const text = { fontFamily: FONT, color: INK };
const small = { fontFamily: FONT, color: MUTED, fontSize: 12 };

function option(t) {
  return {
    animation: false,
    textStyle: text,
    title: [
      { id: 'time', text: t, left: 0, top: 0, textStyle: { ...text, fontSize: 12, fontWeight: 'bold' } },
      mapW < width ? {
        id: 'prompt', text: 'Select a region on the map to see its values over time.', left: mapW + GAP, top,
        textStyle: { ...small, fontWeight: 'normal', width: width - mapW - GAP, overflow: 'break' },
      } : { id: 'prompt', show: false },
    ],
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}: ${Number.isFinite(p.value) ? `${p.value} ${indicator?.unit ?? ''}` : 'no data'}` },
    visualMap: {
      type: 'piecewise', seriesIndex: 0, orient: 'horizontal', left: 48, top: 0, itemWidth: 40, itemHeight: 10, itemGap: 4,
      selectedMode: false, hoverLink: false, textStyle: small,
      pieces: colors.map((color, k) => ({
        gte: edges[k], ...(k === colors.length - 1 ? { lte: edges[k + 1] } : { lt: edges[k + 1] }), color, label: `${edges[k]}–${edges[k + 1]}`,
      })),
    },
    grid: { left: mapW + GAP, right: 8, top: top + 40, bottom: 24, containLabel: true },
    xAxis: {
      type: 'value', min: Number(times[0]), max: Number(times[last]), interval: Number(times[last]) - Number(times[0]),
      axisLabel: { ...small, formatter: String }, splitLine: { show: false }, show: mapW < width,
    },
    yAxis: { type: 'value', min: 0, max: KEY.sideMax, axisLabel: small, splitLine: { lineStyle: { color: GRID } }, show: mapW < width },
    series: [
      {
        id: 'map', type: 'map', map: 'world', projection: { project, unproject }, roam: false, selectedMode: false,
        left: PAD, top: top + PAD, width: mapW - 2 * PAD, height: mapH - 2 * PAD,
        itemStyle: { areaColor: '#ffffff', borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { label: { show: false }, itemStyle: { borderColor: INK, borderWidth: 2 } },
        label: { show: false },
        data: mapData(t),
      },
      { id: 'rule', type: 'line', silent: true, symbol: 'none', lineStyle: { color: RULE, width: 1 }, data: mapW < width ? rule(t) : [] },
    ],
  };
}

const chart = init(plot, null, { renderer: 'canvas' });
// For the benchmark: the `finished` events so far, and zrender's queued paint forced at once (it
// paints on the next frame), so a step is timed to its last pixel as a click is.
window.__benchFinished = 0;
chart.on('finished', () => {
  window.__benchFinished += 1;
  // The map drawn: the same moment our page marks as ready.
  if (window.__benchFinished === 1) document.documentElement.dataset.ready = 'true';
});
window.__benchFlush = () => chart.getZr().flush();

let shown = last;
/** Shows time `i`: the slider, and the map recoloured by `setOption` with that year's data. */
function show(i) {
  shown = Math.max(0, Math.min(last, i));
  range.value = String(shown);
  range.setAttribute('aria-valuetext', times[shown]);
  back.disabled = shown === 0;
  next.disabled = shown === last;
  const t = times[shown];
  chart.setOption({ title: [{ id: 'time', text: t }], series: [{ id: 'map', data: mapData(t) }, { id: 'rule', data: mapW < width ? rule(t) : [] }] });
}

chart.setOption(option(times[last]));
range.setAttribute('aria-valuetext', times[last]);
next.disabled = true;

let timer = 0;
function stop() {
  clearInterval(timer);
  timer = 0;
  play.textContent = 'Play';
  play.setAttribute('aria-label', 'Play through the times');
  play.setAttribute('aria-pressed', 'false');
}
play.addEventListener('click', () => {
  if (timer) return stop();
  if (shown === last) show(0);
  play.textContent = 'Pause';
  play.setAttribute('aria-label', 'Pause');
  play.setAttribute('aria-pressed', 'true');
  timer = setInterval(() => (shown >= last ? stop() : show(shown + 1)), PLAY_STEP);
  return undefined;
});
const announce = () => { announcer.textContent = times[shown]; };
back.addEventListener('click', () => { stop(); show(shown - 1); announce(); });
next.addEventListener('click', () => { stop(); show(shown + 1); announce(); });
range.addEventListener('input', () => { stop(); show(Number(range.value)); });
addEventListener('resize', () => chart.resize());
