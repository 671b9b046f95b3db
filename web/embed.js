/* Solidarity vs. Sorting: the embed script a publisher pastes, with a placeholder, into a page of their own.
 *
 *   <div data-essay data-mode="essay" data-theme="auto" data-start="conclusion"></div>
 *   <script src="https://YOUR-HOST/essay/embed.js" async></script>
 *
 * It turns every [data-essay] element into a sandboxed iframe of the essay and sizes it from the essay's messages
 * (in the spirit of pym.js). Messages are accepted only from that iframe's window and the essay's origin, and only in
 * the expected shape; anything else is ignored silently. No inline script or style: works under a strict host CSP
 * (script-src and frame-src naming the essay's host). Events on the placeholder: essay:ready, essay:height,
 * essay:objection (detail: the message). README.md, "Embed it", documents the options.
 */
(function () {
  'use strict';
  var PROTOCOL = 'solidarity-vs-sorting/embed@1';
  var TYPES = { ready: 1, height: 1, objection: 1, scroll: 1, failed: 1 };
  var me = document.currentScript;
  var scriptUrl = me && me.src ? me.src : document.baseURI;
  var frames = [];
  var win = window;

  function warn(message) { if (win.console) win.console.warn('essay embed: ' + message); }

  function option(el, name, valid, fallback, help) {
    var value = el.getAttribute('data-' + name);
    if (value === null || value === '') return fallback;
    if (valid(value)) return value;
    warn('ignoring data-' + name + '="' + value + '": ' + help);
    return fallback;
  }

  // The essay mode shows a window onto the essay that scrolls inside: at most the host's viewport, never less than
  // a comfortable reading height. Parts (simulation, one objection) take exactly their content's height.
  function boundedHeight() { return Math.max(320, Math.round(win.innerHeight * 0.85)); }

  function applyHeight(f) {
    if (!f.reported) return;
    var h = f.scrolls ? Math.min(f.reported, boundedHeight()) : f.reported;
    f.iframe.style.height = h + 'px';
  }

  function setUp(el) {
    if (el.getAttribute('data-essay-embedded') === '1') return;
    el.setAttribute('data-essay-embedded', '1');
    var mode = option(el, 'mode', function (v) { return /^(essay|simulation|objection:[A-Za-z0-9_-]+)$/.test(v); },
      'essay', 'use essay, simulation or objection:<id>; showing the whole essay');
    var theme = option(el, 'theme', function (v) { return /^(light|dark|auto)$/.test(v); },
      'auto', 'use light, dark or auto; following the reader\'s system setting');
    var start = option(el, 'start', function (v) { return /^[A-Za-z0-9_-]+$/.test(v); },
      '', 'use the id of a section or paragraph; starting at the top');
    var base;
    try {
      base = new URL(el.getAttribute('data-essay') || 'index.html', scriptUrl);
    } catch (e) {
      warn('ignoring data-essay="' + el.getAttribute('data-essay') + '": not a URL');
      base = new URL('index.html', scriptUrl);
    }
    var src = new URL(base.href);
    src.hash = '';
    src.searchParams.set('embed', '1');
    if (mode !== 'essay') src.searchParams.set('mode', mode);
    if (theme !== 'auto') src.searchParams.set('theme', theme);
    if (start) src.searchParams.set('start', start);

    var iframe = document.createElement('iframe');
    iframe.src = src.href;
    iframe.title = el.getAttribute('data-title') || 'Solidarity vs. Sorting, an interactive essay';
    iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    iframe.setAttribute('scrolling', 'no');
    iframe.referrerPolicy = 'no-referrer';
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.height = (mode === 'essay' ? boundedHeight() : 200) + 'px';
    var f = { el: el, iframe: iframe, origin: src.origin, reported: 0, scrolls: mode === 'essay' };
    frames.push(f);
    el.appendChild(iframe);
  }

  function shapeOk(d) {
    if (!d || typeof d !== 'object' || d.essay !== PROTOCOL || typeof d.type !== 'string' || !TYPES[d.type])
      return false;
    if (d.type === 'height')
      return typeof d.height === 'number' && isFinite(d.height) && d.height > 0 && d.height < 1e6 &&
        typeof d.scrolls === 'boolean';
    if (d.type === 'scroll') return typeof d.dy === 'number' && isFinite(d.dy);
    if (d.type === 'objection') return typeof d.id === 'string' && d.id.length < 200;
    return true;
  }

  function onMessage(event) {
    try {
      var f = null;
      for (var i = 0; i < frames.length; i++) if (frames[i].iframe.contentWindow === event.source) f = frames[i];
      if (!f || event.origin !== f.origin || !shapeOk(event.data)) return;
      var d = event.data;
      if (d.type === 'height') {
        f.reported = Math.ceil(d.height);
        f.scrolls = d.scrolls;
        applyHeight(f);
      } else if (d.type === 'scroll') {
        win.scrollBy(0, Math.max(-400, Math.min(400, d.dy)));
        return;
      }
      var detail = { type: d.type, mode: typeof d.mode === 'string' ? d.mode : '' };
      if (d.type === 'height') detail.height = parseFloat(f.iframe.style.height);
      if (d.type === 'objection') detail.id = d.id;
      if (d.type === 'ready') detail.canvas = d.canvas === true;
      f.el.dispatchEvent(new CustomEvent('essay:' + d.type, { bubbles: true, detail: detail }));
    } catch (e) {
      /* junk or a host quirk: never let a message break the host page */
    }
  }

  function scan() {
    var nodes = document.querySelectorAll('[data-essay]');
    for (var i = 0; i < nodes.length; i++) setUp(nodes[i]);
  }

  // Each copy of this script (a page may paste the snippet twice) handles only the frames it made.
  win.addEventListener('message', onMessage);
  win.addEventListener('resize', function () { for (var i = 0; i < frames.length; i++) applyHeight(frames[i]); });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
