// End to end: the bundle as hosts serve it. On a plain static host (Python's http.server: no CORS headers, no policy, no compression, as S3 or nginx and Apache as installed) every embed draws, or shows its picture and table with what the host must change, never "Loading" for ever; `cargo xtask serve` compresses as a host would, and serves every dataset of data/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, plainServer, BASE_URL, SCREENSHOT_DIR } from './browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let browser;
let server;
let plain;
/** A news site's articles, on another site than the graphic: path → HTML, served by the test itself. */
const articles = new Map();
const news = createServer((req, res) => {
  const body = articles.get(req.url);
  res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(body ?? 'not found');
});
let NEWS;
before(async () => {
  await new Promise((resolve) => { news.listen(0, '127.0.0.1', resolve); });
  // Another port, so another origin, on loopback like the graphic's host (a page on the public
  // internet may not fetch from a loopback address).
  NEWS = `http://127.0.0.1:${news.address().port}/`;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  ({ url: plain, server } = await plainServer(join(ROOT, 'dist')));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.kill();
  news.close();
});

/** A page at `width` px recording console messages; `pages` are the news site's articles to serve (path → HTML). */
async function openPage(url, { width = 1280, dpr = 1, pages = {} } = {}) {
  for (const [path, body] of Object.entries(pages)) articles.set(`/${path}`, body);
  const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: dpr, acceptDownloads: true });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
  await page.goto(url);
  return { page, context, messages };
}

/** An article of the news site around `embed`, with text enough above it to scroll. */
const article = (embed) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title><link rel="icon" href="data:,"></head>
<body><h1>An article</h1><p>Text.</p>${embed}<p>More text.</p></body></html>`;

/** What an iframe of the infographic shows: `drawn`, `fallback` (its picture and table), `running` (its script started) or `loading`. */
const frameState = (frame) => frame.evaluate(() => {
  const html = document.documentElement;
  if (html.dataset.ready === 'true') return 'drawn';
  const fallback = document.querySelector('.fallback');
  if (fallback && getComputedStyle(fallback).display !== 'none') return 'fallback';
  return html.classList.contains('started') ? 'running' : 'loading';
});

/** Whether "Loading the figures…" is on show in `root` (a frame, or a page with shadow roots). */
const loadingShown = (frame) => frame.evaluate(() => {
  const roots = [document, ...[...document.querySelectorAll('region-infographic')].map((e) => e.shadowRoot).filter(Boolean)];
  return roots.some((r) => [...r.querySelectorAll('.status')].some((s) => s.textContent.startsWith('Loading') && s.checkVisibility()));
});

const FIVE_SECONDS = 5000;

/** The frame of `page` showing the infographic's page, once it has loaded (frames load lazily). */
async function storyFrame(page) {
  for (let tries = 0; tries < 300; tries += 1) {
    const frame = page.frames().find((f) => /\/index\.html/.test(f.url()));
    if (frame) {
      await frame.waitForLoadState('load');
      return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no frame of the infographic loaded');
}

for (const width of [375, 1280]) {
  test(`the demonstration article on a plain static host at ${width}px: every embed draws, none says "Loading" after 5 s`, async () => {
    const { page, context, messages } = await openPage(`${plain}article.html`, { width });
    // Each embed is brought into view, as a reader scrolling would (both load lazily).
    await (await page.$('#story-frame')).scrollIntoViewIfNeeded();
    const frame = await storyFrame(page);
    await page.waitForTimeout(FIVE_SECONDS);
    // Five seconds on, the frame has drawn, shows its fallback, or its script runs (then it draws):
    // what it may never be is still waiting for a script that was refused.
    assert.notEqual(await frameState(frame), 'loading', 'the iframe still says "Loading" 5 s after it loaded');
    await frame.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 30000 });
    assert.equal(await frameState(frame), 'drawn', 'the iframe of the article does not draw on a plain host');

    const element = await page.$('region-infographic');
    await element.scrollIntoViewIfNeeded();
    await page.waitForTimeout(FIVE_SECONDS);
    assert.equal(await loadingShown(page), false, 'the script embed still says "Loading" 5 s after it came into view');
    await page.waitForFunction(() => document.querySelector('region-infographic').dataset.ready !== undefined, null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => document.querySelector('region-infographic').dataset.ready), 'true');
    assert.equal(await loadingShown(frame), false);
    assert.deepEqual(messages.filter((m) => m.startsWith('error') || m.startsWith('pageerror')), []);
    await context.close();
  });
}

test('the iframe snippet the Embed button offers works on a plain static host, from another site, downloads included', async () => {
  const top = await openPage(`${plain}index.html#region=jilin`, { width: 1280 });
  await top.page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  await top.page.click('.embed-toggle');
  const snippet = await top.page.inputValue('#embed-iframe');
  await top.context.close();
  assert.match(snippet, /sandbox="allow-scripts allow-same-origin allow-downloads"/);

  const { page, context, messages } = await openPage(`${NEWS}story.html`, { width: 375, pages: { 'story.html': article(snippet) } });
  await (await page.$('iframe')).scrollIntoViewIfNeeded();
  const frame = await storyFrame(page);
  await frame.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 30000 });
  assert.equal(await frameState(frame), 'drawn');
  const selected = () => document.querySelector('.region-button[aria-pressed="true"]')?.dataset.region;
  await frame.waitForFunction(selected, null, { timeout: 5000 }).catch(() => {});
  assert.equal(await frame.evaluate(selected), 'jilin', 'the snippet lost the view it was made for');
  // embed.js, from the plain host, fits the frame to what it shows.
  const content = await frame.evaluate(() => Math.ceil(document.getElementById('story').getBoundingClientRect().height));
  await page.waitForFunction((h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 2, content, { timeout: 10000 }).catch(() => {});
  const outer = await page.$eval('iframe', (f) => f.getBoundingClientRect().height);
  assert.ok(Math.abs(outer - content) <= 2, `the frame is ${outer}px tall for ${content}px of graphic`);
  // A reader's download from inside the frame reaches them.
  const figure = frame.locator('figure.chart').first();
  await figure.scrollIntoViewIfNeeded();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), figure.locator('.download-button', { hasText: 'CSV' }).click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  assert.deepEqual(messages.filter((m) => m.startsWith('error') || m.startsWith('pageerror')), []);
  await context.close();
});

