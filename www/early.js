// Page only (main.js imports it first): marks the page started, starts compiling the engine and fetching the dataset named in the address (and then its map), or takes the page's own story and map from the page, while the rest of the page's code evaluates; app.js takes them up.
import { engineKind } from './engine.js';

// Our script runs: the stylesheet's wait for it ends, and the page never swaps "Loading" for the
// picture and table it holds for a page whose script was refused (style.css).
document.documentElement.classList.add('started');
/**
 * The engines compiling, by kind (engine.js): compiling one now rather than when app.js has loaded
 * takes its compile off the way to the first chart. dist/ writes the address of each into the page
 * (`data-engine`): the one the page's own story needs as a preload, the other as a meta. Returns the
 * promise of the module (null on failure: app.js then loads the engine itself, and reports what goes
 * wrong), or undefined where the page names no such engine.
 */
const engines = {};
function compile(kind) {
  const at = document.querySelector(`[data-engine="${kind}"]`);
  const href = at?.href ?? at?.content;
  if (href && !engines[kind] && typeof WebAssembly.compileStreaming === 'function') {
    engines[kind] = WebAssembly.compileStreaming(fetch(new URL(href, location.href))).catch(() => null);
  }
  return engines[kind];
}
// app.js asks for the engine its story needs: the one compiling, or compiled at its asking.
globalThis.__datastoryEngine = compile;
const preload = document.querySelector('link[rel="preload"][data-engine]');

/** Settles once the whole page has been parsed (main.js, loaded `async`, may run before). */
export const parsed = document.readyState === 'loading'
  ? new Promise((resolve) => { document.addEventListener('DOMContentLoaded', resolve, { once: true }); })
  : Promise.resolve();

const named = new URLSearchParams(location.search).get('data');
// The preload is the engine of the page's own story; a story given by `?data=` says which it needs.
if (preload && named === null) compile(preload.dataset.engine);
const asked = named ?? 'data/story.json';
let url = null;
try {
  url = new URL(asked, location.href);
} catch {
  // app.js refuses the address with a message.
}
/**
 * The text of a file the build wrote into the page (`<script type="application/json" data-url>`,
 * a data block the browser never runs): the page's own story and its map, which then cost no
 * request. Null for any other address.
 */
function written(href) {
  for (const block of document.querySelectorAll('script[type="application/json"][data-url]')) {
    if (new URL(block.dataset.url, location.href).href === href) return block.textContent;
  }
  return null;
}

/**
 * A request whose body is read as soon as it arrives: app.js then finds the text waiting instead of
 * asking for it from a busy main thread, where reading the map's text waited about 14 ms. A failure
 * is app.js's to report, from `response` or `text`. For a file written into the page, the same
 * shape, answered from the page.
 */
function request(href) {
  // A page given `?data=` asks for the file itself, even the page's own (it may have changed since
  // the build). Otherwise the page's own files are written at its end: looked for once the parser
  // is there, and fetched if they are not.
  const inPage = named === null ? parsed.then(() => written(href)) : Promise.resolve(null);
  const response = inPage.then((t) => (t === null ? fetch(href) : { ok: true, status: 200 }));
  const text = Promise.all([inPage, response]).then(([t, r]) => t ?? (r.ok ? r.text() : null));
  text.catch(() => {});
  return { url: href, response, text };
}
/** A request for the map at `path` (relative to the data, as the data names it), if on this site. */
function mapRequest(path) {
  const at = new URL(path, url);
  return at.origin === location.origin ? request(at.href) : null;
}

if (url && url.origin === location.origin && /^https?:$/.test(url.protocol)) {
  const data = request(url.href);
  // The map is named in the data. For the page's own story the build wrote its name into the page,
  // so it is asked for at once, beside the data; for any other story, as soon as the data is here.
  // app.js takes this request when it asks for the same address (never a second one, whichever of
  // the two gets there first); a map the data does not name is left unused.
  const built = asked === 'data/story.json' && document.querySelector('meta[name="datastory:map"]')?.content;
  // Read here only where the story must say something now (its engine, its map): the page's own
  // story is parsed once, by app.js.
  const story = named !== null || !built ? data.text.then((text) => JSON.parse(text ?? 'null')) : null;
  // A failed or bad answer is app.js's to report; unheard here, it would be logged as unhandled.
  story?.catch(() => {});
  // A story given by `?data=` starts its engine compiling as soon as its data says which it needs.
  // Where that is not the preloaded one, the preload is taken up all the same (its bytes are on
  // their way already), so that the browser does not warn of a preload left unused.
  if (named !== null) {
    story.then((s) => {
      const kind = engineKind(s);
      compile(kind);
      if (preload && preload.dataset.engine !== kind) fetch(preload.href).catch(() => {});
    }).catch(() => {});
  }
  const map = built
    ? Promise.resolve(mapRequest(built))
    : story
      .then((s) => (typeof s?.story?.map === 'string' ? mapRequest(s.story.map) : null))
      // A failed or bad answer is reported by app.js, which takes the same request.
      .catch(() => null);
  globalThis.__datastoryEarly = { ...data, map };
}
