// The foundation in a real browser: the page loads, draws the essay, scrolls, follows the theme and the density.
import assert from 'node:assert/strict';
import { decodePng, inkCoverage } from './png.mjs';
import { atEnd, openEssay, state, waitForRest, waitForState } from './chromium.mjs';

async function canvasCoverage(page) {
  return inkCoverage(decodePng(await page.locator('#canvas').screenshot({ type: 'png' })));
}

export const tests = [
  {
    name: 'loads without console errors and draws ink on its background',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        const title = await page.title();
        const h1 = await page.locator('#essay-html h1').first().textContent();
        assert.equal(title, h1.trim(), 'the tab title is the essay title');
        const { background, inkShare } = await canvasCoverage(page);
        assert.ok(background.every((c) => c > 200), `light background, got rgb(${background})`);
        assert.ok(inkShare > 0.01 && inkShare < 0.4, `text covers part of the canvas, got ${inkShare}`);
        const s = await state(page);
        assert.ok(s.contentHeight > 5 * s.viewport.height, `the whole essay is laid out (${s.contentHeight} px)`);
        assert.deepEqual(s.viewport, { width: 1280, height: 800 });
        assert.equal(s.theme, 'light');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the wheel scrolls the essay',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        assert.equal((await state(page)).scrollY, 0);
        await page.mouse.move(640, 400);
        await page.mouse.wheel(0, 500);
        const s = await waitForState(page, (s) => s.scrollY === 500);
        assert.equal(s.scrollY, 500);
        await page.mouse.wheel(0, -5000);
        await waitForState(page, (s) => s.scrollY === 0);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the keyboard scrolls by page and to the end',
    async run({ browser, url }) {
      const { context, page } = await openEssay(browser, url);
      try {
        await page.locator('#canvas').click({ position: { x: 640, y: 400 } });
        await page.keyboard.press('PageDown');
        // A page is nine tenths of what the reader bar leaves visible, as a browser pages.
        // The glide's end, not a pause in it: the first frames after the start can be slow on a loaded machine.
        await waitForState(page, (s) => s.scrollY > 0.8 * 800 * 0.9, 5000);
        const paged = await waitForRest(page);
        assert.ok(paged.scrollY > 0.8 * 800 * 0.9 && paged.scrollY < 800 * 0.9, `paged by ${paged.scrollY}`);
        await page.keyboard.press('End');
        const end = await waitForState(page, atEnd);
        assert.ok(end.scrollY > 4000);
        await page.keyboard.press('Home');
        await waitForState(page, (s) => s.scrollY === 0);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a touch drag scrolls a phone viewport and keeps coasting',
    async run({ browser, url }) {
      const { context, page } = await openEssay(browser, url, { width: 390, height: 844, dpr: 2, mobile: true });
      try {
        const cdp = await context.newCDPSession(page);
        const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', {
          type, touchPoints: type === 'touchEnd' ? [] : [{ x: 200, y }],
        });
        await touch('touchStart', 700);
        // A finger's moves come a frame apart: sent back to back, a loaded machine could deliver them all in one
        // frame, which gives the drag no speed to coast with (a CI run saw 400 -> 400).
        for (let y = 660; y > 300; y -= 40) {
          await touch('touchMove', y);
          await page.waitForTimeout(16);
        }
        // A flick lifts while the finger still moves: the last move and the lift go out together. Awaited one after
        // the other, a loaded machine put more than the 120 ms of a resting finger between them (a CI run saw the
        // page rightly stop at 400 -> 400).
        await Promise.all([touch('touchMove', 300), touch('touchEnd', 300)]);
        const released = (await state(page)).scrollY;
        assert.ok(released >= 300, `the content followed the finger (${released} px)`);
        const rest = await waitForState(page, (s) => s.scrollY > 0, 2000).then(async () => {
          await page.waitForTimeout(1500);
          return (await state(page)).scrollY;
        });
        assert.ok(rest > released + 20, `momentum carried on after release (${released} -> ${rest})`);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the canvas backing store follows devicePixelRatio 1, 2 and 3',
    async run({ browser, url }) {
      for (const dpr of [1, 2, 3]) {
        const { context, page, errors } = await openEssay(browser, url, { width: 900, height: 700, dpr });
        try {
          const size = await page.evaluate(() => {
            const c = document.getElementById('canvas');
            return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
          });
          assert.deepEqual(size, { w: 900 * dpr, h: 700 * dpr, cw: 900, ch: 700 }, `dpr ${dpr}`);
          assert.equal((await state(page)).dpr, dpr);
          const { inkShare } = await canvasCoverage(page);
          assert.ok(inkShare > 0.01, `text drawn at dpr ${dpr}`);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
    },
  },
  {
    name: 'a dark colour scheme gives dark paper and light ink',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { colorScheme: 'dark' });
      try {
        assert.equal((await state(page)).theme, 'dark');
        const { background, inkShare } = await canvasCoverage(page);
        assert.ok(background.every((c) => c < 60), `dark background, got rgb(${background})`);
        assert.ok(inkShare > 0.01);
        await page.emulateMedia({ colorScheme: 'light' });
        await waitForState(page, (s) => s.theme === 'light');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the canvas wraps to the window width',
    async run({ browser, url }) {
      const wide = await openEssay(browser, url, { width: 1280, height: 800 });
      const narrow = await openEssay(browser, url, { width: 360, height: 800 });
      try {
        const a = await state(wide.page), b = await state(narrow.page);
        // Wrapped from a 680 px column to a 360 px window's 320 px one, the page is about 1.5 times as long (1.48 at 5dc2d97).
        assert.ok(b.contentHeight > a.contentHeight * 1.3, `narrow column is taller (${a.contentHeight} vs ${b.contentHeight})`);
        await narrow.page.setViewportSize({ width: 1280, height: 800 });
        const c = await waitForState(narrow.page, (s) => s.viewport.width === 1280);
        assert.equal(c.contentHeight, a.contentHeight, 'after a resize the layout matches a fresh load');
      } finally {
        await wide.context.close();
        await narrow.context.close();
      }
    },
  },
  {
    name: 'without WebGL 2 the page says so and keeps the essay readable',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, {
        waitReady: false,
        initScript: () => {
          const original = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
            return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
          };
        },
      });
      try {
        await page.waitForFunction(() => document.documentElement.dataset.essayFailed === '1', null, { timeout: 10000 });
        const message = await page.locator('#status').textContent();
        assert.match(message, /WebGL 2/);
        assert.ok(await page.locator('#essay-html h1').isVisible(), 'the HTML essay is visible');
        assert.equal(await page.locator('#canvas').isVisible(), false);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
];
