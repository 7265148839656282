// Interacting with a drawn page: where its marks are (found by their colours, so no page needs a test hook), click-to-redraw times, and memory after many interactions.

/**
 * CSS-pixel points (relative to the canvas) inside a mark of each colour on a chart's canvas: the
 * first such mark from the top left, or with `last` the last one (another column of one colour).
 */
export async function spots(page, chart, colours, last = false) {
  return page.evaluate(([chart, colours, last]) => {
    const c = document.querySelector(`figure[data-chart="${chart}"] canvas`);
    if (!c) return [];
    c.scrollIntoView({ block: 'center', behavior: 'instant' });
    const scale = c.width / c.getBoundingClientRect().width;
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    return colours.map((hex) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      // A point well inside the mark: it and four neighbours 8 device pixels away all have its colour.
      for (let y = 8; y < c.height - 8; y += 3) {
        for (let k = 8; k < c.width - 8; k += 3) {
          const x = last ? c.width - k : k;
          const ok = [[0, 0], [-8, 0], [8, 0], [0, -8], [0, 8]].every(([dx, dy]) => {
            const i = ((y + dy) * c.width + x + dx) * 4;
            return Math.abs(px[i] - r) <= 1 && Math.abs(px[i + 1] - g) <= 1 && Math.abs(px[i + 2] - b) <= 1;
          });
          if (ok) return [x / scale, y / scale];
        }
      }
      return null;
    });
  }, [chart, colours, last]);
}

/**
 * In the page: runs `steps` ([chart, kind, x, y], kind 'click' or 'move') one per animation frame,
 * as a reader would, and returns how long each took. A click is the browser's whole sequence
 * (pointerdown, mousedown, pointerup, mouseup, click), a move is pointermove + mousemove, all
 * dispatched synchronously on the canvas; then, where the page defines `__benchFlush` (ECharts, whose
 * zrender paints on the next frame), that paint is forced, so every page is timed to its last pixel.
 */
export async function play(page, steps) {
  return page.evaluate(async (steps) => {
    const canvases = new Map();
    const canvasOf = (chart) => {
      if (!canvases.has(chart)) canvases.set(chart, document.querySelector(`figure[data-chart="${chart}"] canvas`));
      return canvases.get(chart);
    };
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const times = [];
    for (const [chart, kind, x, y] of steps) {
      const canvas = canvasOf(chart);
      const box = canvas.getBoundingClientRect();
      const at = { clientX: box.left + x, clientY: box.top + y, bubbles: true, cancelable: true, composed: true, view: window, button: 0 };
      const pointer = { ...at, pointerId: 1, pointerType: 'mouse', isPrimary: true };
      const events = kind === 'click'
        ? [new PointerEvent('pointerdown', { ...pointer, buttons: 1 }), new MouseEvent('mousedown', { ...at, buttons: 1 }),
          new PointerEvent('pointerup', pointer), new MouseEvent('mouseup', at), new MouseEvent('click', { ...at, detail: 1 })]
        : [new PointerEvent('pointermove', pointer), new MouseEvent('mousemove', at)];
      const t0 = performance.now();
      for (const e of events) canvas.dispatchEvent(e);
      window.__benchFlush?.();
      times.push(performance.now() - t0);
      await frame();
    }
    return times;
  }, steps);
}

export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** The JS heap in use and the size of every wasm memory, after a forced garbage collection. */
export async function memory(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // Every WebAssembly.Memory alive in the page, found through the heap: no page needs to expose its engine.
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype', objectGroup: 'bench' });
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId, objectGroup: 'bench' });
  const total = await cdp.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench' });
  const wasm = total.result.value ?? 0;
  return { heap: usedSize, wasm, total: usedSize + wasm };
}
