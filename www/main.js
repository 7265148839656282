// Page entry: mounts the infographic with the options in its URL, reports its height to the host page when framed, and offers the embed snippets.
// First: its requests start before the rest of the modules evaluate. Imported rather than loaded
// by index.html beside this module, so the page's scripts are one file once bundled.
import * as early from './early.js';
import { mount } from './app.js';
import { el, failure } from './dom.js';

// index.html loads this module `async`: it runs as soon as it arrives, before the parser has reached
// the end of the page (the story's data is written there), so that early.js starts compiling the
// engine then. What follows needs the whole page.
await early.parsed;
const params = new URLSearchParams(location.search);
const framed = window.parent !== window;
const main = document.getElementById('story');
const charts = params.get('charts')?.split(',').map((s) => s.trim()).filter(Boolean);

/** Links to this page in each language the story is written in, keeping every other option and the view. */
function languageSwitch(container, app) {
  const offered = [['en', 'English'], ['zh', '中文']].filter(([code]) => app.languages.includes(code));
  if (offered.length < 2) return;
  const nav = document.createElement('nav');
  nav.className = 'language-switch';
  nav.setAttribute('aria-label', app.t('language'));
  for (const [code, name] of offered) {
    const url = new URL(location.href);
    url.searchParams.set('lang', code);
    const a = document.createElement('a');
    a.href = url.search + url.hash;
    a.textContent = name;
    a.lang = code === 'zh' ? 'zh-Hans' : 'en';
    if (code === app.lang) a.setAttribute('aria-current', 'true');
    nav.append(a);
  }
  (container.querySelector('.story-head') ?? container).prepend(nav);
}

/**
 * The "Embed" button. The box it opens, with the snippets (share.js), is fetched on its first click:
 * readers do not embed, and should not fetch its code (1.0 kB gzipped).
 */
function embedButton(container, app) {
  const toggle = el('button', 'embed-toggle', app.t('embed'));
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  const first = () => {
    toggle.removeEventListener('click', first);
    import('./share.js').then(({ embedBox }) => embedBox(container, app, toggle)).catch((err) => {
      toggle.after(failure(app.t, 'embedFailed', err));
      toggle.addEventListener('click', first);
    });
  };
  toggle.addEventListener('click', first);
  (container.querySelector('.story-head') ?? container).append(toggle);
}

let posted = 0;
/** Tells the host page how tall the content is: our namespaced message, and AMP's for amp-iframe. */
function postHeight() {
  // Until the charts are drawn the host keeps the frame's reserved height: posting the height of a
  // loading message would shrink the frame and then grow it again, moving the article twice.
  if (!framed || !main.dataset.ready) return;
  const height = Math.ceil(main.getBoundingClientRect().height);
  if (height === posted || height <= 0) return;
  posted = height;
  window.parent.postMessage({ datastory: { type: 'height', height } }, '*');
  window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
}

if (framed) {
  document.documentElement.classList.add('framed');
  new ResizeObserver(postHeight).observe(main);
}

const app = await mount(main, {
  lang: params.get('lang') ?? undefined,
  data: params.get('data') ?? undefined,
  region: params.get('region') ?? undefined,
  charts,
  theme: ['light', 'dark', 'auto'].includes(params.get('theme')) ? params.get('theme') : 'auto',
  maxWidth: Number(params.get('maxwidth')) > 0 ? Number(params.get('maxwidth')) : undefined,
  useUrl: true,
  standalone: !charts?.length,
  // The table of the picture and table written into the page, which mount() replaces.
  fallbackTable: main.querySelector('.fallback table'),
  onChange: postHeight,
});
const paintBody = () => document.body.classList.toggle('theme-dark', main.dataset.theme === 'dark');
paintBody();
new MutationObserver(paintBody).observe(main, { attributes: true, attributeFilter: ['data-theme'] });
document.documentElement.dataset.ready = main.dataset.ready;
// The icon, in place of index.html's empty one (there so that the browser does not ask for
// /favicon.ico): not before, as parsing it (an SVG document) takes about 15 ms of the main thread,
// which would fall while the charts are drawn.
const icon = document.getElementById('icon')?.content;
if (icon) document.querySelector('link[rel="icon"][href="data:,"]')?.replaceWith(icon);
if (app) {
  document.documentElement.lang = main.lang;
  document.title = app.outline.title;
  if (!framed) {
    embedButton(main, app);
    languageSwitch(main, app);
  }
}
postHeight();
