// The editor page: four steps from a pasted table to a published story, a live preview drawn by the reader's own engine, the work kept in the browser's storage with undo and redo. The editor's engine runs in a worker (editor-worker.js).
import { mount } from './app.js';
import { el } from './dom.js';
import { renderGrid, badCell, transpose } from './editor-grid.js';
import { save } from './download.js';
import { bundleZip, baseOf, embedCodes } from './editor-publish.js';

const KEY = 'datastory-editor';
const STEPS = ['data', 'describe', 'visualize', 'publish'];
/** Pasted text longer than this (characters) is read without being shown in the paste box. */
const LARGE_PASTE = 200000;
/** The bundle's files and page template, written into the page by `cargo xtask dist`. */
const bundle = readBundle();
const $ = (id) => document.getElementById(id);

function readBundle() {
  try {
    return JSON.parse(document.getElementById('bundle')?.textContent ?? '');
  } catch {
    return { files: [], template: null };
  }
}

// ---- the engine, in a worker ----
let worker = null;
let lastId = 0;
const waiting = new Map();

function startWorker() {
  worker = new Worker(new URL('./editor-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    const w = waiting.get(data.id);
    waiting.delete(data.id);
    if (!w) return;
    if ('error' in data) {
      // After a trap the engine's memory cannot be trusted: the next call starts a new one.
      if (/unreachable|RuntimeError/.test(data.error)) stopWorker();
      w.reject(new Error(data.error));
    } else {
      w.resolve(data.value);
    }
  };
  worker.onerror = (e) => {
    const err = new Error(`the editor's engine could not start (${e.message || 'no reason given'}); reload the page`);
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
    stopWorker();
  };
}

function stopWorker() {
  worker?.terminate();
  worker = null;
}

/** Calls the editor's engine: `name` is one of editor-worker.js's calls. */
function call(name, ...args) {
  if (!worker) startWorker();
  return new Promise((resolve, reject) => {
    lastId += 1;
    waiting.set(lastId, { resolve, reject });
    worker.postMessage({ id: lastId, call: name, args });
  });
}

// ---- state, storage, undo ----
/** Everything the editor keeps: the grid, the story made from it, the Chinese texts, the step. */
let state = { name: '', grid: null, gridError: null, story: null, afresh: false, zh: {}, step: 'data', base: '' };
/** What the engine last said of the story: its error, texts, the kinds that fit, the colours' problems. */
let info = null;
const past = [];
const future = [];
const mapTexts = new Map();

/** Why the last change could not be kept in the browser's storage, said with every status. */
let unkept = '';

function status(text) {
  $('editor-status').textContent = unkept ? `${text} ${unkept}` : text;
}

function store() {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
    unkept = '';
  } catch (e) {
    // What the storage holds is the last state that fitted; a reload goes back to it.
    unkept = `This story is too large to keep in the browser's storage (${e.name}): download the story (step 4) to keep your work.`;
    status('');
  }
}

function restore() {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (kept && typeof kept === 'object') {
      state = { ...state, ...kept };
      return true;
    }
  } catch {
    // Unreadable storage starts the editor empty, as a first visit does.
  }
  return false;
}

/** Applies `change` to the state as one step that Undo takes back. */
function commit(change) {
  past.push(state);
  // Each reading of a large table is a story of its own in memory: fewer of them are kept.
  while (past.length > (state.grid?.length > 10000 ? 10 : 100)) past.shift();
  future.length = 0;
  state = { ...state, ...change };
  store();
  refresh();
}

/** Takes the state back (from `past` to `future`) or on again (the other way): the step shown and the publishing address stay. */
function travel(from, to, said) {
  if (!from.length) return;
  to.push(state);
  state = { ...from.pop(), step: state.step, base: state.base };
  store();
  refresh();
  status(said);
}

const undo = () => travel(past, future, 'Undone.');
const redo = () => travel(future, past, 'Redone.');

