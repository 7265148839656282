// Shared helpers for the end-to-end tests: launch Debian's Chromium headless, open pages, collect console errors.
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:8080/';
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || 'screenshots';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/**
 * The story with the tests' bar chart `bounds` after its first chart (tests/fixtures/bounds.json,
 * which says why the story itself has no bars), as the native tests make it.
 */
export async function fixtureStory() {
  const story = await (await fetch(new URL('data/story.json', BASE_URL))).json();
  const bounds = JSON.parse(readFileSync(new URL('../fixtures/bounds.json', import.meta.url), 'utf8'));
  story.charts.splice(1, 0, bounds.chart);
  Object.assign(story.translations.zh, bounds.zh);
  return story;
}

/** The page that fetches its story (`?data=`), answered with `fixtureStory()` where `fixture` is set. */
export const FIXTURE_PAGE = '/?data=data/story.json';

/**
 * Opens `path` at the given viewport; returns the page and the list of console errors it logs.
 * With `fixture`, the story the page asks for is `fixtureStory()`.
 */
export async function open(browser, path, { width = 1280, height = 900, dpr = 1, touch = false, fixture = false } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch, isMobile: touch,
  });
  if (fixture) {
    const story = await fixtureStory();
    await context.route('**/data/story.json', (route) => route.fulfill({ json: story }));
  }
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL(path, BASE_URL).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 30000 });
  return { page, errors, context };
}

/** The visible tooltip's lines, or null when it is hidden. */
export const tooltipLines = (page) => page.evaluate(() => {
  const tip = document.querySelector('.tooltip');
  return tip && !tip.hidden ? [...tip.children].map((n) => n.textContent) : null;
});

/** Chart `id`'s canvas (not the layer over it), scrolled into the middle of the view, once painted. */
export async function chartCanvas(page, id) {
  const canvas = page.locator(`figure[data-chart="${id}"] canvas[role="img"]`);
  await canvas.evaluate((c) => c.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return canvas;
}

/**
 * Serves `dir` with Python's plain static server (no CORS headers, no policy, no compression, as
 * many newsroom hosts are) on a free port; resolves to its address and its process, to kill.
 */
export async function plainServer(dir) {
  const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stderr.resume();
  const port = await new Promise((resolve, reject) => {
    let said = '';
    server.stdout.on('data', (d) => {
      said += d;
      const m = /port (\d+)/.exec(said);
      if (m) resolve(Number(m[1]));
    });
    server.on('error', reject);
    server.on('exit', (code) => reject(new Error(`python3 -m http.server stopped (${code}): ${said}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, server };
}
