// Downloads: each chart and the whole story as PNG (twice the pixels), SVG (the same drawing code through plotters' SVG backend, in a second engine fetched on first use) and CSV (UTF-8 with a byte-order mark).
import { el } from './dom.js';

/** The width the whole story is drawn at for a download: a common article column. */
const STORY_WIDTH = 640;

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const canvasPng = (canvas) => new Promise((resolve, reject) => {
  canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser made no PNG'))), 'image/png');
});

/** An SVG document turned into a PNG at twice its size, through an image (the page's CSP allows blob: images). */
async function svgPng(svg) {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = el('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext('2d');
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    return await canvasPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

let svgModule = null;

/**
 * Runs `use` on the story loaded into the engine that can write SVG, then frees it. That engine is
 * fetched on the first SVG download: most readers never make one and should not pay for its bytes.
 */
async function withSvgStory(source, use) {
  svgModule ??= import('./pkg-svg/datastory.js').then(async (m) => {
    await m.default();
    return m;
  });
  // A failed fetch is tried again on the next click rather than remembered.
  const m = await svgModule.catch((err) => {
    svgModule = null;
    throw err;
  });
  const story = new m.Story(source.text, source.lang);
  try {
    if (source.map) story.setMap(source.map);
    story.setTheme(source.theme());
    return use(story);
  } finally {
    story.free();
  }
}

/** A row of download buttons; `files` maps a format to a function that makes [blob, file name]. */
function buttons(label, files, t, onError) {
  const group = el('div', 'downloads');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', label);
  group.append(el('span', 'downloads-label', t('download')));
  for (const [format, make] of Object.entries(files)) {
    const b = el('button', 'download-button', format);
    b.type = 'button';
    b.setAttribute('aria-label', `${label}: ${format}`);
    b.addEventListener('click', async () => {
      try {
        const [blob, name] = await make();
        save(blob, name);
      } catch (err) {
        onError(err);
      }
    });
    group.append(b);
  }
  return group;
}

/** Download buttons for one chart, drawn at its width on the page. */
export function chartDownloads(story, source, chart, headline, t, onError) {
  const base = `${story.storyId()}-${chart.id}`;
  return buttons(t('downloadChart', headline), {
    PNG: async () => {
      const canvas = el('canvas');
      story.drawCopy(chart.id, canvas, chart.width || STORY_WIDTH, 2);
      return [await canvasPng(canvas), `${base}.png`];
    },
    SVG: () => withSvgStory(source, (s) => {
      s.draw(chart.id, el('canvas'), chart.width || STORY_WIDTH, 1);
      return [new Blob([s.chartSvg(chart.id)], { type: 'image/svg+xml' }), `${base}.svg`];
    }),
    CSV: () => [new Blob([story.csv(chart.id)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`],
  }, t, onError);
}

/** Download buttons for the whole story. */
export function storyDownloads(story, source, measureCanvas, t, onError) {
  const base = story.storyId();
  const storySvg = () => withSvgStory(source, (s) => s.storySvg(measureCanvas, STORY_WIDTH));
  return buttons(t('downloadStory'), {
    PNG: async () => [await svgPng(await storySvg()), `${base}.png`],
    SVG: async () => [new Blob([await storySvg()], { type: 'image/svg+xml' }), `${base}.svg`],
    CSV: () => [new Blob([story.csv(undefined)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`],
  }, t, onError);
}
