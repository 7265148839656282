// Downloads: each chart and the whole story as PNG (twice the pixels), SVG (the same drawing code through plotters' SVG backend) and CSV (UTF-8 with a byte-order mark).
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
export function chartDownloads(story, chart, headline, t, onError) {
  const base = `${story.storyId()}-${chart.id}`;
  return buttons(t('downloadChart', headline), {
    PNG: async () => {
      const canvas = el('canvas');
      story.drawCopy(chart.id, canvas, chart.width || STORY_WIDTH, 2);
      return [await canvasPng(canvas), `${base}.png`];
    },
    SVG: () => [new Blob([story.chartSvg(chart.id)], { type: 'image/svg+xml' }), `${base}.svg`],
    CSV: () => [new Blob([story.csv(chart.id)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`],
  }, t, onError);
}

/** Download buttons for the whole story. */
export function storyDownloads(story, measureCanvas, t, onError) {
  const base = story.storyId();
  return buttons(t('downloadStory'), {
    PNG: async () => [await svgPng(story.storySvg(measureCanvas, STORY_WIDTH)), `${base}.png`],
    SVG: () => [new Blob([story.storySvg(measureCanvas, STORY_WIDTH)], { type: 'image/svg+xml' }), `${base}.svg`],
    CSV: () => [new Blob([story.csv(undefined)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`],
  }, t, onError);
}
