// Assembles the static site in OUT from the web build and web/: every file the page loads gets a content hash in its
// name (cache it forever); index.html, embed.js, oembed.json, embed.html and demo/ keep stable names. Relative URLs
// only, so the site works from any host and any sub-path. Knows file names, not what is in them.
// Usage: node scripts/site.mjs OUT   (ESSAY_PUBLIC_URL=https://…/essay/ makes oembed.json's iframe URL absolute)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { minify } from 'terser';

const out = process.argv[2];
if (!out) throw new Error('usage: node scripts/site.mjs OUT');

const hashed = async (file, transform = async (body) => body) => {
  const body = await transform(readFileSync(file));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const ext = extname(file);
  const name = `${basename(file, ext)}.${hash}${ext}`;
  writeFileSync(join(out, name), body);
  return name;
};

// The wasm first: essay.js asks for "essay.wasm" and boot.js maps that name through Module.locateFile.
const wasm = await hashed('build/web/bin/essay.wasm');
// The scripts the page loads go out minified by terser (a dev dependency), for the byte budget: Emscripten's loader is
// linked without Closure (no Java here), so its local names were unmangled: 21 KB brotli, 17.6 KB after;
// boot.js 5.0 KB, 4.2 after. Top-level names stay as written: `Module`, and what boot.js and the worker share with it, are globals.
const minified = async (body) => {
  const result = await minify(body.toString('utf8'), { compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return Buffer.from(result.code);
};
const app = await hashed('build/web/bin/essay.js', minified);
const boot = await hashed('web/boot.js', minified);
const worker = await hashed('web/sim-worker.js', minified);
const icon = await hashed('web/favicon.svg');

// essay-page fills the content slots; the names of the hashed files go into a staged copy of the shell.
const shell = readFileSync('shell.html', 'utf8');
for (const slot of ['href="favicon.svg"', 'data-wasm="essay.wasm"', 'data-worker="sim-worker.js"'])
  if (!shell.includes(slot)) throw new Error(`shell.html lost ${slot}`);
const staged = join(out, '.shell.html');
// The shell's comments (HTML, and CSS in its <style>) and the style's indentation stay in the source, not on the wire.
const bare = shell.replace(/<!--[\s\S]*?-->\n?/g, '').replace(/<style>([\s\S]*?)<\/style>/, (all, css) => '<style>\n' +
  css.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map((line) => line.trim()).filter((line) => line).join('\n') + '\n</style>');
writeFileSync(staged, bare.replace('href="favicon.svg"', `href="${icon}"`)
  .replace('data-wasm="essay.wasm"', `data-wasm="${wasm}"`).replace('data-worker="sim-worker.js"', `data-worker="${worker}"`));
execFileSync('build/native/bin/essay-page', ['--content', 'assets/content', '--shell', staged, '--boot', boot,
  '--app', app, '--out', join(out, 'index.html')], { stdio: 'inherit' });
execFileSync('rm', ['-f', staged]);

// The publisher's side: the embed script, the plain-iframe fallback, oEmbed and the demo host page.
copyFileSync('web/embed.js', join(out, 'embed.js'));
copyFileSync('web/embed.html', join(out, 'embed.html'));
mkdirSync(join(out, 'demo'));
for (const f of ['post.html', 'post.css', 'favicon.svg']) copyFileSync(join('web/demo', f), join(out, 'demo', f));

const title = /<title>([^<]*)<\/title>/.exec(readFileSync(join(out, 'index.html'), 'utf8'))[1];
const base = process.env.ESSAY_PUBLIC_URL || '';
if (base && !/^https?:\/\/[^"<>\s]+\/$/.test(base)) throw new Error('ESSAY_PUBLIC_URL must be http(s) and end in /');
const oembed = JSON.parse(readFileSync('web/oembed.json', 'utf8'));
oembed.title = title.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
oembed.html = oembed.html.replaceAll('{{BASE}}', base);
writeFileSync(join(out, 'oembed.json'), JSON.stringify(oembed, null, 2) + '\n');
console.log(`site: ${[wasm, app, boot, worker, icon].join(' ')}`);
