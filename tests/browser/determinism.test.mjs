// The simulation is deterministic across platforms: the native essay-sim and the same CLI built as wasm (run by node)
// reach the same state hashes, for several seeds, both scenarios, with interventions and a preset.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const native = join(root, 'build', 'native', 'bin', 'essay-sim');
const wasm = join(root, 'build', 'web', 'bin', 'essay-sim.js');

const hashes = (output) => output.split('\n').filter((l) => l.startsWith('# state_hash')).sort();

export const tests = [
  {
    name: 'native and wasm runs of the simulation reach the same state hashes',
    async run() {
      const runs = [
        ['--seed', '1', '--months', '24'],
        ['--seed', '7', '--months', '18', '--intervene', 'remove-organizers@12', '--intervene', 'strike@15'],
        ['--seed', '42', '--months', '12', '--preset', 'Fast friendships'],
      ];
      let compared = 0;
      for (const args of runs) {
        const a = hashes(execFileSync(native, args, { encoding: 'utf8' }));
        // Node 18+ would fetch the wasm as a URL; emscripten 3.1.6 expects to read it as a file (toolchain P3).
        const b = hashes(execFileSync(process.execPath, ['--no-experimental-fetch', wasm, ...args], { encoding: 'utf8' }));
        assert.ok(a.length >= 2, `native printed hashes for ${args.join(' ')}`);
        assert.deepEqual(b, a, `wasm == native for ${args.join(' ')}`);
        compared += a.length;
      }
      console.log(`     ${compared} state hashes identical between native and wasm`);
    },
  },
];
