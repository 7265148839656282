// For host pages: defines <region-infographic> (the script embed: a shadow root, loaded when it nears the viewport) and sizes this infographic's iframes from their height messages.
(() => {
  const script = document.currentScript;
  const base = new URL('.', script ? script.src : document.baseURI);
  // `cargo xtask dist` rewrites these two names to their content-hashed files.
  const APP = 'app.js';
  const STYLE = 'style.css';

  if (!window.__datastoryResizer) {
    window.__datastoryResizer = true;
    // Only the frame that sent a message is resized: it is found by its window, never by what the message claims.
    window.addEventListener('message', (e) => {
      const d = e.data;
      let height = null;
      if (d && typeof d === 'object' && d.datastory && d.datastory.type === 'height') height = d.datastory.height;
      else if (d && typeof d === 'object' && d.sentinel === 'amp' && d.type === 'embed-size') height = d.height;
      if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0 || height > 50000) return;
      for (const frame of document.getElementsByTagName('iframe')) {
        if (frame.contentWindow === e.source) frame.style.height = `${Math.ceil(height)}px`;
      }
    });
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
      root.replaceChildren(link, container);
      // Hold the space the graphic will take, so the article does not jump when it arrives.
      const reserve = Number(this.getAttribute('height')) || 480;
      this.style.setProperty('min-height', `${reserve}px`);
      const start = () => this.start(container, life);
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

    async start(container, life) {
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
      let mount;
      try {
        ({ mount } = await import(new URL(APP, base).href));
      } catch (err) {
        container.textContent = `This graphic could not be shown: its code did not load (${err.message}). Reload the page to try again.`;
        container.setAttribute('role', 'alert');
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
      // Removed while it was loading: nothing is left to show it in.
      if (life !== this.life || !this.started) {
        app?.destroy();
        return;
      }
      this.app = app;
      this.dataset.ready = container.dataset.ready;
      this.style.removeProperty('min-height');
    }
  }

  customElements.define('region-infographic', RegionInfographic);
})();
