// The one platform layer: owns SDL2, the GL context, Dear ImGui's backends and the main loop, and glues input and
// the host page to the core and the views. Everything it draws comes from views::; everything it knows, from app::.
#include "app/app_state.h"
#include "app/navigation.h"
#include "app/simulation.h"
#include "doc/serialize.h"
#include "platform/embedded_content.h"
#include "platform/gl_renderer.h"
#include "platform/web_interop.h"
#include "views/essay_view.h"
#include "views/fonts.h"
#include "views/theme.h"

#include "imgui.h"
#include "imgui_impl_sdl.h"

#include <SDL.h>
#if defined(__EMSCRIPTEN__)
#include <SDL_opengles2.h>
#else
#include <SDL_opengl.h>
#endif

#include <algorithm>
#include <bitset>
#include <cstdio>
#include <vector>

namespace {

// Owned by main() for the program's lifetime (the browser loop never returns, so it is static there).
struct Program {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    platform::GlRenderer renderer;
    app::AppState state;
    views::Fonts fonts;
    views::EssayView essay;
    app::FrameInput input;   // rebuilt by ReadInput every frame
    app::FrameReport drawn;  // what the last drawn frame reported: published until the next one is drawn
    std::vector<SDL_Event> pending; // events held back for the next frame (see PumpEvents)
    uint64_t last_counter = 0;
    bool continued = false; // the previous frame asked for this one (false: the loop slept in between)
    // ImGui settles hover and activation one frame after the input that caused it: frames still to draw.
    int settle_frames = 2;
    bool theme_applied = false;
    bool ready = false;
    std::string published_state;
    std::string shown_state;    // the published state without the ensemble's progress (see Publish)
    std::string saved_settings; // the settings' text as last saved: a change of it is saved, by any control
    // The fragment last written to the URL, and the open objections it recorded: a change of those is a new history
    // entry, anything else replaces the current one.
    std::string written_fragment;
    std::vector<doc::ObjectionId> written_open;
    bool navigated = false; // the last change came from the URL itself: record it without a new entry
    bool place_from_link = false; // the page's URL named a place to open at
    // Touch scrolling: one finger drags the page; the time of its last sample gives the fling velocity.
    bool finger_down = false;
    SDL_FingerID finger = 0;
    uint32_t finger_time = 0;
    bool hidden = false; // the page's tab is hidden: no drawing, no simulation time
    float slow_frame_seconds = 0.0f; // the longest recent frame, decaying: events may have waited behind it
    app::EnsemblePace ensemble_pace;  // how long an ensemble tick takes on this machine, learnt from timed slices
    float since_bands_drawn = 0.0f;   // seconds since the ensemble's progress last asked for a redraw
};

// The charts' ensemble runs in the time a frame has left: little when the frame also draws (so scrolling stays
// smooth), most of the frame when it only computes. Its bands are redrawn a few times a second while it runs.
constexpr double EnsembleMsInDrawnFrame = 4.0;
constexpr double EnsembleMsInQuietFrame = 12.0;
constexpr float EnsembleRedrawSeconds = 0.25f;
// The first frame after the loop slept animates by one display frame, not by the time it slept.
constexpr float FirstFrameSeconds = 1.0f / 60.0f;

void HandleFinger(Program& p, const SDL_Event& e) {
    app::Scroll& scroll = p.state.scroll;
    const SDL_TouchFingerEvent& f = e.tfinger;
    if (e.type == SDL_FINGERDOWN && !p.finger_down) {
        p.finger_down = true;
        p.finger = f.fingerId;
        p.finger_time = f.timestamp;
        app::BeginDrag(scroll);
    } else if (e.type == SDL_FINGERMOTION && p.finger_down && f.fingerId == p.finger) {
        const float dt = float(f.timestamp - p.finger_time) / 1000.0f;
        p.finger_time = f.timestamp;
        // The content follows the finger: moving the finger up scrolls down.
        app::DragBy(scroll, -f.dy * p.state.viewport.height, std::max(dt, 0.001f));
    } else if (e.type == SDL_FINGERUP && p.finger_down && f.fingerId == p.finger) {
        p.finger_down = false;
        // A finger that rested before lifting means "stop here", not "fling". SDL stamps events when it handles
        // them, so a slow frame between the last move and the lift must not count as resting.
        const float rested_ms = std::max(120.0f, 1500.0f * p.slow_frame_seconds);
        const bool fresh = float(f.timestamp - p.finger_time) < rested_ms;
        app::EndDrag(scroll, fresh && !p.state.reduced_motion);
    }
}

// Feeds SDL's events to ImGui. ImGui 1.86's SDL backend writes key and button state directly (pitfall P9): a key
// pressed and released between two frames would never be seen. So a frame takes events only up to the first release
// of a key or button it saw pressed; the rest wait in `pending` for the next frame. Returns false when the app should quit.
bool PumpEvents(Program& p, bool& had_input) {
    SDL_Event e;
    while (SDL_PollEvent(&e))
        p.pending.push_back(e);
    ImGuiIO& io = ImGui::GetIO();
    std::bitset<SDL_NUM_SCANCODES> pressed;
    bool mouse_pressed = false, mouse_released = false;
    size_t used = 0;
    bool keep_running = true;
    for (; used < p.pending.size(); ++used) {
        const SDL_Event& ev = p.pending[used];
        // The same holds for buttons: one frame sees at most one press and one release, so a click, and each click of
        // a double click, reach ImGui as a press in one frame and a release in the next.
        if ((ev.type == SDL_KEYUP && pressed.test(size_t(ev.key.keysym.scancode))) ||
            (ev.type == SDL_MOUSEBUTTONUP && mouse_pressed) || (ev.type == SDL_MOUSEBUTTONDOWN && mouse_released))
            break;
        mouse_released = mouse_released || ev.type == SDL_MOUSEBUTTONUP;
        had_input = true;
        switch (ev.type) {
        case SDL_QUIT: keep_running = false; break;
        case SDL_WINDOWEVENT:
            // A hidden tab (or a minimised window) draws nothing and lets time stand still; showing it redraws.
            if (ev.window.event == SDL_WINDOWEVENT_HIDDEN || ev.window.event == SDL_WINDOWEVENT_MINIMIZED)
                p.hidden = true;
            else if (ev.window.event == SDL_WINDOWEVENT_SHOWN || ev.window.event == SDL_WINDOWEVENT_RESTORED)
                p.hidden = false;
            ImGui_ImplSDL2_ProcessEvent(&ev);
            break;
        case SDL_MOUSEWHEEL:
            // The backend rounds the wheel to ±1; trackpads and browsers deliver fractions, so keep them.
            io.MouseWheel += ev.wheel.preciseY;
            io.MouseWheelH += ev.wheel.preciseX;
            break;
        case SDL_MOUSEBUTTONDOWN:
            // SDL turns a touch into mouse events too; a finger scrolls, so the views must not start a selection.
            p.input.touch_pointer = ev.button.which == SDL_TOUCH_MOUSEID;
            // ImGui reads the pointer's current position; a quick drag has moved on by the frame that sees the press.
            p.input.press_x = float(ev.button.x);
            p.input.press_y = float(ev.button.y);
            p.input.press_clicks = ev.button.clicks;
            mouse_pressed = true;
            ImGui_ImplSDL2_ProcessEvent(&ev);
            break;
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP: HandleFinger(p, ev); break;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            // Ctrl/Cmd+F is the in-essay search while the canvas has the keyboard (README: "Find").
            if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_f && (ev.key.keysym.mod & (KMOD_CTRL | KMOD_GUI)))
                p.input.search_requested = true;
            ImGui_ImplSDL2_ProcessEvent(&ev);
            if (ev.type == SDL_KEYDOWN)
                pressed.set(size_t(ev.key.keysym.scancode));
            // The backend reads modifiers from SDL's current state, which is already past the queued events.
            io.KeyCtrl = (ev.key.keysym.mod & KMOD_CTRL) != 0;
            io.KeyShift = (ev.key.keysym.mod & KMOD_SHIFT) != 0;
            io.KeyAlt = (ev.key.keysym.mod & KMOD_ALT) != 0;
            io.KeySuper = (ev.key.keysym.mod & KMOD_GUI) != 0;
            break;
        default: ImGui_ImplSDL2_ProcessEvent(&ev); break;
        }
    }
    p.pending.erase(p.pending.begin(), p.pending.begin() + std::ptrdiff_t(used));
    return keep_running;
}

