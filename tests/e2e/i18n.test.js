// The shell's words: every English key has a Chinese one (a missing key would show English on a Chinese page), and no Chinese key is left over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const www = new URL('../../www/', import.meta.url);
/** The keys of the object literal that starts right after `start` in `file`. */
function keys(file, start) {
  const text = readFileSync(new URL(file, www), 'utf8');
  const from = text.indexOf(start);
  assert.ok(from >= 0, `${file} has no “${start}”`);
  const body = text.slice(from + start.length, text.indexOf('\n  }', from));
  return [...body.matchAll(/(?:^|[\s,{])([A-Za-z]+): '/g)].map((m) => m[1]).sort();
}

test('the shell speaks Chinese wherever it speaks English', () => {
  const en = keys('i18n.js', 'en: {');
  const zh = keys('i18n-zh.js', 'export default {');
  assert.ok(en.length > 40, `only ${en.length} English keys found: the reading of i18n.js is broken`);
  assert.deepEqual(en.filter((k) => !zh.includes(k)), [], 'English words with no Chinese');
  assert.deepEqual(zh.filter((k) => !en.includes(k)), [], 'Chinese words with no English');
});
