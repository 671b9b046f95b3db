// The loop both reviewers' screenshot scripts share: their arguments, a local server and a browser, and one fresh page
// per device, theme and state, shot at dpr 2; knows nothing of what a state shows (the scripts' `prepare` does).
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './static_server.mjs';
import { launchBrowser, openEssay } from '../tests/browser/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Reads [DIST_DIR] [OUT_DIR] [NAME_FILTER] from the command line (OUT_DIR defaults to build/<outName>), then for each
// device [width, height], theme and state whose "device-theme-state" name the filter matches, opens the page at
// `hash(state)`, awaits `prepare(page, state, { width, height })` and writes the shot to OUT_DIR.
export async function takeShots({ outName, devices, states, hash = () => '', prepare }) {
  const dist = resolve(process.argv[2] || join(root, 'dist'));
  const out = resolve(process.argv[3] || join(root, 'build', outName));
  const only = new RegExp(process.argv[4] || '.');
  await mkdir(out, { recursive: true });
  const server = await startServer(dist);
  const browser = await launchBrowser();
  try {
    for (const [device, [width, height]] of Object.entries(devices))
      for (const theme of ['light', 'dark'])
        for (const [name, spec] of Object.entries(states)) {
          const shot = `${device}-${theme}-${name}`;
          if (!only.test(shot)) continue;
          const { context, page, errors } = await openEssay(browser, server.url + hash(spec),
            { width, height, dpr: 2, colorScheme: theme, mobile: device !== 'desktop' });
          try {
            await prepare(page, spec, { width, height });
            const file = join(out, `${shot}.png`);
            await page.screenshot({ path: file });
            console.log(file, errors.length ? `errors: ${errors.join('; ')}` : '');
          } catch (error) {
            console.log(`${shot}: not taken: ${error.message.slice(0, 300)}`);
          } finally {
            await context.close();
          }
        }
  } finally {
    await browser.close();
    server.server.close();
  }
}
