// One frame's traffic between the platform and the views: what the host saw since the last frame (FrameInput) and
// what the views report about the frame they drew (FrameReport). Plain data; knows no ImGui, SDL or browser.
#pragma once

#include "doc/document.h"

#include <array>
#include <string>
#include <vector>

namespace app {

// An interactive control on screen, as the views drew it this frame: for tests, publishers and the page's
// accessibility layer. kind is "marker", "jump", "see", "comment", "simulation", "copy", "close", "back", "paragraph-link",
// a reader-bar control's kind, or "sim" for the figure's own controls (id: the control's id, e.g. "play").
struct ControlSpot {
    std::string kind;
    std::string id;
    float x = 0.0f, y = 0.0f, width = 0.0f, height = 0.0f; // CSS px in the viewport
};

// Filled by the platform before the views run, valid for one frame. Lasting reader state is in AppState.
struct FrameInput {
    float dt = 0.0f;               // seconds of animation time since the last drawn frame (capped by the platform)
    bool search_requested = false; // Ctrl/Cmd+F was pressed: the view opens the search and focuses its field
    bool touch_pointer = false;    // the last pointer press came from a finger: it scrolls, it does not select
    float press_x = 0.0f, press_y = 0.0f; // where the last press happened (CSS px), from the press event itself
    int press_clicks = 0;                  // 2 for the second press of a double click, by the events' own times
    std::string dom_focus; // id of the page's HTML element with keyboard focus (the a11y layer), or empty
};

// Written by the views while they draw one frame; the platform reads it after the frame and then clears it.
struct FrameReport {
    std::vector<ControlSpot> controls; // every control drawn this frame, in drawing order; never capped
    std::string focused_control;       // "kind:id" of the control with keyboard focus, or empty
    doc::BlockId reading_block;        // the block at the top of the viewport
    float figure_y = -1.0f;            // content y of the simulation figure's top, or -1 when it was not laid out
    std::array<std::array<float, 4>, 2> maps{}; // the figure's two maps, {x, y, w, h} in the viewport; 0 when not drawn
    // How each panel counts its calls in all, as drawn: a phone's turnout line's title, a wide figure's tally's words
    // (app::TallyWords); empty where neither was.
    std::array<std::string, 2> turnout_titles;
    std::array<float, 4> flip_scale{};          // the figure's "When calls outlast…" scale, {x, y, w, h}; 0: not drawn
    bool drew_text = false;            // this frame showed essay text: the page may say it is ready
    // Something the views animate is still in flight (a glide, a card opening, a highlight fading, a bar sliding):
    // draw another frame. The one request for more frames a view makes; the platform adds the core's own reasons.
    bool wants_frame = false;
};

} // namespace app
