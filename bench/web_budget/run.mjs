// Prints the web budget's figures: bytes per dist/ file (raw, gzip -9, brotli -q 11), the brotli total of everything
// the essay page downloads, the medians of 7 fresh loads in headless Chromium (SwiftShader) on 127.0.0.1 for the first
// essay text and the canvas ready, and where the wasm's bytes go.
// Usage (after ./scripts/build): node bench/web_budget/run.mjs [DIST_DIR] [LOADS]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static_server.mjs';
import { launchBrowser } from '../../tests/browser/chromium.mjs';
import { BUDGET, distSizes, loadFigures, wasmBreakdown } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = resolve(process.argv[2] || join(root, 'dist'));
const loads = Number(process.argv[3] || BUDGET.loads);
const pad = (v, n) => String(v).padStart(n);
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;

console.log(`dist/ files (bytes)\n${'file'.padEnd(32)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
let raw = 0, gz = 0, br = 0;
for (const f of distSizes(dist)) {
  console.log(`${f.file.padEnd(32)}${pad(f.raw, 10)}${pad(f.gzip, 10)}${pad(f.brotli, 10)}`);
  raw += f.raw; gz += f.gzip; br += f.brotli;
}
console.log(`${'all of dist/'.padEnd(32)}${pad(raw, 10)}${pad(gz, 10)}${pad(br, 10)}`);

const { server, url } = await startServer(dist);
const browser = await launchBrowser();
try {
  const figures = await loadFigures(browser, url, loads);
  console.log(`\nwhat the essay page downloads (first of ${loads} fresh loads)`);
  for (const f of figures.files)
    console.log(`${new URL(f.url).pathname.padEnd(32)}${pad(f.raw, 10)}${pad(f.brotli, 10)} brotli  (${f.status})`);
  console.log(`total brotli: ${figures.brotliTotal} B = ${kb(figures.brotliTotal)} (budget ${kb(BUDGET.brotliBytes)})`);
  const list = (k) => figures.runs.map((r) => Math.round(r[k])).join(' ');
  console.log(`first essay text visible: median ${Math.round(figures.textMs)} ms (budget ${BUDGET.textMs}); runs: ${list('textMs')}`);
  console.log(`canvas ready:             median ${Math.round(figures.canvasMs)} ms (budget ${BUDGET.canvasMs}); runs: ${list('canvasMs')}`);
} finally {
  await browser.close();
  server.close();
}

const wasm = wasmBreakdown(join(root, 'build/web/bin/essay.wasm'), join(root, 'build/web/bin/essay.js.symbols'), root);
console.log(`\nwhere the wasm's ${wasm.total} bytes go (build/web/bin/essay.wasm)`);
for (const s of wasm.sections) if (s.size > 1000) console.log(`  section ${s.name.padEnd(10)}${pad(s.size, 9)}`);
console.log('  code by library (function bodies; names from essay.js.symbols, libraries from llvm-nm)');
for (const [label, size] of wasm.byLib) console.log(`    ${label.padEnd(24)}${pad(size, 9)}`);
console.log('  largest functions');
for (const f of wasm.biggest) console.log(`    ${pad(f.size, 7)}  ${f.label.padEnd(14)} ${f.name.slice(0, 90)}`);