/**
 * A copy of the story to change. Its series, which only a new reading of the grid replaces, are
 * shared with the states Undo keeps rather than copied: a story of 10 MB would otherwise be copied
 * whole for each title typed.
 */
function edited() {
  const { series, ...rest } = state.story;
  const copy = structuredClone(rest);
  if (series) copy.series = series;
  return copy;
}

/** True when every text of the story has its Chinese. */
function complete() {
  return !!info?.texts?.length && info.texts.every(([key, , optional]) => optional || (state.zh[key] ?? '').trim());
}

/** The story as it is published: in Chinese too once every text has its Chinese. */
function publishable() {
  if (!state.story) return null;
  // A shallow copy: only its own two fields are set here.
  const story = { ...state.story };
  delete story.languages;
  delete story.translations;
  if (complete()) {
    story.languages = ['en', 'zh'];
    const given = info.texts.filter(([key]) => (state.zh[key] ?? '').trim());
    story.translations = { zh: Object.fromEntries(given.map(([key]) => [key, state.zh[key].trim()])) };
  }
  return story;
}

async function mapText(story) {
  const path = typeof story?.story?.map === 'string' ? `data/${story.story.map}` : null;
  if (!path) return null;
  if (!mapTexts.has(path)) {
    mapTexts.set(path, fetch(path).then((r) => (r.ok ? r.text() : null), () => null));
  }
  return mapTexts.get(path);
}

