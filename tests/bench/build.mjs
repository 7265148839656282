// Bundles the peer pages (run by `cargo xtask bench`): each library's page minified into one module by esbuild, beside copies of the page, styles and the same data files our dist/ serves; then the line-chart pages (ECharts, Chart.js, uPlot), the generated series and a copy of dist/ that serves them, with the draw harnesses. Usage: node build.mjs OUT_DIR
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStories, REAL_STORY } from './lib/series.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const out = process.argv[2];
if (!out) throw new Error('usage: node build.mjs OUT_DIR');

const story = JSON.parse(readFileSync(join(root, 'data/story.json'), 'utf8'));
rmSync(out, { recursive: true, force: true });

/** One page's script (and the stylesheet it imports, if any) minified into `outfile`, as a newsroom's bundler would. */
async function bundle(entry, outfile) {
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    // The libraries' own production switches, as a newsroom's bundler would set them.
    define: { 'process.env.NODE_ENV': '"production"', __DEV__: 'false' },
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
