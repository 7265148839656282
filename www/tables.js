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

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/**
 * A number as the engine writes it everywhere (`number` in src/format.rs), for the one table the
 * engine cannot write: the raw file's, shown when the file or the engine failed. English groups
 * digits by commas from 1,000 up and says millions and above in words ("5,214", "5.23 million");
 * Chinese writes no separators and counts in 万, 亿 and 万亿 ("5214", "523万").
 */
export function numberText(v, zh) {
  const a = Math.abs(v);
  const steps = zh ? [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']] : [[1e12, ' trillion'], [1e9, ' billion'], [1e6, ' million']];
  const [size, word] = steps.find(([s]) => a >= s) ?? [1, ''];
  const scaled = v / size;
  if (Number.isFinite(v) && (a >= (zh ? 1e16 : 1e15) || (a > 0 && a < 1e-4))) {
    const [m, e] = v.toExponential().split('e');
    return `${m} × 10${[...e.replace('+', '')].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
  }
  let digits = scaled.toFixed(9).replace(/\.?0+$/, '');
  if (!zh) digits = digits.replace(/^(-?)(\d+)/, (_, sign, int) => sign + int.replace(/\B(?=(\d{3})+$)/g, ','));
  return digits + word;
}

const QUALIFIERS = {
  en: { more_than: 'more than', at_least: 'at least', nearly: 'nearly', about: 'about', less_than: 'less than' },
  zh: { more_than: '超过', at_least: '至少', nearly: '近', about: '约', less_than: '不到' },
};

/** A raw figure's value in words, as `full` in src/format.rs writes it: "more than 200 countries", "超过2亿千瓦". */
function valueText(f, zh) {
  if (f.wording) return f.wording;
  if (f.value === null || f.value === undefined) return f.claim ?? '';
  const n = numberText(Number(f.value), zh);
  const symbol = { '%': `${n}%`, times: zh ? `${n}倍` : `${n}×` }[f.unit ?? ''];
  const gap = zh ? '' : ' ';
  const number = symbol ?? (f.unit ? `${n}${gap}${f.unit}` : n);
  const words = QUALIFIERS[zh ? 'zh' : 'en'][f.qualifier];
  return words ? `${words}${gap}${number}` : number;
}

/** The figures as a plain table, for when the charts cannot be drawn but the data could be read. */
export function figuresTable(data, t) {
  if (!data || !Array.isArray(data.figures)) return null;
  const names = new Map((data.regions || []).map((r) => [r.id, r.name]));
  // The raw file is in the story's own language, its first.
  const zh = /^zh/i.test(data.languages?.[0] ?? '');
  if (!data.figures.length && Array.isArray(data.series)) return seriesTable(data, names, zh, t);
  const rows = data.figures.map((f) => [f.label, names.get(f.region) ?? '—', valueText(f, zh), f.period ?? '—', f.source?.quote ?? '']);
  return table(t('tableCaption'), [t('figure'), t('region'), t('value'), t('period'), t('source')], rows);
}

/** A story of series as a plain table: each value with its entity, indicator and time; a gap says so. */
function seriesTable(data, names, zh, t) {
  const indicators = new Map((data.indicators || []).map((i) => [i.id, i]));
  const sources = new Map((data.sources || []).map((s) => [s.id, s.name]));
  const rows = [];
  for (const s of data.series) {
    const ind = indicators.get(s.indicator);
    (s.times || []).forEach((time, i) => {
      const v = s.values?.[i];
      const value = v === null || v === undefined ? '—' : `${numberText(Number(v), zh)}${ind?.unit ? `${zh ? '' : ' '}${ind.unit}` : ''}`;
      rows.push([names.get(s.entity) ?? s.entity, ind?.name ?? s.indicator, String(time), value, sources.get(ind?.source) ?? '']);
    });
  }
  return table(t('tableCaption'), [t('entity'), t('indicator'), t('period'), t('value'), t('source')], rows);
}

/** A chart's figures as a table: caption, headers, values in words with qualifiers and units, source. */
export function chartTable(story, chart, t) {
  const rows = story.chartRows(chart.id);
  if (rows.length && rows[0].kind === 'region') {
    return table(chart.headline, [t('region'), t('kind'), t('inStory')], rows.map((r) => [r.title, r.value, r.summary]));
  }
  if (rows.length && rows[0].kind === 'series') return seriesRows(chart.headline, rows, t);
  return table(chart.headline, [t('figure'), t('value'), t('period'), t('source')], rows.map((r) => [
    r.region_aside ? `${r.title} (${r.region_aside})` : r.title, r.value, r.period ?? '—', `“${r.quote}” (${r.source})`,
  ]));
}

/** Every figure of the loaded story, in its language, as one table. */
export function storyTable(story, t) {
  const figures = story.figureRows();
  // A story of series: each chart's rows, as its table gives them.
  if (!figures.length) {
    const charts = story.outline().sections.flatMap((s) => s.charts);
    return seriesRows(t('tableCaption'), charts.flatMap((c) => story.chartRows(c.id)).filter((r) => r.kind === 'series'), t);
  }
  const rows = figures.map((r) => [r.title, r.region_name ?? '—', r.value, r.period ?? '—', `“${r.quote}” (${r.source})`]);
  return table(t('tableCaption'), [t('figure'), t('region'), t('value'), t('period'), t('source')], rows);
}

/** Rows of series (an entity's value at a time), with what is measured and where it comes from. */
function seriesRows(caption, rows, t) {
  return table(caption, [t('entity'), t('value'), t('period'), t('source')], rows.map((r) => [
    r.title, r.value, r.period ?? '—', [r.summary, r.source].filter(Boolean).join('; '),
  ]));
}
