// The editor's last step: the story's file, the zip of the whole static bundle with the story as its page, and the two embed codes.
import { snippets } from './share.js';

/** The bundle's files that the story's own take the place of (its page, its data, its picture) or that belong to the demonstration article of the default story. */
function replaced(path) {
  return /^(index\.html|data\/story\.json)(\.br|\.gz)?$/.test(path) || path.startsWith('fallback/')
    || path.startsWith('article.') || path.startsWith('assets/article-');
}

/** The story's file as the bundle serves it: what the editor checked, without its indentation. */
function storyFile(story) {
  return JSON.stringify(story);
}

/**
 * The zip of the bundle (`bundle.files`, fetched from this site) with `story` as its page: the page
 * made from `bundle.template` by the engine (`call`), the story as `data/story.json`, its picture.
 * `progress(text)` is told how far it has got.
 */
export async function bundleZip(call, bundle, story, progress) {
  const text = storyFile(story);
  const mapPath = typeof story.story?.map === 'string' ? `data/${story.story.map}` : null;
  const mapText = mapPath ? await fetchText(mapPath) : null;
  const page = await call('editorPage', bundle.template, text, mapPath, mapText);
  const wanted = bundle.files.filter((f) => !replaced(f));
  const entries = [];
  let done = 0;
  // A few at a time: the bundle is about a hundred files.
  const queue = [...wanted];
  const worker = async () => {
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
      const response = await fetch(f);
      if (!response.ok) throw new Error(`${f} could not be fetched (HTTP ${response.status}); reload the editor and try again`);
      entries.push([f, new Uint8Array(await response.arrayBuffer())]);
      done += 1;
      progress(`Gathering the bundle: ${done} of ${wanted.length} files…`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const enc = new TextEncoder();
  entries.push(['index.html', enc.encode(page.html)], ['data/story.json', enc.encode(text)], [page.pictureName, enc.encode(page.picture)]);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  progress('Writing the zip…');
  return call('editorZip', entries);
}

async function fetchText(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path} could not be fetched (HTTP ${response.status})`);
  return response.text();
}

/** The address the bundle will live at, ending in `/`, or a placeholder to replace. */
export function baseOf(input) {
  const v = input.trim();
  if (!v) return 'https://example.org/graphics/your-story/';
  return v.endsWith('/') ? v : `${v}/`;
}

/** The iframe and the script embed codes for a bundle at `base` whose page is `story`: the page's own Embed box's snippets. */
export function embedCodes(base, story) {
  const title = story?.story?.title ?? 'Infographic';
  const id = story?.story?.id ?? 'story';
  const { iframe, element } = snippets(new URL('index.html', base).href, {}, title, 600, new URLSearchParams(), `fallback/${id}.svg`);
  return { iframe, script: element };
}
