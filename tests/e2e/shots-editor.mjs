import { readFileSync } from 'node:fs';
import { launch } from './browser.js';
const browser = await launch();
for (const [width, dpr] of [[375, 2], [1280, 2], [1280, 1]]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: dpr });
  const page = await context.newPage();
  await page.goto(process.env.BASE_URL + 'editor.html');
  await page.screenshot({ path: `/tmp/shots/ed-empty-${width}-${dpr}.png` });
  await page.getByLabel('Paste your data').fill(readFileSync('../../data/examples/tables/gapminder.csv', 'utf8'));
  await page.getByRole('button', { name: 'Use the pasted data' }).click();
  await page.waitForFunction(() => document.querySelector('#preview .story')?.dataset.ready === 'true');
  await page.getByLabel('Desktop').check();
  await page.getByLabel('Dark').check();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/ed-desk-dark-${width}-${dpr}.png` });
  await page.getByRole('button', { name: '2. Check and describe' }).click();
  await page.screenshot({ path: `/tmp/shots/ed-2-${width}-${dpr}.png`, fullPage: width > 400 ? false : false });
  await page.getByRole('button', { name: '4. Publish' }).click();
  await page.screenshot({ path: `/tmp/shots/ed-4-${width}-${dpr}.png` });
  await context.close();
}
await browser.close();
