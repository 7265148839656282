// Bundles the peer pages (run by `cargo xtask bench`): each library's page minified into one module by esbuild, beside copies of the page, styles and the same data files our dist/ serves. Usage: node build.mjs OUT_DIR
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const out = process.argv[2];
if (!out) throw new Error('usage: node build.mjs OUT_DIR');

const story = JSON.parse(readFileSync(join(root, 'data/story.json'), 'utf8'));
rmSync(out, { recursive: true, force: true });
for (const peer of ['echarts', 'chartjs']) {
  const dir = join(out, peer);
  mkdirSync(join(dir, 'data'), { recursive: true });
  await build({
    entryPoints: [join(here, `src/${peer}.js`)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    // The libraries' own production switches, as a newsroom's bundler would set them.
    define: { 'process.env.NODE_ENV': '"production"', __DEV__: 'false' },
    outfile: join(dir, 'app.js'),
    logLevel: 'warning',
  });
  cpSync(join(here, 'src/peer.html'), join(dir, 'index.html'));
  cpSync(join(here, 'src/style.css'), join(dir, 'style.css'));
  cpSync(join(root, 'www/favicon.svg'), join(dir, 'favicon.svg'));
  cpSync(join(root, 'data/story.json'), join(dir, 'data/story.json'));
  mkdirSync(dirname(join(dir, 'data', story.story.map)), { recursive: true });
  cpSync(join(root, 'data', story.story.map), join(dir, 'data', story.story.map));
}
console.error(`bench: peer pages written to ${out}`);
