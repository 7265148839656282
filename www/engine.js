// Which engine a story needs: the lighter one draws stated figures; the one built with series (www/pkg-series/) also draws indicator series, and is fetched only for a story that has them.

/** `series` where the story has indicator series or a chart draws one, else `figures`. */
export function engineKind(data) {
  const listed = (k) => Array.isArray(data?.[k]) && data[k].length > 0;
  const drawsSeries = Array.isArray(data?.charts) && data.charts.some((c) => c?.indicator != null);
  return listed('indicators') || listed('series') || drawsSeries ? 'series' : 'figures';
}
