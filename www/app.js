// The infographic, mountable anywhere: fetches the dataset, hands it to the wasm engine, builds the sections and keeps each chart drawn at its width, pixel ratio and theme. Used by the page (main.js) and the script embed (embed.js).
import initFigures, { Story as FiguresStory } from './pkg/datastory.js';
import { engineKind } from './engine.js';
import { explore } from './explore.js';
import { el, failure } from './dom.js';
import { translator, htmlLang, loadWords } from './i18n.js';

export const DEFAULT_DATA = 'data/story.json';
/** After this long the status says the figures are slow to come; after the second, loading gives up. */
const SLOW_MS = 4000;
const TIMEOUT_MS = 30000;

/** A failure the reader should see, with what went wrong and what to do. */
export class StoryError extends Error {
  constructor(what, detail, fix) {
    super(detail);
    this.what = what;
    this.fix = fix;
  }
}

/** Only files on the infographic's own site may be loaded, so an embed cannot be pointed at another site. */
export function sameOrigin(asked, base, t = translator('en')) {
  let url;
  try {
    url = new URL(asked, base);
  } catch {
    url = null;
  }
  if (!url || url.origin !== new URL(base).origin || !/^https?:$/.test(url.protocol)) {
    throw new StoryError(t('refusedWhat'), t('refusedDetail', asked), t('refusedFix'));
  }
  return url.href;
}

/**
 * The page's early requests (early.js) when they are for `url`: the data's `response` and `text`, and
 * `map`, a promise of the same for the map (with its address). Taken once; embeds and later mounts
 * fetch their own.
 */
function takeEarly(url) {
  const early = globalThis.__datastoryEarly;
  if (early?.url !== url) return null;
  delete globalThis.__datastoryEarly;
  return early;
}

/** Fetches `url` (or takes `early`, a request already made for it, with its body) and parses it as JSON. */
async function loadJson(url, t, onSlow = () => {}, early = null) {
  // A reader on a slow line sees that the figures are still coming; one that never answers is given up
  // on with a message rather than an endless "loading".
  const slow = setTimeout(onSlow, SLOW_MS);
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(), TIMEOUT_MS);
  // The early request cannot be aborted from here; giving up on it is the same message.
  const gaveUp = new Promise((_, reject) => {
    abort.signal.addEventListener('abort', () => reject(new Error('aborted')));
  });
  let response;
  let text;
  try {
    response = await Promise.race([early?.response ?? fetch(url, { signal: abort.signal }), gaveUp]);
    if (!response.ok) {
      throw new StoryError(t('loadWhat'), t('loadStatus', url, response.status), t('loadFix'));
    }
    text = await Promise.race([early?.text ?? response.text(), gaveUp]);
  } catch (e) {
    if (e instanceof StoryError) throw e;
    const why = abort.signal.aborted ? t('timedOut', TIMEOUT_MS / 1000) : e.message;
    throw new StoryError(t('loadWhat'), t('loadFailed', url, why), t('retryFix'));
  } finally {
    clearTimeout(slow);
    clearTimeout(timeout);
  }
  try {
    // The engine reads the text itself; the script keeps the parsed object for the map's address,
    // the languages and the fallback table.
    return { text, data: JSON.parse(text) };
  } catch (e) {
    // Two answers that are not a bad file: a web page (a login or error page) and a cut-off body.
    if (/^\s*</.test(text)) throw new StoryError(t('jsonWhat'), t('htmlInstead', url), t('loadFix'));
    // A body cut short fails where the text ends, whatever the parser calls it.
    const at = Number(/position (\d+)/.exec(e.message)?.[1] ?? NaN);
    const cut = /end of (JSON )?input|unterminated/i.test(e.message) || at >= text.trimEnd().length - 1;
    throw new StoryError(t('jsonWhat'), cut ? t('truncated', e.message, text.length) : e.message, t('jsonFix'));
  }
}

/** Starts fetching the story's boundaries file as soon as the data names it, alongside the engine. */
function fetchMap({ data }, url, t, early) {
  if (!data?.story || typeof data.story.map !== 'string') return Promise.resolve(null);
  return Promise.resolve()
    .then(async () => {
      const mapUrl = sameOrigin(data.story.map, url, t);
      const made = await early;
      return loadJson(mapUrl, t, undefined, made?.url === mapUrl ? made : null);
    })
    .catch((err) => ({ failed: err }));
}

/**
 * The map's boundaries are optional: without them the map says so in place and the rest works.
 * Returns the boundaries' text when the story took them.
 */
