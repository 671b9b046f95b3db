// Prints the reading figures in headless Chromium (SwiftShader) on 127.0.0.1: at rest, side by side with the plain
// HTML page of the same essay (dist/index.html without its script), the animation frames asked for per second, the
// CPU of every Chromium process and the first contentful paint (medians of fresh loads); then frame times while the
// wheel scrolls the essay (desktop) and while a finger drags it (phone), and the main thread's idle CPU over 5 s at
// the top of the essay. The layout time of the whole essay at three widths is build/native/bin/text_bench's.
// Usage (after ./scripts/build): node bench/reading/run.mjs [DIST_DIR]
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

const Loads = Number(process.env.READING_LOADS || 5);
const IdleSeconds = 5;

// CPU seconds (user + system) of every process descending from this one: Chromium's browser, GPU and renderers.
async function chromiumCpuSeconds() {
  const parents = new Map(), cpu = new Map();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, in clock ticks
    } catch { /* the process ended */ }
  }
  let total = 0;
  for (const [pid, seconds] of cpu) {
    let p = parents.get(pid);
    while (p && p !== process.pid && p !== 1) p = parents.get(p);
    if (p === process.pid) total += seconds;
  }
  return total;
}

// One fresh load of `pageUrl`: first contentful paint, then over IdleSeconds at rest the animation frames the page
// asked for per second and all Chromium processes' CPU as a share of one core.
async function restFigures(pageUrl, ready) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__rafs = 0;
    const original = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => { window.__rafs++; return original(callback); };
  });
  await page.goto(pageUrl);
  if (ready) await page.waitForFunction(() => document.documentElement.dataset.essayReady === '1', null, { timeout: 30000 });
  else await page.waitForLoadState('load');
  await page.waitForTimeout(1500); // the top of the essay, as a reader leaves it
  const fcp = await page.evaluate(() => {
    const entry = performance.getEntriesByName('first-contentful-paint')[0];
    return entry ? entry.startTime : NaN;
  });
  const rafs = await page.evaluate(() => window.__rafs), cpu = await chromiumCpuSeconds();
  await page.waitForTimeout(IdleSeconds * 1000);
  const figures = { fcp, rafs: ((await page.evaluate(() => window.__rafs)) - rafs) / IdleSeconds,
    cpu: ((await chromiumCpuSeconds()) - cpu) / IdleSeconds * 100 };
  await context.close();
  return figures;
}

const { server, url } = await startServer(dist);
// The plain page: the same essay's HTML, with no script.
const plainDir = await mkdtemp(join(tmpdir(), 'essay-plain-'));
const html = await readFile(join(dist, 'index.html'), 'utf8');
await writeFile(join(plainDir, 'index.html'), html.replace(/<script[^>]*><\/script>/g, ''));
for (const f of await readdir(dist)) if (f.startsWith('favicon')) await copyFile(join(dist, f), join(plainDir, f));
const plain = await startServer(plainDir);
const browser = await launchBrowser();
try {
  {
    const rows = { plain: [], essay: [] };
    for (let i = 0; i < Loads; i++) { // alternated, so both see the same machine
      rows.plain.push(await restFigures(plain.url, false));
      rows.essay.push(await restFigures(url, true));
    }
    console.log(`at rest, 1280x800, medians of ${Loads} fresh loads each, ${IdleSeconds} s idle after 1.5 s:`);
    console.log(`${'page'.padEnd(24)} ${'idle rAF/s'.padStart(10)} ${'all-Chromium CPU'.padStart(17)} ${'first paint'.padStart(12)}`);
    for (const [name, list] of [['the essay as plain HTML', rows.plain], ['this essay, dist/', rows.essay]]) {
      const m = (key) => quantile(list.map((r) => r[key]), 0.5);
      console.log(`${name.padEnd(24)} ${m('rafs').toFixed(1).padStart(10)} ${(m('cpu').toFixed(1) + '%').padStart(17)} ` +
        `${(m('fcp').toFixed(0) + ' ms').padStart(12)}`);
    }
    const ratio = quantile(rows.essay.map((r) => r.fcp), 0.5) / quantile(rows.plain.map((r) => r.fcp), 0.5);
    console.log(`first paint, essay / plain: ${ratio.toFixed(2)}`);
  }
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
  plain.server.close();
  await rm(plainDir, { recursive: true, force: true });
}