app::Viewport ReadViewport(SDL_Window* window) {
    int w = 0, h = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(window, &w, &h);
    SDL_GL_GetDrawableSize(window, &dw, &dh);
    return {float(w), float(h), w > 0 ? float(dw) / float(w) : 1.0f};
}

// Keeps the URL in step with the reader: opening or closing an objection, and arriving after a jump (the contents,
// a reply's passage), are history entries, so back and forward step through them; scrolling only replaces the
// current entry, once the page comes to rest.
void SyncFragment(Program& p) {
    std::vector<doc::ObjectionId> open = app::OpenList(p.state.objections);
    const bool opened_or_closed = open != p.written_open;
    if (!opened_or_closed && app::IsMoving(p.state.scroll))
        return;
    const std::string fragment = app::CurrentFragment(p.state, p.drawn.reading_block);
    if (fragment != p.written_fragment) {
        platform::WriteFragment(fragment, (opened_or_closed || p.state.jumped) && !p.navigated);
        p.written_fragment = fragment;
        p.state.jumped = false;
    } else if (p.state.pending_anchor.id.empty()) {
        p.state.jumped = false; // arrived where the reader already was: nothing to record
    }
    p.written_open = std::move(open);
    p.navigated = false;
}

// Step 1 of a frame: everything the host says since the last frame, into p.input and p.state. Returns whether
// anything changed that the views must show; `quit` is set when the desktop window closed.
bool ReadInput(Program& p, bool& quit) {
    p.input.search_requested = false;
    bool changed = false;
    quit = !PumpEvents(p, changed);
    const app::Viewport viewport = ReadViewport(p.window);
    if (viewport.width != p.state.viewport.width || viewport.height != p.state.viewport.height ||
        viewport.dpr != p.state.viewport.dpr) {
        p.state.viewport = viewport;
        changed = true;
    }
    const platform::HostPreferences prefs = platform::ReadHostPreferences();
    const app::ThemeChoice choice = p.state.settings.theme;
    const app::Theme theme = choice == app::ThemeChoice::Dark    ? app::Theme::Dark
                             : choice == app::ThemeChoice::Light ? app::Theme::Light
                             : prefs.prefers_dark                ? app::Theme::Dark
                                                                 : app::Theme::Light;
    if (!p.theme_applied || theme != p.state.theme || prefs.reduced_motion != p.state.reduced_motion) {
        p.state.theme = theme;
        p.state.reduced_motion = prefs.reduced_motion;
        views::ApplyTheme(theme);
        p.theme_applied = true;
        changed = true;
    }
    // Until the canvas shows the essay it takes over where the reader is in the HTML essay, unless a link named a
    // place: the browser scrolls the HTML towards a link's target on its own schedule, so the link's place wins.
    if (!p.ready && !p.place_from_link)
        platform::ReadStartPosition(p.state.pending_anchor.id, p.state.pending_anchor.offset);
    std::string incoming;
    while (platform::TakeFragmentChange(incoming)) {
        // A malformed fragment changes nothing: the reader stays where they are.
        if (const std::optional<app::Location> location = app::ParseLocation(incoming, p.state.document)) {
            app::ApplyLocation(p.state, *location);
            p.place_from_link = p.place_from_link || !location->at.empty() || !location->open.empty();
            p.navigated = true;
            changed = true;
        }
    }
    while (platform::TakeCommand(incoming))
        changed = app::ApplyCommand(p.state, incoming) || changed;
    // The page's HTML controls for the simulation, and where keyboard focus is in the page's HTML essay.
    while (platform::TakeSimCommand(incoming))
        changed = app::ApplySimCommand(p.state.sim, incoming, p.state.reduced_motion) || changed;
    changed = platform::TakeRedrawRequest() || changed;
    if (std::string dom_focus = platform::ReadDomFocus(); dom_focus != p.input.dom_focus) {
        p.input.dom_focus = std::move(dom_focus);
        changed = true;
    }
    return changed;
}

