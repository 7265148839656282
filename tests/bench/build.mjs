// Bundles the peer pages (run by `cargo xtask bench`): each library's page minified into one module by esbuild, beside copies of the page, styles and the same data files our dist/ serves; then the line-chart pages (ECharts, Chart.js, uPlot), the generated series and a copy of dist/ that serves them, with the draw harnesses; then the world choropleth's ECharts page, with the boundaries turned into GeoJSON. Usage: node build.mjs OUT_DIR [lines|maps] (one part's pages alone; the maps' needs target/dist-maps/, the others dist/ and target/dist-series/)
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStories, REAL_STORY } from './lib/series.mjs';
import { colorKey, extentOf, roundEdges } from './lib/colors.mjs';
import { project } from './src/maps/equal-earth.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const [out, part = ''] = process.argv.slice(2);
if (!out || !['', 'lines', 'maps'].includes(part)) throw new Error('usage: node build.mjs OUT_DIR [lines|maps]');

const story = JSON.parse(readFileSync(join(root, 'data/story.json'), 'utf8'));
rmSync(out, { recursive: true, force: true });

/** One page's script (and the stylesheet it imports, if any) minified into `outfile`, as a newsroom's bundler would; `define` adds constants. */
async function bundle(entry, outfile, define = {}) {
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    // The libraries' own production switches, as a newsroom's bundler would set them.
    define: { 'process.env.NODE_ENV': '"production"', __DEV__: 'false', ...define },
    outfile,
    logLevel: 'warning',
  });
}

/** An HTML page of `src/lines/` as `file` in `dir`, linking the stylesheet its script brought, if any. */
function page(name, dir, file, css) {
  const html = readFileSync(join(here, 'src/lines', name), 'utf8');
  const link = existsSync(join(dir, css)) ? `<link rel="stylesheet" href="${css}">` : '';
  writeFileSync(join(dir, file), html.replace('<!--STYLES-->', link));
}

/** The default story's peer pages, and the line charts' pages with their series and harnesses. */
async function storyAndLines() {
  for (const peer of ['echarts', 'chartjs']) {
    const dir = join(out, peer);
    mkdirSync(join(dir, 'data'), { recursive: true });
    await bundle(join(here, `src/${peer}.js`), join(dir, 'app.js'));
    cpSync(join(here, 'src/peer.html'), join(dir, 'index.html'));
    cpSync(join(here, 'src/style.css'), join(dir, 'style.css'));
    cpSync(join(root, 'www/favicon.svg'), join(dir, 'favicon.svg'));
    cpSync(join(root, 'data/story.json'), join(dir, 'data/story.json'));
    mkdirSync(dirname(join(dir, 'data', story.story.map)), { recursive: true });
    cpSync(join(root, 'data', story.story.map), join(dir, 'data', story.story.map));
  }

  // Line charts: the same generated stories and example story under data/ of every page's folder.
  const series = join(out, 'series');
  const stories = writeStories(series);
  cpSync(join(root, 'dist/data', REAL_STORY), join(series, 'data', REAL_STORY));
  for (const peer of ['echarts', 'chartjs', 'uplot']) {
    const dir = join(out, peer);
    mkdirSync(dir, { recursive: true });
    await bundle(join(here, `src/lines/${peer}.js`), join(dir, 'lines.js'));
    page('lines.html', dir, 'lines.html', 'lines.css');
    cpSync(join(here, 'src/style.css'), join(dir, 'style.css'));
    cpSync(join(root, 'www/favicon.svg'), join(dir, 'favicon.svg'));
    cpSync(join(series, 'data'), join(dir, 'data'), { recursive: true });
  }
  await bundle(join(here, 'src/lines/uplot-draw.js'), join(out, 'uplot/draw.js'));
  page('draw.html', join(out, 'uplot'), 'draw.html', 'draw.css');
  // Our page as `cargo xtask dist --story` makes it for the real line-chart story (xtask/src/bench.rs
  // builds it into target/dist-series/), with the same data, and our harness beside it with the
  // engine the page loads for a story of series.
  const ours = join(out, 'ours');
  cpSync(join(root, 'target/dist-series'), ours, { recursive: true });
  cpSync(join(series, 'data'), join(ours, 'data'), { recursive: true });
  for (const f of ['datastory.js', 'datastory_bg.wasm']) cpSync(join(root, 'www/pkg-series', f), join(ours, 'bench/pkg', f));
  cpSync(join(here, 'src/lines/ours-draw.js'), join(ours, 'bench/draw.js'));
  page('draw.html', join(ours, 'bench'), 'draw.html', 'draw.css');
  rmSync(series, { recursive: true });
  console.error(`bench: peer pages written to ${out}; line-chart stories: ${stories.join(', ')}`);
}

