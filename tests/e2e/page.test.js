// End to end: the served page in headless Chromium draws every chart, stays sharp and clean, and shows readable errors for bad data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, SCREENSHOT_DIR } from './browser.js';

let browser;
before(async () => {
  browser = await launch();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
after(async () => { await browser?.close(); });

/** For each chart canvas: its CSS size, backing size and how many pixels are not background. */
const canvasReport = (page) => page.$$eval('figure.chart canvas', (canvases) => canvases.map((c) => {
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let inked = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] < 250 || px[i + 1] < 250 || px[i + 2] < 250) inked += 1;
  const r = c.getBoundingClientRect();
  return { id: c.parentElement.dataset.chart, cssWidth: r.width, cssHeight: r.height, width: c.width, height: c.height, inked };
}));

/** For each chart of big-number cards (HTML, not drawn): how many cards, their words, and their right edge. */
const cardReport = (page) => page.$$eval('figure.chart', (fs) => fs.filter((f) => f.querySelector('.cards')).map((f) => {
  const cards = [...f.querySelectorAll('.card')];
  return {
    id: f.dataset.chart,
    values: cards.map((c) => c.querySelector('.card-value')?.textContent ?? ''),
    heights: cards.map((c) => c.getBoundingClientRect().height),
    right: Math.max(...cards.map((c) => c.getBoundingClientRect().right)),
  };
}));

const chartCount = (page) => page.evaluate(async () => (await (await fetch('data/story.json')).json()).charts.length);
const storyData = (page) => page.evaluate(async () => (await (await fetch('data/story.json')).json()));

