// The simulation figure in the essay's flow and its window-filling sandbox: two panels (Mobilized | Integrated) on
// the same homes, the controls and interventions, the charts, and the honesty tabs (flip presets, assumptions with
// their sliders, the objection test, what the model leaves out). Knows ImGui and app::SimLab; no SDL or browser.
//
// Ownership: SimView is view state only (which tab, the sandbox flag, cached chart bands); the platform owns it
// inside EssayView for the program's life. Everything simulated lives in AppState::sim.
#pragma once

#include "app/app_state.h"
#include "views/fonts.h"
#include "views/sim_charts.h"
#include "views/sim_sweep.h"
#include "views/widgets.h"

#include "imgui.h"

#include <vector>

namespace views {

struct SimView {
    bool sandbox_open = false;
    bool leaders_emerge = true; // the objection test's toggle: the objection's strongest case first
    bool show_acquaintances = false; // ties below the friend weight: hidden by default, they would be fog
    // Organizers' lists, drawn the same way on both sides: the hubs of mobilization. Off by default: their spokes, the
    // same on both maps, read as clutter or rendering noise to fresh readers.
    bool show_lists = false;
    bool show_origins = false; // ties coloured by what built them (social time, organizing, aid...), else all alike
    bool more_controls = false; // the controls' folded groups (speed, Show, Chance) are open
    // The drawer's open page, 1-4 (flip presets, assumptions, the objection's test, what the model leaves out); 0 while
    // it is closed, as it starts.
    int drawer = 0;
    int readout_month[ChartCount] = {}; // the keyboard's read-out month per chart (Left/Right while it has focus)
    ChartCache charts;
    SweepCache sweep;
    std::vector<ImVec2> positions; // per-node screen positions, reused every frame (no per-frame allocation)
};

// The figure's height at a width, and where its caption ends (from the figure's top). They depend on the width, the
// UI font size, whether the guided path is on (its captions need room), reduced motion (no Play row) and which of the
// view's Show toggles are on (their entries in the key); on a phone also on the title and the caption, which take only
// their own room there, on the status's sentence where it is longer than most, and on whether the controls
// (SimLab::controls_open) and the drawer are open.
// Otherwise nothing moves under the reader while they explore (the drawer's pages scroll inside a fixed-height box).
struct FigureExtent {
    float height = 0.0f;
    float caption_bottom = 0.0f;
    float key_bottom = 0.0f;    // where the maps' key and its note end: lower while the knockout shows
    float status_bottom = 0.0f; // where the status's sentence ends, which takes more room when it needs it
};
FigureExtent SimFigureExtent(const SimView& view, const app::SimLab& lab, const Fonts& fonts, float width,
                             bool reduced_motion);
// Draws the figure inside the current window with its top-left corner at top_left (screen px) and, while its controls
// are open (SimLab::controls_open), asks the lab for the ensemble bands. Call it only when some of it is on screen.
// Its controls join ui's focus ring, and they and the figure's place go into ui.report.
void DrawSimFigure(SimView& view, Ui& ui, ImVec2 top_left, float width);
// A preview of the figure for the margin beside the essay's title, `width` wide: its two maps as they stand, side
// by side under their names and shares, the figure's title under them, and a link to the figure. Drawing it opens
// the figure as drawing the figure does (app::OpenFigure); it asks for no ensemble. Its height is fixed for a width
// (room for the longest title): SimPreviewHeight measures it, for the caller to keep with its layout and pass to
// DrawSimPreview every frame. Returns true when the reader chose the link.
float SimPreviewHeight(const Fonts& fonts, float width);
bool DrawSimPreview(SimView& view, Ui& ui, ImVec2 top_left, float width, float height);
// Draws the sandbox over the whole window, its controls in `focus` (the essay's ring: the essay is not drawn
// meanwhile). Returns false once the reader closed it (Esc or the close button).
bool DrawSimSandbox(SimView& view, app::AppState& state, app::FrameReport& report, const Fonts& fonts,
                    FocusRing& focus);

} // namespace views
