// End to end: charts over time — every story of series drawn, the time cursor by mouse, touch and keyboard, and a deep link that restores it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, tooltipLines, chartCanvas, BASE_URL, SCREENSHOT_DIR } from './browser.js';

const STORIES = ['data/examples/us-employment.json', 'data/examples/natural-disasters.json'];
const EMPLOYMENT = `/?data=${STORIES[0]}`;
let browser;
let employment;
before(async () => {
  browser = await launch();
  employment = await (await fetch(new URL(STORIES[0], BASE_URL))).json();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
after(async () => { await browser?.close(); });

/** The value of `entity`'s series of `indicator` at `time` in the story's data. */
function valueAt(entity, indicator, time) {
  const s = employment.series.find((x) => x.entity === entity && x.indicator === indicator);
  const i = s.times.findIndex((t) => String(t) === time);
  return s.values[i];
}

/** Chart `id`'s canvas, in view, and its box. */
async function canvasOf(page, id) {
  const canvas = await chartCanvas(page, id);
  return { canvas, box: await canvas.boundingBox() };
}

/** Numbers in a row of the cursor's tooltip ("22,192 thousand jobs" is 22192). */
const number = (text) => Number(text.replace(/[^0-9.-]/g, ''));

for (const path of STORIES) {
  for (const [width, dpr] of [[375, 2], [1280, 1]]) {
    test(`${path} at ${width}px: every chart over time is drawn, with no console error`, async () => {
      const { page, errors, context } = await open(browser, `/?data=${path}`, { width, dpr });
      const story = await (await fetch(new URL(path, BASE_URL))).json();
      const figures = page.locator('figure[data-kind="line"]');
      assert.equal(await figures.count(), story.charts.filter((c) => c.kind === 'line').length);
      for (const c of story.charts) {
        const state = await page.locator(`figure[data-chart="${c.id}"]`).getAttribute('data-state');
        assert.equal(state, 'drawn', `${c.id} is ${state}`);
        // The first coloured line's colour is on the canvas: the lines are drawn, not a blank box.
        const entity = c.highlight?.[0] ?? c.entities?.[0];
        const hex = story.regions.find((r) => r.id === entity).color;
        const found = await page.locator(`figure[data-chart="${c.id}"] canvas[role="img"]`).evaluate((cv, hex) => {
          const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
          const px = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
          for (let i = 0; i < px.length; i += 4) if (px[i] === r && px[i + 1] === g && px[i + 2] === b) return true;
          return false;
        }, hex);
        assert.ok(found, `${c.id}: no pixel of ${entity}'s colour ${hex}`);
      }
      const name = path.split('/').pop().replace('.json', '');
      await page.screenshot({ path: join(SCREENSHOT_DIR, `lines-${name}-${width}-dpr${dpr}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('the mouse moves a cursor in time that lists every line’s value there, largest first', async () => {
  const { page, errors, context } = await open(browser, EMPLOYMENT, { width: 1280, dpr: 2 });
  const { box } = await canvasOf(page, 'sectors');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  const first = await tooltipLines(page);
  assert.ok(first, 'no tooltip at the cursor');
  const rows = first.slice(1, 6);
  assert.equal(rows.length, 5, `five lines listed: ${first}`);
  const values = rows.map(number);
  assert.deepEqual([...values].sort((a, b) => b - a), values, `largest first: ${rows}`);
  // The values are the data's at the time the tooltip names.
  const month = first[0];
  assert.match(month, /^[A-Z][a-z]{2} 20\d\d$/);
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  const later = await tooltipLines(page);
  assert.notEqual(later[0], month, 'moving right moves the cursor in time');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'lines-cursor-1280-dpr2.png') });
  await page.mouse.move(5, 5);
  assert.equal(await tooltipLines(page), null, 'the tooltip goes with the pointer');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the cursor\'s swatches are the lines\' colours as drawn: a grey line of context has a grey one, until pointed at', async () => {
  const { page, errors, context } = await open(browser, EMPLOYMENT, { width: 1280, dpr: 1 });
  const { box } = await canvasOf(page, 'sectors');
  // Above the plot's lines, so that no line is under the pointer: each is as the chart draws it.
  await page.mouse.move(box.x + box.width * 0.4, box.y + 4);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  const read = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.tooltip .cursor-row')]
    .map((row) => [row.querySelector('.cursor-name').textContent, getComputedStyle(row.querySelector('.swatch')).backgroundColor])));
  const swatches = await read();
  const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  const colour = (id) => rgb(employment.regions.find((r) => r.id === id).color);
  const name = (id) => employment.regions.find((r) => r.id === id).name;
  // The chart highlights construction and education and health; manufacturing is drawn grey.
  assert.equal(swatches[name('construction')], colour('construction'), JSON.stringify(swatches));
  assert.equal(swatches[name('education-and-health-services')], colour('education-and-health-services'));
  const grey = swatches[name('manufacturing')];
  assert.notEqual(grey, colour('manufacturing'), 'a grey line\'s swatch is not its region\'s colour');
  assert.equal(grey, swatches[name('government')], 'every grey line has the same grey swatch');
  // The keyboard points at each line in turn: a grey line pointed at is drawn in its colour, and
  // its swatch is that colour too.
  const canvas = page.locator('figure[data-chart="sectors"] canvas[role="img"]');
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  let found = null;
  for (let i = 0; i < 6 && !found; i += 1) {
    await page.keyboard.press('ArrowDown');
    const pointed = await page.evaluate(() => document.querySelector('.tooltip .cursor-row.pointed .cursor-name')?.textContent);
    const entity = employment.regions.find((r) => r.name === pointed)?.id;
    if (entity === 'manufacturing' || entity === 'government') {
      assert.equal((await read())[pointed], colour(entity), `${pointed}, pointed at, has its colour`);
      found = entity;
    }
  }
  assert.ok(found, 'the keyboard reaches a grey line');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Chinese, the cursor names the month and the lines in Chinese, each value with its unit', async () => {
  const { page, errors, context } = await open(browser, `${EMPLOYMENT}&lang=zh`, { width: 1280, dpr: 1 });
  const { box } = await canvasOf(page, 'sectors');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  const lines = await tooltipLines(page);
  assert.ok(lines, 'no tooltip at the cursor');
  const [, year, month] = lines[0].match(/^(20\d\d)年(\d{1,2})月$/) ?? [];
  assert.ok(year, `the month in Chinese: ${lines[0]}`);
  const time = `${year}-${month.padStart(2, '0')}`;
  const construction = lines.find((l) => l.startsWith('建筑业'));
  assert.ok(construction, `construction named in Chinese: ${lines}`);
  assert.match(construction, /千个岗位$/);
  assert.equal(number(construction), valueAt('construction', 'employees', time), construction);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a line chart on a log scale says under it that its axis is logarithmic and does not start at zero', async () => {
  const { page, errors, context } = await open(browser, '/?data=data/examples/natural-disasters.json', { width: 1280, dpr: 1 });
  const figure = page.locator('figure[data-chart="deadliest-kinds-log"]');
  assert.match(await figure.locator('.chart-note').textContent(), /logarithmic and does not start at zero/);
  // The same chart on a linear scale would say nothing of the kind.
  const linear = page.locator('figure[data-chart="all-disasters"] .chart-note');
  assert.doesNotMatch((await linear.count()) ? await linear.textContent() : '', /logarithmic/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the cursor is drawn over the chart as the pointer moves, and goes with it', async () => {
  const { page, errors, context } = await open(browser, EMPLOYMENT, { width: 1280, dpr: 2 });
  const { box } = await canvasOf(page, 'sectors');
  // The layer over the chart: how many of its pixels are drawn on, and the most in one column.
  const inked = () => page.locator('figure[data-chart="sectors"] canvas.pointer-layer').evaluate((cv) => {
    const px = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
    const columns = new Array(cv.width).fill(0);
    let n = 0;
    for (let i = 3; i < px.length; i += 4) {
      if (px[i] > 0) {
        n += 1;
        columns[((i - 3) / 4) % cv.width] += 1;
      }
    }
    return { n, tallest: Math.max(...columns), height: cv.height };
  });
  assert.equal((await inked()).n, 0, 'a cursor is drawn before the pointer came');
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
  const drawn = await inked();
  // A rule down the plot: one column of pixels inked over much of the chart's height.
  assert.ok(drawn.tallest > drawn.height / 3, `no cursor drawn: ${JSON.stringify(drawn)}`);
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.querySelector('.tooltip')?.hidden !== false);
  assert.equal((await inked()).n, 0, 'the cursor stayed after the pointer left');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a click pins the cursor and the nearest line into the address; a deep link restores them', async () => {
  const { page, errors, context } = await open(browser, EMPLOYMENT, { width: 1280 });
  await canvasOf(page, 'sectors');
  // Construction, drawn in its colour: click on its line.
  const hex = employment.regions.find((r) => r.id === 'construction').color;
  const spot = await page.locator('figure[data-chart="sectors"] canvas[role="img"]').evaluate((cv, hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const { width, height } = cv;
    const px = cv.getContext('2d').getImageData(0, 0, width, height).data;
    const box = cv.getBoundingClientRect();
    const x = Math.round(width * 0.4);
    for (let y = 0; y < height; y += 1) {
      const i = (y * width + x) * 4;
      if (px[i] === r && px[i + 1] === g && px[i + 2] === b) return { x: box.left + x * box.width / width, y: box.top + y * box.height / height };
    }
    return null;
  }, hex);
  assert.ok(spot, 'construction’s line not found');
  await page.mouse.click(spot.x, spot.y);
  await page.waitForFunction(() => location.hash.includes('time='), null, { timeout: 2000 });
  const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
  assert.equal(hash.get('chart'), 'sectors');
  assert.equal(hash.get('mark'), 'construction');
  // The line's entity is selected: the same entity stands out wherever it is drawn.
  assert.equal(hash.get('region'), 'construction');
  const time = hash.get('time');
  assert.match(time, /^20\d\d-\d\d$/);
  await context.close();

  // The link on a phone: the pinned line's panel gives its value at the pinned month.
  const { page: phone, errors: phoneErrors, context: phoneContext } = await open(browser, `${EMPLOYMENT}#chart=sectors&mark=construction&time=2009-03`, { width: 375, dpr: 2, touch: true });
  const panel = phone.locator('figure[data-chart="sectors"] .pin-panel');
  await panel.waitFor({ state: 'visible' });
  const text = await panel.textContent();
  const value = valueAt('construction', 'employees', '2009-03').toLocaleString('en-US');
  assert.ok(text.includes('Construction') && text.includes('Mar 2009') && text.includes(value), `panel: ${text}`);
  await phone.locator('figure[data-chart="sectors"]').screenshot({ path: join(SCREENSHOT_DIR, 'lines-deep-link-375.png') });
  assert.deepEqual([...errors, ...phoneErrors], []);
  await phoneContext.close();
});

test('grouped columns: a column under the pointer tells its entity, month, value and unit', async () => {
  const { page, errors, context } = await open(browser, EMPLOYMENT, { width: 1280, dpr: 2 });
  const chart = 'sectors-three-months';
  await canvasOf(page, chart);
  // Construction's first column, in its colour: the leftmost pixel of it is January 2008's.
  const hex = employment.regions.find((r) => r.id === 'construction').color;
  const spot = await page.locator(`figure[data-chart="${chart}"] canvas[role="img"]`).evaluate((cv, hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const { width, height } = cv;
    const px = cv.getContext('2d').getImageData(0, 0, width, height).data;
    const box = cv.getBoundingClientRect();
    for (let x = 0; x < width; x += 1) {
      // Below the legend's swatch: from the middle of the canvas down.
      for (let y = Math.round(height / 2); y < height; y += 1) {
        const i = (y * width + x) * 4;
        if (px[i] === r && px[i + 1] === g && px[i + 2] === b) return { x: box.left + (x + 4) * box.width / width, y: box.top + y * box.height / height };
      }
    }
    return null;
  }, hex);
  assert.ok(spot, 'construction’s column not found');
  await page.mouse.move(spot.x, spot.y);
  const lines = await tooltipLines(page);
  assert.ok(lines, 'no tooltip on the column');
  const text = lines.join(' ');
  const value = valueAt('construction', 'employees', '2008-01').toLocaleString('en-US');
  for (const part of ['Construction', 'Jan 2008', value, 'thousand jobs']) {
    assert.ok(text.includes(part), `${part} not in the tooltip: ${text}`);
  }
  await page.locator(`figure[data-chart="${chart}"]`).screenshot({ path: join(SCREENSHOT_DIR, 'columns-grouped-hover-1280-dpr2.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone, a tap puts the cursor where the finger is and pins it', async () => {
  const { page, errors, context } = await open(browser, EMPLOYMENT, { width: 375, dpr: 2, touch: true });
  const { box } = await canvasOf(page, 'monthly-change');
  await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.waitForFunction(() => location.hash.includes('time='), null, { timeout: 2000 });
  const lines = await tooltipLines(page);
  assert.ok(lines && /20\d\d/.test(lines[0]), `the tapped time is shown: ${lines}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the keyboard walks time with left and right and the lines with up and down, and says each', async () => {
  const { page, errors, context } = await open(browser, EMPLOYMENT, { width: 1280 });
  const { canvas } = await canvasOf(page, 'sectors');
  await canvas.focus();
  const start = await tooltipLines(page);
  assert.equal(start[0], 'Dec 2015', 'the cursor starts at the latest month');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await tooltipLines(page))[0], 'Nov 2015');
  const announced = () => page.locator('.announcer').textContent();
  await page.waitForFunction(() => document.querySelector('.announcer').textContent.startsWith('Nov 2015'));
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => /, Nov 2015: /.test(document.querySelector('.announcer').textContent));
  const line = (await announced()).split(',')[0];
  assert.ok(employment.regions.some((r) => r.name === line), `a line's name is said: ${line}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('time=2015-11'), null, { timeout: 2000 });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'lines-keyboard-1280.png') });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !location.hash.includes('time='), null, { timeout: 2000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a story of series reads as tables: a chart’s, the whole story’s, and the raw data’s when the engine cannot start', async () => {
  const { page, errors, context } = await open(browser, EMPLOYMENT, { width: 1280 });
  await page.click('figure[data-chart="sectors"] .table-toggle');
  const chartTable = await page.locator('figure[data-chart="sectors"] table').textContent();
  const latest = valueAt('construction', 'employees', '2015-12').toLocaleString('en-US');
  assert.ok(chartTable.includes('Construction') && chartTable.includes(latest) && chartTable.includes('Dec 2015'), chartTable);
  assert.doesNotMatch(chartTable, /null|undefined/);
  await page.click('.table-toggle >> text=/all figures/i');
  const whole = await page.locator('.all-figures table').textContent();
  assert.ok(whole.includes('All nonfarm jobs') && whole.includes('Construction'), whole);
  assert.deepEqual(errors, []);
  await context.close();

  const failing = await browser.newContext();
  const broken = await failing.newPage();
  await broken.route('**/assets/datastory_series_bg-*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm' }));
  await broken.goto(new URL(EMPLOYMENT, BASE_URL).href);
  await broken.waitForFunction(() => document.documentElement.dataset.ready === 'error');
  const raw = await broken.textContent('#story table');
  const first = valueAt('construction', 'employees', '2006-01').toLocaleString('en-US');
  assert.ok(raw.includes('Construction') && raw.includes('2006-01') && raw.includes(first), raw.slice(0, 300));
  await failing.close();
});
