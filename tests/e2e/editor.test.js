// End to end: the editor (editor.html) as an editor uses it: each example's table pasted and drawn, a bad cell marked and fixed, nothing lost on a reload, undo and redo, a story from paste to zip by keyboard alone, the zip served by a plain static host with its page and both embeds drawing, and axe-core on every step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launch, plainServer, BASE_URL, SCREENSHOT_DIR } from './browser.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TABLES = join(ROOT, 'data/examples/tables');
let browser;
before(async () => {
  browser = await launch();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
after(async () => { await browser?.close(); });

/** The editor at `width` px, empty, recording console errors. */
async function editor({ width = 1280, bypassCSP = false, context: given } = {}) {
  const context = given ?? await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, bypassCSP });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL('editor.html', BASE_URL).href);
  return { page, context, errors };
}

/** Waits for the preview's story to be drawn (`data-ready="true"`), with its title. */
async function previewDrawn(page) {
  await page.waitForFunction(() => document.querySelector('#preview .story')?.dataset.ready === 'true', null, { timeout: 30000 });
  return page.textContent('#preview .story-title');
}

/** Waits for the preview to be drawn again with the title `title`. */
function previewTitled(page, title) {
  return page.waitForFunction((t) => document.querySelector('#preview .story-title')?.textContent === t, title);
}

async function paste(page, text) {
  await page.getByLabel('Paste your data').fill(text);
  await page.getByRole('button', { name: 'Use the pasted data' }).click();
}

