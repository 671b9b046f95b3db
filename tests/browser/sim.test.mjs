// The simulation figure in a real browser: it is drawn in the flow, play advances the weeks, an intervention reaches
// both panels. Buttons are pressed at the rectangles the app publishes in window.essay.state().sim.controls.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePng, inkCoverage } from './png.mjs';
import { chooseObjections, control, openEssay, openSimControls, pressControl, state, waitForRest, waitForState } from
  './chromium.mjs';

// The figure reports only the controls on screen: scrolls through the figure, as a reader would, until `id` is in
// the middle part of the window, and returns its rectangle. Passing "Explore the model" on the way while they are
// closed, it opens the controls, as every control but the guided tour's is behind it.
async function scrollToControl(page, s, id) {
  await page.mouse.move(s.viewport.width / 2, s.viewport.height / 2);
  for (let i = 0; i < 40; i++) {
    const r = s.sim.controls[id];
    if (r && r[1] >= 0 && r[1] + r[3] <= s.viewport.height - 10) return r;
    const way = s.sim.controls.explore;
    if (!r && !s.sim.controlsOpen && way && way[1] >= 0 && way[1] + way[3] <= s.viewport.height - 10) {
      await openSimControls(page, s);
      await page.mouse.move(s.viewport.width / 2, s.viewport.height / 2);
      s = await waitForRest(page);
      continue;
    }
    // Towards it when it is reported; otherwise from the figure's top downwards.
    const delta = r ? r[1] + r[3] / 2 - s.viewport.height / 2
      : s.scrollY < s.sim.figureY - 50 ? s.sim.figureY - s.scrollY : s.viewport.height * 0.5;
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(100);
    // Still for a while, not between two slow frames of a glide: the rectangle must not move under the pointer.
    await waitForRest(page);
    await page.waitForTimeout(250);
    s = await waitForRest(page);
  }
  assert.fail(`the figure never showed the "${id}" control (${JSON.stringify(Object.keys(s.sim.controls))})`);
}

async function press(page, s, id) {
  const r = await scrollToControl(page, s, id);
  // Held over a few frames: ImGui sees the press in one frame and the release in a later one.
  await page.mouse.move(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
  await page.waitForTimeout(250); // the click's frame before the next press (ImGui 1.86 keeps no input queue)
}

// Opens the essay at the figure through the URL fragment (the jump is immediate, so the published rectangles do not
// move under the pointer) and waits for its controls to be on screen and still.
async function openAtFigure(browser, url, options = {}) {
  const opened = await openEssay(browser, `${url}#simulation`, options);
  const { page } = opened;
  let s = await waitForState(page, (t) => t.sim && t.sim.figureY >= 0 && Object.keys(t.sim.controls).length > 0,
    10000);
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

// essay-sim's rows for one scenario and seed, month by month, as objects keyed by the CSV's header.
function referenceRows(scenario, seed, months) {
  const out = execFileSync(essaySim, ['--scenario', scenario, '--seed', String(seed), '--months', String(months),
    '--format', 'csv'], { encoding: 'utf8' });
  const [head, ...rows] = out.split('\n').filter((l) => l && !l.startsWith('#'));
  const names = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [names[i], v])));
}

// Opens the essay at a figure link and waits until the figure has reached its week.
// The same page at a phone's width, scrolled to the figure's top, once the control `id` is drawn.
async function asPhoneAtFigure(page, id) {
  await page.setViewportSize({ width: 390, height: 844 });
  await waitForState(page, (t) => t.viewport.width === 390);
  await page.evaluate(() => window.essay.goTo('simulation'));
  await waitForRest(page);
  return waitForState(page, (t) => t.sim.figureY >= 0 && !!t.sim.controls[id], 5000);
}

async function openLink(browser, url, fragment, week, options = {}) {
  const opened = await openEssay(browser, `${url}${fragment}`, options);
  const s = await waitForState(opened.page, (t) => t.sim && t.sim.week === week && t.sim.figureY >= 0 &&
    Object.keys(t.sim.controls).length > 0, 20000);
  return { ...opened, s };
}

