// One line chart drawn with uPlot as its documentation shows (time axis, live legend, cursor with points, nearest line focused), from a story's series: shared by the uPlot page and its draw harness.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { linesOf, endRoom, readTime, MUTED, GRID, FONT } from './common.js';

/**
 * The chart's lines and uPlot's data for chart `chart`: one x array (seconds since 1970, as uPlot's
 * time axis takes them) and each line's values. Lines with the same times share them as they are;
 * others are aligned by `uPlot.join`, with nulls where a line has no value.
 */
export function prepare(data, chart) {
  const lines = linesOf(data, chart);
  const xs = (s) => {
    const x = new Float64Array(s.times.length);
    for (let i = 0; i < x.length; i += 1) x[i] = readTime(s.times[i]).ms / 1000;
    return x;
  };
  const first = lines[0].series.times;
  const same = lines.every((l) => l.series.times === first || (l.series.times.length === first.length && l.series.times.every((t, i) => t === first[i])));
  const table = same
    ? [xs(lines[0].series), ...lines.map((l) => l.series.values)]
    : uPlot.join(lines.map((l) => [Array.from(xs(l.series)), l.series.values]));
  return { lines, table };
}

const [S, MIN, H, D] = [1, 60, 3600, 86400];
const [MO, Y] = [30 * D, 365 * D];
/**
 * uPlot's own steps for a time axis (in seconds), with longer ones after its longest, a century:
 * a million days span 2,738 years, which its steps would leave without a label.
 */
const TIME_STEPS = [
  S, 5 * S, 10 * S, 15 * S, 30 * S, MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN, H, 2 * H, 3 * H, 4 * H, 6 * H, 8 * H, 12 * H,
  D, 2 * D, 3 * D, 4 * D, 5 * D, 6 * D, 7 * D, 8 * D, 9 * D, 10 * D, 15 * D, MO, 2 * MO, 3 * MO, 4 * MO, 6 * MO,
  Y, 2 * Y, 5 * Y, 10 * Y, 25 * Y, 50 * Y, 100 * Y, 200 * Y, 500 * Y, 1000 * Y,
];

/** The names of the coloured lines at their ends, in their colours, as ours writes them. */
function endLabels(lines) {
  return (u) => {
    const { ctx } = u;
    ctx.save();
    ctx.font = `bold ${Math.round(12 * uPlot.pxRatio)}px ${FONT}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    lines.forEach((l, k) => {
      if (!l.highlighted) return;
      const ys = u.data[k + 1];
      let i = ys.length - 1;
      while (i >= 0 && ys[i] == null) i -= 1;
      if (i < 0) return;
      ctx.fillStyle = l.color;
      ctx.fillText(l.name, u.valToPos(u.data[0][i], 'x', true) + 6 * uPlot.pxRatio, u.valToPos(ys[i], 'y', true));
    });
    ctx.restore();
  };
}

/** Draws the chart into `target` at `width` × `height` CSS px; `onDraw` is called after each of its draws. */
export function draw(target, { lines, table }, { width, height, unit, onDraw }) {
  const axis = { stroke: MUTED, font: `12px ${FONT}`, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 } };
  const opts = {
    width,
    height,
    // Room for the end labels, as ours keeps a column for them.
    padding: [16, endRoom(lines), 0, 0],
    cursor: { focus: { prox: lines.length > 1 ? 16 : -1 } },
    focus: { alpha: 0.3 },
    scales: {
      // Magnitudes from zero, as ours.
      y: { range: (u, min, max) => uPlot.rangeNum(Math.min(0, min), Math.max(0, max), 0.1, true) },
    },
    axes: [{ ...axis, incrs: TIME_STEPS }, { ...axis, size: 60, label: unit, labelFont: `12px ${FONT}` }],
    series: [{}, ...lines.map((l) => ({ label: l.name, stroke: l.color, width: l.highlighted ? 2 : 1 }))],
    hooks: { draw: [endLabels(lines), ...(onDraw ? [onDraw] : [])] },
  };
  return new uPlot(opts, table, target);
}
