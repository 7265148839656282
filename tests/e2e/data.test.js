// End to end: any story and any data. A second, unrelated story draws with no code change in the page and both embeds; every class of bad data or bad answer gets a message or a correct chart, never a blank box or executed text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { launch, open, SCREENSHOT_DIR } from './browser.js';
import { numberText } from '../../www/tables.js';

const EXAMPLE = 'data/examples/minnesota-barley.json';
/** Real published data (see tests/real_data.rs): Iowa's electricity by source, values in the tens of thousands. */
const IOWA = JSON.parse(readFileSync(new URL('../fixtures/iowa-electricity.json', import.meta.url), 'utf8'));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * Chart ids on the page, each with whether it shows its figures: a canvas with over 100 inked pixels
 * (of every fourth), or cards (HTML) that each show their number or words in a box of some size.
 */
const drawn = (root) => root.$$eval('figure.chart', (figures) => figures.map((f) => {
  const cards = [...f.querySelectorAll('.card')];
  if (cards.length) {
    return [f.dataset.chart, cards.every((c) => c.offsetHeight > 20 && c.querySelector('.card-value')?.textContent.trim())];
  }
  const c = f.querySelector('canvas');
  if (!c) return [f.dataset.chart, false];
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let inked = 0;
  for (let i = 0; i < px.length; i += 16) if (px[i] < 250 || px[i + 1] < 250 || px[i + 2] < 250) inked += 1;
  return [f.dataset.chart, inked > 100];
}));

const story = (page, url) => page.evaluate(async (u) => (await fetch(u)).json(), url);

/** A point in the viewport where chart `id`'s canvas shows colour `hex` (searched from the middle column outwards), or null. */
async function colourSpot(page, id, hex) {
  const canvas = page.locator(`figure[data-chart="${id}"] canvas`);
  await canvas.evaluate((c) => c.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return canvas.evaluate((cv, hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const { width, height } = cv;
    const px = cv.getContext('2d').getImageData(0, 0, width, height).data;
    const box = cv.getBoundingClientRect();
    const mid = Math.round(width / 2);
    for (let dx = 0; dx < width / 2; dx += 1) {
      for (const x of [mid - dx, mid + dx]) {
        for (let y = 0; y < height; y += 1) {
          const i = (y * width + x) * 4;
          if (px[i] === r && px[i + 1] === g && px[i + 2] === b) return { x: box.left + x * box.width / width, y: box.top + y * box.height / height };
        }
      }
    }
    return null;
  }, hex);
}

for (const [width, dpr] of [[375, 2], [1280, 1]]) {
  test(`the second example story draws every chart at ${width}px with no code change`, async () => {
    const { page, errors, context } = await open(browser, `/?data=${EXAMPLE}`, { width, dpr });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true');
    const data = await story(page, EXAMPLE);
    const charts = await drawn(page);
    assert.deepEqual(charts.map(([id]) => id), data.charts.map((c) => c.id));
    for (const [id, shown] of charts) assert.ok(shown, `${id} is blank`);
    assert.equal(await page.textContent('h1'), data.story.title);
    // Its charts compare every site, so they stand in one section under the story's heading for them.
    const headings = await page.$$eval('section.region h2', (hs) => hs.map((h) => h.textContent));
    assert.deepEqual(headings, [data.story.overview_heading]);
    // The example is written in English and Chinese: the switch offers both, each keeping the story.
    const links = await page.$$eval('.language-switch a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    assert.deepEqual(links.map(([name]) => name), ['English', '中文']);
    assert.ok(links.every(([, href]) => href.includes('data=data%2Fexamples%2Fminnesota-barley.json')), JSON.stringify(links));
    // Exploring works on it too: a click on a site's line selects the site and the URL keeps it.
    const slope = data.charts.find((c) => c.kind === 'slope').id;
    const morris = data.regions.find((r) => r.id === 'morris').color;
    const spot = await colourSpot(page, slope, morris);
    assert.ok(spot, 'Morris’s line is not drawn in its colour');
    await page.mouse.click(spot.x, spot.y);
    await page.waitForFunction(() => /region=morris/.test(location.hash));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `example-${width}-dpr${dpr}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the second example story works in the iframe and in the script embed', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // A host page on the same site, as a newsroom's article would be.
  const host = new URL('__example-host.html', process.env.BASE_URL).href;
  await page.route(host, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><body><h1>Host</h1>
      <iframe id="frame" src="index.html?data=${EXAMPLE}&charts=yield-1932" title="Barley" width="100%" height="400"></iframe>
      <region-infographic id="tag" src="${EXAMPLE}" charts="sites-1931-1932"></region-infographic>
      <script src="embed.js"></script></body></html>`,
  }));
  await page.goto(host);
  const frame = page.frameLocator('#frame');
  await frame.locator('html[data-ready="true"]').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('figure.chart').count(), 1);
  assert.match(await frame.locator('figure.chart canvas').first().getAttribute('aria-label'), /In 1932, Morris yielded the most/);
  await page.locator('#tag').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('tag').dataset.ready === 'true', null, { timeout: 30000 });
  const tagCharts = await page.evaluate(() => [...document.getElementById('tag').shadowRoot.querySelectorAll('figure.chart')].map((f) => f.dataset.chart));
  assert.deepEqual(tagCharts, ['sites-1931-1932']);
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Opens the page with the dataset's answer replaced by `fulfil(route)`; waits for the page to settle
 * and returns what the reader sees: the alert's text (if any), the drawn charts and console errors.
 */
