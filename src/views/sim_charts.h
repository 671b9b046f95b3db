// Small time-series charts under the simulation's panels, drawn with ImGui draw lists: each panel's run as a line
// (or dots for calls) over its ensemble's 10–90% band and median. Knows ImGui and app::SimLab; no SDL or browser.
//
// Ownership: ChartCache holds the bands computed from the lab's ensembles; it lives in SimView and is refreshed
// only when the ensembles made progress, so a still frame allocates nothing.
#pragma once

#include "app/simulation.h"
#include "views/fonts.h"
#include "views/theme.h"

#include "imgui.h"

#include <array>
#include <string>
#include <vector>

namespace views {

struct ChartSpec {
    sim::Metric metric;
    const char* title;
    bool share;     // a share of residents (0..1, shown as %); otherwise a plain number
    bool calls;     // the run is drawn as one dot per call instead of a monthly line
    const char* flat; // said when neither run nor band has anything yet, so an empty chart explains itself
};
constexpr int ChartCount = 6;
extern const ChartSpec Charts[ChartCount];

struct ChartCache {
    std::array<std::array<std::vector<sim::Band>, app::PanelCount>, ChartCount> bands;
    std::string standing; // app::RunAgainstBands: where the maps' run stands among the bands' seeds
    double progress = -1.0;
    int generation = -1; // the lab's ensemble_generation the bands came from
    int horizon = 0;
    size_t months = 0; // the run's months when `standing` was said
};
void RefreshCharts(ChartCache& cache, const app::SimLab& lab);

// The size ImGui draws the UI font at, in CSS px (the atlas holds it at size_css × the face's height per em × dpr).
float UiTextSize(const Fonts& fonts);

// Colours of the two panels in this theme (lines, dots and bands).
ImU32 PanelColour(app::Theme theme, int panel, int alpha = 255);

// Draws one chart; the pointer (or a touch) over it shows the month and both panels' values there, and so does
// `keyboard_month` when it is 0 or more (the chart has keyboard focus; later months are clamped to the run's).
void DrawChart(ImDrawList* list, const Fonts& fonts, app::Theme theme, const ChartCache& cache,
               const app::SimLab& lab, int chart, ImVec2 pos, ImVec2 size, int keyboard_month = -1);
// The last month a chart has data for.
int ChartMonths(const app::SimLab& lab);
// The charts' key in one line: the marks for this run, the seeds' median and band, calls, and events.
void DrawChartKey(ImDrawList* list, const Fonts& fonts, app::Theme theme, ImVec2 pos, float width);
float ChartKeyHeight(const Fonts& fonts, float width);

} // namespace views