for (const [width, dpr] of [[375, 2], [1280, 1]]) {
  test(`an iframe pasted with the old sandbox="allow-scripts" on a plain host shows its picture and table and says what to change, at ${width}px`, async () => {
    const old = `<iframe src="${plain}index.html" title="Graphic" width="100%" height="600" frameborder="0" scrolling="no" loading="lazy" sandbox="allow-scripts"></iframe>\n<script src="${plain}embed.js" defer></script>`;
    const { page, context, messages } = await openPage(`${NEWS}old.html`, { width, dpr, pages: { 'old.html': article(old) } });
    const frame = await storyFrame(page);
    await page.waitForTimeout(FIVE_SECONDS);
    assert.equal(await frameState(frame), 'fallback', 'the frame shows neither the charts nor its fallback 5 s on');
    assert.equal(await loadingShown(frame), false, 'the frame still says "Loading"');
    const shown = await frame.evaluate(() => {
      const img = document.querySelector('.fallback img');
      const box = document.querySelector('.fallback');
      const visible = [...box.querySelectorAll('.notice')].filter((n) => n.checkVisibility()).map((n) => n.textContent);
      // Scrolled to its end inside the frame, its last row can be read: nothing is cut off.
      box.scrollTop = box.scrollHeight;
      const last = box.querySelector('tbody tr:last-child').getBoundingClientRect();
      return { picture: img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().height > 100, notices: visible, table: box.querySelector('table').textContent, lastRowFits: last.bottom <= innerHeight && last.height > 0 };
    });
    assert.ok(shown.picture, 'the fallback picture did not load');
    assert.equal(shown.notices.length, 1);
    assert.match(shown.notices[0], /could not start here/);
    assert.match(shown.notices[0], /allow-same-origin/);
    assert.match(shown.notices[0], /Access-Control-Allow-Origin/);
    assert.match(shown.table, /more than 200 countries and regions/);
    assert.ok(shown.lastRowFits, 'the end of the table cannot be reached inside the frame');
    await frame.evaluate(() => { document.querySelector('.fallback').scrollTop = 0; });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `plain-host-old-iframe-${width}-dpr${dpr}.png`) });
    // The article's own script says why, in the console, for the one who pasted it.
    const warned = await new Promise((resolve) => {
      const found = () => messages.some((m) => m.startsWith('warning') && /sandboxed without allow-same-origin/.test(m));
      if (found()) { resolve(true); return; }
      const timer = setTimeout(() => resolve(found()), 15000);
      page.on('console', () => { if (found()) { clearTimeout(timer); resolve(true); } });
    });
    assert.ok(warned, 'embed.js did not say why the frame did not start');
    await context.close();
  });
}

