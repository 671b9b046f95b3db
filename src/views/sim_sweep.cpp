// Draws the lambda_weak sensitivity chart: bands as quads, medians as lines, the current value and the tipping point.
#include "views/sim_sweep.h"

#include "views/sim_charts.h"
#include "views/theme.h"

#include "imgui.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace views {

namespace {

bool Defined(double v) { return v == v; }

void Refresh(SweepCache& cache, const sim::Sweep& sweep) {
    if (cache.source == &sweep && cache.progress == sweep.Progress() && int(cache.points.size()) == sweep.Points())
        return;
    cache.points.resize(size_t(sweep.Points()));
    for (int p = 0; p < sweep.Points(); ++p)
        cache.points[size_t(p)] = sweep.At(p);
    cache.tipping = sweep.TippingPoint();
    cache.progress = sweep.Progress();
    cache.source = &sweep;
}

void HalfLifeLabel(char* out, size_t size, double weekly_decay) {
    const double months = sim::HalfLifeMonths(weekly_decay);
    if (std::isinf(months))
        std::snprintf(out, size, "never");
    else
        std::snprintf(out, size, "%.0f", months);
}

} // namespace

void DrawSweepChart(SweepCache& cache, app::SimLab& lab, const Fonts& fonts, app::Theme theme) {
    app::WantSweep(lab);
    const sim::Sweep* sweep = app::CurrentSweep(lab);
    if (sweep == nullptr) {
        ImGui::TextDisabled("The sensitivity chart is computed once the charts above have their bands.");
        return;
    }
    Refresh(cache, *sweep);
    const Palette& palette = PaletteFor(theme);
    const float small = UiTextSize(fonts) * 0.85f;
    ImFont* font = fonts.font[Font_Ui];
    ImGui::TextWrapped("Turnout if the organizers vanished at month %d (ratio), over how long an acquaintance you "
                       "never see again lasts: %d seeds per value, 10–90%% bands and median%s.",
                       sweep->spec().months, sweep->spec().seeds, sweep->Done() ? "" : " (still computing)");
    const float width = std::min(480.0f, ImGui::GetContentRegionAvail().x);
    const float height = small * 11.0f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* list = ImGui::GetWindowDrawList();

    const float axis_w = small * 2.2f;
    const ImVec2 p0(pos.x + axis_w, pos.y + small * 0.6f);
    const ImVec2 p1(pos.x + width - small, pos.y + height - small * 2.6f);
    const float w = p1.x - p0.x, h = p1.y - p0.y;
    if (w < 40.0f || h < 20.0f || cache.points.size() < 2)
        return;
    constexpr double YMax = 1.2; // as the knockout chart above
    const double x_min = cache.points.front().value, x_max = cache.points.back().value;
    auto X = [&](double v) { return p0.x + float((v - x_min) / (x_max - x_min)) * w; };
    auto Y = [&](double v) { return p1.y - float(std::clamp(v / YMax, 0.0, 1.0)) * h; };

    list->AddRect(p0, p1, palette.muted & 0x40FFFFFF);
    list->AddText(font, small, ImVec2(pos.x, p0.y - small * 0.4f), palette.muted, "1.2");
    list->AddText(font, small, ImVec2(pos.x, p1.y - small), palette.muted, "0");
    // The claim's threshold: the integrated side "persists" at or above it.
    list->AddLine(ImVec2(p0.x, Y(sim::PersistsRatio)), ImVec2(p1.x, Y(sim::PersistsRatio)), palette.muted & 0x60FFFFFF);
    char label[64];
    for (size_t p = 0; p < cache.points.size(); p += 2) {
        HalfLifeLabel(label, sizeof label, cache.points[p].value);
        const float x = X(cache.points[p].value);
        list->AddLine(ImVec2(x, p1.y), ImVec2(x, p1.y + 3.0f), palette.muted);
        list->AddText(font, small, ImVec2(x - small * 0.5f, p1.y + 2.0f), palette.muted, label);
    }
    list->AddText(font, small, ImVec2(p0.x, p1.y + small * 1.2f), palette.muted,
                  "months until an unseen acquaintance is half forgotten (half-life)");

    for (int k = 0; k < app::PanelCount; ++k) {
        auto band_of = [&](const sim::SweepPoint& sp) -> const sim::Band& { return k == 0 ? sp.mobilized : sp.integrated; };
        const ImDrawListFlags flags = list->Flags;
        list->Flags &= ~ImDrawListFlags_AntiAliasedFill;
        for (size_t p = 1; p < cache.points.size(); ++p) {
            const sim::Band& a = band_of(cache.points[p - 1]);
            const sim::Band& b = band_of(cache.points[p]);
            if (a.seeds == 0 || b.seeds == 0 || !Defined(a.p10) || !Defined(b.p10))
                continue;
            const float xa = X(cache.points[p - 1].value), xb = X(cache.points[p].value);
            list->AddQuadFilled(ImVec2(xa, Y(a.p10)), ImVec2(xb, Y(b.p10)), ImVec2(xb, Y(b.p90)), ImVec2(xa, Y(a.p90)),
                                PanelColour(theme, k, 0x38));
        }
        list->Flags = flags;
        for (size_t p = 1; p < cache.points.size(); ++p) {
            const sim::Band& a = band_of(cache.points[p - 1]);
            const sim::Band& b = band_of(cache.points[p]);
            if (a.seeds > 0 && b.seeds > 0 && Defined(a.p50) && Defined(b.p50))
                list->AddLine(ImVec2(X(cache.points[p - 1].value), Y(a.p50)), ImVec2(X(cache.points[p].value), Y(b.p50)),
                              PanelColour(theme, k), 1.5f);
        }
    }
    const double now = std::clamp(lab.base.lambda_weak, x_min, x_max);
    list->AddLine(ImVec2(X(now), p0.y), ImVec2(X(now), p1.y), palette.ink, 1.0f);
    list->AddText(font, small, ImVec2(X(now) + 3.0f, p0.y), palette.ink, "your setting");
    if (cache.tipping.found && sweep->Done()) {
        const float x = X(cache.tipping.value);
        for (float y = p0.y; y < p1.y; y += 6.0f)
            list->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 3.0f, p1.y)), palette.accent, 1.5f);
        std::snprintf(label, sizeof label, "turns at about %.0f months",
                      sim::HalfLifeMonths(cache.tipping.value));
        list->AddText(font, small, ImVec2(x + 3.0f, p0.y + small * 1.2f), palette.accent, label);
    }
}

} // namespace views
