// End to end: what screen-reader and keyboard users get — descriptions, tables, and an axe-core audit of the page, the article and an embed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, open, BASE_URL } from './browser.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('every chart has a short name and a long description with its figures in words', async () => {
  const { page, context } = await open(browser, '/');
  const charts = await page.$$eval('figure.chart canvas', (cs) => cs.map((c) => ({
    name: c.getAttribute('aria-label'),
    description: document.getElementById(c.getAttribute('aria-describedby'))?.textContent ?? '',
  })));
  for (const c of charts) {
    assert.ok(c.name && c.name.length < 120, `name: ${c.name}`);
    assert.ok(c.description.startsWith(c.name.replace(/\.$/, '')), `the description does not lead with the finding: ${c.description}`);
  }
  const autos = charts.find((c) => c.name.startsWith('Jilin’s automobile sales')).description;
  assert.match(autos, /60 times/);
  assert.match(autos, /the chart’s own reference/);
  const renewables = charts.find((c) => c.name.startsWith('Nearly half')).description;
  assert.match(renewables, /nearly half/);
  await context.close();
});

test('the Table toggle shows a chart’s figures with units, qualifiers, periods and sources', async () => {
  const { page, context } = await open(browser, '/');
  const figure = 'figure[data-chart="inner-mongolia-renewables"]';
  await page.click(`${figure} .table-toggle`);
  // The tables' code comes with the first press.
  await page.waitForSelector(`${figure} table`, { timeout: 5000 });
  assert.equal(await page.getAttribute(`${figure} .table-toggle`, 'aria-expanded'), 'true');
  const table = await page.$eval(`${figure} table`, (t) => ({
    caption: t.caption.textContent,
    heads: [...t.tHead.rows[0].cells].map((c) => c.textContent),
    rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent)),
  }));
  assert.equal(table.caption, 'Nearly half of Inner Mongolia’s power capacity comes from renewable sources, Sun Shaocheng reported');
  assert.deepEqual(table.heads, ['Figure', 'Value', 'Period', 'Source']);
  assert.equal(table.rows[0][1], 'nearly half');
  assert.equal(table.rows[1][1], 'more than 200 million kW');
  assert.match(table.rows[1][3], /News report on the Changchun briefing \(outlet and date not given\)/);
  // And the whole dataset, once, at the end.
  await page.click('.all-figures .table-toggle');
  await page.waitForSelector('.all-figures tbody tr', { timeout: 5000 });
  const all = await page.$$eval('.all-figures tbody tr', (rows) => rows.length);
  const data = await page.evaluate(async () => (await (await fetch('data/story.json')).json()).figures.length);
  assert.equal(all, data);
  await context.close();
});

test('a Table whose code cannot be fetched says so in place, and after a reload the table comes', async () => {
  const { page, context } = await open(browser, '/');
  const figure = 'figure[data-chart="jilin-gdp-growth"]';
  await page.route(/\/tables[^/]*\.js$/, (route) => route.abort('connectionfailed'));
  await page.click(`${figure} .table-toggle`);
  const alert = page.locator(`${figure} [role="alert"]`);
  await alert.waitFor({ timeout: 5000 });
  assert.match(await alert.textContent(), /table could not be loaded.*reload the page to try again/i);
  assert.equal(await page.getAttribute(`${figure} .table-toggle`, 'aria-expanded'), 'false');
  // Chromium keeps a module it failed to fetch as failed until the page is loaded again, so the
  // message asks for a reload, not for another press.
  await page.unroute(/\/tables[^/]*\.js$/);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.click(`${figure} .table-toggle`);
  await page.waitForSelector(`${figure} table`, { timeout: 5000 });
  assert.equal(await alert.count(), 0, 'the failure is still shown after the table came');
  assert.match(await page.textContent(`${figure} table`), /6\.3%/);
  await context.close();
});

/** Runs axe-core on a page whose CSP is bypassed only to let the audit script in. */
async function audit(path, { width = 1280, prepare } = {}) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL(path, BASE_URL).href);
  if (prepare) await prepare(page);
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  await context.close();
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const width of [375, 1280]) {
  test(`axe-core finds no serious or critical violation on the page at ${width}px`, async () => {
    const found = await audit('/', {
      width,
      prepare: (page) => page.waitForFunction(() => document.documentElement.dataset.ready === 'true'),
    });
    assert.deepEqual(found, []);
  });
}

test('axe-core finds no serious or critical violation on the article with its embeds', async () => {
  const found = await audit('article.html', {
    prepare: async (page) => {
      await page.evaluate(() => document.querySelector('region-infographic').scrollIntoView());
      await page.waitForFunction(() => document.querySelector('region-infographic').dataset.ready === 'true');
    },
  });
  assert.deepEqual(found, []);
});

