// Starts the wasm essay in the page: reads the embed options, checks WebGL 2, defines Module and window.essay, then
// loads the app's script. Inside an iframe it talks to the host page (web/embed.js) by postMessage: ready, height,
// objection opened, and scroll handed back at the essay's ends. Knows the page's element ids and the app's JS hooks
// (web_interop_emscripten.cpp), nothing of its internals.
(function () {
  'use strict';
  var root = document.documentElement;
  var status = document.getElementById('status');
  var canvas = document.getElementById('canvas');
  var me = document.currentScript;
  var appScript = me.getAttribute('data-app') || 'essay.js';
  var wasmFile = me.getAttribute('data-wasm') || 'essay.wasm';
  var PROTOCOL = 'solidarity-vs-sorting/embed@1';
  var embedded = window.self !== window.top;

  // ---- Options (query string): mode, theme, start. A bad value warns and falls back; it never stops the page. ----
  var params = new URLSearchParams(window.location.search);
  function warn(message) { console.warn('essay: ' + message); }
  function objectionById(id) {
    var node = document.getElementById(id);
    return node && node.matches('#essay-html details.objection') ? node : null;
  }
  var mode = params.get('mode') || 'essay';
  if (!(mode === 'essay' || mode === 'simulation' || (/^objection:[A-Za-z0-9_-]+$/.test(mode) && objectionById(mode.slice(10))))) {
    warn('unknown mode "' + mode + '"; use essay, simulation or objection:<id> (one of the objections\' ids). ' +
      'Showing the whole essay.');
    mode = 'essay';
  }
  var theme = params.get('theme') || 'auto';
  if (theme !== 'light' && theme !== 'dark' && theme !== 'auto') {
    warn('unknown theme "' + theme + '"; use light, dark or auto. Following the reader\'s system setting.');
    theme = 'auto';
  }
  if (theme !== 'auto') root.dataset.theme = theme;
  var start = params.get('start');
  var startNode = start ? document.getElementById(start) : null;
  if (start && !(startNode && startNode.closest('#essay-html'))) {
    warn('unknown start anchor "' + start + '"; use the id of a section or paragraph of the essay. Starting at the top.');
    startNode = null;
  }

  // ---- Messages to the host page. Only the height, the mode and an objection's id: nothing about the reader. ----
  var hostOrigin = '*';
  try {
    if (window.location.ancestorOrigins && window.location.ancestorOrigins.length)
      hostOrigin = window.location.ancestorOrigins[0];
  } catch (e) { /* keep '*' */ }
  function post(type, data) {
    if (!embedded) return;
    var message = { essay: PROTOCOL, type: type, mode: mode };
    for (var k in data) message[k] = data[k];
    try { window.parent.postMessage(message, hostOrigin); } catch (e) { /* the host went away */ }
  }
  var lastHeight = -1;
  function postHeight(height, scrolls) {
    height = Math.ceil(height);
    if (height === lastHeight || !(height > 0)) return;
    lastHeight = height;
    post('height', { height: height, scrolls: scrolls });
  }

  // Failing is always in words, and the HTML essay stays readable below the message.
  function fail(message) {
    if (root.dataset.essayFailed === '1') return; // the first reason is the one the reader needs
    // A canvas that was already drawing would stay frozen over the page: hand the page back to the HTML essay.
    delete root.dataset.essayReady;
    status.hidden = false;
    status.dataset.kind = 'error';
    status.textContent = message;
    root.dataset.essayFailed = '1';
    post('failed', { message: message });
  }

  // ---- The page API (README: "The page API"). Commands wait in a queue the app reads at its next frame. ----
  var commands = [];
  var listeners = { objection: [] };
  function objectionList() {
    return window.Module && Module.essayObjections ? JSON.parse(Module.essayObjections) : [];
  }
  function knownObjection(id) {
    var list = objectionList();
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return true;
    return false;
  }
  function command(verb, argument, valid) {
    if (typeof argument !== 'string' || !valid(argument)) {
      warn(verb + ': unknown ' + (verb === 'goto' ? 'anchor' : 'objection id') + ' ' + JSON.stringify(argument));
      return false;
    }
    commands.push(verb + ' ' + argument);
    return true;
  }
  window.essay = {
    state: function () { return window.Module && Module.essayState ? JSON.parse(Module.essayState) : null; },
    options: function () { return { mode: mode, theme: theme, start: startNode ? start : null, embedded: embedded }; },
    objections: objectionList,
    open: function (id) { return command('open', id, knownObjection); },
    close: function (id) { return command('close', id, knownObjection); },
    goTo: function (anchor) {
      return command('goto', anchor, function (a) { return /^#?[A-Za-z0-9_=&,-]{1,2048}$/.test(a); });
    },
    // on('objection', fn): fn({ id, open }) whenever an objection opens or closes, by any means.
    on: function (event, fn) {
      if (!listeners[event] || typeof fn !== 'function') {
        warn('on: unknown event ' + JSON.stringify(event) + '; the events are: objection');
        return false;
      }
      listeners[event].push(fn);
      return true;
    },
  };
  var openBefore = [];
  function announceObjections(open) {
    var changes = [];
    open.forEach(function (id) { if (openBefore.indexOf(id) < 0) changes.push({ id: id, open: true }); });
    openBefore.forEach(function (id) { if (open.indexOf(id) < 0) changes.push({ id: id, open: false }); });
    openBefore = open.slice();
    changes.forEach(function (change) {
      if (change.open) post('objection', { id: change.id });
      listeners.objection.forEach(function (fn) {
        try { fn(change); } catch (e) { console.warn(e); }
      });
    });
  }

  // ---- One part of the essay (simulation, one objection): HTML, sized to its content, no wasm download. ----
  // The app draws only the whole essay so far; these parts come from the HTML export the page already carries.
  if (mode !== 'essay') {
    var part = document.getElementById('essay-part');
    if (mode === 'simulation') {
      var heading = document.createElement('h2');
      heading.textContent = 'The network simulation';
      var note = document.createElement('p');
      note.textContent = 'The interactive simulation of durable and mobilized ties is not in this version of the ' +
        'essay yet. ';
      var link = document.createElement('a');
      link.href = window.location.pathname;
      link.textContent = 'Read the essay';
      note.appendChild(link);
      part.appendChild(heading);
      part.appendChild(note);
    } else {
      var objection = objectionById(mode.slice(10));
      part.appendChild(objection);
      // Links into the essay open the whole essay at that passage, in the same frame.
      var links = objection.querySelectorAll('a[href^="#"]');
      for (var i = 0; i < links.length; i++) links[i].href = window.location.pathname + links[i].getAttribute('href');
      objection.addEventListener('toggle', function () {
        if (objection.open) post('objection', { id: objection.id });
      });
    }
    root.dataset.essayPart = mode;
    var measure = function () { postHeight(part.getBoundingClientRect().height, false); };
    if (window.ResizeObserver) new ResizeObserver(measure).observe(part);
    window.addEventListener('resize', measure);
    measure();
    post('ready', { canvas: false });
    return;
  }

  // ---- The whole essay: the HTML first, then the canvas takes over at the reader's place. ----
  if (startNode) window.scrollTo(0, startNode.getBoundingClientRect().top + window.scrollY);
  postHeight(root.scrollHeight, true);

  var probe = null;
  try {
    probe = document.createElement('canvas').getContext('webgl2');
  } catch (e) {
    probe = null;
  }
  if (!probe) {
    fail('The interactive version needs WebGL 2, which this browser does not offer. The full essay is below.');
    return;
  }

  var current = null; // the last state, parsed
  window.Module = {
    canvas: canvas,
    essayState: null, // JSON text, written by the app whenever it changes
    essayTheme: theme, // read by the app every frame (web_interop_emscripten.cpp)
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    locateFile: function (path, prefix) { return prefix + (path === 'essay.wasm' ? wasmFile : path); },
    onAbort: function () {
      fail(root.dataset.essayReady === '1' ? 'The interactive version stopped unexpectedly. The full essay is below.'
        : 'The interactive version could not be loaded or started. The full essay is below.');
    },
    // The app cannot go on (platform::SignalFailure: a damaged embedded document, no GL context).
    onEssayFailed: function () {
      fail('The interactive version could not start: its data is damaged. The full essay is below.');
    },
    essayCommands: commands, // read by the app every frame (web_interop_emscripten.cpp)
    onEssayState: function () {
      current = JSON.parse(Module.essayState);
      announceObjections(current.open || []);
      if (root.dataset.essayReady === '1') postHeight(current.contentHeight, true);
    },
    onEssayReady: function () {
      status.hidden = true;
      // A page of its own takes the keyboard at once; inside a host page the essay waits for a click (issue 7).
      if (!embedded) canvas.focus({ preventScroll: true });
      if (current) postHeight(current.contentHeight, true);
      post('ready', { canvas: true });
    },
  };

  // SDL cancels mousedown, which would keep the canvas from taking focus; keys reach the app only through it.
  canvas.addEventListener('pointerdown', function () { canvas.focus({ preventScroll: true }); });

  // ---- Never trap the host page's scrolling at the essay's ends. ----
  // SDL cancels every wheel and touch event on the canvas. At the top going up, or at the end going down, these
  // capture-phase listeners keep the event from SDL: the wheel then scrolls the host page as any unscrollable iframe
  // does, and a touch drag (which SDL already cancelled at touchstart) is handed to the host as a scroll message.
  function atEnd(delta) {
    if (!current || root.dataset.essayReady !== '1') return false;
    if (delta < 0) return current.scrollY <= 0.5;
    return current.scrollY >= current.contentHeight - current.viewport.height - 0.5;
  }
  if (embedded) {
    window.addEventListener('wheel', function (e) {
      if (Math.abs(e.deltaY) > Math.abs(e.deltaX) && atEnd(e.deltaY)) e.stopPropagation();
    }, { capture: true, passive: true });
    var touchY = null;
    window.addEventListener('touchstart', function (e) {
      touchY = e.touches.length === 1 ? e.touches[0].clientY : null;
    }, { capture: true, passive: true });
    window.addEventListener('touchmove', function (e) {
      if (touchY === null || e.touches.length !== 1) return;
      var y = e.touches[0].clientY, delta = touchY - y; // > 0: the finger moves up, the reader wants what is below
      if (delta !== 0 && atEnd(delta)) {
        e.stopPropagation();
        post('scroll', { dy: delta });
        touchY = y;
      } else {
        touchY = y;
      }
    }, { capture: true, passive: true });
  }

  // ---- Hostile conditions (issue 9): a lost GPU context, and the heap size for the memory tests. ----
  // The browser may take the WebGL context away (a GPU reset, too many tabs). Cancelling 'webglcontextlost' asks for
  // it back; the app polls Module.essayGpuLost and Module.essayGpuRestored each frame (web_interop_emscripten.cpp),
  // draws nothing while it is lost and makes its GL objects again once it is restored. The reader's place is kept.
  canvas.addEventListener('webglcontextlost', function (e) {
    e.preventDefault();
    Module.essayGpuLost = true;
  });
  canvas.addEventListener('webglcontextrestored', function () {
    Module.essayGpuLost = false;
    Module.essayGpuRestored = true;
  });
  // essay.memory(): the wasm heap's size in bytes, read-only (bench/web_memory, tests/browser/memory.test.mjs).
  window.essay.memory = function () {
    return { heapBytes: window.Module && Module.HEAP8 ? Module.HEAP8.length : 0 };
  };

  var script = document.createElement('script');
  script.src = appScript;
  script.async = true;
  script.onerror = function () { fail('The interactive version could not be downloaded. The full essay is below.'); };
  document.body.appendChild(script);
})();
