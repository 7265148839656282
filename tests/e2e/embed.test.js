// End to end: the dist/ bundle embedded in a news article, as an iframe and as a script embed, under the strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, BASE_URL, SCREENSHOT_DIR } from './browser.js';

let browser;
before(async () => {
  browser = await launch();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
after(async () => { await browser?.close(); });

const origin = new URL(BASE_URL).origin;

/** Opens `path` recording console errors, CSP violations (in every frame), requests and layout shifts. */
async function openArticle(path, { width = 1280, height = 900, dpr = 1, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, javaScriptEnabled });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.__shifts = 0;
    window.__shiftLog = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__shifts += e.value;
        const what = (e.sources ?? []).map((s) => `${s.node?.nodeName ?? '?'}${s.node?.id ? `#${s.node.id}` : ''} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`);
        window.__shiftLog.push(`${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${what.join('; ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
    window.__streaming = 0;
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...args) => { window.__streaming += 1; return streaming.apply(WebAssembly, args); };
  });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(new URL(path, BASE_URL).href);
  return { page, context, errors, requests };
}

/** Scrolls through the whole page at a brisk reading pace (300 px every quarter second), so lazy embeds load. */
async function readThrough(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 300) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  await page.waitForFunction(() => document.querySelector('region-infographic')?.dataset.ready === 'true', null, { timeout: 30000 });
}

const storyFrame = (page) => page.frames().find((f) => f.url().includes('index.html'));

/** The iframe's height against the height of what it shows. */
async function frameFit(page) {
  const frame = storyFrame(page);
  await frame.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.waitForFunction(async () => {
    const f = document.getElementById('story-frame');
    await new Promise((r) => setTimeout(r, 200));
    return f.getBoundingClientRect().height > 1000;
  });
  const content = await frame.evaluate(() => ({
    main: document.getElementById('story').getBoundingClientRect().height,
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
  }));
  const outer = await page.$eval('#story-frame', (f) => f.getBoundingClientRect().height);
  return { ...content, outer };
}

for (const width of [375, 1280]) {
  test(`the article at ${width}px: both embeds work, fit, keep their styles apart, stay on the site and do not shift the page`, async () => {
    const { page, context, errors, requests } = await openArticle('article.html', { width, dpr: 2 });
    await readThrough(page);
    // The iframe is exactly as tall as its content: no inner scrollbar, nothing clipped.
    let fit = await frameFit(page);
    assert.ok(Math.abs(fit.outer - fit.main) <= 2, `iframe ${fit.outer}px for ${fit.main}px of content`);
    assert.ok(fit.scroll <= fit.client + 1, `the iframe scrolls inside (${fit.scroll} > ${fit.client})`);

    // Selecting a region inside the iframe keeps the fit, and the frame is interactive.
    const frame = storyFrame(page);
    await frame.click('.region-button[data-region="liaoning"]');
    await frame.waitForFunction(() => location.hash === '#region=liaoning');
    await page.waitForTimeout(400);
    fit = await frameFit(page);
    assert.ok(Math.abs(fit.outer - fit.main) <= 2, `after selecting: iframe ${fit.outer}px for ${fit.main}px`);

    // The script embed is interactive: hovering its column shows a tooltip inside its shadow root.
    const host = await page.$('region-infographic');
    await host.scrollIntoViewIfNeeded();
    // Let the scroll finish (a scroll hides tooltips) before pointing, as a reader would.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Point at Jilin's colour where the reader sees a column.
    const data = await (await fetch(new URL('data/story.json', BASE_URL))).json();
    const jilin = data.regions.find((r) => r.id === 'jilin').color;
    const spot = await page.evaluate(([h, hex]) => {
      const [cr, cg, cb] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const c = h.shadowRoot.querySelector('canvas');
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const r = c.getBoundingClientRect();
      const scale = c.width / r.width;
      for (let y = 0; y < c.height; y += 4) {
        for (let x = 0; x < c.width; x += 4) {
          const i = (y * c.width + x) * 4;
          if (px[i] === cr && px[i + 1] === cg && px[i + 2] === cb) return { x: r.left + x / scale + 4, y: r.top + y / scale + 8 };
        }
      }
      return null;
    }, [host, jilin]);
    assert.ok(spot, 'no column drawn in the script embed');
    await page.mouse.move(spot.x, spot.y);
    await page.waitForFunction((h) => !h.shadowRoot.querySelector('.tooltip').hidden, host);
    assert.match(await page.evaluate((h) => h.shadowRoot.querySelector('.tooltip').textContent, host), /6\.3%|5\.7%/);

    // No CSS crosses the shadow boundary either way.
    const inside = await page.evaluate((h) => {
      const s = h.shadowRoot;
      const cs = (el) => getComputedStyle(el);
      return {
        font: cs(s.querySelector('.story')).fontFamily,
        letterSpacing: cs(s.querySelector('.story')).letterSpacing,
        canvasOutline: cs(s.querySelector('canvas')).outlineStyle,
        button: cs(s.querySelector('.region-button')).backgroundColor,
        heading: cs(s.querySelector('h2')).textTransform,
      };
    }, host);
    assert.match(inside.font, /system-ui/);
    assert.equal(inside.letterSpacing, 'normal');
    assert.equal(inside.canvasOutline, 'none');
    assert.equal(inside.button, 'rgba(0, 0, 0, 0)');
    assert.equal(inside.heading, 'none');
    const outside = await page.evaluate(() => ({
      p: getComputedStyle(document.querySelector('article p:not(.note):not(.section-label):not(.standfirst)')).fontFamily,
      h1: getComputedStyle(document.querySelector('h1')).fontFamily,
      body: getComputedStyle(document.body).backgroundColor,
    }));
    assert.match(outside.p, /Georgia/);
    assert.match(outside.h1, /Georgia/);
    assert.equal(outside.body, 'rgb(251, 248, 243)');

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `article-${width}-dpr2.png`), fullPage: true });

    const violations = [];
    for (const f of page.frames()) violations.push(...await f.evaluate(() => window.__violations ?? []));
    assert.deepEqual(violations, [], 'CSP violations');
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')), [], 'requests left the site');
    assert.equal(await page.evaluate(() => window.__shifts), 0, `the article shifted: ${await page.evaluate(() => window.__shiftLog.join(' | '))}`);
    assert.ok(await page.evaluate(() => window.__streaming) >= 1 || await storyFrame(page).evaluate(() => window.__streaming) >= 1,
      'the wasm was not compiled with streaming instantiation');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the script embed fetches the engine only when it nears the viewport', async () => {
  const { page, context, requests } = await openArticle('article.html', { width: 375, height: 700 });
  await page.waitForTimeout(1500);
  const appFromMain = () => requests.filter((u) => /\/assets\/app-[0-9a-f]+\.js$/.test(u));
  const before = await page.evaluate(() => document.querySelector('region-infographic').dataset.ready);
  assert.equal(before, undefined, 'the embed far below the fold is already drawn');
  const early = appFromMain().length;
  await page.evaluate(() => document.querySelector('region-infographic').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('region-infographic').dataset.ready === 'true');
  assert.ok(appFromMain().length > early, 'no engine request when the embed came into view');
  await context.close();
});

test('several script embeds on one page are independent', async () => {
  const { page, context, errors } = await openArticle('article.html', { width: 1280 });
  await page.evaluate(() => {
    const second = document.createElement('region-infographic');
    second.id = 'second';
    second.setAttribute('src', 'data/story.json');
    second.setAttribute('charts', 'map');
    document.querySelector('article').prepend(second);
  });
  await page.waitForFunction(() => document.getElementById('second').dataset.ready === 'true');
  const first = await page.$('region-infographic:not(#second)');
  await first.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('region-infographic:not(#second)').dataset.ready === 'true');
  const second = await page.$('#second');
  // Select Heilongjiang in the second one by its name; the first keeps Jilin.
  await page.evaluate((h) => h.shadowRoot.querySelector('canvas').focus(), second);
  await page.keyboard.press('Enter');
  const selected = (h) => page.evaluate((x) => x.shadowRoot.querySelector('.story').classList.contains('has-selection'), h);
  assert.equal(await selected(second), true);
  assert.equal(await page.evaluate((h) => h.shadowRoot.querySelector('.region-button[aria-pressed="true"]')?.dataset.region, first), 'jilin');
  await page.keyboard.press('Escape');
  assert.equal(await selected(second), false);
  assert.equal(await page.evaluate((h) => h.shadowRoot.querySelector('.region-button[aria-pressed="true"]')?.dataset.region, first), 'jilin', 'Esc in one embed cleared the other');
  assert.equal(await page.evaluate(() => location.hash), '', 'an embed wrote to the article’s URL');
  assert.deepEqual(errors, []);
  await context.close();
});

test('iframe options: one chart, dark theme, a maximum width, an initial region', async () => {
  const { page, context, errors } = await openArticle('index.html?charts=jilin-auto-sales&theme=dark&maxwidth=600&region=heilongjiang', { width: 1280 });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await page.$$eval('figure.chart', (f) => f.length), 1);
  assert.equal(await page.$eval('#story', (m) => m.dataset.theme), 'dark');
  assert.ok(await page.$eval('#story', (m) => m.getBoundingClientRect().width) <= 600);
  assert.equal(await page.$$eval('h1', (h) => h.filter((x) => x.textContent).length), 0, 'a one-chart embed repeats the story title');
  const corner = await page.$eval('figure.chart canvas', (c) => Array.from(c.getContext('2d').getImageData(c.width - 2, 2, 1, 1).data.slice(0, 3)));
  assert.deepEqual(corner, [18, 18, 18], 'the chart is not drawn on the dark background');
  assert.equal(await page.$eval('.region-button[aria-pressed="true"]', (b) => b.dataset.region).catch(() => null), null, 'Heilongjiang has no section here, so no section button is pressed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Embed button gives both snippets for the current view', async () => {
  const { page, context } = await openArticle('index.html#region=jilin', { width: 1280 });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.click('.embed-toggle');
  // The box's code is fetched on this first click; reading its fields waits for it.
  const iframe = await page.inputValue('#embed-iframe');
  assert.equal(await page.getAttribute('.embed-toggle', 'aria-expanded'), 'true', 'the first click does not open the box');
  const element = await page.inputValue('#embed-element');
  assert.match(iframe, /<iframe src="[^"]*index\.html\?region=jilin"/);
  // Its own origin, so that a host sending no CORS headers serves it (hosting.test.js), and its downloads.
  assert.match(iframe, /sandbox="allow-scripts allow-same-origin allow-downloads"/);
  assert.match(iframe, /loading="lazy"/);
  assert.match(iframe, /<script src="[^"]*embed\.js" defer><\/script>/);
  assert.match(element, /<region-infographic src="[^"]*data\/story\.json" region="jilin">/);
  assert.match(element, /<img src="[^"]*fallback\/northeast-china\.svg"/);
  // The snippets follow the view.
  await page.click('.region-button[data-region="liaoning"]');
  // The box refreshes in a task after the click (once the view has changed): wait for it as a reader would.
  const follows = () => /region="liaoning"/.test(document.querySelector('#embed-element').value);
  await page.waitForFunction(follows, null, { timeout: 5000 }).catch(() => {});
  assert.match(await page.inputValue('#embed-element'), /region="liaoning"/);
  await context.close();
});

test('the Embed box of a story given by ?data= names its file and no picture of another story', async () => {
  const { page, context } = await openArticle('index.html?data=data/examples/us-employment.json', { width: 1280 });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.click('.embed-toggle');
  const element = await page.inputValue('#embed-element');
  assert.match(element, /<region-infographic src="[^"]*data\/examples\/us-employment\.json">/);
  assert.doesNotMatch(element, /<img/, 'the bundle has a picture of its own story only');
  assert.match(await page.inputValue('#embed-iframe'), /index\.html\?data=data%2Fexamples%2Fus-employment\.json"/);
  await context.close();
});

test('an Embed box whose code cannot be fetched says so, and after a reload the box comes', async () => {
  const { page, context } = await openArticle('index.html', { width: 1280 });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.route(/\/share[^/]*\.js$/, (route) => route.abort('connectionfailed'));
  await page.click('.embed-toggle');
  const alert = page.locator('.story-head [role="alert"]');
  await alert.waitFor({ timeout: 5000 });
  assert.match(await alert.textContent(), /embed code could not be loaded.*reload the page to try again/i);
  // A module that failed to load stays failed in Chromium until the page is loaded again.
  await page.unroute(/\/share[^/]*\.js$/);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.click('.embed-toggle');
  await page.waitForSelector('#embed-element', { timeout: 5000 });
  assert.match(await page.inputValue('#embed-element'), /<region-infographic src="[^"]*data\/story\.json"/);
  await context.close();
});

test('without JavaScript the page shows the picture and the table of figures', async () => {
  const { page, context } = await openArticle('index.html', { width: 375, javaScriptEnabled: false });
  await page.waitForLoadState('load');
  const img = await page.$eval('noscript ~ *, .fallback img, main img', (i) => ({ w: i.naturalWidth, alt: i.alt })).catch(() => null);
  // Without script, noscript content is rendered as real elements.
  const shown = await page.evaluate(() => {
    const i = document.querySelector('main img');
    return i ? { w: i.naturalWidth, alt: i.alt, table: document.querySelector('main table')?.textContent ?? '' } : null;
  });
  assert.ok(shown || img, 'no fallback picture');
  assert.ok(shown.w > 0, 'the fallback picture did not load');
  assert.match(shown.table, /more than 200 countries and regions/);
  assert.match(shown.table, /nearly half/);
  // The page's first paint says it is loading; without script that would be a promise never kept.
  assert.equal(await page.isVisible('.status'), false, 'the page says "Loading" with no script to load anything');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'no-script-375.png') });
  await context.close();
});

test('the fallback picture is SVG drawn by the same code, with the charts’ words', async () => {
  const response = await fetch(new URL('fallback/northeast-china.svg', BASE_URL));
  assert.equal(response.status, 200);
  const svg = await response.text();
  for (const words of ['Heilongjiang trades with', '60 times', '6.3%', 'Nearly half', 'More than']) {
    assert.ok(svg.includes(words), `the picture lacks “${words}”`);
  }
  assert.ok(!/(href|src)="https?:/.test(svg), 'the picture loads something from elsewhere');
});

test('when the data fails to load, the page still gives the figures as a table', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/data/story.json', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  await page.goto(new URL('/?data=data/story.json', BASE_URL).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'error');
  const text = await page.textContent('[role=alert]');
  assert.match(text, /HTTP 503/);
  assert.match(text, /more than 1\.23 billion tons/);
  await context.close();
});

test('the server sends the strict policy and assets carry content hashes', async () => {
  const response = await fetch(BASE_URL);
  assert.equal(response.headers.get('content-security-policy'),
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:");
  const html = await response.text();
  const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => u.startsWith('assets/'));
  assert.ok(assets.length >= 3, `too few assets: ${assets}`);
  for (const a of assets) assert.match(a, /-[0-9a-f]{10}\.(js|css|svg|wasm)$/);
  assert.ok(!/(?:src|href)="(?:https?:)?\/\//.test(html), 'the page loads something from another site');
  const embed = await (await fetch(new URL('embed.js', BASE_URL))).text();
  assert.match(embed, /assets\/app-[0-9a-f]{10}\.js/);
});

test('the bundle works unchanged under a deep path prefix', { skip: !process.env.PREFIXED_URL && 'PREFIXED_URL is not set (cargo xtask test sets it)' }, async () => {
  const base = process.env.PREFIXED_URL;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(new URL('article.html', base).href);
  await page.evaluate(() => document.querySelector('region-infographic').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('region-infographic').dataset.ready === 'true');
  const frame = page.frames().find((f) => f.url().includes('index.html'));
  await frame.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.deepEqual(failed, []);
  // And nothing exists outside the prefix, so a root-relative URL would have failed above.
  assert.equal((await fetch(new URL('/index.html', base))).status, 404);
  await context.close();
});
