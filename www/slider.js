// The time slider of a chart that shows one time at once (a choropleth): play, pause, step and the
// keyboard move it; the engine recolours the chart and the address keeps the time. Bundled with the
// engine that draws series (datastory_series.js), like time-chart.js, and for the same reason it
// imports nothing: what it shares with the page comes from explore.js.

/** How long each time stays on screen while playing (ms). */
const PLAY_STEP = 800;

const WORDS = {
  en: { play: 'Play', pause: 'Pause', back: 'Previous', next: 'Next', time: 'Time shown', playLabel: 'Play through the times', pauseLabel: 'Pause', backLabel: 'Show the previous time', nextLabel: 'Show the next time' },
  zh: { play: '播放', pause: '暂停', back: '上一个', next: '下一个', time: '所示时间', playLabel: '逐个播放各时间', pauseLabel: '暂停', backLabel: '显示上一个时间', nextLabel: '显示下一个时间' },
};

/**
 * Puts a slider under chart `chart`'s canvas for its times (`chart.slider`: `{at, label}` each, in
 * order) and wires it into the page's explorer, whose parts it shares in `ex` (see time-chart.js).
 * Gives the chart `showTime(at)`, which the explorer calls when the view names a time for it.
 */
export function wireSlider(chart, ex) {
  const { story, el, safely, view, setState, announce } = ex;
  const times = chart.slider;
  const words = WORDS[safely(() => story.language()) === 'zh' ? 'zh' : 'en'];
  const last = times.length - 1;

  const box = el('div', 'slider');
  const button = (cls, text, label) => {
    const b = el('button', cls, text);
    b.type = 'button';
    b.setAttribute('aria-label', label);
    return b;
  };
  const play = button('slider-play', words.play, words.playLabel);
  play.setAttribute('aria-pressed', 'false');
  const back = button('slider-step', '‹', words.backLabel);
  const next = button('slider-step', '›', words.nextLabel);
  const range = el('input', 'slider-range');
  range.type = 'range';
  range.min = '0';
  range.max = String(last);
  range.step = '1';
  range.value = String(last);
  range.setAttribute('aria-label', words.time);
  const ends = el('div', 'slider-ends');
  ends.setAttribute('aria-hidden', 'true');
  ends.append(el('span', '', times[0].label), el('span', '', times[last].label));
  const track = el('div', 'slider-track');
  track.append(range, ends);
  box.append(play, back, track, next);
  // Clicks on the slider are not clicks outside a mark: they must not unpin the view's time.
  box.addEventListener('click', (e) => e.stopPropagation());
  (chart.layer?.parentElement ?? chart.canvas).after(box);

  let shown = last;
  /** Shows time `i` on the chart and the slider, without touching the view. */
  function show(i) {
    shown = Math.max(0, Math.min(last, i));
    range.value = String(shown);
    range.setAttribute('aria-valuetext', times[shown].label);
    back.disabled = shown === 0;
    next.disabled = shown === last;
    safely(() => story.setCursor(chart.id, times[shown].at));
    chart.refreshTable?.();
  }
  show(last);

  /** Moves the view to time `i`: the chart, the slider and the address follow. */
  function go(i) {
    const v = view();
    const mark = v.chart === chart.id ? v.mark : null;
    setState({ ...v, chart: chart.id, mark, time: times[Math.max(0, Math.min(last, i))].at }, { push: false });
  }

  chart.showTime = (at) => {
    const i = times.findIndex((x) => x.at === at);
    if (i >= 0 && i !== shown) show(i);
  };

  let timer = 0;
  function stop() {
    clearInterval(timer);
    timer = 0;
    play.textContent = words.play;
    play.setAttribute('aria-label', words.playLabel);
    play.setAttribute('aria-pressed', 'false');
  }
  play.addEventListener('click', () => {
    if (timer) return stop();
    // From the start again once at the end.
    if (shown === last) go(0);
    play.textContent = words.pause;
    play.setAttribute('aria-label', words.pauseLabel);
    play.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => {
      if (ex.signal?.aborted || shown >= last) return stop();
      go(shown + 1);
    }, PLAY_STEP);
  });
  back.addEventListener('click', () => { stop(); go(shown - 1); announce(times[shown].label); });
  next.addEventListener('click', () => { stop(); go(shown + 1); announce(times[shown].label); });
  // The range input steps by the arrows, Home and End itself; its value text is read out.
  range.addEventListener('input', () => { stop(); go(Number(range.value)); });
}