/**
 * The boundaries file's shapes as GeoJSON, its rings decoded as src/geo/mod.rs reads them: where
 * the file gives `units_per_degree`, each pair after the first a step from the one before, running
 * sums divided by the units; each ring a polygon of its own (our engine fills a shape's rings
 * together by the even-odd rule), closed as GeoJSON closes rings. A feature is named after the
 * story's region that names its shape (`geo`), else after the file's name or id for it.
 */
function geoJson(data, map) {
  const byGeo = new Map(data.regions.filter((r) => r.geo).map((r) => [r.geo, r]));
  const units = map.units_per_degree;
  const ring = (flat) => {
    const pts = [];
    let [x, y] = [0, 0];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      if (units) {
        x += flat[i];
        y += flat[i + 1];
        pts.push([x / units, y / units]);
      } else {
        pts.push([flat[i], flat[i + 1]]);
      }
    }
    if (pts.length && (pts[0][0] !== pts.at(-1)[0] || pts[0][1] !== pts.at(-1)[1])) pts.push(pts[0]);
    return [pts];
  };
  const feature = (shape, region) => ({
    type: 'Feature',
    properties: { name: region?.name ?? shape.name ?? shape.id, id: shape.id, region: region?.id ?? null },
    geometry: { type: 'MultiPolygon', coordinates: shape.rings.map(ring) },
  });
  return {
    type: 'FeatureCollection',
    features: [...map.context.map((s) => feature(s, null)), ...map.regions.map((s) => feature(s, byGeo.get(s.id)))],
  };
}

/**
 * The world choropleth's ECharts page in `OUT/maps/echarts/`: the story and the boundaries our page
 * carries (xtask/src/bench.rs builds that page into target/dist-maps/), the boundaries as GeoJSON,
 * and the bins' edges and colours our engine computes written into the page's script.
 */
async function maps() {
  const from = join(root, 'target/dist-maps/data');
  const storyText = readFileSync(join(from, 'story.json'), 'utf8');
  const data = JSON.parse(storyText);
  const chart = data.charts.find((c) => c.kind === 'choropleth');
  if (!chart) throw new Error('the map story has no choropleth: see MAP_STORY in xtask/src/bench.rs');
  const map = JSON.parse(readFileSync(join(from, data.story.map), 'utf8'));
  const geo = geoJson(data, map);
  // The projected map's proportions: ours fits every shape, as ECharts does.
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of geo.features) {
    for (const [pts] of f.geometry.coordinates) {
      for (const p of pts) {
        const [x, y] = project(p);
        b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
      }
    }
  }
  const extent = extentOf(data, chart);
  // The side line's values from zero to a round top, about as ours ticks them.
  const sideMax = roundEdges([0, extent[1]], 5).at(-1);
  const key = { ...colorKey(chart.colors, extent), sideMax, aspect: (b[2] - b[0]) / (b[3] - b[1]), geo: 'data/world.geo.json' };
  const dir = join(out, 'maps/echarts');
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'data/story.json'), storyText);
  writeFileSync(join(dir, key.geo), JSON.stringify(geo));
  await bundle(join(here, 'src/maps/echarts.js'), join(dir, 'app.js'), { __MAP__: JSON.stringify(key) });
  cpSync(join(here, 'src/maps/map.html'), join(dir, 'index.html'));
  writeFileSync(join(dir, 'style.css'), readFileSync(join(here, 'src/style.css'), 'utf8') + readFileSync(join(here, 'src/maps/map.css'), 'utf8'));
  cpSync(join(root, 'www/favicon.svg'), join(dir, 'favicon.svg'));
  console.error(`bench: map peer written to ${dir}: ${geo.features.length} shapes, bins ${key.edges.join(', ')}`);
}

if (part !== 'maps') await storyAndLines();
if (part !== 'lines') await maps();
