// The Equal Earth projection (Šavrič, Patterson and Jenny, 2018), centred on Greenwich, as our engine lays the world flat (src/geo/mod.rs: x east, y south), in thousandths of the unit sphere's radians; with its inverse (Newton's method, as d3-geo inverts it), for ECharts' `projection`, which asks for both.

const [A1, A2, A3, A4] = [1.340264, -0.081106, 0.000893, 0.003796];
const M = Math.sqrt(3) / 2;
const RAD = Math.PI / 180;
/** ECharts fits the projected shapes to its box: whole numbers of a moderate size rather than radians. */
const SCALE = 1000;

/** [lon, lat] in degrees to [x, y]: x east, y south. */
export function project([lon, lat]) {
  const theta = Math.asin(M * Math.sin(lat * RAD));
  const t2 = theta * theta;
  const t6 = t2 * t2 * t2;
  const x = (lon * RAD * Math.cos(theta)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  return [x * SCALE, -y * SCALE];
}

/** [x, y] back to [lon, lat] in degrees. */
export function unproject([px, py]) {
  const x = px / SCALE;
  const y = -py / SCALE;
  let l = y;
  for (let i = 0; i < 12; i += 1) {
    const l2 = l * l;
    const l6 = l2 * l2 * l2;
    const delta = (l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2)) - y) / (A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2));
    l -= delta;
    if (Math.abs(delta) < 1e-12) break;
  }
  const l2 = l * l;
  const l6 = l2 * l2 * l2;
  const lon = (M * x * (A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2))) / Math.cos(l);
  return [lon / RAD, Math.asin(Math.sin(l) / M) / RAD];
}
