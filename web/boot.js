// Starts the wasm essay in the page: reads the embed options, defines Module and window.essay, then, once the HTML
// essay has painted, loads the app's script. Inside an iframe it talks to the host page (web/embed.js) by
// postMessage: ready, height, objection opened, and scroll handed back at the essay's ends. Knows the page's element
// ids and the bridge's fields (the table in src/platform/web_interop.h), nothing of the app's internals: labels,
// actions and status sentences come from the app's state.
(function () {
  'use strict';
  var root = document.documentElement;
  var status = document.getElementById('status');
  var canvas = document.getElementById('canvas');
  var me = document.currentScript;
  var appScript = me.getAttribute('data-app') || 'essay.js';
  var wasmFile = me.getAttribute('data-wasm') || 'essay.wasm';
  var workerScript = me.getAttribute('data-worker') || 'sim-worker.js';
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

  // ---- The charts' ensemble off the main thread (Module.essayWorkers; src/platform/web_interop.h). Each worker is
  // a second instance of the app's wasm without main() (web/sim-worker.js); the app hands out one seed at a time to
  // an idle one. A worker that fails is dropped and its seed comes back empty: the app then runs the seeds itself.
  var workers = {
    module: null, // the page's compiled wasm, set once it is instantiated
    list: [],
    results: [],
    done: 0, // jobs the workers finished (the browser tests read it)
    start: function () {
      if (workers.started || !workers.module || typeof Worker !== 'function') return;
      workers.started = true;
      try { // a page whose policy forbids workers may throw here: the app then runs every seed itself
        for (var n = Math.max(1, Math.min(2, (navigator.hardwareConcurrency || 2) - 1)); n > 0; n--) {
          var w = { jobs: [], ready: false, worker: new Worker(new URL(workerScript, me.src).href) };
          w.worker.onmessage = workers.onMessage.bind(null, w);
          w.worker.onerror = workers.drop.bind(null, w);
          w.worker.postMessage({ type: 'init', module: workers.module, script: new URL(appScript, me.src).href });
          workers.list.push(w);
        }
      } catch (e) {
        console.warn(e);
      }
    },
    onMessage: function (w, e) {
      if (e.data.type === 'ready') w.ready = true;
      else if (e.data.type === 'done') {
        workers.results.push({ job: w.jobs.shift(), rows: e.data.rows });
        workers.done++;
      }
      else return workers.drop(w);
      if (!Module.essayGpuLost) wake(); // the app takes results in its next frame; while lost, at the restoring one
    },
    drop: function (w) {
      while (w.jobs.length) workers.results.push({ job: w.jobs.shift(), rows: null });
      w.ready = false;
      w.worker.terminate();
      wake();
    },
    // Two jobs per worker: the next waits in its queue, so a worker never idles until the app's next frame.
    free: function (w) { return w.ready ? 2 - w.jobs.length : 0; },
    ready: function () { return workers.list.filter(function (w) { return w.ready; }).length; },
    idle: function () { return workers.list.reduce(function (n, w) { return n + workers.free(w); }, 0); },
    post: function (job, bytes) {
      var w = workers.list.filter(workers.free)[0];
      if (!w) return workers.results.push({ job: job, rows: null });
      w.jobs.push(job);
      w.worker.postMessage({ type: 'job', bytes: bytes }, [bytes.buffer]);
    },
    peek: function () { return workers.results[0]; },
    take: function () { return workers.results.shift(); },
  };

  // ---- The page API (README: "The page API"). Commands wait in a queue the app reads at its next frame. ----
  // The app sleeps when nothing moves: anything queued for it wakes it (Module.essayWake, set by the app).
  function wake() { if (window.Module && Module.essayWake) Module.essayWake(); }
  function wakingQueue() {
    var queue = [];
    queue.push = function () {
      var length = Array.prototype.push.apply(queue, arguments);
      wake();
      return length;
    };
    return queue;
  }
  var commands = wakingQueue();
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
    knockout: function () { return !!(window.Module && Module.essaySimCommands && Module.essaySimCommands.push('knockout')); },
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

  // ---- One objection: its HTML disclosure, sized to its content, no wasm download. ----
  // The simulation mode runs the app, which then draws the figure alone (web_interop_emscripten.cpp reads the mode).
  if (mode !== 'essay' && mode !== 'simulation') {
    var part = document.getElementById('essay-part');
    var objection = objectionById(mode.slice(10));
    part.appendChild(objection);
    // Links into the essay open the whole essay at that passage, in the same frame.
    var links = objection.querySelectorAll('a[href^="#"]');
    for (var i = 0; i < links.length; i++) links[i].href = window.location.pathname + links[i].getAttribute('href');
    objection.addEventListener('toggle', function () {
      if (objection.open) post('objection', { id: objection.id });
    });
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
  if (embedded) postHeight(root.scrollHeight, true); // a layout of the whole essay: only a host needs its height

  // No WebGL 2 probe here: making a context is a long task of its own (0.3–0.7 s in Lighthouse's mobile run). The app
  // makes the one it draws with and, when the browser refuses it, says so through onEssayFailed('no-gl').
  var current = null; // the last state, parsed
  var dom = null; // the HTML essay's live parts (domLayer), set up by startApp before the app can call back
  window.Module = {
    canvas: canvas,
    essayState: null, // JSON text, written by the app whenever it changes
    essayTheme: theme, // read by the app every frame (web_interop_emscripten.cpp)
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    locateFile: function (path, prefix) { return prefix + (path === 'essay.wasm' ? wasmFile : path); },
    // Compiled here rather than by essay.js, so that the module can be handed to the workers (essayWorkers).
    instantiateWasm: function (imports, done) {
      var url = new URL(wasmFile, me.src).href;
      var get = function () { return fetch(url, { credentials: 'same-origin' }); };
      // A server that sends the wasm under another MIME type refuses streaming: compile from the bytes instead.
      WebAssembly.instantiateStreaming(get(), imports).catch(function () {
        return get().then(function (r) {
          if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
          return r.arrayBuffer();
        }).then(function (b) { return WebAssembly.instantiate(b, imports); });
      }).then(function (result) {
        workers.module = result.module;
        done(result.instance, result.module);
      }, function (error) {
        console.warn(error);
        Module.onAbort();
      });
      return {};
    },
    essayWorkers: workers,
    onAbort: function () {
      fail(root.dataset.essayReady === '1' ? 'The interactive version stopped unexpectedly. The full essay is below.'
        : 'The interactive version could not be loaded or started. The full essay is below.');
    },
    // The app cannot go on (platform::SignalFailure): the reader is told the real reason, a damaged embedded document
    // or no WebGL 2 context.
    onEssayFailed: function (reason) {
      fail(reason === 'no-gl' ? 'The interactive version could not start: this browser gave it no WebGL 2 context. ' +
        'The full essay is below.' : 'The interactive version could not start: its data is damaged. ' +
        'The full essay is below.');
    },
    essayCommands: commands, // read by the app every frame (web_interop_emscripten.cpp)
    essaySimCommands: wakingQueue(), // the HTML simulation controls' commands, likewise
    essayDomFocus: '', // the id of the HTML essay's focused element, for the canvas's focus ring
    onEssayState: function () {
      current = JSON.parse(Module.essayState);
      announceObjections(current.open || []);
      dom.sync(current);
      if (root.dataset.essayReady === '1') postHeight(current.contentHeight, mode === 'essay');
    },
    onEssayReady: function () {
      dom.ready();
      status.hidden = true;
      // A page of its own takes the keyboard at once; inside a host page the essay waits for a click (issue 7).
      if (!embedded) canvas.focus({ preventScroll: true });
      if (current) postHeight(current.contentHeight, mode === 'essay');
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
    wake();
  });
  // essay.memory(): the wasm heap's size in bytes, read-only (bench/web_memory, tests/browser/memory.test.mjs).
  window.essay.memory = function () {
    return { heapBytes: window.Module && Module.HEAP8 ? Module.HEAP8.length : 0 };
  };

  // ---- The HTML essay under the canvas (README: "Accessibility"): screen readers, the keyboard, find and print read
  // it; these five parts keep it and the canvas showing the same thing. ----
  function blockOf(node) {
    if (node && node.nodeType !== 1) node = node.parentNode;
    var d = node && node.closest && node.closest('details.objection');
    if (d) {
      if (d.open) return d.id; // goto an objection opens it: only while it is open
      var a = d.querySelector('.objection-anchor a');
      return a ? a.getAttribute('href').slice(1) : null;
    }
    var m = node && node.closest && node.closest('.objection-markers'); // follows the passage it marks
    if (m && m.previousElementSibling) node = m.previousElementSibling;
    var b = node && node.closest && node.closest('#essay-html [id]:not(section):not(main):not(article.essay-text)');
    return b ? b.id : null;
  }
  function now() { return Date.now(); }

  // 1. Objections: each <summary> is the disclosure button of its <details>; the reader's toggles go to the app,
  // the app's state comes back. A change the reader made wins until the app has taken it (at most 1.5 s).
  function objectionDisclosures(details) {
    var pending = {}; // id -> [wanted open, time]: asked of the app from the DOM, not yet in its state
    var known = {}; // id -> open, as last seen by the toggle handler or set from the app's state
    var stateOpen = function (id) { return !!current && (current.open || []).indexOf(id) >= 0; };
    Array.prototype.forEach.call(details, function (d) {
      var s = d.querySelector('summary'), body = document.createElement('div');
      body.id = d.id + '-body';
      while (s.nextSibling) body.appendChild(s.nextSibling);
      d.appendChild(body);
      s.setAttribute('aria-controls', body.id);
      s.setAttribute('aria-expanded', String(d.open));
      known[d.id] = d.open;
      // 'toggle' comes a task later, possibly coalesced: `known` tells the reader's changes from the app's.
      d.addEventListener('toggle', function () {
        s.setAttribute('aria-expanded', String(d.open));
        if (d.open === known[d.id]) return;
        known[d.id] = d.open;
        if (root.dataset.essayPrinting || !current || d.open === stateOpen(d.id)) return;
        pending[d.id] = [d.open, now()];
        window.essay[d.open ? 'open' : 'close'](d.id);
      });
    });
    return function sync(s) {
      var open = s.open || [];
      Array.prototype.forEach.call(details, function (d) {
        var want = open.indexOf(d.id) >= 0, p = pending[d.id];
        if (p && (p[0] === want || now() - p[1] > 1500)) delete pending[d.id];
        else if (p) return;
        if (d.open !== known[d.id] || root.dataset.essayPrinting) return; // the reader's change, not yet sent
        if (d.open !== want) d.open = known[d.id] = want;
      });
    };
  }

  // 2. Print: the objections as numbered endnotes, all open while printing; each marker carries its number.
  function printEndnotes(html, details) {
    Array.prototype.forEach.call(details, function (d, i) {
      var marks = html.querySelectorAll('.objection-markers a[href="#' + d.id + '"]');
      for (var j = 0; j < marks.length; j++) marks[j].dataset.note = i + 1;
    });
    var printOpen = [];
    window.addEventListener('beforeprint', function () {
      root.dataset.essayPrinting = '1';
      printOpen = Array.prototype.map.call(details, function (d) { var o = d.open; d.open = true; return o; });
    });
    window.addEventListener('afterprint', function () {
      Array.prototype.forEach.call(details, function (d, i) { d.open = printOpen[i]; });
      setTimeout(function () { delete root.dataset.essayPrinting; }, 0);
    });
  }

  // 3. Focus in the HTML: the canvas goes there and rings it (Module.essayDomFocus). Returns when the last focus
  // move happened, so the find follower can tell its own scrolls from the find's.
  function focusFollow(html, quiet) {
    html.addEventListener('focusin', function (e) {
      var id = blockOf(e.target);
      Module.essayDomFocus = id || '';
      quiet(600);
      if (id) window.essay.goTo(id);
      else wake();
    });
    html.addEventListener('focusout', function () { Module.essayDomFocus = ''; wake(); });
  }

  // 4. The browser's find scrolls the (otherwise unscrollable) page to its match: the canvas shows that block. Only
  // a scroll nothing else explains counts: not a focus move, a link or history step, the reader's pointer, wheel or
  // finger, nor the canvas taking over. (Selections are the app's own copy mechanism, so they are not followed.)
  function findFollow(html) {
    var quietUntil = 0, findTimer = 0;
    function quiet(ms) { quietUntil = Math.max(quietUntil, now() + ms); }
    var readyAt = 0;
    function followFind(e) {
      // The canvas taking over clamps the page's scroll to its top (overflow: hidden), as late as the next style
      // update of a busy page: that scroll is the takeover's, not the find's. (Once the canvas is up the body, not
      // the window, is what scrolls.)
      var top = e.target === document ? window.scrollY : e.target.scrollTop;
      if (readyAt && now() - readyAt < 3000 && !(top > 0)) return;
      clearTimeout(findTimer);
      findTimer = setTimeout(function () {
        if (now() < quietUntil || root.dataset.essayReady !== '1' || !(top > 0)) return;
        var node = null, hits = document.elementsFromPoint(window.innerWidth / 2, window.innerHeight / 2);
        for (var i = 0; i < hits.length && !node; i++) if (html.contains(hits[i])) node = hits[i];
        var id = blockOf(node);
        if (id) window.essay.goTo(id);
      }, 120);
    }
    ['hashchange', 'pointerdown', 'touchmove', 'wheel'].forEach(function (type) {
      window.addEventListener(type, function () { quiet(800); }, { capture: true, passive: true });
    });
    window.addEventListener('popstate', function () { quiet(800); });
    window.addEventListener('scroll', followFind, true); // the body scrolls once the canvas is up
    return { quiet: quiet, ready: function () { readyAt = now(); quiet(800); } };
  }

  // 5. The simulation's controls, native and labelled, in the figure's placeholder. They queue commands for the app
  // (Module.essaySimCommands); their labels, the actions and the live region's sentences come from the app's state,
  // built on the first state that has the figure.
  function simControls(figure) {
    var play = null, knockout = null, speed = null, seed = null, live = null, described = null, actions = {};
    var lastSaid = '';
    var announceTimer = 0;
    function send(command) { Module.essaySimCommands.push(command); }
    function el(tag, attrs, text, parent) {
      var node = document.createElement(tag);
      for (var k in attrs) node.setAttribute(k, attrs[k]);
      if (text) node.textContent = text;
      parent.appendChild(node);
      return node;
    }
    function button(label, command, parent) {
      var b = el('button', { type: 'button' }, label, parent);
      b.addEventListener('click', function () { send(typeof command === 'function' ? command() : command); });
      return b;
    }
    function build(sim) {
      // What the picture shows, in words, before its controls: the canvas's title and captions never reach a screen
      // reader, and the live region speaks only of changes.
      described = el('p', { class: 'sim-description' }, '', figure);
      var group = el('div', { role: 'group', 'aria-label': 'Simulation controls', class: 'sim-controls' }, '', figure);
      play = button('', function () { return current && current.sim && current.sim.playing ? 'pause' : 'play'; },
        group);
      button('Step one week', 'step', group);
      button('Reset', 'reset', group);
      // As the canvas's button: while the knockout shows, it ends it. Its words, and Play's, are the state's (sync).
      knockout = button('', function () {
        return current && current.sim && current.sim.knockout.phase !== 'idle' ? 'knockout-end' : 'knockout';
      }, group);
      var label = el('label', {}, 'Speed (weeks per second) ', group);
      speed = el('input', { type: 'range', min: String(sim.speedRange[0]), max: String(sim.speedRange[1]),
        step: '0.5', value: String(sim.speed) }, '', label);
      speed.addEventListener('change', function () { send('speed ' + speed.value); });
      label = el('label', {}, 'Seed ', group);
      seed = el('input', { type: 'number', min: '1', value: String(sim.seed) }, '', label);
      seed.addEventListener('change', function () { send('seed ' + Math.max(1, seed.value | 0)); });
      var acts = el('div', { role: 'group', 'aria-label': 'Interventions in both neighborhoods', class: 'sim-controls' },
        '', figure);
      sim.actions.forEach(function (a) { actions[a.id] = button(a.label, 'act ' + a.id, acts); });
      live = el('p', { role: 'status', 'aria-live': 'polite', class: 'sim-live' }, '', figure);
    }
    return function sync(s) {
      var sim = s.sim;
      if (!figure || !sim) return;
      if (!live) build(sim);
      if (described.textContent !== sim.description) described.textContent = sim.description;
      play.textContent = sim.playLabel;
      knockout.textContent = sim.knockout.label;
      knockout.disabled = !sim.knockout.enabled;
      sim.actions.forEach(function (a) {
        var b = actions[a.id];
        if (!b) return;
        b.textContent = a.label;
        b.disabled = !a.enabled;
      });
      if (document.activeElement !== speed) speed.value = String(sim.speed);
      if (document.activeElement !== seed) seed.value = String(sim.seed);
      // While playing, only the start is said; every week would drown the essay.
      var key = sim.playing ? 'playing' : sim.status;
      if (key === lastSaid) return;
      var first = lastSaid === '';
      lastSaid = key;
      clearTimeout(announceTimer);
      if (!first) announceTimer = setTimeout(function () { live.textContent = current.sim.status; }, sim.playing ? 0 : 400);
    };
  }

  function domLayer() {
    var html = document.getElementById('essay-html');
    var details = html.querySelectorAll('details.objection');
    var syncObjections = objectionDisclosures(details);
    printEndnotes(html, details);
    var find = findFollow(html);
    focusFollow(html, find.quiet);
    var syncSim = simControls(document.getElementById('simulation'));
    return {
      ready: find.ready,
      // Canvas -> DOM, after every change of the app's state.
      sync: function (s) {
        syncObjections(s);
        syncSim(s);
      },
    };
  }

  // The HTML essay paints first (the first-paint budget is 1.2× the plain page's): its live parts and the app's
  // download start in the task after that paint. A hidden tab paints nothing, so its app waits until it is shown.
  function startApp() {
    dom = domLayer();
    var script = document.createElement('script');
    script.src = appScript;
    script.async = true;
    script.onerror = function () { fail('The interactive version could not be downloaded. The full essay is below.'); };
    document.body.appendChild(script);
  }
  requestAnimationFrame(function () { setTimeout(startApp, 0); });
})();
