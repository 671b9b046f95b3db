// Takes full-size screenshots of the simulation figure for reviewers: week 0, month 30 (its maps, then its controls and
// charts further down), month 40 and after the knockout (its maps, its key and note, its controls and charts), at
// desktop (1280×900), phone (390×844) and narrow phone (320×700), light and dark, at dpr 2. Knows the page's public
// API and the #sim= link grammar, nothing of the app's insides. Not a test: the images are for people to read.
// Usage (after ./scripts/build): node scripts/figure-shots.mjs [DIST_DIR] [OUT_DIR] [NAME_FILTER]
import { takeShots } from './shots.mjs';
import { openSimControls, waitForRest, waitForState } from '../tests/browser/chromium.mjs';

const devices = { desktop: [1280, 900], phone: [390, 844], narrow: [320, 700] };
// Each state: the link that reaches it, the week it settles at, and whether the knockout has run. It is shot once
// settled: caught half-way, its counts read to six fresh readers as the result ("<1%" against "4%").
const states = {
  week0: { hash: '#sim=seed:1', week: 0 },
  month30: { hash: '#sim=seed:1,month:30', week: 120 },
  month40: { hash: '#sim=seed:1,month:40', week: 160 },
  knockout: { hash: '#sim=seed:1,month:30', week: 120, knockout: true },
  controls: { hash: '#sim=seed:1,month:30', week: 120, below: true },
  knockoutkey: { hash: '#sim=seed:1,month:30', week: 120, knockout: true, below: true },
  // Its charts, further down: the first chart a quarter of the way down.
  knockoutcharts: { hash: '#sim=seed:1,month:30', week: 120, knockout: true, below: 'chart-1' },
  // Its key and note under the maps, over "Explore the model" (left closed), which stands three quarters down.
  knockoutnote: { hash: '#sim=seed:1,month:30', week: 120, knockout: true, below: 'explore', closed: true, at: 0.75 },
};

await takeShots({
  outName: 'figure-shots', devices, states, hash: (spec) => spec.hash,
  async prepare(page, spec, { width, height }) {
    await waitForState(page, (s) => s.sim && s.sim.week === spec.week && s.sim.figureY >= 0, 30000);
    await page.mouse.move(1, 1);
    if (spec.knockout) {
      await page.evaluate(() => window.essay.knockout());
      await waitForState(page, (s) => s.sim.knockout && s.sim.knockout.phase === 'done', 30000);
      await page.waitForTimeout(1500);
    } else {
      await page.waitForTimeout(1500);
    }
    if (spec.below) {
      // Down to the controls: a screen at a time until the figure reports its time row, then that row a
      // quarter of the way down (a screen down from the maps left a 320 px phone's rows below the shot).
      await page.mouse.move(width / 2, height / 2);
      // The controls are behind "Explore the model", pressed on the way down.
      const row = (s) => (spec.below === true ? s.sim.controls.step || s.sim.controls.play : s.sim.controls[spec.below]);
      let s = await waitForRest(page);
      for (let i = 0; i < 8 && !row(s); i++) {
        const way = s.sim.controls.explore;
        if (!spec.closed && !s.sim.controlsOpen && way && way[1] >= 0 && way[1] + way[3] <= height) {
          await openSimControls(page, s);
          await page.mouse.move(width / 2, height / 2);
          s = await waitForRest(page);
          continue;
        }
        await page.mouse.wheel(0, Math.round(height * 0.85));
        s = await waitForRest(page);
      }
      if (row(s)) {
        await page.mouse.wheel(0, Math.round(row(s)[1] - height * (spec.at ?? 0.25)));
        await waitForRest(page);
      }
      await page.mouse.move(1, 1);
      await page.waitForTimeout(300);
    }
  },
});