// ---- step 1: data ----
async function useText(text, name) {
  if (!text.trim()) {
    showDataError({ message: 'There is nothing to read: paste cells from a spreadsheet, or open a CSV or story file.' });
    return;
  }
  status('Reading the data…');
  try {
    if (/^\s*\{/.test(text)) {
      let story;
      try {
        story = JSON.parse(text);
      } catch (e) {
        showDataError({ message: `This is not a readable story file: ${e.message}. Open the .json file the editor or \`cargo xtask data import\` wrote.` });
        return;
      }
      const made = await call('editorRows', story);
      if (made.error) {
        showDataError({ message: `This story does not load: at ${made.error.path}: ${made.error.message}` });
        return;
      }
      // A map named relative to where the file was (`../map/world.json` from data/examples/) is
      // the bundle's map of that name, beside the bundle's data/story.json.
      const named = typeof story.story?.map === 'string' ? story.story.map.split('/').pop() : null;
      if (named && bundle.files.includes(`data/map/${named}`)) story.story.map = `map/${named}`;
      const zh = story.translations?.zh ?? {};
      delete story.translations;
      delete story.languages;
      commit({ name, grid: made.rows, gridError: null, story, zh, afresh: false });
    } else {
      const made = await call('editorCells', text);
      if (made.error) {
        showDataError(made.error);
        return;
      }
      await useGrid(made.rows, name, null);
    }
    status(state.gridError ? 'The data has a problem, marked in the grid.' : `Read ${state.grid?.length ?? 0} rows.`);
  } catch (e) {
    showDataError({ message: e.message });
  }
}

/**
 * Reads `rows` into a story, keeping what was written on `previous` (null: a table read afresh).
 * A table read afresh that has a problem stays afresh until it reads: the story shown meanwhile
 * is the one before, whose charts and texts are not this table's.
 */
async function useGrid(rows, name, previous) {
  const made = await call('editorImport', rows, name, previous);
  const afresh = Boolean(made.error) && (previous === null || state.afresh);
  commit({ name, grid: rows, gridError: made.error ?? null, story: made.story ?? state.story, afresh });
}

function showDataError(error) {
  const box = $('data-error');
  box.hidden = !error;
  if (!error) return;
  const where = Number.isInteger(error.row) ? ' It is marked in the grid below: fix it there.' : '';
  const stop = /[.!?]$/.test(error.message) ? '' : '.';
  box.replaceChildren(el('p', '', `${error.message}${stop}${where}`));
  status('The data has a problem.');
}

function drawData() {
  showDataError(state.gridError);
  $('grid-box').hidden = !state.grid;
  if (!state.grid) return;
  const columns = state.grid[0]?.length ?? 0;
  $('grid-size').textContent = `${state.grid.length} rows, ${columns} columns`;
  renderGrid($('grid'), state.grid, state.gridError, (r, c, text) => {
    const grid = state.grid.slice();
    grid[r] = grid[r].slice();
    grid[r][c] = text;
    useGrid(grid, state.name, state.afresh ? null : state.story).catch((e) => showDataError({ message: e.message }));
  });
}

// ---- step 2: check and describe ----
/** A labelled text field; `id` stays the same from one drawing to the next, so focus can be kept. */
function field(id, label, value, onChange, { multiline = false } = {}) {
  const wrap = el('div', 'field');
  const input = el(multiline ? 'textarea' : 'input');
  input.id = id;
  const l = el('label', '', label);
  l.htmlFor = input.id;
  input.value = value ?? '';
  if (multiline) input.rows = 2;
  input.addEventListener('change', () => onChange(input.value));
  wrap.append(l, input);
  return wrap;
}

function drawDescribe() {
  const box = $('describe');
  const err = $('story-error');
  const problem = info?.error;
  err.hidden = !problem;
  if (problem) err.replaceChildren(el('p', '', `The story does not load yet, so the preview and the downloads wait: at ${problem.path || 'the whole story'}: ${problem.message}. Fix it, or Undo the last change.`));
  if (!state.story) {
    box.replaceChildren(el('p', 'muted', 'Paste or open data first (step 1).'));
    $('translations').replaceChildren();
    $('missing-summary').textContent = '';
    return;
  }
  const s = state.story;
  const set = (fn) => (v) => {
    const story = edited();
    fn(story, v);
    commit({ story });
  };
  const story = el('fieldset');
  story.append(el('legend', '', 'The story'));
  story.append(
    field('story-title', 'Title', s.story.title, set((d, v) => { d.story.title = v; })),
    field('story-dek', 'Dek', s.story.dek, set((d, v) => { d.story.dek = v; }), { multiline: true }),
  );
  const sources = s.sources.map((src, i) => {
    const f = el('fieldset');
    f.append(el('legend', '', `Source ${i + 1}`));
    f.append(
      field(`source-${i}-name`, 'Source name', src.name, set((d, v) => { d.sources[i].name = v; })),
      field(`source-${i}-link`, 'Source link', src.link ?? '', set((d, v) => { if (v.trim()) d.sources[i].link = v.trim(); else delete d.sources[i].link; })),
      field(`source-${i}-description`, 'What the source is', src.description, set((d, v) => { d.sources[i].description = v; }), { multiline: true }),
    );
    return f;
  });
  const charts = s.charts.map((c, i) => {
    const f = el('fieldset');
    f.append(el('legend', '', `Chart ${i + 1}: ${c.headline}`));
    f.append(
      field(`chart-${i}-headline`, 'Headline', c.headline, set((d, v) => { d.charts[i].headline = v; })),
      field(`chart-${i}-dek`, 'Chart dek', c.dek, set((d, v) => { d.charts[i].dek = v; }), { multiline: true }),
      field(`chart-${i}-note`, 'Notes', c.note ?? '', set((d, v) => { if (v.trim()) d.charts[i].note = v; else delete d.charts[i].note; }), { multiline: true }),
    );
    return f;
  });
  box.replaceChildren(story, ...sources, ...charts);
  drawTranslations();
}

function drawTranslations() {
  const texts = info?.texts ?? [];
  const missing = texts.filter(([key, , optional]) => !optional && !(state.zh[key] ?? '').trim());
  const summary = $('missing-summary');
  if (!texts.length) {
    summary.textContent = '';
  } else if (!missing.length) {
    summary.textContent = 'Every text has its Chinese: the story is published in English and Chinese.';
  } else {
    summary.textContent = `${missing.length} of ${texts.filter((x) => !x[2]).length} texts have no Chinese yet; the story is published in English alone until every one has: ${missing.slice(0, 8).map(([, en]) => `“${en.slice(0, 40)}”`).join(', ')}${missing.length > 8 ? ` and ${missing.length - 8} more` : ''}.`;
  }
  if (!texts.length) {
    $('translations').replaceChildren();
    return;
  }
  // Each English text beside the field for its Chinese.
  const table = el('table', 'translations');
  table.append(el('caption', 'visually-hidden', 'The story\'s texts in English and in Chinese'));
  const head = el('tr');
  head.append(el('th', '', 'English'), el('th', '', 'Chinese'));
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const [key, en] of texts) {
    const row = el('tr');
    const input = el('input');
    input.value = state.zh[key] ?? '';
    input.setAttribute('aria-label', `Chinese for “${en.length > 80 ? `${en.slice(0, 80)}…` : en}”`);
    input.lang = 'zh-Hans';
    input.id = `zh-${key}`;
    input.addEventListener('change', () => commit({ zh: { ...state.zh, [key]: input.value } }));
    const cell = el('td');
    cell.append(input);
    // The key says which text it is where two read alike (a title and a headline).
    const english = el('td', '', en);
    english.append(el('span', 'key', key));
    row.append(english, cell);
    body.append(row);
  }
  table.append(thead, body);
  $('translations').replaceChildren(table);
}

