// Exploring by pointer, touch and keyboard: region selection, tooltips, pinned details, focus rings, announcements and the view in the URL.
import { el } from './dom.js';

const NARROW = '(max-width: 879px)';
/** How long the view must stay put before the address follows it (ms). */
const URL_PAUSE = 300;
/** The arrow keys' step through a chart's marks or cards. */
const STEPS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };


/** The lines a tooltip or panel shows for a mark, all as text. */
function detailNodes(info, t) {
  const nodes = [];
  const head = el('p', 'detail-title');
  // A line without a colour of its own is a grey line of context: its swatch is grey (style.css).
  if (info.color || info.kind === 'series') {
    const swatch = el('span', 'swatch');
    if (info.color) swatch.style.setProperty('--region', info.color);
    head.append(swatch);
  }
  head.append(el('span', '', info.title));
  nodes.push(head);
  nodes.push(el('p', 'detail-value', info.value));
  if (info.region_aside) nodes.push(el('p', 'detail-meta', info.region_aside));
  if (info.period) nodes.push(el('p', 'detail-meta', t('periodLine', info.period)));
  if (info.summary) nodes.push(el('p', 'detail-meta', info.summary));
  if (info.quote) nodes.push(el('p', 'detail-quote', `“${info.quote}”`));
  if (info.source) nodes.push(el('p', 'detail-meta', t('sourceLine', info.source)));
  return nodes;
}

/** One sentence for the live region. */
function spoken(info) {
  if (info.kind === 'region') return `${info.title}, ${info.value.toLowerCase()}: ${info.summary}.`;
  const when = info.period ? `, ${info.period}` : '';
  return `${info.title}: ${info.value}${when}.`;
}

/**
 * Wires pointer, touch and keyboard to the charts of one mounted infographic.
 * ui: root (the container), tooltip, announcer, outline (the story's, for the regions' names), useUrl (keep the view in location.hash),
 * region (initial selection when the URL names none), onChange (after anything that may change the height).
 * Returns the current view and a way to change it.
 */