// Step 2: time moves the scroll glide, the simulation and its ensemble. Returns whether something moved that the
// views must show.
bool Advance(Program& p, float dt, bool drawing) {
    bool moved = app::Step(p.state.scroll, dt);
    app::AdvanceSim(p.state.sim, dt); // time is an input: the sim turns frame time into whole weeks
    moved = moved || app::SimAnimating(p.state.sim);
    if (app::EnsembleRunning(p.state.sim)) {
        // Seeds go to the page's workers while one is idle; whatever they hand back is taken in. The rest (every
        // seed where there are no workers, the seed begun here before they were ready, the sweep) runs here.
        const platform::Workers workers = platform::ReadWorkers(p.state.sim.ensemble_wanted);
        app::EnsembleJob job;
        for (int i = 0; i < workers.idle && app::TakeEnsembleJob(p.state.sim, &job); ++i)
            platform::PostWorkerJob({job.generation, job.panel, job.seed}, job.bytes);
        platform::WorkerJobId id;
        std::vector<uint8_t> rows;
        while (platform::TakeWorkerResult(id, rows))
            if (!app::FinishEnsembleJob(p.state.sim, id.generation, id.panel, id.seed, rows))
                std::fprintf(stderr, "essay: a worker's seed failed; the ensemble's seeds run on the main thread\n");
        // The core counts ticks, not time: the platform owns the clock, times each slice and turns its budget into
        // ticks at the pace it has learnt.
        const int ticks = app::EnsembleTicksFor(p.ensemble_pace, drawing || moved ? EnsembleMsInDrawnFrame
                                                                                  : EnsembleMsInQuietFrame);
        const uint64_t start = SDL_GetPerformanceCounter();
        const int ran = app::AdvanceEnsembles(p.state.sim, ticks, workers.ready);
        const double ms = 1000.0 * double(SDL_GetPerformanceCounter() - start) / double(SDL_GetPerformanceFrequency());
        app::MeasureEnsembleSlice(p.ensemble_pace, ran, ms);
        p.since_bands_drawn += dt;
        if (p.since_bands_drawn >= EnsembleRedrawSeconds || !app::EnsembleRunning(p.state.sim)) {
            p.since_bands_drawn = 0.0f;
            moved = true;
        }
    }
    return moved;
}

