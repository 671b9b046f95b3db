// The few things the app asks of its host (the browser page, or the desktop natively); knows no ImGui or document.
// One implementation per platform: web_interop_emscripten.cpp and web_interop_native.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace platform {

// The bridge between the app (web_interop_emscripten.cpp, through EM_JS) and the page (web/boot.js): every field of
// the shared `Module` object, who writes it, who reads it, and its shape. Nothing else crosses; a new field is a new
// row here.
//
// | field                    | writer                      | reader                       | shape                                   |
// |--------------------------|-----------------------------|------------------------------|-----------------------------------------|
// | Module.essayTheme        | boot.js (the theme option)  | app, each frame              | "light" | "dark" | "auto"              |
// | Module.essayCommands     | boot.js (essay.open/close/  | app, TakeCommand             | queue of "open <id>", "close <id>",     |
// |                          | goTo)                       |                              | "goto <fragment>"; push wakes the app   |
// | Module.essaySimCommands  | boot.js (HTML sim controls) | app, TakeSimCommand          | queue of SimCommand strings; push wakes |
// | Module.essayFragments    | app (hashchange/popstate    | app, TakeFragmentChange      | queue of "#…" strings; push wakes       |
// |                          | listeners it installs)      |                              |                                         |
// | Module.essayDomFocus     | boot.js (focusin/focusout)  | app, ReadDomFocus            | id string or ""; a change wakes the app |
// | Module.essayGpuLost      | boot.js (webglcontextlost)  | app, GpuContextLost          | boolean                                 |
// | Module.essayGpuRestored  | boot.js (…restored); app    | app, TakeGpuContextRestored  | boolean, true once per restoration;     |
// |                          | clears it                   |                              | setting it wakes the app                |
// | Module.essayObjections   | app, PublishObjections      | boot.js, essay.objections()  | JSON text (app::ObjectionsJson), once   |
// | Module.essayState        | app, PublishState           | boot.js, essay.state()       | JSON text (app::StateJson)              |
// | Module.onEssayState()    | boot.js                     | app calls it after essayState| function                                |
// | Module.onEssayReady()    | boot.js                     | app calls it once, SignalReady | function                              |
// | Module.onEssayFailed(r)  | boot.js                     | app calls it, SignalFailure  | function; r = "no-gl" | "damaged-data"  |
// | Module.essayWake()       | app (RunMainLoop)           | boot.js and the app's own    | function: a frame at the next refresh   |
// |                          |                             | listeners                    |                                         |
// | Module.essayRedraw       | app (its 'resize' listener) | app, TakeRedrawRequest       | boolean, true once per resize          |
// | Module.essayClipboard    | app, SetClipboardText       | tests (headless Chromium has | the last text copied                    |
// |                          |                             | no readable clipboard)       |                                         |
// | Module.essayWorkers      | boot.js (the worker pool)   | app, ReadWorkers, PostWorker-| { start(), ready(), idle(), post(job,   |
// |                          |                             | Job, TakeWorkerResult        | bytes), peek(), take() }; a result wakes|
// |                          |                             |                              | the app                                 |
// The page also reads the window itself for the app: media queries (prefers-color-scheme, prefers-reduced-motion,
// resolution; a change wakes the app), the URL's fragment and query, localStorage "essay.settings", and the HTML
// essay's element positions (ReadStartPosition).

// What the host tells about the reader's preferences. Read every frame; cheap on both platforms.
struct HostPreferences {
    bool prefers_dark = false;   // prefers-color-scheme: dark (natively: ESSAY_THEME=dark)
    bool reduced_motion = false; // prefers-reduced-motion: reduce (natively: ESSAY_REDUCED_MOTION=1)
    bool quit_when_ready = false; // natively ESSAY_QUIT_WHEN_READY=1: the desktop smoke test's exit; never on the web
};
HostPreferences ReadHostPreferences();

// Where the reader already is in the page's HTML essay, so the canvas takes over without a jump: the id of the
// element at the top of the viewport and its distance below that top. False when the page is at its top.
bool ReadStartPosition(std::string& out_id, float& out_offset);

// The figure an embed shows alone (the page's mode option "simulation"), or "" for the whole essay. Natively:
// ESSAY_MODE=simulation.
std::string ReadOnlyFigure();

// The page's address without its fragment, for "copy link"; empty natively.
std::string ReadPageUrl();

