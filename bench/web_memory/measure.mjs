// Runs the simulation figure at full speed in headless Chromium for a while and samples the wasm heap
// (window.essay.memory().heapBytes, i.e. Module.HEAP8.length). Shared by bench/web_memory/run.mjs (10 minutes) and
// tests/browser/memory.test.mjs (a bounded run for CI). Knows the page API, nothing of the app's internals.
import { openEssay, openSimControls, state, waitForRest, waitForState } from '../../tests/browser/chromium.mjs';

// Presses at the middle of a rectangle, or at a given x inside it; press and release land in different frames.
async function pressAt(page, x, y) {
  await page.mouse.move(x, y);
  await page.waitForTimeout(150);
  await page.mouse.down();
  await page.waitForTimeout(80);
  await page.mouse.up();
  await page.waitForTimeout(250); // the click's frame before the next press (ImGui 1.86 keeps no input queue)
}

// Goes to the figure with essay.goTo('simulation'), opens its controls, and waits until they are on screen and still.
// The jump puts the figure's title under the bar, so on a short window its time controls may sit at the bottom edge:
// turns of the wheel then bring them up.
export async function atFigure(page) {
  await page.evaluate(() => window.essay.goTo('simulation'));
  const onScreen = (t) => {
    const c = t.sim && t.sim.controls;
    return !!c && !!c.play && !!c['speed-8'] && t.sim.figureY - t.scrollY > -t.viewport.height &&
      t.sim.figureY - t.scrollY < t.viewport.height && c.play[1] > 40 && c['speed-8'][1] < t.viewport.height - 40;
  };
  const near = (t) => t.sim && t.sim.figureY >= 0 && Math.abs(t.sim.figureY - t.scrollY) < t.viewport.height / 2;
  await waitForState(page, near, 10000);
  let s = await waitForRest(page);
  // The controls are behind "Explore the model", under the maps' key, which may be under the window's edge; then the
  // figure's "How the model works" and "When calls outlast the organizers" stand first under the way in, above the
  // time controls, and the speed is behind "More controls" under them. A few turns at most.
  for (let i = 0; i < 8 && !onScreen(s); i++) {
    if (!s.sim.controlsOpen && s.sim.controls.explore) {
      await openSimControls(page, s);
      s = await waitForRest(page);
      continue;
    }
    const more = s.sim.controls.more;
    if (more && !s.sim.controls['speed-8'] && more[1] > 40 && more[1] + more[3] < s.viewport.height) {
      await pressAt(page, more[0] + more[2] / 2, more[1] + more[3] / 2);
      s = await waitForRest(page);
      continue;
    }
    await page.mouse.move(s.viewport.width / 2, s.viewport.height / 2);
    await page.mouse.wheel(0, s.viewport.height / 4);
    await page.waitForTimeout(100);
    s = await waitForRest(page);
  }
  return waitForState(page, onScreen, 5000);
}

const heap = (page) => page.evaluate(() => window.essay.memory().heapBytes);

// { seconds, samples: [{ t, week, heapBytes }], startBytes, endBytes, growth, weeks, weeksPerSecond, errors }
export async function runSimulation(browser, url, seconds, { onSample = null, sampleEvery = 10 } = {}) {
  const { context, page, errors } = await openEssay(browser, url);
  try {
    let s = await atFigure(page);
    // Full speed: the speed control's last segment, 8 weeks a second.
    const sp = s.sim.controls['speed-8'];
    await pressAt(page, sp[0] + sp[2] / 2, sp[1] + sp[3] / 2);
    const pl = s.sim.controls.play;
    await pressAt(page, pl[0] + pl[2] / 2, pl[1] + pl[3] / 2);
    s = await waitForState(page, (t) => t.sim.playing && t.sim.week >= 1, 5000);
    const samples = [];
    const started = Date.now();
    const sample = async () => {
      const t = await state(page);
      const point = { t: (Date.now() - started) / 1000, week: t.sim.week, playing: t.sim.playing, heapBytes: await heap(page) };
      samples.push(point);
      if (onSample) onSample(point);
      return point;
    };
    const first = await sample();
    while (Date.now() - started < seconds * 1000) {
      await page.waitForTimeout(Math.min(sampleEvery * 1000, seconds * 1000 - (Date.now() - started)));
      const point = await sample();
      if (!point.playing) throw new Error(`the simulation stopped playing at week ${point.week}`);
    }
    const last = samples[samples.length - 1];
    return {
      seconds: last.t, samples, startBytes: first.heapBytes, endBytes: last.heapBytes,
      growth: (last.heapBytes - first.heapBytes) / first.heapBytes, weeks: last.week - first.week,
      weeksPerSecond: (last.week - first.week) / (last.t - first.t), errors,
    };
  } finally {
    await context.close();
  }
}

export const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MiB`;