for (const width of [375, 1280]) {
  for (const dpr of [1, 2]) {
    test(`at ${width}px, DPR ${dpr}: every chart is drawn, sharp, with no console errors`, async () => {
      const { page, errors, context } = await open(browser, '/', { width, dpr });
      const charts = await canvasReport(page);
      const cards = await cardReport(page);
      const story = await storyData(page);
      assert.equal(charts.length + cards.length, story.charts.length, 'every chart of the dataset is on the page');
      for (const c of cards) {
        // One card per figure, each with its number or words, inside the viewport.
        assert.equal(c.values.length, story.charts.find((x) => x.id === c.id).figures.length, `${c.id}: cards`);
        assert.ok(c.values.every((v) => v.trim()) && c.heights.every((h) => h > 40), `${c.id}: a card is empty`);
        assert.ok(c.right <= width, `${c.id}: a card is wider than the viewport`);
      }
      for (const c of charts) {
        assert.ok(c.inked > 500, `${c.id} has only ${c.inked} drawn pixels`);
        assert.equal(c.width, Math.round(c.cssWidth * dpr), `${c.id}: backing width follows DPR`);
        assert.ok(Math.abs(c.height - c.cssHeight * dpr) <= 1, `${c.id}: backing height follows DPR`);
        assert.ok(c.cssWidth <= width, `${c.id} is wider than the viewport`);
      }
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= width, `the page scrolls sideways (${scrollWidth}px)`);
      const headings = await page.$$eval('section.region h2', (hs) => hs.map((h) => h.textContent));
      for (const name of ['Across the Northeast', 'Jilin', 'Heilongjiang', 'Liaoning', 'Inner Mongolia']) {
        assert.ok(headings.some((h) => h.startsWith(name)), `section ${name} is missing: ${headings}`);
      }
      await page.screenshot({ path: join(SCREENSHOT_DIR, `page-${width}-dpr${dpr}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

/**
 * Loads `path` (on `base`) holding the data back until the map has been asked for (or three seconds
 * have passed); returns the page's requests, what it logged, its heading and title, and how many
 * charts it drew.
 */
async function requestsOf(path, base = process.env.BASE_URL) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  let mapBeforeData = false;
  await page.route('**/data/story.json', async (route) => {
    for (let i = 0; i < 30 && !requests.some((p) => p.startsWith('/data/map/')); i += 1) await new Promise((r) => setTimeout(r, 100));
    mapBeforeData = requests.some((p) => p.startsWith('/data/map/'));
    await route.continue();
  });
  await page.goto(new URL(path, base).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  // Preloads that went unused would show up as second requests and as console warnings.
  await page.waitForTimeout(3500);
  const title = await page.textContent('h1');
  const pageTitle = await page.title();
  const drawn = await page.$$eval('figure.chart', (fs) => fs.filter((f) => f.dataset.state === 'drawn').length);
  await context.close();
  const count = (re) => requests.filter((p) => re.test(p)).length;
  return { requests, count, warnings, mapBeforeData, title, pageTitle, drawn };
}

test('the page draws its own story and map from the copies written into it, and asks for neither', async () => {
  const { requests, count, warnings, title } = await requestsOf('/');
  assert.equal(count(/\/data\//), 0, `the page asked for data it holds: ${requests}`);
  assert.equal(count(/datastory_bg[^/]*\.wasm$/), 1, 'the engine was not fetched exactly once');
  // A story of stated figures needs no code for series: that engine is 36 kB gzipped more.
  assert.equal(count(/datastory_series/), 0, `the page fetched the engine with series for a story without: ${requests}`);
  assert.equal(count(/i18n-zh/), 0, 'an English page fetched the Chinese words');
  // The embed box's, the downloads' and the tables' code come with the first click on their buttons.
  assert.equal(count(/\/(share|download|tables)[^/]*\.js$/), 0, `the page fetched code no reader has asked for yet: ${requests}`);
  // The copies are the files': the same title as data/story.json's.
  const story = await (await fetch(new URL('data/story.json', process.env.BASE_URL))).json();
  assert.equal(title, story.story.title);
  assert.deepEqual(warnings, []);
});

test('a page given ?data= fetches the data, the map and the engine once each, the map beside the data', async () => {
  const { requests, count, warnings, mapBeforeData } = await requestsOf('/?data=data/story.json');
  assert.equal(count(/\/data\/story\.json$/), 1, `the data was fetched ${count(/story\.json$/)} times`);
  assert.equal(count(/\/data\/map\/.*\.json$/), 1, `the map was not fetched exactly once: ${requests}`);
  assert.equal(count(/datastory_bg[^/]*\.wasm$/), 1, 'the engine was not fetched exactly once');
  // The page's own story names its map in the page, so the map is asked for beside the data, not after it.
  assert.ok(mapBeforeData, 'the map was asked for only once the data had arrived');
  assert.deepEqual(warnings, []);
});

test('a story with series given by ?data= is drawn by the engine with series, fetched once, and no preload is left unused', async () => {
  const { requests, count, warnings, title } = await requestsOf('/?data=data/examples/us-employment.json');
  assert.equal(count(/datastory_series_bg[^/]*\.wasm$/), 1, `the engine with series was not fetched exactly once: ${requests}`);
  assert.equal(count(/datastory_series-[^/]*\.js$/), 1, `the engine with series' script was not fetched exactly once: ${requests}`);
  const story = await (await fetch(new URL('data/examples/us-employment.json', process.env.BASE_URL))).json();
  assert.equal(title, story.story.title);
  // The page's own engine was preloaded; unused, the browser would warn of it here.
  assert.deepEqual(warnings, []);
});

test('a page made for a story with series draws it as its own, with that engine alone', { skip: !process.env.STORY_PAGE_URL && 'STORY_PAGE_URL is not set (cargo xtask test sets it)' }, async () => {
  const { requests, count, warnings, title, pageTitle, drawn } = await requestsOf('/', process.env.STORY_PAGE_URL);
  const story = await (await fetch(new URL('data/examples/us-employment.json', process.env.BASE_URL))).json();
  assert.equal(title, story.story.title);
  assert.equal(pageTitle, story.story.title);
  assert.equal(drawn, story.charts.length);
  assert.equal(count(/datastory_series_bg[^/]*\.wasm$/), 1, `the engine with series was not fetched once: ${requests}`);
  assert.equal(count(/datastory_bg[^/]*\.wasm$/), 0, `the engine for figures was fetched too: ${requests}`);
  assert.equal(count(/\/data\//), 0, `the page asked for the story it holds: ${requests}`);
  assert.deepEqual(warnings, []);
});

test('from its first paint, before any script has run, the page says it is loading: never a blank box', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The page's script is held back, as on a slow line.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/main(-[0-9a-f]+)?\.js$/, async (route) => { await held; await route.continue(); });
  await page.goto(process.env.BASE_URL, { waitUntil: 'commit' });
  await page.waitForSelector('[role=status]', { state: 'visible', timeout: 10000 });
  assert.equal(await page.textContent('[role=status]'), 'Loading the figures…');
  release();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await page.isVisible('[role=status]'), false, 'the status still says it is loading once the charts are drawn');
  await context.close();
});

test('charts redraw to their new width when the window is resized', async () => {
  const { page, errors, context } = await open(browser, '/', { width: 1280, dpr: 1 });
  const before = await canvasReport(page);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForFunction(() => [...document.querySelectorAll('figure.chart canvas')].every((c) => c.width <= 360));
  const after = await canvasReport(page);
  for (const [i, c] of after.entries()) {
    assert.ok(c.width < before[i].width, `${c.id} kept its width`);
    assert.ok(c.inked > 500, `${c.id} is blank after resizing`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('every canvas has an accessible name from its headline', async () => {
  const { page, context } = await open(browser, '/');
  const labels = await page.$$eval('figure.chart canvas', (cs) => cs.map((c) => [c.getAttribute('role'), c.getAttribute('aria-label')]));
  for (const [role, label] of labels) {
    assert.equal(role, 'img');
    assert.ok(label && label.length > 20, `weak label: ${label}`);
  }
  await context.close();
});

test('each chart\'s headline, dek, note and source are the page\'s text, above and below its canvas or cards', async () => {
  const { page, context } = await open(browser, '/', { width: 375 });
  const story = await storyData(page);
  const figures = await page.$$eval('figure.chart', (fs) => fs.map((f) => {
    const canvas = f.querySelector('canvas, .cards').getBoundingClientRect();
    const at = (sel) => {
      const e = f.querySelector(sel);
      return e && { text: e.textContent, above: e.getBoundingClientRect().bottom <= canvas.top, below: e.getBoundingClientRect().top >= canvas.bottom };
    };
    return { id: f.dataset.chart, headline: at('h3.chart-headline'), dek: at('.chart-dek'), note: at('.chart-note'), source: at('.chart-source') };
  }));
  assert.equal(figures.length, story.charts.length);
  for (const f of figures) {
    const c = story.charts.find((x) => x.id === f.id);
    assert.deepEqual([f.headline?.text, f.headline?.above], [c.headline, true], `${f.id}: headline`);
    assert.deepEqual([f.dek?.text, f.dek?.above], [c.dek, true], `${f.id}: dek`);
    // The note is the story's own, after what the engine says of the drawing (a multiple's reference, a fade).
    if (c.note) assert.deepEqual([f.note?.text.endsWith(c.note), f.note?.below], [true, true], `${f.id}: note`);
    if (c.kind === 'multiple') assert.match(f.note?.text ?? '', /the chart’s own reference/, `${f.id}: the reference is not said`);
    assert.ok(f.source?.below, `${f.id}: no source line under the chart`);
    assert.match(f.source.text, c.kind === 'map' ? /^Map: Natural Earth/ : /^Source: News report on the Changchun briefing \(outlet and date not given\)/, f.id);
  }
  await context.close();
});

/** Opens the page with the dataset request answered by `fulfil`; returns the page's alert text. */
async function alertFor(fulfil, path = '/?data=data/story.json') {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.route('**/data/story.json', fulfil);
  await page.goto(new URL(path, process.env.BASE_URL).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'error', null, { timeout: 30000 });
  const text = await page.textContent('[role=alert]');
  const canvases = await page.$$eval('canvas', (cs) => cs.length);
  await context.close();
  return { text, canvases };
}

test('a dataset with a bad field shows which field and what was expected', async () => {
  const { text, canvases } = await alertFor(async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    data.figures[2].qualifier = 'roughly';
    await route.fulfill({ response, json: data });
  });
  assert.match(text, /The data file has a problem/);
  assert.match(text, /figures\[2\]\.qualifier/);
  assert.match(text, /unknown variant `roughly`/);
  assert.equal(canvases, 0, 'no empty chart boxes are left behind');
});

test('a data file that is not JSON says so', async () => {
  const { text } = await alertFor((route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"story": {' }));
  assert.match(text, /not valid JSON/);
});

test('a data file that is missing says which address failed', async () => {
  const { text } = await alertFor((route) => route.fulfill({ status: 404, body: 'not found' }));
  assert.match(text, /could not be loaded/);
  assert.match(text, /HTTP 404/);
});

test('a data address on another site is refused', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(new URL('/?data=https://example.org/story.json', process.env.BASE_URL).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'error');
  assert.match(await page.textContent('[role=alert]'), /refused/);
  assert.ok(requests.every((u) => new URL(u).hostname === '127.0.0.1'), `a request left the site: ${requests}`);
  await context.close();
});

test('an engine that fails to load leaves a message, not a blank box', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/assets/datastory_bg-*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm' }));
  await page.goto(process.env.BASE_URL);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'error');
  assert.match(await page.textContent('[role=alert]'), /engine could not start/);
  await context.close();
});

test('an engine that fails to load on a story of its own still gives that story’s figures as a table', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Either engine: the barley story has series, and the page's own engine is preloaded.
  await page.route('**/assets/datastory_*bg-*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm' }));
  await page.goto(new URL('/?data=data/examples/minnesota-barley.json', process.env.BASE_URL).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'error');
  assert.match(await page.textContent('[role=alert]'), /engine could not start/);
  // The barley story's figures, not the page's own story's.
  const table = await page.textContent('#story table');
  assert.match(table, /Morris/);
  assert.doesNotMatch(table, /Heilongjiang/);
  await context.close();
});

test('a chart that cannot be drawn shows a message in its place', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A browser that gives no 2D context makes every draw fail inside the engine.
  await page.addInitScript(() => { HTMLCanvasElement.prototype.getContext = () => null; });
  await page.goto(process.env.BASE_URL);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const figures = await page.$$eval('figure.chart', (fs) => fs.map((f) => [f.dataset.kind, f.dataset.state, f.textContent]));
  assert.equal(figures.length, await chartCount(page));
  for (const [kind, state, text] of figures) {
    if (kind === 'cards') {
      // Cards are the page's HTML: they need no canvas and are shown all the same.
      assert.equal(state, 'drawn');
      assert.doesNotMatch(text, /could not be drawn/);
      continue;
    }
    assert.equal(state, 'error');
    assert.match(text, /This chart could not be drawn/);
    assert.match(text, /no 2D drawing context/);
  }
  assert.ok(figures.some(([kind]) => kind === 'cards') && figures.some(([kind]) => kind !== 'cards'));
  await context.close();
});

test('text from the data is shown as text, never run as markup', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const hostile = '<img src=x onerror="window.__owned=1">Story';
  await page.route('**/data/story.json', async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    data.story.title = hostile;
    data.regions[0].name = '<script>window.__owned=2</script>Jilin';
    await route.fulfill({ response, json: data });
  });
  await page.goto(new URL('/?data=data/story.json', process.env.BASE_URL).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await page.textContent('h1'), hostile);
  assert.equal(await page.evaluate(() => window.__owned), undefined);
  assert.equal(await page.$$eval('main img, main script', (n) => n.length), 0);
  await context.close();
});
