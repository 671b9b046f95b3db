// Hostile conditions in a real browser (issue 9): the GPU context lost and restored, a storm of resizes with a
// devicePixelRatio change, the page frozen (hidden) and thawed, 1,000 malformed URL hashes and 1,000 junk
// postMessages, and a page whose wasm fails to download, is garbage, or carries a damaged essay. Each test prints its
// figures on a "  robustness:" line.
import assert from 'node:assert/strict';
import { decodePng, inkCoverage } from './png.mjs';
import { openEssay, state, waitForRest, waitForState } from './chromium.mjs';

const log = (text) => console.log(`  robustness: ${text}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function canvasInk(page) {
  return inkCoverage(decodePng(await page.locator('#canvas').screenshot({ type: 'png' }))).inkShare;
}

// Counts requestAnimationFrame callbacks and WebGL draw calls from an init script: nothing new in the page.
function countFrames() {
  window.__frames = 0;
  window.__draws = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { window.__frames++; cb(t); });
  const proto = WebGL2RenderingContext.prototype;
  const drawElements = proto.drawElements;
  proto.drawElements = function (...args) { window.__draws++; return drawElements.apply(this, args); };
}
const counts = (page) => page.evaluate(() => ({ frames: window.__frames, draws: window.__draws }));

// The essay's place and what is open: what an invalid input must leave alone.
const place = (s) => ({ scrollY: s.scrollY, open: s.open, objections: s.objections, theme: s.theme });

// ---- Hash and message generators (a fixed seed: a failure is reproducible) ----
function rng(seed) {
  let x = seed >>> 0;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}
// Every one of these breaks the fragment grammar (src/app/location.h): a character outside [a-z0-9_=&,-], an empty
// part or key, an empty id list, or more than 2,048 characters.
function invalidHash(r, ids) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  const junk = 'ABCXYZ .%/?#:;!@$^*()[]{}<>"\'\\|~`+é€😀\u0000\u202e';
  const id = pick(ids);
  const noise = () => { let s = ''; const n = 1 + Math.floor(r() * 12); for (let i = 0; i < n; i++) s += pick([...junk]); return s; };
  switch (Math.floor(r() * 12)) {
    case 0: return `${id}${noise()}`;
    case 1: return `open=${id},,${pick(ids)}`;
    case 2: return 'open=';
    case 3: return 'at=';
    case 4: return `=${id}`;
    case 5: return `${id}&&at=${pick(ids)}`;
    case 6: return `at=${id.toUpperCase()}X`;
    case 7: return `${id}-`.repeat(Math.ceil(2100 / (id.length + 1)));
    case 8: return `%${Math.floor(r() * 256).toString(16)}%E0%A4%A`;
    case 9: return `<script>alert(${Math.floor(r() * 100)})</script>`;
    case 10: return `open=${id}&at=${noise()}`;
    default: return noise() + id;
  }
}
function validHash(r, ids, objectionIds) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  switch (Math.floor(r() * 5)) {
    case 0: return `at=${pick(ids)}`;
    case 1: return `open=${pick(objectionIds)}`;
    case 2: return `${pick(ids)}&open=${pick(objectionIds)},${pick(objectionIds)}`;
    case 3: return `no-such-id-${Math.floor(r() * 1000)}`; // well formed but stale: the top, nothing open
    default: return pick(ids);
  }
}
function junkMessage(r, protocol) {
  const types = ['ready', 'height', 'objection', 'scroll', 'open', 'close', 'goto', 'failed', 'state', '__proto__'];
  const pick = (list) => list[Math.floor(r() * list.length)];
  switch (Math.floor(r() * 10)) {
    case 0: return { essay: protocol, type: pick(types), height: r() * 1e9, id: 'only-one-step' };
    case 1: return { essay: protocol, type: 'goto', anchor: '#conclusion' };
    case 2: return { essay: protocol, type: 'open', id: 'only-one-step' };
    case 3: return { essay: protocol, type: pick(types), dy: -1e308, mode: 'objection:x' };
    case 4: return 'x'.repeat(Math.floor(r() * 100000));
    case 5: return [protocol, pick(types), null, undefined, NaN];
    case 6: return null;
    case 7: return { essay: 'solidarity-vs-sorting/embed@999', type: pick(types) };
    case 8: return { __proto__: { essay: protocol }, type: 'scroll', dy: 1e6 };
    default: return Math.floor(r() * 1e6);
  }
}

