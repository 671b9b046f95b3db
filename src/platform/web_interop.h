// The few things the app asks of its host (the browser page, or the desktop natively); knows no ImGui or document.
// One implementation per platform: web_interop_emscripten.cpp and web_interop_native.cpp.
#pragma once

#include <string>

namespace platform {

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

// Marks the page ready for tests and publishers (document.documentElement.dataset.essayReady = "1"); once.
void SignalReady();
// Hands the latest inspection JSON (app::StateJson) to `window.essay.state()`.
void PublishState(const std::string& json);

// Runs `frame` until it returns false. In the browser this is the requestAnimationFrame loop and never returns to
// the caller's stack; natively `wait_for_events` lets the loop sleep in SDL until input arrives.
using FrameFn = bool (*)(void* user);
using IdleFn = bool (*)(void* user); // true when nothing animates, so the loop may sleep
void RunMainLoop(FrameFn frame, IdleFn idle, void* user);

} // namespace platform
