// Reading in a real browser: the reader bar's contents and settings menu (objections switch, theme and text size),
// their persistence, and deep links to sections.
import assert from 'node:assert/strict';
import {
  chooseObjections, control, openEssay, pressControl as click, state, waitForRest, waitForState,
} from './chromium.mjs';

export const tests = [
  {
    name: '#conclusion opens scrolled to Conclusion, and the contents list marks and reaches every section',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, `${url}#conclusion`);
      try {
        const at = await waitForRest(page);
        assert.ok(at.scrollY > at.contentHeight * 0.5, `opened near the end (${at.scrollY})`);
        assert.match(at.hash, /at=conclusion/);
        await click(page, control(at, 'contents'));
        const open = await waitForState(page, (s) => !!control(s, 'section', 'circular-logic'));
        assert.deepEqual(open.controls.filter((c) => c.kind === 'section').map((c) => c.id),
          ['top', 'circular-logic', 'simulation', 'conclusion', 'readers-comments']);
        // A menu under its button, as wide as its longest entry and what that holds ("10 objections"): not a sheet
        // across the title.
        for (const row of open.controls.filter((c) => c.kind === 'section'))
          assert.ok(row.width < 320 && Math.abs(row.x - control(at, 'contents').x) < (row.id === 'simulation' ? 40 : 24),
            JSON.stringify(row));
        await click(page, control(open, 'section', 'circular-logic'));
        const there = await waitForState(page, (s) => /at=circular-logic/.test(s.hash) && !control(s, 'section'));
        assert.ok(there.scrollY < at.scrollY);
        // The jump is a history entry: Back returns to Conclusion, Forward to Circular Logic.
        await page.goBack();
        await waitForState(page, (s) => /at=conclusion/.test(s.hash) && Math.abs(s.scrollY - at.scrollY) < 2);
        await page.goForward();
        const forward = await waitForState(page, (s) => /at=circular-logic/.test(s.hash));
        // The figure has its entry under its section, set in from it: it brings the figure to the top.
        await click(page, control(forward, 'contents'));
        const again = await waitForState(page, (s) => !!control(s, 'section', 'simulation'));
        assert.ok(control(again, 'section', 'simulation').x > control(again, 'section', 'circular-logic').x);
        await click(page, control(again, 'section', 'simulation'));
        const figure = await waitForRest(page);
        const top = figure.sim.figureY - figure.scrollY;
        assert.ok(top >= 0 && top < figure.viewport.height * 0.3, `the figure at the top: ${top}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the contents lead to a list of every objection, in order, whose row opens its card; it fits a phone',
    async run({ browser, url }) {
      const objections = [];
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844, mobile: true },
        { width: 320, height: 700, mobile: true }]) {
        const { context, page, errors } = await openEssay(browser, url, viewport);
        try {
          if (!objections.length) objections.push(...await page.evaluate(() => window.essay.objections()));
          await click(page, control(await waitForRest(page), 'contents'));
          const menu = await waitForState(page, (s) => !!control(s, 'contents-objections'));
          await click(page, control(menu, 'contents-objections'));
          const list = await waitForState(page, (s) => !!control(s, 'listed'));
          assert.equal(control(list, 'section'), undefined, 'the list takes the sections\' place');
          const rows = list.controls.filter((c) => c.kind === 'listed');
          assert.deepEqual(rows.map((r) => r.id), objections.map((o) => o.id), 'every objection, in order');
          // Each row whole in the window, one under the other; a finger's height where the window has room for
          // them all (at 320 x 700 a little less, so that the last is not cut off).
          for (const [i, r] of rows.entries()) {
            assert.ok(r.y >= 0 && r.y + r.height <= viewport.height, `row ${i + 1} on screen: ${JSON.stringify(r)}`);
            // (A touch target is at least 44 px tall about its row's middle, so 40 px rows' targets overlap by 4.)
            const pitch = i === 0 ? Infinity : (r.y + r.height / 2) - (rows[i - 1].y + rows[i - 1].height / 2);
            assert.ok(pitch >= (viewport.mobile ? 39.5 : 30), `row ${i + 1} under the one before: ${pitch} px`);
            if (viewport.mobile)
              assert.ok(r.height >= (viewport.height >= 800 ? 44 : 40), `row ${i + 1}: ${r.height} px`);
          }
          // Back to the sections, and on to the list again.
          await click(page, control(list, 'contents-back'));
          const back = await waitForState(page, (s) => !!control(s, 'section') && !control(s, 'listed'));
          await click(page, control(back, 'contents-objections'));
          const again = await waitForState(page, (s) => !!control(s, 'listed'));
          // A row opens its card at its passage, and the menu closes.
          const pick = objections[5].id;
          await click(page, control(again, 'listed', pick));
          const opened = await waitForState(page, (s) => s.open.includes(pick) && !control(s, 'listed') &&
            !!control(s, 'close', pick));
          assert.match(opened.hash, new RegExp(`open=${pick}`));
          // Closed and opened again, the menu shows the sections.
          await click(page, control(opened, 'contents'));
          await waitForState(page, (s) => !!control(s, 'section') && !control(s, 'listed'));
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
    },
  },
  {
    name: 'the objections switch hides markers, or opens every card',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 1400, height: 900 });
      try {
        await page.evaluate(() => window.essay.goTo('circular-logic-p1'));
        await waitForState(page, (s) => !!control(s, 'marker'));
        await chooseObjections(page, 'objections-all');
        const all = await waitForState(page, (s) => s.objections === 'all' && !!control(s, 'jump'));
        assert.ok(all.controls.some((c) => c.kind === 'jump'));
        await chooseObjections(page, 'objections-hidden');
        const hidden = await waitForState(page, (s) => s.objections === 'hidden' && !control(s, 'marker'));
        assert.equal(hidden.controls.filter((c) => c.kind === 'marker' || c.kind === 'jump').length, 0);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'theme and text size change at once and persist across a reload, without cookies',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { colorScheme: 'light' });
      try {
        const before = await state(page);
        assert.equal(before.theme, 'light');
        // Theme and text size live in the settings menu. Clicks a frame apart, as a person's are: SwiftShader's
        // frames are slow.
        await click(page, control(before, 'settings'));
        const menu = await waitForState(page, (s) => !!control(s, 'theme-light'));
        await click(page, control(menu, 'theme-light')); // Auto -> Light: the page follows the system, also light
        await page.waitForTimeout(300);
        await click(page, control(await state(page), 'theme-dark')); // Light -> Dark
        await waitForState(page, (s) => s.theme === 'dark');
        await page.waitForTimeout(300);
        await click(page, control(await state(page), 'larger'));
        // Larger text makes a longer page (the layout follows on the next frame).
        await waitForState(page, (s) => s.textStep === 1 && s.contentHeight > before.contentHeight * 1.05);
        await page.reload();
        await page.waitForFunction(() => document.documentElement.dataset.essayReady === '1');
        const after = await state(page);
        assert.equal(after.theme, 'dark');
        assert.equal(after.textStep, 1);
        assert.deepEqual(await context.cookies(), []);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
];

// The bar's controls at the top of the page, by kind, left to right.
const barKinds = (s) => s.controls.filter((c) => c.y < 44).sort((a, b) => a.x - b.x).map((c) => c.kind);

tests.push(
  {
    name: 'the wide bar holds the contents and one settings menu, whose last entry opens the key',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 1280, height: 800 });
      try {
        const start = await state(page);
        assert.deepEqual(barKinds(start), ['contents', 'settings']);
        await click(page, control(start, 'settings'));
        // The menu's entry for the key has no id; the margin note's own link to it has id "note".
        const menu = await waitForState(page, (s) => !!control(s, 'key', ''));
        // The objections, theme, text size and the key's entry, in that order down the menu.
        const entries = menu.controls.filter((c) => c.y >= 44 && !['hint', 'note'].includes(c.id))
          .sort((a, b) => a.y - b.y || a.x - b.x)
          .map((c) => c.kind).filter((k) => !['marker', 'paragraph-link', 'hint'].includes(k));
        assert.deepEqual(entries, ['objections-hidden', 'objections-markers', 'objections-all',
          'theme-light', 'theme-dark', 'theme-auto', 'smaller', 'larger', 'key']);
        await click(page, control(menu, 'key', ''));
        // The key replaces the menu, and its Close ends it.
        const key = await waitForState(page, (s) => !!control(s, 'close', 'key') && !control(s, 'theme-light'));
        // Whole inside the window at 1280 x 800, with the menu's padding under it: a key one line longer cut its
        // Close at the window's foot, seen by all three of stop 67's second fresh readers.
        const close = control(key, 'close', 'key');
        assert.ok(close.y + close.height <= key.viewport.height - 8, `the key's Close inside the window: ${close.y}`);
        await click(page, close);
        await waitForState(page, (s) => !control(s, 'close', 'key'));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'on a phone the bar holds the contents and the settings menu, which holds the objections too',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 390, height: 844, mobile: true });
      try {
        const start = await state(page);
        assert.deepEqual(barKinds(start), ['contents', 'settings']);
        const settings = control(start, 'settings');
        await page.touchscreen.tap(settings.x + settings.width / 2, settings.y + settings.height / 2);
        const menu = await waitForState(page, (s) => !!control(s, 'key', ''));
        for (const kind of ['objections-hidden', 'objections-markers', 'objections-all', 'theme-dark', 'larger'])
          assert.ok(control(menu, kind), kind);
        // A finger finds every entry: 44 px at least.
        for (const c of menu.controls.filter((c) => c.y >= 44 && !['marker', 'paragraph-link', 'hint'].includes(c.kind)))
          assert.ok(c.height >= 44 && c.width >= 44, `${c.kind} ${c.width}x${c.height}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a wide window has a margin note beside the title, whose link opens the key, and the first-visit hint in the margin beside the first marked passage',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 1280, height: 800 });
      try {
        const top = await waitForRest(page);
        const note = control(top, 'key', 'note');
        assert.ok(note, 'the margin note is there');
        assert.ok(note.y < 500 && note.x > 700, `in the margin near the top, at ${note.x},${note.y}`);
        assert.equal(top.objections, 'markers', 'with the objections shown as marks');
        await click(page, note);
        const keyed = await waitForState(page, (s) => !!control(s, 'close', 'key'));
        await click(page, control(keyed, 'close', 'key'));
        await waitForState(page, (s) => !control(s, 'close', 'key'));
        // Where a phone shows the first-visit hint under the first marked passage, a wide window shows it beside the
        // passage, in the lane where its card would open, right of the marker.
        await page.evaluate(() => window.essay.goTo(window.essay.objections()[0].anchor));
        const there = await waitForState(page, (s) => !!control(s, 'marker', 'only-one-step') && !!control(s, 'hint'));
        const marker = control(there, 'marker', 'only-one-step'), got = control(there, 'hint');
        assert.ok(got.x > marker.x + marker.width, `the hint's "Got it" at x ${got.x}, right of the marker at ${marker.x}`);
        assert.ok(got.y > marker.y && got.y < marker.y + 300, `beside the passage: at y ${got.y}, marker at ${marker.y}`);
        assert.ok(control(there, 'key', 'hint'), 'with its way to the key');
        await click(page, got);
        await waitForState(page, (s) => !control(s, 'hint'));
        // With the objections hidden there is no margin lane, and no note.
        await chooseObjections(page, 'objections-hidden');
        await page.evaluate(() => window.essay.goTo('title'));
        const hidden = await waitForState(page, (s) => s.objections === 'hidden');
        await page.waitForTimeout(300);
        assert.equal(control(await state(page), 'key', 'note'), undefined, 'no note without the margin lane');
        assert.ok(control(await state(page), 'key', 'edition'), 'the way to the key follows the edition line instead');
        assert.ok(hidden);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'on a phone the first-visit hint shows once, under the first marked passage, opens the key, and "Got it" dismisses it',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 390, height: 844, mobile: true });
      try {
        // Not before the essay's first words: the top of the essay has no hint.
        const top = await waitForRest(page);
        assert.equal(control(top, 'hint'), undefined, 'no hint above the first marked passage');
        // With no margin note, the way to the key follows the edition line under the title, and opens the key.
        const edition = control(top, 'key', 'edition');
        assert.ok(edition && edition.y < 400 && edition.height >= 44, `under the title, at ${edition && edition.y}`);
        await click(page, edition);
        const keyOpen = await waitForState(page, (s) => !!control(s, 'close', 'key'));
        await click(page, control(keyOpen, 'close', 'key'));
        await waitForState(page, (s) => !control(s, 'close', 'key'));
        // Where the reader first meets a marker, right under that passage.
        await page.evaluate(() => window.essay.goTo(window.essay.objections()[0].anchor));
        const first = await waitForState(page, (s) => !!control(s, 'hint') && !!control(s, 'marker'));
        const marker = control(first, 'marker', 'only-one-step');
        assert.ok(marker, 'the first objection\'s marker is on screen');
        assert.ok(control(first, 'hint').y > marker.y, `hint at ${control(first, 'hint').y}, marker at ${marker.y}`);
        assert.ok(control(first, 'hint').y < marker.y + 400, 'and close under it');
        // Its "Key to the marks and verdicts" opens the bar's key, which its Close ends.
        await click(page, control(first, 'key', 'hint'));
        const keyed = await waitForState(page, (s) => !!control(s, 'close', 'key'));
        await click(page, control(keyed, 'close', 'key'));
        await waitForState(page, (s) => !control(s, 'close', 'key'));
        await page.waitForTimeout(250);
        // Shown once: remembered at once, so the next visit has none.
        await page.waitForFunction(() => /hint=seen/.test(localStorage.getItem('essay.settings') || ''));
        await click(page, control(first, 'hint'));
        const gone = await waitForState(page, (s) => !control(s, 'hint'));
        assert.ok(gone.contentHeight < first.contentHeight, 'the essay closes up where the hint was');
        await page.reload();
        await page.waitForFunction(() => document.documentElement.dataset.essayReady === '1');
        await page.waitForTimeout(300);
        assert.equal(control(await state(page), 'hint'), undefined);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
);

const more = [
  {
    name: 'a drag selects text, Ctrl+C copies exactly it, and a double-click selects a word',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        await page.evaluate(() => window.essay.goTo('conclusion-p1'));
        await waitForRest(page);
        await page.mouse.move(640, 100);
        const s = await waitForState(page, (t) => !!control(t, 'paragraph-link', 'conclusion-p1'));
        const link = control(s, 'paragraph-link', 'conclusion-p1');
        const left = link.x + 28, y = link.y + 12;
        await page.mouse.move(left + 1, y);
        await page.mouse.down();
        await page.mouse.move(left + 150, y, { steps: 5 });
        await page.mouse.move(left + 300, y, { steps: 5 });
        await page.mouse.up();
        await page.waitForTimeout(200);
        await page.keyboard.press('Control+C');
        const copied = await page.waitForFunction(() => window.Module.essayClipboard, null, { timeout: 3000 })
          .then((h) => h.jsonValue());
        const paragraph = 'People can be sincere, intelligent, and well-read and still be engaged in activity';
        assert.ok(copied.length > 15 && paragraph.startsWith(copied), `copied “${copied}”`);
        await page.mouse.dblclick(left + 25, y); // inside "People"
        await page.waitForTimeout(200);
        await page.keyboard.press('Control+C');
        await page.waitForFunction((before) => window.Module.essayClipboard !== before, copied, { timeout: 3000 });
        const word = await page.evaluate(() => window.Module.essayClipboard);
        assert.equal(word, 'People');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'Ctrl+F finds "circular logic", scrolls to it, and Enter steps through the matches',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        await page.keyboard.press('Control+F');
        await waitForState(page, (s) => !!s.search);
        await page.keyboard.type('circular logic', { delay: 20 });
        const found = await waitForState(page, (s) => s.search && s.search.matches >= 2 && s.scrollY > 500);
        assert.equal(found.search.current, 1);
        await page.keyboard.press('Enter');
        const next = await waitForState(page, (s) => s.search.current === 2);
        await page.waitForTimeout(500);
        assert.notEqual((await state(page)).scrollY, found.scrollY);
        await page.keyboard.press('Escape');
        await waitForState(page, (s) => !s.search);
        assert.ok(next.search.matches === found.search.matches);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'an idle page spends almost no CPU (5 s measured)',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        await page.waitForTimeout(1000);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const metric = async () => {
          const { metrics } = await cdp.send('Performance.getMetrics');
          return metrics.find((m) => m.name === 'TaskDuration').value;
        };
        const before = await metric();
        await page.waitForTimeout(5000);
        const busy = (await metric()) - before;
        console.log(`     idle main-thread CPU: ${(busy * 1000).toFixed(1)} ms over 5 s (${(busy / 5 * 100).toFixed(2)}%)`);
        assert.ok(busy / 5 < 0.05, `idle CPU ${(busy / 5 * 100).toFixed(1)}% of one core`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
];
tests.push(...more);