test('axe-core finds no serious or critical violation inside the framed embed', async () => {
  const found = await audit('index.html?region=jilin&charts=map,jilin-auto-sales', {
    width: 640,
    prepare: (page) => page.waitForFunction(() => document.documentElement.dataset.ready === 'true'),
  });
  assert.deepEqual(found, []);
});

test('axe-core finds no serious or critical violation on a page of choropleths with their sliders', async () => {
  const found = await audit('/?data=data/examples/gapminder.json', {
    width: 375,
    prepare: (page) => page.waitForFunction(() => document.documentElement.dataset.ready === 'true'),
  });
  assert.deepEqual(found, []);
});

/** Clicks a download button and returns the file's name and text (or bytes). */
async function download(page, selector, binary = false) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  const bytes = readFileSync(path);
  return { name: file.suggestedFilename(), text: binary ? null : bytes.toString('utf8'), bytes };
}

// The room a downloaded file keeps around its drawing (export::MARGIN), in CSS pixels.
const MARGIN = 16;

test('each chart downloads as SVG with its words, CSV with its figures and PNG at twice the pixels, with a margin', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The engine that writes SVG is fetched on the first SVG download, not with the page.
  const svgEngine = [];
  page.on('request', (r) => { if (/datastory_svg/.test(r.url())) svgEngine.push(r.url()); });
  await page.goto(BASE_URL);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.deepEqual(svgEngine, [], 'the page fetched the SVG engine before any download');
  const figure = 'figure[data-chart="jilin-gdp-growth"]';
  const svg = await download(page, `${figure} .download-button:text-is("SVG")`);
  assert.equal(svgEngine.length, 2, `the first SVG download fetches the SVG engine's script and wasm: ${svgEngine}`);
  assert.equal(svg.name, 'northeast-china-jilin-gdp-growth.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()) };
  }, svg.text);
  assert.equal(parsed.error, null, 'the SVG does not parse');
  for (const words of ['6.3%', '5.7%', 'Last year', 'First half of this year']) assert.ok(parsed.texts.includes(words), `SVG lacks ${words}`);

  const csv = await download(page, `${figure} .download-button:text-is("CSV")`);
  assert.equal(csv.name, 'northeast-china-jilin-gdp-growth.csv');
  assert.equal(csv.bytes[0], 0xef, 'no UTF-8 byte-order mark');
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r\n/);
  assert.equal(lines.length, 3, 'a header and two figures');
  assert.match(lines[1], /jilin-gdp-growth-last-year,Last year,6\.3%,exact,6\.3,%,last year/);

  const png = await download(page, `${figure} .download-button:text-is("PNG")`, true);
  assert.equal(png.name, 'northeast-china-jilin-gdp-growth.png');
  const width = png.bytes.readUInt32BE(16);
  const cssWidth = await page.$eval(`${figure} canvas`, (c) => c.getBoundingClientRect().width);
  assert.equal(width, Math.round((cssWidth + 2 * MARGIN) * 2), 'the PNG is not the chart and its margin at twice the pixels');

  // Cards are HTML on the page; their downloads draw them, with the qualifier before the number.
  const cards = 'figure[data-chart="jilin-standouts"]';
  const cardsSvg = await download(page, `${cards} .download-button:text-is("SVG")`);
  const cardTexts = await page.evaluate((text) => [...new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent.trim()), cardsSvg.text);
  for (const words of ['More than', '80 billion jin', 'World’s largest', 'Global lead']) assert.ok(cardTexts.includes(words), `the cards' SVG lacks ${words}`);
  const cardsPng = await download(page, `${cards} .download-button:text-is("PNG")`, true);
  assert.equal(cardsPng.name, 'northeast-china-jilin-standouts.png');
  const cardsWidth = await page.$eval(`${cards} .cards`, (c) => c.getBoundingClientRect().width);
  assert.equal(cardsPng.bytes.readUInt32BE(16), Math.round((cardsWidth + 2 * MARGIN) * 2), 'the cards\' PNG is not the cards and their margin at twice the pixels');
  await context.close();
});

test('the whole story downloads as SVG, PNG and a CSV that reads back to the dataset', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const group = '.all-figures .downloads';
  const svg = await download(page, `${group} .download-button:text-is("SVG")`);
  assert.equal(svg.name, 'northeast-china.svg');
  assert.match(svg.text, /The report gives figures for three provinces/);
  const png = await download(page, `${group} .download-button:text-is("PNG")`, true);
  assert.equal(png.bytes.toString('latin1', 1, 4), 'PNG');
  const csv = await download(page, `${group} .download-button:text-is("CSV")`);
  const data = await (await fetch(new URL('data/story.json', BASE_URL))).json();
  const rows = csv.text.replace(/^\uFEFF/, '').trim().split(/\r\n/);
  assert.equal(rows.length, data.figures.length + 1);
  for (const f of data.figures) assert.ok(rows.some((r) => r.includes(`,${f.id},`)), `${f.id} is not in the CSV`);
  await context.close();
});

