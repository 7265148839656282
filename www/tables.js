// The figures as HTML tables (a chart's, the whole story's, or the raw data's when the charts cannot be drawn): fetched on the first press of a "Table" button or when the page shows an error.

/** How the shell makes elements (see dom.js: imported here, it would be a chunk and a request of its own). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/**
 * A table of text: `caption`, column `heads`, and `rows` of cells; the first cell of each row heads
 * it (a row header), so screen readers announce which figure a value belongs to.
 */
function table(caption, heads, rows) {
  const tbl = el('table', 'figures-table');
  tbl.append(el('caption', '', caption));
  const head = el('tr');
  for (const h of heads) {
    const th = el('th', '', h);
    th.scope = 'col';
    head.append(th);
  }
  tbl.append(el('thead'));
  tbl.tHead.append(head);
  const body = el('tbody');
  for (const [first, ...rest] of rows) {
    const tr = el('tr');
    const th = el('th', '', String(first ?? ''));
    th.scope = 'row';
    tr.append(th);
    for (const cell of rest) tr.append(el('td', '', String(cell ?? '')));
    body.append(tr);
  }
  tbl.append(body);
  return tbl;
}

/** The figures as a plain table, for when the charts cannot be drawn but the data could be read. */
export function figuresTable(data, t) {
  if (!data || !Array.isArray(data.figures)) return null;
  const names = new Map((data.regions || []).map((r) => [r.id, r.name]));
  const words = { more_than: 'more than ', at_least: 'at least ', nearly: 'nearly ', about: 'about ', less_than: 'less than ' };
  const rows = data.figures.map((f) => {
    const value = f.wording ?? (f.value === null || f.value === undefined ? f.claim
      : `${words[f.qualifier] ?? ''}${Number(f.value).toLocaleString('en')} ${f.unit}`.trim());
    return [f.label, names.get(f.region) ?? '—', value, f.period ?? '—', f.source?.quote ?? ''];
  });
  return table(t('tableCaption'), [t('figure'), t('region'), t('value'), t('period'), t('source')], rows);
}

/** A chart's figures as a table: caption, headers, values in words with qualifiers and units, source. */
export function chartTable(story, chart, t) {
  const rows = story.chartRows(chart.id);
  if (rows.length && rows[0].kind === 'region') {
    return table(chart.headline, [t('region'), t('kind'), t('inStory')], rows.map((r) => [r.title, r.value, r.summary]));
  }
  return table(chart.headline, [t('figure'), t('value'), t('period'), t('source')], rows.map((r) => [
    r.region_name ? `${r.title} (${r.region_name})` : r.title, r.value, r.period ?? '—', `“${r.quote}” (${r.source})`,
  ]));
}

/** Every figure of the loaded story, in its language, as one table. */
export function storyTable(story, t) {
  const rows = story.figureRows().map((r) => [r.title, r.region_name ?? '—', r.value, r.period ?? '—', `“${r.quote}” (${r.source})`]);
  return table(t('tableCaption'), [t('figure'), t('region'), t('value'), t('period'), t('source')], rows);
}
