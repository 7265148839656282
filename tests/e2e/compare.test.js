// End to end: charts that compare entities — the barley story's slope chart (its two years by keyboard, a line clicked selects its site everywhere) and small multiples (drawn, the selected entity's panel marked, reached by keyboard).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, tooltipLines, chartCanvas as canvasOf, BASE_URL, SCREENSHOT_DIR } from './browser.js';

const BARLEY = 'data/examples/minnesota-barley.json';
const DISASTERS = 'data/examples/natural-disasters.json';
let browser;
let barley;
let disasters;
before(async () => {
  browser = await launch();
  barley = await (await fetch(new URL(BARLEY, BASE_URL))).json();
  disasters = await (await fetch(new URL(DISASTERS, BASE_URL))).json();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
after(async () => { await browser?.close(); });

const slopeChart = () => barley.charts.find((c) => c.kind === 'slope');
const colour = (story, id) => story.regions.find((r) => r.id === id).color;
const siteName = (id) => barley.regions.find((r) => r.id === id).name;
/** Site `entity`'s yield in `year`, as the page must write it: the indicator's one decimal. */
function yieldText(entity, year) {
  const s = barley.series.find((x) => x.entity === entity);
  const decimals = barley.indicators.find((i) => i.id === s.indicator).decimals;
  return s.values[s.times.findIndex((t) => String(t) === String(year))].toFixed(decimals);
}

/**
 * What chart `id`'s canvas shows in colour `hex`: how many pixels, a point in the viewport on one,
 * and the pixels of that colour (their indices, in order), for diffs.
 */
async function inColour(page, id, hex) {
  const canvas = await canvasOf(page, id);
  return canvas.evaluate((cv, hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const { width, height } = cv;
    const px = cv.getContext('2d').getImageData(0, 0, width, height).data;
    const box = cv.getBoundingClientRect();
    const on = (x, y) => {
      const i = (y * width + x) * 4;
      return px[i] === r && px[i + 1] === g && px[i + 2] === b;
    };
    const pixels = [];
    for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) if (on(x, y)) pixels.push(y * width + x);
    // The middle one of them from left to right: inside its mark, away from the ends where markers stand out.
    const byX = [...pixels].sort((a, b) => (a % width) - (b % width));
    const p = byX[Math.floor(byX.length / 2)];
    const spot = p === undefined ? null : {
      x: box.left + ((p % width) + 0.5) * box.width / width,
      y: box.top + (Math.floor(p / width) + 0.5) * box.height / height,
    };
    return { count: pixels.length, spot, pixels, width, scale: width / box.width };
  }, hex);
}

/** The longest horizontal run, in CSS pixels, of pixels in `after` and not in `before` (two `inColour` readings of one canvas). */
function longestNewRun(before, after) {
  const old = new Set(before.pixels);
  let best = 0;
  let run = 0;
  let last = -2;
  for (const p of after.pixels) {
    if (old.has(p)) continue;
    run = p === last + 1 && p % after.width !== 0 ? run + 1 : 1;
    last = p;
    best = Math.max(best, run);
  }
  return best / after.scale;
}

/** Clicks viewport point `spot`, scrolling the page first when it lies outside the view. */
async function clickAt(page, spot) {
  const moved = await page.evaluate((dy) => {
    const y0 = window.scrollY;
    window.scrollBy({ top: dy, behavior: 'instant' });
    return window.scrollY - y0;
  }, spot.y - (await page.evaluate(() => window.innerHeight)) / 2);
  await page.mouse.click(spot.x, spot.y - moved);
}

const hashOf = (page) => new URLSearchParams(new URL(page.url()).hash.slice(1));

for (const [width, dpr] of [[375, 2], [1280, 1]]) {
  test(`the barley story's slope chart at ${width}px: every site's line and both years' yields, with no console error`, async () => {
    const { page, errors, context } = await open(browser, `/?data=${BARLEY}`, { width, dpr });
    const c = slopeChart();
    const figure = page.locator(`figure[data-chart="${c.id}"]`);
    assert.equal(await figure.getAttribute('data-kind'), 'slope');
    assert.equal(await figure.getAttribute('data-state'), 'drawn');
    // The highlighted sites are drawn in their colours, the rest in grey: each highlighted colour is on the canvas.
    for (const id of c.highlight) {
      assert.ok((await inColour(page, c.id, colour(barley, id))).count > 20, `${id}'s line is not in its colour`);
    }
    // A screen reader hears every site with both years' yields, to one decimal.
    const description = await page.textContent(`#description-${c.id}`);
    for (const r of barley.regions) {
      for (const year of c.times) {
        assert.ok(description.includes(`${yieldText(r.id, year)} bushels per acre in ${year}`), `${r.name} ${year} in: ${description}`);
      }
    }
    assert.doesNotMatch(description, /\d\.\d\d/, 'a yield with more than one decimal');
    await figure.screenshot({ path: join(SCREENSHOT_DIR, `compare-slope-${width}-dpr${dpr}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the barley story in Chinese: its headlines, site names and yields in Chinese, the slope drawn, with no console error', async () => {
  const zh = barley.translations.zh;
  const { page, errors, context } = await open(browser, `/?data=${BARLEY}&lang=zh`, { width: 375, dpr: 2 });
  const c = slopeChart();
  const figure = page.locator(`figure[data-chart="${c.id}"]`);
  assert.equal(await figure.locator('h3').textContent(), zh[`charts.${c.id}.headline`]);
  assert.equal(await figure.getAttribute('data-state'), 'drawn');
  for (const id of c.highlight) {
    assert.ok((await inColour(page, c.id, colour(barley, id))).count > 20, `${id}'s line is not in its colour`);
  }
  // The description speaks Chinese: each site by its Chinese name, each yield to one decimal.
  const description = await page.textContent(`#description-${c.id}`);
  for (const r of barley.regions) {
    assert.ok(description.includes(zh[`regions.${r.id}.name`]), `${r.id} in: ${description}`);
    assert.ok(description.includes(yieldText(r.id, 1932)), `${r.id}'s 1932 yield in: ${description}`);
  }
  assert.doesNotMatch(description, /bushels|\d\.\d\d/, description);
  await figure.screenshot({ path: join(SCREENSHOT_DIR, 'compare-slope-zh-375-dpr2.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the slope chart’s cursor steps between its two years by keyboard and lists every site there, largest first', async () => {
  const { page, errors, context } = await open(browser, `/?data=${BARLEY}`, { width: 1280 });
  const c = slopeChart();
  const [first, second] = c.times;
  const canvas = await canvasOf(page, c.id);
  await canvas.focus();
  const rowsAt = async (year) => {
    const lines = await tooltipLines(page);
    assert.ok(lines, 'no tooltip');
    assert.equal(lines[0], year);
    const rows = lines.slice(1, 1 + barley.regions.length);
    // Each site once, with its yield that year to one decimal, largest first.
    const expected = barley.regions
      .map((r) => `${r.name}${yieldText(r.id, year)} bushels per acre`)
      .sort((a, b) => parseFloat(b.replace(/^\D+/, '')) - parseFloat(a.replace(/^\D+/, '')));
    assert.deepEqual(rows, expected);
    return rows;
  };
  // The keyboard starts at the later year, where the lines end.
  await rowsAt(second);
  await page.keyboard.press('ArrowLeft');
  await rowsAt(first);
  await page.waitForFunction((y) => document.querySelector('.announcer').textContent.startsWith(`${y}: `), first);
  const said = await page.textContent('.announcer');
  const top = barley.regions.map((r) => r.id).sort((a, b) => yieldText(b, first) - yieldText(a, first))[0];
  assert.ok(said.startsWith(`${first}: ${siteName(top)} ${yieldText(top, first)} bushels per acre`), said);
  // Two periods only: further left stays at the first.
  await page.keyboard.press('ArrowLeft');
  await rowsAt(first);
  await page.keyboard.press('ArrowRight');
  await rowsAt(second);
  // Up and down go from site to site, each said with its yield.
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((y) => new RegExp(`, ${y}: \\d+\\.\\d bushels per acre\\.$`).test(document.querySelector('.announcer').textContent), second);
  const line = (await page.textContent('.announcer')).split(',')[0];
  assert.ok(barley.regions.some((r) => r.name === line), `a site's name is said: ${line}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((y) => location.hash.includes(`time=${y}`), second, { timeout: 2000 });
  assert.equal(hashOf(page).get('chart'), c.id);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a click on a site’s line on the slope chart selects the site: the address keeps it and the bars of 1932 mark it', async () => {
  const { page, errors, context } = await open(browser, `/?data=${BARLEY}`, { width: 1280 });
  const c = slopeChart();
  const bars = barley.charts.find((x) => x.kind === 'bars');
  const waseca = colour(barley, 'waseca');
  const before = await inColour(page, bars.id, waseca);
  assert.ok(before.count > 100, 'Waseca’s bar is not in its colour before any selection');
  const morris = await inColour(page, c.id, colour(barley, 'morris'));
  assert.ok(morris.spot, 'Morris’s line is not drawn in its colour');
  await clickAt(page, morris.spot);
  await page.waitForFunction(() => location.hash.includes('mark='), null, { timeout: 2000 });
  const hash = hashOf(page);
  assert.equal(hash.get('chart'), c.id);
  assert.equal(hash.get('mark'), 'morris');
  assert.equal(hash.get('region'), 'morris');
  // The same site stands out on the other chart: Morris's bar keeps its colour, the others fade.
  const after = await inColour(page, bars.id, waseca);
  assert.ok(after.count < before.count / 4, `Waseca’s bar did not fade: ${before.count} → ${after.count} pixels`);
  assert.ok((await inColour(page, bars.id, colour(barley, 'morris'))).count > 100, 'Morris’s bar lost its colour');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'compare-slope-selected-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();

  // The address opens the same view: the pinned site's panel gives its yield in the pinned year.
  const [first] = c.times;
  const { page: phone, errors: phoneErrors, context: phoneContext } = await open(browser, `/?data=${BARLEY}#chart=${c.id}&mark=morris&time=${first}`, { width: 375, dpr: 2 });
  const panel = phone.locator(`figure[data-chart="${c.id}"] .pin-panel`);
  await panel.waitFor({ state: 'visible' });
  const text = await panel.textContent();
  assert.ok(text.includes('Morris') && text.includes(first) && text.includes(`${yieldText('morris', first)} bushels per acre`), `panel: ${text}`);
  assert.deepEqual(phoneErrors, []);
  await phoneContext.close();
});

for (const [width, dpr] of [[375, 2], [1280, 1]]) {
  test(`small multiples at ${width}px: a panel clicked is its entity selected, and that panel is marked by a rule in its colour`, async () => {
    const { page, errors, context } = await open(browser, `/?data=${DISASTERS}`, { width, dpr });
    const c = disasters.charts.find((x) => x.kind === 'small_multiples');
    const figure = page.locator(`figure[data-chart="${c.id}"]`);
    assert.equal(await figure.getAttribute('data-state'), 'drawn');
    const hex = colour(disasters, 'flood');
    const before = await inColour(page, c.id, hex);
    assert.ok(before.spot, 'the flood panel’s line is not in its colour');
    await clickAt(page, before.spot);
    await page.waitForFunction(() => location.hash.includes('region='), null, { timeout: 2000 });
    const hash = hashOf(page);
    assert.equal(hash.get('mark'), 'flood');
    assert.equal(hash.get('region'), 'flood');
    const after = await inColour(page, c.id, hex);
    // The rule spans the panel: far longer than any flat stretch of text or line drawn in that colour.
    const rule = longestNewRun(before, after);
    assert.ok(rule >= (width < 600 ? 100 : 150), `no rule over the selected panel: the longest new run is ${rule.toFixed(0)} px`);
    await figure.screenshot({ path: join(SCREENSHOT_DIR, `compare-multiples-selected-${width}-dpr${dpr}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('small multiples: an entity selected in the address is marked, and the keyboard reaches every panel and pins one', async () => {
  const c = disasters.charts.find((x) => x.kind === 'small_multiples');
  const [firstId, secondId] = c.entities;
  const name = (id) => disasters.regions.find((r) => r.id === id).name;
  const plain = await open(browser, `/?data=${DISASTERS}`, { width: 1280 });
  const unmarked = await inColour(plain.page, c.id, colour(disasters, secondId));
  await plain.context.close();

  const { page, errors, context } = await open(browser, `/?data=${DISASTERS}#region=${secondId}`, { width: 1280 });
  const marked = await inColour(page, c.id, colour(disasters, secondId));
  assert.ok(longestNewRun(unmarked, marked) >= 150, `${secondId} selected in the address: no rule over its panel`);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !location.hash.includes('region='), null, { timeout: 2000 });

  // Tab reaches the chart like any control on the page, from the top of the page (Chromium starts
  // Tab where the page was last scrolled to, and the colours above were read with the chart in view).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(1, 1);
  let reached = false;
  for (let i = 0; i < 40 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate((id) => document.activeElement?.closest('figure')?.dataset.chart === id, c.id);
  }
  assert.ok(reached, 'Tab never reaches the small multiples');
  const lines = await tooltipLines(page);
  assert.equal(lines?.[0], name(firstId), `the first panel is told: ${lines}`);
  await page.keyboard.press('ArrowRight');
  assert.equal((await tooltipLines(page))?.[0], name(secondId));
  const s = disasters.series.find((x) => x.entity === secondId);
  const latest = s.values.findLast((v) => v !== null).toLocaleString('en-US');
  await page.waitForFunction((n) => document.querySelector('.announcer').textContent.startsWith(`${n}: `), name(secondId));
  assert.ok((await page.textContent('.announcer')).includes(`${latest} deaths`));
  const before = await inColour(page, c.id, colour(disasters, secondId));
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.hash.includes(`mark=${id}`), secondId, { timeout: 2000 });
  assert.equal(hashOf(page).get('region'), secondId);
  // The focus ring stands where the rule is drawn; once focus moves on, the pinned panel shows its mark.
  await page.keyboard.press('Tab');
  const pinned = await inColour(page, c.id, colour(disasters, secondId));
  assert.ok(longestNewRun(before, pinned) >= 150, 'the panel pinned by keyboard is not marked');
  assert.deepEqual(errors, []);
  await context.close();
});
