// Shared by both peer pages: loads the story and its map, builds the same sections, headlines, notes and cards as HTML, keeps the selection's classes, and says when every chart is drawn.

export const INK = '#1a1a1a';
export const MUTED = '#595959';
export const TRACK = '#e8e8e8';
export const CONTEXT = '#767676';
export const LAND = '#e8e8e8';
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

const QUALIFIER = { more_than: 'More than', at_least: 'At least', nearly: 'Nearly', about: 'About', less_than: 'Less than' };
const KIND = { province: 'Province', autonomous_region: 'Autonomous region' };

async function json(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** The dataset and its map, as our page loads them: the story first, then the map it names. */
export async function loadStory() {
  const data = await json('data/story.json');
  const map = await json(`data/${data.story.map}`);
  return { data, map };
}

/** 80000000000 → "80 billion", 5230000 → "5.23 million", 200 → "200". */
export function bigNumber(v) {
  for (const [step, word] of [[1e9, 'billion'], [1e6, 'million']]) {
    if (v >= step) return `${Number((v / step).toFixed(2))} ${word}`;
  }
  return v.toLocaleString('en');
}

/** The short label a bar carries: "200+" for a lower bound, "6.3%", "60×". */
export function shortValue(f) {
  const plus = f.qualifier === 'more_than' || f.qualifier === 'at_least' ? '+' : '';
  if (f.unit === '%') return `${f.value}%`;
  if (f.unit === 'times') return `${f.value}×`;
  return `${bigNumber(f.value)}${plus}`;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function card(f, color) {
  const box = el('div', 'card');
  box.style.borderTopColor = color;
  if (f.qualifier !== 'exact' && f.value !== null) box.append(el('p', 'card-qualifier', QUALIFIER[f.qualifier]));
  const big = f.value === null ? f.claim : `${bigNumber(f.value)} ${f.unit}`.trim();
  box.append(el('p', 'card-value', big), el('p', 'card-label', f.label));
  if (f.period) box.append(el('p', 'card-period', f.period[0].toUpperCase() + f.period.slice(1)));
  return box;
}

/**
 * Builds the page: a section per region with its charts; cards as HTML, every other chart an empty
 * plot box of the given height for the library to draw into. Returns the plot boxes by chart id.
 */
export function buildPage({ data, map }, heights) {
  const root = document.getElementById('story');
  const figures = new Map(data.figures.map((f) => [f.id, f]));
  const regions = new Map(data.regions.map((r) => [r.id, r]));
  const head = el('header', 'story-head');
  head.append(el('h1', '', data.story.title), el('p', 'dek', data.story.dek));
  root.append(head);
  const source = `Source: ${data.sources[0].name}`;
  const plots = new Map();
  const groups = [{ id: 'overview', heading: data.story.overview_heading }, ...data.regions];
  for (const g of groups) {
    const region = regions.get(g.id);
    const charts = data.charts.filter((c) => (c.region ?? 'overview') === g.id);
    const section = el('section', 'region');
    section.dataset.region = g.id;
    const h2 = el('h2');
    if (region) {
      const button = el('button', 'region-button');
      button.type = 'button';
      button.dataset.region = g.id;
      const swatch = el('span', 'swatch');
      swatch.style.background = region.color;
      button.append(swatch, el('span', '', region.name));
      h2.append(button, el('span', 'region-kind', KIND[region.kind] ?? ''));
    } else {
      h2.append(el('span', '', g.heading));
    }
    const grid = el('div', 'charts');
    for (const c of charts) {
      const figure = el('figure', c.kind === 'map' || c.kind === 'bars' || charts.length === 1 ? 'chart wide' : 'chart');
      figure.dataset.chart = c.id;
      figure.append(el('h3', '', c.headline), el('p', 'chart-dek', c.dek));
      if (c.kind === 'cards') {
        const cards = el('div', 'cards');
        for (const id of c.figures) cards.append(card(figures.get(id), region?.color ?? INK));
        figure.append(cards);
      } else {
        const plot = el('div', 'plot');
        plot.style.height = `${heights[c.kind]}px`;
        figure.append(plot);
        plots.set(c.id, { chart: c, plot, figures: c.figures.map((id) => figures.get(id)) });
      }
      if (c.note) figure.append(el('p', 'note', c.note));
      figure.append(el('p', 'note', c.kind === 'map' ? map.attribution : source));
      grid.append(figure);
    }
    section.append(h2, grid);
    root.append(section);
  }
  return plots;
}

/** The page's side of a selection: the chosen region's section stays, the others step back. */
export function showSelection(region) {
  const root = document.getElementById('story');
  root.classList.toggle('has-selection', Boolean(region));
  for (const s of root.querySelectorAll('section.region')) s.classList.toggle('selected', s.dataset.region === region);
}

/** The region headings select like the map does. */
export function onRegionButtons(select) {
  for (const b of document.querySelectorAll('.region-button')) b.addEventListener('click', () => select(b.dataset.region));
}

/** The same signal our page gives once every chart is drawn: `data-ready` on the document element. */
export function drawn() {
  document.documentElement.dataset.ready = 'true';
}

/**
 * The map file's flat [lon, lat, lon, lat, …] rings as GeoJSON features named after the story's
 * regions; where the file gives `units_per_degree`, its rings are steps in those units, as ours reads them.
 */
export function geoFeatures(data, map) {
  const byGeo = new Map(data.regions.map((r) => [r.geo, r]));
  const units = map.units_per_degree;
  const polygon = (flat) => {
    const ring = [];
    let [x, y] = [0, 0];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      if (units) {
        x += flat[i];
        y += flat[i + 1];
        ring.push([x / units, y / units]);
      } else {
        ring.push([flat[i], flat[i + 1]]);
      }
    }
    if (ring.length && (ring[0][0] !== ring.at(-1)[0] || ring[0][1] !== ring.at(-1)[1])) ring.push(ring[0]);
    return [ring];
  };
  const feature = (name, rings, region) => ({
    type: 'Feature',
    properties: { name, region: region?.id ?? null, color: region?.color ?? null },
    geometry: { type: 'MultiPolygon', coordinates: rings.map(polygon) },
  });
  return {
    type: 'FeatureCollection',
    features: [
      ...map.context.map((c) => feature(c.name, c.rings, null)),
      ...map.regions.map((r) => {
        const region = byGeo.get(r.id);
        return feature(region?.name ?? r.id, r.rings, region);
      }),
    ],
  };
}

/** Albers equal-area conic, standard parallels 40°N and 50°N, centred on 116°E 45°N: our map's projection. */
export function albers() {
  const rad = Math.PI / 180;
  const [lon0, lat0, p1, p2] = [116 * rad, 45 * rad, 40 * rad, 50 * rad];
  const n = (Math.sin(p1) + Math.sin(p2)) / 2;
  const c = Math.cos(p1) ** 2 + 2 * n * Math.sin(p1);
  const rho = (lat) => Math.sqrt(c - 2 * n * Math.sin(lat)) / n;
  const rho0 = rho(lat0);
  return {
    project([lon, lat]) {
      const r = rho(lat * rad);
      const theta = n * (lon * rad - lon0);
      return [r * Math.sin(theta) * 1000, -(rho0 - r * Math.cos(theta)) * 1000];
    },
    unproject([x, y]) {
      const [px, py] = [x / 1000, rho0 + y / 1000];
      const r = Math.sign(n) * Math.hypot(px, py);
      const theta = Math.atan2(px, py);
      return [(lon0 + theta / n) / rad, Math.asin((c - (r * n) ** 2) / (2 * n)) / rad];
    },
  };
}
