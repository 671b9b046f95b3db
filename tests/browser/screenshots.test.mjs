// The screenshot suite (issue 14): fixed states of the page rendered in headless Chromium — desktop 1280×800 and
// phone 390×844, light and dark, at the top, with an objection open, at the figure (as it opens, on month 30, and at week 0) and with
// the contents menu open — compared with the references in tests/browser/screenshots/. A pixel differs when a
// channel moves by more than `ChannelTolerance`; a state fails when more than `ShareTolerance` of its pixels differ,
// which absorbs anti-aliasing noise and nothing a reader would notice. `scripts/update-screenshots` rewrites the references (UPDATE_SCREENSHOTS=1).
// With SCREENSHOTS_OUT=DIR (and SCREENSHOTS_DPR, default 2) the same states are written to DIR at that pixel ratio and
// compared with nothing: the references are at ratio 1 to keep the repository small, a reviewer looks at ratio 2.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePng } from './png.mjs';
import { control, openEssay, state, waitForRest, waitForState } from './chromium.mjs';

const here = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const update = process.env.UPDATE_SCREENSHOTS === '1';
const exportDir = process.env.SCREENSHOTS_OUT;
const exportDpr = Number(process.env.SCREENSHOTS_DPR || 2);
const ChannelTolerance = 48;
const ShareTolerance = 0.003;

const devices = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844, mobile: true },
};

// Each state: what to do once the page is ready, and when it is then complete. The objection and the figure are
// reached through the page API rather than the URL fragment, so the scroll does not race the first layout.
const states = {
  top: {},
  objection: {
    act: (page) => page.evaluate(() => window.essay.goTo('only-one-step')),
    // The card is drawn under reduced motion at once; on a phone its buttons may sit below the window.
    ready: (s) => s.open.includes('only-one-step') && !!control(s, 'marker', 'only-one-step'),
  },
  figure: {
    act: (page) => page.evaluate(() => window.essay.goTo('simulation')),
    // As a reader meets it: its maps and their key, its controls and charts closed (nothing runs for their bands).
    ready: (s) => s.sim && s.sim.week === 120 && s.sim.figureY >= 0 && !s.sim.controlsOpen,
  },
  // The figure opens on month 30; week 0, where Reset takes it, through the figure's own link.
  figure0: {
    hash: '#sim=seed:1,month:0',
    ready: (s) => s.sim && s.sim.week === 0 && s.sim.figureY >= 0 && !s.sim.controlsOpen,
  },
  contents: {
    async act(page) {
      const c = control(await state(page), 'contents');
      assert.ok(c, 'the bar reports its contents button');
      // Held over a few frames: ImGui sees the press in one frame and the release in a later one. On a loaded machine
      // a frame can outlast the hold, and the press is lost: then the menu is still closed and the click is repeated.
      for (let attempt = 1; ; attempt++) {
        await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
        await page.mouse.down();
        await page.waitForTimeout(150 * attempt);
        await page.mouse.up();
        await page.waitForTimeout(150);
        // The pointer leaves the menu so no row is drawn hovered.
        await page.mouse.move(1, 300);
        try {
          await waitForState(page, (s) => !!control(s, 'section'), 4000);
          return;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    },
  },
};

// Share of pixels whose channels differ by more than the tolerance, and the box around them.
export function compare(a, b) {
  if (a.width !== b.width || a.height !== b.height)
    return { share: 1, box: `size ${a.width}×${a.height} against ${b.width}×${b.height}` };
  let differing = 0, x0 = a.width, y0 = a.height, x1 = -1, y1 = -1;
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (Math.abs(a.pixels[i] - b.pixels[i]) > ChannelTolerance ||
          Math.abs(a.pixels[i + 1] - b.pixels[i + 1]) > ChannelTolerance ||
          Math.abs(a.pixels[i + 2] - b.pixels[i + 2]) > ChannelTolerance) {
        differing++;
        x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
      }
    }
  return { share: differing / (a.width * a.height), box: differing ? `x ${x0}–${x1}, y ${y0}–${y1}` : 'none' };
}

async function shoot(browser, url, device, theme, name) {
  const spec = states[name];
  // A fresh context every time, so no stored settings: each state starts from the defaults.
  const { context, page, errors } = await openEssay(browser, url + (spec.hash || ''), {
    ...devices[device], colorScheme: theme, reducedMotion: 'reduce', dpr: exportDir ? exportDpr : 1,
  });
  try {
    await page.mouse.move(1, 300); // off every control, so nothing is drawn hovered
    await waitForRest(page);
    if (spec.act) await spec.act(page);
    if (spec.ready) await waitForState(page, spec.ready, 90000); // the figure's bands take a while under load
    await waitForRest(page);
    // The frame after the last change, and ImGui's second frame for a new popup; on a phone, until the scroll thumb
    // has faded, as it does a second after the page stops (essay_view's DrawScrollbar): the page a reader reads.
    await page.waitForTimeout(device === 'phone' ? 1400 : 400);
    const png = await page.screenshot({ type: 'png' });
    assert.deepEqual(errors, []);
    return png;
  } finally {
    await context.close();
  }
}

export const tests = [];
for (const device of Object.keys(devices))
  for (const theme of ['light', 'dark'])
    for (const name of Object.keys(states)) {
      const file = `${device}-${theme}-${name}.png`;
      tests.push({
        name: `${file} ${exportDir ? `exported at dpr ${exportDpr}` : update ? 'written' : 'matches its reference'}`,
        async run({ browser, url }) {
          const png = await shoot(browser, url, device, theme, name);
          if (exportDir) {
            await mkdir(exportDir, { recursive: true });
            await writeFile(join(exportDir, file), png);
            return;
          }
          const path = join(here, file);
          if (update) {
            await mkdir(here, { recursive: true });
            await writeFile(path, png);
            return;
          }
          let reference;
          try {
            reference = await readFile(path);
          } catch {
            assert.fail(`no reference ${path}: run scripts/update-screenshots after an intended change`);
          }
          const { share, box } = compare(decodePng(png), decodePng(reference));
          console.log(`     ${file}: ${(share * 100).toFixed(3)}% of pixels differ (${box})`);
          if (share > ShareTolerance) {
            await writeFile(join(here, `${file}.actual.png`), png);
            assert.fail(`${file}: ${(share * 100).toFixed(2)}% of pixels differ (${box}), above ` +
              `${ShareTolerance * 100}%; this run's picture is in ${file}.actual.png`);
          }
        },
      });
    }
