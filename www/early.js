// Page only: starts compiling the engine and fetching the dataset named in the address (and then its map) while the modules load; app.js takes them up.
// The engine's address is the page's own preload of it (dist/ writes one); compiling it now rather
// than when app.js has loaded takes its compile off the way to the first chart.
const engine = document.querySelector('link[rel="preload"][type="application/wasm"]');
if (engine && typeof WebAssembly.compileStreaming === 'function') {
  // On failure app.js loads the engine itself, and reports what goes wrong then.
  globalThis.__datastoryEngine = WebAssembly.compileStreaming(fetch(engine.href)).catch(() => null);
}

const asked = new URLSearchParams(location.search).get('data') ?? 'data/story.json';
let url = null;
try {
  url = new URL(asked, location.href);
} catch {
  // app.js refuses the address with a message.
}
if (url && url.origin === location.origin && /^https?:$/.test(url.protocol)) {
  const response = fetch(url.href);
  // The map is named in the data: ask for it as soon as the data is here. app.js takes this request
  // when it asks for the same address (never a second one, whichever of the two gets there first).
  const map = response
    .then((r) => (r.ok ? r.clone().json() : null))
    .then((data) => {
      if (typeof data?.story?.map !== 'string') return null;
      const at = new URL(data.story.map, url);
      return at.origin === location.origin ? { url: at.href, response: fetch(at.href) } : null;
    })
    // A failed or bad answer is reported by app.js, which reads the same response.
    .catch(() => null);
  globalThis.__datastoryEarly = { url: url.href, response, map };
}
