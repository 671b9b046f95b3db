// The size and load budget (issue 7): everything the essay page downloads is at most BUDGET.brotliBytes brotli, the first essay
// text and the canvas show within BUDGET's times, medians of 7 fresh loads in headless Chromium (SwiftShader)
// on 127.0.0.1. bench/web_budget/run.mjs prints the same figures with the detail behind them.
import assert from 'node:assert/strict';
import { BUDGET, loadFigures } from '../../bench/web_budget/measure.mjs';

export const tests = [
  {
    name: 'the essay page stays within its brotli budget (bench/web_budget/measure.mjs), first text and canvas within its time budget (medians of 7 fresh loads)',
    async run({ browser, url }) {
      const f = await loadFigures(browser, url, BUDGET.loads);
      const urls = f.files.map((x) => new URL(x.url));
      for (const u of urls) assert.equal(u.origin, new URL(url).origin, `every request goes to the test server: ${u}`);
      for (const x of f.files) assert.equal(x.status, 200, `${x.url} loaded`);
      for (const kind of [/\/$|index\.html$/, /boot\.[0-9a-f]{10}\.js$/, /essay\.[0-9a-f]{10}\.js$/, /essay\.[0-9a-f]{10}\.wasm$/])
        assert.ok(urls.some((u) => kind.test(u.pathname)), `the page downloaded ${kind}`);
      const figures = `${f.brotliTotal} B brotli; text ${Math.round(f.textMs)} ms; canvas ${Math.round(f.canvasMs)} ms`;
      console.log(`     ${figures}`);
      assert.ok(f.brotliTotal <= BUDGET.brotliBytes, `over the byte budget: ${figures}`);
      assert.ok(f.textMs <= BUDGET.textMs, `first essay text too late: ${figures}`);
      assert.ok(f.canvasMs <= BUDGET.canvasMs, `canvas ready too late: ${figures}`);
    },
  },
];
