// The sensitivity chart in the assumptions drawer: both strategies' knockout-ratio bands over lambda_weak (how long
// an acquaintance you never see again lasts), the current value marked and the tipping point labelled in months.
// Knows ImGui and app::SimLab; no SDL or browser.
//
// Ownership: SweepCache holds the bands last read from the lab's sweep; it lives in SimView and is refreshed only
// when the sweep made progress, so a still frame allocates nothing.
#pragma once

#include "app/simulation.h"
#include "views/fonts.h"
#include "views/theme.h"

#include <vector>

namespace views {

struct SweepCache {
    std::vector<sim::SweepPoint> points;
    sim::Tipping tipping;
    double progress = -1.0;
    const sim::Sweep* source = nullptr;
};

// Draws the chart at the cursor, full width, and asks the lab for the sweep.
void DrawSweepChart(SweepCache& cache, app::SimLab& lab, const Fonts& fonts, app::Theme theme);

} // namespace views