export const tests = [
  {
    name: 'on a wide screen the margin beside the title previews the figure, run to month 30, and its link goes there',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 1280, height: 800, reducedMotion: 'reduce' });
      try {
        // The preview opens the figure as drawing the figure does, with the page still at its top.
        const s = await waitForState(page, (t) => !!control(t, 'preview', 'note') && t.sim && t.sim.week === 120, 10000);
        assert.equal(s.scrollY, 0);
        const link = control(s, 'preview', 'note');
        assert.ok(link.x > s.viewport.width / 2 && link.y + link.height < s.viewport.height, JSON.stringify(link));
        await pressControl(page, link);
        const there = await waitForState(page, (t) => t.sim.figureY >= 0 && t.scrollY > 1000 &&
          Math.abs(t.sim.figureY - t.scrollY) < 120, 5000);
        assert.equal(there.sim.week, 120, 'going there changes nothing in the run');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
      // A phone has no margin, so no preview.
      const phone = await openEssay(browser, url, { width: 390, height: 844, mobile: true });
      try {
        const s = await waitForRest(phone.page);
        assert.ok(control(s, 'key', 'edition') && !control(s, 'preview'), 'the top of a phone shows no preview');
        assert.deepEqual(phone.errors, []);
      } finally {
        await phone.context.close();
      }
    },
  },
  {
    name: 'at month 0 the guide\'s row says the maps start alike, and its "Run 30 months" brings both to essay-sim\'s month 30',
    async run({ browser, url }) {
      const { context, page, errors } = await openLink(browser, url, '#sim=seed:1,month:0', 0);
      try {
        const s = await waitForState(page, (t) => !!t.sim.controls['run-30'], 10000);
        assert.equal(s.sim.week, 0);
        await press(page, s, 'run-30');
        const after = await waitForState(page, (t) => t.sim.week === 120, 10000);
        assert.equal(after.sim.playing, false, 'it lands on month 30 rather than playing on');
        assert.equal(after.sim.mobilizedHash, referenceHash('mobilized', 1, 30));
        assert.equal(after.sim.integratedHash, referenceHash('integrated', 1, 30));
        await page.waitForTimeout(300);
        assert.ok(!(await state(page)).sim.controls['run-30'], 'the offer is gone once the clock has moved');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the figure is drawn in the flow, opens on month 30 of the default run, play advances the weeks and pause stops them',
    async run({ browser, url }) {
      const { context, page, errors, s: first } = await openAtFigure(browser, url);
      try {
        // The opening runs a few weeks a frame, so no frame pays for all of it: a multiple of them, then month 30.
        assert.ok(first.sim.week % 12 === 0 && first.sim.week <= 120, `under way or done: week ${first.sim.week}`);
        const s = await waitForState(page, (t) => t.sim.week === 120, 5000);
        assert.equal(s.sim.mobilizedHash, referenceHash('mobilized', 1, 30));
        assert.equal(s.sim.integratedHash, referenceHash('integrated', 1, 30));
        assert.ok(!/sim=/.test(s.hash), `the address names no figure state a fresh page would not open on (${s.hash})`);
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
        // On a phone the guide's row has its own Play, above the maps, beside the month; on a wide screen, where the
        // Time row shares the screen with the maps, it has none.
        assert.ok(!(await state(page)).sim.controls['guide-play'], 'one Play on a wide screen');
        const again = await asPhoneAtFigure(page, 'guide-play');
        await press(page, again, 'guide-play');
        const replaying = await waitForState(page, (t) => t.sim.playing && t.sim.week > paused.sim.week, 10000);
        await press(page, replaying, 'guide-play');
        await waitForState(page, (t) => !t.sim.playing);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the figure\'s drawer starts closed under the charts; a page opens below its row, moving nothing above, and closes from its own button',
    async run({ browser, url }) {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844, mobile: true }]) {
        const { context, page, errors, s } = await openAtFigure(browser, url, viewport);
        try {
          const closed = await waitForState(page, (t) => t.sim.week === 120, 10000);
          const row = await scrollToControl(page, closed, 'drawer-presets');
          const before = await waitForRest(page);
          await press(page, before, 'drawer-presets');
          const open = await waitForRest(page);
          // Its page's box is the only new height: the row, and the charts above it, stay where they were.
          const grown = open.contentHeight - before.contentHeight;
          assert.ok(grown > 250 && grown < 450, `the open page adds its box (${grown} px) at ${viewport.width} px`);
          assert.deepEqual(open.sim.controls['drawer-presets'], row, 'the row stays put');
          assert.equal(open.scrollY, before.scrollY, 'the page does not scroll');
          // Another page replaces it in the same box; the open page's button closes it.
          await press(page, open, 'drawer-omissions');
          const other = await waitForRest(page);
          assert.equal(other.contentHeight, open.contentHeight, 'one page open at a time, in the same box');
          await press(page, other, 'drawer-omissions');
          const shut = await waitForRest(page);
          assert.equal(shut.contentHeight, before.contentHeight, 'closed again, the drawer takes its row alone');
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
    },
  },
  {
    // The figure keeps room for its longest title and caption, so nothing under them moves as they change; the room
    // a shorter title leaves is above it, not a gap over the tour's row (six of stop 72's fresh readers, at month 40).
    name: 'on a desktop the figure\'s title and caption stand right over the tour\'s row, at month 30 and at month 40',
    async run({ browser, url }) {
      for (const month of [30, 40]) {
        const { context, page, errors, s } = await openLink(browser, url, `#sim=seed:1,month:${month}`, month * 4,
          { width: 1280, height: 800, reducedMotion: 'reduce' });
        try {
          await page.mouse.move(640, 400);
          await page.mouse.wheel(0, s.sim.figureY - s.scrollY - 150);
          const at = await waitForState(page, (t) => Math.abs(t.sim.figureY - t.scrollY - 150) < 2 &&
            !!t.sim.controls['guide-next']);
          const tour = at.sim.controls['guide-next'];
          const top = at.sim.figureY - at.scrollY;
          // The figure's width, not the window's: the essay's scrollbar runs down the right edge.
          const shot = decodePng(await page.screenshot({ clip: { x: 0, y: top, width: 1240, height: tour[1] - top } }));
          const paper = inkCoverage(shot).background;
          let last = -1; // the lowest row with any ink over the tour's row
          for (let y = 0; y < shot.height; y++)
            for (let x = 0; x < shot.width && last < y; x++) {
              const i = (y * shot.width + x) * 4;
              if (Math.abs(shot.pixels[i] - paper[0]) + Math.abs(shot.pixels[i + 1] - paper[1]) +
                Math.abs(shot.pixels[i + 2] - paper[2]) > 96) last = y;
            }
          const gap = shot.height - 1 - last;
          assert.ok(last >= 0 && gap <= 16, `month ${month}: ${gap} px of paper between the caption and the tour's row`);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
    },
  },
  {
    name: 'in the essay the figure is its maps and their key until the reader explores it; "Explore the model" opens the controls, charts and drawer below it, moving nothing above, and closes them',
    async run({ browser, url }) {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844, mobile: true }]) {
        const { context, page, errors, s } = await openLink(browser, url, '#sim=seed:1,month:30', 120, viewport);
        try {
          const way = await scrollToControl(page, s, 'explore');
          const closed = await waitForRest(page);
          assert.equal(closed.sim.controlsOpen, false);
          // Closed, the figure offers its tour, the way in and the knockout's question beside it (beside it on a
          // desktop, under it on a phone), nothing else; on a desktop, from its title to the way in it is one screen,
          // and the essay's next paragraph follows.
          const offered = Object.keys(closed.sim.controls);
          assert.ok(offered.every((id) => ['guide-next', 'guide-play', 'explore', 'knockout'].includes(id)),
            `closed: ${offered}`);
          const ask = closed.sim.controls.knockout;
          assert.ok(ask, `the knockout's question is on the closed figure: ${offered}`);
          if (viewport.width > 1000) {
            assert.equal(ask[1], way[1], 'beside the way in');
            const span = way[1] + way[3] + closed.scrollY - closed.sim.figureY;
            assert.ok(span < viewport.height, `from the figure's title to the way in: ${span} px`);
          } else assert.ok(ask[1] > way[1] + way[3], 'under the way in');
          await press(page, closed, 'explore');
          const open = await waitForRest(page);
          assert.equal(open.sim.controlsOpen, true);
          assert.deepEqual(open.sim.controls.explore.slice(0, 2), way.slice(0, 2), 'the way in stays put');
          assert.equal(open.scrollY, closed.scrollY, 'the page does not scroll');
          assert.equal(open.sim.figureY, closed.sim.figureY);
          const grown = open.contentHeight - closed.contentHeight;
          assert.ok(grown > 600, `the controls, status, charts and drawer add their height (${grown} px)`);
          // Open, the scale of where the result holds stands first under the way in (the controls follow it, past a
          // phone's screen since the key's note says why organizers quit).
          assert.ok(open.sim.flips[2] > 0 && open.sim.flips[1] >= way[1] + way[3], `open: ${open.sim.flips}`);
          // Nothing was computed for the charts until now; open, their seeds run.
          await waitForState(page, (t) => t.sim.ensemble > 0, 20000);
          await press(page, open, 'explore');
          const shut = await waitForRest(page);
          assert.equal(shut.sim.controlsOpen, false);
          assert.equal(shut.contentHeight, closed.contentHeight, 'closed again, the figure ends under the way in');
          // The question runs the knockout on the maps above, the controls staying closed; pressed again, it ends it.
          await press(page, shut, 'knockout');
          const asked = await waitForState(page, (t) => t.sim.knockout.phase !== 'idle', 5000);
          assert.equal(asked.sim.controlsOpen, false);
          await waitForState(page, (t) => t.sim.knockout.phase === 'done', 10000);
          await press(page, await waitForRest(page), 'knockout');
          await waitForState(page, (t) => t.sim.knockout.phase === 'idle', 5000);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
      // "Test this in the simulation" on a card takes the reader to the figure with its controls open, where the
      // preset it runs is named.
      const { context, page, errors } = await openEssay(browser, `${url}#organized-by-socialists`, { width: 1280, height: 800 });
      try {
        const card = await waitForState(page, (t) => !!control(t, 'simulation'), 10000);
        assert.equal(card.sim.controlsOpen, false);
        await pressControl(page, control(card, 'simulation'));
        const there = await waitForState(page, (t) => t.sim.controlsOpen && Math.abs(t.sim.figureY - t.scrollY) < 200, 10000);
        assert.match(there.sim.summary, /organizers/i);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'at the defaults the figure draws where its result holds and flips once the controls are open, first under the way into them, never on the closed figure, and nowhere once the reader changes the run',
    async run({ browser, url }) {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844, mobile: true }]) {
        const { context, page, errors, s } = await openLink(browser, url, '#sim=seed:1,month:30', 120, viewport);
        try {
          const way = await scrollToControl(page, s, 'explore');
          const closed = await waitForRest(page);
          assert.equal(closed.sim.controlsOpen, false);
          assert.deepEqual(closed.sim.flips, [0, 0, 0, 0], 'not on the closed figure');
          await press(page, closed, 'explore');
          const t = await waitForState(page, (u) => u.sim.controlsOpen && u.sim.flips[2] > 0, 5000);
          const [x, y, w, h] = t.sim.flips, maps = t.sim.maps;
          assert.ok(w > 250 && h > 60, `drawn: ${t.sim.flips}`);
          // At the figure's left edge, under the way in and over every other control it opened.
          const open = t.sim.controls;
          assert.ok(Math.abs(x - maps[0][0]) < 1, `at the left: ${t.sim.flips} / ${maps[0]}`);
          assert.ok(y >= open.explore[1] + open.explore[3], `under the way in: ${t.sim.flips} / ${open.explore}`);
          for (const id of ['play', 'step', 'knockout', 'protest'])
            assert.ok(!open[id] || open[id][1] >= y + h, `"${id}" comes after it: ${open[id]}`);
          // A protest called: no longer the defaults its numbers were measured at.
          await press(page, t, 'protest');
          const after = await waitForState(page, (u) => u.sim.mobilizedHash !== t.sim.mobilizedHash, 5000);
          assert.deepEqual((await waitForRest(page)).sim.flips, [0, 0, 0, 0], 'gone once the run is changed');
          assert.doesNotMatch(after.sim.summary, /When calls outlast the organizers/);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
      // Its sentence, for screen readers, is in the figure's description in the page's HTML once it has opened to
      // month 30 at the defaults, after the title and caption; the status under the controls does not repeat them.
      const { context, page, errors } = await openAtFigure(browser, url);
      try {
        const opened = await waitForState(page, (t) => t.sim.week === 120 && t.sim.summary !== '', 10000);
        assert.equal(opened.sim.summary, 'Month 30. Each button above acts on both neighborhoods at once.');
        const said = await page.waitForFunction((title) => {
          const p = document.querySelector('#simulation .sim-description');
          return p && p.textContent.startsWith(title) && p.textContent;
        }, opened.sim.title, { timeout: 5000 }).then((h) => h.jsonValue());
        assert.equal(said, opened.sim.description);
        // Both rows: the band with aid to all and the one with aid to members only.
        assert.match(said, /When calls outlast the organizers: .*between 52% and 88% of their hours on relationships with aid to all/);
        assert.match(said, /between 49% and 98% with aid to members only/);
        assert.match(said, /10%.*80%/, 'the caption: what differs between the panels');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'an intervention changes both panels at once',
    async run({ browser, url }) {
      const { context, page, errors } = await openAtFigure(browser, url);
      try {
        // The opening runs a few weeks a frame, and a press during it ends it where it is: wait for month 30 first.
        const s = await waitForState(page, (t) => t.sim.week === 120, 10000);
        await press(page, s, 'plus3');
        const later = await waitForState(page, (t) => t.sim.week === 132);
        assert.notEqual(later.sim.mobilizedHash, s.sim.mobilizedHash);
        assert.notEqual(later.sim.integratedHash, s.sim.integratedHash);
        await press(page, later, 'protest');
        const after = await waitForState(page, (t) => t.sim.mobilizedHash !== later.sim.mobilizedHash &&
          t.sim.integratedHash !== later.sim.integratedHash);
        assert.equal(after.sim.week, 132, 'a protest is called now, without a tick');
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
        // At each tally bar's end, how many came to the side's calls in all, as the live region counts them: more on
        // the mobilized side (calls-per-side).
        const totals = s.sim.turnoutTitles.map((title) => {
          const [, all, calls] = title.match(/^([\d,]+) came to (\d+) calls in all, one stripe per call$/) ?? [];
          assert.ok(all, `the fullest title: ${title}`);
          assert.ok(s.sim.status.includes(`${calls}, ${all} came in all`), `${title} / ${s.sim.status}`);
          return Number(all.replaceAll(',', ''));
        });
        assert.ok(totals[0] > totals[1], `${totals}`);
        assert.equal(s.sim.knockout.phase, 'idle');
        // The knockout's note is longer than the run's, and the figure grows under the key while it shows: a reader
        // scrolled past the figure keeps their place, the page moving by as much as the figure grew.
        const way = s.sim.controls.explore;
        assert.ok(way, `the way in is on screen: ${Object.keys(s.sim.controls)}`);
        await page.mouse.move(s.viewport.width / 2, s.viewport.height / 2);
        await page.mouse.wheel(0, way[1] + way[3] + 200);
        const below = await waitForState(page, (t) => !t.sim.controls.explore && t.scrollY > s.scrollY, 5000);
        const still = await waitForRest(page);
        assert.ok(still.scrollY >= below.scrollY, `${still.scrollY} / ${below.scrollY}`);
        const htmlLabels = () => page.evaluate(() =>
          [...document.querySelectorAll('.sim-controls button')].map((b) => b.textContent));
        assert.equal(s.sim.knockout.label, 'What if the organizers vanished?');
        assert.ok((await htmlLabels()).includes(s.sim.knockout.label) && (await htmlLabels()).includes(s.sim.playLabel));
        assert.equal(await page.evaluate(() => window.essay.knockout()), true);
        const running = await waitForState(page, (t) => t.sim.knockout.phase === 'running', 3000);
        const started = Date.now();
        const mid = await waitForState(page, (t) => t.sim.knockout.round >= 1, 4000);
        const done = await waitForState(page, (t) => t.sim.knockout.phase === 'done', 6000);
        const seconds = (Date.now() - started) / 1000;
        const grown = done.contentHeight - still.contentHeight;
        assert.ok(grown > 0, `the figure grows under its key (${grown} px)`);
        assert.ok(Math.abs(done.scrollY - still.scrollY - grown) < 0.5,
          `the page moves by as much, so the text in view stays put (${done.scrollY - still.scrollY} / ${grown} px)`);
        assert.ok(seconds > 1.0 && seconds < 4.5, `the replay takes about 2–4 s, took ${seconds}`);
        assert.deepEqual(done.sim.knockout.lit, done.sim.knockout.final, 'it ends lit at the probe draw\'s turnout');
        assert.ok(mid.sim.knockout.lit[1] <= done.sim.knockout.final[1]);
        assert.ok(done.sim.knockout.final[1] > 5 * done.sim.knockout.final[0], JSON.stringify(done.sim.knockout));
        assert.equal(done.sim.mobilizedHash, running.sim.mobilizedHash, 'the knockout changes nothing in the model');
        // Whether tiredness kept them home: the exhausted as the maps count them, and what resting them would bring,
        // in the live region's summary too (seed 1: the same one resident).
        assert.deepEqual(done.sim.knockout.exhausted, [m.exhausted, i.exhausted], JSON.stringify(done.sim.knockout));
        assert.deepEqual(done.sim.knockout.rested, done.sim.knockout.final, JSON.stringify(done.sim.knockout));
        assert.ok(done.sim.summary.includes(`If its ${m.exhausted} exhausted residents were rested, the mobilized ` +
          'neighborhood would still bring only the one who started it.'), done.sim.summary);
        // And what kept the integrated calls that stayed small: where they started (seed 1's 4 at 1%).
        assert.ok(done.sim.summary.endsWith('The 4 integrated calls that stayed at 1% started where ties could not ' +
          'carry them far: even had every rested resident been able to come that week, they would still have ' +
          'brought no more than 1%.'),
        done.sim.summary);
        assert.equal(done.sim.knockout.label, 'Bring the organizers back');
        for (let tries = 0; !(await htmlLabels()).includes('Bring the organizers back'); tries++) {
          assert.ok(tries < 40, `the page's HTML button follows: ${JSON.stringify(await htmlLabels())}`);
          await page.waitForTimeout(50);
        }
        // Its button then brings the organizers back, to the run as it was.
        await page.evaluate(() => window.essay.goTo('simulation'));
        await press(page, await waitForRest(page), 'knockout');
        const back = await waitForState(page, (t) => t.sim.knockout.phase === 'idle', 3000);
        assert.equal(back.sim.mobilizedHash, done.sim.mobilizedHash);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the charts\' ensemble runs in Web Workers and gives the rows the main thread gives; without workers, or with a broken one, the main thread runs it',
    async run({ browser, url }) {
      const ensemble = async (options) => {
        const { context, page, s: first } = await openAtFigure(browser, url, options);
        try {
          // Nothing runs for the charts until the reader opens the controls that hold them.
          await page.waitForTimeout(1000);
          assert.equal((await state(page)).sim.ensemble, 0, 'no ensemble while the charts are closed');
          await scrollToControl(page, first, 'reset');
          const s = await waitForState(page, (x) => x.sim && x.sim.ensemble >= 1, 60000);
          const pool = await page.evaluate(() => ({ workers: Module.essayWorkers.list.length, done: Module.essayWorkers.done }));
          return { hash: s.sim.ensembleHash, ...pool };
        } finally {
          await context.close();
        }
      };
      const workers = await ensemble({});
      assert.match(workers.hash, /^[0-9a-f]{32}$/);
      assert.ok(workers.workers >= 1 && workers.done >= 20, `the workers ran most seeds: ${JSON.stringify(workers)}`);
      const none = await ensemble({ initScript: () => { delete window.Worker; } });
      assert.deepEqual(none, { hash: workers.hash, workers: 0, done: 0 });
      // A worker that starts and then fails at its first job: its seed and the rest run on the main thread.
      const broken = await ensemble({ route: { url: '**/sim-worker.*.js', handler: (r) => r.fulfill({
        contentType: 'text/javascript',
        body: 'self.onmessage = function (e) { if (e.data.type === "init") self.postMessage({ type: "ready" }); ' +
          'else throw new Error("a broken worker"); };',
      }) } });
      assert.equal(broken.hash, workers.hash);
      assert.equal(broken.done, 0);
    },
  },
  {
    name: 'under reduced motion the figure offers steps instead of Play, and the knockout shows its final state at once',
    async run({ browser, url }) {
      const { context, page, errors, s } = await openLink(browser, url, '#sim=seed:1,month:30', 120,
        { reducedMotion: 'reduce' });
      try {
        await scrollToControl(page, s, 'reset');
        const drawn = await waitForState(page, (t) => t.sim.controls && t.sim.controls.reset);
        const ids = Object.keys(drawn.sim.controls);
        assert.ok(ids.includes('step') && ids.includes('plus3'), `the steps are offered: ${ids}`);
        assert.ok(!ids.includes('play') && !ids.some((id) => id.startsWith('speed-')), `no Play, no speed: ${ids}`);
        // The guide row's Play is a phone's only; under reduced motion not even there, and no step takes its place
        // (a lone "+3 months" there read as unexplained): the Time row's steps are the way on.
        assert.ok(!ids.includes('guide-play') && !ids.includes('guide-plus3'), `none on a wide screen: ${ids}`);
        const phone = await asPhoneAtFigure(page, 'guide-next');
        assert.ok(phone.sim.controls['guide-next'], 'the phone draws the guide row');
        assert.ok(!phone.sim.controls['guide-play'] && !phone.sim.controls['guide-plus3'],
          `neither Play nor a step in the phone's guide row: ${Object.keys(phone.sim.controls)}`);
        const before = phone.sim.week;
        await press(page, phone, 'plus3');
        await waitForState(page, (t) => t.sim.week === before + 12, 5000);
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
        // Down through the whole figure, a half window at a time, collecting every control it shows.
        const seen = {};
        let t = s, folded = true;
        await page.mouse.move(t.viewport.width / 2, t.viewport.height / 2);
        await page.mouse.wheel(0, t.sim.figureY - t.scrollY);
        for (let i = 0; i < 30; i++) {
          t = await waitForRest(page);
          for (const [id, r] of Object.entries(t.sim.controls)) seen[id] = r;
          if (seen['drawer-omissions'] && t.sim.controls['drawer-omissions'] && !folded) break;
          const way = t.sim.controls.explore;
          if (!t.sim.controlsOpen && way && way[1] >= 0 && way[1] + way[3] <= t.viewport.height) {
            await openSimControls(page, t);
            await page.mouse.move(t.viewport.width / 2, t.viewport.height / 2);
            continue;
          }
          // The speed, the Show toggles and the run are folded behind "More controls" until it is pressed.
          const more = t.sim.controls.more;
          if (folded && more && more[1] >= 0 && more[1] + more[3] <= t.viewport.height) {
            assert.ok(!seen['speed-2'] && !seen['seed-up'] && !seen.acquaintances, `folded: ${Object.keys(seen)}`);
            const [x, y, width, height] = more;
            await pressControl(page, { x, y, width, height });
            await waitForRest(page);
            await page.mouse.move(t.viewport.width / 2, t.viewport.height / 2);
            folded = false;
            continue;
          }
          await page.mouse.wheel(0, t.viewport.height * 0.5);
          await page.waitForTimeout(100);
        }
        const ids = Object.keys(seen);
        for (const id of ['play', 'speed-2', 'step', 'plus3', 'plus12', 'reset', 'knockout', 'acquaintances', 'lists',
          'remove-organizers', 'protest', 'strike', 'aid', 'divisive', 'more', 'seed-up', 'expand', 'chart-1',
          'chart-6', 'drawer-presets', 'drawer-assumptions', 'drawer-objection', 'drawer-omissions'])
          assert.ok(ids.includes(id), `the figure shows its "${id}" control on the way down: ${ids}`);
        for (const id of ids) {
          const [x, , w, h] = seen[id];
          assert.ok(x >= 0 && x + w <= s.viewport.width + 0.5, `${id} fits the width: ${seen[id]}`);
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
  {
    name: 'on a phone the two maps are stacked, each the screen\'s width in its neighborhood\'s colour under its own share, both on one screen, at 320 px too',
    async run({ browser, url }) {
      const { context, page, errors, s } = await openLink(browser, url, '#sim=seed:1,month:30', 120,
        { width: 390, height: 844, mobile: true });
      try {
        // Scroll until the first map's top is in the upper part of the window, as a reader reaching the maps would.
        await page.mouse.move(195, 422);
        let t = s;
        for (let i = 0; i < 40; i++) {
          t = await waitForRest(page);
          const m = t.sim.maps[0];
          if (m[2] > 0 && m[1] >= 150 && m[1] <= 260) break;
          await page.mouse.wheel(0, m[2] > 0 ? m[1] - 200 : 400);
          await page.waitForTimeout(200);
        }
        const [a, b] = t.sim.maps;
        assert.ok(a[2] > 330 && b[2] === a[2] && b[0] === a[0], `both maps the screen's width: ${JSON.stringify(t.sim.maps)}`);
        assert.ok(b[1] >= a[1] + a[3], `the integrated map under the mobilized one: ${JSON.stringify(t.sim.maps)}`);
        // Each map under its own share (about 70 px above it): the first share and both maps fit one 844 px screen,
        // and the second share sits between the maps.
        assert.ok(b[1] + b[3] - a[1] + 70 <= 844 - 44, `shares and maps on one screen: ${JSON.stringify(t.sim.maps)}`);
        assert.ok(b[1] - (a[1] + a[3]) >= 50, `room for the second share between the maps: ${JSON.stringify(t.sim.maps)}`);
        assert.ok(b[1] + b[3] <= 844, `the second map is whole on screen: ${JSON.stringify(t.sim.maps)}`);
        // Each turnout line's title says how many came to the side's calls in all, as the wide figure's does (all
        // three of stop 59's last fresh readers found the phone dropping it).
        const totals = /^\d{1,3}(,\d{3})* came to \d+ calls/;
        assert.ok(t.sim.turnoutTitles.every((title) => totals.test(title)), `the totals: ${t.sim.turnoutTitles}`);
        // And it names the line beside it, which was unlabelled to stop 62's fresh readers.
        assert.ok(t.sim.turnoutTitles.every((title) => /; turnout:$/.test(title)), `named: ${t.sim.turnoutTitles}`);
        // Each map's frame is in its neighborhood's colour: orange (red over blue), then teal (blue over red).
        const edge = async ([x, y, , h]) => {
          const { pixels } = decodePng(await page.screenshot({ clip: { x: x - 1, y: y + h / 2, width: 3, height: 1 } }));
          let best = [0, 0, 0], far = -1;
          for (let i = 0; i < pixels.length; i += 4) {
            const px = [pixels[i], pixels[i + 1], pixels[i + 2]];
            const d = Math.max(...px) - Math.min(...px); // the most coloured pixel: the frame, not the paper
            if (d > far) { far = d; best = px; }
          }
          return best;
        };
        const [ar, , ab] = await edge(a), [br, , bb] = await edge(b);
        assert.ok(ar > ab + 40, `the mobilized frame is orange: ${[ar, ab]}`);
        assert.ok(bb > br + 40, `the integrated frame is teal: ${[br, bb]}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
      // On a 320 x 720 phone, a link to the figure shows its title and both whole maps on one screen, at month 30 and
      // after the knockout. (At 700 px the second map ended 0.3 px past the screen once month 30's title said how much
      // more often the mobilized side calls, five lines at 320 px.)
      const small = await openLink(browser, url, '#sim=seed:1,month:30', 120, { width: 320, height: 720, mobile: true });
      try {
        const fits = (t, what) => {
          const [a, b] = t.sim.maps;
          assert.ok(t.sim.figureY - t.scrollY >= 0, `${what}: the figure's title is on screen: ${t.sim.figureY} at ${t.scrollY}`);
          assert.ok(a[3] > 0 && b[1] + b[3] <= 720, `${what}: both maps are whole on screen: ${JSON.stringify(t.sim.maps)}`);
        };
        const at30 = await waitForRest(small.page);
        fits(at30, 'month 30');
        assert.ok(at30.sim.turnoutTitles.every((title) => /^\d{1,3}(,\d{3})* (came to|in) \d+ calls/.test(title)),
          `the totals at 320 px: ${at30.sim.turnoutTitles}`);
        assert.equal(await small.page.evaluate(() => window.essay.knockout()), true);
        await waitForState(small.page, (t) => t.sim.knockout.phase === 'done', 8000);
        fits(await waitForRest(small.page), 'the knockout');
        assert.deepEqual(small.errors, []);
      } finally {
        await small.context.close();
      }
    },
  },
  {
    name: 'on a phone the question follows the key under the maps, and once the organizers have left for good it is offered nowhere',
    async run({ browser, url }) {
      const { context, page, errors, s } = await openLink(browser, url, '#sim=seed:1,month:30', 120,
        { width: 320, height: 700, mobile: true });
      try {
        // Under the second map and its key, before the time's buttons: the key's five rows and its note, "Explore the
        // model", so more than the 70 px of the question alone right under the map (where the key was a screen from the
        // maps), and less than a third of the screen past the way in.
        const r = await scrollToControl(page, s, 'knockout');
        let t = await waitForRest(page);
        const b = t.sim.maps[1];
        assert.deepEqual(t.sim.flips, [0, 0, 0, 0], 'the flip scale waits behind "Explore the model"');
        const below = r[1] - (b[1] + b[3]);
        assert.ok(below > 150, `the question ${below} px under the second map: ${r} / ${b}`);
        const way = t.sim.controls.explore;
        assert.ok(way && r[1] >= way[1] + way[3] && r[1] - (way[1] + way[3]) < 700 / 3,
          `the question right under the way in: ${r} / ${way}`);
        for (const id of ['play', 'step', 'reset'])
          assert.ok(!t.sim.controls[id] || t.sim.controls[id][1] > r[1], `"${id}" comes after the question`);
        assert.equal(t.sim.knockout.enabled, true);
        // "Organizers leave for good": the maps already answer the question, so neither its canvas button, its HTML
        // button nor the page's command starts the knockout.
        await press(page, t, 'remove-organizers');
        t = await waitForState(page, (u) => u.sim.actions.some((a) => a.id === 'remove-organizers' && !a.enabled), 5000);
        assert.equal(t.sim.knockout.enabled, false);
        assert.equal(await page.evaluate(() => [...document.querySelectorAll('#simulation button')]
          .find((b) => b.textContent === 'What if the organizers vanished?').disabled), true,
        'the HTML knockout button is disabled');
        // Back up to the question, which the interventions' row may have left above the window (scrollToControl looks
        // downwards only).
        await page.mouse.wheel(0, -400);
        t = await waitForRest(page);
        await press(page, t, 'knockout');
        assert.equal(await page.evaluate(() => window.essay.knockout()), true); // queued, and refused by the app
        await page.waitForTimeout(400);
        t = await waitForRest(page);
        assert.equal(t.sim.knockout.phase, 'idle');
        assert.equal(t.sim.knockout.label, 'What if the organizers vanished?');
        // Reset brings them back, and the question with them once the clock moves (at week 0 nothing has happened).
        await press(page, t, 'reset');
        t = await waitForState(page, (u) => u.sim.week === 0, 5000);
        assert.equal(t.sim.knockout.enabled, false);
        await press(page, t, 'step');
        t = await waitForState(page, (u) => u.sim.knockout.enabled === true, 5000);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'where the mobilized organizers have burnt out and quit, the figure counts the organizers map by map, as essay-sim does',
    async run({ browser, url }) {
      const { context, page, errors, s } = await openLink(browser, url, '#sim=seed:1,month:40', 160,
        { width: 1280, height: 800 });
      try {
        let t = await waitForRest(page);
        // essay-sim's organizer_quits at month 40.
        const left = ['mobilized', 'integrated'].map((k) => {
          const rows = referenceRows(k, 1, 40);
          return 4 - Number(rows[rows.length - 1].organizer_quits);
        });
        assert.deepEqual(left, [0, 4], 'seed 1 of essay-sim: the mobilized organizers have quit by month 40');
        assert.deepEqual(t.sim.organizers, left);
        assert.ok(t.sim.lastCallMonth[0] >= 30 && t.sim.lastCallMonth[0] < 36, `${t.sim.lastCallMonth}`);
        assert.ok(t.sim.lastCallMonth[1] >= 39, `${t.sim.lastCallMonth}`);
        // The title says it, in place of month 30's finding.
        assert.equal(t.sim.title, 'The mobilized organizers have burnt out and quit, and no call has come there since ' +
          `month ${t.sim.lastCallMonth[0]}; the integrated ones remain`);
        // The live region says the mobilized map's last call is months old, and why no call has come since.
        assert.match(t.sim.status, new RegExp(`Mobilized \\d+% \\(month ${t.sim.lastCallMonth[0]}; no organizers left\\), ` +
          'Integrated \\d+%\\. Calls so far: Mobilized \\d+, [\\d,]+ came in all; Integrated \\d+, [\\d,]+ came in all\\.$'));
        // Who came to that call months back is drawn as rings in the map's full orange, not as discs faded to the
        // pale that marks one who came and is now exhausted (nobody is, at month 40): the rings' strokes are strong
        // orange, their anti-aliased edges pale (about 640 and 900 pixels here), where faded discs were all pale
        // (0 and 2,600).
        assert.equal(t.sim.drawn.mobilized.exhausted, 0);
        const [x, y, w, h] = t.sim.maps[0];
        const { pixels } = decodePng(await page.screenshot({ clip: { x: x + 4, y: y + 4, width: w - 8, height: h - 8 } }));
        let strong = 0, pale = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          const warm = pixels[i] - pixels[i + 2]; // orange: red far over blue; the paper, ink and greys: neither
          if (warm > 150) strong++;
          else if (warm > 60) pale++;
        }
        assert.ok(strong > 100 && 2 * strong > pale, `rings, not pale discs: ${strong} strong, ${pale} pale pixels`);
        // Organizers remain on the integrated map: the question and "Organizers leave for good" still act, and once
        // that has taken them, neither does.
        t = await waitForRest(page);
        assert.equal(t.sim.knockout.enabled, true);
        assert.equal(t.sim.actions.find((a) => a.id === 'remove-organizers').enabled, true);
        await press(page, t, 'remove-organizers');
        t = await waitForState(page, (u) => u.sim.organizers[1] === 0, 5000);
        assert.deepEqual(t.sim.organizers, [0, 0]);
        assert.equal(t.sim.knockout.enabled, false);
        assert.equal(t.sim.actions.find((a) => a.id === 'remove-organizers').enabled, false);
        // The page's live region says it of both maps now.
        await page.waitForFunction(() => /Integrated \d+% \(month \d+; no organizers left\)/
          .test(document.querySelector('.sim-live').textContent), null, { timeout: 5000 });
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'on a wide screen the figure breaks out of the column, no card overlaps it, and the keyboard reads a chart',
    async run({ browser, url }) {
      const { context, page, errors, s } = await openLink(browser, url, '#sim=seed:1,month:12', 48,
        { width: 1280, height: 800 });
      try {
        // The column is 620 px; the figure spans it and the margin cards' lane: its third chart ends far right.
        const play = await scrollToControl(page, s, 'play');
        const chart = await scrollToControl(page, await state(page), 'chart-3');
        const left = play[0], right = chart[0] + chart[2];
        assert.ok(right - left > 800, `the figure spans ${left}–${right} px, far wider than the column`);
        // All objections open: every card in the margin keeps clear of the figure.
        const all = await chooseObjections(page, 'objections-all');
        const figureTop = all.sim.figureY - all.scrollY;
        // (The figure is well over 1,200 px tall here: maps, controls, charts and the tabs.)
        const inMargin = all.controls.filter((c) => (c.kind === 'jump' || c.kind === 'close') && c.x > left + 700);
        for (const c of inMargin)
          assert.ok(c.y + c.height < figureTop || c.y > figureTop + 1200,
            `a card's control at ${JSON.stringify(c)} is clear of the figure at ${figureTop}`);
        // Tab through the figure to its first chart; Left moves the read-out (the chart's pixels change).
        let t = await chooseObjections(page, 'objections-markers');
        // Each Tab waits for the focus to move: ImGui 1.86 keeps no input queue, so two presses inside one slow frame
        // count once, and a loaded machine ran out of presses before the chart (it stopped at 'sim:lists').
        for (let i = 0; i < 250 && t.focus !== 'sim:chart-1'; i++) {
          const before = t.focus;
          await page.keyboard.press('Tab');
          t = await waitForState(page, (x) => x.focus !== before, 2000).catch(() => state(page));
        }
        assert.equal(t.focus, 'sim:chart-1', 'Tab reaches the first chart');
        t = await waitForRest(page);
        const [x, y, w, h] = t.sim.controls['chart-1'];
        const clip = { x, y, width: w, height: h };
        const before = await page.screenshot({ clip });
        for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
        await page.waitForTimeout(300);
        const after = await page.screenshot({ clip });
        assert.ok(!before.equals(after), 'the read-out moved with the arrow keys');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
];