async function useMap(story, pending) {
  const map = await pending;
  try {
    if (map?.failed) throw map.failed;
    if (map) story.setMap(map.text);
    return map?.text ?? null;
  } catch (err) {
    console.warn(`The map is shown without boundaries: ${err.message}`);
    return null;
  }
}

/**
 * The engine of `kind` (engine.js) made ready, from the module `compiled(kind)` gives (early.js
 * compiles it) where there is one; resolves to its `Story` class and, for the engine with series,
 * the wiring of charts over time (`wireTimeChart`) and of sliders (`wireSlider`). The engine with
 * series is a chunk of its own, fetched only by a page whose story has series.
 */
async function startEngine(kind, compiled) {
  // Named imports for the page's engine: a namespace object of it would cost the page a request
  // for esbuild's helper, shared with the series engine's chunk.
  const { default: init, Story, wireTimeChart, wireSlider } = kind === 'series' ? await import('./datastory_series.js') : { default: initFigures, Story: FiguresStory };
  const module = await compiled(kind);
  await init(module ? { module_or_path: module } : undefined);
  return { Story, wireTimeChart, wireSlider };
}

/** A wasm panic leaves its message in a global; after one, the engine cannot be trusted to draw again. */
const panicMessage = () => globalThis.__datastoryPanic;

/**
 * Mounts the infographic into `container` (an element, possibly inside a shadow root).
 * options: data (URL of the dataset), base (URL relative paths resolve against), region, charts
 * (array of chart ids), theme ('light' | 'dark' | 'auto'), maxWidth (px), useUrl (keep the view
 * in location.hash), standalone (show the story's title), fallbackTable (element to show when the
 * engine fails), onChange (called after anything that may change the height).
 */