// Opens the page with the wasm (or any request) answered by `handler`, and waits for the failure flag.
async function openFailing(browser, url, pattern, handler) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  await page.route(pattern, handler);
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.essayFailed === '1', null, { timeout: 20000 });
  const ms = Date.now() - started;
  const message = await page.locator('#status').textContent();
  assert.ok(await page.locator('#status').isVisible(), 'the status line is visible');
  assert.ok(await page.locator('#essay-html h1').isVisible(), 'the HTML essay is visible');
  assert.equal(await page.locator('#canvas').isVisible(), false, 'no canvas over the essay');
  assert.notEqual(await page.evaluate(() => document.documentElement.dataset.essayReady), '1');
  // The page still scrolls: the essay is readable, not frozen under a blank canvas.
  await page.mouse.move(500, 400);
  await page.mouse.wheel(0, 600);
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 3000 });
  await context.close();
  return { message, ms };
}

export const tests = [
  {
    name: 'a lost and restored WebGL context draws again at the same place, without console errors',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { initScript: countFrames });
      try {
        await page.mouse.move(640, 400);
        await page.mouse.wheel(0, 2400);
        const before = await waitForRest(page);
        assert.ok(before.scrollY > 1000, `scrolled into the essay (${before.scrollY})`);
        const inkBefore = await canvasInk(page);
        await page.evaluate(() => {
          window.__lose = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
          window.__lose.loseContext();
        });
        await page.waitForFunction(() => window.Module.essayGpuLost === true, null, { timeout: 3000 });
        const lostAt = await counts(page);
        await page.waitForTimeout(500);
        const lostLater = await counts(page);
        // The loop sleeps while the context is lost (issue 16); restoring it wakes the loop.
        assert.ok(lostLater.frames - lostAt.frames <= 2, 'no frames are asked for while the context is lost');
        assert.equal(lostLater.draws, lostAt.draws, 'nothing is drawn while the context is lost');
        const restoreStarted = Date.now();
        await page.evaluate(() => window.__lose.restoreContext());
        await page.waitForFunction((n) => window.__draws > n, lostLater.draws, { timeout: 5000 });
        const firstDrawMs = Date.now() - restoreStarted;
        let inkAfter = 0;
        const deadline = Date.now() + 5000;
        while (Date.now() < deadline && (inkAfter = await canvasInk(page)) < 0.01) await page.waitForTimeout(100);
        const recoveredMs = Date.now() - restoreStarted;
        const after = await state(page);
        assert.equal(after.scrollY, before.scrollY, 'the reader keeps their place');
        assert.deepEqual(after.open, before.open);
        assert.ok(inkAfter > 0.01, `the canvas shows ink again (${inkAfter})`);
        assert.ok(Math.abs(inkAfter - inkBefore) < 0.02, `the same page is drawn (ink ${inkBefore} -> ${inkAfter})`);
        // And it keeps working: the wheel still scrolls and draws.
        await page.mouse.wheel(0, 300);
        await waitForState(page, (s) => s.scrollY === before.scrollY + 300);
        log(`context loss: scrollY ${before.scrollY} kept; first draw ${firstDrawMs} ms and ink ${inkAfter.toFixed(3)} ` +
          `(before ${inkBefore.toFixed(3)}) ${recoveredMs} ms after restoreContext()`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: '100 resizes in 2 s and a devicePixelRatio change leave a consistent canvas',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 1000, height: 700, initScript: countFrames });
      try {
        const cdp = await context.newCDPSession(page);
        await page.mouse.move(500, 350);
        await page.mouse.wheel(0, 1500);
        await waitForRest(page);
        const start = await counts(page);
        const started = Date.now();
        for (let i = 0; i < 100; i++) {
          cdp.send('Emulation.setDeviceMetricsOverride', {
            width: 320 + ((i * 137) % 1200), height: 300 + ((i * 89) % 700), deviceScaleFactor: 1 + (i % 3) * 0.5,
            mobile: false,
          }).catch(() => {});
          await sleep(Math.max(0, started + (i + 1) * 19 - Date.now())); // 100 in 1.9 s
        }
        const stormMs = Date.now() - started;
        const finalSize = { width: 900, height: 650 };
        await cdp.send('Emulation.setDeviceMetricsOverride', { ...finalSize, deviceScaleFactor: 2, mobile: false });
        const settledAt = Date.now();
        const s = await waitForState(page, (t) => t.viewport.width === 900 && t.viewport.height === 650 && t.dpr === 2, 10000);
        const settleMs = Date.now() - settledAt;
        await waitForRest(page);
        const storm = await counts(page);
        const size = await page.evaluate(() => {
          const c = document.getElementById('canvas');
          return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: window.devicePixelRatio };
        });
        assert.deepEqual(size, { w: 1800, h: 1300, cw: 900, ch: 650, dpr: 2 }, 'the backing store is css × dpr');
        assert.deepEqual(s.viewport, finalSize);
        assert.ok(s.scrollY >= 0 && s.scrollY <= s.contentHeight - s.viewport.height, `scrollY in range (${s.scrollY})`);
        const ink = await canvasInk(page);
        assert.ok(ink > 0.01, `the essay is drawn at the final size (${ink})`);
        log(`resize storm: 100 resizes in ${stormMs} ms; viewport ${s.viewport.width}x${s.viewport.height} dpr ${s.dpr} ` +
          `settled ${settleMs} ms after the last; ${storm.frames - start.frames} frames, ${storm.draws - start.draws} ` +
          `draw calls; backing store ${size.w}x${size.h}; ink ${ink.toFixed(3)}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: '1,000 malformed or random URL hashes and 1,000 junk postMessages: no error, invalid ones change nothing',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        const ids = await page.evaluate(() => Array.from(document.querySelectorAll('#essay-html [id]'))
          .map((n) => n.id).filter((id) => /^[a-z0-9_-]{1,128}$/.test(id)));
        const objectionIds = (await page.evaluate(() => window.essay.objections())).map((o) => o.id);
        assert.ok(ids.length > 10 && objectionIds.length > 0);
        const r = rng(9);
        const setHashes = (list) => page.evaluate(async (hashes) => {
          for (const h of hashes) {
            const changed = new Promise((resolve) => {
              window.addEventListener('hashchange', resolve, { once: true });
              setTimeout(resolve, 100);
            });
            window.location.hash = h;
            await changed;
          }
        }, list);
        let invalid = 0, valid = 0, moved = 0;
        const started = Date.now();
        for (let group = 0; group < 50; group++) {
          await setHashes([validHash(r, ids, objectionIds)]);
          valid++;
          // The app acts on a hash at its next frame; the first frames after the start can take 0.1–0.2 s here.
          await page.waitForTimeout(400);
          const before = await waitForRest(page);
          const batch = Array.from({ length: 19 }, () => invalidHash(r, ids));
          await setHashes(batch);
          invalid += batch.length;
          await page.waitForTimeout(120);
          const after = await waitForRest(page);
          assert.deepEqual(place(after), place(before), `invalid hashes moved the essay: ${JSON.stringify(batch)}`);
          if (group > 0 && before.scrollY !== 0) moved++;
        }
        const hashMs = Date.now() - started;
        assert.equal(valid + invalid, 1000);
        const beforeMessages = await waitForRest(page);
        const messages = Array.from({ length: 1000 }, () => junkMessage(r, 'solidarity-vs-sorting/embed@1'));
        const messageStarted = Date.now();
        await page.evaluate((list) => { for (const m of list) window.postMessage(m, '*'); }, messages);
        await page.waitForTimeout(300);
        const afterMessages = await waitForRest(page);
        const messageMs = Date.now() - messageStarted;
        assert.deepEqual(place(afterMessages), place(beforeMessages), 'messages changed the essay');
        // Still alive: a valid link still moves it.
        await page.evaluate(() => { window.location.hash = '#conclusion'; });
        await waitForState(page, (s) => s.scrollY !== afterMessages.scrollY || afterMessages.hash === '#conclusion');
        log(`hashes: ${invalid} invalid changed nothing, ${valid} valid (${moved} left the top) in ${hashMs} ms; ` +
          `messages: 1000 ignored in ${messageMs} ms; console errors ${errors.length}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a hidden tab draws nothing and the simulation waits; shown again, it draws and goes on',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, `${url}#simulation`, { initScript: countFrames });
      try {
        await page.evaluate(() => window.essay.goTo('simulation'));
        const setHidden = (hidden) => page.evaluate((h) => {
          // Headless Chromium keeps every page visible; this is the visibilitychange a real tab switch sends.
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
          document.dispatchEvent(new Event('visibilitychange'));
        }, hidden);
        // Play through the page's own control for the simulation (the HTML layer's queue).
        await page.evaluate(() => { (window.Module.essaySimCommands = window.Module.essaySimCommands || []).push('play'); });
        const playing = await waitForState(page, (s) => s.sim.playing && s.sim.week >= 2, 10000);
        await setHidden(true);
        await page.waitForTimeout(300);
        const hiddenAt = await counts(page), weekAt = (await state(page)).sim.week;
        await page.waitForTimeout(1500);
        const hiddenLater = await counts(page);
        assert.equal(hiddenLater.draws, hiddenAt.draws, 'no draw call while hidden');
        assert.equal((await state(page)).sim.week, weekAt, 'no simulated weeks while hidden');
        await setHidden(false);
        const back = await waitForState(page, () => true);
        assert.ok(back.sim.week <= weekAt + 1, `time stood still while hidden (week ${weekAt} -> ${back.sim.week})`);
        const shown = await waitForState(page, (s) => s.sim.week > weekAt, 5000);
        assert.ok((await counts(page)).draws > hiddenLater.draws, 'drawing resumed');
        log(`hidden tab: ${hiddenLater.frames - hiddenAt.frames} idle callbacks, 0 draws in 1.5 s; ` +
          `week ${playing.sim.week} -> ${weekAt} (hidden) -> ${shown.sim.week} (shown)`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a failed download of the wasm or the app script says so and keeps the HTML essay',
    async run({ browser, url }) {
      const wasm = await openFailing(browser, url, '**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
      assert.match(wasm.message, /could not be loaded/);
      const js = await openFailing(browser, url, /essay\.[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
      assert.match(js.message, /could not be downloaded/);
      log(`failed download: wasm 404 reported in ${wasm.ms} ms, app script 404 in ${js.ms} ms`);
    },
  },
  {
    name: 'a corrupted wasm or a damaged embedded essay says so and keeps the HTML essay',
    async run({ browser, url }) {
      const garbage = Buffer.alloc(300000);
      for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 2654435761) >>> 24;
      const corrupt = await openFailing(browser, url, '**/*.wasm', (route) => route.fulfill({
        status: 200, contentType: 'application/wasm', body: garbage,
      }));
      assert.match(corrupt.message, /could not be loaded/);
      // The real wasm with the packed essay's version byte changed: the app starts but cannot unpack its essay.
      const damaged = await openFailing(browser, url, '**/*.wasm', async (route) => {
        const response = await route.fetch();
        const bytes = Buffer.from(await response.body());
        let at = -1;
        for (let i = bytes.indexOf('ESSAYDOC'); i >= 0; i = bytes.indexOf('ESSAYDOC', i + 1))
          if (bytes[i + 8] !== 0) at = i; // the packed document (the other one is the magic's string literal)
        assert.ok(at >= 0, 'the packed essay is in the wasm');
        bytes[at + 8] = 0x7f;
        await route.fulfill({ response, body: bytes });
      });
      assert.match(damaged.message, /damaged/);
      log(`corrupted wasm reported in ${corrupt.ms} ms; damaged essay data in ${damaged.ms} ms`);
    },
  },
];
