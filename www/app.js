// The infographic, mountable anywhere: fetches the dataset, hands it to the wasm engine, builds the sections and keeps each chart drawn at its width, pixel ratio and theme. Used by the page (main.js) and the script embed (embed.js).
import init, { Story } from './pkg/datastory.js';
import { explore } from './explore.js';
import { el } from './dom.js';
import { chartDownloads, storyDownloads } from './download.js';

export const DEFAULT_DATA = 'data/story.json';


/** A failure the reader should see, with what went wrong and what to do. */
export class StoryError extends Error {
  constructor(what, detail, fix) {
    super(detail);
    this.what = what;
    this.fix = fix;
  }
}

/** Only files on the infographic's own site may be loaded, so an embed cannot be pointed at another site. */
export function sameOrigin(asked, base) {
  let url;
  try {
    url = new URL(asked, base);
  } catch {
    url = null;
  }
  if (!url || url.origin !== new URL(base).origin || !/^https?:$/.test(url.protocol)) {
    throw new StoryError('The data address was refused.',
      `“${asked}” is not a relative path on this site.`,
      'Name a data file on this site with a relative path, e.g. data/story.json.');
  }
  return url.href;
}

async function loadJson(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new StoryError('The figures could not be loaded.', `The request for ${url} failed: ${e.message}.`,
      'Check your connection and reload the page.');
  }
  if (!response.ok) {
    throw new StoryError('The figures could not be loaded.', `The data file ${url} answered HTTP ${response.status}.`,
      'Check that the data file exists at that address.');
  }
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new StoryError('The data file is not valid JSON.', e.message,
      'Fix the file’s syntax, for example with a JSON validator, and reload.');
  }
}

/** The map's boundaries are optional: without them the map says so in place and the rest works. */
async function loadMap(story, data, url) {
  if (!data.story || typeof data.story.map !== 'string') return;
  try {
    story.setMap(await loadJson(sameOrigin(data.story.map, url)));
  } catch (err) {
    console.warn(`The map is shown without boundaries: ${err.message}`);
  }
}

/** A wasm panic leaves its message in a global; after one, the engine cannot be trusted to draw again. */
const panicMessage = () => globalThis.__datastoryPanic;

/** The figures as a plain table, for when the charts cannot be drawn but the data could be read. */
function figuresTable(data) {
  if (!data || !Array.isArray(data.figures)) return null;
  const names = new Map((data.regions || []).map((r) => [r.id, r.name]));
  const table = el('table', 'figures-table');
  table.append(el('caption', '', 'The figures of this story'));
  const head = el('tr');
  for (const h of ['Region', 'Figure', 'Value', 'Period', 'Source']) head.append(el('th', '', h));
  table.append(el('thead'));
  table.tHead.append(head);
  const body = el('tbody');
  const words = { more_than: 'more than ', at_least: 'at least ', nearly: 'nearly ', about: 'about ', less_than: 'less than ' };
  for (const f of data.figures) {
    const tr = el('tr');
    const value = f.wording ?? (f.value === null || f.value === undefined ? f.claim
      : `${words[f.qualifier] ?? ''}${Number(f.value).toLocaleString('en')} ${f.unit}`.trim());
    for (const cell of [names.get(f.region) ?? '—', f.label, value, f.period ?? '—', f.source?.quote ?? '']) {
      tr.append(el('td', '', String(cell ?? '')));
    }
    body.append(tr);
  }
  table.append(body);
  return table;
}

/**
 * Mounts the infographic into `container` (an element, possibly inside a shadow root).
 * options: data (URL of the dataset), base (URL relative paths resolve against), region, charts
 * (array of chart ids), theme ('light' | 'dark' | 'auto'), maxWidth (px), useUrl (keep the view
 * in location.hash), standalone (show the story's title), fallbackTable (element to show when the
 * engine fails), onChange (called after anything that may change the height).
 */
export async function mount(container, options = {}) {
  const o = { data: DEFAULT_DATA, base: location.href, theme: 'auto', useUrl: false, standalone: true };
  // An option given as undefined keeps its default.
  for (const [key, value] of Object.entries(options)) if (value !== undefined) o[key] = value;
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
  const status = el('p', 'status', 'Loading the figures…');
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

  const showError = (err, data) => {
    const box = el('div', 'story-error');
    box.setAttribute('role', 'alert');
    box.append(el('h2', '', err.what || 'This graphic could not be shown.'));
    box.append(el('p', '', err.message || String(err)));
    if (err.fix) box.append(el('p', '', err.fix));
    const table = figuresTable(data) ?? o.fallbackTable?.cloneNode(true);
    if (table) {
      table.hidden = false;
      box.append(table);
    }
    sectionsBox.replaceChildren(box);
    done('error');
  };

  let story;
  let data;
  try {
    const url = sameOrigin(o.data, o.base);
    const engine = init().catch((e) => {
      throw new StoryError('The graphic’s engine could not start.', e.message || String(e),
        'Reload the page; if this persists, your browser may not support WebAssembly.');
    });
    [, data] = await Promise.all([engine, loadJson(url)]);
    try {
      story = new Story(data);
    } catch (e) {
      throw new StoryError('The data file has a problem.', e.message,
        'Correct the field named above in the data file and reload.');
    }
    await loadMap(story, data, url);
  } catch (err) {
    const known = err instanceof StoryError ? err : new StoryError('The graphic’s engine could not start.',
      err.message || String(err), 'Reload the page; if this persists, your browser may not support WebAssembly.');
    // A failed engine with readable data still shows the figures, as a table.
    showError(known, known.what === 'The graphic’s engine could not start.' ? data : null);
    return null;
  }

  story.setTheme(themeName());
  const outline = story.outline();
  if (o.standalone) {
    title.textContent = outline.title;
    dek.textContent = outline.dek;
  }
  const charts = buildSections(sectionsBox, outline, o.charts, story);
  if (!o.charts?.length) {
    const all = allFigures(data);
    all.append(storyDownloads(story, charts[0]?.canvas ?? el('canvas'), (err) => announceError(all, err)));
    sectionsBox.append(all);
  }
  await document.fonts.ready;
  const redrawAll = keepDrawn(story, charts, changed);
  darkQuery.addEventListener('change', () => {
    if (o.theme !== 'auto') return;
    container.dataset.theme = themeName();
    story.setTheme(themeName());
    redrawAll(true);
  });
  const view = explore(story, charts, { root: container, tooltip, announcer, useUrl: o.useUrl, region: o.region, onChange: changed });
  done('true');
  return { story, charts, view, outline };
}

