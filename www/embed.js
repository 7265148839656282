// For host pages: defines <region-infographic> (the script embed: a shadow root, loaded when it nears the viewport, showing the picture it holds when it cannot start) and sizes this infographic's iframes from their height messages.
(() => {
  const script = document.currentScript;
  const base = new URL('.', script ? script.src : document.baseURI);
  // `cargo xtask dist` rewrites these two names to their content-hashed files.
  const APP = 'app.js';
  const STYLE = 'style.css';

  if (!window.__datastoryResizer) {
    window.__datastoryResizer = true;
    const sized = new WeakSet();
    // Only the frame that sent a message is resized: it is found by its window, never by what the message claims.
    window.addEventListener('message', (e) => {
      const d = e.data;
      let height = null;
      if (d && typeof d === 'object' && d.datastory && d.datastory.type === 'height') height = d.datastory.height;
      else if (d && typeof d === 'object' && d.sentinel === 'amp' && d.type === 'embed-size') height = d.height;
      if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0 || height > 50000) return;
      for (const frame of document.getElementsByTagName('iframe')) {
        if (frame.contentWindow === e.source) {
          frame.style.height = `${Math.ceil(height)}px`;
          sized.add(frame);
        }
      }
    });
    // A frame of ours sandboxed without allow-same-origin has no origin of its own: a host that sends
    // no Access-Control-Allow-Origin refuses it the graphic's code, and it shows its picture and table
    // instead (index.html). The one who pasted it is told why, here.
    for (const frame of document.querySelectorAll('iframe[sandbox]')) {
      if (!frame.src.startsWith(base.href) || frame.sandbox.contains('allow-same-origin')) continue;
      frame.addEventListener('load', () => setTimeout(() => {
        if (!sized.has(frame)) {
          console.warn(`The graphic in this iframe could not start: ${frame.src} is sandboxed without allow-same-origin, and its host sends no Access-Control-Allow-Origin header. Add allow-same-origin to the iframe's sandbox attribute, or have the host send that header.`, frame);
        }
      }, 6000), { once: true });
    }
  }

  if (customElements.get('region-infographic')) return;

  /** Where an attribute's data file lives: relative to this script, and on its site only. */
  function dataUrl(asked) {
    const url = new URL(asked || 'data/story.json', base);
    if (url.origin !== base.origin) throw new Error(`“${asked}” is not on the infographic’s own site.`);
    return url.href;
  }

  class RegionInfographic extends HTMLElement {
    connectedCallback() {
      if (this.started) return;
      this.started = true;
      // Each connection is one life; a mount that finishes after its life ended is dropped.
      this.life = (this.life ?? 0) + 1;
      const life = this.life;
      // Taken out and put back (a page that rebuilds its article), the embed starts afresh.
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(STYLE, base).href;
      const container = document.createElement('div');
      container.className = 'story embed';
      const status = document.createElement('p');
      status.className = 'status';
      status.textContent = 'Loading the figures…';
      container.append(status);
      // What the element holds (the snippet's picture), shown while the graphic cannot be.
      const held = document.createElement('div');
      held.hidden = true;
      held.append(document.createElement('slot'));
      root.replaceChildren(link, container, held);
      // Hold the space the graphic will take, so the article does not jump when it arrives.
      const reserve = Number(this.getAttribute('height')) || 480;
      this.style.setProperty('min-height', `${reserve}px`);
      const start = () => this.start(container, held, life);
      if (!('IntersectionObserver' in window)) {
        start();
        return;
      }
      // The engine is fetched only when the embed comes near the viewport.
      const io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          start();
        }
      }, { rootMargin: '1200px 0px' });
      io.observe(this);
      this.io = io;
    }

    /** Removed from the page: stop watching, and let go of the window so the story can be freed. */
    disconnectedCallback() {
      this.io?.disconnect();
      this.app?.destroy();
      this.app = null;
      this.started = false;
      this.life += 1;
    }

    async start(container, held, life) {
      const charts = (this.getAttribute('charts') || '').split(',').map((s) => s.trim()).filter(Boolean);
      const theme = this.getAttribute('theme');
      let data;
      try {
        data = dataUrl(this.getAttribute('src'));
      } catch (err) {
        container.textContent = `This graphic could not be shown. ${err.message}`;
        container.setAttribute('role', 'alert');
        this.dataset.ready = 'error';
        return;
      }
      // A host that has not answered in 4 s: the picture is on show until the charts come.
      const slow = setTimeout(() => { held.hidden = false; }, 4000);
      let mount;
      try {
        ({ mount } = await import(new URL(APP, base).href));
      } catch (err) {
        clearTimeout(slow);
        // Most often the graphic is on another site than the article, and that site does not let
        // its module be used here (or the network failed).
        const message = document.createElement('p');
        message.className = 'story-error';
        message.setAttribute('role', 'alert');
        message.textContent = `The interactive graphic could not start here, so here is its picture. For the publisher: its code did not load (${err.message}). If the graphic is on another site than this page, that site must send the header Access-Control-Allow-Origin: * with its files; otherwise reload the page to try again.`;
        container.replaceChildren(message);
        held.hidden = false;
        this.dataset.ready = 'error';
        this.style.removeProperty('min-height');
        return;
      }
      const app = await mount(container, {
        data,
        base: base.href,
        region: this.getAttribute('region') || undefined,
        lang: this.getAttribute('lang') || undefined,
        charts,
        theme: ['light', 'dark', 'auto'].includes(theme) ? theme : 'auto',
        maxWidth: Number(this.getAttribute('maxwidth')) > 0 ? Number(this.getAttribute('maxwidth')) : undefined,
        useUrl: false,
        standalone: charts.length === 0,
      });
      clearTimeout(slow);
      // Removed while it was loading: nothing is left to show it in.
      if (life !== this.life || !this.started) {
        app?.destroy();
        return;
      }
      // Drawn, the picture goes; not drawn (its engine or data refused), it stays beside the message.
      held.hidden = Boolean(app);
      this.app = app;
      this.dataset.ready = container.dataset.ready;
      this.style.removeProperty('min-height');
    }
  }

  customElements.define('region-infographic', RegionInfographic);
})();
