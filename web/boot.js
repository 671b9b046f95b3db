// Starts the wasm essay in the page: checks WebGL 2, defines Module and window.essay, then loads the app's script.
// Knows the page's element ids and the app's JS hooks (web_interop_emscripten.cpp), nothing of its internals.
(function () {
  'use strict';
  var root = document.documentElement;
  var status = document.getElementById('status');
  var canvas = document.getElementById('canvas');
  var appScript = document.currentScript.getAttribute('data-app') || 'essay.js';

  // Failing is always in words, and the HTML essay stays readable below the message.
  function fail(message) {
    status.hidden = false;
    status.dataset.kind = 'error';
    status.textContent = message;
    root.dataset.essayFailed = '1';
  }

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

  window.Module = {
    canvas: canvas,
    essayState: null, // JSON text, written by the app whenever it changes
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: function () { fail('The interactive version stopped unexpectedly. The full essay is below.'); },
    onEssayReady: function () {
      status.hidden = true;
      // A page of its own takes the keyboard at once; inside a host page the essay waits for a click (issue 7).
      if (window.self === window.top) canvas.focus({ preventScroll: true });
    },
  };

  // SDL cancels mousedown, which would keep the canvas from taking focus; keys reach the app only through it.
  canvas.addEventListener('pointerdown', function () { canvas.focus({ preventScroll: true }); });

  // The inspection API for tests and publishers. Small on purpose; README.md documents it.
  window.essay = {
    state: function () { return Module.essayState ? JSON.parse(Module.essayState) : null; },
  };

  var script = document.createElement('script');
  script.src = appScript;
  script.async = true;
  script.onerror = function () { fail('The interactive version could not be downloaded. The full essay is below.'); };
  document.body.appendChild(script);
})();