/** A button that shows and hides `content` (built on first use by `build`). */
function toggle(label, build) {
  const button = el('button', 'table-toggle', label);
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const holder = el('div', 'table-holder');
  holder.hidden = true;
  button.addEventListener('click', () => {
    if (!holder.firstChild) holder.append(build());
    holder.hidden = !holder.hidden;
    button.setAttribute('aria-expanded', String(!holder.hidden));
  });
  return [button, holder];
}

/** A chart's figures as a table: caption, headers, values in words with qualifiers and units, source. */
function chartTable(story, chart) {
  const rows = story.chartRows(chart.id);
  const table = el('table', 'figures-table');
  table.append(el('caption', '', chart.headline));
  const regions = rows.length && rows[0].kind === 'region';
  const heads = regions ? ['Region', 'Kind', 'In this story'] : ['Figure', 'Value', 'Period', 'Source'];
  const head = el('tr');
  for (const h of heads) {
    const th = el('th', '', h);
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead'));
  table.tHead.append(head);
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    const th = el('th', '', r.region_name && !regions ? `${r.title} (${r.region_name})` : r.title);
    th.scope = 'row';
    tr.append(th);
    const cells = regions ? [r.value, r.summary] : [r.value, r.period ?? '—', `“${r.quote}” (${r.source})`];
    for (const c of cells) tr.append(el('td', '', c ?? ''));
    body.append(tr);
  }
  table.append(body);
  return table;
}

/** Says in place that a download failed, and why. */
function announceError(where, err) {
  const p = el('p', 'chart-error', `The download could not be made: ${err.message || err}`);
  p.setAttribute('role', 'alert');
  where.append(p);
}

/** The whole dataset as one table, at the end of the page. */
function allFigures(data) {
  const box = el('section', 'all-figures');
  box.setAttribute('aria-label', 'All figures');
  const [button, holder] = toggle('Show all figures as a table', () => figuresTable(data));
  box.append(button, holder);
  return box;
}

function buildSections(box, outline, only, story) {
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
      const wide = c.kind === 'bars' || c.kind === 'map' || list.length === 1;
      const figure = el('figure', wide ? 'chart wide' : 'chart');
      figure.dataset.chart = c.id;
      figure.dataset.kind = c.kind;
      const canvas = el('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', c.headline);
      // The long description: what is compared, every figure in words, the finding.
      const description = el('p', 'visually-hidden', c.description);
      description.id = `description-${c.id}`;
      canvas.setAttribute('aria-describedby', description.id);
      canvas.tabIndex = 0;
      const panel = el('div', 'pin-panel');
      panel.hidden = true;
      const [tableButton, tableHolder] = toggle('Table', () => chartTable(story, c));
      tableButton.setAttribute('aria-label', `Show the figures of “${c.headline}” as a table`);
      const chart = { id: c.id, kind: c.kind, figure, canvas, panel, width: 0, dpr: 0 };
      const tools = el('div', 'chart-tools');
      tools.append(tableButton, chartDownloads(story, chart, c.headline, (err) => announceError(figure, err)));
      figure.append(canvas, description, panel, tools, tableHolder);
      grid.append(figure);
      charts.push(chart);
    }
    section.append(h2, grid);
    sections.push(section);
  }
  box.replaceChildren(...sections);
  return charts;
}

function showChartError(figure, err) {
  const box = el('div', 'chart-error');
  box.setAttribute('role', 'alert');
  box.append(el('strong', '', 'This chart could not be drawn.'));
  box.append(el('p', '', panicMessage() || err.message || String(err)));
  box.append(el('p', '', 'Reload the page to try again.'));
  figure.replaceChildren(box);
  figure.dataset.state = 'error';
}

function drawChart(story, chart, force) {
  if (chart.figure.dataset.state === 'error') return;
  const width = Math.floor(chart.figure.clientWidth);
  const dpr = window.devicePixelRatio || 1;
  if (!force && width === chart.width && dpr === chart.dpr) return;
  if (panicMessage()) {
    showChartError(chart.figure, new Error(panicMessage()));
    return;
  }
  try {
    const height = story.draw(chart.id, chart.canvas, width, dpr);
    chart.canvas.style.width = `${chart.canvas.width / dpr}px`;
    chart.canvas.style.height = `${height}px`;
    chart.width = width;
    chart.dpr = dpr;
    chart.figure.dataset.state = 'drawn';
  } catch (err) {
    showChartError(chart.figure, err);
  }
}

/** Draws every chart now and again whenever its box or the pixel ratio changes; returns a redraw-all. */
function keepDrawn(story, charts, changed) {
  let pending = false;
  const redraw = (force = false) => {
    pending = false;
    for (const c of charts) drawChart(story, c, force);
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
  // A window moved to a screen with another pixel ratio needs a sharper (or lighter) backing store.
  const watchDpr = () => {
    matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', () => {
      schedule();
      watchDpr();
    }, { once: true });
  };
  watchDpr();
  redraw(false);
  return redraw;
}