// Rasterises the fonts when the pixel ratio or text size asks for new ones; returns true when it did. At start that
// frame ends there and the next one draws, so the browser's main thread sees two shorter tasks instead of one long
// one (the first frame would otherwise build the atlas, lay out the whole essay and draw it in one go).
bool RebuildFontsIfNeeded(Program& p) {
    const float body = views::BodySizeFor(p.state.viewport, p.state.settings.text_step);
    if (!views::FontsNeedRebuild(p.fonts, p.state.viewport.dpr, body))
        return false;
    views::RebuildFonts(p.fonts, p.state.viewport.dpr, body);
    platform::UploadFontAtlas(p.renderer);
    return true;
}

// Step 3: one ImGui frame of the views, and the GL calls that show it. The views report into p.drawn.
void Draw(Program& p) {
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    p.drawn = {};
    if (p.essay.sim.sandbox_open)
        views::DrawSimSandbox(p.essay.sim, p.state, p.drawn, p.fonts, p.essay.focus);
    else
        views::DrawEssay(p.essay, p.state, p.input, p.drawn, p.fonts);
    ImGui::Render();

    int dw = 0, dh = 0;
    SDL_GL_GetDrawableSize(p.window, &dw, &dh);
    glViewport(0, 0, dw, dh);
    const ImVec4 bg = views::PaletteFor(p.state.theme).background;
    glClearColor(bg.x, bg.y, bg.z, bg.w);
    glClear(GL_COLOR_BUFFER_BIT);
    platform::RenderDrawData(p.renderer, ImGui::GetDrawData());
    SDL_GL_SwapWindow(p.window);
}

