// The essay as a page: the HTML export carries every word before (and without) the wasm, and the canvas takes over
// from where the reader is in it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEssay, state } from './chromium.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The seed lives beside the repository (../shared/seed) on the team's machines and in CI; the content in assets/ is
// checked against it natively too.
const seedDir = join(repo, '..', 'shared', 'seed');

function seedLines() {
  if (!existsSync(seedDir)) return null;
  const file = readFileSync(join(seedDir, '000_3aa5f103cc4677e9.txt'), 'utf8');
  return file.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
}

export const tests = [
  {
    name: 'with JavaScript off the page holds every line of the essay and the comments, in order',
    async run({ browser, url }) {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(url);
        const text = (await page.locator('#essay-html').innerText()).replace(/\s+/g, ' ');
        assert.equal(await page.locator('#essay-html h1').count(), 1);
        assert.ok(await page.locator('#essay-html blockquote').count() >= 1, 'the critics’ paragraph is a quotation');
        assert.ok(await page.locator('#essay-html details, #essay-html [aria-expanded]').count() >= 10,
          'ten or more objections as disclosures');
        const lines = seedLines();
        if (lines === null) {
          console.log('     (seed not found beside the repository: checked structure only)');
          return;
        }
        let at = 0;
        for (const line of lines) {
          const found = text.indexOf(line.replace(/\s+/g, ' '), at);
          assert.ok(found >= 0, `missing or out of order: “${line.slice(0, 60)}…”`);
          at = found + 1;
        }
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the canvas takes over at the passage the reader scrolled to in the HTML',
    async run({ browser, url }) {
      const { context, page, errors } = await openEssay(browser, url, {
        initScript: () => {
          document.addEventListener('DOMContentLoaded', () => document.getElementById('conclusion').scrollIntoView());
        },
      });
      try {
        const s = await state(page);
        assert.ok(s.scrollY > s.contentHeight * 0.5, `started near Conclusion, not at the top (scrollY ${s.scrollY})`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  },
];
