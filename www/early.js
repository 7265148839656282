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
  globalThis.__datastoryEarly = { url: url.href, response };
  // The map is named in the data: ask for it as soon as the data is here, through a preload that
  // app.js's own request for it then finds.
  response
    .then((r) => (r.ok ? r.clone().json() : null))
    .then((data) => {
      if (typeof data?.story?.map !== 'string') return;
      const map = new URL(data.story.map, url);
      if (map.origin !== location.origin) return;
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = map.href;
      document.head.append(link);
    })
    .catch(() => {
      // A failed or bad answer is reported by app.js, which reads the same response.
    });
}