// Step 4: tell the host what changed: ready, the reader's settings, the URL, the inspection state. Returns whether
// the state the views show changed in this frame (a marker toggled, a card closed): they must draw once more.
bool Publish(Program& p) {
    if (!p.ready && p.drawn.drew_text) {
        p.ready = true;
        platform::SignalReady();
    }
    // Saved when their text changes, whichever control changed them.
    std::string settings = app::FormatSettings(p.state.settings, p.state.objections.mode);
    if (settings != p.saved_settings) {
        platform::SaveSettings(settings);
        p.saved_settings = std::move(settings);
    }
    SyncFragment(p);
    std::string shown;
    std::string json = app::StateJson(p.state, p.drawn, &shown);
    if (json != p.published_state) {
        p.published_state = std::move(json);
        platform::PublishState(p.published_state);
    }
    // The ensemble merely advancing is not such a change: its bands are redrawn on their own cadence, and most
    // frames while it runs only compute.
    if (shown == p.shown_state)
        return false;
    p.shown_state = std::move(shown);
    return true;
}

// The one answer to "does the loop need another frame now, or may it sleep until the host wakes it?"
bool WantsAnotherFrame(const Program& p) {
    if (p.hidden || platform::GpuContextLost())
        return false; // the host wakes the loop when the tab shows or the context is back
    return p.settle_frames > 0 || !p.pending.empty() || !p.state.pending_anchor.id.empty() || !p.ready ||
           p.finger_down || app::IsMoving(p.state.scroll) ||
           app::SimAnimating(p.state.sim) || app::EnsembleRunning(p.state.sim) || p.drawn.wants_frame;
}

// One frame in four steps: read the host's input, advance time, draw (only when something is to be shown), publish.
// Returns false when the program should end (the desktop window closed, or the smoke test's exit).
bool Frame(void* user, bool& another) {
    Program& p = *static_cast<Program*>(user);
    const uint64_t now = SDL_GetPerformanceCounter();
    const float frame_seconds = float(now - p.last_counter) / float(SDL_GetPerformanceFrequency());
    p.last_counter = now;
    // A sleep between frames is neither a slow frame nor animation time.
    if (p.continued)
        p.slow_frame_seconds = std::max(frame_seconds, p.slow_frame_seconds * 0.9f);
    const float dt = p.continued ? std::min(0.1f, frame_seconds) : FirstFrameSeconds;
    p.input.dt = dt;

    bool quit = false;
    const bool changed = ReadInput(p, quit);
    if (quit)
        return false;
    if (changed)
        p.settle_frames = std::max(p.settle_frames, 2);
    if (p.hidden) {
        p.settle_frames = 2; // the first frames after the tab shows again redraw it
        another = p.continued = false;
        return true;
    }
    if (Advance(p, dt, p.settle_frames > 0))
        p.settle_frames = std::max(p.settle_frames, 2);
    // A lost WebGL context draws nothing until the browser gives it back; the reader's state is kept (issue 9).
    if (platform::GpuContextLost()) {
        another = p.continued = false;
        return true;
    }
    if (platform::TakeGpuContextRestored()) {
        // The renderer starts over: its GL names (and its buffers' recorded sizes) belonged to the lost context.
        platform::ForgetRenderer(p.renderer);
        const char* error = "";
        if (!platform::CreateRenderer(p.renderer, &error)) {
            platform::SignalFailure(platform::Failure::NoGraphics, error);
            another = p.continued = false;
            return true;
        }
        platform::UploadFontAtlas(p.renderer);
        p.settle_frames = std::max(p.settle_frames, 2);
    }
    if (p.settle_frames > 0 && RebuildFontsIfNeeded(p) && !p.ready) {
        // Before the first drawing, the fonts take a frame of their own (see RebuildFontsIfNeeded); later a rebuild
        // draws in the same frame, since the canvas a resize cleared must not show empty for a frame. Nothing is
        // published from a frame that did not lay out: the state would pair the new viewport with old heights.
        p.settle_frames = std::max(p.settle_frames, 2);
        another = p.continued = true;
        return true;
    }
    if (p.settle_frames > 0) {
        --p.settle_frames;
        Draw(p);
        if (p.drawn.wants_frame)
            p.settle_frames = std::max(p.settle_frames, 1);
    }
    if (Publish(p))
        p.settle_frames = std::max(p.settle_frames, 1);
    if (p.ready && platform::ReadHostPreferences().quit_when_ready)
        return false;
    another = p.continued = WantsAnotherFrame(p);
    return true;
}

