// Memory over time (issue 9): the simulation at full speed keeps the wasm heap within 10% of its size when play
// started. CI runs MEMORY_SECONDS (default 60) of it; bench/web_memory/run.mjs runs the full 10 minutes.
import assert from 'node:assert/strict';
import { mb, runSimulation } from '../../bench/web_memory/measure.mjs';

const seconds = Number(process.env.MEMORY_SECONDS || 60);

export const tests = [
  {
    name: `the simulation at full speed for ${seconds} s keeps the wasm heap within 10%`,
    timeoutMs: (seconds + 60) * 1000,
    async run({ browser, url }) {
      const r = await runSimulation(browser, url, seconds, { sampleEvery: 10 });
      console.log(`  memory: heap start ${r.startBytes} B (${mb(r.startBytes)}), end ${r.endBytes} B ` +
        `(${mb(r.endBytes)}), growth ${(100 * r.growth).toFixed(2)}% over ${r.seconds.toFixed(0)} s and ${r.weeks} weeks ` +
        `(${r.weeksPerSecond.toFixed(2)} weeks/s); samples ${r.samples.map((p) => p.heapBytes).join(' ')}`);
      assert.ok(r.weeksPerSecond > 4, `the simulation ran at full speed (${r.weeksPerSecond.toFixed(2)} weeks/s)`);
      assert.ok(r.growth < 0.1, `heap growth ${(100 * r.growth).toFixed(2)}% stays under 10%`);
      assert.deepEqual(r.errors, []);
    },
  },
];
