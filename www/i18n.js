// The shell's own words in English, and in Simplified Chinese from i18n-zh.js when a page needs them (the story's words come translated in its data).
const STRINGS = {
  en: {
    loading: 'Loading the figures…',
    slow: 'Still loading the figures: the connection is slow…',
    timedOut: 'no answer within {0} seconds',
    htmlInstead: '{0} answered with a web page, not with the data file.',
    truncated: '{0}: the file ends too early ({1} characters arrived); it may have been cut off in transfer or when saved.',
    refusedWhat: 'The data address was refused.',
    refusedDetail: '“{0}” is not a relative path on this site.',
    refusedFix: 'Name a data file on this site with a relative path, e.g. data/story.json.',
    loadWhat: 'The figures could not be loaded.',
    loadFailed: 'The request for {0} failed: {1}.',
    loadStatus: 'The data file {0} answered HTTP {1}.',
    loadFix: 'Check that the data file exists at that address.',
    retryFix: 'Check your connection and reload the page.',
    jsonWhat: 'The data file is not valid JSON.',
    jsonFix: 'Fix the file’s syntax, for example with a JSON validator, and reload.',
    dataWhat: 'The data file has a problem.',
    dataFix: 'Correct the field named above in the data file and reload.',
    engineWhat: 'The graphic’s engine could not start.',
    engineFix: 'Reload the page; if this persists, your browser may not support WebAssembly.',
    genericWhat: 'This graphic could not be shown.',
    chartFailed: 'This chart could not be drawn.',
    reload: 'Reload the page to try again.',
    tableCaption: 'The figures of this story',
    region: 'Region', figure: 'Figure', value: 'Value', period: 'Period', source: 'Source', kind: 'Kind', inStory: 'In this story',
    entity: 'Name', indicator: 'Measure',
    table: 'Table',
    tableLabel: 'Show the figures of “{0}” as a table',
    allFigures: 'Show all figures as a table',
    allFiguresLabel: 'All figures',
    downloadFailed: 'The download could not be made: {0}',
    tableFailed: 'The table could not be loaded ({0}); reload the page to try again.',
    download: 'Download',
    downloadChart: 'Download “{0}”',
    downloadStory: 'Download the whole story',
    periodLine: 'Period: {0}',
    sourceLine: 'Source: {0}',
    close: 'Close',
    closeLabel: 'Close the details of {0}',
    selected: '{0} selected. Its figures are highlighted; press Escape to clear.',
    cleared: 'Selection cleared.',
    pinned: 'Pinned. {0}',
    moreRows: 'and {0} more: see the table',
    embed: 'Embed',
    embedFailed: 'The embed code could not be loaded ({0}); reload the page to try again.',
    embedIntro: 'Paste one of these into your article. Both show the current view.',
    iframe: 'Responsive iframe',
    element: 'Script embed',
    copy: 'Copy',
    copied: 'Copied',
    copyByHand: 'Press Ctrl-C to copy',
    language: 'Language',
  },
};

let chinese = null;

/**
 * Makes the words of `lang` ready for `translator`: a promise while they are being fetched, null
 * when they are ready. Chinese is a module of its own (1.2 kB gzipped that an English page does not
 * fetch); if it cannot be fetched the shell speaks English, and the next call tries again.
 */
export function loadWords(lang) {
  if (lang !== 'zh' || STRINGS.zh) return null;
  chinese ??= import('./i18n-zh.js').then(
    (m) => { STRINGS.zh = m.default; },
    () => { chinese = null; },
  );
  return chinese;
}

/** A translator for `lang` (`en` or `zh` once loaded; anything else falls back to English): t(key, ...values). */
export function translator(lang) {
  const table = STRINGS[lang] ?? STRINGS.en;
  return (key, ...values) => (table[key] ?? STRINGS.en[key] ?? key).replace(/\{(\d)\}/g, (_, i) => String(values[Number(i)] ?? ''));
}

/** The BCP 47 tag a document in `lang` should carry. */
export const htmlLang = (lang) => (lang === 'zh' ? 'zh-Hans' : 'en');
