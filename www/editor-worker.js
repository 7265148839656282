// The editor's engine, off the page's thread: a 10 MB paste or a 100,000-row table is read here, so the editor's page never freezes. Answers each message `{id, call, args}` with `{id, value}` or `{id, error}`.
import init, { editorCells, editorImport, editorRows, editorCheck, editorRetarget, editorPage, editorZip } from './pkg-editor/datastory.js';

const calls = { editorCells, editorImport, editorRows, editorCheck, editorRetarget, editorPage, editorZip };
const ready = init();

self.onmessage = async ({ data: { id, call, args } }) => {
  try {
    await ready;
    const fn = calls[call];
    if (!fn) throw new Error(`the editor's engine has no ${call}`);
    const value = fn(...args);
    // A zip goes back without a copy.
    self.postMessage({ id, value }, value instanceof Uint8Array ? [value.buffer] : []);
  } catch (e) {
    self.postMessage({ id, error: e?.message ?? String(e) });
  }
};
