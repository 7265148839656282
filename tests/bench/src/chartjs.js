// The Chart.js peer page: the same charts from the same data file, drawn with a tree-shaken Chart.js (animation off) and chartjs-chart-geo for the map; a click on a region selects it as on our page.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';
import { ChoroplethController, GeoFeature, ColorScale, ProjectionScale } from 'chartjs-chart-geo';
import { geoConicEqualArea } from 'd3-geo';
import {
  loadStory, buildPage, showSelection, onRegionButtons, drawn, geoFeatures, shortValue,
  INK, MUTED, TRACK, CONTEXT, LAND, FONT,
} from './common.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, ChoroplethController, GeoFeature, ColorScale, ProjectionScale);
Chart.defaults.font.family = FONT;
Chart.defaults.font.size = 14;
Chart.defaults.color = INK;
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

const HEIGHTS = { map: 480, bars: 200, periods: 240, multiple: 150, share: 90 };
const FADED = 0.3;

const story = await loadStory();
const { data } = story;
const regions = new Map(data.regions.map((r) => [r.id, r]));
const colorOf = (f) => regions.get(f.region)?.color ?? CONTEXT;
const plots = buildPage(story, HEIGHTS);
let selected = null;

/** `#rrggbb` at opacity `a`. */
const alpha = (hex, a) => `${hex}${Math.round(a * 255).toString(16).padStart(2, '0')}`;

/** d3-geo wants exterior rings clockwise; the map file's rings may turn either way. */
function clockwise(collection) {
  for (const f of collection.features) {
    for (const [ring] of f.geometry.coordinates) {
      let area = 0;
      for (let i = 1; i < ring.length; i += 1) area += (ring[i][0] - ring[i - 1][0]) * (ring[i][1] + ring[i - 1][1]);
      if (area < 0) ring.reverse();
    }
  }
  return collection;
}

/** Each canvas's labels: kept out of the options, where Chart.js would take their functions for scriptable options. */
const labelsOf = new WeakMap();

/** Labels at the end of each bar ("200+", "6.3%", "60×") and region names on the map, as our charts carry them. */
const valueLabels = {
  id: 'valueLabels',
  afterDatasetsDraw(chart) {
    const labels = labelsOf.get(chart.canvas);
    if (!labels) return;
    const { ctx } = chart;
    ctx.save();
    ctx.font = `bold 14px ${FONT}`;
    ctx.fillStyle = INK;
    const meta = chart.getDatasetMeta(labels.dataset ?? chart.data.datasets.length - 1);
    meta.data.forEach((el, i) => {
      const text = labels.text(i);
      if (!text) return;
      if (labels.at === 'center') {
        const { x, y } = el.getCenterPoint();
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillText(text, x, y);
      } else if (labels.at === 'top') {
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.fillText(text, el.x, el.y - 4);
      } else {
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        ctx.fillText(text, el.x + 6, el.y);
      }
    });
    ctx.restore();
  },
};
Chart.register(valueLabels);

const features = clockwise(geoFeatures(data, story.map)).features;

function mapConfig() {
  const props = (ctx) => features[ctx.dataIndex]?.properties ?? {};
  return {
    type: 'choropleth',
    labels: { at: 'center', dataset: 0, text: (i) => (features[i].properties.region ? features[i].properties.name : '') },
    data: {
      labels: features.map((f) => f.properties.name),
      datasets: [{
        data: features.map((feature, i) => ({ feature, value: i })),
        // The projection fits the four regions, as ours does; the neighbours run off the edges.
        outline: features.filter((f) => f.properties.region),
        backgroundColor: (ctx) => props(ctx).color ?? LAND,
        borderColor: (ctx) => (props(ctx).region && props(ctx).region === selected ? INK : '#ffffff'),
        borderWidth: (ctx) => (props(ctx).region && props(ctx).region === selected ? 3 : 1),
        hoverBorderColor: (ctx) => (props(ctx).region ? INK : '#ffffff'),
        hoverBorderWidth: (ctx) => (props(ctx).region ? 2 : 1),
      }],
    },
    options: {
      showOutline: false,
      showGraticule: false,
      plugins: {
        legend: { display: false },
        tooltip: { filter: (item) => Boolean(features[item.dataIndex].properties.region), callbacks: { label: (item) => item.label } },
      },
      scales: {
        projection: { axis: 'x', projection: geoConicEqualArea().parallels([40, 50]).rotate([-116, 0]).center([0, 45]) },
        color: { axis: 'x', display: false },
      },
    },
  };
}

