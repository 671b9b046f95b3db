// The reading column: lays out the Document's blocks with text::, draws them with ImGui and scrolls them.
// Knows ImGui and the core; knows no SDL, GL or browser. Owns only view state: caches, block positions, flags.
#pragma once

#include "app/app_state.h"
#include "text/text_layout.h"
#include "views/fonts.h"

#include <vector>

namespace views {

// Lives as long as the app. Its caches are valid for (column_width, font_generation) and are rebuilt when either
// changes, never every frame.
struct EssayView {
    std::vector<text::Layout> layouts; // one per Document block
    std::vector<float> block_top;      // y of each block in content space, CSS px
    float column_width = 0.0f;
    float column_left = 0.0f;
    int font_generation = -1;
    float content_height = 0.0f;
    bool drew_text = false;        // set once a frame has shown essay text: the page may say it is ready
    bool scrollbar_held = false;
    float scrollbar_grab_offset = 0.0f;
};

// Draws one frame of the essay into a full-window ImGui window and applies the reader's scroll input
// (wheel, keyboard, scrollbar) to state.scroll. Touch drags arrive in state.scroll from the platform layer.
void DrawEssay(EssayView& view, app::AppState& state, const Fonts& fonts);

// The body text size in CSS px for a viewport: smaller on phones, never under 17 px.
float BodySizeFor(const app::Viewport& viewport);

} // namespace views