for (const file of readdirSync(TABLES).filter((f) => f.endsWith('.csv'))) {
  test(`pasting ${file} draws its story in the preview, with no console error`, async () => {
    const { page, context, errors } = await editor();
    await paste(page, readFileSync(join(TABLES, file), 'utf8'));
    await previewDrawn(page);
    const canvases = await page.locator('#preview canvas').count();
    assert.ok(canvases > 0, 'the preview has charts');
    assert.equal(await page.locator('#data-error').isHidden(), true, await page.textContent('#data-error'));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('an example table of the bundle opens with a press, named after its file', async () => {
  const { page, context, errors } = await editor();
  await page.getByLabel('Or start from an example table').selectOption({ label: 'minnesota-barley.csv' });
  await page.getByRole('button', { name: 'Open the example' }).click();
  assert.equal(await previewDrawn(page), 'Minnesota barley');
  assert.deepEqual(errors, []);
  await context.close();
});

test('transposing the grid and naming its new first column turns categories by time into lines over time, and Undo turns them back', async () => {
  const { page, context, errors } = await editor();
  await paste(page, 'province\t2019\t2020\t2021\nJilin\t1.5\t2.0\t3.1\nLiaoning\t2.1\t2.4\t2.9\n');
  await previewDrawn(page);
  await page.getByRole('button', { name: '3. Visualize' }).click();
  assert.equal(await page.getByLabel('Chart kind').inputValue(), 'bars', 'categories down the first column: bars of the latest year');
  await page.getByRole('button', { name: '1. Data' }).click();
  await page.getByRole('button', { name: 'Transpose rows and columns' }).click();
  await page.waitForFunction(() => document.querySelector('#grid-size')?.textContent === '4 rows, 3 columns');
  assert.equal(await page.getByLabel('Row 1, column B').inputValue(), 'Jilin');
  // "province" now heads the column of years, and the importer says it cannot tell the layout.
  await page.locator('#data-error').waitFor({ state: 'visible' });
  assert.match(await page.textContent('#data-error'), /fits none of the layouts/);
  const corner = page.getByLabel('Row 1, column A');
  await corner.fill('year');
  await corner.press('Tab');
  await page.locator('#data-error').waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: '3. Visualize' }).click();
  await page.waitForFunction(() => document.querySelector('#kind-0')?.value === 'line');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.querySelector('#kind-0')?.value === 'bars');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad cell is marked with the loader\'s message, and fixing it in the grid draws the story', async () => {
  const { page, context, errors } = await editor();
  await paste(page, 'year\tJilin\tLiaoning\n2019\t1.5\t2.1\n2020\tabout 40\t2.4\n2021\t3.1\t2.9\n');
  const alert = page.locator('#data-error');
  await alert.waitFor({ state: 'visible' });
  const message = await alert.textContent();
  assert.match(message, /line 3, column B \(Jilin\): "about 40" is not a number/);
  const bad = page.getByLabel('Row 3, column B (Jilin)');
  assert.equal(await bad.getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'editor-bad-cell-1280.png') });
  await bad.fill('4.0');
  await bad.press('Tab');
  await previewDrawn(page);
  await alert.waitFor({ state: 'hidden' });
  assert.equal(await page.locator('#grid input[aria-invalid]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('text from the data is shown as text in the grid, the steps and the preview, never run', async () => {
  const { page, context, errors } = await editor();
  const hostile = '<img src=x onerror="window.__ran=1">';
  await paste(page, `year\t${hostile}\t<script>window.__ran=2</script>\n2019\t1\t2\n2020\t3\t4\n2021\t5\t6\n`);
  await previewDrawn(page);
  for (const step of ['2. Check and describe', '3. Visualize', '4. Publish', '1. Data']) await page.getByRole('button', { name: step }).click();
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.equal(await page.locator('img[src="x"], #grid script, #describe script, #visualize script').count(), 0);
  assert.equal(await page.getByLabel('Row 1, column B').inputValue(), hostile);
  await page.getByRole('button', { name: '3. Visualize' }).click();
  assert.ok(await page.getByText(`Colour of ${hostile}`).isVisible(), 'the name is written as it is');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the chart kind, order, highlights and annotations chosen are in the downloaded story', async () => {
  const { page, context, errors } = await editor();
  await paste(page, readFileSync(join(TABLES, 'gapminder.csv'), 'utf8'));
  await previewDrawn(page);
  await page.getByRole('button', { name: '3. Visualize' }).click();
  await page.getByLabel('Map for choropleths').selectOption('map/world.json');
  const first = page.locator('.chart-controls').first();
  await first.getByLabel('Chart kind').selectOption('choropleth');
  await page.waitForFunction(() => document.querySelector('#preview .slider'));
  const second = page.locator('.chart-controls').nth(1);
  await second.getByRole('button', { name: 'Move up' }).click();
  const top = page.locator('.chart-controls').first();
  await top.getByLabel('China', { exact: true }).check();
  await top.getByLabel('Annotation kind').selectOption('band');
  await top.getByLabel('Annotation text').fill('One-child policy');
  await top.getByLabel('From the time').fill('1980');
  await top.getByLabel('To the time').fill('2005');
  await top.getByRole('button', { name: 'Add the annotation' }).click();
  await page.waitForFunction(() => /One-child policy/.test(document.querySelector('.chart-controls')?.textContent));
  await page.getByRole('button', { name: '4. Publish' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the story (.json)' }).click()]);
  const story = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(story.story.map, 'map/world.json');
  assert.deepEqual(story.charts.map((c) => c.kind), ['line', 'choropleth', 'line']);
  assert.deepEqual(story.charts[0].highlight, ['china']);
  assert.deepEqual(story.charts[0].annotations, [{ kind: 'band', label: 'One-child policy', from: 1980, to: 2005 }]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an opened story file (the Northeast story, with its map and its Chinese) is edited and previewed in both languages', async () => {
  const { page, context, errors } = await editor();
  const file = join(ROOT, 'data/story.json');
  const original = JSON.parse(readFileSync(file, 'utf8'));
  await page.getByLabel('Open a file (CSV or story JSON)').setInputFiles(file);
  assert.equal(await previewDrawn(page), original.story.title);
  assert.ok(await page.locator('#preview canvas').count() > 3, 'the map and the charts');
  // Its sheet in the grid, the section markers first.
  assert.equal(await page.getByLabel('Row 1, column A').inputValue(), '[story]');
  await page.getByRole('button', { name: '2. Check and describe' }).click();
  assert.match(await page.textContent('#missing-summary'), /Every text has its Chinese/);
  await page.getByLabel('Chinese', { exact: true }).check();
  await previewTitled(page, original.translations.zh['story.title']);
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('Northeast China in figures');
  await title.press('Tab');
  // A changed English text needs its Chinese looked at again only if it is missing: it is not.
  await page.getByLabel('English', { exact: true }).check();
  await previewTitled(page, 'Northeast China in figures');
  await page.getByRole('button', { name: '4. Publish' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the story (.json)' }).click()]);
  const story = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(story.story.title, 'Northeast China in figures');
  assert.deepEqual(story.figures, original.figures, 'every figure as the source states it');
  assert.deepEqual(story.translations, original.translations);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the preview follows its width and theme; a draft source is flagged until it is named; the embed codes are copied; a reader\'s page never fetches the editor', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  const { page, errors } = await editor({ context });
  await paste(page, readFileSync(join(TABLES, 'us-employment.csv'), 'utf8'));
  await previewDrawn(page);
  const shown = () => page.evaluate(() => {
    const story = document.querySelector('#preview .story');
    return { width: story.style.width, theme: story.dataset.theme, canvas: story.querySelector('canvas')?.clientWidth };
  });
  const phone = await shown();
  assert.deepEqual([phone.width, phone.theme], ['375px', 'light']);
  await page.getByLabel('Desktop').check();
  await page.waitForFunction(() => document.querySelector('#preview .story')?.style.width === '1280px' && document.querySelector('#preview .story').dataset.ready === 'true');
  await page.getByLabel('Dark').check();
  await page.waitForFunction(() => document.querySelector('#preview .story')?.dataset.theme === 'dark' && document.querySelector('#preview .story').dataset.ready === 'true');
  const desktop = await shown();
  assert.ok(desktop.canvas > phone.canvas * 2, `the charts are drawn wider: ${phone.canvas} then ${desktop.canvas} px`);
  await page.getByRole('button', { name: '4. Publish' }).click();
  const draft = page.locator('#unsourced');
  assert.equal(await draft.textContent(), 'Before you publish, in step 2: name the source, give the address where readers find it, say what it is.');
  await page.getByRole('button', { name: '2. Check and describe' }).click();
  for (const [label, text] of [['Source name', 'U.S. Bureau of Labor Statistics'], ['Source link', 'https://www.bls.gov/ces/'], ['What the source is', 'Current Employment Statistics, nonfarm payrolls, seasonally adjusted']]) {
    await page.getByLabel(label, { exact: true }).fill(text);
    await page.getByLabel(label, { exact: true }).press('Tab');
  }
  await page.waitForFunction(() => /U\.S\. Bureau of Labor Statistics/.test(document.querySelector('#preview .story')?.textContent));
  await page.getByRole('button', { name: '4. Publish' }).click();
  await draft.waitFor({ state: 'hidden' });
  await page.getByLabel('Address the bundle will be published at').fill('https://news.example.com/graphics/jobs');
  await page.getByLabel('Address the bundle will be published at').press('Tab');
  await page.getByRole('button', { name: 'Copy the iframe code' }).click();
  const iframe = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(iframe, /^<iframe src="https:\/\/news\.example\.com\/graphics\/jobs\/index\.html" title="Pasted data"/);
  await page.getByRole('button', { name: 'Copy the script code' }).click();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /<region-infographic src="https:\/\/news\.example\.com\/graphics\/jobs\/data\/story\.json">/);
  assert.deepEqual(errors, []);

  const reader = await context.newPage();
  const asked = [];
  reader.on('request', (r) => asked.push(r.url()));
  await reader.goto(new URL('?data=data/examples/us-employment.json', BASE_URL).href);
  await reader.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.deepEqual(asked.filter((u) => /editor/.test(u)), [], 'no file of the editor');
  await context.close();
});

test('a reload mid-edit loses nothing, and undo and redo step through the edits', async () => {
  const { page, context } = await editor();
  await paste(page, readFileSync(join(TABLES, 'minnesota-barley.csv'), 'utf8'));
  await previewDrawn(page);
  await page.getByRole('button', { name: '2. Check and describe' }).click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('Barley yields at six Minnesota sites');
  await title.press('Tab');
  // The dek, focused as the title was left, keeps the focus and what is typed in it while the
  // steps are drawn again for the title.
  await page.keyboard.type('Six sites');
  await previewTitled(page, 'Barley yields at six Minnesota sites');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'story-dek');
  assert.match(await page.getByLabel('Dek', { exact: true }).inputValue(), /Six sites$/);
  await page.reload();
  assert.equal(await previewDrawn(page), 'Barley yields at six Minnesota sites');
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Barley yields at six Minnesota sites');
  assert.ok(await page.getByRole('heading', { name: '2. Check and describe' }).isVisible(), 'the step is kept too');
  // Undo after a reload has no past; an edit made now is undone and redone.
  const again = page.getByLabel('Title', { exact: true });
  await again.fill('Barley at six sites');
  await again.press('Tab');
  await previewTitled(page, 'Barley at six sites');
  await page.getByRole('button', { name: 'Undo' }).click();
  await previewTitled(page, 'Barley yields at six Minnesota sites');
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Barley yields at six Minnesota sites');
  await page.getByRole('button', { name: 'Redo' }).click();
  await previewTitled(page, 'Barley at six sites');
  await context.close();
});

test('choosing a slope and writing every Chinese text changes the story the preview draws', async () => {
  const { page, context, errors } = await editor();
  await paste(page, 'year\tJilin\tLiaoning\n2019\t1.5\t2.1\n2020\t2.0\t2.4\n2021\t3.1\t2.9\n');
  await previewDrawn(page);
  await page.getByRole('button', { name: '3. Visualize' }).click();
  await page.getByLabel('Chart kind').selectOption('slope');
  await page.waitForFunction(() => document.querySelector('#preview figure')?.textContent.includes('2019'));
  await page.getByRole('button', { name: '2. Check and describe' }).click();
  const fields = page.locator('#translations input');
  const n = await fields.count();
  assert.ok(n > 3, 'the story\'s texts are listed for their Chinese');
  assert.match(await page.textContent('#missing-summary'), new RegExp(`${n} of ${n} texts have no Chinese yet`));
  for (let i = 0; i < n; i += 1) {
    await fields.nth(i).fill(`中文${i}`);
    await fields.nth(i).press('Tab');
  }
  await page.waitForFunction(() => /Every text has its Chinese/.test(document.querySelector('#missing-summary').textContent));
  await page.getByLabel('Chinese', { exact: true }).check();
  await previewTitled(page, '中文0');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'editor-zh-1280.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [what, entities, years] of [['a file of 100,000 rows', 50, 2000], ['a 10 MB file', 200, 2000]]) {
  test(`${what} is read off the page's thread: the editor answers while it reads, then shows the story or says why not`, async () => {
    const { page, context, errors } = await editor();
    const lines = ['entity,year,value'];
    for (let e = 0; e < entities; e += 1) for (let y = 0; y < years; y += 1) lines.push(`Site number ${e},${1000 + y},${((e * 7 + y * 13) % 997) - 300}.25`);
    const buffer = Buffer.from(lines.join('\n'));
    await page.getByLabel('Open a file (CSV or story JSON)').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer });
    // The steps' buttons answer while the worker reads.
    await page.getByRole('button', { name: '2. Check and describe' }).click({ timeout: 5000 });
    await page.getByRole('button', { name: '1. Data' }).click({ timeout: 5000 });
    await page.waitForFunction(() => /^\d+ rows, 3 columns$/.test(document.querySelector('#grid-size')?.textContent), null, { timeout: 120000 });
    assert.equal(await page.textContent('#grid-size'), `${lines.length} rows, 3 columns`);
    assert.equal(await page.locator('#grid tbody tr').count(), 100, 'the grid shows a window of the rows');
    await previewDrawn(page);
    if (buffer.length > 5e6) {
      // More than a browser keeps for a page: the editor says so and how to keep the work.
      assert.match(await page.textContent('#editor-status'), /too large to keep in the browser's storage.*download the story/);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a 10 MB paste is read without filling the paste box, and the page answers while it is', async () => {
  const { page, context, errors } = await editor();
  const lines = ['entity\tyear\tvalue'];
  for (let e = 0; e < 200; e += 1) for (let y = 0; y < 2000; y += 1) lines.push(`Site number ${e}\t${1000 + y}\t${((e * 7 + y * 13) % 997) - 300}.25`);
  const text = lines.join('\n');
  assert.ok(text.length > 10e6);
  // What a paste from a spreadsheet gives the page: a paste event carrying the text.
  await page.locator('#paste').evaluate((box, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await page.getByRole('button', { name: '2. Check and describe' }).click({ timeout: 5000 });
  await page.getByRole('button', { name: '1. Data' }).click({ timeout: 5000 });
  await page.waitForFunction(() => document.querySelector('#grid-size')?.textContent === '400001 rows, 3 columns', null, { timeout: 120000 });
  assert.equal(await page.inputValue('#paste'), '');
  assert.match(await page.getAttribute('#paste', 'placeholder'), /^11\.\d MB pasted/);
  await previewDrawn(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('by keyboard alone, a pasted table becomes a zip that a plain static host serves, with its page and both embeds drawing', async () => {
  const { page, context, errors } = await editor();
  const csv = readFileSync(join(TABLES, 'natural-disasters.csv'), 'utf8');
  // Tab to the paste box, paste as a keyboard does, Tab to the button and press Enter.
  for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.id === 'paste')); i += 1) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'paste', 'Tab reaches the paste box');
  await page.keyboard.insertText(csv);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Use the pasted data');
  await page.keyboard.press('Enter');
  await previewDrawn(page);
  // Back to the fourth step's button, and on to the download.
  for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.textContent)) !== '4. Publish'; i += 1) await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '4. Publish', 'Shift+Tab reaches the steps');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'step-publish-h', 'the step\'s heading takes the focus');
  let at = '';
  for (let i = 0; i < 8 && at !== 'Download the bundle (.zip)'; i += 1) {
    await page.keyboard.press('Tab');
    at = await page.evaluate(() => document.activeElement?.textContent);
  }
  assert.equal(at, 'Download the bundle (.zip)');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.keyboard.press('Enter')]);
  const codes = { iframe: await page.inputValue('#iframe-code'), script: await page.inputValue('#script-code') };
  await servedBundle(download, codes, ['Deaths']);
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Unpacks the editor's `download` (the bundle's zip), serves it with a plain static server and
 * checks what a newsroom would: the files a host needs, the story's page drawing with no console
 * error, and the iframe and script embed codes (`codes`) drawing in an article of that site.
 */
async function servedBundle(download, codes, indicators) {
  const dir = mkdtempSync(join(tmpdir(), 'editor-bundle-'));
  const zip = join(dir, 'bundle.zip');
  await download.saveAs(zip);
  const site = join(dir, 'site');
  execFileSync('python3', ['-m', 'zipfile', '-e', zip, site]);
  const files = readdirSync(site);
  for (const f of ['index.html', 'embed.js', '_headers', '.htaccess', 'nginx.conf.example', 'assets', 'data', 'fallback']) assert.ok(files.includes(f), `the bundle has ${f}`);
  assert.ok(!files.includes('editor.html'), 'the editor stays out of the bundle');
  const story = JSON.parse(readFileSync(join(site, 'data/story.json'), 'utf8'));
  assert.deepEqual(story.indicators.map((x) => x.name), indicators);
  assert.ok(readdirSync(join(site, 'fallback')).includes(`${story.story.id}.svg`), 'the story\'s own no-script picture');
  const { url, server } = await plainServer(site);
  try {
    const served = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reader = await served.newPage();
    const logged = [];
    reader.on('console', (m) => { if (m.type() === 'error') logged.push(m.text()); });
    reader.on('pageerror', (e) => logged.push(String(e)));
    await reader.goto(url);
    await reader.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
    assert.equal(await reader.textContent('h1'), story.story.title);
    assert.equal(await reader.title(), story.story.title);
    assert.ok(await reader.locator('canvas').count() > 0);
    // The codes as copied, pointed at where the bundle now lives, in an article of the same site.
    const base = 'https://example.org/graphics/your-story/';
    const article = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body><h1>Article</h1>${codes.iframe.replaceAll(base, url)}${codes.script.replaceAll(base, url)}</body></html>`;
    writeFileSync(join(site, 'test-article.html'), article);
    await reader.goto(`${url}test-article.html`);
    const frame = reader.frameLocator('iframe');
    await frame.locator('html[data-ready="true"]').waitFor({ timeout: 30000 });
    await reader.waitForFunction(() => document.querySelector('region-infographic')?.shadowRoot?.querySelector('[data-ready="true"]'), null, { timeout: 30000 });
    await reader.screenshot({ path: join(SCREENSHOT_DIR, `editor-bundle-${story.story.id}-1280.png`) });
    assert.deepEqual(logged, []);
    await served.close();
  } finally {
    server.kill();
  }
}

for (const [file, indicators] of [['gapminder.csv', ['Life expectancy at birth', 'Fertility rate', 'Population']], ['us-employment.csv', null], ['minnesota-barley.csv', null]]) {
  test(`pasting ${file}, the downloaded zip is a bundle a plain static host serves, its page and embeds drawing`, async () => {
    const { page, context, errors } = await editor();
    await paste(page, readFileSync(join(TABLES, file), 'utf8'));
    await previewDrawn(page);
    const made = await page.evaluate(() => JSON.parse(localStorage.getItem('datastory-editor')).story.indicators.map((x) => x.name));
    if (indicators) assert.deepEqual(made, indicators);
    await page.getByRole('button', { name: '4. Publish' }).click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByRole('button', { name: 'Download the bundle (.zip)' }).click()]);
    const codes = { iframe: await page.inputValue('#iframe-code'), script: await page.inputValue('#script-code') };
    await servedBundle(download, codes, made);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const width of [375, 1280]) {
  test(`axe-core finds no serious or critical violation on any step of the editor at ${width}px`, async () => {
    const { page, context } = await editor({ width, bypassCSP: true });
    await paste(page, readFileSync(join(TABLES, 'us-employment.csv'), 'utf8'));
    await previewDrawn(page);
    await page.addScriptTag({ content: AXE });
    for (const step of ['1. Data', '2. Check and describe', '3. Visualize', '4. Publish']) {
      await page.getByRole('button', { name: step }).click();
      const found = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((x) => x.target.join(' ')) }));
      });
      assert.deepEqual(found, [], `${step}: ${JSON.stringify(found)}`);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `editor-${step[0]}-${width}.png`), fullPage: true });
    }
    await context.close();
  });
}