/** Horizontal bars; faded ends after lower bounds, as our bars show that the true figure is higher. */
function barsConfig(figures, labels, { lowerBounds = false } = {}) {
  const dims = (f) => selected && f.region && f.region !== selected;
  const solid = figures.map((f) => (dims(f) ? alpha(colorOf(f), FADED) : colorOf(f)));
  const datasets = [{ data: figures.map((f) => f.value), backgroundColor: solid, barThickness: 18, stack: 'v' }];
  if (lowerBounds) {
    datasets.push({
      data: figures.map((f) => f.value * 0.06),
      backgroundColor: figures.map((f) => alpha(colorOf(f), dims(f) ? 0.1 : 0.35)),
      barThickness: 18,
      stack: 'v',
    });
  }
  return {
    type: 'bar',
    labels: { text: (i) => shortValue(figures[i]) },
    data: { labels, datasets },
    options: {
      indexAxis: 'y',
      layout: { padding: { right: 64 } },
      scales: {
        x: { display: false, stacked: true, beginAtZero: true },
        y: { stacked: true, grid: { display: false }, border: { display: false } },
      },
      plugins: { legend: { display: false } },
    },
  };
}

function periodsConfig(figures) {
  return {
    type: 'bar',
    labels: { at: 'top', text: (i) => shortValue(figures[i]) },
    data: { labels: figures.map((f) => f.label), datasets: [{ data: figures.map((f) => f.value), backgroundColor: figures.map(colorOf), barThickness: 64 }] },
    options: {
      layout: { padding: { top: 24 } },
      scales: {
        x: { grid: { display: false } },
        y: { min: 0, max: 8, ticks: { stepSize: 2, color: MUTED, font: { size: 12 }, callback: (v) => `${v}%` } },
      },
      plugins: { legend: { display: false } },
    },
  };
}

function shareConfig(f) {
  const label = f.wording ? f.wording[0].toUpperCase() + f.wording.slice(1) : `${f.value}%`;
  return {
    type: 'bar',
    data: {
      labels: [`${label} ${f.label.toLowerCase()}`],
      datasets: [
        { data: [f.value], backgroundColor: colorOf(f), barThickness: 24, stack: 's' },
        { data: [100 - f.value], backgroundColor: TRACK, barThickness: 24, stack: 's' },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: { stacked: true, min: 0, max: 100, grid: { display: false }, ticks: { stepSize: 50, color: MUTED, font: { size: 12 }, callback: (v) => `${v}%` } },
        y: { stacked: true, position: 'left', grid: { display: false }, border: { display: false }, ticks: { font: { weight: 'bold' } } },
      },
      plugins: { legend: { display: false } },
    },
  };
}

function configFor({ chart, figures }) {
  switch (chart.kind) {
    case 'map': return mapConfig();
    case 'bars': return barsConfig(figures, figures.map((f) => f.label), { lowerBounds: true });
    case 'periods': return periodsConfig(figures);
    case 'multiple': {
      const [f] = figures;
      return barsConfig([{ ...f, value: 1 }, f], chart.endpoints ?? ['Start', 'End']);
    }
    case 'share': return shareConfig(figures[0]);
    default: throw new Error(`no Chart.js drawing for ${chart.kind}`);
  }
}

const charts = new Map();
for (const [id, p] of plots) {
  const canvas = document.createElement('canvas');
  p.plot.append(canvas);
  const { labels, ...config } = configFor(p);
  if (labels) labelsOf.set(canvas, labels);
  // With animation off, Chart.js draws in the constructor.
  charts.set(id, new Chart(canvas, config));
}
drawn();

/** Selects a region (again: clears it): outlined on the map, other regions' bars faded, other sections stepped back. */
function select(region) {
  selected = selected === region ? null : region;
  charts.get('map')?.update('none');
  // The overview's bars fade other regions' marks, as ours do (the default story has none).
  for (const [id, p] of plots) {
    if (p.chart.kind !== 'bars' || p.chart.region) continue;
    const bars = charts.get(id);
    const next = configFor(p);
    bars.data.datasets.forEach((d, i) => { d.backgroundColor = next.data.datasets[i].backgroundColor; });
    bars.update('none');
  }
  showSelection(selected);
}

// Chart.js handles its own events a frame later; a listener of our own selects at once, as a newsroom page would.
const map = charts.get('map');
map?.canvas.addEventListener('click', (e) => {
  const [hit] = map.getElementsAtEventForMode(e, 'nearest', { intersect: true }, false);
  const region = hit && features[hit.index].properties.region;
  if (region) select(region);
});
onRegionButtons(select);
