// A choropleth's bins and colours as our engine makes them (src/scale/color.rs, src/scale/linear.rs): round edges over every value of every time, ColorBrewer's sequential ramps without their lightest stop. Used to build the ECharts peer's `visualMap` and to check that both pages draw the same colours.

/** ColorBrewer's nine-class sequential ramps, lightest first, as src/scale/color.rs lists them. */
const RAMPS = {
  blues: [0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b],
  greens: [0xf7fcf5, 0xe5f5e0, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x41ab5d, 0x238b45, 0x006d2c, 0x00441b],
  purples: [0xfcfbfd, 0xefedf5, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x807dba, 0x6a51a3, 0x54278f, 0x3f007d],
  oranges: [0xfff5eb, 0xfee6ce, 0xfdd0a2, 0xfdae6b, 0xfd8d3c, 0xf16913, 0xd94801, 0xa63603, 0x7f2704],
};
/** The bins a map has when the story names no number (`DEFAULT_BINS`). */
export const DEFAULT_BINS = 5;

const MULTIPLES = [1, 2, 2.5, 5, 10];
const RESOLUTION = 1 / 1_099_511_627_776;

function pow10(e) {
  if (e >= 0 && e <= 22) {
    let p = 1;
    for (let i = 0; i < e; i += 1) p *= 10;
    return p;
  }
  if (e < 0 && e >= -22) return 1 / pow10(-e);
  return 10 ** e;
}

function decade(v) {
  let e = Math.floor(Math.log10(v));
  if (pow10(e) > v) e -= 1;
  else if (pow10(e + 1) <= v) e += 1;
  return e;
}

/** The round step for about `count` intervals across [lo, hi] (`linear::step`, for ordinary doubles). */
function step([lo, hi], count) {
  const n = Math.max(2, count);
  const half = hi / 2 - lo / 2;
  const widest = Math.max(Math.abs(lo), Math.abs(hi));
  const raw = Math.max(half / n * 2, widest * RESOLUTION, Number.MIN_VALUE);
  const e = decade(raw);
  const mag = pow10(e);
  const m = MULTIPLES.find((k) => k * mag >= raw * (1 - 1e-12)) ?? 10;
  const size = m * mag;
  const inv = e >= -22 && e < 0 ? pow10(-e) / m : null;
  const inverse = inv !== null && Number.isInteger(inv) && inv >= 1 ? inv : null;
  const at = (i) => (inverse !== null ? i / inverse + 0 : i * size + 0);
  const index = (v) => (inverse !== null ? v * inverse : v / size);
  return {
    at,
    index,
    below: (v) => { const i = Math.floor(index(v)); return at(i) > v ? at(i - 1) : at(i); },
    above: (v) => { const i = Math.ceil(index(v)); return at(i) < v ? at(i + 1) : at(i); },
  };
}

/** `Linear::nice(count)` then `ticks(count)`. */
function niceTicks(extent, count) {
  let d = extent;
  for (let k = 0; k < 10; k += 1) {
    const s = step(d, count);
    const next = [s.below(d[0]), s.above(d[1])];
    if (next[0] === d[0] && next[1] === d[1]) break;
    d = next;
  }
  const s = step(d, count);
  const [lo, hi] = d;
  let first = Math.ceil(s.index(lo));
  if (s.at(first - 1) >= lo) first -= 1;
  let last = Math.floor(s.index(hi));
  if (s.at(last + 1) <= hi) last += 1;
  const out = [];
  for (let i = first; i <= last && out.length < 64; i += 1) {
    const t = s.at(i);
    if (Number.isFinite(t) && t >= lo && t <= hi && (!out.length || t > out.at(-1))) out.push(t);
  }
  return out;
}

/** `round_edges`: as many bins as near `count` as round steps allow; on a tie, the finer. */
export function roundEdges(extent, count) {
  const c0 = Math.max(2, count);
  const off = (edges) => Math.abs(Math.max(0, edges.length - 1) - c0);
  let best = niceTicks(extent, c0);
  for (let c = c0 + 1; c <= c0 * 2; c += 1) {
    const edges = niceTicks(extent, c);
    if (off(edges) < off(best) || (off(edges) === off(best) && edges.length > best.length)) best = edges;
  }
  return best;
}

const hex = (c) => `#${c.toString(16).padStart(6, '0')}`;

/** The colour at `t` (0 to 1) along `stops`, mixed between its two nearest (`along`, `Rgb::over`). */
function along(stops, t) {
  const at = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(Math.floor(at), stops.length - 2);
  const a = stops[i];
  const b = stops[i + 1];
  const f = at - i;
  const mix = (shift) => Math.round(((b >> shift) & 255) * f + ((a >> shift) & 255) * (1 - f));
  return hex((mix(16) << 16) | (mix(8) << 8) | mix(0));
}

/**
 * The bins' edges and colours of a choropleth whose values run over `extent`, as its `colors`
 * (`{scheme, bins}`) asks: sequential schemes only, the ones a magnitude such as life expectancy takes.
 */
export function colorKey(colors, extent) {
  const scheme = colors?.scheme ?? 'blues';
  const ramp = RAMPS[scheme];
  if (!ramp) throw new Error(`the bench draws sequential schemes (${Object.keys(RAMPS).join(', ')}), not "${scheme}"`);
  if (colors?.continuous) throw new Error('the bench draws binned colours, not a continuous ramp');
  const edges = roundEdges(extent, colors?.bins ?? DEFAULT_BINS);
  const n = edges.length - 1;
  const stops = ramp.slice(1);
  const fills = Array.from({ length: n }, (_, i) => along(stops, n > 1 ? i / (n - 1) : 1));
  return { edges, colors: fills };
}

/** The least and greatest value of every series chart `chart` colours by (`series::drawn`, `extent`). */
export function extentOf(data, chart) {
  let [lo, hi] = [Infinity, -Infinity];
  for (const s of data.series ?? []) {
    if (s.indicator !== chart.indicator || (chart.entities?.length && !chart.entities.includes(s.entity))) continue;
    for (const v of s.values) {
      if (v === null || !Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return [lo, hi];
}
