// Colours of the light and dark themes and the ImGui style that goes with them; knows no document or platform.
#pragma once

#include "app/app_state.h"
#include "imgui.h"

namespace views {

struct Palette {
    ImVec4 background; // also the GL clear colour
    ImU32 ink;         // body text
    ImU32 muted;       // secondary text, rules
    ImU32 heading;
    ImU32 accent;      // links, focus, progress
    ImU32 quote_bar;   // the rule beside a block quote
    ImU32 scrollbar;
    ImU32 card_background;
    ImU32 card_border;
    ImU32 status_answered;
    ImU32 status_partly;
    ImU32 status_open;
    ImU32 marker;    // the subtle underline of an anchored passage
    ImU32 highlight; // a passage just jumped to
    ImU32 bar_background;
    ImU32 selection;
    ImU32 match;         // a search match; the current one takes `highlight`
};

const Palette& PaletteFor(app::Theme theme);
// Sets ImGui's style colours for the theme; call when the theme changes.
void ApplyTheme(app::Theme theme);

} // namespace views