async function answer(fulfil, { timeout = 30000 } = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/data/story.json', fulfil);
  await page.goto(new URL('/?data=data/story.json', process.env.BASE_URL).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout });
  const result = {
    ready: await page.evaluate(() => document.documentElement.dataset.ready),
    alert: (await page.$('[role=alert]')) ? await page.textContent('[role=alert]') : null,
    charts: await drawn(page),
    owned: await page.evaluate(() => window.__owned),
    page,
    errors,
    close: () => context.close(),
  };
  return result;
}

/** The default story with `edit` applied, as the answer to the data request. */
const edited = (edit) => async (route) => {
  const response = await route.fetch();
  const data = await response.json();
  edit(data);
  await route.fulfill({ response, body: JSON.stringify(data), contentType: 'application/json' });
};

test('a web page instead of the data file is named as such', async () => {
  const r = await answer((route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Sign in</title><p>Please sign in' }));
  assert.equal(r.ready, 'error');
  assert.match(r.alert, /not valid JSON/);
  assert.match(r.alert, /answered with a web page/);
  assert.equal(r.owned, undefined);
  await r.close();
});

test('a body cut off in transfer says the file ends too early', async () => {
  const r = await answer(async (route) => {
    const text = await (await route.fetch()).text();
    await route.fulfill({ status: 200, contentType: 'application/json', body: text.slice(0, Math.floor(text.length / 2)) });
  });
  assert.equal(r.ready, 'error');
  assert.match(r.alert, /ends too early/);
  await r.close();
});

test('an answer that takes over 10 s shows that it is still loading, then draws the charts', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.route('**/data/story.json', async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => { setTimeout(resolve, 10500); });
    await route.fulfill({ response });
  });
  await page.goto(new URL('/?data=data/story.json', process.env.BASE_URL).href);
  await page.waitForFunction(() => /slow/.test(document.querySelector('[role=status]')?.textContent ?? ''), null, { timeout: 9000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), undefined, 'the page gave up early');
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  const charts = await drawn(page);
  assert.ok(charts.length > 5 && charts.every(([, shown]) => shown), 'charts are missing after the slow answer');
  await context.close();
});

