// The page shell: fetches the dataset, hands it to the wasm engine, builds the sections and keeps each chart drawn at its width and pixel ratio.
import init, { Story } from './pkg/datastory.js';
import { explore } from './explore.js';

const DEFAULT_DATA = 'data/story.json';

const $ = (id) => document.getElementById(id);
const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  // textContent only: nothing from the data is ever parsed as HTML.
  if (text !== undefined) node.textContent = text;
  return node;
};

/** A failure the reader should see, with what went wrong and what to do. */
class StoryError extends Error {
  constructor(what, detail, fix) {
    super(detail);
    this.what = what;
    this.fix = fix;
  }
}

/** Only same-origin relative paths may name a file, so an embed cannot be pointed at another site. */
function sameOrigin(asked, base) {
  const url = new URL(asked, base);
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(asked) || url.origin !== location.origin) {
    throw new StoryError('The data address was refused.',
      `“${asked}” is not a relative path on this site.`,
      'Name a data file on this site with a relative path, e.g. ?data=data/story.json.');
  }
  return url.href;
}

function dataUrl() {
  return sameOrigin(new URLSearchParams(location.search).get('data') ?? DEFAULT_DATA, location.href);
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

async function loadJson(url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
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

function showStoryError(err) {
  const box = el('div', 'story-error');
  box.setAttribute('role', 'alert');
  box.append(el('h2', '', err.what || 'This graphic could not be shown.'));
  box.append(el('p', '', err.message || String(err)));
  if (err.fix) box.append(el('p', '', err.fix));
  $('sections').replaceChildren(box);
  $('status').textContent = '';
  $('story').removeAttribute('aria-busy');
  document.documentElement.dataset.ready = 'error';
}

/** A wasm panic leaves its message in a global; after one, the engine cannot be trusted to draw again. */
function panicMessage() {
  return globalThis.__datastoryPanic;
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

function buildPage(outline) {
  document.title = outline.title;
  $('story-title').textContent = outline.title;
  $('story-dek').textContent = outline.dek;
  const charts = [];
  const sections = outline.sections.map((s) => {
    const section = el('section', 'region');
    section.id = `section-${s.id}`;
    section.dataset.region = s.id;
    if (s.color) section.style.setProperty('--region', s.color);
    const h2 = el('h2');
    h2.id = `heading-${s.id}`;
    section.setAttribute('aria-labelledby', h2.id);
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
    for (const c of s.charts) {
      const figure = el('figure', c.kind === 'bars' || c.kind === 'map' ? 'chart wide' : 'chart');
      figure.dataset.chart = c.id;
      figure.dataset.kind = c.kind;
      const canvas = el('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${c.headline}. ${c.dek}.`);
      canvas.tabIndex = 0;
      const panel = el('div', 'pin-panel');
      panel.hidden = true;
      figure.append(canvas, panel);
      grid.append(figure);
      charts.push({ id: c.id, kind: c.kind, figure, canvas, panel, width: 0, dpr: 0 });
    }
    section.append(h2, grid);
    return section;
  });
  $('sections').replaceChildren(...sections);
  return charts;
}

function drawChart(story, chart) {
  if (chart.figure.dataset.state === 'error') return;
  const width = Math.floor(chart.figure.clientWidth);
  const dpr = window.devicePixelRatio || 1;
  if (width === chart.width && dpr === chart.dpr) return;
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

function keepDrawn(story, charts) {
  let pending = false;
  const redraw = () => {
    pending = false;
    for (const c of charts) drawChart(story, c);
  };
  const schedule = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(redraw);
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
  redraw();
}

async function main() {
  let story;
  try {
    const url = dataUrl();
    const [, data] = await Promise.all([init(), loadJson(url)]);
    try {
      story = new Story(data);
    } catch (e) {
      throw new StoryError('The data file has a problem.', e.message,
        'Correct the field named above in the data file and reload.');
    }
    await loadMap(story, data, url);
  } catch (err) {
    if (!(err instanceof StoryError)) {
      err = new StoryError('The graphic’s engine could not start.', err.message || String(err),
        'Reload the page; if this persists, your browser may not support WebAssembly.');
    }
    showStoryError(err);
    return;
  }
  const charts = buildPage(story.outline());
  await document.fonts.ready;
  keepDrawn(story, charts);
  explore(story, charts);
  $('status').textContent = '';
  $('story').removeAttribute('aria-busy');
  document.documentElement.dataset.ready = 'true';
}

main();
