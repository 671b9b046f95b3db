// Prints Lighthouse's scores for dist/ and for the plain HTML page of the same essay (dist/index.html without its
// script), side by side, on one server and one Debian Chromium: mobile preset, medians of RUNS runs. A benchmark,
// not a test: Lighthouse's simulated throttling still moves with the machine's load, so compare the two rows.
// Usage (after ./scripts/build): node bench/lighthouse/run.mjs [DIST_DIR] [RUNS]
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static_server.mjs';
import { quantile } from '../stats.mjs';
import { CHROMIUM } from '../../tests/browser/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = resolve(process.argv[2] || join(root, 'dist'));
const runs = Number(process.argv[3] || 3);
const Port = 9333;

const essay = await startServer(dist);
const plainDir = await mkdtemp(join(tmpdir(), 'essay-plain-'));
const html = await readFile(join(dist, 'index.html'), 'utf8');
await writeFile(join(plainDir, 'index.html'), html.replace(/<script[^>]*><\/script>/g, ''));
for (const f of await readdir(dist)) if (f.startsWith('favicon')) await copyFile(join(dist, f), join(plainDir, f));
const plain = await startServer(plainDir);
// Lighthouse drives its own tab over the DevTools protocol of this browser (never a downloaded one).
const browser = await chromium.launch({
  executablePath: CHROMIUM, headless: true,
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', `--remote-debugging-port=${Port}`],
});

const Categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const Audits = [['first-contentful-paint', 'FCP'], ['total-blocking-time', 'TBT'], ['interactive', 'TTI'],
  ['largest-contentful-paint', 'LCP']];
async function audit(pageUrl) {
  const result = await lighthouse(pageUrl, { port: Port, output: 'json', logLevel: 'error', onlyCategories: Categories });
  const lhr = result.lhr;
  const row = {};
  for (const c of Categories) row[c] = Math.round(lhr.categories[c].score * 100);
  for (const [id, name] of Audits) row[name] = lhr.audits[id].numericValue;
  const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
  row.failing = failing.map((a) => a.id);
  const tasks = lhr.audits['long-tasks'] && lhr.audits['long-tasks'].details ? lhr.audits['long-tasks'].details.items : [];
  row.longTasks = tasks.slice(0, 4).map((t) => `${Math.round(t.duration)} ms ${String(t.url || '').split('/').pop()}`);
  return row;
}

try {
  const rows = { plain: [], essay: [] };
  for (let i = 0; i < runs; i++) {
    rows.plain.push(await audit(plain.url));
    rows.essay.push(await audit(essay.url));
  }
  console.log(`Lighthouse ${runs} runs each, mobile preset, medians:`);
  console.log(`${'page'.padEnd(24)} perf  a11y  best   seo      FCP      LCP      TBT      TTI`);
  for (const [name, list] of [['the essay as plain HTML', rows.plain], ['this essay, dist/', rows.essay]]) {
    const m = (key) => quantile(list.map((r) => r[key]), 0.5);
    console.log(`${name.padEnd(24)} ${String(m('performance')).padStart(4)}  ${String(m('accessibility')).padStart(4)}  ` +
      `${String(m('best-practices')).padStart(4)}  ${String(m('seo')).padStart(4)}  ` +
      ['FCP', 'LCP', 'TBT', 'TTI'].map((k) => `${m(k).toFixed(0).padStart(5)} ms`).join('  '));
    const last = list[list.length - 1];
    if (last.failing.length) console.log(`  failing audits (last run): ${last.failing.join(', ')}`);
    if (last.longTasks.length) console.log(`  longest main-thread tasks (last run): ${last.longTasks.join('; ')}`);
  }
} finally {
  await browser.close();
  essay.server.close();
  plain.server.close();
  await rm(plainDir, { recursive: true, force: true });
}
