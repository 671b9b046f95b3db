// Launches Debian's Chromium through playwright-core and opens the essay in a fresh context; knows no test.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Software WebGL (SwiftShader) in headless mode and no network chatter (toolchain pitfall P6). Playwright gives each
// launch a fresh temporary profile.
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
}

// Opens `url` in a new context and waits for the app's ready signal. Every console error and uncaught exception is
// collected in `errors`, so a test can assert there were none.
export async function openEssay(browser, url, {
  width = 1280, height = 800, dpr = 1, colorScheme = 'light', reducedMotion = 'no-preference', mobile = false,
  initScript = null, waitReady = true, route = null,
} = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: dpr, colorScheme, reducedMotion, isMobile: mobile, hasTouch: mobile,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  if (initScript) await page.addInitScript(initScript);
  if (route) await context.route(route.url, route.handler);
  const started = Date.now();
  await page.goto(url);
  if (waitReady)
    await page.waitForFunction(() => document.documentElement.dataset.essayReady === '1', null, { timeout: 30000 });
  return { context, page, errors, readyMs: Date.now() - started };
}

export const state = (page) => page.evaluate(() => window.essay.state());

// Polls the essay's state until `predicate` (a function of the state, run here in node) holds; returns that state.
// Polling from node rather than in the page: the page's CSP forbids evaluating strings there.
export async function waitForState(page, predicate, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    last = await state(page);
    if (last && predicate(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`state never matched ${predicate}; last: ${JSON.stringify(last)}`);
}

// The state once scrolling has come to rest: the same scrollY on every poll for 400 ms. Two equal polls are not
// enough: under load one slow frame of a glide can span two polls (CI saw 2398.54 settle to 2400 after such a pause).
export async function waitForRest(page, timeout = 5000) {
  let previous = null;
  let stillSince = 0;
  return waitForState(page, (s) => {
    const now = Date.now();
    if (previous === null || previous !== s.scrollY) stillSince = now;
    previous = s.scrollY;
    return now - stillSince >= 400;
  }, timeout);
}

// At the essay's end: state() prints its figures to two decimals, so each may be 0.005 off and their difference 0.01.
export const atEnd = (s) => Math.abs(s.scrollY - (s.contentHeight - s.viewport.height)) < 0.015;

// The control of this kind (and id) among those the app reports on screen in state().controls, or undefined.
export const control = (s, kind, id) => s.controls.find((c) => c.kind === kind && (id === undefined || c.id === id));

// Two of the page's animation frames: the app asks for its next frame when an input event comes, so by the second
// it has drawn one with the event.
const twoFrames = (page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// Points, then presses and releases as a person does: ImGui 1.86's popup items miss a press and release delivered
// within one frame, which no hand makes but a script can. The pauses are counted in the app's frames as well as in
// time: under a clean clone's load a frame can take longer than 80 ms, and a press and release then fell into one
// (the key's Close was missed so, and the key stayed open).
export async function pressControl(page, c) {
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  await page.waitForTimeout(150);
  await twoFrames(page);
  await page.mouse.down();
  await page.waitForTimeout(80);
  await twoFrames(page);
  await page.mouse.up();
}

// Opens the figure's controls, charts and drawer as a reader does, pressing "Explore the model" where the state `s`
// reports it on screen. Returns the state once they are open.
export async function openSimControls(page, s) {
  const [x, y, width, height] = s.sim.controls.explore;
  await pressControl(page, { x, y, width, height });
  return waitForState(page, (t) => t.sim.controlsOpen);
}

// Chooses how the objections show ('objections-hidden', 'objections-markers' or 'objections-all') as a reader does:
// the switch is in the Settings menu, which the choice closes. Returns the state once the page follows.
export async function chooseObjections(page, kind) {
  const mode = { 'objections-hidden': 'hidden', 'objections-markers': 'markers', 'objections-all': 'all' }[kind];
  await pressControl(page, control(await state(page), 'settings'));
  const menu = await waitForState(page, (s) => !!control(s, kind));
  await pressControl(page, control(menu, kind));
  return waitForState(page, (s) => s.objections === mode && !control(s, kind));
}