// Any event SDL queues (input, a resize, the tab shown or hidden) wakes a sleeping loop for the next display frame.
// SDL 2.26 queues a sentinel on every poll (SDL_POLLSENTINEL): it is the loop's own echo, not the host, and waking on
// it would keep the loop running forever.
int WakeOnEvent(void*, SDL_Event* event) {
    if (event->type != SDL_POLLSENTINEL)
        platform::RequestFrame();
    return 0;
}

// Unpacks the essay that essay-pack imported and validated at build time. Bytes that do not unpack mean a broken
// build: the reason is printed, and the app shows an empty page rather than half a Document.
doc::Document UnpackEmbeddedDocument() {
    doc::Document document;
    std::string error;
    const platform::EmbeddedText& packed = platform::kEmbeddedContent[0];
    if (!doc::DeserializeDocument(std::string_view(packed.data, packed.size), document, error)) {
        std::fprintf(stderr, "essay: the embedded document is damaged: %s\n", error.c_str());
        platform::SignalFailure(platform::Failure::DamagedData, "the embedded document is damaged");
        return {};
    }
    return document;
}

} // namespace

int main(int, char**) {
#if defined(__EMSCRIPTEN__)
    // Keys go to the canvas only, so the page's own controls keep Tab, arrows and shortcuts (pitfall P12).
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
#endif
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "essay: SDL could not start: %s\n", SDL_GetError());
        return 1;
    }
#if defined(__EMSCRIPTEN__)
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // ImGui draws in painter's order: no depth or stencil buffer to allocate and clear every frame.
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    static Program p;
    p.state.document = UnpackEmbeddedDocument();
    app::ResetObjections(p.state.objections, p.state.document);
    p.state.page_url = platform::ReadPageUrl();
    p.state.only_figure = platform::ReadOnlyFigure();
    p.state.sim.controls_open = !p.state.only_figure.empty(); // an embed of the figure alone is there to be explored
    // The figure opens where its charts end and the essay's comparison is read: month 30 of the default run.
    p.state.sim.opening_weeks = app::DefaultHorizonMonths * sim::WeeksPerMonth;
    app::ParseSettings(platform::LoadSettings(), p.state.settings, p.state.objections.mode);
    platform::PublishObjections(app::ObjectionsJson(p.state.document));
    const std::string title = p.state.document.title.empty() ? "Essay" : p.state.document.title;
#if defined(__EMSCRIPTEN__)
    // The canvas takes its size from the page's CSS; a size that differs from it tells SDL to follow the CSS.
    const int width = 1, height = 1;
#else
    const int width = 1100, height = 800;
#endif
    p.window = SDL_CreateWindow(title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (p.window == nullptr) {
        // In a browser SDL makes the WebGL context with the window: no WebGL 2 fails here.
        std::fprintf(stderr, "essay: no window: %s\n", SDL_GetError());
        platform::SignalFailure(platform::Failure::NoGraphics, "no window with an OpenGL context");
        return 1;
    }
    p.gl = SDL_GL_CreateContext(p.window);
    if (p.gl == nullptr) {
        std::fprintf(stderr, "essay: no OpenGL context: %s\n", SDL_GetError());
        platform::SignalFailure(platform::Failure::NoGraphics, "no OpenGL context");
        return 1;
    }
    SDL_GL_MakeCurrent(p.window, p.gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // reader settings live in the app's state, not in an imgui.ini
    ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
    const char* error = "";
    if (!platform::CreateRenderer(p.renderer, &error)) {
        std::fprintf(stderr, "essay: %s\n", error);
        platform::SignalFailure(platform::Failure::NoGraphics, error);
        return 1;
    }
    io.SetClipboardTextFn = [](void*, const char* text) { platform::SetClipboardText(text); };

    p.last_counter = SDL_GetPerformanceCounter();
    SDL_AddEventWatch(WakeOnEvent, nullptr);
    platform::RunMainLoop(Frame, &p);

    platform::DestroyRenderer(p.renderer);
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(p.gl);
    SDL_DestroyWindow(p.window);
    SDL_Quit();
    return 0;
}