// ---- step 3: visualize ----
function drawVisualize() {
  const box = $('visualize');
  if (!state.story) {
    box.replaceChildren(el('p', 'muted', 'Paste or open data first (step 1).'));
    $('colours').replaceChildren();
    $('colour-problems').replaceChildren();
    return;
  }
  const s = state.story;
  const maps = bundle.files.filter((f) => /^data\/map\/[^/]+\.json$/.test(f)).map((f) => f.slice('data/'.length));
  const mapPick = el('select');
  mapPick.id = 'map-pick';
  mapPick.append(new Option('None', ''), ...maps.map((m) => new Option(m, m)));
  mapPick.value = s.story.map ?? '';
  mapPick.addEventListener('change', () => {
    const story = edited();
    if (mapPick.value) story.story.map = mapPick.value; else delete story.story.map;
    commit({ story });
  });
  const mapLabel = el('label', '', 'Map for choropleths');
  mapLabel.htmlFor = mapPick.id;
  const charts = s.charts.map((c, i) => chartControls(s, c, i));
  box.replaceChildren(el('div', 'field'), ...charts);
  box.firstChild.append(mapLabel, mapPick);
  drawColours();
}

function chartControls(s, c, i) {
  const f = el('fieldset', 'chart-controls');
  f.append(el('legend', '', `Chart ${i + 1}: ${c.headline}`));
  const fits = info?.proposals?.[c.id] ?? [];
  const kind = el('select');
  kind.id = `kind-${i}`;
  const known = fits.some((p) => p.kind === c.kind) ? fits : [{ kind: c.kind, why: 'as the story has it' }, ...fits];
  kind.append(...known.map((p) => new Option(`${p.kind.replace('_', ' ')}: ${p.why}`, p.kind)));
  kind.value = c.kind;
  kind.addEventListener('change', async () => {
    try {
      const story = await call('editorRetarget', state.story, c.id, kind.value, await mapText(state.story));
      commit({ story });
      status(`Chart ${i + 1} is now ${kind.value.replace('_', ' ')}.`);
    } catch (e) {
      status(e.message);
    }
  });
  const kindLabel = el('label', '', 'Chart kind');
  kindLabel.htmlFor = kind.id;
  const move = (by) => {
    const story = edited();
    const [chart] = story.charts.splice(i, 1);
    story.charts.splice(i + by, 0, chart);
    commit({ story });
    status(`Chart “${c.headline}” moved ${by < 0 ? 'up' : 'down'}.`);
  };
  const up = el('button', '', 'Move up');
  up.id = `up-${i}`;
  up.type = 'button';
  up.disabled = i === 0;
  up.addEventListener('click', () => move(-1));
  const down = el('button', '', 'Move down');
  down.id = `down-${i}`;
  down.type = 'button';
  down.disabled = i === s.charts.length - 1;
  down.addEventListener('click', () => move(1));
  const kindField = el('div', 'field');
  kindField.append(kindLabel, kind);
  const order = el('div', 'row');
  order.append(up, down);
  f.append(kindField, order);
  // The kinds that draw some entities in colour and the rest as grey context.
  if (c.indicator && ['line', 'slope', 'small_multiples', 'periods'].includes(c.kind)) f.append(highlights(s, c, i));
  // Only a line draws annotations.
  if (c.kind === 'line') f.append(notes(s, c, i));
  return f;
}

