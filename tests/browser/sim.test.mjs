// The simulation figure in a real browser: it is drawn in the flow, play advances the weeks, an intervention reaches
// both panels. Buttons are pressed at the rectangles the app publishes in window.essay.state().sim.controls.
import assert from 'node:assert/strict';
import { decodePng, inkCoverage } from './png.mjs';
import { openEssay, state, waitForRest, waitForState } from './chromium.mjs';

async function press(page, s, id) {
  const r = s.sim.controls[id];
  assert.ok(r, `the figure publishes the "${id}" control (${JSON.stringify(Object.keys(s.sim.controls))})`);
  // Held over a few frames: ImGui sees the press in one frame and the release in a later one.
  await page.mouse.move(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
}

// Opens the essay at the figure through the URL fragment (the jump is immediate, so the published rectangles do not
// move under the pointer) and waits for its controls to be on screen and still.
async function openAtFigure(browser, url, options = {}) {
  const opened = await openEssay(browser, `${url}#simulation`, options);
  const { page } = opened;
  let s = await waitForState(page, (t) => t.sim && t.sim.figureY >= 0 && !!t.sim.controls.play &&
    t.sim.controls.plus3 && t.sim.controls.plus3[1] < t.viewport.height - 40, 10000);
  s = await waitForRest(page);
  return { ...opened, s };
}

export const tests = [
  {
    name: 'the figure is drawn in the flow, play advances the weeks and pause stops them',
    async run({ browser, url }) {
      const { context, page, errors, s } = await openAtFigure(browser, url);
      try {
        assert.equal(s.sim.week, 0);
        assert.equal(s.sim.playing, false);
        assert.ok(s.sim.figureY > s.viewport.height, `the figure sits down in the essay (y ${s.sim.figureY})`);
        assert.ok(s.scrollY > s.viewport.height, 'opened at #simulation, the page starts at the figure');
        const { inkShare } = inkCoverage(decodePng(await page.locator('#canvas').screenshot({ type: 'png' })));
        assert.ok(inkShare > 0.02, `panels and controls put ink on the canvas, got ${inkShare}`);
        await press(page, s, 'play');
        const playing = await waitForState(page, (t) => t.sim.playing && t.sim.week >= 2, 10000);
        await press(page, playing, 'play');
        const paused = await waitForState(page, (t) => !t.sim.playing);
        await page.waitForTimeout(1200);
        assert.equal((await state(page)).sim.week, paused.sim.week, 'no weeks pass while paused');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'an intervention changes both panels at once',
    async run({ browser, url }) {
      const { context, page, errors, s } = await openAtFigure(browser, url);
      try {
        await press(page, s, 'plus3');
        const later = await waitForState(page, (t) => t.sim.week === 12);
        assert.notEqual(later.sim.mobilizedHash, s.sim.mobilizedHash);
        assert.notEqual(later.sim.integratedHash, s.sim.integratedHash);
        await press(page, later, 'protest');
        const after = await waitForState(page, (t) => t.sim.mobilizedHash !== later.sim.mobilizedHash &&
          t.sim.integratedHash !== later.sim.integratedHash);
        assert.equal(after.sim.week, 12, 'a protest is called now, without a tick');
        assert.ok(after.sim.mobilizedTurnout >= 0 && after.sim.integratedTurnout >= 0, JSON.stringify(after.sim));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
];