test('an empty dataset and an empty object say what is missing', async () => {
  for (const [body, expected] of [['{}', /missing field `story`/], ['', /ends too early|not valid JSON/], ['[]', /holds JSON, but not an object/]]) {
    const r = await answer((route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    assert.equal(r.ready, 'error', body);
    assert.match(r.alert, expected);
    await r.close();
  }
  const r = await answer(edited((d) => { d.charts = []; }));
  assert.match(r.alert, /no charts/);
  await r.close();
});

test('numbers: Infinity and a NaN literal get messages; zero, 1e300 and a negative column draw', async () => {
  // The story's columns (it has no bars: no two figures of one measure).
  const columns = (d) => d.charts.find((c) => c.kind === 'periods');
  const first = (d) => d.figures.find((f) => f.id === columns(d).figures[0]);
  // JSON has no Infinity: 1e999 is how a file says it, and the browser reads it as Infinity.
  let r = await answer(async (route) => {
    const text = await (await route.fetch()).text();
    await route.fulfill({ status: 200, contentType: 'application/json', body: text.replace(/"value":\s*200,/, '"value": 1e999,') });
  });
  assert.match(r.alert, /finite/);
  await r.close();
  r = await answer(async (route) => {
    const text = await (await route.fetch()).text();
    await route.fulfill({ status: 200, contentType: 'application/json', body: text.replace(/"value":\s*200,/, '"value": NaN,') });
  });
  assert.match(r.alert, /not valid JSON/);
  await r.close();
  // A negative column hangs below the zero line.
  for (const value of [0, 1e300, -5]) {
    r = await answer(edited((d) => { first(d).value = value; }));
    assert.equal(r.ready, 'true', `value ${value}: ${r.alert}`);
    assert.ok(r.charts.every(([, shown]) => shown), `value ${value} left a blank chart`);
    await r.close();
  }
});

test('10,000 records load and the charts draw', async () => {
  const r = await answer(edited((d) => {
    delete d.languages;
    delete d.translations;
    const template = d.figures[2];
    for (let i = 0; i < 10000; i += 1) d.figures.push({ ...template, id: `extra-${i}` });
  }), { timeout: 60000 });
  assert.equal(r.ready, 'true', r.alert ?? '');
  assert.ok(r.charts.every(([, shown]) => shown));
  await r.close();
});

test('a 1 MB label is refused with its place and its limit, quickly', async () => {
  const r = await answer(edited((d) => { d.figures[0].label = 'x'.repeat(1 << 20); }));
  assert.equal(r.ready, 'error');
  assert.match(r.alert, /figures\[0\]\.label/);
  assert.match(r.alert, /1048576 characters long/);
  const message = await r.page.textContent('[role=alert] p');
  assert.ok(message.length < 300, `the message repeats the label (${message.length} characters)`);
  await r.close();
});

test('HTML, script, javascript: URLs, bidi overrides, emoji, CJK and right-to-left text are drawn as text', async () => {
  const texts = {
    title: '<img src=x onerror="window.__owned=1">Barley <b>bold</b>',
    region: '<script>window.__owned=2</script>Jilin 🌾',
    label: 'javascript:window.__owned=3',
    bidi: '\u202Edesrever\u202C and مرحبا بالعالم',
    cjk: '吉林省 — 粮食产量',
  };
  const r = await answer(edited((d) => {
    delete d.languages;
    delete d.translations;
    d.story.title = texts.title;
    d.regions[0].name = texts.region;
    d.figures[0].label = texts.label;
    d.charts[1].headline = texts.bidi;
    d.charts[2].headline = texts.cjk;
    // A map address that is a script URL is refused, not followed.
    d.story.map = 'javascript:window.__owned=4';
  }));
  assert.equal(r.ready, 'true', r.alert ?? '');
  assert.equal(r.owned, undefined, 'text from the data ran as script');
  assert.equal(await r.page.textContent('h1'), texts.title);
  // Headlines are the page's text, and a canvas' name for assistive technology.
  const headlines = await r.page.$$eval('figure.chart', (fs) => fs.map((f) => [f.querySelector('h3').textContent, f.querySelector('canvas')?.getAttribute('aria-label')]));
  for (const text of [texts.bidi, texts.cjk]) {
    const [headline, name] = headlines.find(([h]) => h === text) ?? [];
    assert.equal(headline, text, headlines.join(' | '));
    // A chart of cards has no canvas: its cards are text themselves.
    if (name !== undefined) assert.equal(name, text);
  }
  const names = await r.page.$$eval('section.region h2', (hs) => hs.map((h) => h.textContent));
  assert.ok(names.some((n) => n.startsWith(texts.region)), names.join(' | '));
  assert.equal(await r.page.$$eval('main img, main script, main b, a[href^="javascript:"]', (n) => n.length), 0);
  assert.ok(r.charts.every(([, shown]) => shown), 'a chart with such text is blank');
  assert.deepEqual(r.errors, []);
  await r.close();
});

test('a broken example file never shows the default story’s figures in its place', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(`**/${EXAMPLE}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"story": 1}' }));
  await page.goto(new URL(`/?data=${EXAMPLE}`, process.env.BASE_URL).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'error');
  const alert = await page.textContent('[role=alert]');
  assert.match(alert, /story/);
  assert.doesNotMatch(alert, /Jilin|Changchun/);
  await context.close();
});

test('unknown references and duplicate ids are named with their place', async () => {
  let r = await answer(edited((d) => { d.figures[2].region = 'atlantis'; }));
  assert.equal(r.ready, 'error');
  assert.match(r.alert, /figures\[2\]\.region/);
  assert.match(r.alert, /"atlantis"/);
  await r.close();
  r = await answer(edited((d) => { d.charts[1].id = d.charts[0].id; }));
  assert.match(r.alert, /charts\[1\]\.id/);
  assert.match(r.alert, /used twice/);
  await r.close();
});

test('the script embed refuses a data file on another site, in place', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (q) => requests.push(q.url()));
  const host = new URL('__refused-host.html', process.env.BASE_URL).href;
  await page.route(host, (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html lang="en"><body><region-infographic id="tag" src="https://example.org/story.json"></region-infographic><script src="embed.js"></script></body></html>',
  }));
  await page.goto(host);
  await page.waitForFunction(() => document.getElementById('tag').dataset.ready === 'error');
  const text = await page.evaluate(() => document.getElementById('tag').shadowRoot.textContent);
  assert.match(text, /not on the infographic’s own site/);
  assert.ok(requests.every((u) => new URL(u).hostname === '127.0.0.1'), `a request left the site: ${requests}`);
  await context.close();
});

/** Answers the data request with `data`, as a newsroom's own file. */
const serve = (data) => (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) });

test('real data: one way of writing numbers, and no text twice in a table row or on a card', async () => {
  const r = await answer(serve(IOWA));
  assert.equal(r.ready, 'true', r.alert ?? '');
  assert.ok(r.charts.every(([, shown]) => shown), r.charts.join(' | '));
  const bars = r.page.locator('figure.chart[data-chart="sources-2017"]');
  await bars.locator('button', { hasText: 'Table' }).click();
  // The tables' code comes with the first press: wait for the rows.
  await bars.locator('table tbody tr').first().waitFor();
  const rows = await bars.locator('table tbody tr').allInnerTexts();
  // "5,214" beside "29,329", and a label that is its region's name is not followed by it again.
  assert.match(rows[0], /^Fossil Fuels\s+29,329 thousand megawatthours/);
  assert.match(rows[1], /^Nuclear Energy\s+5,214 thousand megawatthours/);
  assert.ok(rows.every((row) => !/\(Fossil Fuels|\(Nuclear Energy|\(Renewables/.test(row)), rows.join(' | '));
  const cards = await r.page.$$eval('figure.chart[data-chart="renewables-cards"] .card', (cs) => cs.map((c) => c.innerText));
  assert.equal(cards[0].match(/2009/g)?.length, 1, cards[0]);
  assert.match(cards[1], /21,933 thousand megawatthours/);
  assert.deepEqual(r.errors, []);
  await r.close();

});

test('the table the shell writes when the engine cannot start follows the engine’s rule for numbers', () => {
  // The cases of src/format.rs `english_groups_thousands_from_a_thousand_and_chinese_never` and
  // `numbers_keep_their_digits`: the shell's copy of the rule gives the engine's words.
  for (const [v, en, zh] of [
    [999, '999', '999'], [1000, '1,000', '1000'], [5214, '5,214', '5214'], [29329, '29,329', '2.9329万'],
    [60000, '60,000', '6万'], [-1234.5, '-1,234.5', '-1234.5'], [48.86667, '48.86667', '48.86667'],
    [5.23e6, '5.23 million', '523万'], [1.23e9, '1.23 billion', '12.3亿'], [1e12, '1 trillion', '1万亿'],
    [999999e9, '999.999 trillion', '999.999万亿'], [1e300, '1 × 10³⁰⁰', '1 × 10³⁰⁰'], [2.5e-5, '2.5 × 10⁻⁵', '2.5 × 10⁻⁵'],
  ]) {
    assert.equal(numberText(v, false), en, `${v}`);
    assert.equal(numberText(v, true), zh, `${v}`);
  }
});

test('a card’s long number is never broken between its digits, at any width', async () => {
  const long = structuredClone(IOWA);
  long.figures.find((f) => f.id === 'renewables-2017').value = 123456789012.345;
  for (const width of [320, 480, 640, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.route('**/data/story.json', serve(long));
    await page.goto(new URL('/?data=data/story.json', process.env.BASE_URL).href);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    // Each word of each card's value sits on one line.
    const broken = await page.$$eval('.card-value', (values) => values.flatMap((v) => {
      const text = v.firstChild;
      const out = [];
      let at = 0;
      for (const word of text.data.split(' ')) {
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(word);
        at += word.length + 1;
      }
      return out;
    }));
    assert.deepEqual(broken, [], `at ${width} px`);
    await context.close();
  }
});
