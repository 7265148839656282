// End to end: the choropleth of the world's countries — drawn at phone and desktop widths, every region clicked and walked by keyboard, the slider played, paused, stepped and deep-linked, with no console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, tooltipLines, chartCanvas, BASE_URL, SCREENSHOT_DIR } from './browser.js';

const STORY = 'data/examples/gapminder.json';
const PAGE = `/?data=${STORY}`;
const MAP = 'life-expectancy-map';
let browser;
let story;
before(async () => {
  browser = await launch();
  story = await (await fetch(new URL(STORY, BASE_URL))).json();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
after(async () => { await browser?.close(); });

const figure = (page) => page.locator(`figure[data-chart="${MAP}"]`);

/** A fingerprint of the map canvas' pixels: it changes when the map is recoloured. */
const pixels = (page) => figure(page).locator('canvas[role="img"]').evaluate((cv) => {
  const px = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
  let h = 0;
  for (let i = 0; i < px.length; i += 4) h = (h * 31 + px[i] * 7 + px[i + 1] * 3 + px[i + 2]) >>> 0;
  return h;
});

const names = () => new Map(story.regions.map((r) => [r.id, r.name]));
/** A value as the page writes it: to the indicator's two decimals, with separators. */
const written = (v) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const lifeSeries = () => story.series.filter((s) => s.indicator === 'life-expectancy');

for (const [width, dpr] of [[375, 2], [1280, 1], [1280, 2], [375, 1]]) {
  test(`at ${width}px, DPR ${dpr}: every chart is drawn, the map under a slider at the latest year, no console error`, async () => {
    const { page, errors, context } = await open(browser, PAGE, { width, dpr });
    for (const c of story.charts) {
      assert.equal(await page.locator(`figure[data-chart="${c.id}"]`).getAttribute('data-state'), 'drawn', c.id);
    }
    const range = figure(page).locator('input[type="range"]');
    assert.equal(await range.getAttribute('max'), '10', 'eleven times, 1955 to 2005');
    assert.equal(await range.inputValue(), '10');
    assert.equal(await range.getAttribute('aria-valuetext'), '2005');
    // The legend's darkest blue and the hatching's grey are on the canvas: a map, not a blank box.
    await chartCanvas(page, MAP);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `choropleth-${width}-dpr${dpr}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('every country is named with its value, year and source by the keyboard, and a click selects it', async () => {
  const { page, errors, context } = await open(browser, PAGE, { width: 1280 });
  const canvas = await chartCanvas(page, MAP);
  await canvas.focus();
  const seen = new Map();
  const count = 232;
  for (let i = 0; i < count; i += 1) {
    const lines = await tooltipLines(page);
    assert.ok(lines, `the tooltip shows the focused region (${i})`);
    seen.set(lines[0], lines);
    await page.keyboard.press('ArrowRight');
  }
  const withData = lifeSeries().map((s) => names().get(s.entity));
  for (const name of withData) {
    const lines = seen.get(name);
    assert.ok(lines, `${name} is reached by the keyboard`);
    const s = lifeSeries().find((x) => names().get(x.entity) === name);
    const value = s.values[s.times.indexOf(2005)];
    assert.ok(lines.some((l) => l.includes(written(value))), `${name}: ${lines} says ${value}`);
    assert.ok(lines.some((l) => l.includes('2005')), `${name}: the year`);
    assert.ok(lines.some((l) => l.includes('Gapminder')), `${name}: the source`);
  }
  // A shape the data do not cover says so.
  assert.ok([...seen.values()].some((l) => l[1] === 'no data'), 'a country without data says "no data"');
  // Enter on a focused country selects it across the page; the address says so.
  while (!withData.includes((await tooltipLines(page))[0])) await page.keyboard.press('ArrowRight');
  const name = (await tooltipLines(page))[0];
  const id = story.regions.find((r) => r.name === name).id;
  await page.keyboard.press('Enter');
  await page.waitForFunction((r) => location.hash.includes(`region=${r}`), id);
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking the countries on the map selects each, and its line is drawn beside the map', async () => {
  const { page, errors, context } = await open(browser, PAGE, { width: 1280 });
  const canvas = await chartCanvas(page, MAP);
  const box = await canvas.boundingBox();
  // The countries the pointer finds on a grid over the map. Chromium hands pointer moves over once
  // a frame, so each is read after a frame.
  const found = new Map();
  for (let y = Math.round(box.y) + 60; y < box.y + box.height * 0.8; y += 14) {
    for (let x = Math.round(box.x) + 4; x < box.x + box.width * 0.64; x += 14) {
      await page.mouse.move(x, y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
      const lines = await tooltipLines(page);
      if (lines && lines[1] !== 'no data' && !found.has(lines[0])) found.set(lines[0], { x, y });
    }
  }
  // Most of the 62: the smallest (Grenada, Barbados, Hong Kong) fall between its points.
  assert.ok(found.size >= 30, `the grid finds most countries with data: ${[...found.keys()]}`);
  // A click selects the country under it across the page: the address names it, the pinned panel
  // tells it, and the map is drawn anew (its outline, its line beside the map).
  const withData = new Set(lifeSeries().map((s) => s.entity));
  const selected = new Set();
  let before = await pixels(page);
  for (const at of found.values()) {
    // Unpinned first, so that a click on the country already pinned pins it again, not lets it go.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('mark='));
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => location.hash.includes('mark='));
    const hash = await page.evaluate(() => location.hash);
    const id = decodeURIComponent(/mark=([^&]+)/.exec(hash)[1]);
    // A point on a border may fall to the neighbour, which may have no data: pinned, but no region.
    if (!withData.has(id)) continue;
    assert.ok(hash.includes(`region=${encodeURIComponent(id)}`), `${id} is selected: ${hash}`);
    const title = await figure(page).locator('.pin-panel .detail-title').textContent();
    assert.equal(title, names().get(id));
    if (!selected.has(id)) {
      const after = await pixels(page);
      assert.notEqual(after, before, `selecting ${id} redraws the map`);
      before = after;
    }
    selected.add(id);
  }
  assert.ok(selected.size >= 30, `${selected.size} countries selected by a click`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('play recolours the map year by year, pause stops it, the steps and the arrow keys move it, and the address keeps the year', async () => {
  const { page, errors, context } = await open(browser, PAGE, { width: 1280 });
  await chartCanvas(page, MAP);
  const range = figure(page).locator('input[type="range"]');
  const play = figure(page).getByRole('button', { name: 'Play through the times' });
  const start = await pixels(page);
  await play.click();
  // From the end, play starts again at 1955, then steps on.
  await page.waitForFunction(() => Number(document.querySelector('.slider-range').value) >= 2);
  assert.notEqual(await pixels(page), start, 'the map is recoloured');
  await figure(page).getByRole('button', { name: 'Pause' }).click();
  const paused = await range.inputValue();
  await page.waitForTimeout(1200);
  assert.equal(await range.inputValue(), paused, 'paused, the slider stays');
  assert.match(await page.evaluate(() => location.hash), new RegExp(`chart=${MAP}&time=\\d{4}`));

  await figure(page).getByRole('button', { name: 'Show the next time' }).click();
  assert.equal(Number(await range.inputValue()), Number(paused) + 1);
  const year = 1955 + 5 * (Number(paused) + 1);
  await page.waitForFunction((y) => location.hash.endsWith(`time=${y}`), year);
  await range.focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await range.getAttribute('aria-valuetext'), String(year - 5));
  await page.keyboard.press('Home');
  assert.equal(await range.getAttribute('aria-valuetext'), '1955');
  await page.waitForFunction(() => location.hash.endsWith('time=1955'));
  // The table lists every country's value in the year shown.
  await figure(page).getByRole('button', { name: /Show the figures of/ }).click();
  const china = lifeSeries().find((s) => s.entity === 'china');
  /** True once the table's row of China (not "Hong Kong, China") gives value `v`. */
  const chinaRow = (v) => page.waitForFunction((v) => [...document.querySelectorAll('figure[data-chart="life-expectancy-map"] tr')]
    .some((r) => r.cells[0]?.textContent === 'China' && r.textContent.includes(v)), v);
  await chinaRow(written(china.values[0]));
  await range.focus();
  await page.keyboard.press('End');
  await chinaRow(written(china.values[10]));
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone, a tap on a country pins its value, year and source under the map', async () => {
  const { page, errors, context } = await open(browser, `${PAGE}#chart=${MAP}&time=1990`, { width: 375, dpr: 2, touch: true });
  const canvas = await chartCanvas(page, MAP);
  const box = await canvas.boundingBox();
  // Brazil is in the map's lower left, under the legend: taps go over that part until one finds it.
  let found = false;
  for (let y = box.y + 130; y < box.y + 210 && !found; y += 10) {
    for (let x = box.x + box.width * 0.22; x < box.x + box.width * 0.45 && !found; x += 8) {
      await page.touchscreen.tap(x, y);
      found = await figure(page).locator('.pin-panel:not([hidden]) .detail-title').textContent({ timeout: 200 })
        .then((t) => t === 'Brazil', () => false);
    }
  }
  assert.ok(found, 'a tap finds Brazil');
  const panel = await figure(page).locator('.pin-panel').textContent();
  const brazil = lifeSeries().find((s) => s.entity === 'brazil');
  assert.match(panel, /Brazil/, panel);
  assert.ok(panel.includes(written(brazil.values[brazil.times.indexOf(1990)])), `${panel}: Brazil's value in 1990`);
  assert.match(panel, /Period: 1990/);
  assert.match(panel, /Gapminder/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link opens the map at its year with its country selected', async () => {
  const { page, errors, context } = await open(browser, `${PAGE}#region=india&chart=${MAP}&time=1970`, { width: 375, dpr: 2 });
  await chartCanvas(page, MAP);
  const range = figure(page).locator('input[type="range"]');
  assert.equal(await range.getAttribute('aria-valuetext'), '1970');
  assert.equal(await range.inputValue(), '3');
  // The tooltip of the selected country, by keyboard, is told at 1970.
  const india = lifeSeries().find((s) => s.entity === 'india');
  await figure(page).locator('canvas[role="img"]').focus();
  for (let i = 0; i < 232; i += 1) {
    const lines = await tooltipLines(page);
    if (lines?.[0] === 'India') {
      assert.ok(lines.some((l) => l.includes(written(india.values[3]))), `${lines}`);
      break;
    }
    await page.keyboard.press('ArrowRight');
  }
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'choropleth-deep-link-375-dpr2.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
