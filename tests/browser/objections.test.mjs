// Objections inline, in a real browser: markers open cards, cards sit in the margin or in the text, deep links,
// history, keyboard, "jump to passage" and back, and the JS API.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  chooseObjections, control, openEssay, pressControl, state, waitForRest, waitForState,
} from './chromium.mjs';
import { decodePng, inkCoverage } from './png.mjs';

// The objections as assets/content/objections.md writes them: id -> status.
function contentStatuses() {
  const text = readFileSync(new URL('../../assets/content/objections.md', import.meta.url), 'utf8');
  const statuses = new Map();
  let id = null;
  for (const line of text.split('\n')) {
    const heading = /^## ([a-z0-9-]+)\s*$/.exec(line);
    if (heading) id = heading[1];
    const status = /^status: *"?(answered|partly|open)"? *$/.exec(line);
    if (status && id) statuses.set(id, status[1]);
  }
  return statuses;
}

const centre = (c) => ({ x: c.x + c.width / 2, y: c.y + c.height / 2 });
// After a jump from a card: once the scroll has settled, "Back to the objection" returns to `from` and goes away.
async function goBack(page, from) {
  await page.waitForTimeout(600);
  const back = control(await state(page), 'back');
  await page.mouse.click(centre(back).x, centre(back).y);
  await waitForState(page, (x) => Math.abs(x.scrollY - from) < 1 && !control(x, 'back'));
}

// Scrolls the objection's passage into view through the API (to its paragraph, so nothing opens), then waits for the
// control to be on screen: no pixel is guessed.
async function bringIntoView(page, kind, id) {
  await page.evaluate((target) => {
    const anchor = window.essay.objections().find((o) => o.id === target).anchor;
    window.essay.goTo(anchor);
  }, id);
  return waitForState(page, (s) => !!control(s, kind, id));
}