function highlights(s, c, i) {
  const ids = [...new Set(s.series.filter((x) => x.indicator === c.indicator).map((x) => x.entity))];
  const box = el('fieldset', 'highlights');
  box.append(el('legend', '', 'Highlight'));
  const list = el('div', 'checks');
  for (const id of ids) {
    const region = s.regions.find((r) => r.id === id);
    const label = el('label');
    const check = el('input');
    check.type = 'checkbox';
    check.id = `highlight-${i}-${id}`;
    check.checked = (c.highlight ?? []).includes(id);
    check.addEventListener('change', () => {
      const story = edited();
      const chart = story.charts[i];
      const set = new Set(chart.highlight ?? []);
      if (check.checked) set.add(id); else set.delete(id);
      chart.highlight = ids.filter((x) => set.has(x));
      if (!chart.highlight.length) delete chart.highlight;
      commit({ story });
    });
    label.append(check, ` ${region?.name ?? id}`);
    list.append(label);
  }
  box.append(list);
  return box;
}

function notes(s, c, i) {
  const box = el('fieldset', 'notes');
  box.append(el('legend', '', 'Annotations'));
  (c.annotations ?? []).forEach((a, n) => {
    const row = el('div', 'row');
    const who = s.regions.find((r) => r.id === a.entity)?.name ?? a.entity;
    const what = a.kind === 'line' ? `a line at ${a.value}` : a.kind === 'band' ? `a band from ${a.from} to ${a.to}` : `${who} in ${a.time}`;
    row.append(el('span', '', `“${a.label}”: ${what}`));
    const remove = el('button', '', 'Remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove the annotation “${a.label}”`);
    remove.addEventListener('click', () => {
      const story = edited();
      story.charts[i].annotations.splice(n, 1);
      if (!story.charts[i].annotations.length) delete story.charts[i].annotations;
      commit({ story });
    });
    row.append(remove);
    box.append(row);
  });
  const kind = el('select');
  kind.id = `note-kind-${i}`;
  kind.append(new Option('A reference line at a value', 'line'), new Option('A band of time', 'band'), new Option('A point called out', 'point'));
  const kindLabel = el('label', '', 'Annotation kind');
  kindLabel.htmlFor = kind.id;
  const input = (name, label) => field(`note-${i}-${name}`, label, '', () => {});
  const text = input('text', 'Annotation text');
  const value = input('value', 'At the value');
  const from = input('from', 'From the time');
  const to = input('to', 'To the time');
  const entity = el('select');
  entity.id = `note-entity-${i}`;
  const ids = [...new Set(s.series.filter((x) => x.indicator === c.indicator).map((x) => x.entity))];
  entity.append(...ids.map((id) => new Option(s.regions.find((r) => r.id === id)?.name ?? id, id)));
  const entityLabel = el('label', '', 'The entity');
  entityLabel.htmlFor = entity.id;
  const entityField = el('div', 'field');
  entityField.append(entityLabel, entity);
  const time = input('time', 'At the time');
  // Only the fields of the chosen kind are shown.
  const parts = { line: [value], band: [from, to], point: [entityField, time] };
  const show = () => {
    for (const [k, fields] of Object.entries(parts)) for (const f of fields) f.hidden = k !== kind.value;
  };
  kind.addEventListener('change', show);
  show();
  const read = (f) => f.querySelector('input').value.trim();
  // A year is written as the format writes years, a number; other times as text ("2020-03").
  const when = (f) => (/^-?\d{1,4}$/.test(read(f)) ? Number(read(f)) : read(f));
  const add = el('button', '', 'Add the annotation');
  add.id = `note-${i}-add`;
  add.type = 'button';
  add.addEventListener('click', () => {
    const label = read(text);
    const note = {
      line: () => read(value) && { kind: 'line', label, value: Number(read(value)) },
      band: () => read(from) && { kind: 'band', label, from: when(from), to: read(to) ? when(to) : when(from) },
      point: () => read(time) && { kind: 'point', label, entity: entity.value, time: when(time) },
    }[kind.value]();
    if (!label || !note) {
      status('An annotation needs its text, and its value or times.');
      return;
    }
    const story = edited();
    story.charts[i].annotations = [...(story.charts[i].annotations ?? []), note];
    commit({ story });
    status(`Annotation “${label}” added; the preview shows it, or step 2 says what is wrong with it.`);
  });
  const kindField = el('div', 'field');
  kindField.append(kindLabel, kind);
  box.append(kindField, text, value, from, to, entityField, time, add);
  return box;
}

function drawColours() {
  const s = state.story;
  const problems = info?.colours ?? [];
  const list = el('ul');
  for (const p of problems) list.append(el('li', '', p));
  $('colour-problems').replaceChildren(problems.length ? list : el('p', '', 'Every colour reads on light and dark pages and stays apart for colour-blind readers.'));
  const rows = s.regions.map((r, i) => {
    const wrap = el('div', 'field colour');
    const input = el('input');
    input.type = 'color';
    input.id = `colour-${i}`;
    input.value = /^#[0-9a-f]{6}$/i.test(r.color) ? r.color : '#000000';
    input.addEventListener('change', () => {
      const story = edited();
      story.regions[i].color = input.value;
      commit({ story });
    });
    const l = el('label', '', `Colour of ${r.name}`);
    l.htmlFor = input.id;
    wrap.append(input, l);
    return wrap;
  });
  // Hundreds of countries would bury the checks: the first sixty, the rest set in the data.
  $('colours').replaceChildren(...rows.slice(0, 60));
}

// ---- step 4: publish ----
function drawPublish() {
  const story = publishable();
  const base = baseOf(state.base);
  const codes = embedCodes(base, story);
  $('iframe-code').value = codes.iframe;
  $('script-code').value = codes.script;
  if (document.activeElement !== $('base-url')) $('base-url').value = state.base;
  for (const id of ['download-story', 'download-bundle']) $(id).disabled = !story || !!info?.error;
  // Every figure comes from a named source: the importer's placeholder source is for drafts only.
  const draft = (story?.sources ?? []).find((x) => x.id === 'source-not-given');
  const todo = draft ? [
    draft.name === 'Source not given' && 'name the source',
    !draft.link && 'give the address where readers find it',
    /did not name its source/.test(draft.description) && 'say what it is',
  ].filter(Boolean) : [];
  $('unsourced').hidden = !todo.length;
  $('unsourced').replaceChildren(el('p', '', `Before you publish, in step 2: ${todo.join(', ')}.`));
}

async function copy(id) {
  const text = $(id).value;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    $(id).select();
    document.execCommand('copy');
  }
  status('Copied.');
}

