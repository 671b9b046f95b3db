// Runs every *.test.mjs beside this file against dist/ served on 127.0.0.1, in Debian's Chromium.
// Each test module exports `tests`, a list of { name, run({ browser, url }) }. The last line is the summary CI reads:
// "browser: N passed, N failed". Usage: node tests/browser/run.mjs [DIST_DIR] [NAME_FILTER]
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static_server.mjs';
import { launchBrowser } from './chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] || join(here, '..', '..', 'dist'));
const filter = process.argv[3] || '';
const TestTimeoutMs = 120000;

const files = (await readdir(here)).filter((f) => f.endsWith('.test.mjs')).sort();
const tests = [];
for (const file of files)
  for (const t of (await import(join(here, file))).tests) {
    const name = `${file.replace('.test.mjs', '')}: ${t.name}`;
    if (name.includes(filter)) tests.push({ ...t, name });
  }

const { server, url } = await startServer(dist);
const browser = await launchBrowser();
let passed = 0, failed = 0;
for (const t of tests) {
  const started = Date.now();
  let timer;
  try {
    await Promise.race([
      t.run({ browser, url }),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out')), TestTimeoutMs); }),
    ]);
    passed++;
    console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${t.name} (${Date.now() - started} ms)\n     ${String(e && e.stack || e).split('\n').join('\n     ')}`);
  } finally {
    clearTimeout(timer);
  }
}
await browser.close();
server.close();
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