export function explore(story, charts, ui) {
  const { root, tooltip, announcer, t } = ui;
  const byId = new Map(charts.map((c) => [c.id, c]));
  const regionNames = new Map(ui.outline.sections.map((s) => [s.id, s.heading]));
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');
  // The view (selection, pinned mark, time cursor) is the engine's: asked for, never kept here.
  const NONE = { region: null, chart: null, mark: null, time: null };

  const announce = (text) => {
    // Clearing first makes a repeated message be read again.
    announcer.textContent = '';
    requestAnimationFrame(() => { announcer.textContent = text; });
  };

  const safely = (fn) => {
    try {
      return fn();
    } catch (err) {
      console.error(err);
      return undefined;
    }
  };
  const view = () => safely(() => story.view()) ?? NONE;
  /** The view the address names: `#region=jilin&chart=…&mark=…` (read by the engine). */
  const fromAddress = () => safely(() => story.readFragment(location.hash)) ?? NONE;

  // A chart is a canvas whose marks the engine knows by index, or a list of cards (HTML buttons),
  // known by their place in the list; these four treat both alike.
  const info = (chart, index) => safely(() => (chart.cards
    ? story.figureInfo(chart.cards[index]?.dataset.figure)
    : story.markInfo(chart.id, index)));
  const indexOf = (chart, markId) => safely(() => (chart.cards
    ? chart.cards.findIndex((c) => c.dataset.figure === markId)
    : story.indexOf(chart.id, markId))) ?? -1;
  /** Pins mark `index` of `chart` (-1: none); true if that changed what the chart shows. */
  const setPinned = (chart, index) => {
    if (!chart.cards) return safely(() => story.setPinned(chart.id, index));
    let changed = false;
    chart.cards.forEach((c, i) => {
      const pinned = String(i === index);
      changed ||= c.getAttribute('aria-pressed') !== pinned;
      c.setAttribute('aria-pressed', pinned);
    });
    return changed;
  };
  /** Where mark `index` is in the viewport. */
  const markBox = (chart, index, markInfo) => {
    if (chart.cards) return chart.cards[index].getBoundingClientRect();
    const box = chart.canvas.getBoundingClientRect();
    const [x, y, width, height] = markInfo.rect;
    return { left: box.left + x, top: box.top + y, width, height };
  };

  // What the tooltip points at: a pointer position, or (for the keyboard) a mark it follows on scroll.
  let tipFor = null;

  function showTooltip(chart, index, at) {
    const mark = info(chart, index);
    if (!mark) return hideTooltip();
    tipFor = { chart, index, pointer: Boolean(at) };
    tooltip.replaceChildren(...detailNodes(mark, t));
    tooltip.hidden = false;
    const box = markBox(chart, index, mark);
    // Next to the pointer, or beside the focused mark; always inside the viewport.
    const anchor = at ?? { x: box.left + box.width / 2, y: box.top + box.height };
    const tw = tooltip.offsetWidth;
    const th = tooltip.offsetHeight;
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    let left = Math.min(Math.max(8, anchor.x + 12), vw - tw - 8);
    let top = anchor.y + 16;
    if (top + th > vh - 8) top = Math.max(8, (at ? anchor.y : box.top) - th - 12);
    left = Math.max(8, left);
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }

  function hideTooltip() {
    tooltip.hidden = true;
    tipFor = null;
  }

  /** A scroll moves the page under the tooltip: one at the pointer goes, one at a focused mark follows it. */
  function onScroll() {
    if (!tipFor) return;
    if (tipFor.pointer) hideTooltip();
    else if (tipFor.reshow) tipFor.reshow();
    else showTooltip(tipFor.chart, tipFor.index);
  }

  function showPanel(chart, index) {
    if (index < 0) {
      chart.panel.hidden = true;
      chart.panel.replaceChildren();
      return;
    }
    const mark = info(chart, index);
    if (!mark) return;
    const close = el('button', 'pin-close', t('close'));
    close.type = 'button';
    close.setAttribute('aria-label', t('closeLabel', mark.title));
    close.addEventListener('click', () => setState({ ...view(), chart: null, mark: null }));
    chart.panel.replaceChildren(...detailNodes(mark, t), close);
    chart.panel.hidden = false;
  }

  /** Makes the page show `next`; pushes a history entry unless restoring one. */
  function setState(next, { push = true, scroll = false } = {}) {
    const state = view();
    const regionKnown = next.region && charts.length && safely(() => story.select(next.region) !== undefined);
    if (!regionKnown) safely(() => story.select(undefined));
    const region = regionKnown ? next.region : null;

    // Unpin the chart that had a pin, then pin the mark the state names, if it exists.
    let chart = null;
    let mark = null;
    const target = byId.get(next.chart);
    const index = target && next.mark ? indexOf(target, next.mark) : -1;
    const previous = byId.get(state.chart);
    // A chart over time keeps the cursor the view pins, set first so that its pinned line is told
    // at that time; the chart that had it lets go.
    const timed = target?.timed ? target : null;
    // A chart with a slider (a choropleth) shows the time the view names; it keeps showing its
    // time when the view moves on, as a slider stays where it was put.
    const slid = target?.slider?.length ? target : null;
    const time = timed || slid ? next.time ?? null : null;
    if (state.time && previous?.timed && previous !== timed) safely(() => story.setCursor(previous.id, undefined));
    if (timed) safely(() => story.setCursor(timed.id, time ?? undefined));
    if (slid && time) slid.showTime?.(time);

    if (previous && (previous !== target || index < 0)) {
      setPinned(previous, -1);
      showPanel(previous, -1);
    }
    if (index >= 0) {
      if (setPinned(target, index) || state.mark !== next.mark || state.time !== time) showPanel(target, index);
      chart = target.id;
      mark = next.mark;
    }

    const changedRegion = region !== state.region;
    const owner = (timed ?? slid)?.id;
    safely(() => story.setPin(mark || time ? (chart ?? owner) : undefined, mark ?? undefined));
    safely(() => story.pinTime(time ? owner : undefined, time ?? undefined));
    root.classList.toggle('has-selection', Boolean(region));
    for (const section of root.querySelectorAll('section.region')) {
      section.classList.toggle('selected', section.dataset.region === region);
    }
    for (const b of root.querySelectorAll('.region-button')) {
      b.setAttribute('aria-pressed', String(b.dataset.region === region));
    }
    // The engine dims a canvas' marks of other regions; cards outside the regions' sections are dimmed here.
    for (const chart of charts) {
      if (!chart.cards || !chart.showsSelection) continue;
      for (const c of chart.cards) c.classList.toggle('dimmed', Boolean(region) && c.dataset.region !== region);
    }
    if (changedRegion) {
      announce(region ? t('selected', regionNames.get(region) ?? region) : t('cleared'));
      if (region && scroll && matchMedia(NARROW).matches) {
        root.querySelector(`section.region[data-region="${CSS.escape(region)}"]`)
          ?.scrollIntoView({ behavior: reduceMotion.matches ? 'auto' : 'smooth', block: 'start' });
      }
    }
    if (ui.useUrl) writeUrl(push);
    ui.onChange?.();
  }

  // The address follows the view once the reader pauses. A history entry costs the browser several
  // milliseconds of its own; written at once, that work runs beside the next redraw on a machine's
  // few cores and makes the slowest clicks (p95 6 ms against 2 ms in the benchmark). Changes closer
  // together than the pause make one history entry.
  let urlWrite = null;
  let urlTimer = 0;
  function writeUrl(push) {
    urlWrite = { push: push || Boolean(urlWrite?.push) };
    clearTimeout(urlTimer);
    urlTimer = setTimeout(flushUrl, URL_PAUSE);
  }

  function flushUrl() {
    const { push } = urlWrite ?? {};
    urlWrite = null;
    if (ui.signal?.aborted) return;
    const hash = safely(() => story.fragment()) || location.pathname + location.search;
    const current = location.hash || location.pathname + location.search;
    if (hash === current) return;
    try {
      if (push) history.pushState(null, '', hash);
      else history.replaceState(null, '', hash);
    } catch {
      // A sandboxed frame may refuse history changes; the view still works, it just is not in the URL.
    }
  }

  // A new region starts a new look: any pinned figure is let go.
  const toggleRegion = (region, scroll) => setState({ region: view().region === region ? null : region }, { scroll });

  function activate(chart, index, scroll) {
    const mark = info(chart, index);
    if (!mark) return;
    if (mark.kind === 'region') {
      toggleRegion(mark.id, scroll);
    } else {
      const same = view().chart === chart.id && view().mark === mark.id;
      // A series' mark (a small multiple's panel, a bar of an indicator) is its entity, selected
      // with it as a line's is, so that the entity stands out on every chart.
      const region = !same && mark.kind === 'series' ? mark.id : view().region;
      setState({ ...view(), region, chart: same ? null : chart.id, mark: same ? null : mark.id });
      if (!same) announce(t('pinned', spoken(mark)));
    }
  }

  const point = (chart, e) => {
    const r = chart.canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };

  /** A card is a button: the browser gives it focus, Enter and Space; the arrows step along its row of cards. */
  function wireCards(chart) {
    chart.cards.forEach((card, index) => {
      card.addEventListener('pointerenter', (e) => {
        if (e.pointerType !== 'touch') showTooltip(chart, index, { x: e.clientX, y: e.clientY });
      });
      card.addEventListener('pointerleave', hideTooltip);
      card.addEventListener('click', (e) => {
        activate(chart, index, false);
        e.stopPropagation();
      });
      // The keyboard's focus brings the tooltip; a click or a tap brings the pinned panel alone.
      card.addEventListener('focus', () => {
        if (card.matches(':focus-visible')) showTooltip(chart, index);
      });
      card.addEventListener('blur', hideTooltip);
      card.addEventListener('keydown', (e) => {
        if (!(e.key in STEPS)) return;
        const n = chart.cards.length;
        chart.cards[(index + STEPS[e.key] + n) % n].focus();
        e.preventDefault();
      });
    });
  }

  /** What a chart over time shares with the rest (time-chart.js). */
  const shared = {
    story, tooltip, t, el, safely, view, setState, announce, point, indexOf, hideTooltip, signal: ui.signal,
    tip: () => tipFor,
    setTip: (owner) => { tipFor = owner; },
  };

  for (const chart of charts) {
    if (chart.cards) {
      wireCards(chart);
      continue;
    }
    if (chart.timed) {
      // Loaded with the engine that draws series (datastory_series.js): a page of figures has none.
      ui.wireTimeChart(chart, shared);
      continue;
    }
    // A chart with a slider is a map like any other, with the slider under it.
    if (chart.slider?.length) ui.wireSlider?.(chart, shared);
    const { canvas } = chart;
    canvas.addEventListener('pointermove', (e) => {
      if (e.pointerType === 'touch') return;
      const index = safely(() => story.hit(chart.id, ...point(chart, e))) ?? -1;
      safely(() => story.setHover(chart.id, index));
      canvas.classList.toggle('pointing', index >= 0);
      if (index >= 0) showTooltip(chart, index, { x: e.clientX, y: e.clientY });
      else hideTooltip();
    });
    canvas.addEventListener('pointerleave', () => {
      safely(() => story.setHover(chart.id, -1));
      canvas.classList.remove('pointing');
      hideTooltip();
    });
    canvas.addEventListener('click', (e) => {
      const index = safely(() => story.hit(chart.id, ...point(chart, e))) ?? -1;
      if (index >= 0) {
        activate(chart, index, true);
      } else if (view().mark) {
        setState({ ...view(), chart: null, mark: null });
      }
      e.stopPropagation();
    });
    canvas.addEventListener('focus', () => {
      // The view may name this chart for its slider's time alone, with no mark pinned.
      const pinned = view().chart === chart.id && view().mark ? safely(() => story.indexOf(chart.id, view().mark)) : -1;
      const index = pinned >= 0 ? pinned : 0;
      if (safely(() => story.markCount(chart.id)) > 0) {
        safely(() => story.setFocus(chart.id, index));
        showTooltip(chart, index);
      }
    });
    canvas.addEventListener('blur', () => {
      safely(() => story.setFocus(chart.id, -1));
      hideTooltip();
    });
    canvas.addEventListener('keydown', (e) => {
      if (e.key in STEPS) {
        const index = safely(() => story.stepFocus(chart.id, STEPS[e.key])) ?? -1;
        if (index >= 0) {
          safely(() => story.setFocus(chart.id, index));
          showTooltip(chart, index);
          const mark = info(chart, index);
          if (mark) announce(spoken(mark));
        }
        e.preventDefault();
      } else if (e.key === 'Enter' || e.key === ' ') {
        const index = safely(() => story.stepFocus(chart.id, 0)) ?? -1;
        if (index >= 0) activate(chart, index, false);
        e.preventDefault();
      }
    });
  }

  // Esc unpins first, then clears the selection. On a page of its own the whole page listens; in an
  // embed only the embed does, so Esc in one infographic leaves the others alone.
  const escapeScope = ui.useUrl ? document : root;
  // Listeners outside the infographic end with it (`ui.signal`), so a removed embed is freed.
  const outside = { signal: ui.signal };
  escapeScope.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    hideTooltip();
    if (view().mark || view().time) setState({ ...view(), chart: null, mark: null, time: null });
    else if (view().region) setState({ ...view(), region: null });
  }, outside);
  // A click outside any mark (and outside the open panel) unpins.
  document.addEventListener('click', (e) => {
    const inPanel = e.composedPath().some((n) => n.classList?.contains('pin-panel'));
    if ((view().mark || view().time) && !inPanel) setState({ ...view(), chart: null, mark: null, time: null });
  }, outside);
  for (const b of root.querySelectorAll('.region-button')) {
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      toggleRegion(b.dataset.region, false);
    });
  }
  if (ui.useUrl) {
    window.addEventListener('popstate', () => {
      // The address is the reader's now: a write still waiting for its pause would overrule it.
      clearTimeout(urlTimer);
      urlWrite = null;
      setState(fromAddress(), { push: false });
    }, outside);
  }
  window.addEventListener('scroll', onScroll, { passive: true, signal: ui.signal });

  const fromUrl = ui.useUrl ? fromAddress() : {};
  setState({ region: fromUrl.region ?? ui.region ?? null, chart: fromUrl.chart, mark: fromUrl.mark, time: fromUrl.time }, { push: false });
  return {
    state: view,
    select: (region) => setState({ region }),
  };
}
