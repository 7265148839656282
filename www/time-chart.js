// Charts over time: the cursor by pointer, touch and keyboard, and its tooltip. Bundled with the
// engine that draws series (datastory_series.js), so that a page of stated figures never loads it.
// It imports nothing: what it shares with the page's script comes from explore.js, since a module
// imported by both would be a chunk of its own, one more request on every page.

/** On a chart over time the arrows split: left and right move the cursor in time, up and down go from line to line. */
const TIME_STEPS = { ArrowRight: 1, ArrowLeft: -1 };
const LINE_STEPS = { ArrowDown: 1, ArrowUp: -1 };
/** The most lines a cursor's tooltip lists; the rest are counted. */
const CURSOR_ROWS = 10;

/** The cursor in one sentence for the live region: the time and the first few values. */
function spokenCursor(cursor) {
  const rows = cursor.rows.slice(0, 3).map((r) => `${r.title} ${r.value}`).join(', ');
  return `${cursor.time}: ${rows}.`;
}

/**
 * Wires chart `chart` over time into the page's explorer, whose parts it shares in `ex`: the story,
 * the page's tooltip, words and elements (`story`, `tooltip`, `t`, `el`), what every chart does
 * alike (`safely`, `view`, `setState`, `announce`, `point`, `indexOf`, `hideTooltip`), and who holds
 * the tooltip (`tip()`, `setTip(owner)`).
 */
