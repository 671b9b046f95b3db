// Prints the frame intervals of the figure's knockout replay ("What if the organizers vanished?") at month 30
// in headless Chromium on 127.0.0.1, 1280×800 at dpr 1 and 2: median, p90 and max per run, against the target of a
// p90 at most 20 ms (the display's rate). The bands' ensemble is let finish first, so only the replay is measured.
// A canvas that only clears is measured first in the same run: the rate this browser and machine reach at all.
// Knows the page only through window.essay. Usage (after ./scripts/build): node bench/figure_frames/run.mjs [DIST] [RUNS]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static_server.mjs';
import { quantile } from '../stats.mjs';
import { launchBrowser, openEssay } from '../../tests/browser/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = resolve(process.argv[2] || join(root, 'dist'));
const runs = Number(process.argv[3] || 3);

const { server, url } = await startServer(dist);
const browser = await launchBrowser();

// The display rate this browser reaches at all: a WebGL 2 canvas of the same size that only clears, every frame.
async function baseline(dpr) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: dpr });
  const page = await context.newPage();
  await page.goto('about:blank');
  const frames = await page.evaluate(() => new Promise((done) => {
    const canvas = document.createElement('canvas');
    canvas.width = innerWidth * devicePixelRatio;
    canvas.height = innerHeight * devicePixelRatio;
    canvas.style.cssText = 'position:fixed;inset:0;width:100%;height:100%';
    document.body.appendChild(canvas);
    const gl = canvas.getContext('webgl2');
    const intervals = [];
    let last = 0;
    const tick = (now) => {
      if (last) intervals.push(now - last);
      last = now;
      gl.clearColor(intervals.length % 2, 0.5, 0.5, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      if (intervals.length < 120) requestAnimationFrame(tick); else done(intervals);
    };
    requestAnimationFrame(tick);
  }));
  await context.close();
  return frames;
}

try {
  for (const dpr of [1, 2]) {
    const base = await baseline(dpr);
    console.log(`dpr ${dpr} baseline, a canvas that only clears: frame interval median ` +
      `${quantile(base, 0.5).toFixed(1)} ms, p90 ${quantile(base, 0.9).toFixed(1)} ms`);
    const p90s = [];
    for (let run = 0; run < runs; run++) {
      const { context, page } = await openEssay(browser, `${url}#sim=seed:1,month:30`, { width: 1280, height: 800, dpr });
      // In the page, once a frame: wait for the bands, start the replay, record intervals while it runs.
      const result = await page.evaluate(() => new Promise((done, fail) => {
        const frames = [];
        let phase = 'waiting', last = 0;
        const deadline = performance.now() + 60000;
        const tick = (now) => {
          const sim = window.essay && window.essay.state() && window.essay.state().sim;
          if (phase === 'waiting' && sim && sim.week === 120 && sim.ensemble >= 1) {
            phase = window.essay.knockout() ? 'starting' : 'waiting';
          } else if (phase === 'starting' && sim.knockout.phase === 'running') {
            phase = 'running';
          } else if (phase === 'running') {
            frames.push(now - last);
            if (sim.knockout.phase === 'done') return done({ frames, rounds: sim.knockout.rounds });
          }
          last = now;
          if (now > deadline) return fail(new Error(`stuck in phase ${phase}`));
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }));
      const p90 = quantile(result.frames, 0.9);
      p90s.push(p90);
      console.log(`dpr ${dpr} run ${run + 1}: knockout replay over ${result.frames.length} frames (${result.rounds} rounds);` +
        ` frame interval median ${quantile(result.frames, 0.5).toFixed(1)} ms, p90 ${p90.toFixed(1)} ms,` +
        ` max ${Math.max(...result.frames).toFixed(1)} ms`);
      await context.close();
    }
    const m = quantile(p90s, 0.5);
    console.log(`knockout replay at dpr ${dpr}: frame interval p90, median of ${runs} runs: ${m.toFixed(1)} ms ` +
      `(target <= 20 ms: ${m <= 20 ? 'met' : 'MISSED'})`);
  }
} finally {
  await browser.close();
  server.close();
}
