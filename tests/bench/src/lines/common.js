// Shared by the peer pages of line charts: loads the story named by `?data=`, reads its times, picks each chart's lines and colours as our engine does, builds the same headlines and notes as HTML, and says when every chart is drawn.
import { INK, MUTED, CONTEXT, FONT } from '../common.js';

export { INK, MUTED, CONTEXT, FONT };
export const GRID = '#e0e0e0';
/** The plot boxes' height (CSS px): about what ours takes at 1280 px. */
export const HEIGHT = 400;
/** Without a `highlight`, a chart of this many lines or fewer draws every one in its colour (as ours). */
const ALL_COLOURED = 8;

/** The file `?data=` names, as our page takes it. */
export function dataUrl() {
  return new URLSearchParams(location.search).get('data') ?? 'data/bench/lines-50x600.json';
}

export async function loadJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** Days from 1 January 1970 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function days(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * A time of the format (1955, "1955", "2020-Q1", "2020-03", "2020-03-15") as milliseconds since
 * 1970 (UTC) and as a position in years, as our engine places it (a date by its day of the year).
 */
export function readTime(t) {
  const s = String(t).trim();
  const q = s.search(/[Qq]/);
  if (q > 0) {
    const y = Number(s.slice(0, s[q - 1] === '-' ? q - 1 : q));
    const k = Number(s.slice(q + 1));
    return { ms: days(y, (k - 1) * 3 + 1, 1) * 86_400_000, position: y + (k - 1) / 4 };
  }
  // A leading minus is a year before the common era; dates and months have none.
  const [y, m, d] = s.startsWith('-') ? [Number(s)] : s.split('-').map(Number);
  if (!Number.isInteger(y)) throw new Error(`not a time: ${s}`);
  if (m === undefined) return { ms: days(y, 1, 1) * 86_400_000, position: y };
  if (d === undefined) return { ms: days(y, m, 1) * 86_400_000, position: y + (m - 1) / 12 };
  const day = days(y, m, d);
  const start = days(y, 1, 1);
  return { ms: day * 86_400_000, position: y + (day - start) / (days(y + 1, 1, 1) - start) };
}

/**
 * The lines chart `chart` draws, in the data's order, as our engine picks them: its `entities`, or
 * every entity with a series of its indicator; coloured where highlighted, grey context otherwise
 * (drawn first, so that colour is never under grey).
 */
export function linesOf(data, chart) {
  const regions = new Map(data.regions.map((r) => [r.id, r]));
  const series = data.series.filter((s) => s.indicator === chart.indicator && (!chart.entities?.length || chart.entities.includes(s.entity)));
  const highlighted = (id) => (chart.highlight?.length ? chart.highlight.includes(id) : series.length <= ALL_COLOURED);
  const lines = series.map((s) => {
    const region = regions.get(s.entity);
    const on = highlighted(s.entity);
    return { series: s, id: s.entity, name: region?.name ?? s.entity, highlighted: on, color: on ? region?.color ?? CONTEXT : CONTEXT };
  });
  return [...lines.filter((l) => !l.highlighted), ...lines.filter((l) => l.highlighted)];
}

/** The room the coloured lines' names take at their ends (CSS px), about as ours measures it for 12 px bold text. */
export function endRoom(lines) {
  const longest = Math.max(0, ...lines.filter((l) => l.highlighted).map((l) => l.name.length));
  return longest ? Math.ceil(longest * 7.5) + 16 : 16;
}

/** Year labels for an axis in years (1980, 1990…). */
export const yearLabel = (v) => String(Math.round(v));

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Builds the page: the story's title and dek, then each chart's headline, dek, plot box, note and source. */
export function buildPage(data) {
  const root = document.getElementById('story');
  const head = el('header', 'story-head');
  head.append(el('h1', '', data.story.title), el('p', 'dek', data.story.dek));
  const section = el('section', 'region');
  const grid = el('div', 'charts');
  const plots = [];
  for (const chart of data.charts) {
    const figure = el('figure', 'chart wide');
    figure.dataset.chart = chart.id;
    const plot = el('div', 'plot');
    plot.style.height = `${HEIGHT}px`;
    figure.append(el('h3', '', chart.headline), el('p', 'chart-dek', chart.dek), plot);
    if (chart.note) figure.append(el('p', 'note', chart.note));
    const indicator = data.indicators.find((i) => i.id === chart.indicator);
    const source = data.sources.find((s) => s.id === indicator?.source);
    figure.append(el('p', 'note', `Source: ${source?.name ?? 'not given'}`));
    grid.append(figure);
    plots.push({ chart, plot, indicator });
  }
  const h2 = el('h2');
  h2.append(el('span', '', data.story.overview_heading));
  section.append(h2, grid);
  root.replaceChildren(head, section);
  return plots;
}

/** The same signal our page gives once every chart is drawn: `data-ready` on the document element. */
export function drawn() {
  document.documentElement.dataset.ready = 'true';
}