// ---- preview ----
let preview = null;
let previewRun = 0;
const radio = (name) => document.querySelector(`input[name="${name}"]:checked`)?.value;

async function drawPreview() {
  const run = (previewRun += 1);
  const box = $('preview');
  const story = publishable();
  const note = $('preview-note');
  if (!story || info?.error) {
    preview?.destroy();
    preview = null;
    box.replaceChildren(el('p', 'muted', story ? 'The preview waits for the story to load (see step 2).' : 'Paste or open data to see it drawn here.'));
    note.textContent = '';
    return;
  }
  let lang = radio('lang');
  note.textContent = '';
  if (lang === 'zh' && !story.languages?.includes('zh')) {
    note.textContent = 'Write every Chinese text (step 2) to preview the story in Chinese; shown in English.';
    lang = 'en';
  }
  const inner = el('div');
  inner.style.width = `${radio('width')}px`;
  const text = JSON.stringify(story);
  const url = new URL('data/editor-preview.json', location.href).href;
  // The page's own way to hand app.js a story it already holds (early.js does it for the page's
  // story): nothing is fetched or stored for the preview.
  globalThis.__datastoryEarly = { url, response: Promise.resolve(new Response(text)), text: Promise.resolve(text), map: Promise.resolve(null) };
  // Drawn in the page, unseen over the one shown, so that its charts are laid out at their width
  // from the first drawing, and the one shown is swapped for it only when it is whole.
  inner.className = 'preview-next';
  box.append(inner);
  const made = await mount(inner, { data: url, theme: radio('theme'), lang, useUrl: false });
  if (run !== previewRun) {
    made?.destroy();
    inner.remove();
    return;
  }
  preview?.destroy();
  preview = made;
  inner.classList.remove('preview-next');
  box.replaceChildren(inner);
}