test('zoomed to 200% (a 1280 px window seen as 640 CSS px at twice the pixels) nothing is lost or scrolls sideways', async () => {
  const { page, errors, context } = await open(browser, '/', { width: 640, height: 450, dpr: 2 });
  const report = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    charts: [...document.querySelectorAll('figure.chart canvas')].map((c) => c.getBoundingClientRect().right),
  }));
  assert.ok(report.scroll <= 640, `the page scrolls sideways: ${report.scroll}px`);
  for (const right of report.charts) assert.ok(right <= 640, `a chart runs off the page at ${right}px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the dark theme follows prefers-color-scheme when the theme is auto', async () => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await page.$eval('#story', (m) => m.dataset.theme), 'dark');
  const bg = await page.$eval('figure.chart canvas', (c) => Array.from(c.getContext('2d').getImageData(c.width - 2, 2, 1, 1).data.slice(0, 3)));
  assert.deepEqual(bg, [18, 18, 18]);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(18, 18, 18)');
  await page.screenshot({ path: new URL('dark-1280.png', `file://${process.env.SCREENSHOT_DIR || 'screenshots'}/`).pathname });
  await context.close();
});

for (const width of [375, 1280]) {
  test(`in Simplified Chinese at ${width}px: the page, its charts and its document language`, async () => {
    const { page, errors, context } = await open(browser, '/?lang=zh', { width, dpr: 2 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
    assert.equal(await page.textContent('h1'), '东北振兴：长春宣介会报道中的数据');
    const headings = await page.$$eval('section.region h2', (hs) => hs.map((h) => h.textContent));
    for (const name of ['吉林省', '黑龙江省', '辽宁省', '内蒙古自治区']) assert.ok(headings.some((h) => h.includes(name)), `${name} missing`);
    const inked = await page.$$eval('figure.chart canvas', (cs) => cs.map((c) => {
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] < 250) n += 1;
      return n;
    }));
    assert.ok(inked.every((n) => n > 500), 'a chart is blank in Chinese');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'the Chinese page scrolls sideways');
    // Numbers and qualifiers in Chinese, in what a screen reader gets: canvases' descriptions, and the cards' own words.
    const described = await page.$$eval('canvas[aria-describedby]', (cs) => cs.map((c) => document.getElementById(c.getAttribute('aria-describedby')).textContent).join(' '));
    assert.match(described, /60倍/);
    assert.match(described, /超过2亿千瓦/);
    const cards = await page.$$eval('.card', (cs) => cs.map((c) => c.textContent).join(' '));
    assert.match(cards, /523万户/);
    assert.match(cards, /超过200个国家和地区/);
    assert.match(await page.textContent('.table-toggle'), /表格/);
    await page.click('.all-figures .table-toggle');
    assert.match(await page.textContent('.all-figures table'), /黑龙江的贸易伙伴.*超过200个国家和地区/s);
    assert.equal(await page.title(), '东北振兴：长春宣介会报道中的数据');
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR || 'screenshots'}/page-zh-${width}-dpr2.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the language switch swaps the language and keeps the view', async () => {
  const { page, context } = await open(browser, '/#region=jilin');
  await page.click('.language-switch a[lang="zh-Hans"]');
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && document.documentElement.lang === 'zh-Hans');
  assert.equal(await page.evaluate(() => location.hash), '#region=jilin');
  assert.equal(await page.getAttribute('.language-switch a[aria-current="true"]', 'lang'), 'zh-Hans');
  await context.close();
});

test('a script embed takes a lang attribute', async () => {
  const { page, context } = await open(browser, '/');
  await page.evaluate(() => {
    const e = document.createElement('region-infographic');
    e.setAttribute('src', 'data/story.json');
    e.setAttribute('lang', 'zh');
    e.setAttribute('charts', 'liaoning-standouts');
    document.body.append(e);
  });
  await page.addScriptTag({ url: 'embed.js' });
  await page.evaluate(() => document.querySelector('region-infographic').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('region-infographic').dataset.ready === 'true');
  const described = await page.evaluate(() => {
    const root = document.querySelector('region-infographic').shadowRoot;
    return [root.querySelector('.story').lang, root.querySelector('h3').textContent, root.querySelector('.card-value').textContent];
  });
  assert.deepEqual(described, ['zh-Hans', '辽宁活跃经营主体持续增长，达到523万户', '523万户']);
  await context.close();
});
