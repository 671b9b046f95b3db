// The browser host: reads media queries, sets the ready flag and the state for window.essay, runs the rAF loop.
// The page side lives in web/boot.js, which defines window.essay over Module.essayState.
#include "platform/web_interop.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

namespace platform {

namespace {
// clang-format off
// An embed's theme option ("light" or "dark", set by web/boot.js) wins over the media query.
EM_JS(int, JsPrefersDark, (), {
    if (Module.essayTheme === "dark") return 1;
    if (Module.essayTheme === "light") return 0;
    return (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) ? 1 : 0;
});
EM_JS(int, JsReducedMotion, (), {
    return (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) ? 1 : 0;
});
// The topmost element with an id in the HTML essay that is still on screen. Blocks and sections carry ids.
EM_JS(int, JsStartPosition, (char* id, int capacity, float* offset), {
    if (window.scrollY <= 0) return 0;
    const nodes = document.querySelectorAll('#essay-html [id]');
    for (const node of nodes) {
        const rect = node.getBoundingClientRect();
        if (rect.bottom > 0 && rect.height > 0) {
            stringToUTF8(node.id, id, capacity);
            HEAPF32[offset >> 2] = rect.top;
            return 1;
        }
    }
    return 0;
});
// web/boot.js validated the mode option; only "simulation" shows one figure.
EM_JS(int, JsSimulationOnly, (), {
    return (window.essay && window.essay.options && window.essay.options().mode === 'simulation') ? 1 : 0;
});
EM_JS(void, JsPageUrl, (char* out, int capacity), {
    stringToUTF8(window.location.href.split('#')[0], out, capacity);
});
// The page's fragment at start, then each change by navigation; boot.js queues them in Module.essayFragments.
EM_JS(int, JsTakeFragment, (char* out, int capacity), {
    if (!Module.essayFragments) {
        Module.essayFragments = [window.location.hash];
        const queue = () => { Module.essayFragments.push(window.location.hash); Module.essayWake(); };
        window.addEventListener('hashchange', queue);
        window.addEventListener('popstate', queue);
    }
    if (Module.essayFragments.length === 0) return 0;
    const fragment = String(Module.essayFragments.shift());
    if (lengthBytesUTF8(fragment) >= capacity) return -1; // too long to be ours: ignored
    stringToUTF8(fragment, out, capacity);
    return 1;
});
EM_JS(void, JsWriteFragment, (const char* fragment, int push), {
    const url = window.location.pathname + window.location.search + UTF8ToString(fragment);
    try {
        if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
    } catch (e) {
        // A sandboxed frame may refuse history changes; the reader loses nothing but the link.
    }
});
EM_JS(int, JsTakeCommand, (char* out, int capacity), {
    const commands = Module.essayCommands;
    if (!commands || commands.length === 0) return 0;
    const command = String(commands.shift());
    if (lengthBytesUTF8(command) >= capacity) return -1;
    stringToUTF8(command, out, capacity);
    return 1;
});
// The HTML simulation controls' queue (web/boot.js); a queue of its own so app::ApplyCommand stays the essay's.
EM_JS(int, JsTakeSimCommand, (char* out, int capacity), {
    const commands = Module.essaySimCommands;
    if (!commands || commands.length === 0) return 0;
    const command = String(commands.shift());
    if (lengthBytesUTF8(command) >= capacity) return -1;
    stringToUTF8(command, out, capacity);
    return 1;
});
// The host's wake-ups that SDL does not see: a change of theme, motion preference or pixel ratio. The page's other
// sources (web/boot.js: commands, focus, the GPU context; JsTakeFragment: navigation) call Module.essayWake too.
EM_JS(void, JsInstallWake, (), {
    Module.essayWake = function () { _essay_wake(); };
    const wake = Module.essayWake;
    // SDL resizes the canvas on 'resize', which clears it, but queues no event when its CSS size did not change:
    // the app must draw again all the same.
    window.addEventListener('resize', function () { Module.essayRedraw = true; wake(); });
    if (!window.matchMedia) return;
    ['(prefers-color-scheme: dark)', '(prefers-reduced-motion: reduce)'].forEach(function (query) {
        const list = window.matchMedia(query);
        if (list.addEventListener) list.addEventListener('change', wake);
    });
    // A media query for the current ratio fires once when the ratio changes; then watch the new one. SDL reads the
    // ratio only on 'resize', which a ratio change alone need not fire: send it one, which also wakes the loop.
    const watchRatio = function () {
        const list = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
        if (list.addEventListener) list.addEventListener('change', function () {
            window.dispatchEvent(new Event('resize'));
            wake();
            watchRatio();
        }, { once: true });
    };
    watchRatio();
});
EM_JS(int, JsTakeRedraw, (), {
    const redraw = Module.essayRedraw ? 1 : 0;
    Module.essayRedraw = false;
    return redraw;
});
// Set by web/boot.js on focusin/focusout in the HTML essay.
EM_JS(void, JsDomFocus, (char* out, int capacity), {
    stringToUTF8(String(Module.essayDomFocus || "").slice(0, 200), out, capacity);
});
EM_JS(void, JsPublishObjections, (const char* json), {
    Module.essayObjections = UTF8ToString(json);
});
// localStorage, never a cookie. It can throw (a sandboxed frame, storage disabled): then nothing is kept.
EM_JS(void, JsLoadSettings, (char* out, int capacity), {
    let text = "";
    try { text = window.localStorage.getItem("essay.settings") || ""; } catch (e) { text = ""; }
    stringToUTF8(text.slice(0, 512), out, capacity);
});
EM_JS(void, JsSaveSettings, (const char* text), {
    try { window.localStorage.setItem("essay.settings", UTF8ToString(text)); } catch (e) { }
});
// SDL 2.26's browser driver has no clipboard (pitfall P11). The async API first; where it is refused (an
// insecure origin, a frame without permission), a selected hidden textarea and the copy command.
EM_JS(void, JsSetClipboardText, (const char* text), {
    const value = UTF8ToString(text);
    Module.essayClipboard = value;
    const fallback = () => {
        const area = document.createElement("textarea");
        area.value = value;
        area.readOnly = true;
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        try { document.execCommand("copy"); } catch (e) { }
        area.remove();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(fallback);
    else fallback();
});
EM_JS(void, JsSignalReady, (), {
    document.documentElement.dataset.essayReady = "1";
    if (Module.onEssayReady) Module.onEssayReady();
});
EM_JS(void, JsPublishState, (const char* json), {
    Module.essayState = UTF8ToString(json);
    if (Module.onEssayState) Module.onEssayState();
});
// web/boot.js sets these from the canvas's webglcontextlost and webglcontextrestored events.
EM_JS(int, JsGpuContextLost, (), { return Module.essayGpuLost ? 1 : 0; });
EM_JS(int, JsTakeGpuContextRestored, (), {
    const restored = Module.essayGpuRestored ? 1 : 0;
    Module.essayGpuRestored = false;
    return restored;
});
// The worker pool (web/boot.js). Absent pool (an old page, a test harness): no workers.
EM_JS(int, JsWorkers, (int start, int* idle), {
    const pool = Module.essayWorkers;
    if (!pool) return 0;
    if (start) pool.start();
    HEAP32[idle >> 2] = pool.idle();
    return pool.ready();
});
EM_JS(void, JsPostWorkerJob, (int generation, int panel, int seed, const uint8_t* bytes, int size), {
    Module.essayWorkers.post([generation, panel, seed], HEAPU8.slice(bytes, bytes + size));
});
// The size of the next result's rows (0 for a failed job), or -1 when none is waiting.
EM_JS(int, JsWorkerResultSize, (), {
    const pool = Module.essayWorkers;
    const next = pool ? pool.peek() : null;
    return next ? (next.rows ? next.rows.length : 0) : -1;
});
EM_JS(void, JsTakeWorkerResult, (int* id, uint8_t* out), {
    const next = Module.essayWorkers.take();
    HEAP32.set(next.job, id >> 2);
    if (next.rows) HEAPU8.set(next.rows, out);
});
EM_JS(void, JsSignalFailure, (int no_graphics, const char* detail), {
    console.warn("essay: cannot start: " + UTF8ToString(detail));
    if (Module.onEssayFailed) Module.onEssayFailed(no_graphics ? "no-gl" : "damaged-data");
});
// clang-format on

// The loop: one requestAnimationFrame at a time, asked for only while a frame wants another or the host wakes it.
struct Loop {
    FrameFn frame = nullptr;
    void* user = nullptr;
    bool scheduled = false;
};
Loop loop;

EM_BOOL OnAnimationFrame(double, void*) {
    loop.scheduled = false;
    bool another = false;
    if (loop.frame(loop.user, another) && another)
        RequestFrame();
    return EM_FALSE; // one frame per request: the loop sleeps unless asked again
}
} // namespace

HostPreferences ReadHostPreferences() { return {JsPrefersDark() != 0, JsReducedMotion() != 0, false}; }

bool ReadStartPosition(std::string& out_id, float& out_offset) {
    char id[128] = {};
    if (!JsStartPosition(id, int(sizeof id), &out_offset))
        return false;
    out_id = id;
    return true;
}

std::string ReadOnlyFigure() { return JsSimulationOnly() ? "simulation" : ""; }

std::string ReadPageUrl() {
    char url[2048] = {};
    JsPageUrl(url, int(sizeof url));
    return url;
}

// Reads queued strings one by one; an entry too long for the buffer is dropped and the next one is read.
template <int (*Take)(char*, int)> bool TakeQueued(std::string& out) {
    char buffer[4096];
    for (;;) {
        const int got = Take(buffer, int(sizeof buffer));
        if (got == 0)
            return false;
        if (got > 0) {
            out = buffer;
            return true;
        }
    }
}

bool TakeFragmentChange(std::string& out_fragment) { return TakeQueued<JsTakeFragment>(out_fragment); }

void WriteFragment(const std::string& fragment, bool push) { JsWriteFragment(fragment.c_str(), push ? 1 : 0); }

bool TakeCommand(std::string& out_command) { return TakeQueued<JsTakeCommand>(out_command); }

bool TakeSimCommand(std::string& out_command) { return TakeQueued<JsTakeSimCommand>(out_command); }

std::string ReadDomFocus() {
    char id[256] = {};
    JsDomFocus(id, int(sizeof id));
    return id;
}

void PublishObjections(const std::string& json) { JsPublishObjections(json.c_str()); }

std::string LoadSettings() {
    char text[2048] = {};
    JsLoadSettings(text, int(sizeof text));
    return text;
}

void SaveSettings(const std::string& text) { JsSaveSettings(text.c_str()); }

void SetClipboardText(const char* text) { JsSetClipboardText(text); }

void SignalReady() { JsSignalReady(); }

void PublishState(const std::string& json) { JsPublishState(json.c_str()); }

bool GpuContextLost() { return JsGpuContextLost() != 0; }
bool TakeRedrawRequest() { return JsTakeRedraw() != 0; }
bool TakeGpuContextRestored() { return JsTakeGpuContextRestored() != 0; }

void SignalFailure(Failure failure, const char* detail) {
    JsSignalFailure(failure == Failure::NoGraphics ? 1 : 0, detail);
}

Workers ReadWorkers(bool start) {
    int idle = 0;
    const int ready = JsWorkers(start ? 1 : 0, &idle);
    return {ready, idle};
}

void PostWorkerJob(const WorkerJobId& id, const std::vector<uint8_t>& bytes) {
    JsPostWorkerJob(id.generation, id.panel, id.seed, bytes.data(), int(bytes.size()));
}

bool TakeWorkerResult(WorkerJobId& out_id, std::vector<uint8_t>& out_rows) {
    const int size = JsWorkerResultSize();
    if (size < 0)
        return false;
    out_rows.assign(size_t(size), 0);
    int id[3] = {};
    JsTakeWorkerResult(id, out_rows.data());
    out_id = {id[0], id[1], id[2]};
    return true;
}

void RequestFrame() {
    if (loop.frame == nullptr || loop.scheduled)
        return;
    loop.scheduled = true;
    emscripten_request_animation_frame(OnAnimationFrame, nullptr);
}

void RunMainLoop(FrameFn frame, void* user) {
    loop = {frame, user, false};
    JsInstallWake();
    RequestFrame();
    // main() returns to the browser with the runtime alive; frames come from requestAnimationFrame.
    emscripten_exit_with_live_runtime();
}

} // namespace platform

// Module.essayWake (JsInstallWake) lands here.
extern "C" EMSCRIPTEN_KEEPALIVE void essay_wake() { platform::RequestFrame(); }