// ---- the whole page ----
let checking = 0;
/**
 * Remembers the control that has the focus, to give it back once the steps are drawn again: a
 * change is committed as its field is left, so the next field, just focused and perhaps typed
 * in, is drawn again under the reader's hands. Its text so far and its selection go with it.
 */
function keepFocus() {
  const at = document.activeElement;
  if (!at?.id || !at.closest('.editor-main')) return () => {};
  const { id } = at;
  const text = at.tagName === 'TEXTAREA' || (at.tagName === 'INPUT' && !['checkbox', 'radio', 'color', 'file'].includes(at.type));
  const [value, start, end] = text ? [at.value, at.selectionStart, at.selectionEnd] : [];
  return () => {
    const now = document.getElementById(id);
    if (!now || now === document.activeElement) return;
    if (text && now.value !== value) now.value = value;
    now.focus({ preventScroll: true });
    try {
      if (text) now.setSelectionRange(start, end);
    } catch {
      // Fields of some types (url) have no selection to set.
    }
  };
}

async function refresh() {
  const run = (checking += 1);
  const refocus = keepFocus();
  $('undo').disabled = !past.length;
  $('redo').disabled = !future.length;
  drawData();
  refocus();
  if (state.story) {
    try {
      const story = publishable();
      info = await call('editorCheck', story, await mapText(story));
      if (run !== checking) return;
    } catch (e) {
      info = { error: { path: '', message: e.message } };
    }
  } else {
    info = null;
  }
  if (run !== checking) return;
  const again = keepFocus();
  drawDescribe();
  drawVisualize();
  drawPublish();
  showStep(state.step, false);
  again();
  drawPreview().catch((e) => { $('preview').replaceChildren(el('p', 'editor-error', `The preview could not be drawn: ${e.message}`)); });
}

function showStep(step, focus = true) {
  for (const s of STEPS) $(`step-${s}`).hidden = s !== step;
  for (const b of document.querySelectorAll('.steps button')) {
    if (b.dataset.step === step) b.setAttribute('aria-current', 'step'); else b.removeAttribute('aria-current');
  }
  if (focus) $(`step-${step}-h`).focus();
}

