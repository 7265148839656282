// The editor's data grid: a window of the table's rows as labelled text fields, the importer's problem marked on its cell; a table of 100,000 rows shows 100 at a time.
import { el } from './dom.js';

const WINDOW = 100;

/** A column's letter as the importer's messages name it (A, B, …, Z, AA). */
export function letter(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Draws `rows` into `box`: the window starting at `start` (or the one holding the problem's row),
 * `error` ({row, column, message}) marked on its cell, `onEdit(row, column, text)` called when a cell
 * is changed. Returns the window's first row.
 */
export function renderGrid(box, rows, error, onEdit, start = 0) {
  const bad = error && Number.isInteger(error.row) ? error.row : null;
  if (bad !== null && (bad < start || bad >= start + WINDOW)) start = Math.max(0, bad - 10);
  start = Math.min(start, Math.max(0, rows.length - 1));
  const end = Math.min(rows.length, start + WINDOW);
  const header = rows[0] ?? [];
  const table = el('table', 'grid-table');
  const caption = el('caption', '', rows.length > WINDOW ? `Your data, rows ${start + 1} to ${end} of ${rows.length}` : 'Your data');
  const head = el('thead');
  const tr = el('tr');
  tr.append(el('th', 'corner', ''));
  header.forEach((_, c) => {
    const th = el('th', '', letter(c));
    th.scope = 'col';
    tr.append(th);
  });
  head.append(tr);
  const body = el('tbody');
  for (let r = start; r < end; r += 1) {
    const row = el('tr');
    const th = el('th', '', String(r + 1));
    th.scope = 'row';
    row.append(th);
    rows[r].forEach((text, c) => {
      const td = el('td');
      const input = el('input');
      input.value = text;
      input.id = `cell-${r}-${c}`;
      input.dataset.row = String(r);
      input.dataset.column = String(c);
      const name = header[c] ? ` (${header[c]})` : '';
      input.setAttribute('aria-label', `Row ${r + 1}, column ${letter(c)}${r === 0 ? '' : name}`);
      if (r === bad && (error.column === null || error.column === c)) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', 'data-error');
        input.title = error.message;
        td.classList.add('bad');
      }
      input.addEventListener('change', () => onEdit(r, c, input.value));
      td.append(input);
      row.append(td);
    });
    body.append(row);
  }
  table.append(caption, head, body);
  const pages = el('div', 'row');
  if (start > 0) {
    const back = el('button', '', 'Earlier rows');
    back.type = 'button';
    back.addEventListener('click', () => renderGrid(box, rows, error, onEdit, Math.max(0, start - WINDOW)));
    pages.append(back);
  }
  if (end < rows.length) {
    const on = el('button', '', 'Later rows');
    on.type = 'button';
    on.addEventListener('click', () => renderGrid(box, rows, error, onEdit, end));
    pages.append(on);
  }
  box.replaceChildren(table, pages);
  return start;
}

/** The problem's cell in the grid, if it is shown. */
export function badCell(box) {
  return box.querySelector('input[aria-invalid="true"]');
}

/** Rows and columns swapped; short rows read as blank cells. */
export function transpose(rows) {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c] ?? ''));
}
