// The "Embed" box, fetched on the first click of its button: both embed snippets for the current view, ready to copy.


/** HTML-escapes a value placed in an attribute of a snippet. */
const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The two snippets for the view `state` of the page at `pageUrl` with title `title` and height
 * `height`, with the page's options `params`; `picture` is the address (beside the page) of the
 * story's picture for readers without JavaScript, or null where the bundle has none for it.
 */
export function snippets(pageUrl, state, title, height, params, picture) {
  const base = new URL('.', pageUrl);
  const page = new URL(pageUrl);
  const query = new URLSearchParams();
  for (const key of ['data', 'charts', 'theme', 'maxwidth', 'lang']) if (params.get(key)) query.set(key, params.get(key));
  if (state.region) query.set('region', state.region);
  page.search = query.toString();
  page.hash = '';
  const embedJs = new URL('embed.js', base).href;
  // The frame keeps its own origin (allow-same-origin): sandboxed without it, its origin is opaque,
  // so its module and wasm are cross-origin requests that a host sending no
  // Access-Control-Allow-Origin (S3, nginx and Apache as installed, most static hosts) refuses, and
  // the frame shows its stand-in picture. With it the sandbox still denies top navigation, popups,
  // forms and dialogs, which is worth keeping when the graphic is on another site than the article
  // (a graphics or CDN host); on the article's own site the frame could lift its sandbox, but its
  // code is the same the script embed runs unsandboxed. allow-downloads: its PNG, SVG and CSV.
  const iframe = `<iframe src="${attr(page.href)}" title="${attr(title)}" width="100%" height="${height}" frameborder="0" scrolling="no" loading="lazy" sandbox="allow-scripts allow-same-origin allow-downloads"></iframe>\n<script src="${attr(embedJs)}" defer></script>`;
  const data = new URL(params.get('data') || 'data/story.json', base).href;
  const options = [`src="${attr(data)}"`];
  if (state.region) options.push(`region="${attr(state.region)}"`);
  for (const key of ['charts', 'theme', 'maxwidth', 'lang']) if (params.get(key)) options.push(`${key}="${attr(params.get(key))}"`);
  const img = picture ? `<img src="${attr(new URL(picture, base).href)}" alt="${attr(title)}" width="640">` : '';
  const element = `<script src="${attr(embedJs)}" defer></script>\n<region-infographic ${options.join(' ')}>${img}</region-infographic>`;
  return { iframe, element };
}

/** The box with both snippets, under the "Embed" button `toggle` (made by main.js), open. */
export function embedBox(container, app, toggle) {
  const { t } = app;
  const box = Object.assign(document.createElement('div'), { className: 'embed-box', id: 'embed-box' });
  toggle.setAttribute('aria-controls', box.id);

  const field = (label, name) => {
    const id = `embed-${name}`;
    // Text from the shell's words only, and as textContent.
    const l = Object.assign(document.createElement('label'), { textContent: label, htmlFor: id });
    const area = Object.assign(document.createElement('textarea'), { id, readOnly: true, rows: 4 });
    const copy = Object.assign(document.createElement('button'), { className: 'copy-button', type: 'button', textContent: t('copy') });
    copy.addEventListener('click', async () => {
      area.select();
      try {
        await navigator.clipboard.writeText(area.value);
        copy.textContent = t('copied');
      } catch {
        // Without clipboard access the text stays selected for Ctrl-C.
        copy.textContent = t('copyByHand');
      }
    });
    box.append(l, area, copy);
    return area;
  };
  box.append(Object.assign(document.createElement('p'), { textContent: t('embedIntro') }));
  const iframe = field(t('iframe'), 'iframe');
  const element = field(t('element'), 'element');

  const refresh = () => {
    const params = new URLSearchParams(location.search);
    // dist/ draws a picture of the page's own story (`fallback/<id>.svg`); a story given by
    // `?data=` has none in the bundle.
    const picture = params.get('data') ? null : `fallback/${app.story.storyId()}.svg`;
    const s = snippets(location.href, app.view.state(), app.outline.title, Math.ceil(container.getBoundingClientRect().height), params, picture);
    iframe.value = s.iframe;
    element.value = s.element;
  };
  const show = (open) => {
    box.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) refresh();
  };
  toggle.addEventListener('click', () => show(box.hidden));
  // The view changes with clicks and keys in the infographic; an open box follows it.
  // Listened to in the capture phase (the charts stop their clicks), read once the view has changed.
  for (const type of ['click', 'keyup']) {
    container.addEventListener(type, () => { if (!box.hidden) setTimeout(refresh, 0); }, true);
  }
  toggle.after(box);
  show(true);
}
