// sim-draw-bench: prints the CPU time of building the simulation figure's draw lists (both 300-node panels, the
// controls and the charts) per frame, headless: an ImGui context with a built font atlas and no renderer.
#include "app/app_state.h"
#include "views/fonts.h"
#include "views/sim_view.h"
#include "views/theme.h"

#include "imgui.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

constexpr float FigureWidth = 1054.0f; // the figure broken out of the column at 1280 px with the margin cards on

double MedianMs(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// One frame with the figure drawn at the top of a full-window ImGui window; returns ms and the vertex count.
double Frame(views::SimView& view, app::AppState& state, const views::Fonts& fonts, int* out_vertices) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(state.viewport.width, state.viewport.height);
    io.DeltaTime = 1.0f / 60.0f;
    const auto start = std::chrono::steady_clock::now();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##bench", nullptr, ImGuiWindowFlags_NoDecoration);
    app::FrameReport report;
    views::FocusRing focus;
    views::Ui ui{state, report, focus, fonts, views::PaletteFor(state.theme)};
    views::DrawSimFigure(view, ui, ImVec2(40.0f, 10.0f), FigureWidth);
    ImGui::End();
    ImGui::Render();
    const auto end = std::chrono::steady_clock::now();
    *out_vertices = ImGui::GetDrawData()->TotalVtxCount;
    return std::chrono::duration<double, std::milli>(end - start).count();
}

} // namespace

int main() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    views::Fonts fonts;
    views::RebuildFonts(fonts, 1.0f, 20.0f); // builds the atlas; no texture upload without a renderer
    views::ApplyTheme(app::Theme::Light);

    app::AppState state;
    state.viewport = {1280.0f, 2400.0f, 1.0f}; // tall enough that the whole figure is on screen and nothing is culled
    views::SimView view;
    std::printf("sim-draw-bench (optimized build; one core; median of 200 frames, figure %.0f px wide, all on screen)\n",
                double(FigureWidth));
    for (const int months : {0, 12, 30}) {
        app::ResetSim(state.sim);
        app::AdvanceWeeks(state.sim, months * sim::WeeksPerMonth);
        app::Intervene(state.sim, {sim::InterventionKind::CallProtest, 0}); // the call animation is drawn too
        std::vector<double> ms;
        int vertices = 0;
        for (int i = 0; i < 220; ++i) {
            state.sim.call_age = {0.5f, 0.5f};
            const double t = Frame(view, state, fonts, &vertices);
            if (i >= 20)
                ms.push_back(t);
        }
        const auto& ties_m = state.sim.comparison.mobilized.network().Ties();
        const auto& ties_i = state.sim.comparison.integrated.network().Ties();
        std::printf("figure month %-2d  ties %5zu | %5zu  vertices %6d  median %.3f ms  max %.3f ms\n", months,
                    ties_m.size(), ties_i.size(), vertices, MedianMs(ms), *std::max_element(ms.begin(), ms.end()));
    }
    // The figure's layout alone, as the essay computes it every frame for the figure's height, on or off screen
    // (SimFigureExtent, one ComputeLayout: it flows the key's entries for their height). The frame above lays it out
    // again to draw; this says what that costs beside the drawing.
    for (const float width : {FigureWidth, 358.0f}) { // and a 390 px phone's column
        std::vector<double> ms;
        float height = 0.0f;
        for (int i = 0; i < 220; ++i) {
            const auto a = std::chrono::steady_clock::now();
            height = views::SimFigureExtent(view, state.sim, fonts, width, false).height;
            if (i >= 20)
                ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
        }
        std::printf("figure layout alone (SimFigureExtent), month 30, %4.0f px wide: median %.3f ms  max %.3f ms  "
                    "(height %.0f px)\n",
                    double(width), MedianMs(ms), *std::max_element(ms.begin(), ms.end()), double(height));
    }
    // The knockout replay at month 30, mid-way (every round up to the middle lit, the travelled ties drawn), with the
    // step that advances it each frame. (The state JSON, built every frame with or without it, is not counted.)
    {
        app::ResetSim(state.sim);
        app::AdvanceWeeks(state.sim, 30 * sim::WeeksPerMonth);
        const auto a = std::chrono::steady_clock::now();
        app::StartKnockout(state.sim, false);
        const double start_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
        state.sim.knockout.elapsed = 0.5f * app::KnockoutSeconds;
        std::vector<double> ms;
        int vertices = 0;
        for (int i = 0; i < 220; ++i) {
            const auto f = std::chrono::steady_clock::now();
            app::AdvanceSim(state.sim, 0.0f);
            const double step = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - f).count();
            const double t = Frame(view, state, fonts, &vertices) + step;
            if (i >= 20)
                ms.push_back(t);
        }
        std::printf("knockout month 30, round %d of %d  vertices %6d  median %.3f ms  max %.3f ms  (starting it: %.2f "
                    "ms, once)\n",
                    app::KnockoutRound(state.sim.knockout), state.sim.knockout.rounds, vertices, MedianMs(ms),
                    *std::max_element(ms.begin(), ms.end()), start_ms);
    }
    // The ensemble the charts draw from, as the platform runs it in frames that only compute (12 ms of each).
    app::ResetSim(state.sim);
    state.sim.ensemble_wanted = true;
    app::EnsemblePace pace;
    constexpr double BudgetMs = 12.0;
    int frames = 0;
    const auto start = std::chrono::steady_clock::now();
    double worst = 0.0;
    while (app::EnsembleRunning(state.sim)) {
        const int ticks = app::EnsembleTicksFor(pace, BudgetMs);
        const auto a = std::chrono::steady_clock::now();
        app::AdvanceEnsembles(state.sim, ticks);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
        app::MeasureEnsembleSlice(pace, ticks, ms);
        worst = std::max(worst, ms);
        ++frames;
    }
    const double total = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("ensemble %d seeds x %d months, both panels, %.0f ms a frame: %d frames (%.1f s at 60 fps), %.0f ms "
                "CPU, worst frame %.2f ms\n",
                app::EnsembleSeeds, app::DefaultHorizonMonths, BudgetMs, frames, frames / 60.0, total, worst);
    ImGui::DestroyContext();
    return 0;
}