export async function mount(container, options = {}) {
  const o = { data: DEFAULT_DATA, base: location.href, theme: 'auto', useUrl: false, standalone: true, lang: undefined };
  // An option given as undefined keeps its default.
  for (const [key, value] of Object.entries(options)) if (value !== undefined) o[key] = value;
  // A Chinese page waits for the shell's Chinese words (a small module) before its first message.
  await loadWords(o.lang);
  let t = translator(o.lang);
  if (o.lang) container.lang = htmlLang(o.lang);
  container.classList.add('story');
  container.setAttribute('aria-busy', 'true');
  if (o.maxWidth) container.style.setProperty('max-width', `${Number(o.maxWidth)}px`);
  const darkQuery = matchMedia('(prefers-color-scheme: dark)');
  const themeName = () => (o.theme === 'auto' ? (darkQuery.matches ? 'dark' : 'light') : o.theme);
  container.dataset.theme = themeName();

  const header = el('header', 'story-head');
  const title = el('h1', 'story-title');
  const dek = el('p', 'dek');
  header.append(title, dek);
  const status = el('p', 'status', t('loading'));
  status.setAttribute('role', 'status');
  const sectionsBox = el('div', 'sections');
  const tooltip = el('div', 'tooltip');
  tooltip.hidden = true;
  const announcer = el('p', 'announcer visually-hidden');
  announcer.setAttribute('aria-live', 'polite');
  container.replaceChildren(...(o.standalone ? [header] : []), status, sectionsBox, tooltip, announcer);
  const changed = () => o.onChange?.();
  const done = (state) => {
    container.removeAttribute('aria-busy');
    container.dataset.ready = state;
    status.textContent = '';
    changed();
  };

  const showError = async (err, data) => {
    const box = el('div', 'story-error');
    box.setAttribute('role', 'alert');
    box.append(el('h2', '', err.what || t('genericWhat')));
    box.append(el('p', '', err.message || String(err)));
    if (err.fix) box.append(el('p', '', err.fix));
    // The page's built-in table holds the default story's figures: never show them for another file.
    const ownData = !o.data || o.data === DEFAULT_DATA;
    // tables.js may not come either (the engine failed for want of a network): then the built-in table.
    const read = data && await import('./tables.js').then((m) => m.figuresTable(data, t), () => null);
    const table = read ?? (ownData ? o.fallbackTable?.cloneNode(true) : null);
    if (table) {
      table.hidden = false;
      box.append(table);
    }
    sectionsBox.replaceChildren(box);
    done('error');
  };

  let story;
  let data;
  let text;
  let wireTimeChart;
  let wireSlider;
  let mapText = null;
  let loading;
  try {
    const url = sameOrigin(o.data, o.base, t);
    const compiled = globalThis.__datastoryEngine ?? (() => undefined);
    delete globalThis.__datastoryEngine;
    const early = takeEarly(url);
    loading = loadJson(url, t, () => { status.textContent = t('slow'); }, early);
    // The story says which engine draws it (engine.js); a failure of the data is the data's to report.
    const engine = loading.then(({ data: d }) => startEngine(engineKind(d), compiled).catch((e) => {
      throw new StoryError(t('engineWhat'), e.message || String(e), t('engineFix'));
    }));
    const map = loading.then((d) => fetchMap(d, url, t, early?.map), () => null);
    let Story;
    [{ Story, wireTimeChart, wireSlider }, { text, data }] = await Promise.all([engine, loading]);
    try {
      story = new Story(text, o.lang);
    } catch (e) {
      throw new StoryError(t('dataWhat'), e.message, t('dataFix'));
    }
    mapText = await useMap(story, map);
  } catch (err) {
    const known = err instanceof StoryError ? err : new StoryError(t('engineWhat'), err.message || String(err), t('engineFix'));
    // A failed engine with readable data still shows the figures, as a table: the data may still be
    // on its way when the engine fails, so it is waited for.
    const readable = known.what === t('engineWhat') ? data ?? await loading?.then((r) => r.data, () => null) : null;
    await showError(known, readable);
    return null;
  }
  const lang = story.language();
  // Waits only while words are still being fetched (a Chinese story asked for in no language):
  // otherwise nothing comes between making the story and drawing it.
  const words = loadWords(lang);
  if (words) await words;
  t = translator(lang);
  container.lang = htmlLang(lang);

  story.setTheme(themeName());
  const outline = story.outline();
  if (o.standalone) {
    title.textContent = outline.title;
    dek.textContent = outline.dek;
  }
  // What the downloads' SVG engine needs to load the same story in the same state.
  const source = { text, map: mapText, lang, theme: themeName };
  const charts = buildSections(sectionsBox, outline, o.charts, story, source, t);
  if (!o.charts?.length) {
    const all = allFigures(story, t);
    const measure = charts.find((c) => c.canvas)?.canvas ?? el('canvas');
    all.append(downloads(t('downloadStory'), (d, f) => d.storyFile(f, story, source, measure), t, (err) => announceError(all, err, t)));
    sectionsBox.append(all);
  }
  // Everything the infographic hangs on the window ends with `destroy()`.
  const life = new AbortController();
  const redrawAll = keepDrawn(story, charts, changed, t, life.signal);
  darkQuery.addEventListener('change', () => {
    if (o.theme !== 'auto') return;
    container.dataset.theme = themeName();
    story.setTheme(themeName());
    redrawAll(true);
  }, { signal: life.signal });
  const view = explore(story, charts, { root: container, tooltip, announcer, outline, useUrl: o.useUrl, region: o.region, onChange: changed, t, signal: life.signal, wireTimeChart, wireSlider });
  done('true');
  const languages = Array.isArray(data.languages) && data.languages.length ? data.languages : [lang];
  // The story's engine memory is freed here, not left to wasm-bindgen's finalizer, which would let
  // each remounted embed keep about 260 KB until the page closes (the soak test's figure).
  const destroy = () => {
    if (life.signal.aborted) return;
    life.abort();
    story.free();
  };
  return { story, charts, view, outline, lang, languages, t, destroy };
}

/**
 * A row of download buttons (PNG, SVG, CSV) labelled `label`; `files(module, format)` makes one
 * with download.js, which is fetched on the first click: most readers never download, and should not
 * fetch the code that makes the files (0.8 kB gzipped).
 */
function downloads(label, files, t, onError) {
  const group = el('div', 'downloads');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', label);
  group.append(el('span', 'downloads-label', t('download')));
  for (const format of ['PNG', 'SVG', 'CSV']) {
    const b = el('button', 'download-button', format);
    b.type = 'button';
    b.setAttribute('aria-label', `${label}: ${format}`);
    b.addEventListener('click', () => {
      import('./download.js').then((d) => d.save(files(d, format))).catch(onError);
    });
    group.append(b);
  }
  return group;
}

/**
 * A button that shows and hides a table, built on first use by `build(tables)` with tables.js,
 * which is fetched then: most readers never open a table, and should not fetch the code that makes
 * them (0.5 kB gzipped). If it cannot be fetched, the reader is told so in place; the next press
 * tries again.
 */
