// Prints how long the charts' ensemble (2 panels × 20 seeds × 30 months at N=300) takes to finish in headless
// Chromium on 127.0.0.1, from the moment the figure's charts come on screen, and the frame intervals meanwhile.
// Knows the page only through window.essay.state() and the controls it reports. Usage (after ./scripts/build): node bench/sim_web/run.mjs [DIST]
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static_server.mjs';
import { quantile } from '../stats.mjs';
import { launchBrowser, openEssay, openSimControls, waitForState } from '../../tests/browser/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = resolve(process.argv[2] || join(root, 'dist'));
const runs = Number(process.argv[3] || 3);

const { server, url } = await startServer(dist);
const browser = await launchBrowser();
try {
  const seconds = [];
  for (let run = 0; run < runs; run++) {
    const { context, page } = await openEssay(browser, `${url}#simulation`, { width: 1280, height: 800 });
    // The charts are behind "Explore the model", under the maps' key: nothing runs for them until it is pressed.
    await openSimControls(page, await waitForState(page, (t) => t.sim && !!t.sim.controls.explore, 10000));
    // Polled inside the page, once a frame, so that the poll itself does not wait on the test's round trips.
    const result = await page.evaluate(() => new Promise((done, fail) => {
      const frames = [];
      let started = 0, last = performance.now();
      const deadline = last + 60000;
      const tick = (now) => {
        const sim = window.essay && window.essay.state().sim;
        const progress = sim ? sim.ensemble : 0;
        if (started) frames.push(now - last);
        last = now;
        if (!started && progress > 0) started = now;
        if (progress >= 1) return done({ ms: now - started, frames });
        if (now > deadline) return fail(new Error(`ensemble stuck at ${progress}`));
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }));
    seconds.push(result.ms / 1000);
    console.log(`run ${run + 1}: ensemble done in ${(result.ms / 1000).toFixed(2)} s over ${result.frames.length} frames;` +
      ` frame interval median ${quantile(result.frames, 0.5).toFixed(1)} ms, p90 ${quantile(result.frames, 0.9).toFixed(1)} ms,` +
      ` max ${Math.max(...result.frames).toFixed(1)} ms`);
    await context.close();
  }
  console.log(`ensemble in the browser (2 x 20 seeds x 30 months, N=300): median ${quantile(seconds, 0.5).toFixed(2)} s of ${runs} runs` +
    ` (target <= 1 s; load average ${loadavg()[0].toFixed(2)}: the figure is wall time, so other work on the machine counts)`);
} finally {
  await browser.close();
  server.close();
}