// The URL fragment: first the one the page was opened with, then each one the reader navigates to (back, forward,
// a typed or clicked link). False when nothing new arrived since the last call.
bool TakeFragmentChange(std::string& out_fragment);
// Records where the reader is: `push` adds a history entry (opening or closing an objection), otherwise the current
// entry is replaced (scrolling), so back and forward step through openings, not through every scroll.
void WriteFragment(const std::string& fragment, bool push);

// Commands from the page's JS API (essay.open, essay.close, essay.goTo), one at a time, in order:
// "open <id>", "close <id>" or "goto <fragment>". False when none is waiting.
bool TakeCommand(std::string& out_command);
// Commands from the page's HTML simulation controls (web/boot.js, Module.essaySimCommands), one at a time, in order:
// "play", "pause", "step", "reset", "seed <n>", "speed <weeks per second>" or "act <action id>" (the figure's
// action ids: remove-organizers, protest, strike, aid, divisive, plus3, plus12). False when none is waiting;
// natively always false.
bool TakeSimCommand(std::string& out_command);
// The id of the HTML essay's element that has keyboard focus (a block, heading, objection or "simulation"), so the
// canvas can draw a focus ring around it; "" when the focus is not in the HTML essay (natively always "").
std::string ReadDomFocus();
// Hands the static objection list (app::ObjectionsJson) to `essay.objections()`; once.
void PublishObjections(const std::string& json);

// The reader's saved settings (app::FormatSettings text), or "" when none or storage is unavailable.
std::string LoadSettings();
void SaveSettings(const std::string& text);

// Puts text on the system clipboard (the browser's needs a user gesture, which a click or Ctrl+C is).
void SetClipboardText(const char* text);

// Marks the page ready for tests and publishers (document.documentElement.dataset.essayReady = "1"); once.
void SignalReady();
// Hands the latest inspection JSON (app::StateJson) to `window.essay.state()`.
void PublishState(const std::string& json);

// The GPU context (issue 9). The browser may take the WebGL context away and give it back: while it is lost nothing
// can be drawn; once restored, every GL object must be made again. `TakeGpuContextRestored` is true once per
// restoration. Natively the context is never lost.
bool GpuContextLost();
bool TakeGpuContextRestored();
// The host cleared the drawing without a change the app can see (a canvas resized to the same CSS size at a new
// pixel ratio): the next frame must draw. True once per request; natively always false.
bool TakeRedrawRequest();

// The app cannot go on: the page tells the reader which reason in words and keeps its HTML essay (web/boot.js);
// natively the reason is printed. `detail` is for the console, not the reader.
enum class Failure { DamagedData, NoGraphics };
void SignalFailure(Failure failure, const char* detail);

// Other instances of this program in the page's Web Workers (web/sim-worker.js), which run seeds of the charts'
// ensemble off the main thread (app::TakeEnsembleJob, sim/seed_job.h). `ready` counts those started and alive;
// `idle` is how many more jobs they take now (each queues one behind the one it runs, so it never waits for the
// app's next frame). The first call with start set starts them; natively, and where the browser has no workers or
// they fail, both stay 0 and the app runs every seed itself.
struct Workers {
    int ready = 0;
    int idle = 0;
};
Workers ReadWorkers(bool start);
// Hands a job to a worker with room for it; `id` comes back with its result.
struct WorkerJobId {
    int generation = 0;
    int panel = 0;
    int seed = 0;
};
void PostWorkerJob(const WorkerJobId& id, const std::vector<uint8_t>& bytes);
// A finished job: its id and its rows (sim::EncodeRows), empty when the worker failed. False when none is waiting.
bool TakeWorkerResult(WorkerJobId& out_id, std::vector<uint8_t>& out_rows);

// Runs `frame` once per display frame while it sets `another`, then sleeps until the host wakes it: nothing runs at
// rest. What wakes it: any SDL event (input, resize, the tab shown or hidden; main.cpp forwards them to
// RequestFrame), and in the browser the page's own sources (see the bridge table above). `frame` returns false to
// end the program (natively only). In the browser this never returns to the caller's stack.
using FrameFn = bool (*)(void* user, bool& another);
void RunMainLoop(FrameFn frame, void* user);
// Asks for a frame at the next display refresh; frames coalesce, so calling it often costs nothing. Natively a
// no-op: the loop's SDL_WaitEvent wakes on any event.
void RequestFrame();

} // namespace platform
