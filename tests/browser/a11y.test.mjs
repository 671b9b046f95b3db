// The HTML essay under the canvas for screen readers, the keyboard and print (issue 8): Chromium's accessibility
// tree, the objection disclosures synced both ways with the app, a keyboard-only walk, axe-core, print media.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openEssay, state, waitForState } from './chromium.mjs';

const require = createRequire(import.meta.url);

// Every element matching `selector` in the page, as CDP backend node ids.
async function backendIds(cdp, selector) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const ids = [];
  for (const nodeId of nodeIds) ids.push((await cdp.send('DOM.describeNode', { nodeId })).node.backendNodeId);
  return ids;
}

const objectionIds = (page) => page.evaluate(() =>
  [...document.querySelectorAll('#essay-html details.objection')].map((d) => d.id));

export const tests = [
  {
    name: 'the accessibility tree holds every heading, paragraph and objection disclosure with its state',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('Accessibility.enable');
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        const byBackend = new Map(nodes.filter((n) => n.backendDOMNodeId).map((n) => [n.backendDOMNodeId, n]));
        const check = async (selector, roles) => {
          const ids = await backendIds(cdp, selector);
          assert.ok(ids.length > 0, `the page has ${selector}`);
          for (const id of ids) {
            const n = byBackend.get(id);
            assert.ok(n && !n.ignored, `${selector} #${id} is in the accessibility tree (${JSON.stringify(n)})`);
            assert.ok(roles.includes(n.role.value), `${selector}: role ${n.role.value}`);
          }
          return ids.length;
        };
        const headings = await check('#essay-html h1, #essay-html h2, #essay-html h3, #essay-html h4', ['heading']);
        const paragraphs = await check('#essay-html article p[id]', ['paragraph']);
        const landmarks = await check('#essay-html main', ['main']);
        const ids = await backendIds(cdp, '#essay-html details.objection > summary');
        const count = (await objectionIds(page)).length;
        assert.equal(ids.length, count);
        for (const id of ids) {
          const n = byBackend.get(id);
          assert.ok(n && !n.ignored, 'an objection summary is in the tree');
          assert.ok(['DisclosureTriangle', 'button'].includes(n.role.value), `objection role ${n.role.value}`);
          assert.ok(n.name.value.length > 0, 'the disclosure has a name');
          const expanded = (n.properties || []).find((p) => p.name === 'expanded');
          assert.ok(expanded && expanded.value.value === false, `closed at first: ${JSON.stringify(n.properties)}`);
        }
        console.log(`     ${headings} headings, ${paragraphs} paragraphs, ${landmarks} main, ${count} objections`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'an objection opened in the DOM opens in the canvas, and opened in the canvas opens in the DOM',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        const [first, second] = await objectionIds(page);
        await page.focus(`#${first} > summary`);
        await page.keyboard.press('Enter');
        await waitForState(page, (s) => s.open.includes(first), 5000);
        assert.equal(await page.getAttribute(`#${first} > summary`, 'aria-expanded'), 'true');
        await page.evaluate((id) => window.essay.close(id), first);
        await page.waitForFunction((id) => !document.getElementById(id).open, first, { polling: 50 }).catch(() => {});
        await waitForState(page, (s) => !s.open.includes(first));
        assert.equal(await page.evaluate((id) => document.getElementById(id).open, first), false);
        await page.evaluate((id) => window.essay.open(id), second);
        await waitForState(page, (s) => s.open.includes(second));
        await page.waitForTimeout(100);
        assert.equal(await page.evaluate((id) => document.getElementById(id).open, second), true);
        assert.equal(await page.getAttribute(`#${second} > summary`, 'aria-expanded'), 'true');
        // Closing it again from the DOM.
        await page.focus(`#${second} > summary`);
        await page.keyboard.press('Space');
        await waitForState(page, (s) => !s.open.includes(second));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a keyboard-only walk reaches every objection and simulation control; focus scrolls the canvas',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        const objections = await objectionIds(page);
        const simControls = await page.evaluate(() => document.querySelectorAll('#simulation button, #simulation input').length);
        assert.ok(simControls >= 10, `the figure has its HTML controls (${simControls})`);
        await page.evaluate(() => document.activeElement && document.activeElement.blur());
        const seen = new Set();
        let sim = 0;
        for (let i = 0; i < 400; i++) {
          await page.keyboard.press('Tab');
          const at = await page.evaluate((i) => {
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const d = e.closest('details.objection');
            return { key: e.tagName === 'SUMMARY' && d ? `objection:${d.id}` :
              e.closest('#simulation') ? `sim:${e.textContent || e.type}:${[...e.parentNode.children].indexOf(e)}:${e.closest('label') ? e.closest('label').textContent : ''}` : `${e.tagName}:${e.id || e.textContent.slice(0, 40)}:${i}` };
          }, i);
          if (!at) { if (seen.size) break; continue; }
          if (at.key.startsWith('sim:') && !seen.has(at.key)) sim++;
          seen.add(at.key);
        }
        for (const id of objections) assert.ok(seen.has(`objection:${id}`), `Tab reaches objection ${id}`);
        assert.equal(sim, simControls, 'Tab reaches every simulation control');
        // Focus on a control of the figure brings the figure into the canvas's view.
        await page.focus('#simulation button');
        const s = await waitForState(page, (t) => t.sim && t.sim.figureY >= 0 &&
          Math.abs(t.scrollY - t.sim.figureY) < t.viewport.height, 8000);
        assert.ok(s.scrollY > s.viewport.height, 'the canvas scrolled down to the figure');
        assert.equal(await page.evaluate(() => window.Module.essayDomFocus), 'simulation');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the HTML simulation buttons drive the figure and the live region says what happened',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        const plus3 = page.locator('#simulation button', { hasText: '+3 months' });
        await plus3.focus();
        // Focus brings the canvas to the figure, which opens on month 30 (week 120) as for any reader.
        await waitForState(page, (t) => t.sim && t.sim.week === 120 && t.sim.figureY >= 0, 10000);
        await page.keyboard.press('Enter');
        await waitForState(page, (t) => t.sim && t.sim.week === 132, 10000);
        await page.waitForFunction(() => /Month 33/.test(document.querySelector('#simulation [role=status]').textContent),
          null, { timeout: 5000, polling: 100 }).catch(() => {});
        const said = await page.textContent('#simulation [role=status]');
        assert.match(said, /Month 33, paused\. Turnout at the last call: Mobilized/);
        assert.equal(await page.getAttribute('#simulation [role=status]', 'aria-live'), 'polite');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "the browser's find scrolling the HTML essay to a match brings the canvas to that passage",
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        await page.waitForTimeout(1000);
        const before = await state(page);
        // What the find bar does on a match: scroll the (overflow-hidden) document so the match is mid-screen.
        const id = await page.evaluate(() => {
          const p = document.getElementById('conclusion-heading') || document.querySelector('#conclusion p[id]');
          p.scrollIntoView({ block: 'center' });
          return p.id;
        });
        const after = await waitForState(page, (s) => s.scrollY > before.scrollY + 2000 && s.hash.includes('conclusion'), 5000);
        assert.ok(after.hash.length > 0, `the canvas went to ${id}: ${after.hash}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'under prefers-reduced-motion the simulation does not play by itself',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, `${url}#simulation`, { reducedMotion: 'reduce' });
      try {
        const opened = await waitForState(page, (t) => t.sim && t.sim.figureY >= 0, 10000);
        await page.waitForTimeout(1500);
        const s = await state(page);
        assert.equal(s.sim.playing, false);
        assert.equal(s.sim.week, opened.sim.week, 'no weeks passed on their own');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'axe-core finds no serious or critical violations',
    async run({ browser, url }) {
      const { context, page } = await openEssay(browser, url);
      try {
        // The page's CSP forbids inline script, so addScriptTag({content}) is refused; DevTools' evaluate is not
        // subject to the page's CSP, so the library is evaluated through it.
        await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] })
          .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
            first: v.nodes[0] && v.nodes[0].target.join(' ') }))));
        const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        console.log(`     axe: ${result.length} violations, ${bad.length} serious or critical ${JSON.stringify(result)}`);
        assert.deepEqual(bad, []);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'print media shows the essay, then the objections as numbered endnotes, then the comments',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url);
      try {
        await page.emulateMedia({ media: 'print' });
        const r = await page.evaluate(() => {
          const top = (sel) => document.querySelector(sel).getBoundingClientRect().top;
          const notes = [...document.querySelectorAll('#essay-html details.objection')];
          return {
            canvas: getComputedStyle(document.getElementById('canvas')).display,
            article: top('#essay-html article.essay-text'), objections: top('#objections'),
            comments: top('#readers-comments'),
            bodiesShown: notes.every((d) => d.querySelector('.objection-replies, .objection-quote').getBoundingClientRect().height > 0),
            numbered: getComputedStyle(notes[0].querySelector('summary'), '::before').content,
            marker: document.querySelector('.objection-markers a[data-note]') !== null,
          };
        });
        assert.equal(r.canvas, 'none', 'the canvas is not printed');
        assert.ok(r.article < r.objections && r.objections < r.comments, JSON.stringify(r));
        assert.ok(r.bodiesShown, 'every objection prints open, with its quote and replies');
        assert.match(r.numbered, /counter/, 'the objections are numbered');
        assert.ok(r.marker, 'the markers in the text carry their endnote numbers');
        assert.deepEqual(await state(page).then((s) => s.open), [], 'printing opened nothing in the app');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
];
