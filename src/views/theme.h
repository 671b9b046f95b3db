// The one theme: every colour role of the light and dark palettes, the metrics controls share, and the ImGui style
// derived from them. Knows no document or platform.
#pragma once

#include "app/app_state.h"
#include "imgui.h"

namespace views {

// Colour roles, all derived from the essay's four: paper, ink, muted and accent (shell.html sets the same four for the HTML). Views
// take every colour from here and never set an ImGui colour of their own; ApplyTheme maps ImGui's style onto the
// same roles, so stock widgets (the figure's buttons and fields) wear them too.
struct Palette {
    ImVec4 background; // paper; also the GL clear colour
    ImU32 ink;         // body text
    ImU32 muted;       // secondary text, labels, resting annotation marks
    ImU32 heading;
    ImU32 accent;      // links, the open marker, focus, progress: rare, so it means something
    ImU32 quote_bar;   // the rule beside a block quote and a card's quotations
    ImU32 scrollbar;
    ImU32 card_background; // cards, popups and menus: a shade off the paper
    ImU32 card_border;     // every hairline: card edges, the bar's lower edge, separators
    ImU32 marker;    // the annotation colour: a passage's underline and its marker at rest; calm, never alarm-red
    ImU32 highlight; // a passage just jumped to; the current search match
    ImU32 reply_wash; // the replies' passages while their card is open, the card's copies of them and the key's sample
    ImU32 objection_tint; // an objection's passage while its card is showing (a tint, not a red underline)
    ImU32 addressed;       // the verdict "addressed" and its chip; "partly addressed" takes `partly`
    ImU32 partly;
    // "not addressed": a slate of its own; in the muted grey it read as a disabled control, or "not yet reviewed", to
    // three of stop 55's six fresh readers. Never red, which read as an error.
    ImU32 unaddressed;
    ImU32 bar_background; // opaque: nothing shows through the reader bar
    ImU32 selection;
    ImU32 match;           // a search match; the current one takes `highlight`
    ImU32 shadow;          // the reader bar's soft shadow once the page scrolls
    ImU32 scrim;           // over the page under an open bar menu, so the menu reads as above it, not pasted on it
    ImU32 control_hover;   // behind a hovered control
    ImU32 control_pressed; // behind a pressed control
    ImU32 control_selected; // behind a chosen row of a list or menu (ImGui's headers and tabs)
};

// Sizes every control shares, in CSS px.
struct Metrics {
    float control_height = 30.0f; // a bar control's drawn height on desktops
    float touch_target = 44.0f;   // the least hit height and width on phones
    float pill_rounding = 15.0f;  // ImGui's own frames; our pills are round-ended at any height (widgets.cpp)
    float card_rounding = 6.0f;
    float hairline = 1.0f;
    float focus_width = 2.0f;
};
inline constexpr Metrics ThemeMetrics{};

const Palette& PaletteFor(app::Theme theme);
// Sets ImGui's style, colours and metrics, for the theme; call when the theme changes.
void ApplyTheme(app::Theme theme);
// `colour` with its alpha multiplied by `alpha` (0..1), for fades.
ImU32 Faded(ImU32 colour, float alpha);

} // namespace views
