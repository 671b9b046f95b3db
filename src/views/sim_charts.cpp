// Draws the simulation's charts: bands as quads, medians and runs as polylines of AddLine, calls as dots.
#include "views/sim_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace views {

const ChartSpec Charts[ChartCount] = {
    {sim::Metric::TurnoutPerCall, "Turnout per call", true, true},
    {sim::Metric::KnockoutRatio, "Turnout if the organizers vanished today (ratio)", false, false},
    {sim::Metric::FriendComponent, "Largest group linked by friendships", true, false},
    {sim::Metric::MeanTieStrength, "Mean tie strength", false, false},
    {sim::Metric::ResidentBurnouts, "Burnouts (residents, so far)", false, false},
};

namespace {

bool Defined(double v) { return v == v; }

double MaxOf(const ChartCache& cache, const app::SimLab& lab, int chart) {
    const ChartSpec& spec = Charts[chart];
    if (spec.share)
        return 1.0;
    if (spec.metric == sim::Metric::KnockoutRatio)
        return 1.2; // a ratio can pass 1 a little when organizers' blasts repel; more would flatten the chart
    double top = 0.0;
    for (int k = 0; k < app::PanelCount; ++k) {
        for (const sim::Band& b : cache.bands[chart][k])
            if (Defined(b.p90))
                top = std::max(top, b.p90);
        for (const sim::Metrics& m : lab.history[k])
            if (Defined(m[spec.metric]))
                top = std::max(top, m[spec.metric]);
    }
    if (spec.metric == sim::Metric::MeanTieStrength)
        return std::max(0.2, std::ceil(top * 10.0) / 10.0);
    // Counts: round up to a readable step.
    const double step = top > 50 ? 20.0 : top > 10 ? 5.0 : 1.0;
    return std::max(step, std::ceil(top / step) * step);
}

} // namespace

void RefreshCharts(ChartCache& cache, const app::SimLab& lab) {
    const double progress = app::EnsembleProgress(lab);
    if (progress == cache.progress && lab.ensemble_generation == cache.generation &&
        lab.horizon_months == cache.horizon)
        return;
    for (int c = 0; c < ChartCount; ++c)
        for (int k = 0; k < app::PanelCount; ++k)
            cache.bands[c][k] = lab.ensemble[k].Bands(Charts[c].metric);
    cache.progress = progress;
    cache.generation = lab.ensemble_generation;
    cache.horizon = lab.horizon_months;
}

float UiTextSize(const Fonts& fonts) {
    const ImFont* font = fonts.font[Font_Ui];
    return font != nullptr && fonts.dpr > 0.0f ? font->FontSize / fonts.dpr : fonts.size_css[Font_Ui];
}

ImU32 PanelColour(app::Theme theme, int panel, int alpha) {
    const bool dark = theme == app::Theme::Dark;
    // Orange and teal stay apart for the common colour-vision deficiencies and on both backgrounds.
    if (panel == 0)
        return dark ? IM_COL32(0xF5, 0x9E, 0x4C, alpha) : IM_COL32(0xC2, 0x5E, 0x00, alpha);
    return dark ? IM_COL32(0x4F, 0xC7, 0xB8, alpha) : IM_COL32(0x00, 0x6E, 0x66, alpha);
}

