// Prints the reading figures in headless Chromium (SwiftShader) on 127.0.0.1: frame times while the wheel scrolls
// the essay (desktop) and while a finger drags it (phone), and the main thread's idle CPU over 5 s at the top of the
// essay (further down, the simulation's ensemble computes a little each frame until its bands are done). The layout time of
// the whole essay at three widths is build/native/bin/text_bench's (native, no browser).
// Usage (after ./scripts/build): node bench/reading/run.mjs [DIST_DIR]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static_server.mjs';
import { quantile } from '../stats.mjs';
import { launchBrowser, openEssay } from '../../tests/browser/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = resolve(process.argv[2] || join(root, 'dist'));

// Records requestAnimationFrame intervals in the page while `drive` runs; returns them in ms.
async function frameIntervals(page, drive) {
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => { window.__frames.push(now - last); last = now; if (window.__recording) requestAnimationFrame(tick); };
    window.__recording = true;
    requestAnimationFrame(tick);
  });
  await drive();
  return page.evaluate(() => { window.__recording = false; return window.__frames.slice(1); });
}

function report(name, frames) {
  console.log(`${name.padEnd(34)} frames ${String(frames.length).padStart(4)}  median ${quantile(frames, 0.5).toFixed(1)} ms` +
    `  p90 ${quantile(frames, 0.9).toFixed(1)} ms  max ${Math.max(...frames).toFixed(1)} ms`);
}

const { server, url } = await startServer(dist);
const browser = await launchBrowser();
try {
  {
    const { context, page } = await openEssay(browser, url, { width: 1280, height: 800 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    await page.waitForTimeout(1500); // the top of the essay, as a reader leaves it
    const before = await task();
    await page.waitForTimeout(5000);
    const busy = (await task()) - before;
    console.log(`${'idle main-thread CPU over 5 s'.padEnd(34)} ${(busy * 1000).toFixed(1)} ms (${(busy / 5 * 100).toFixed(2)}% of a core)`);
    await page.mouse.move(640, 400);
    const frames = await frameIntervals(page, async () => {
      for (let i = 0; i < 60; i++) { await page.mouse.wheel(0, 120); await page.waitForTimeout(25); }
    });
    report('wheel scrolling, 1280x800 dpr 1', frames);
    await context.close();
  }
  {
    const { context, page } = await openEssay(browser, url, { width: 390, height: 844, dpr: 3, mobile: true });
    const cdp = await context.newCDPSession(page);
    const frames = await frameIntervals(page, async () => {
      for (let round = 0; round < 4; round++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 200, y: 700 }] });
        for (let y = 660; y >= 200; y -= 40)
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 200, y }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await page.waitForTimeout(400);
      }
    });
    report('touch drag + momentum, 390x844 dpr 3', frames);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
