// The desktop host: preferences from environment variables, ready and state on stderr when asked, a blocking loop.
#include "platform/web_interop.h"

#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace platform {

namespace {
bool EnvIs(const char* name, const char* value) {
    const char* v = std::getenv(name);
    return v != nullptr && std::strcmp(v, value) == 0;
}
} // namespace

HostPreferences ReadHostPreferences() {
    static const HostPreferences prefs = {EnvIs("ESSAY_THEME", "dark"), EnvIs("ESSAY_REDUCED_MOTION", "1"),
                                          EnvIs("ESSAY_QUIT_WHEN_READY", "1")};
    return prefs;
}

// The desktop app has no page to take over from.
bool ReadStartPosition(std::string&, float&) { return false; }

std::string ReadOnlyFigure() { return EnvIs("ESSAY_MODE", "simulation") ? "simulation" : ""; }

std::string ReadPageUrl() { return {}; }

// The desktop app opens at ESSAY_FRAGMENT (for example "#conclusion"), once.
bool TakeFragmentChange(std::string& out_fragment) {
    static bool taken = false;
    const char* fragment = std::getenv("ESSAY_FRAGMENT");
    if (taken || fragment == nullptr)
        return false;
    taken = true;
    out_fragment = fragment;
    return true;
}

void WriteFragment(const std::string& fragment, bool push) {
    if (EnvIs("ESSAY_TRACE", "1"))
        std::fprintf(stderr, "essay: %s %s\n", push ? "push" : "replace", fragment.c_str());
}

bool TakeCommand(std::string&) { return false; }
bool TakeSimCommand(std::string&) { return false; }
std::string ReadDomFocus() { return {}; }

// The desktop app keeps no settings between runs yet; ESSAY_THEME and ESSAY_REDUCED_MOTION stand in for the page's.
std::string LoadSettings() { return {}; }
void SaveSettings(const std::string&) {}

void PublishObjections(const std::string&) {}

void SetClipboardText(const char* text) { SDL_SetClipboardText(text); }

// With ESSAY_TRACE=1 the desktop build reports what the page would see, so scripts can wait for it.
void SignalReady() {
    if (EnvIs("ESSAY_TRACE", "1"))
        std::fprintf(stderr, "essay: ready\n");
}

void PublishState(const std::string& json) {
    if (EnvIs("ESSAY_TRACE", "1"))
        std::fprintf(stderr, "essay: state %s\n", json.c_str());
}

bool GpuContextLost() { return false; }
bool TakeRedrawRequest() { return false; }
bool TakeGpuContextRestored() { return false; }

void SignalFailure(Failure, const char* detail) { std::fprintf(stderr, "essay: cannot start: %s\n", detail); }

// The desktop app runs the ensemble's seeds on its own thread, a little each frame, as a page without workers does.
Workers ReadWorkers(bool) { return {}; }
void PostWorkerJob(const WorkerJobId&, const std::vector<uint8_t>&) {}
bool TakeWorkerResult(WorkerJobId&, std::vector<uint8_t>&) { return false; }

void RunMainLoop(FrameFn frame, void* user) {
    bool another = true;
    for (;;) {
        // Sleeping in SDL until an event arrives keeps an idle desktop app at zero CPU, with no timer.
        if (!another)
            SDL_WaitEvent(nullptr);
        if (!frame(user, another))
            return;
    }
}

void RequestFrame() {}

} // namespace platform
