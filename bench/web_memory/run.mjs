// Prints the wasm heap over a long run of the simulation at full speed (issue 9: growth under 10% in 10 minutes):
// a sample every 30 s, then start, end and growth. Usage (after ./scripts/build):
//   node bench/web_memory/run.mjs [DIST_DIR] [SECONDS=600]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static_server.mjs';
import { launchBrowser } from '../../tests/browser/chromium.mjs';
import { mb, runSimulation } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = resolve(process.argv[2] || join(root, 'dist'));
const seconds = Number(process.argv[3] || 600);

const { server, url } = await startServer(dist);
const browser = await launchBrowser();
let status = 0;
try {
  console.log(`simulation at full speed for ${seconds} s; wasm heap (Module.HEAP8.length)`);
  console.log(`${'time'.padStart(8)}${'week'.padStart(8)}${'heap bytes'.padStart(14)}`);
  const r = await runSimulation(browser, url, seconds, {
    sampleEvery: 30,
    onSample: (p) => console.log(`${p.t.toFixed(0).padStart(7)}s${String(p.week).padStart(8)}${String(p.heapBytes).padStart(14)}`),
  });
  console.log(`heap start ${r.startBytes} B (${mb(r.startBytes)}), end ${r.endBytes} B (${mb(r.endBytes)}), ` +
    `growth ${(100 * r.growth).toFixed(2)}% (limit 10%)`);
  console.log(`${r.weeks} weeks in ${r.seconds.toFixed(0)} s (${r.weeksPerSecond.toFixed(2)} weeks/s); console errors: ${r.errors.length}`);
  if (r.growth >= 0.1 || r.errors.length) status = 1;
} finally {
  await browser.close();
  server.close();
}
process.exit(status);
