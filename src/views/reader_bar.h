// The bar across the top of the essay: contents with the current section, reading progress, the objections, and one
// settings menu (theme, text size, and the entry that opens the key to the marks). Knows ImGui and the app state; no SDL, GL or
// browser.
#pragma once

#include "app/app_state.h"
#include "views/focus.h"
#include "views/fonts.h"

#include <string>
#include <vector>

namespace views {

inline constexpr float ReaderBarHeight = 44.0f;

// View state, owned for the app's lifetime.
struct ReaderBar {
    bool contents_open = false; // the contents popup is showing (ImGui owns whether it is open)
    bool contents_objections = false; // it shows the list of every objection in place of the sections
    bool settings_open = false; // the compact bar's settings menu is showing
    bool key_open = false;      // the key to the marks is showing
    bool key_requested = false; // open the key at the next drawing (its menu entry, or the first-visit hint)
    bool needs_frame = false; // this frame: a popup opened or closed, or the bar is sliding (goes into the report)
    float hidden = 0.0f;           // 0 shown .. 1 slid away above the window (compact bar, scrolling down)
    float last_scroll_y = 0.0f;
    std::vector<std::string> section_details; // per section of the Document: "10 objections", made once
    uint32_t figure_section = UINT32_MAX;     // the section the simulation's figure is in, found with the details
    float column_right = 0.0f; // the reading column's right edge, CSS px, written by the essay view before drawing
};

// Draws the bar over the top of the window and applies what the reader chose to `state` (the platform persists the
// settings when their saved form changes). Its controls join `focus` after the essay's, so Tab reaches them too, and
// go into `report`, whose reading_block must already be set (the bar names the current section). `dt` slides the
// compact bar away and back.
void DrawReaderBar(ReaderBar& bar, app::AppState& state, app::FrameReport& report, const Fonts& fonts,
                   FocusRing& focus, float dt);

} // namespace views
