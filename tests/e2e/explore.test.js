// End to end: exploring by pointer, touch and keyboard — region selection, tooltips, pins, focus, announcements, and the view in the URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, FIXTURE_PAGE, SCREENSHOT_DIR } from './browser.js';

let browser;
/** Each region's colour, as the dataset gives it: where a reader sees the region, the test points. */
const REGIONS = {};
before(async () => {
  const data = await (await fetch(new URL('data/story.json', process.env.BASE_URL))).json();
  for (const r of data.regions) REGIONS[r.id] = r.color;
  browser = await launch();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
after(async () => { await browser?.close(); });


/**
 * Where a reader would click to hit something drawn in `hex` on chart `chart`: a pixel of that colour whose
 * whole neighbourhood has it too (so not under a label), nearest the middle of the colour's area. CSS pixels, page coordinates.
 */
async function spotOf(page, chart, hex, pick = 'centre') {
  return page.evaluate(async ([id, hex, pick]) => {
    const c = document.querySelector(`figure[data-chart="${id}"] canvas`);
    // A reader scrolls the chart into view before pointing at it, and the scroll has settled
    // (its event, which hides tooltips, has fired) before the pointer moves.
    c.scrollIntoView({ block: 'center', behavior: 'instant' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const { width, height } = c;
    const px = c.getContext('2d').getImageData(0, 0, width, height).data;
    const is = (x, y) => { const i = (y * width + x) * 4; return px[i] === r && px[i + 1] === g && px[i + 2] === b; };
    const spots = [];
    const k = 4;
    for (let y = k; y < height - k; y += 2) {
      for (let x = k; x < width - k; x += 2) {
        if (is(x, y) && is(x - k, y) && is(x + k, y) && is(x, y - k) && is(x, y + k)) spots.push([x, y]);
      }
    }
    if (!spots.length) return null;
    const mx = spots.reduce((s, p) => s + p[0], 0) / spots.length;
    const my = spots.reduce((s, p) => s + p[1], 0) / spots.length;
    if (pick === 'right') spots.sort((a, b) => b[0] - a[0]);
    else spots.sort((a, b) => Math.hypot(a[0] - mx, a[1] - my) - Math.hypot(b[0] - mx, b[1] - my));
    const box = c.getBoundingClientRect();
    const scale = width / box.width;
    return { x: box.left + spots[0][0] / scale, y: box.top + spots[0][1] / scale };
  }, [chart, hex, pick]);
}

/** Waits until a smooth scroll has come to rest, so a tap lands where the reader sees the mark. */
async function settle(page) {
  let last = null;
  for (let i = 0; i < 40; i += 1) {
    const y = await page.evaluate(() => window.scrollY);
    if (y === last) return;
    last = y;
    await page.waitForTimeout(150);
  }
}

/** Asserts the address shows `expected` once the view has stayed put the moment it waits for (explore.js). */
async function expectHash(page, expected) {
  await page.waitForFunction((h) => location.hash === h, expected, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(() => location.hash), expected);
}
const selectedSection = (page) => page.$eval('body', () => document.querySelector('section.region.selected')?.dataset.region ?? null);

test('clicking each region on the map selects its section, and the URL says so', async () => {
  const { page, errors, context } = await open(browser, '/', { width: 1280, dpr: 2 });
  // Find each region where it is drawn before anything is selected (a selection dims the others).
  const spots = {};
  for (const [region, hex] of Object.entries(REGIONS)) {
    spots[region] = await spotOf(page, 'map', hex);
    assert.ok(spots[region], `no ${region} on the map`);
  }
  for (const [region, spot] of Object.entries(spots)) {
    await page.mouse.click(spot.x, spot.y);
    assert.equal(await selectedSection(page), region);
    await expectHash(page, `#region=${region}`);
    assert.equal(await page.getAttribute(`.region-button[data-region="${region}"]`, 'aria-pressed'), 'true');
    await page.waitForFunction((r) => document.querySelector('.announcer').textContent.includes('selected'), region);
  }
  // Clicking the selected region again clears it.
  await page.mouse.click(spots['inner-mongolia'].x, spots['inner-mongolia'].y);
  assert.equal(await selectedSection(page), null);
  await expectHash(page, '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a selected region stands out on the map and in the overview, the others step back', async () => {
  const { page, context } = await open(browser, `${FIXTURE_PAGE}#region=liaoning`, { width: 1280, fixture: true });
  // Liaoning keeps its colour; the other regions are faded, so their full colours are gone from the map.
  assert.ok(await spotOf(page, 'map', REGIONS.liaoning), 'Liaoning lost its colour');
  assert.equal(await spotOf(page, 'map', REGIONS.jilin), null, 'Jilin is not dimmed');
  // In the overview's bars, Heilongjiang's bar is dimmed too.
  assert.equal(await spotOf(page, 'bounds', REGIONS.heilongjiang), null, 'the overview does not follow the selection');
  const opacity = await page.$eval('section.region[data-region="jilin"]', (s) => getComputedStyle(s).opacity);
  assert.ok(Number(opacity) < 1, `other sections stay at opacity ${opacity}`);
  await context.close();
});

test('selection fades take at most 250 ms, and none when the reader asks for reduced motion', async () => {
  const duration = async (reducedMotion) => {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await page.goto(process.env.BASE_URL);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    const d = await page.$eval('section.region[data-region="jilin"]', (s) => getComputedStyle(s).transitionDuration);
    await context.close();
    return Math.max(...d.split(',').map((x) => parseFloat(x) * (x.trim().endsWith('ms') ? 1 : 1000)));
  };
  const normal = await duration('no-preference');
  assert.ok(normal > 0 && normal <= 250, `fade of ${normal} ms`);
  assert.equal(await duration('reduce'), 0);
});

test('a deep link restores the region and the pinned figure; back and forward step through selections', async () => {
  const { page, errors, context } = await open(browser, '/#region=liaoning&chart=liaoning-activity&mark=liaoning-activity-rate');
  assert.equal(await selectedSection(page), 'liaoning');
  const panel = await page.textContent('figure[data-chart="liaoning-activity"] .pin-panel');
  assert.match(panel, /67%/);
  assert.match(panel, /67% activity rate/, 'the source sentence is shown');
  // Select two regions with their names, then go back. The address follows each once the view
  // has stayed put a moment, and each then has its history entry.
  await page.click('.region-button[data-region="jilin"]');
  await page.waitForFunction(() => location.hash === '#region=jilin');
  await page.click('.region-button[data-region="heilongjiang"]');
  await page.waitForFunction(() => location.hash === '#region=heilongjiang');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#region=jilin');
  assert.equal(await selectedSection(page), 'jilin');
  await page.goForward();
  await page.waitForFunction(() => location.hash === '#region=heilongjiang');
  assert.equal(await selectedSection(page), 'heilongjiang');
  assert.deepEqual(errors, []);
  await context.close();
});

test('hovering a bar shows its exact figure with its qualifier, period and source sentence', async () => {
  const { page, errors, context } = await open(browser, FIXTURE_PAGE, { width: 1280, fixture: true });
  const spot = await spotOf(page, 'bounds', REGIONS.heilongjiang);
  await page.mouse.move(spot.x, spot.y);
  await page.waitForSelector('.tooltip:not([hidden])');
  const tip = await page.textContent('.tooltip');
  assert.match(tip, /more than 200 countries and regions/);
  assert.match(tip, /Heilongjiang province engages in trade with over 200 countries and regions/);
  // The tooltip stays inside the viewport.
  const box = await page.$eval('.tooltip', (t) => t.getBoundingClientRect().toJSON());
  assert.ok(box.right <= 1280 && box.left >= 0);
  await page.mouse.move(2, 2);
  await page.waitForSelector('.tooltip[hidden]', { state: 'attached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 320 px the tooltip stays inside the viewport, even for a mark at the right edge', async () => {
  const { page, errors, context } = await open(browser, FIXTURE_PAGE, { width: 320, height: 640, fixture: true });
  for (const [chart, hex] of [['bounds', REGIONS.heilongjiang], ['map', REGIONS.heilongjiang], ['jilin-gdp-growth', REGIONS.jilin]]) {
    // The rightmost point of that colour's area: the worst place for a tooltip.
    const spot = await spotOf(page, chart, hex, 'right');
    await page.mouse.move(spot.x, spot.y);
    await page.waitForSelector('.tooltip:not([hidden])');
    const box = await page.$eval('.tooltip', (t) => t.getBoundingClientRect().toJSON());
    assert.ok(box.left >= 0 && box.right <= 320, `${chart}: tooltip spans ${box.left}..${box.right}`);
    assert.ok(box.top >= 0 && box.bottom <= 640, `${chart}: tooltip spans ${box.top}..${box.bottom} vertically`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking a bar pins its details; clicking elsewhere or Esc unpins', async () => {
  const { page, context } = await open(browser, FIXTURE_PAGE, { width: 1280, fixture: true });
  const spot = await spotOf(page, 'bounds', REGIONS.jilin);
  await page.mouse.click(spot.x, spot.y);
  const panel = 'figure[data-chart="bounds"] .pin-panel';
  await page.waitForSelector(`${panel}:not([hidden])`);
  assert.match(await page.textContent(panel), /more than 20 countries and regions/);
  await expectHash(page, '#chart=bounds&mark=jilin-crrc-export-markets');
  await page.mouse.click(5, 5);
  assert.equal(await page.$eval(panel, (p) => p.hidden), true);
  await page.mouse.click(spot.x, spot.y);
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval(panel, (p) => p.hidden), true);
  await context.close();
});

test('the keyboard walks the map and a chart: Tab, arrows, Enter, Esc, with a focus ring and announcements', async () => {
  const { page, errors, context } = await open(browser, FIXTURE_PAGE, { width: 1280, dpr: 1, fixture: true });
  const mapBefore = await page.$eval('figure[data-chart="map"] canvas', (c) => c.toDataURL());
  // Tab past the page's own controls (the Embed button) to the map's canvas.
  const focusedCanvas = () => page.evaluate(() => document.activeElement.tagName === 'CANVAS' && document.activeElement.closest('figure')?.dataset.chart);
  const tabTo = async (chart) => {
    for (let i = 0; i < 10 && await focusedCanvas() !== chart; i += 1) await page.keyboard.press('Tab');
    assert.equal(await focusedCanvas(), chart, `Tab did not reach the ${chart} chart`);
  };
  await tabTo('map');
  // The focus ring is drawn on the canvas: the picture changes when a mark takes focus.
  const mapFocused = await page.$eval('figure[data-chart="map"] canvas', (c) => c.toDataURL());
  assert.notEqual(mapFocused, mapBefore, 'no focus ring was drawn');
  await page.waitForSelector('.tooltip:not([hidden])');
  const first = await page.textContent('.tooltip');
  await page.keyboard.press('ArrowRight');
  const second = await page.textContent('.tooltip');
  assert.notEqual(second, first, 'the arrow key did not move to another region');
  await page.waitForFunction(() => /province|autonomous region/.test(document.querySelector('.announcer').textContent));
  await page.keyboard.press('Enter');
  const region = await selectedSection(page);
  assert.ok(region, 'Enter selected no region');
  await expectHash(page, `#region=${region}`);
  await page.keyboard.press('Escape');
  assert.equal(await selectedSection(page), null);

  // On to the bar chart (past the map's Table and download buttons): arrows reach the second bar,
  // Enter pins it, Esc unpins.
  await tabTo('bounds');
  await page.keyboard.press('ArrowDown');
  assert.match(await page.textContent('.tooltip'), /more than 50 countries/);
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('figure[data-chart="bounds"] .pin-panel'), /more than 50 countries/);
  await page.waitForFunction(() => document.querySelector('.announcer').textContent.startsWith('Pinned'));
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('figure[data-chart="bounds"] .pin-panel', (p) => p.hidden), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('big-number cards are buttons: hover shows the figure, a click or Enter pins it, arrows step along, Esc lets go', async () => {
  const { page, errors, context } = await open(browser, '/', { width: 1280, dpr: 1 });
  const figure = 'figure[data-chart="jilin-standouts"]';
  // A card's name for assistive technology is its words: the bound before the number.
  const grain = page.getByRole('button', { name: /^More than\s*80 billion jin\s*Grain output, each year\s*Three consecutive years$/ });
  await grain.scrollIntoViewIfNeeded();
  await grain.hover();
  await page.waitForSelector('.tooltip:not([hidden])');
  assert.match(await page.textContent('.tooltip'), /more than 80 billion jin/);
  assert.match(await page.textContent('.tooltip'), /exceeding 80 billion jin for three consecutive years/);
  await grain.click();
  const panel = `${figure} .pin-panel`;
  await page.waitForSelector(`${panel}:not([hidden])`);
  assert.match(await page.textContent(panel), /more than 80 billion jin/);
  assert.equal(await grain.getAttribute('aria-pressed'), 'true');
  await expectHash(page, '#chart=jilin-standouts&mark=jilin-grain-output');
  // A second click on the same card lets it go.
  await grain.click();
  assert.equal(await page.$eval(panel, (p) => p.hidden), true);
  assert.equal(await grain.getAttribute('aria-pressed'), 'false');

  // By keyboard: the arrows step along the cards, Enter pins, Esc unpins.
  await grain.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.figure), 'jilin-remote-sensing');
  assert.match(await page.textContent('.tooltip'), /world’s largest/i);
  await page.keyboard.press('Enter');
  assert.match(await page.textContent(panel), /remote-sensing/i);
  assert.equal(await page.getAttribute(`${figure} .card[data-figure="jilin-remote-sensing"]`, 'aria-pressed'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval(panel, (p) => p.hidden), true);
  assert.equal(await page.$$eval(`${figure} .card[aria-pressed="true"]`, (cs) => cs.length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a selected region dims the overview’s cards of other regions, as the engine dims their marks, and a deep link pins a card', async () => {
  const { page, errors, context } = await open(browser, '/#region=jilin&chart=jilin-standouts&mark=jilin-carbon-fibre', { width: 1280, dpr: 1 });
  const overview = await page.$$eval('section.region[data-region="overview"] .card', (cs) => cs.map((c) => [c.dataset.region ?? null, c.classList.contains('dimmed')]));
  assert.ok(overview.length > 0, 'the overview has no cards');
  for (const [region, dimmed] of overview) assert.equal(dimmed, region !== 'jilin', `a card of ${region} is ${dimmed ? '' : 'not '}dimmed`);
  // Cards in a region's section fade with their section, not one by one.
  assert.equal(await page.$$eval('section.region:not([data-region="overview"]) .card.dimmed', (cs) => cs.length), 0);
  assert.equal(await page.getAttribute('.card[data-figure="jilin-carbon-fibre"]', 'aria-pressed'), 'true');
  assert.match(await page.textContent('figure[data-chart="jilin-standouts"] .pin-panel'), /carbon-fibre/);
  await page.click('.region-button[data-region="jilin"]');
  assert.equal(await page.$$eval('.card.dimmed', (cs) => cs.length), 0, 'cards stay dimmed with no region selected');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone, tapping a region selects it and tapping a bar or a card pins it', async () => {
  const { page, errors, context } = await open(browser, FIXTURE_PAGE, { width: 375, height: 740, dpr: 2, touch: true, fixture: true });
  const spot = await spotOf(page, 'map', REGIONS.heilongjiang);
  await page.touchscreen.tap(spot.x, spot.y);
  await page.waitForFunction(() => location.hash === '#region=heilongjiang');
  assert.equal(await selectedSection(page), 'heilongjiang');
  await settle(page);
  // On a narrow screen the selected region's section scrolls into view.
  const top = await page.$eval('section.region[data-region="heilongjiang"]', (s) => s.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 40, `the section is ${top}px from the top of the screen`);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'selected-375-dpr2.png') });
  await page.evaluate(() => document.querySelector('figure[data-chart="bounds"]').scrollIntoView());
  // The selected region's bar keeps its colour in the overview; tap it.
  const bar = await spotOf(page, 'bounds', REGIONS.heilongjiang);
  await settle(page);
  await page.touchscreen.tap(bar.x, bar.y);
  await page.waitForSelector('figure[data-chart="bounds"] .pin-panel:not([hidden])');
  assert.match(await page.textContent('figure[data-chart="bounds"] .pin-panel'), /more than 200 countries and regions/);
  // A card is tapped like a bar: its details are pinned, with no tooltip over them.
  const card = page.locator('.card[data-figure="heilongjiang-trade-partners"]');
  await card.scrollIntoViewIfNeeded();
  await settle(page);
  await card.tap();
  await page.waitForSelector('figure[data-chart="heilongjiang-trade"] .pin-panel:not([hidden])');
  assert.equal(await card.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.isVisible('.tooltip'), false, 'a tap on a card left a tooltip over the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshot of a selected state at 1280 px', async () => {
  const { page, errors, context } = await open(browser, '/#region=jilin&chart=jilin-standouts&mark=jilin-crrc-export-markets', { width: 1280, dpr: 1 });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'selected-1280-dpr1.png'), fullPage: true });
  assert.equal(await selectedSection(page), 'jilin');
  assert.deepEqual(errors, []);
  await context.close();
});