function toggle(label, build, t) {
  const button = el('button', 'table-toggle', label);
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const holder = el('div', 'table-holder');
  holder.hidden = true;
  let failed = null;
  let fetching = false;
  button.addEventListener('click', async () => {
    // A second press while the code is on its way would close the table as it opens.
    if (fetching) return;
    failed?.remove();
    if (!holder.firstChild) {
      fetching = true;
      try {
        holder.append(build(await import('./tables.js')));
      } catch (err) {
        failed = failure(t, 'tableFailed', err);
        button.after(failed);
        return;
      } finally {
        fetching = false;
      }
    }
    holder.hidden = !holder.hidden;
    button.setAttribute('aria-expanded', String(!holder.hidden));
  });
  // Builds a table already made again, from what the story shows now.
  const refresh = async () => {
    if (!holder.firstChild) return;
    try {
      holder.replaceChildren(build(await import('./tables.js')));
    } catch {
      // The table made before stays, with the time it was made for.
    }
  };
  return [button, holder, refresh];
}

/** Says in place that a download failed, and why. */
function announceError(where, err, t) {
  where.append(failure(t, 'downloadFailed', err));
}

/** The whole dataset as one table, at the end of the page. */
function allFigures(story, t) {
  const box = el('section', 'all-figures');
  box.setAttribute('aria-label', t('allFiguresLabel'));
  const [button, holder] = toggle(t('allFigures'), (m) => m.storyTable(story, t), t);
  box.append(button, holder);
  return box;
}

function buildSections(box, outline, only, story, source, t) {
  const wanted = Array.isArray(only) && only.length ? new Set(only) : null;
  const charts = [];
  const sections = [];
  for (const s of outline.sections) {
    const list = s.charts.filter((c) => !wanted || wanted.has(c.id));
    if (!list.length) continue;
    const section = el('section', 'region');
    section.dataset.region = s.id;
    if (s.color) section.style.setProperty('--region', s.color);
    const h2 = el('h2');
    if (s.color) {
      // A region's name selects it, like a click on the map.
      const button = el('button', 'region-button');
      button.type = 'button';
      button.dataset.region = s.id;
      button.setAttribute('aria-pressed', 'false');
      button.append(el('span', 'swatch'), el('span', '', s.heading));
      h2.append(button);
    } else {
      h2.append(el('span', '', s.heading));
    }
    if (s.kind) h2.append(el('span', 'region-kind', s.kind));
    const grid = el('div', 'charts');
    for (const c of list) {
      // The kind says whether it takes the whole width (bars, a map, lines over time).
      const wide = c.wide || list.length === 1;
      const figure = el('figure', wide ? 'chart wide' : 'chart');
      figure.dataset.chart = c.id;
      figure.dataset.kind = c.kind;
      // The chart's words are the page's text, around a canvas that holds the chart alone: they wrap,
      // scale and translate as text, and the canvas has a third fewer pixels (downloads draw them).
      const head = [el('h3', 'chart-headline', c.headline), el('p', 'chart-dek', c.dek)];
      const foot = [c.note && el('p', 'chart-note', c.note), c.source && el('p', 'chart-source', c.source)].filter(Boolean);
      const panel = el('div', 'pin-panel');
      panel.hidden = true;
      // Charts outside the regions' sections (the overview) show the selection mark by mark.
      const chart = { id: c.id, kind: c.kind, timed: c.timed, slider: c.slider, figure, canvas: null, layer: null, cards: null, panel, showsSelection: !s.color, width: 0, dpr: 0 };
      // What shows the figures, and what is only read out (a canvas' long description).
      const [body, unseen] = c.cards?.length ? [cardList(c, chart), []] : chartCanvas(c, chart, story);
      const [tableButton, tableHolder, refresh] = toggle(t('table'), (m) => m.chartTable(story, c, t), t);
      // A chart whose slider changes its time lists that time's values in an open table.
      chart.refreshTable = refresh;
      tableButton.setAttribute('aria-label', t('tableLabel', c.headline));
      const tools = el('div', 'chart-tools');
      const files = (d, f) => d.chartFile(f, story, source, chart);
      tools.append(tableButton, downloads(t('downloadChart', c.headline), files, t, (err) => announceError(figure, err, t)));
      figure.append(...head, body, ...foot, ...unseen, panel, tools, tableHolder);
      grid.append(figure);
      charts.push(chart);
    }
    section.append(h2, grid);
    sections.push(section);
  }
  box.replaceChildren(...sections);
  return charts;
}

/**
 * The canvas a chart is drawn on, named by its headline and described in words for screen readers;
 * for a chart the outline calls `layered`, with a transparent canvas over it that holds what follows
 * the pointer (the hovered line, the time cursor), so that a pointer's move repaints that alone.
 */
