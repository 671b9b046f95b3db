// A Web Worker for the charts' ensemble: a second instance of the app's wasm, without main() or a canvas, that runs
// the seeds the page hands it (web/boot.js's worker pool) and posts back their rows. Knows only the three entry
// points of src/platform/seed_worker_emscripten.cpp.
'use strict';
self.onmessage = function (e) {
  var m = e.data;
  if (m.type === 'init') {
    // The page's compiled module, so nothing is downloaded or compiled twice; the app's script is in the cache.
    self.Module = {
      noInitialRun: true,
      instantiateWasm: function (imports, done) {
        WebAssembly.instantiate(m.module, imports).then(function (instance) { done(instance, m.module); },
          function (error) { self.postMessage({ type: 'failed', error: String(error) }); });
        return {};
      },
      onRuntimeInitialized: function () { self.postMessage({ type: 'ready' }); },
      onAbort: function (what) { self.postMessage({ type: 'failed', error: String(what) }); },
      print: function () {},
      printErr: function (text) { console.warn(text); },
    };
    // essay.js names the page's document and window at its top level (its table of event targets); nothing the
    // worker calls uses them, so empty stand-ins let the script load.
    self.window = self;
    self.document = {};
    importScripts(m.script);
  } else if (m.type === 'job') {
    var M = self.Module;
    M.HEAPU8.set(m.bytes, M._essay_job_buffer(m.bytes.length));
    var size = M._essay_run_job();
    if (size < 0) return self.postMessage({ type: 'done', rows: null });
    var at = M._essay_job_rows();
    var rows = M.HEAPU8.slice(at, at + size); // a copy: the heap may grow under a view
    self.postMessage({ type: 'done', rows: rows }, [rows.buffer]);
  }
};
