// The simulation figure in a real browser: it is drawn in the flow, play advances the weeks, an intervention reaches
// both panels. Buttons are pressed at the rectangles the app publishes in window.essay.state().sim.controls.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePng, inkCoverage } from './png.mjs';
import { openEssay, state, waitForRest, waitForState } from './chromium.mjs';

async function press(page, s, id) {
  let r = s.sim.controls[id];
  assert.ok(r, `the figure publishes the "${id}" control (${JSON.stringify(Object.keys(s.sim.controls))})`);
  if (r[1] < 0 || r[1] + r[3] > s.viewport.height - 10) {
    // Below (or above) the window: scroll it to the middle first, as a reader would.
    await page.mouse.move(s.viewport.width / 2, s.viewport.height / 2);
    await page.mouse.wheel(0, r[1] + r[3] / 2 - s.viewport.height / 2);
    await page.waitForTimeout(100);
    r = (await waitForRest(page)).sim.controls[id];
  }
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

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const essaySim = join(root, 'build', 'native', 'bin', 'essay-sim');
// essay-sim's state_hash of one scenario for a seed and a number of months.
function referenceHash(scenario, seed, months) {
  const out = execFileSync(essaySim, ['--scenario', scenario, '--seed', String(seed), '--months', String(months)],
    { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.startsWith('# state_hash'));
  assert.ok(line, `essay-sim printed a state hash: ${out.slice(-200)}`);
  return line.trim().split(' ').pop();
}

// Opens the essay at a figure link and waits until the figure has reached its week.
async function openLink(browser, url, fragment, week, options = {}) {
  const opened = await openEssay(browser, `${url}${fragment}`, options);
  const s = await waitForState(opened.page, (t) => t.sim && t.sim.week === week && t.sim.figureY >= 0 &&
    !!t.sim.controls.knockout, 20000);
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
        assert.ok(s.scrollY > s.viewport.height, `opened at #simulation, the page starts at the figure (${s.scrollY})`);
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
  {
    name: 'a #sim= link brings the figure into view and reproduces essay-sim\'s state hashes',
    async run({ browser, url }) {
      const { context, page, errors, s } = await openLink(browser, url, '#sim=seed:7,month:30', 120);
      try {
        assert.equal(s.sim.mobilizedHash, referenceHash('mobilized', 7, 30));
        assert.equal(s.sim.integratedHash, referenceHash('integrated', 7, 30));
        const rest = await waitForRest(page);
        assert.ok(rest.sim.figureY - rest.scrollY < rest.viewport.height && rest.sim.figureY + 200 > rest.scrollY,
          `the figure is in view (figure at ${rest.sim.figureY}, scrolled to ${rest.scrollY})`);
        assert.match(rest.hash, /sim=seed:7,month:30/, 'the address keeps the figure\'s state');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'at month 30 the maps draw more strong ties and leaders on the integrated side, and the knockout plays',
    async run({ browser, url }) {
      const { context, page, errors, s } = await openLink(browser, url, '#sim=seed:1,month:30', 120);
      try {
        const { mobilized: m, integrated: i } = s.sim.drawn;
        assert.ok(i.friend + i.close > 3 * (m.friend + m.close), JSON.stringify(s.sim.drawn));
        assert.ok(i.leaders > m.leaders && m.exhausted > i.exhausted, JSON.stringify(s.sim.drawn));
        assert.equal(s.sim.knockout.phase, 'idle');
        assert.equal(await page.evaluate(() => window.essay.knockout()), true);
        const running = await waitForState(page, (t) => t.sim.knockout.phase === 'running', 3000);
        const started = Date.now();
        const mid = await waitForState(page, (t) => t.sim.knockout.round >= 1, 4000);
        const done = await waitForState(page, (t) => t.sim.knockout.phase === 'done', 6000);
        const seconds = (Date.now() - started) / 1000;
        assert.ok(seconds > 1.0 && seconds < 4.5, `the replay takes about 2–4 s, took ${seconds}`);
        assert.deepEqual(done.sim.knockout.lit, done.sim.knockout.final, 'it ends lit at the probe draw\'s turnout');
        assert.ok(mid.sim.knockout.lit[1] <= done.sim.knockout.final[1]);
        assert.ok(done.sim.knockout.final[1] > 5 * done.sim.knockout.final[0], JSON.stringify(done.sim.knockout));
        assert.equal(done.sim.mobilizedHash, running.sim.mobilizedHash, 'the knockout changes nothing in the model');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'under reduced motion the knockout shows its final state at once',
    async run({ browser, url }) {
      const { context, page, errors } = await openLink(browser, url, '#sim=seed:1,month:30', 120,
        { reducedMotion: 'reduce' });
      try {
        await page.evaluate(() => window.essay.knockout());
        const done = await waitForState(page, (t) => t.sim.knockout.phase !== 'idle', 3000);
        assert.equal(done.sim.knockout.phase, 'done');
        assert.deepEqual(done.sim.knockout.lit, done.sim.knockout.final);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'at 320 px every control of the figure is inside the viewport, big enough to touch, with no sideways scroll',
    async run({ browser, url }) {
      const { context, page, errors, s } = await openLink(browser, url, '#sim=seed:1,month:6', 24,
        { width: 320, height: 640, mobile: true, dpr: 2 });
      try {
        const ids = Object.keys(s.sim.controls);
        assert.ok(ids.length >= 14, `the figure publishes its controls: ${ids}`);
        for (const id of ids) {
          const [x, , w, h] = s.sim.controls[id];
          assert.ok(x >= 0 && x + w <= s.viewport.width + 0.5, `${id} fits the width: ${s.sim.controls[id]}`);
          if (id !== 'seed' && id !== 'speed' && id !== 'acquaintances' && id !== 'lists')
            assert.ok(h >= 44, `${id} is a 44 px touch target: ${h}`);
        }
        const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no sideways scroll (${overflow} px too wide)`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
];
