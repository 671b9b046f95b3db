// The bar across the top of the essay: contents with the current section, reading progress, and the reader's
// settings (objections, theme, text size). Knows ImGui and the app state; no SDL, GL or browser.
#pragma once

#include "app/app_state.h"
#include "views/focus.h"
#include "views/fonts.h"

namespace views {

inline constexpr float ReaderBarHeight = 44.0f;

// View state, owned for the app's lifetime.
struct ReaderBar {
    bool contents_open = false; // the contents popup is showing (ImGui owns whether it is open)
};

// Draws the bar over the top of the window and applies what the reader chose to `state` (the platform persists the
// settings when their saved form changes). Its controls join `focus` after the essay's, so Tab reaches them too,
// and go into `report`, whose reading_block must already be set (the bar marks the current section).
void DrawReaderBar(ReaderBar& bar, app::AppState& state, app::FrameReport& report, const Fonts& fonts, FocusRing& focus);

} // namespace views
