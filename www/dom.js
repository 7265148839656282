// How the shell makes elements: text goes in as textContent, so nothing from the data is ever parsed as HTML. (share.js, download.js and tables.js, fetched on demand, make theirs the same way without importing this: shared with them, it would be a chunk and a request of its own.)
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** A failure told in place (the words of `t`'s `key`, with the error's own message): a paragraph announced at once. */
export function failure(t, key, err) {
  const p = el('p', 'chart-error', t(key, err.message || err));
  p.setAttribute('role', 'alert');
  return p;
}