void DrawChart(ImDrawList* list, const Fonts& fonts, app::Theme theme, const ChartCache& cache,
               const app::SimLab& lab, int chart, ImVec2 pos, ImVec2 size) {
    const ChartSpec& spec = Charts[chart];
    const Palette& palette = PaletteFor(theme);
    ImFont* font = fonts.font[Font_Ui];
    const float small = UiTextSize(fonts) * 0.85f;
    list->AddText(fonts.font[Font_UiBold], small, pos, palette.ink, spec.title);

    const float axis_w = small * 2.6f;
    const ImVec2 p0(pos.x + axis_w, pos.y + small * 1.5f);
    const ImVec2 p1(pos.x + size.x, pos.y + size.y - small * 1.3f);
    const float w = p1.x - p0.x, h = p1.y - p0.y;
    if (w < 20.0f || h < 20.0f)
        return;
    const double y_max = MaxOf(cache, lab, chart);
    const int months = std::max(1, lab.horizon_months);
    auto X = [&](double month) { return p0.x + float(month / months) * w; };
    auto Y = [&](double v) { return p1.y - float(std::clamp(v / y_max, 0.0, 1.0)) * h; };

    list->AddRect(p0, p1, palette.muted & 0x40FFFFFF);
    char label[32];
    if (spec.share)
        std::snprintf(label, sizeof label, "%.0f%%", y_max * 100.0);
    else
        std::snprintf(label, sizeof label, "%g", y_max);
    list->AddText(font, small, ImVec2(pos.x, p0.y - small * 0.1f), palette.muted, label);
    list->AddText(font, small, ImVec2(pos.x, p1.y - small), palette.muted, "0");
    for (int m = 0; m <= months; m += 6) {
        std::snprintf(label, sizeof label, "%d", m);
        list->AddLine(ImVec2(X(m), p1.y), ImVec2(X(m), p1.y + 3.0f), palette.muted);
        list->AddText(font, small, ImVec2(X(m) - small * 0.3f, p1.y + 2.0f), palette.muted, label);
    }
    list->AddText(font, small, ImVec2(p1.x - small * 3.2f, p1.y + 2.0f), palette.muted, "months");

    for (int k = 0; k < app::PanelCount; ++k) {
        const std::vector<sim::Band>& bands = cache.bands[chart][k];
        const ImU32 band = PanelColour(theme, k, 0x38);
        const ImU32 median = PanelColour(theme, k, 0x90);
        // Anti-aliased fringes of adjacent quads would overlap into visible seams.
        const ImDrawListFlags flags = list->Flags;
        list->Flags &= ~ImDrawListFlags_AntiAliasedFill;
        for (size_t m = 1; m < bands.size(); ++m) {
            const sim::Band& a = bands[m - 1];
            const sim::Band& b = bands[m];
            if (a.seeds == 0 || b.seeds == 0 || !Defined(a.p10) || !Defined(b.p10))
                continue;
            const float xa = X(double(m - 1)), xb = X(double(m));
            list->AddQuadFilled(ImVec2(xa, Y(a.p10)), ImVec2(xb, Y(b.p10)), ImVec2(xb, Y(b.p90)),
                                ImVec2(xa, Y(a.p90)), band);
        }
        list->Flags = flags;
        for (size_t m = 1; m < bands.size(); ++m) {
            const sim::Band& a = bands[m - 1];
            const sim::Band& b = bands[m];
            if (a.seeds > 0 && b.seeds > 0 && Defined(a.p50) && Defined(b.p50))
                list->AddLine(ImVec2(X(double(m - 1)), Y(a.p50)), ImVec2(X(double(m)), Y(b.p50)), median, 1.0f);
        }
        const ImU32 run = PanelColour(theme, k);
        if (spec.calls) {
            const sim::Model& model = lab.comparison.Panel(app::PanelKind(k));
            for (const sim::CallRecord& call : model.calls()) {
                const double month = double(call.tick) / sim::WeeksPerMonth;
                if (month > months)
                    break;
                const ImVec2 c(X(month), Y(call.turnout));
                if (call.reader_called)
                    list->AddCircle(c, 3.0f, run, 8, 1.5f); // the reader's calls are hollow
                else
                    list->AddCircleFilled(c, 2.2f, run, 8);
            }
            continue;
        }
        const std::vector<sim::Metrics>& history = lab.history[k];
        for (size_t m = 1; m < history.size() && m <= size_t(months); ++m) {
            const double a = history[m - 1][spec.metric], b = history[m][spec.metric];
            if (Defined(a) && Defined(b))
                list->AddLine(ImVec2(X(double(m - 1)), Y(a)), ImVec2(X(double(m)), Y(b)), run, 2.0f);
        }
    }
}

} // namespace views
