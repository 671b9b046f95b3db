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
  var dom = domLayer();
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
    essaySimCommands: [], // the HTML simulation controls' commands, likewise
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
  });
  // essay.memory(): the wasm heap's size in bytes, read-only (bench/web_memory, tests/browser/memory.test.mjs).
  window.essay.memory = function () {
    return { heapBytes: window.Module && Module.HEAP8 ? Module.HEAP8.length : 0 };
  };

  // ---- The HTML essay under the canvas (README: "Accessibility"): screen readers, the keyboard, find and print read
  // it; these hooks keep it and the canvas showing the same thing. ----
  function domLayer() {
    var html = document.getElementById('essay-html');
    var details = html.querySelectorAll('details.objection');
    var pending = {}; // id -> [wanted open, time]: asked of the app from the DOM, not yet in its state
    var known = {}; // id -> open, as last seen by the toggle handler or set from the app's state
    var quietUntil = 0; // the DOM scrolls itself after a focus move; that is not the browser's find
    var stateOpen = function (id) { return !!current && (current.open || []).indexOf(id) >= 0; };
    var now = function () { return Date.now(); };
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
    // Objections: each <summary> is the disclosure button; it controls the rest of its <details>.
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
    // Print numbers the objections as endnotes; each marker in the text carries its number.
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
    // Focus in the DOM: the canvas goes there and rings it (Module.essayDomFocus).
    html.addEventListener('focusin', function (e) {
      var id = blockOf(e.target);
      Module.essayDomFocus = id || '';
      quietUntil = now() + 600;
      if (id) window.essay.goTo(id);
    });
    html.addEventListener('focusout', function () { Module.essayDomFocus = ''; });
    // The browser's find scrolls the (otherwise unscrollable) page to its match: the canvas shows that block.
    var findTimer = 0;
    function followFind(e) {
      // Whatever scrolled back to 0 is the canvas taking over (the body stops scrolling), not a find: a slow first
      // frame can delay this timer past the quiet time after ready.
      var t = e && e.target, top = t && t.nodeType === 1 ? t.scrollTop : window.scrollY;
      clearTimeout(findTimer);
      findTimer = setTimeout(function () {
        if (now() < quietUntil || root.dataset.essayReady !== '1' || !(top > 0)) return;
        var node = null, hits = document.elementsFromPoint(window.innerWidth / 2, window.innerHeight / 2);
        for (var i = 0; i < hits.length && !node; i++) if (html.contains(hits[i])) node = hits[i];
        var id = blockOf(node);
        if (id) window.essay.goTo(id);
      }, 120);
    }
    // Only a scroll nothing else explains: not a focus move, a link or history step, the reader's pointer, wheel or
    // finger, nor the canvas taking over.
    // (Selections are the app's own copy mechanism, so they are not followed.)
    var quiet = function () { quietUntil = now() + 800; };
    ['hashchange', 'pointerdown', 'touchmove', 'wheel'].forEach(function (type) {
      window.addEventListener(type, quiet, { capture: true, passive: true });
    });
    window.addEventListener('popstate', quiet);
    window.addEventListener('scroll', followFind, true); // the body scrolls once the canvas is up

    // The simulation's controls, native and labelled, in the figure's placeholder.
    var figure = document.getElementById('simulation'), live = null, speed = null, seed = null, play = null;
    var aidUnconditional = false, lastSim = '', announceTimer = 0;
    function send(command, control) {
      var queue = Module.essaySimCommands;
      queue.push(command);
      // Until the app reads this queue (README: "Accessibility"), press its own button on the canvas instead.
      setTimeout(function () {
        var at = queue.indexOf(command);
        if (at < 0 || !control) return;
        queue.splice(at, 1);
        pressOnCanvas(control, 0);
      }, 300);
    }
    function pressOnCanvas(control, tries) {
      var s = window.essay.state(), r = s && s.sim && s.sim.controls[control];
      if (!r || r[1] < 0 || r[1] + r[3] > s.viewport.height) {
        if (tries === 0) window.essay.goTo('simulation');
        if (tries < 20) setTimeout(function () { pressOnCanvas(control, tries + 1); }, 100);
        return;
      }
      var at = { bubbles: true, cancelable: true, clientX: r[0] + r[2] / 2, clientY: r[1] + r[3] / 2, button: 0 };
      canvas.dispatchEvent(new MouseEvent('mousemove', at));
      setTimeout(function () {
        canvas.dispatchEvent(new MouseEvent('mousedown', at));
        setTimeout(function () { canvas.dispatchEvent(new MouseEvent('mouseup', at)); }, 80);
      }, 80);
    }
    function el(tag, attrs, text, parent) {
      var node = document.createElement(tag);
      for (var k in attrs) node.setAttribute(k, attrs[k]);
      if (text) node.textContent = text;
      (parent || figure).appendChild(node);
      return node;
    }
    function button(label, command, control, parent) {
      var b = el('button', { type: 'button' }, label, parent);
      b.addEventListener('click', function () {
        send(typeof command === 'function' ? command() : command, control);
      });
      return b;
    }
    if (figure) {
      var group = el('div', { role: 'group', 'aria-label': 'Simulation controls', class: 'sim-controls' });
      play = button('Play', function () { return current && current.sim && current.sim.playing ? 'pause' : 'play'; },
        'play', group);
      button('Step one week', 'step', 'step', group);
      button('Reset', function () { aidUnconditional = false; return 'reset'; }, 'reset', group);
      button('What if the organizers vanished today?', 'knockout', 'knockout', group);
      var label = el('label', {}, 'Speed (weeks per second) ', group);
      speed = el('input', { type: 'range', min: '0.5', max: '8', step: '0.5', value: '2' }, '', label);
      speed.addEventListener('change', function () { send('speed ' + speed.value, null); });
      label = el('label', {}, 'Seed ', group);
      seed = el('input', { type: 'number', min: '1', value: '1' }, '', label);
      seed.addEventListener('change', function () { send('seed ' + Math.max(1, seed.value | 0), null); });
      var acts = el('div', { role: 'group', 'aria-label': 'Interventions in both neighbourhoods', class: 'sim-controls' });
      [['Remove organizers', 'remove-organizers'], ['Call a protest', 'protest'],
        ['Strike with repression', 'strike'], ['Make aid unconditional', 'aid'], ['Divisive issue', 'divisive'],
        ['+3 months', 'plus3'], ['+12 months', 'plus12']].forEach(function (a) {
        var b = button(a[0], 'act ' + a[1], a[1], acts);
        if (a[1] === 'aid') b.addEventListener('click', function () {
          aidUnconditional = !aidUnconditional;
          b.textContent = aidUnconditional ? 'Make aid conditional' : 'Make aid unconditional';
        });
      });
      live = el('p', { role: 'status', 'aria-live': 'polite', class: 'sim-live' });
    }
    function percent(x) { return x < 0 ? 'no call yet' : Math.round(x * 100) + '%'; }
    function announce(sim) {
      var w = sim.week;
      live.textContent = 'Week ' + w + ' (month ' + Math.floor(w / 4) + '), ' + (sim.playing ? 'playing' : 'paused') +
        '. Turnout at the last call: Mobilized ' + percent(sim.mobilizedTurnout) + ', Integrated ' +
        percent(sim.integratedTurnout) + '.';
    }

    return {
      ready: quiet,
      // Canvas -> DOM, after every change of the app's state.
      sync: function (s) {
        var open = s.open || [];
        Array.prototype.forEach.call(details, function (d) {
          var want = open.indexOf(d.id) >= 0, p = pending[d.id];
          if (p && (p[0] === want || now() - p[1] > 1500)) delete pending[d.id];
          else if (p) return;
          if (d.open !== known[d.id] || root.dataset.essayPrinting) return; // the reader's change, not yet sent
          if (d.open !== want) d.open = known[d.id] = want;
        });
        var sim = s.sim;
        if (!sim || !live) return;
        play.textContent = sim.playing ? 'Pause' : 'Play';
        var key = [sim.week, sim.playing, sim.mobilizedHash, sim.integratedHash].join();
        if (key === lastSim) return;
        var first = lastSim === '';
        lastSim = key;
        clearTimeout(announceTimer);
        // While playing, only the start is said; every week would drown the essay.
        if (!first) announceTimer = setTimeout(function () { announce(current.sim); }, sim.playing ? 0 : 400);
        if (sim.playing && live.textContent.indexOf('playing') > 0) clearTimeout(announceTimer);
      },
    };
  }

  var script = document.createElement('script');
  script.src = appScript;
  script.async = true;
  script.onerror = function () { fail('The interactive version could not be downloaded. The full essay is below.'); };
  document.body.appendChild(script);
})();
