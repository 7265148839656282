// The engine that draws indicator series, with the page's code for charts over time and sliders: one chunk,
// fetched only by a page whose story has series (app.js).
export { default, Story } from './pkg-series/datastory.js';
export { wireTimeChart } from './time-chart.js';
export { wireSlider } from './slider.js';