function chartCanvas(c, chart, story) {
  const canvas = el('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', c.headline);
  // The long description: what is compared, every figure in words, the finding.
  const description = el('p', 'visually-hidden', c.description);
  description.id = `description-${c.id}`;
  canvas.setAttribute('aria-describedby', description.id);
  canvas.tabIndex = 0;
  chart.canvas = canvas;
  if (!c.layered) return [canvas, [description]];
  const layer = el('canvas', 'pointer-layer');
  layer.setAttribute('aria-hidden', 'true');
  try {
    story.setLayer(c.id, layer);
  } catch {
    // Without a layer the chart repaints whole as the pointer moves: slower, the same picture.
    return [canvas, [description]];
  }
  chart.layer = layer;
  const stack = el('div', 'layered');
  stack.append(canvas, layer);
  return [stack, [description]];
}

/**
 * Big-number cards are the page's HTML, not drawn: a number and its words are text, and a canvas
 * would cost the load its pixels and its text measuring (downloads still draw them). Each card is
 * a button that pins its figure's details, and says whether it is pinned.
 */
function cardList(c, chart) {
  const list = el('ul', 'cards');
  chart.cards = c.cards.map((k) => {
    const card = el('button', 'card');
    card.type = 'button';
    card.dataset.figure = k.figure;
    if (k.region) card.dataset.region = k.region;
    if (k.color) card.style.setProperty('--card', k.color);
    card.setAttribute('aria-pressed', 'false');
    if (k.qualifier) card.append(el('span', 'card-qualifier', k.qualifier));
    card.append(el('span', 'card-value', k.value));
    card.style.setProperty('--value-chars', Math.max(1, ...k.value.split(/\s+/).map((w) => w.length)));
    if (k.label) card.append(el('span', 'card-label', k.label));
    if (k.period) card.append(el('span', 'card-period', k.period));
    const item = el('li');
    item.append(card);
    list.append(item);
    return card;
  });
  return list;
}

function showChartError(figure, err, t) {
  const box = el('div', 'chart-error');
  box.setAttribute('role', 'alert');
  box.append(el('strong', '', t('chartFailed')));
  box.append(el('p', '', panicMessage() || err.message || String(err)));
  box.append(el('p', '', t('reload')));
  figure.replaceChildren(box);
  figure.dataset.state = 'error';
}

/**
 * Draws `chart` at `width` CSS pixels (read beforehand with every other chart's, so the page lays out
 * once). Returns the size its canvas is to show at, for the caller to set once every chart is drawn,
 * or null when nothing changed.
 */
function drawChart(story, chart, width, force, t) {
  if (chart.figure.dataset.state === 'error') return null;
  if (!chart.canvas) {
    // Cards are HTML: the page lays them out; their width is kept for the downloads.
    chart.width = width;
    chart.figure.dataset.state = 'drawn';
    return null;
  }
  const dpr = window.devicePixelRatio || 1;
  if (!force && width === chart.width && dpr === chart.dpr) return null;
  if (panicMessage()) {
    showChartError(chart.figure, new Error(panicMessage()), t);
    return null;
  }
  try {
    const height = story.draw(chart.id, chart.canvas, width, dpr);
    chart.width = width;
    chart.dpr = dpr;
    chart.figure.dataset.state = 'drawn';
    return { canvases: [chart.canvas, chart.layer].filter(Boolean), width: chart.canvas.width / dpr, height };
  } catch (err) {
    showChartError(chart.figure, err, t);
    return null;
  }
}

/** Draws every chart now and again whenever its box or the pixel ratio changes; returns a redraw-all. */
function keepDrawn(story, charts, changed, t, signal) {
  let pending = false;
  const redraw = (force = false) => {
    pending = false;
    // A frame asked for before `destroy()` must not touch the freed story.
    if (signal.aborted) return;
    // Every width is read before any canvas changes: reading one after a change would make the
    // browser lay the page out again, once per chart.
    const widths = charts.map((c) => Math.floor(c.figure.clientWidth));
    // The canvases' sizes are set once all are drawn: the browser resolves a canvas' font against the
    // page's styles, so a size set between two charts would make the next chart's first font restyle
    // the page (about 5 ms a load).
    const sizes = charts.map((c, i) => drawChart(story, c, widths[i], force, t));
    for (const size of sizes) {
      if (!size) continue;
      for (const canvas of size.canvases) {
        canvas.style.width = `${size.width}px`;
        canvas.style.height = `${size.height}px`;
      }
    }
    changed();
  };
  const schedule = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => redraw(false));
    }
  };
  const observer = new ResizeObserver(schedule);
  for (const c of charts) observer.observe(c.figure);
  signal.addEventListener('abort', () => observer.disconnect());
  // A window moved to a screen with another pixel ratio needs a sharper (or lighter) backing store.
  const watchDpr = () => {
    matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', () => {
      schedule();
      watchDpr();
    }, { once: true, signal });
  };
  watchDpr();
  redraw(false);
  return redraw;
}
