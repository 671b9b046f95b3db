// Takes the full-size screenshots a reviewer reads before calling visual work done: the reading states (the top, the
// first marked passage with the first-visit hint, mid-essay, a critic's and a reader's objection open, the contents,
// the list of objections, the key, the readers' comments) at desktop 1280×800, phone 390×844 and narrow phone
// 320×700, light and dark, at dpr 2.
// Knows the page's public API (README "For tests and publishers"), nothing of the app's insides. Not a test: the
// images are for people to read. The figure's own states are scripts/figure-shots.mjs's.
// Usage (after ./scripts/build): node scripts/review-shots.mjs [DIST_DIR] [OUT_DIR] [NAME_FILTER]
import { takeShots } from './shots.mjs';
import { control, pressControl, state, waitForRest, waitForState } from '../tests/browser/chromium.mjs';

const devices = { desktop: [1280, 800], phone: [390, 844], narrow: [320, 700] };

// Presses the bar's control `kind` (with `id`) until `until` holds of the state: ImGui can miss a press that falls
// within one slow frame, so a lost press is repeated, as the screenshot suite does.
async function press(page, kind, id, until) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const c = control(await state(page), kind, id);
    if (!c) throw new Error(`no control ${kind}${id ? `:${id}` : ''} on screen`);
    await pressControl(page, c);
    try {
      return await waitForState(page, until, 3000);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

const goTo = (anchor, ready = () => true) => async (page) => {
  await page.evaluate((a) => window.essay.goTo(a), anchor);
  await waitForState(page, ready, 8000);
};

// Each state: what to do once the page is ready. The pointer is moved off the page before the shot, so no row is drawn
// hovered.
const states = {
  top: async () => {},
  // The first marked passage, where the first-visit hint stands, without opening its card.
  hint: async (page) => {
    const anchor = await page.evaluate(() => window.essay.objections()[0].anchor);
    await goTo(anchor)(page);
  },
  middle: goTo('circular-logic-p1'),
  critic: goTo('only-one-step', (s) => s.open.includes('only-one-step')),
  reader: goTo('what-is-integration', (s) => s.open.includes('what-is-integration')),
  comments: goTo('comment-1'),
  contents: (page) => press(page, 'contents', undefined, (s) => !!control(s, 'section')),
  list: async (page) => {
    await press(page, 'contents', undefined, (s) => !!control(s, 'contents-objections'));
    await press(page, 'contents-objections', undefined, (s) => !!control(s, 'listed'));
  },
  key: async (page) => {
    // The menu's entry, which has no id: the page has the edition line's or the margin note's too.
    await press(page, 'settings', undefined, (s) => !!control(s, 'key', ''));
    await press(page, 'key', '', (s) => !!control(s, 'close', 'key'));
  },
};

await takeShots({
  outName: 'review-shots', devices, states,
  async prepare(page, act, { height }) {
    await act(page);
    await page.mouse.move(1, height - 2);
    await waitForRest(page, 10000);
    await page.waitForTimeout(600);
  },
});