test('the script embed on another site than its plain host shows its picture and what the host must change', async () => {
  const top = await openPage(`${plain}index.html`, { width: 1280 });
  await top.page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  await top.page.click('.embed-toggle');
  const snippet = await top.page.inputValue('#embed-element');
  await top.context.close();

  const { page, context } = await openPage(`${NEWS}tag.html`, { width: 375, pages: { 'tag.html': article(snippet) } });
  await page.locator('region-infographic').scrollIntoViewIfNeeded();
  await page.waitForTimeout(FIVE_SECONDS);
  assert.equal(await loadingShown(page), false, 'the script embed still says "Loading" 5 s on');
  await page.waitForFunction(() => document.querySelector('region-infographic').dataset.ready !== undefined, null, { timeout: 30000 });
  const shown = await page.evaluate(() => {
    const el = document.querySelector('region-infographic');
    const img = el.querySelector('img');
    return {
      ready: el.dataset.ready,
      message: el.shadowRoot.querySelector('[role="alert"]')?.textContent ?? '',
      picture: img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().height > 100 && img.getBoundingClientRect().width <= innerWidth,
    };
  });
  // The module from another site without Access-Control-Allow-Origin is refused, as it would be on S3.
  assert.equal(shown.ready, 'error');
  assert.match(shown.message, /could not start here/);
  assert.match(shown.message, /Access-Control-Allow-Origin/);
  assert.ok(shown.picture, 'the picture the snippet holds is not shown (or overflows the column)');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'plain-host-script-embed-375.png') });
  await context.close();
});

test('a reader whose page draws never fetches the fallback picture', async () => {
  const { page, context } = await openPage(`${plain}index.html`, { width: 375 });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  await page.waitForTimeout(FIVE_SECONDS);
  assert.ok(requests.some((u) => u.endsWith('/index.html')), `the page was not reloaded: ${requests}`);
  assert.deepEqual(requests.filter((u) => u.includes('/fallback/')), []);
  assert.equal(await page.isVisible('.fallback'), false);
  await context.close();
});

test('cargo xtask serve sends text and wasm compressed, as a host that precompresses does', async () => {
  const { page, context } = await openPage(BASE_URL, { width: 1280 });
  const encodings = new Map();
  page.on('response', (r) => encodings.set(new URL(r.url()).pathname.replace(/-[0-9a-f]{10}\./, '.'), r.headers()['content-encoding']));
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  for (const path of ['/', '/assets/main.js', '/assets/style.css', '/assets/datastory_bg.wasm']) {
    const found = [...encodings.keys()].find((p) => p.endsWith(path));
    assert.ok(found, `${path} was not fetched: ${[...encodings.keys()]}`);
    assert.equal(encodings.get(found), 'br', `${path} came uncompressed`);
  }
  await context.close();
});

/** The datasets under data/ as `cargo xtask dist` picks them: JSON and CSV, outside node_modules, npm's manifests and the maps' recipes. */
function datasets(dir, rel = 'data') {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.') || name === 'node_modules' || name === 'package.json' || name === 'package-lock.json' || name.endsWith('.recipe.json')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return datasets(path, `${rel}/${name}`);
    return /\.(json|csv)$/.test(name) ? [`${rel}/${name}`] : [];
  });
}

test('every dataset saved under data/ is served, and a story there opens with ?data=', async () => {
  const files = datasets(join(ROOT, 'data'));
  assert.ok(['data/examples/tables/minnesota-barley.csv', 'data/map/northeast-china.json', 'data/map/world.json'].every((f) => files.includes(f)), `${files}`);
  for (const file of files) {
    const response = await fetch(new URL(file, BASE_URL));
    assert.equal(response.status, 200, `${file} is not served`);
  }
  for (const file of ['data/map/package.json', 'data/map/build.mjs', 'data/map/world.recipe.json']) {
    assert.equal((await fetch(new URL(file, BASE_URL))).status, 404, `${file} is served`);
  }
  const { page, context, messages } = await openPage(new URL('?data=data/examples/minnesota-barley.json', BASE_URL).href, { width: 1280 });
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true');
  assert.deepEqual(messages.filter((m) => m.startsWith('error')), []);
  await context.close();
});