function wire() {
  $('use-paste').addEventListener('click', () => useText($('paste').value, 'pasted data'));
  $('paste').addEventListener('paste', (e) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text.length <= LARGE_PASTE) {
      // Read the box once the browser has put the text in, where the cursor was.
      setTimeout(() => useText($('paste').value, 'pasted data'), 0);
      return;
    }
    // A large paste is read, not shown: a text box of megabytes takes the browser seconds to lay
    // out, and the grid shows the table anyway.
    e.preventDefault();
    $('paste').value = '';
    $('paste').placeholder = `${(text.length / 1e6).toFixed(1)} MB pasted: see the grid below.`;
    useText(text, 'pasted data');
  });
  $('open').addEventListener('change', async () => {
    const file = $('open').files?.[0];
    if (file) await useText(await file.text(), file.name);
  });
  const drop = $('step-data');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dropping');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dropping'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('dropping');
    const file = e.dataTransfer?.files?.[0];
    if (file) await useText(await file.text(), file.name);
  });
  // The bundle's example tables, to try the editor on real data.
  const examples = bundle.files.filter((f) => /^data\/examples\/tables\/[^/]+\.csv$/.test(f));
  $('examples').hidden = !examples.length;
  $('example').append(...examples.map((f) => new Option(f.split('/').pop(), f)));
  $('use-example').addEventListener('click', async () => {
    const path = $('example').value;
    try {
      const response = await fetch(path);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await useText(await response.text(), path.split('/').pop());
    } catch (e) {
      showDataError({ message: `The example ${path} could not be fetched (${e.message}); reload the editor and try again.` });
    }
  });
  $('transpose').addEventListener('click', () => {
    // Read afresh: the table is another table now, and the charts made for its old reading would
    // not fit it. Undo brings the story back.
    useGrid(transpose(state.grid), state.name, null).catch((e) => showDataError({ message: e.message }));
  });
  $('data-error').addEventListener('click', () => badCell($('grid'))?.focus());
  $('undo').addEventListener('click', undo);
  $('redo').addEventListener('click', redo);
  let armed = false;
  $('restart').addEventListener('click', () => {
    if (!armed) {
      armed = true;
      $('restart').textContent = 'Press again to clear everything';
      setTimeout(() => { armed = false; $('restart').textContent = 'Start again'; }, 5000);
      return;
    }
    armed = false;
    $('restart').textContent = 'Start again';
    commit({ name: '', grid: null, gridError: null, story: null, afresh: false, zh: {}, step: 'data' });
    $('paste').value = '';
    status('Cleared. Undo brings it back.');
  });
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.target.closest?.('input, textarea, select')) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
    if ((key === 'z' && e.shiftKey) || key === 'y') { e.preventDefault(); redo(); }
  });
  for (const b of document.querySelectorAll('.steps button')) {
    b.addEventListener('click', () => {
      state = { ...state, step: b.dataset.step };
      store();
      showStep(b.dataset.step);
    });
  }
  for (const input of document.querySelectorAll('.preview-tools input')) input.addEventListener('change', () => drawPreview());
  $('download-story').addEventListener('click', () => {
    const story = publishable();
    save([new Blob([`${JSON.stringify(story, null, 2)}\n`], { type: 'application/json' }), `${story.story.id}.json`]);
    status('The story file is downloaded.');
  });
  $('download-bundle').addEventListener('click', async () => {
    const button = $('download-bundle');
    button.disabled = true;
    try {
      const story = publishable();
      const zip = await bundleZip(call, bundle, story, (t) => { $('publish-status').textContent = t; });
      save([new Blob([zip], { type: 'application/zip' }), `${story.story.id}.zip`]);
      $('publish-status').textContent = `The bundle is downloaded (${Math.round(zip.length / 1024)} KB). Unpack it and upload the folder to your host.`;
    } catch (e) {
      $('publish-status').textContent = `The bundle could not be made: ${e.message}`;
    } finally {
      button.disabled = false;
    }
  });
  $('base-url').addEventListener('change', () => {
    state = { ...state, base: $('base-url').value };
    store();
    drawPublish();
  });
  $('copy-iframe').addEventListener('click', () => copy('iframe-code'));
  $('copy-script').addEventListener('click', () => copy('script-code'));
}

wire();
if (!bundle.template) status('This page was not built by `cargo xtask dist`: the bundle cannot be downloaded from it.');
if (restore()) status('Your work was restored from this browser.');
refresh();
