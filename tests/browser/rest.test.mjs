// At rest the page asks for no animation frames; each kind of event the app must answer wakes it, it draws what
// changed, and it goes back to sleep. Counts the page's requestAnimationFrame calls through a wrapper installed
// before any page script runs. Knows the page API, not the app's internals.
import assert from 'node:assert/strict';
import { openEssay, state, waitForState } from './chromium.mjs';

// Installed before the page's scripts: counts every requestAnimationFrame the page makes, by anyone.
function countFrames() {
  window.__rafs = 0;
  const original = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => { window.__rafs++; return original(callback); };
}
const rafs = (page) => page.evaluate(() => window.__rafs);

// Waits until the page has asked for no frame during `quietMs`, within `timeout`.
async function untilAsleep(page, quietMs = 600, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let before = await rafs(page);
  while (Date.now() < deadline) {
    await page.waitForTimeout(quietMs);
    const after = await rafs(page);
    if (after === before) return after;
    before = after;
  }
  throw new Error(`the page never went to sleep: ${before} frames asked for`);
}

// Runs `act`, then requires that the page woke (asked for a frame), that `changed(state)` holds, and that it sleeps
// again afterwards.
async function wakes(page, what, act, changed) {
  await untilAsleep(page);
  const before = await rafs(page);
  await act();
  const s = await waitForState(page, changed, 5000).catch((e) => { throw new Error(`${what}: ${e.message}`); });
  assert.ok((await rafs(page)) > before, `${what}: the page asked for a frame`);
  await untilAsleep(page);
  return s;
}

export const tests = [
  {
    name: 'at rest the page asks for no animation frame over 3 s, and each kind of event wakes it',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { initScript: countFrames });
      try {
        await untilAsleep(page);
        const atRest = await rafs(page);
        await page.waitForTimeout(3000);
        assert.equal((await rafs(page)) - atRest, 0, 'no requestAnimationFrame over 3 s at rest');

        await page.mouse.move(640, 400);
        await wakes(page, 'the wheel', () => page.mouse.wheel(0, 600), (t) => t.scrollY > 100);
        await wakes(page, 'a key', async () => { await page.focus('#canvas'); await page.keyboard.press('Home'); },
          (t) => t.scrollY === 0);
        await wakes(page, 'a resize', () => page.setViewportSize({ width: 1000, height: 700 }),
          (t) => t.viewport.width === 1000);
        await wakes(page, 'the page API', () => page.evaluate(() => window.essay.open('only-one-step')),
          (t) => t.open.includes('only-one-step'));
        await wakes(page, 'a hash change', () => page.evaluate(() => { window.location.hash = '#conclusion'; }),
          (t) => t.hash.includes('conclusion'));
        await wakes(page, 'the system theme', () => page.emulateMedia({ colorScheme: 'dark' }),
          (t) => t.theme === 'dark');
        const atConclusion = await state(page);
        await wakes(page, 'a focus move in the HTML essay', () => page.focus('#essay-html summary'),
          (t) => Math.abs(t.scrollY - atConclusion.scrollY) > 10);
        // A device pixel ratio change with a size change is a resize; headless Chromium's emulation of a ratio change
        // alone fires neither 'resize' nor the resolution media query, so that wake is not testable here.
        const cdp = await context.newCDPSession(page);
        await wakes(page, 'a device pixel ratio change', () => cdp.send('Emulation.setDeviceMetricsOverride',
          { width: 960, height: 700, deviceScaleFactor: 2, mobile: false }), (t) => t.dpr === 2);
        const setHidden = (hidden) => page.evaluate((h) => {
          // Headless Chromium keeps every page visible; this is the visibilitychange a real tab switch sends.
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
          document.dispatchEvent(new Event('visibilitychange'));
        }, hidden);
        await setHidden(true);
        await untilAsleep(page);
        await page.evaluate(() => window.essay.close('only-one-step')); // queued while hidden: nothing is drawn
        await wakes(page, 'the tab shown again', () => setHidden(false), (t) => !t.open.includes('only-one-step'));
        // A step from wherever the figure stands: at this width the margin's preview has opened it to month 30.
        await untilAsleep(page);
        const week = (await state(page)).sim.week;
        await wakes(page, 'a simulation command from the HTML controls',
          () => page.evaluate(() => window.Module.essaySimCommands.push('step')), (t) => t.sim && t.sim.week === week + 1);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'after a long sleep the first key acts at once',
    async run({ browser, url }) {
      const { context, page } = await openEssay(browser, url, { initScript: countFrames });
      try {
        await page.focus('#canvas');
        await untilAsleep(page);
        await page.waitForTimeout(4000);
        const before = await rafs(page);
        const pressed = Date.now();
        await page.keyboard.press('End');
        const s = await waitForState(page, (t) => t.scrollY > 1000, 3000);
        const ms = Date.now() - pressed;
        assert.ok(s.scrollY > 1000, 'End went to the end');
        // Under reduced load a frame is ~17 ms; a generous bound still catches a loop that waits for a timer.
        assert.ok(ms < 1500, `the key acted ${ms} ms after a 4 s sleep`);
        assert.ok((await rafs(page)) > before);
        console.log(`     End acted ${ms} ms after a 4 s sleep`);
      } finally {
        await context.close();
      }
    },
  },
];