export const tests = [
  {
    name: 'the page lists every objection of assets/content with its status, source and anchor',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        const list = await page.evaluate(() => window.essay.objections());
        const statuses = contentStatuses();
        assert.ok(statuses.size >= 14, `${statuses.size} objections in assets/content/objections.md`);
        assert.equal(list.length, statuses.size, `${list.length} objections on the page`);
        for (const o of list) {
          assert.equal(o.status, statuses.get(o.id), `${o.id}: the status the content gives`);
          assert.match(o.id, /^[a-z0-9-]+$/);
          assert.ok(['answered', 'partly', 'open'].includes(o.status), o.status);
          assert.ok(['essay', 'comment'].includes(o.source));
          assert.ok(o.title.length > 0 && o.passage.length > 0);
        }
        assert.ok(list.some((o) => o.status === 'open'), 'the essay leaves at least one objection open');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a click on a marker opens its card in the margin, and Close closes it',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 1400, height: 900 });
      try {
        // The first-visit hint under this passage goes once a card opens; "Got it" first, so that the heights
        // compared below are the text's alone.
        const hinted = await bringIntoView(page, 'marker', 'only-one-step');
        if (control(hinted, 'hint')) {
          await page.mouse.click(centre(control(hinted, 'hint')).x, centre(control(hinted, 'hint')).y);
          await waitForState(page, (s) => !control(s, 'hint'));
        }
        const before = await waitForRest(page);
        const marker = control(before, 'marker', 'only-one-step');
        await page.mouse.click(centre(marker).x, centre(marker).y);
        const opened = await waitForState(page, (s) => s.open.includes('only-one-step') && !!control(s, 'close', 'only-one-step'));
        const close = control(opened, 'close', 'only-one-step');
        assert.ok(close.x > marker.x, 'the card sits in the margin, right of the text');
        assert.equal(opened.contentHeight, before.contentHeight, 'a margin card does not push the text');
        assert.ok(control(opened, 'jump', 'only-one-step'), 'the card offers jumps to the replies');
        assert.equal(control(opened, 'comment', 'only-one-step'), undefined, 'quoted in the essay: no comment link');
        assert.match(opened.hash, /open=only-one-step/);
        await page.mouse.click(centre(close).x, centre(close).y);
        const closed = await waitForState(page, (s) => s.open.length === 0);
        assert.doesNotMatch(closed.hash, /open=/);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a card whose passage sits just above the figure opens beside it, ends above the figure, and shows its head',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 1280, height: 800 });
      try {
        // Its passage ends the paragraph right before the figure: the card is taller than the room left below it.
        const before = await bringIntoView(page, 'marker', 'dependency-only-in-struggle');
        await page.waitForTimeout(600);
        const still = await waitForState(page, (s) => !!control(s, 'marker', 'dependency-only-in-struggle'));
        const marker = control(still, 'marker', 'dependency-only-in-struggle');
        await page.mouse.click(centre(marker).x, centre(marker).y);
        const opened = await waitForState(page, (s) => s.open.includes('dependency-only-in-struggle') &&
          !!control(s, 'comment', 'dependency-only-in-struggle') && !!control(s, 'close', 'dependency-only-in-struggle'));
        await page.waitForTimeout(800); // the glide that brings the card's head into view
        const s = await state(page);
        const head = control(s, 'comment', 'dependency-only-in-struggle'); // "Read the whole comment", near the card's top
        const foot = control(s, 'copy', 'dependency-only-in-struggle'); // "Copy link", on the card's last row
        const figureTop = s.sim.figureY - s.scrollY;
        assert.ok(head && head.y > 44, `the card's head is on screen, under the bar (${head && head.y})`);
        assert.ok(foot.y + foot.height < figureTop, `the card ends above the figure (${foot.y} < ${figureTop})`);
        const markerNow = control(s, 'marker', 'dependency-only-in-struggle');
        assert.ok(markerNow && markerNow.y > 44 && markerNow.y < foot.y, 'the card stays beside its passage');
        assert.ok(opened.open.length === 1 && before.open.length === 0);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'on a phone the card opens inside the text and pushes it down',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 390, height: 844, dpr: 2, mobile: true });
      try {
        const before = await bringIntoView(page, 'marker', 'too-many-bonds');
        const marker = control(before, 'marker', 'too-many-bonds');
        await page.touchscreen.tap(centre(marker).x, centre(marker).y);
        const opened = await waitForState(page, (s) => s.open.includes('too-many-bonds') && !!control(s, 'comment') &&
          s.contentHeight > before.contentHeight + 200); // the text below moved down by the whole card
        const link = control(opened, 'comment', 'too-many-bonds');
        // The link to the whole comment sits beside the quotation's citation, inside the column, under the paragraph
        // (the marker, its mark in the text, is on the passage's last line).
        assert.ok(link.x >= 20 && link.x + link.width <= 370 && link.y > marker.y + marker.height / 2,
          `the card is under its paragraph, in the column: ${JSON.stringify({ link, marker })}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    // On a wide window, at rest beside its title in the margin (the peek), a faint line reaches down from the marker
    // along the passage's lines instead, and gives way to the underline while the marker is pointed at.
    name: 'a marked passage\'s underline shows only while its marker is pointed at; at rest in the margin a line from its marker spans it',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 1280, height: 800 });
      try {
        await waitForRest(page);
        await page.evaluate(() => window.essay.goTo(window.essay.objections()[1].anchor));
        const s = await waitForRest(page);
        const marker = control(s, 'marker', 'organized-by-socialists');
        assert.ok(marker, 'the second objection is marked');
        // The passage's lines from the marker's down, the column only (not the marker, which darkens on hover).
        const clip = { x: 60, y: marker.y - 10, width: marker.x - 70, height: 90 };
        // Under the marker, where the line down the passage runs (this passage takes more than one line).
        const below = { x: marker.x, y: marker.y + marker.height + 2, width: marker.width, height: 24 };
        await page.mouse.move(5, 700);
        const rest = await page.screenshot({ clip });
        const restBelow = await page.screenshot({ clip: below });
        await page.mouse.move(marker.x + marker.width / 2, marker.y + marker.height / 2);
        await page.waitForTimeout(300);
        const pointed = await page.screenshot({ clip });
        const pointedBelow = await page.screenshot({ clip: below });
        await page.mouse.move(5, 700);
        await page.waitForTimeout(300);
        const left = await page.screenshot({ clip });
        assert.ok(!rest.equals(pointed), 'pointing at the marker underlines its passage');
        assert.ok(rest.equals(left), 'and the underline goes with the pointer');
        // Nothing else is drawn there: the difference is the line at rest, gone while the underline shows.
        assert.ok(!restBelow.equals(pointedBelow), 'at rest a line runs down from the marker, which pointing removes');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'on a wide screen a closed objection\'s title stands in the margin beside its passage, and opens its card',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 1280, height: 800, reducedMotion: 'reduce' });
      try {
        await waitForRest(page);
        const id = 'organized-by-socialists';
        await page.evaluate(() => window.essay.goTo(window.essay.objections()[1].anchor));
        const s = await waitForRest(page);
        const marker = control(s, 'marker', id), peek = control(s, 'peek', id);
        assert.ok(marker && peek, `the marker and its peek are on screen: ${JSON.stringify(s.controls)}`);
        // In the lane right of the marker, its first line level with the marker's: "① Its title".
        assert.ok(peek.x >= marker.x + marker.width, `right of the marker: ${JSON.stringify({ marker, peek })}`);
        assert.ok(Math.abs(peek.y - marker.y) <= 8, `level with the marker: ${JSON.stringify({ marker, peek })}`);
        // Its second line ends in "Open", in the card's links' red (objection 2's verdict is green).
        await page.mouse.move(5, 700);
        const line = decodePng(await page.screenshot({ clip: { x: peek.x, y: peek.y + 20, width: peek.width, height: 26 } }));
        let red = 0;
        for (let i = 0; i < line.width * line.height; i++) {
          const [r, g, b] = [line.pixels[i * 4], line.pixels[i * 4 + 1], line.pixels[i * 4 + 2]];
          if (r > 120 && g < 80 && b < 70) red++;
        }
        assert.ok(red > 15, `"Open" in red on the peek's second line: ${red} pixels`);
        // Pointing at it underlines the passage, as pointing at the marker does.
        const clip = { x: 60, y: marker.y - 10, width: marker.x - 70, height: 90 };
        const rest = await page.screenshot({ clip });
        await page.mouse.move(peek.x + 20, peek.y + 8);
        await page.waitForTimeout(300);
        assert.ok(!rest.equals(await page.screenshot({ clip })), 'pointing at the peek underlines its passage');
        // A click opens the card, which takes the peek's place.
        await page.mouse.click(peek.x + 20, peek.y + 8);
        const open = await waitForState(page, (x) => x.open.includes(id) && !!control(x, 'close', id));
        assert.equal(control(open, 'peek', id), undefined, 'the open card replaces its peek');
        const close = control(open, 'close', id);
        await page.mouse.click(centre(close).x, centre(close).y);
        await waitForState(page, (x) => !x.open.includes(id) && !!control(x, 'peek', id));
        // Objection 13's card, open at the next paragraph, raises objection 12's title to end above it: its marker
        // goes with it, level with the title's first line, not beside its second (four of stop 69's fresh readers).
        const [twelfth, thirteenth] =
          await page.evaluate(() => window.essay.objections().slice(11, 13).map((o) => o.id));
        await page.evaluate((o) => window.essay.goTo(o), thirteenth);
        const raised = await waitForState(page, (x) => x.open.includes(thirteenth) &&
          !!control(x, 'peek', twelfth) && !!control(x, 'marker', twelfth));
        const twelve = control(raised, 'marker', twelfth), title = control(raised, 'peek', twelfth);
        assert.ok(Math.abs(twelve.y - title.y) <= 8,
          `level with its raised title: ${JSON.stringify({ twelve, title })}`);
        await page.evaluate((o) => window.essay.close(o), thirteenth);
        await waitForState(page, (x) => !x.open.includes(thirteenth));
        await page.evaluate(() => window.essay.goTo(window.essay.objections()[1].anchor));
        await waitForRest(page);
        // Where the cards open in the text (narrower windows) no title stands between the paragraphs: the marker and
        // the number in the text say where an objection is.
        await page.setViewportSize({ width: 1000, height: 800 });
        const narrow = await waitForState(page, (x) => x.viewport.width === 1000 && !!control(x, 'mark', id));
        assert.equal(narrow.controls.filter((c) => c.kind === 'peek').length, 0, `no peeks at 1000 px: ${narrow.controls}`);
        assert.ok(control(narrow, 'marker', id), 'its marker is there');
        // With the marks hidden there are none.
        await page.setViewportSize({ width: 1280, height: 800 });
        await waitForState(page, (x) => x.viewport.width === 1280 && !!control(x, 'peek'));
        await chooseObjections(page, 'objections-hidden');
        assert.equal((await state(page)).controls.filter((c) => c.kind === 'peek').length, 0, 'no peeks when hidden');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'on a wide screen a margin title going under the bar fades out with it, leaving none of its lines alone',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url,
        { width: 1280, height: 800, reducedMotion: 'reduce' });
      try {
        await waitForRest(page);
        const id = 'organized-by-socialists';
        await page.evaluate(() => window.essay.goTo(window.essay.objections()[1].anchor));
        let s = await waitForRest(page);
        await page.mouse.move(5, 700);
        const bar = 44; // the reader bar's height (ReaderBarHeight)
        const below = (peek) => ({ x: peek.x, y: bar + 4, width: peek.width, height: peek.y + peek.height - bar - 4 });
        // Scrolled until its title's first line is under the bar and its verdict's line would stand below it.
        const under = (peek) => peek && peek.y <= bar - 24 && peek.y + peek.height >= bar + 12;
        let peek = control(s, 'peek', id);
        for (let i = 0; i < 6 && peek && !under(peek); i++) {
          await page.mouse.wheel(0, peek.y - (bar - 28));
          s = await waitForRest(page);
          peek = control(s, 'peek', id);
        }
        assert.ok(under(peek), `under the bar: ${JSON.stringify(peek)}`);
        const hidden = inkCoverage(decodePng(await page.screenshot({ clip: below(peek) }))).inkShare;
        assert.equal(hidden, 0, `none of its lines stands under the bar (${hidden})`);
        // A little lower, its title's first line just below the bar, it is all there.
        await page.mouse.wheel(0, peek.y - (bar + 2));
        s = await waitForRest(page);
        peek = control(s, 'peek', id);
        assert.ok(peek && peek.y >= bar, `below the bar: ${JSON.stringify(peek)}`);
        const shown = inkCoverage(decodePng(await page.screenshot({ clip: below(peek) }))).inkShare;
        assert.ok(shown > 0.01, `its lines are drawn (${shown})`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'on a phone a closed objection is its number in the text and a row with its title, either opening its card',
    async run({ browser, url }) {
      const viewport = { width: 390, height: 844 };
      const { context, page, errors } = await openEssay(browser, url, { ...viewport, dpr: 2, mobile: true });
      try {
        const id = 'organized-by-socialists';
        await waitForRest(page);
        await page.evaluate(() => window.essay.goTo(window.essay.objections()[1].anchor));
        const s = await waitForRest(page);
        const marker = control(s, 'marker', id);
        assert.ok(marker, `the marker is on screen: ${JSON.stringify(s.controls)}`);
        // The mark in the text (its number and verdict mark) is the marker: no second control for it, a touch target
        // in the column.
        assert.equal(s.controls.filter((c) => c.kind === 'mark').length, 0, 'no second mark');
        assert.ok(marker.width >= 44 && marker.height >= 44, `a touch target: ${JSON.stringify(marker)}`);
        assert.ok(marker.x > 20 && marker.x + marker.width < viewport.width - 20, `in the column: ${JSON.stringify(marker)}`);
        // Objection 2's passage ends its paragraph: its mark follows the last word, right of the line's middle.
        assert.ok(centre(marker).x > viewport.width / 2, `after the passage's last word: ${JSON.stringify(marker)}`);
        // No gutter: the 20 px right of the column hold no ink beside the passage's lines.
        // (Once the scrollbar's thumb, which a phone shows while the page moves, has faded, 1.2 s after the glide.)
        await page.waitForTimeout(1000);
        const strip = decodePng(await page.screenshot({ clip: { x: viewport.width - 20, y: marker.y - 160, width: 20, height: 200 } }));
        assert.equal(inkCoverage(strip).inkShare, 0, 'nothing stands right of the text');
        // Its title stands in a row under the paragraph (the passage ends it), across the column from its left edge,
        // a touch target: with the mark alone, a closed objection had no title on a phone (six fresh readers).
        const row = control(s, 'peek', id);
        assert.ok(row, `its row: ${JSON.stringify(s.controls)}`);
        assert.ok(row.y > centre(marker).y && row.y < marker.y + marker.height + 40,
          `under the passage: ${JSON.stringify({ row, marker })}`);
        assert.ok(row.x >= 19 && row.x <= 21 && row.width > viewport.width * 0.8 && row.height >= 44,
          `a column-wide touch target: ${JSON.stringify(row)}`);
        // A tap on the row opens the card under the paragraph, in the row's place. The first-visit hint, far above
        // under the first marked passage, goes once a card is open, and the page follows it: the passage stays where
        // it was on screen.
        await page.touchscreen.tap(centre(row).x, centre(row).y);
        await waitForState(page, (x) => x.open.includes(id) && !!control(x, 'close', id));
        await page.waitForTimeout(400); // the card's opening animates
        const opened = await waitForRest(page);
        const stayed = control(opened, 'marker', id).y;
        assert.ok(Math.abs(stayed - marker.y) < 2, `the passage stayed: ${marker.y} -> ${stayed}`);
        assert.equal(control(opened, 'peek', id), undefined, 'the card replaces its row');
        const close = control(opened, 'close', id);
        assert.ok(close.y > centre(marker).y && close.y < marker.y + 120,
          `the card's head is under the passage: ${close.y} vs ${marker.y}`);
        // Closed again, its row is back and the page is as long as before; opened again from the mark, the text under
        // it never moves up while the card grows out of the row.
        await page.touchscreen.tap(centre(close).x, centre(close).y);
        await waitForState(page, (x) => !x.open.includes(id) && !!control(x, 'peek', id));
        await page.waitForTimeout(400); // the card's closing animates
        const closed = await state(page);
        assert.ok(Math.abs(control(closed, 'peek', id).y - row.y) < 2, 'its row is back in its place');
        const heights = [];
        await page.touchscreen.tap(centre(marker).x, centre(marker).y);
        for (let i = 0; i < 12; i++) {
          heights.push((await state(page)).contentHeight);
          await page.waitForTimeout(25);
        }
        assert.ok(heights.every((h) => h >= closed.contentHeight - 0.01) && heights.at(-1) > closed.contentHeight,
          `the page never got shorter than ${closed.contentHeight}: ${heights}`);
        await page.evaluate((o) => window.essay.close(o), id);
        await waitForState(page, (x) => !x.open.includes(id) && !!control(x, 'peek', id));
        await page.waitForTimeout(400);
        assert.ok(Math.abs((await state(page)).contentHeight - closed.contentHeight) < 0.01, 'its length is restored');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'beside a marker, a marked passage\'s number follows its last word in the text, as a footnote\'s, and opens its cards',
    async run({ browser, url }) {
      // Objections 8 and 9 share a passage; objection 2's ends its paragraph.
      for (const [viewport, index] of [[{ width: 1280, height: 800 }, 7], [{ width: 800, height: 800 }, 1]]) {
        const { context, page, errors } = await openEssay(browser, url, viewport);
        try {
          await waitForRest(page);
          const objections = await page.evaluate(() => window.essay.objections());
          const o = objections[index], group = objections.filter((x) => x.anchor === o.anchor).map((x) => x.id);
          await bringIntoView(page, 'mark', o.id);
          const s = await waitForRest(page); // the glide settled, so the click lands where the state says
          const mark = control(s, 'mark', o.id), marker = control(s, 'marker', o.id);
          assert.ok(marker, `its marker is on screen too: ${JSON.stringify(s.controls)}`);
          // One number per passage, reported under its first objection; in the column, left of the marker's gutter.
          for (const other of group.slice(1)) assert.equal(control(s, 'mark', other), undefined, other);
          assert.ok(mark.x + mark.width < marker.x + marker.width / 2, `in the text: ${JSON.stringify({ mark, marker })}`);
          // Both passages take two lines at these widths: one number, on the line after the marker's (a line is
          // 32 px).
          assert.ok(mark.y > marker.y + marker.height && mark.y < marker.y + 60,
            `on the passage's second line: ${JSON.stringify({ group, mark, marker })}`);
          await page.mouse.click(centre(mark).x, centre(mark).y);
          await waitForState(page, (x) => group.every((id) => x.open.includes(id)));
          // Hidden marks leave no number in the text.
          await chooseObjections(page, 'objections-hidden');
          assert.equal((await state(page)).controls.filter((c) => c.kind === 'mark').length, 0, 'none when hidden');
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
    },
  },
  {
    name: 'on a wide screen a closed marker beside an open card, its title pushed down the margin, shows only when pointed at',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, `${url}#open=too-many-bonds`,
        { width: 1280, height: 800, reducedMotion: 'reduce' });
      try {
        const next = (await page.evaluate(() => window.essay.objections()))[6].id; // objection 7, the next paragraph's
        const s = await waitForState(page, (x) => x.open.includes('too-many-bonds') && !!control(x, 'marker', next));
        const marker = control(s, 'marker', next), card = control(s, 'close', 'too-many-bonds');
        assert.ok(marker.y > card.y && marker.x < card.x, `beside the card: ${JSON.stringify({ marker, card })}`);
        assert.ok(!control(s, 'peek', next) || control(s, 'peek', next).y > marker.y + 100, 'its title is pushed down');
        const clip = { x: marker.x - 2, y: marker.y - 2, width: marker.width + 4, height: marker.height + 4 };
        const ink = async () => inkCoverage(decodePng(await page.screenshot({ clip }))).inkShare;
        await page.mouse.move(5, 700);
        await page.waitForTimeout(100);
        assert.equal(await ink(), 0, 'no bare number beside the card');
        await page.mouse.move(centre(marker).x, centre(marker).y);
        await page.waitForTimeout(100);
        assert.ok(await ink() > 0.05, 'pointed at, it shows');
        // Still a control: a click opens its card.
        await page.mouse.click(centre(marker).x, centre(marker).y);
        await waitForState(page, (x) => x.open.includes(next));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a phone\'s row gives its verdict in its colour: objection 2 answered in green, objection 3 unanswered in slate',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 390, height: 844, dpr: 2, mobile: true });
      try {
        await waitForRest(page);
        const ids = (await page.evaluate(() => window.essay.objections()).then((o) => o.map((x) => x.id)));
        // The mean colour of the coloured pixels in an objection's row (its grey title, then the verdict's mark and
        // word), left of the row's "Open", which stands in the links' red at its right, away from the pointer.
        const markColour = async (id) => {
          // Once the glide to it has settled: caught mid-way, the clip held the figure's orange frame.
          await bringIntoView(page, 'peek', id);
          const row = control(await waitForRest(page), 'peek', id);
          const clip = { x: row.x, y: row.y, width: row.width - 60, height: row.height };
          const { width, height, pixels } = decodePng(await page.screenshot({ clip }));
          const sum = [0, 0, 0];
          let n = 0;
          for (let i = 0; i < width * height; i++) {
            const [r, g, b] = [pixels[i * 4], pixels[i * 4 + 1], pixels[i * 4 + 2]];
            if (Math.max(r, g, b) - Math.min(r, g, b) < 30) continue; // the paper and the text's grey ink
            sum[0] += r; sum[1] += g; sum[2] += b; n++;
          }
          assert.ok(n > 20, `${id}: its verdict is coloured (${n} pixels)`);
          return sum.map((v) => v / n);
        };
        const [r2, g2, b2] = await markColour(ids[1]);
        assert.ok(g2 > r2 + 20 && g2 > b2, `objection 2's verdict is green: ${[r2, g2, b2]}`);
        const [r3, g3, b3] = await markColour(ids[2]);
        assert.ok(b3 > r3 + 20 && b3 > g3, `objection 3's verdict is slate blue: ${[r3, g3, b3]}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    // Flush with the column, an open paragraph's tint had its text touching its left edge and stopped short of the
    // card's right under it (five of stop 72's fresh readers): on a phone it is a band from edge to edge.
    name: 'on a phone an open objection\'s whole paragraph or quotation is tinted as a band across the screen, gone once it closes',
    async run({ browser, url }) {
      // A paragraph, and a quotation, whose rule stands in the band (stop 73's reader 405 found the two tinted alike
      // but for their shape).
      for (const id of ['what-is-integration', 'only-one-step']) {
        const { context, page, errors } = await openEssay(browser, `${url}#open=${id}`,
          { width: 390, height: 844, mobile: true, reducedMotion: 'reduce' });
        try {
          const strip = async (s) => {
            const marker = control(s, 'marker', id);
            assert.ok(marker && marker.y > 44, `the passage is on screen: ${JSON.stringify(marker)}`);
            const { width, pixels } = decodePng(await page.screenshot(
              { clip: { x: 0, y: Math.round(marker.y + marker.height / 2), width: 390, height: 1 } }));
            const at = (x) => Array.from(pixels.slice(x * 4, x * 4 + 3)).join(',');
            return { left: at(0), right: at(width - 1) };
          };
          const open = await strip(await waitForState(page, (s) => s.open.includes(id) && !!control(s, 'close', id)));
          await page.evaluate((target) => window.essay.close(target), id);
          const closed = await strip(await waitForState(page, (s) => !s.open.includes(id) && !!control(s, 'marker', id)));
          assert.equal(closed.left, closed.right, 'closed, both edges are the paper');
          assert.equal(open.left, open.right, `open, the tint reaches both edges: ${JSON.stringify(open)}`);
          assert.notEqual(open.left, closed.left, `${id} open, the screen's edge is tinted: ${JSON.stringify({ open, closed })}`);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
    },
  },
  {
    name: 'on a phone a deep link to a card shows the card whole, its Copy link and Next inside the window',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, `${url}#open=only-one-step`,
        { width: 390, height: 844, mobile: true, reducedMotion: 'reduce' });
      try {
        const s = await waitForState(page, (s) => s.open.includes('only-one-step') && s.scrollY > 500 &&
          !!control(s, 'close', 'only-one-step'));
        // The card follows its passage in the text; the page sits so that the card's foot ends inside the window
        // (six fresh readers found Copy link and Next below a phone's window), its passage still wholly in view.
        const foot = control(s, 'next', 'only-one-step'), marker = control(s, 'marker', 'only-one-step');
        assert.ok(foot && foot.y + foot.height <= s.viewport.height, `the card ends inside the window: ${JSON.stringify(foot)}`);
        assert.ok(marker && marker.y >= 0, `the passage's marker is in the window: ${JSON.stringify(marker)}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'on a desktop a deep link to a card raised above its passage (to end above the figure) shows its head and foot',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, `${url}#open=dependency-only-in-struggle`,
        { width: 1280, height: 800, reducedMotion: 'reduce' });
      try {
        const s = await waitForState(page, (x) => x.open.includes('dependency-only-in-struggle') && x.scrollY > 500 &&
          !!control(x, 'close', 'dependency-only-in-struggle'));
        // Its × sits on its title's first line: under the bar (44 px), the title was cut by it.
        const close = control(s, 'close', 'dependency-only-in-struggle');
        const foot = control(s, 'next', 'dependency-only-in-struggle');
        assert.ok(close.y >= 44, `the card's head is below the bar: ${JSON.stringify(close)}`);
        assert.ok(foot && foot.y + foot.height <= s.viewport.height, `the card ends inside the window: ${JSON.stringify(foot)}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a deep link restores the open card and the position, and back and forward step through openings',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, `${url}#open=only-one-step`);
      try {
        const s = await waitForState(page, (s) => s.open.includes('only-one-step') && s.scrollY > 500 &&
          !!control(s, 'close', 'only-one-step')); // scrolled to it
        // The whole card is in the window, its passage's marker at the top and its Copy link at the bottom: the page
        // sits higher than a third of the way down when the card beside the passage would otherwise run past the bottom.
        assert.ok(control(s, 'jump', 'only-one-step'), 'the card is on screen');
        const foot = control(s, 'copy', 'only-one-step'), marker = control(s, 'marker', 'only-one-step');
        assert.ok(foot.y + foot.height <= s.viewport.height, `the card ends inside the window: ${JSON.stringify(foot)}`);
        assert.ok(marker && marker.y >= 40, `the passage's marker is below the bar: ${JSON.stringify(marker)}`);
        await page.evaluate(() => window.essay.open('we-are-doing-mutual-aid'));
        await waitForState(page, (s) => s.open.length === 2);
        await page.goBack();
        await waitForState(page, (s) => s.open.length === 1 && s.open[0] === 'only-one-step');
        await page.goForward();
        await waitForState(page, (s) => s.open.length === 2);
        // A malformed hash changes nothing.
        await page.evaluate(() => { window.location.hash = '#open=<script>'; });
        await page.waitForTimeout(300);
        assert.equal((await state(page)).open.length, 2);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'Tab reaches a marker, Enter opens its card, Esc closes it and returns focus to the marker',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, { width: 1400, height: 900 });
      try {
        // The margin note's button and its contents come first on a wide page; Tab on to the first marker.
        // Each Tab once the last one has moved focus: the ring moves through the controls of the frame before.
        let focus = '';
        for (let i = 0; i < 10 && !focus.startsWith('marker:'); i++) {
          await page.waitForTimeout(200); // a reader's pace: ImGui 1.86 can miss a key pressed and released in one frame
          await page.keyboard.press('Tab');
          const was = focus;
          focus = (await waitForState(page, (s) => !!s.focus && s.focus !== was)).focus;
        }
        const first = await waitForState(page, (s) => s.focus.startsWith('marker:'));
        const id = first.focus.slice('marker:'.length);
        await page.keyboard.press('Enter');
        // As a reader does: Tab once the card is on screen (its controls reported: its Close), not in the frame it
        // opens in. (Its title in the margin, the peek, has its id too until the card takes its place.)
        await waitForState(page, (s) => s.open.includes(id) && !!control(s, 'close', id));
        await page.keyboard.press('Tab');
        await waitForState(page, (s) => s.focus !== `marker:${id}` && s.focus.endsWith(`:${id}`));
        await page.keyboard.press('Escape');
        const after = await waitForState(page, (s) => s.open.length === 0 && s.focus === `marker:${id}`);
        assert.equal(after.focus, `marker:${id}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: '"jump to passage" scrolls to the reply, a margin card\'s "the tinted passage at left" to the objection, and the way back returns',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, `${url}#open=only-one-step`, { width: 1400, height: 900 });
      try {
        const s = await waitForState(page, (s) => !!control(s, 'jump', 'only-one-step'));
        const from = s.scrollY;
        const jumps = s.controls.filter((c) => c.kind === 'jump');
        const last = jumps[jumps.length - 1];
        await page.mouse.click(centre(last).x, centre(last).y);
        const there = await waitForState(page, (x) => !!control(x, 'back') && Math.abs(x.scrollY - from) > 1);
        await goBack(page, from);
        assert.ok(there.scrollY !== from);
        // The margin card's pointer to the objection's own words is a jump too, and the card stays open.
        const quote = control(await state(page), 'quote', 'only-one-step');
        assert.ok(quote && quote.x > 700, `a link in the margin card, at x ${quote && quote.x}`);
        await page.mouse.click(centre(quote).x, centre(quote).y);
        const quoted = await waitForState(page, (x) => !!control(x, 'back'));
        assert.ok(quoted.open.includes('only-one-step'), 'the card stays open');
        await goBack(page, from);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'beside a reader\'s comment, each of their sentences that became an objection has that objection\'s title in the margin, in the order of their words, which opens its card at the passage it challenges, and back returns; on a phone, rows under the paragraph in that order',
    async run({ browser, url }) {
      // Where each objection's words stand in their comment, from the page's HTML: { id, block, at }.
      const wordsPlace = (on, ids) => on.evaluate((list) => list.map((id) => {
        const block = document.querySelector(`#${id} .objection-quote figcaption a`).getAttribute('href').slice(1);
        const words = document.querySelector(`#${id} .objection-source`).textContent.trim();
        return { id, block, at: document.getElementById(block).textContent.indexOf(words) };
      }), ids);
      const { context, page, errors } = await openEssay(browser, url, { width: 1280, height: 800 });
      try {
        const readers = (await page.evaluate(() => window.essay.objections())).filter((o) => o.source !== 'essay');
        assert.ok(readers.length >= 2, `readers' objections: ${readers.length}`);
        // The seed's readers' comments are one: the first comment's id is "comment-1".
        await page.evaluate(() => window.essay.goTo('comment-1'));
        let s = await waitForState(page, (x) => x.scrollY > 1000);
        // Down through the comments, as a reader would, until every reader's objection has had its title there.
        const seen = new Map(), numbered = new Set();
        await page.mouse.move(400, 400);
        for (let i = 0; i < 30 && numbered.size < readers.length; i++) {
          const here = s.controls.filter((c) => c.kind === 'from-comment');
          for (const c of here) {
            assert.ok(c.x > 700, `in the margin, right of the comment: ${JSON.stringify(c)}`);
            // Its circled number stands at its left, where the essay's markers do (eight of stop 72's fresh readers
            // found the comments' margin unnumbered).
            if (!numbered.has(c.id) && c.y >= 48 && c.y + 20 <= s.viewport.height) {
              const circle = inkCoverage(decodePng(await page.screenshot(
                { clip: { x: c.x, y: c.y, width: 20, height: 18 } }))).inkShare;
              assert.ok(circle > 0.05, `${c.id}'s number is drawn at its left (ink ${circle})`);
              numbered.add(c.id);
            }
            if (!seen.has(c.id)) seen.set(c.id, { ...c, scrollY: s.scrollY });
          }
          const sorted = [...here].sort((a, b) => a.y - b.y);
          for (let k = 1; k < sorted.length; k++)
            assert.ok(sorted[k].y >= sorted[k - 1].y + sorted[k - 1].height, `apart: ${JSON.stringify(sorted)}`);
          await page.mouse.wheel(0, 400);
          s = await waitForRest(page);
        }
        assert.deepEqual([...seen.keys()].sort(), readers.map((o) => o.id).sort(), 'one title per reader\'s objection');
        assert.equal(numbered.size, readers.length, 'each title\'s number was seen on screen');
        // Down the margin, one paragraph's titles are in the order of their words in it, as the numbers after those
        // words are (three of stop 73's fresh readers found 8, 9, 13 beside the words' 13, 9, 8).
        const placed = await wordsPlace(page, [...seen.keys()]);
        const titles = [...seen.values()].map((c) => ({ ...placed.find((w) => w.id === c.id), top: c.y + c.scrollY }))
          .sort((a, b) => a.top - b.top);
        let pairs = 0;
        for (let k = 1; k < titles.length; k++)
          if (titles[k].block === titles[k - 1].block) {
            assert.ok(titles[k].at > titles[k - 1].at, `titles in the words' order: ${JSON.stringify(titles)}`);
            pairs++;
          }
        assert.ok(pairs > 0, `a paragraph with more than one title: ${JSON.stringify(titles)}`);
        // The first, clicked where it stands: its card opens at the passage it challenges, far up in the essay.
        const first = readers[0].id;
        await page.evaluate(() => window.essay.goTo('comment-1'));
        s = await waitForRest(page);
        for (let i = 0; i < 30 && !control(s, 'from-comment', first); i++) {
          await page.mouse.wheel(0, 300);
          s = await waitForRest(page);
        }
        const link = control(s, 'from-comment', first);
        assert.ok(link, `"${first}" beside its comment`);
        const from = s.scrollY;
        await page.mouse.click(centre(link).x, centre(link).y);
        const there = await waitForState(page, (x) => x.open.includes(first) && !!control(x, 'back') &&
          x.scrollY < from - 1000 && !!control(x, 'close', first), 8000);
        assert.ok(there.scrollY < from);
        await goBack(page, from);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
      const phone = await openEssay(browser, url, { width: 390, height: 844 });
      try {
        // A phone has no margin: they are rows under the comment's paragraphs, across the column, touch targets.
        await phone.page.evaluate(() => window.essay.goTo('comment-1'));
        let s = await waitForState(phone.page, (x) => x.scrollY > 1000);
        await phone.page.mouse.move(200, 400);
        let rows = [];
        for (let i = 0; i < 20 && rows.length === 0; i++) {
          rows = s.controls.filter((c) => c.kind === 'from-comment');
          if (rows.length > 0) break;
          await phone.page.mouse.wheel(0, 400);
          s = await waitForRest(phone.page);
        }
        assert.ok(rows.length > 0, 'a row under the comment\'s paragraph');
        for (const r of rows)
          assert.ok(r.x < 40 && r.x + r.width > 300 && r.height >= 44, `a row across the column: ${JSON.stringify(r)}`);
        // Down the screen, the rows under one paragraph (one run of rows, no text between them) are in the order of
        // their words in it, as the numbers after those words are, whatever their numbers (the page's HTML says where
        // each objection's words are in their comment).
        const where = await wordsPlace(phone.page, rows.map((r) => r.id));
        assert.ok(where.every((w) => w.at >= 0), `each row's words found in its comment: ${JSON.stringify(where)}`);
        const place = (id) => where.find((w) => w.id === id);
        const down = [...rows].sort((a, b) => a.y - b.y);
        let runs = 0;
        for (let k = 1; k < down.length; k++)
          if (down[k].y - (down[k - 1].y + down[k - 1].height) < 24) {
            const [above, below] = [place(down[k - 1].id), place(down[k].id)];
            assert.equal(below.block, above.block, 'one run of rows, one paragraph');
            assert.ok(below.at > above.at, `rows in the words' order: ${JSON.stringify([above, below])}`);
            runs++;
          }
        assert.ok(runs > 0, `a paragraph with more than one row: ${JSON.stringify(down)}`);
        assert.deepEqual(phone.errors, []);
      } finally {
        await phone.context.close();
      }
    },
  },
  {
    // Two of stop 72's fresh readers found nothing in a comment showing which sentence each objection came from.
    name: 'a reader\'s words that became an objection end in its number in their comment, which opens its card at the passage it challenges, on a desktop, a phone, and by keyboard where no title stands beside it',
    async run({ browser, url }) {
      const id = 'just-mobilize-better'; // it challenges a passage in "Circular Logic"
      // Between a phone's width and the lane's no title stands beside the comment: there the number is the keyboard's.
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844, mobile: true },
        { width: 800, height: 900, keyboard: true }]) {
        const { context, page, errors } = await openEssay(browser, url,
          { width: viewport.width, height: viewport.height, mobile: viewport.mobile, reducedMotion: 'reduce' });
        try {
          await page.evaluate(() => window.essay.goTo('comment-1'));
          let s = await waitForState(page, (x) => x.scrollY > 1000);
          await page.mouse.move(5, 400);
          const visible = (c) => c && c.y >= 50 && c.y + c.height <= s.viewport.height;
          for (let i = 0; i < 30 && !visible(control(s, 'comment-mark', id)); i++) {
            await page.mouse.wheel(0, 250);
            s = await waitForRest(page);
          }
          const mark = control(s, 'comment-mark', id);
          assert.ok(visible(mark), `its number is in the comment: ${JSON.stringify(mark)}`);
          // In the comment's words: left of the margin's title on a desktop, above the phone's row under the paragraph.
          const title = control(s, 'from-comment', id);
          if (viewport.mobile) assert.ok(mark.y + mark.height / 2 < title.y, `above its row: ${JSON.stringify({ mark, title })}`);
          else if (!viewport.keyboard) assert.ok(mark.x + mark.width < title.x, `left of its title: ${JSON.stringify({ mark, title })}`);
          else assert.equal(title, undefined, 'no title beside the comment');
          if (viewport.mobile) assert.ok(mark.height >= 44, `a finger's target: ${JSON.stringify(mark)}`);
          const at = centre(mark);
          if (viewport.keyboard) {
            let focus = '';
            // Backwards, from the ring's end: the comments are the essay's last controls.
            for (let i = 0; i < 40 && focus !== `comment-mark:${id}`; i++) {
              await page.waitForTimeout(200); // ImGui 1.86 can miss a key pressed and released in one frame
              await page.keyboard.press('Shift+Tab');
              const was = focus;
              focus = (await waitForState(page, (x) => !!x.focus && x.focus !== was)).focus;
            }
            assert.equal(focus, `comment-mark:${id}`, 'the keyboard reaches the number');
            await page.keyboard.press('Enter');
          } else if (viewport.mobile) await page.touchscreen.tap(at.x, at.y);
          else await page.mouse.click(at.x, at.y);
          // Its card opens at the passage, far above the comment, with the way back.
          await waitForState(page, (x) => x.open.includes(id) && !!control(x, 'back') && x.scrollY < s.scrollY - 500);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
    },
  },
  {
    name: 'the editors\' note sends the reader on to the objection it names: its link opens that card there, and back returns',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, `${url}#open=only-one-step`, { width: 1280, height: 800 });
      try {
        const s = await waitForState(page, (x) => !!control(x, 'see', 'only-one-step'));
        const from = s.scrollY;
        const see = control(s, 'see', 'only-one-step');
        await page.mouse.click(centre(see).x, centre(see).y);
        const there = await waitForState(page, (x) => x.open.includes('organizing-takes-time') && !!control(x, 'back') &&
          x.scrollY > from + 100 && !!control(x, 'close', 'organizing-takes-time'));
        assert.ok(there.open.includes('only-one-step'), 'the first card stays open');
        await goBack(page, from);
        // The HTML essay links the same two.
        const href = await page.locator('#only-one-step .objection-see a').getAttribute('href');
        assert.equal(href, '#organizing-takes-time');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a card\'s Next and Previous move along the objections one card at a time, on a desktop and a phone',
    async run({ browser, url }) {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
        const { context, page, errors } = await openEssay(browser, `${url}#open=only-one-step`, viewport);
        try {
          const ids = (await page.evaluate(() => window.essay.objections())).map((o) => o.id);
          assert.equal(ids[0], 'only-one-step');
          let s = await waitForState(page, (x) => !!control(x, 'close', ids[0]));
          // On a phone the card opens under its passage and its foot may be below the window: scroll it into view.
          const whole = (x, kind, id) => !!control(x, kind, id) &&
            control(x, kind, id).y + control(x, kind, id).height <= viewport.height;
          const footIntoView = async (x, kind, id) => {
            for (let i = 0; i < 10 && !whole(x, kind, id); i++) {
              await page.mouse.move(viewport.width / 2, viewport.height / 2);
              await page.mouse.wheel(0, 200);
              await page.waitForTimeout(300);
              x = await state(page);
            }
            assert.ok(whole(x, kind, id), `${viewport.width}: the card's foot comes into view`);
            return x;
          };
          s = await footIntoView(s, 'next', ids[0]);
          assert.ok(!control(s, 'previous', ids[0]), 'the first card has no Previous');
          const from = s.scrollY;
          const next = control(s, 'next', ids[0]);
          await page.mouse.click(centre(next).x, centre(next).y);
          // The second card opens in view, the first closes, and the page has moved down to it.
          const there = await waitForState(page, (x) => x.open.length === 1 && x.open[0] === ids[1] &&
            !!control(x, 'close', ids[1]) && x.scrollY > from);
          // On a phone the page moves with the card it left as that card closes above: the new card's head stays
          // where it opened, with no jump when the closing card's last frame takes away the gap above it (it jumped
          // 14 px).
          if (viewport.width < 1100) {
            const ys = [];
            for (let i = 0; i < 16; i++) {
              const h = control(await state(page), 'close', ids[1]);
              if (h) ys.push(h.y);
              await page.waitForTimeout(50);
            }
            assert.ok(ys.length > 8 && Math.max(...ys) - Math.min(...ys) <= 3,
              `${viewport.width}: the card's head stays put as the card it left closes: ${ys.join(' ')}`);
          }
          // Its head (the close × at the top right) is on screen; in the margin, where it fits, its foot too (on a
          // phone the card opens under its passage and may run on below the window).
          // Still so once the card it left has closed above it (a phone's page moves with that card's height).
          await page.waitForTimeout(600);
          const settled = await state(page);
          const head = control(settled, 'close', ids[1]);
          assert.ok(head && head.y > 44 && head.y + head.height <= viewport.height, `${viewport.width}: the card's head is on screen: ${JSON.stringify(head)}`);
          if (viewport.width > 1100) assert.ok(whole(settled, 'previous', ids[1]), 'the margin card ends inside the window');
          const previous = control(await footIntoView(settled, 'previous', ids[1]), 'previous', ids[1]);
          await page.mouse.click(centre(previous).x, centre(previous).y);
          await waitForState(page, (x) => x.open.length === 1 && x.open[0] === ids[0] && !!control(x, 'next', ids[0]));
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
    },
  },
  {
    name: 'on a 320 px phone a card taller than the screen closes from its foot, and the text under it stays in place',
    async run({ browser, url }) {
      const viewport = { width: 320, height: 600 };
      const { context, page, errors } = await openEssay(browser, `${url}#open=only-one-step`, viewport);
      try {
        const id = 'only-one-step';
        let s = await waitForState(page, (x) => !!control(x, 'close', id));
        const head = control(s, 'close', id), headScroll = s.scrollY;
        assert.equal(s.controls.filter((c) => c.kind === 'close' && c.id === id).length, 1, 'the × alone is on screen');
        // Every link under a reply ends inside the card's text, whose right edge the × ends at (its target is wider
        // than the glyph, about 8 px either side of it): indented under the reply, a link that fitted the card's
        // full width ran 7 px past it.
        const textEdge = centre(head).x + 6;
        const inside = (x) => x.controls.filter((c) => c.kind === 'jump' && c.x + c.width > textEdge);
        // Read down to the card's foot: its head, the ×, goes above the window.
        for (let i = 0; i < 20 && !(control(s, 'copy', id) && control(s, 'copy', id).y < viewport.height - 80); i++) {
          assert.deepEqual(inside(s), [], `links past the card's text edge at ${textEdge}`);
          await page.mouse.move(viewport.width / 2, viewport.height / 2);
          await page.mouse.wheel(0, 200);
          await page.waitForTimeout(200);
          s = await state(page);
        }
        s = await waitForRest(page);
        const copy = control(s, 'copy', id);
        const foot = s.controls.find((c) => c.kind === 'close' && c.id === id && Math.abs(c.y - copy.y) < 4);
        assert.ok(foot, `the foot has a Close beside Copy link: ${JSON.stringify(s.controls.filter((c) => c.id === id))}`);
        assert.ok(foot.x > copy.x + copy.width, 'after Copy link');
        assert.ok(s.scrollY > head.y + 100, 'the card\'s head is above the window');
        await page.mouse.click(centre(foot).x, centre(foot).y);
        const closed = await waitForState(page, (x) => x.open.length === 0);
        await page.waitForTimeout(800); // the card's close animates
        const after = await waitForRest(page);
        // The page moves up by as much as the text under the card did (the card, head to foot, and the gap above
        // it, less its row, which stands in its place again), so the text the card pushed down stays where the reader
        // was.
        const card = copy.y + copy.height + s.scrollY - (head.y + headScroll);
        assert.ok(card > viewport.height, `the card was taller than the screen: ${card}`);
        const row = control(after, 'peek', id);
        assert.ok(row, `its row is back: ${JSON.stringify(after.controls)}`);
        const shrunk = s.contentHeight - after.contentHeight;
        assert.ok(shrunk > card - row.height && shrunk < card + 60,
          `the text under it moved up by the card, less its row: ${shrunk} vs ${card}, row ${row.height}`);
        assert.ok(Math.abs(s.scrollY - after.scrollY - shrunk) < 2,
          `the page moved up by as much: ${s.scrollY} -> ${after.scrollY}, text ${shrunk}`);
        assert.doesNotMatch(closed.hash, /open=/);
        const marker = control(after, 'marker', id);
        assert.ok(marker && marker.y > 0 && marker.y < viewport.height, 'its marker, given the focus, is on screen');
        assert.equal(after.focus, `marker:${id}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the API rejects unknown ids with a warning and reports openings to listeners',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        const warnings = [];
        page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
        const result = await page.evaluate(() => {
          window.__events = [];
          window.essay.on('objection', (e) => window.__events.push(e));
          return [window.essay.open('no-such-objection'), window.essay.goTo('<bad>'), window.essay.open('shared-values-suffice')];
        });
        assert.deepEqual(result, [false, false, true]);
        await waitForState(page, (s) => s.open.includes('shared-values-suffice'));
        await page.evaluate(() => window.essay.close('shared-values-suffice'));
        await waitForState(page, (s) => s.open.length === 0);
        const events = await page.evaluate(() => window.__events);
        assert.deepEqual(events, [{ id: 'shared-values-suffice', open: true }, { id: 'shared-values-suffice', open: false }]);
        assert.equal(warnings.length, 2);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
];

// Appended: the one rule for closing a card, by the page API and by a marker, and that the switch it changes is kept.
tests.push({
  name: 'under "all open", essay.close and a marker close one card, the switch becomes markers and survives a reload',
  async run({ browser, url }) {
    const { context, page, errors } = await openEssay(browser, url, { width: 1400, height: 900 });
    try {
      await chooseObjections(page, 'objections-all');
      await page.evaluate(() => window.essay.close('only-one-step'));
      const closed = await waitForState(page, (s) => s.objections === 'markers');
      assert.ok(!closed.open.includes('only-one-step'), 'the closed card is not open');
      assert.equal(closed.open.length, (await page.evaluate(() => window.essay.objections().length)) - 1,
        'every other card stays open');
      assert.equal(await page.evaluate(() => document.getElementById('only-one-step').open), false,
        'the HTML disclosure closed too');
      // The canvas draws no card for it any more: its close button is gone from the reported controls once the card
      // has faded out (a loaded CI machine caught a frame of the fade).
      await bringIntoView(page, 'marker', 'only-one-step');
      await waitForState(page, (t) => !!control(t, 'marker', 'only-one-step') && !control(t, 'close', 'only-one-step'),
        3000).catch(() => assert.fail('no close button of a closed card on screen'));
      // A marker under "all open" (the other route to the same rule), then a reload keeps the switch.
      await chooseObjections(page, 'objections-all');
      const again = await bringIntoView(page, 'marker', 'only-one-step');
      await pressControl(page, control(again, 'marker', 'only-one-step'));
      await waitForState(page, (t) => t.objections === 'markers' && !t.open.includes('only-one-step'));
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.essayReady === '1');
      const reloaded = await waitForState(page, (t) => !!t);
      assert.equal(reloaded.objections, 'markers', 'the switch the marker changed was saved');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },
});
