// Downloads, fetched on the first click of a download button: each chart and the whole story as SVG (the same drawing code through plotters' SVG backend), PNG (that SVG at twice the pixels) and CSV (UTF-8 with a byte-order mark), all written by a second engine fetched on first use.

/** The width the whole story is drawn at for a download: a common article column. */
const STORY_WIDTH = 640;

/** Hands the reader `file` ([blob, file name], or a promise of it) as a download. */
export async function save(file) {
  const [blob, name] = await file;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
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
    const canvas = document.createElement('canvas');
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
 * Runs `use` on the story loaded into the engine that writes files (SVG, PNG's SVG, CSV), then
 * frees it. That engine is fetched on the first download: most readers never make one and should
 * not pay for its bytes.
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

/** Chart `chart` as `format` (PNG at twice the pixels, SVG, CSV): [blob, file name]. */
export async function chartFile(format, story, source, chart) {
  const base = `${story.storyId()}-${chart.id}`;
  const width = chart.width || STORY_WIDTH;
  const chartSvg = () => withSvgStory(source, (s) => {
    s.draw(chart.id, document.createElement('canvas'), width, 1);
    return s.chartSvg(chart.id);
  });
  // The PNG is the SVG's drawing at twice its pixels: the page's engine carries no code for titles
  // drawn on a canvas, nor for cards, which the page writes as HTML.
  if (format === 'PNG') return [await svgPng(await chartSvg()), `${base}.png`];
  if (format === 'SVG') return [new Blob([await chartSvg()], { type: 'image/svg+xml' }), `${base}.svg`];
  return [new Blob([await withSvgStory(source, (s) => s.csv(chart.id))], { type: 'text/csv;charset=utf-8' }), `${base}.csv`];
}

/** The whole story as `format`: [blob, file name]. */
export async function storyFile(format, story, source, measureCanvas) {
  const base = story.storyId();
  const storySvg = () => withSvgStory(source, (s) => s.storySvg(measureCanvas, STORY_WIDTH));
  if (format === 'PNG') return [await svgPng(await storySvg()), `${base}.png`];
  if (format === 'SVG') return [new Blob([await storySvg()], { type: 'image/svg+xml' }), `${base}.svg`];
  return [new Blob([await withSvgStory(source, (s) => s.csv(undefined))], { type: 'text/csv;charset=utf-8' }), `${base}.csv`];
}