export function wireTimeChart(chart, ex) {
  const { story, tooltip, t, el, safely, view, setState, announce, point, indexOf, hideTooltip } = ex;

  /** The lines a cursor's tooltip shows: the time, then each line's value there, largest first. */
  function cursorNodes(cursor, pointed) {
    const nodes = [el('p', 'detail-title', cursor.time)];
    const shown = cursor.rows.slice(0, CURSOR_ROWS);
    for (const row of shown) {
      const line = el('p', row.id === pointed ? 'cursor-row pointed' : 'cursor-row');
      const swatch = el('span', 'swatch');
      if (row.color) swatch.style.setProperty('--region', row.color);
      line.append(swatch);
      line.append(el('span', 'cursor-name', row.title), el('span', 'cursor-value', row.value));
      nodes.push(line);
    }
    if (cursor.rows.length > shown.length) nodes.push(el('p', 'detail-meta', t('moreRows', cursor.rows.length - shown.length)));
    if (cursor.rows[0]?.source) nodes.push(el('p', 'detail-meta', t('sourceLine', cursor.rows[0].source)));
    return nodes;
  }

  /** Shows chart `chart`'s cursor in the tooltip, next to the pointer or over the cursor's line. */
  function showCursor(chart, pointed, at) {
    const cursor = safely(() => story.cursorInfo(chart.id));
    if (!cursor) return hideTooltip();
    // Following the pointer, the tooltip keeps the width it was last laid out at: reading it afresh
    // would make the browser lay the page out on every move (a few ms of each, on 50 lines).
    const owner = ex.tip();
    const following = owner?.cursor && owner.chart === chart && Boolean(at) && owner.width;
    const [width, viewport] = following ? [owner.width, owner.viewport] : [0, 0];
    // A scroll shows a cursor the keyboard put there again at its new place (explore.js's onScroll).
    const shown = { chart, index: -1, pointer: Boolean(at), cursor: true, pointed, width, viewport, reshow: () => showCursor(chart, pointed) };
    ex.setTip(shown);
    tooltip.replaceChildren(...cursorNodes(cursor, pointed));
    tooltip.hidden = false;
    const anchor = at ?? (() => {
      const box = chart.canvas.getBoundingClientRect();
      return { x: box.left + cursor.x, y: box.top + 24 };
    })();
    const tw = width || tooltip.offsetWidth;
    const vw = viewport || document.documentElement.clientWidth;
    if (width) {
      // Read once the browser lays the frame out anyway.
      requestAnimationFrame(() => { if (ex.tip() === shown) shown.width = tooltip.offsetWidth; });
    } else {
      Object.assign(shown, { width: tw, viewport: vw });
    }
    // Beside the cursor, on the side with room, so the lines it speaks of stay in view.
    const right = anchor.x + 16;
    tooltip.style.left = `${right + tw <= vw - 8 ? right : Math.max(8, anchor.x - tw - 16)}px`;
    tooltip.style.top = `${Math.max(8, anchor.y - 8)}px`;
    return cursor;
  }

  /** The entity of line `index` of `chart`, or null. */
  const lineId = (chart, index) => (index >= 0 ? safely(() => story.markId(chart.id, index)) ?? null : null);
  /** The cursor the view pins on `chart`, if any. */
  const pinnedTime = (chart) => (view().chart === chart.id ? view().time : null) ?? undefined;

  // A chart over time: the pointer moves a cursor in time and points at the nearest line; a click
  // or a tap pins both (the address keeps them); the keyboard moves the cursor with left and right
  // and goes from line to line with up and down.
  const { canvas } = chart;
  const follow = (e) => {
    // One call and one repaint for the cursor and the line under the pointer.
    const index = safely(() => story.follow(chart.id, ...point(chart, e))) ?? -1;
    canvas.classList.add('pointing');
    showCursor(chart, lineId(chart, index), { x: e.clientX, y: e.clientY });
  };
  canvas.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'touch') follow(e);
  });
  canvas.addEventListener('pointerleave', () => {
    safely(() => story.setHover(chart.id, -1));
    safely(() => story.setCursor(chart.id, pinnedTime(chart)));
    canvas.classList.remove('pointing');
    hideTooltip();
  });
  canvas.addEventListener('click', (e) => {
    const [x, y] = point(chart, e);
    const time = safely(() => story.timeAt(chart.id, x)) ?? null;
    const mark = lineId(chart, safely(() => story.hit(chart.id, x, y)) ?? -1);
    const v = view();
    const same = v.chart === chart.id && v.time === time && v.mark === mark;
    // A line clicked is its entity selected too, so the same entity stands out on every chart.
    const region = !same && mark ? mark : v.region;
    setState({ ...v, region, chart: same ? null : chart.id, mark: same ? null : mark, time: same ? null : time });
    if (!same) {
      const cursor = showCursor(chart, mark, e.pointerType === 'touch' ? undefined : { x: e.clientX, y: e.clientY });
      if (cursor) announce(t('pinned', spokenCursor(cursor)));
    } else {
      hideTooltip();
    }
    e.stopPropagation();
  });
  canvas.addEventListener('focus', () => {
    // The keyboard starts at the latest time, where a reader's eye starts on a line chart.
    const time = pinnedTime(chart) ?? safely(() => story.stepCursor(chart.id, -1));
    safely(() => story.setCursor(chart.id, time));
    const pinned = view().chart === chart.id && view().mark ? indexOf(chart, view().mark) : -1;
    safely(() => story.setFocus(chart.id, pinned));
    showCursor(chart, lineId(chart, pinned));
  });
  canvas.addEventListener('blur', () => {
    safely(() => story.setFocus(chart.id, -1));
    safely(() => story.setCursor(chart.id, pinnedTime(chart)));
    hideTooltip();
  });
  canvas.addEventListener('keydown', (e) => {
    if (e.key in TIME_STEPS) {
      const time = safely(() => story.stepCursor(chart.id, TIME_STEPS[e.key]));
      safely(() => story.setCursor(chart.id, time));
      const cursor = showCursor(chart, lineId(chart, safely(() => story.focused(chart.id)) ?? -1));
      if (cursor) announce(spokenCursor(cursor));
      e.preventDefault();
    } else if (e.key in LINE_STEPS) {
      const index = safely(() => story.stepFocus(chart.id, LINE_STEPS[e.key])) ?? -1;
      safely(() => story.setFocus(chart.id, index));
      const cursor = showCursor(chart, lineId(chart, index));
      const row = cursor?.rows.find((r) => r.id === lineId(chart, index));
      if (row) announce(`${row.title}, ${cursor.time}: ${row.value}.`);
      e.preventDefault();
    } else if (e.key === 'Enter' || e.key === ' ') {
      const cursor = safely(() => story.cursorInfo(chart.id));
      const mark = lineId(chart, safely(() => story.focused(chart.id)) ?? -1);
      // As a click does: a line pinned is its entity selected.
      setState({ ...view(), region: mark ?? view().region, chart: chart.id, mark, time: cursor?.at ?? null });
      if (cursor) announce(t('pinned', spokenCursor(cursor)));
      e.preventDefault();
    }
  });
}
