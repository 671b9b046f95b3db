// Draws the simulation's charts: bands as quads, medians and runs as polylines of AddLine, calls as dots, events
// as marks on the time axis, and a read-out under the pointer.
#include "views/sim_charts.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace views {

// Raw turnouts rather than their ratio: a ratio above 1 would need explaining, two shares do not. A title has one line,
// on a 320 px phone too: none wider than the close ties' (the knockout's said "average of 10 tries" and wrapped onto
// the plot on a desktop). Leaders "could" start a call: only without organizers does one start it (the knockout's
// probe), and "who start calls" over 9 leaders at month 40, where no call had come since month 34, read as a
// contradiction to two of stop 48's fresh readers.
constexpr ChartSpec Charts[ChartCount] = {
    {sim::Metric::TurnoutPerCall, "Turnout per call (share of residents)", true, true, "No call yet."},
    {sim::Metric::TurnoutWithout, "Turnout without organizers (mean of 10 calls)", true, false, ""},
    {sim::Metric::CloseTies, "Close ties between residents (number of ties)", false, false, "No close ties yet."},
    {sim::Metric::Leaders, "Leaders (residents who could start a call)", false, false, "No leaders yet."},
    {sim::Metric::Exhausted, "Exhausted residents (too tired to come)", false, false, "Nobody exhausted yet."},
    {sim::Metric::FriendComponent, "Largest group linked by friendships", true, false, ""},
};
// The ensemble measures only what these charts draw (app::EnsembleMetrics): a chart of another metric would draw NaN.
constexpr bool ChartsMeasured() {
    for (const ChartSpec& chart : Charts)
        if (!sim::Measures(app::EnsembleMetrics, chart.metric)) return false;
    return true;
}
static_assert(ChartsMeasured(), "every chart's metric is in app::EnsembleMetrics");
static_assert(sim::ProbeDraws == 10, "the chart of turnout without organizers names the probe's tries");

namespace {

bool Defined(double v) { return v == v; }

// A readable top for the axis: 1, 2 or 5 times a power of ten, at or above the data's maximum.
double NiceCeiling(double top) {
    if (!(top > 0.0))
        return 0.0;
    const double power = std::pow(10.0, std::floor(std::log10(top)));
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= top - 1e-12)
            return m * power;
    return 10.0 * power;
}

double DataMax(const ChartCache& cache, const app::SimLab& lab, int chart) {
    const ChartSpec& spec = Charts[chart];
    double top = 0.0;
    for (int k = 0; k < app::PanelCount; ++k) {
        for (const sim::Band& b : cache.bands[chart][k])
            if (b.seeds > 0 && Defined(b.p90))
                top = std::max(top, b.p90);
        if (spec.calls) {
            for (const sim::CallRecord& call : lab.comparison.Panel(app::PanelKind(k)).calls())
                top = std::max(top, call.turnout);
        } else {
            for (const sim::Metrics& m : lab.history[k])
                if (Defined(m[spec.metric]))
                    top = std::max(top, m[spec.metric]);
        }
    }
    return top;
}

double AxisMax(double top, bool share) {
    if (share)
        return std::clamp(NiceCeiling(top), 0.05, 1.0); // at least 5%, so a tiny share is not drawn as a full chart
    return std::max(NiceCeiling(top), 5.0);
}

std::string ValueText(double v, bool share) {
    char buffer[32];
    if (!Defined(v))
        return "–";
    if (share)
        std::snprintf(buffer, sizeof buffer, "%.*f%%", v < 0.1 && v > 0.0 ? 1 : 0, v * 100.0);
    else
        std::snprintf(buffer, sizeof buffer, "%.0f", v);
    return buffer;
}

} // namespace

void RefreshCharts(ChartCache& cache, const app::SimLab& lab) {
    const double progress = app::EnsembleProgress(lab);
    const bool same_bands = progress == cache.progress && lab.ensemble_generation == cache.generation &&
                            lab.horizon_months == cache.horizon;
    if (same_bands && lab.history[0].size() == cache.months)
        return;
    cache.standing = app::RunAgainstBands(lab);
    cache.months = lab.history[0].size();
    if (same_bands)
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

namespace {
// The marks of divisive issues are the model's own, every shock_every weeks, not the reader's (whose show as
// interventions): as "divisive issue" alone, three of stop 49's fresh readers asked whether they had raised them. And
// what one does (Model::DivisiveShock: it weakens ties across a wide opinion gap): "divisive issue (scheduled)" was
// unexplained to all six of stop 65's. "The model's divisive issue" left two of stop 69's first three asking whether
// one comes up by itself, or what it did.
const char* const KeyLabels[] = {"this run", "median of 20 runs", "10–90% of runs", "a call", "a call you made",
                                 ("a divisive issue the model raises itself, on a schedule: it strains ties across "
                                  "opinions"),
                                 "your intervention"};
constexpr int KeyCount = 7;

template <typename F> void KeyFlow(const Fonts& fonts, float width, F&& place) {
    const float small = UiTextSize(fonts) * 0.85f, line = std::ceil(UiTextSize(fonts) * 1.3f);
    float x = 0.0f, y = 0.0f;
    for (int i = 0; i < KeyCount; ++i) {
        const float w = small * 2.0f + fonts.font[Font_Ui]->CalcTextSizeA(small, FLT_MAX, 0.0f, KeyLabels[i]).x + 10.0f;
        if (x > 0.0f && x + w > width) {
            x = 0.0f;
            y += line;
        }
        place(i, x, y);
        x += w;
    }
    place(-1, 0.0f, y + line);
}
} // namespace

float ChartKeyHeight(const Fonts& fonts, float width) {
    float h = 0.0f;
    KeyFlow(fonts, width, [&](int i, float, float y) {
        if (i < 0)
            h = y;
    });
    return h;
}

void DrawChartKey(ImDrawList* list, const Fonts& fonts, app::Theme theme, ImVec2 pos, float width) {
    const Palette& palette = PaletteFor(theme);
    const float small = UiTextSize(fonts) * 0.85f;
    const ImU32 colour = palette.muted;
    KeyFlow(fonts, width, [&](int i, float x, float y) {
        if (i < 0)
            return;
        const ImVec2 p(pos.x + x, pos.y + y);
        const float mid = p.y + small * 0.6f;
        switch (i) {
        case 0: list->AddLine(ImVec2(p.x, mid), ImVec2(p.x + small * 1.6f, mid), palette.ink, 2.0f); break;
        case 1: list->AddLine(ImVec2(p.x, mid), ImVec2(p.x + small * 1.6f, mid), palette.ink & 0x90FFFFFF, 1.0f); break;
        case 2:
            list->AddRectFilled(ImVec2(p.x, mid - small * 0.35f), ImVec2(p.x + small * 1.6f, mid + small * 0.35f),
                                palette.ink & 0x30FFFFFF);
            break;
        case 3: list->AddCircleFilled(ImVec2(p.x + small * 0.8f, mid), 2.6f, palette.ink, 8); break;
        case 4: list->AddCircle(ImVec2(p.x + small * 0.8f, mid), 3.2f, palette.ink, 8, 1.5f); break;
        case 5: { // pointing down, as the charts draw them over their plots
            const float cx = p.x + small * 0.8f;
            list->AddTriangleFilled(ImVec2(cx - 4.0f, mid - 3.0f), ImVec2(cx + 4.0f, mid - 3.0f), ImVec2(cx, mid + 4.0f),
                                    colour);
            break;
        }
        case 6: list->AddLine(ImVec2(p.x + small * 0.8f, mid - 6.0f), ImVec2(p.x + small * 0.8f, mid + 6.0f), palette.accent, 1.5f); break;
        }
        list->AddText(fonts.font[Font_Ui], small, ImVec2(p.x + small * 2.0f, p.y), colour, KeyLabels[i]);
    });
}

int ChartMonths(const app::SimLab& lab) {
    return std::min(std::max(1, lab.horizon_months), app::Week(lab) / sim::WeeksPerMonth);
}

void DrawChart(ImDrawList* list, const Fonts& fonts, app::Theme theme, const ChartCache& cache,
               const app::SimLab& lab, int chart, ImVec2 pos, ImVec2 size, int keyboard_month) {
    const ChartSpec& spec = Charts[chart];
    const Palette& palette = PaletteFor(theme);
    ImFont* font = fonts.font[Font_Ui];
    const float small = UiTextSize(fonts) * 0.85f;
    list->AddText(fonts.font[Font_UiBold], small, pos, palette.ink, spec.title, nullptr, size.x);

    const double top = DataMax(cache, lab, chart);
    const double y_max = AxisMax(top, spec.share);
    char label[48];
    std::snprintf(label, sizeof label, "%s", ValueText(y_max, spec.share).c_str());
    const float axis_w = std::max(font->CalcTextSizeA(small, FLT_MAX, 0.0f, label).x, small) + 6.0f;
    const ImVec2 p0(pos.x + axis_w, pos.y + small * 1.6f);
    const ImVec2 p1(pos.x + size.x - 4.0f, pos.y + size.y - small * 2.4f);
    const float w = p1.x - p0.x, h = p1.y - p0.y;
    if (w < 20.0f || h < 20.0f)
        return;
    const int months = std::max(1, lab.horizon_months);
    auto X = [&](double month) { return p0.x + float(month / months) * w; };
    auto Y = [&](double v) { return p1.y - float(std::clamp(v / y_max, 0.0, 1.0)) * h; };

    // Gridlines at the top and the middle, labelled in the metric's own units.
    const ImU32 grid = palette.muted & 0x30FFFFFF;
    for (const double v : {y_max * 0.5, y_max}) {
        list->AddLine(ImVec2(p0.x, Y(v)), ImVec2(p1.x, Y(v)), grid);
        const std::string text = ValueText(v, spec.share);
        const float tw = font->CalcTextSizeA(small, FLT_MAX, 0.0f, text.c_str()).x;
        list->AddText(font, small, ImVec2(p0.x - tw - 4.0f, Y(v) - small * 0.5f), palette.muted, text.c_str());
    }
    list->AddLine(ImVec2(p0.x, p1.y), ImVec2(p1.x, p1.y), palette.muted & 0x90FFFFFF);
    list->AddText(font, small, ImVec2(p0.x - font->CalcTextSizeA(small, FLT_MAX, 0.0f, "0").x - 4.0f, p1.y - small * 0.5f),
                  palette.muted, "0");
    // Month ticks as far apart as the labels need, so they never collide at any width.
    const float label_w = font->CalcTextSizeA(small, FLT_MAX, 0.0f, "000").x + small;
    int step = 6;
    while (step < months && float(step) / float(months) * w < label_w)
        step += 6;
    for (int m = 0; m <= months; m += step) {
        std::snprintf(label, sizeof label, "%d", m);
        const float tw = font->CalcTextSizeA(small, FLT_MAX, 0.0f, label).x;
        list->AddLine(ImVec2(X(m), p1.y), ImVec2(X(m), p1.y + 3.0f), palette.muted);
        list->AddText(font, small, ImVec2(std::min(X(m) - tw * 0.5f, p1.x - tw), p1.y + 3.0f), palette.muted, label);
    }
    const char* unit = "month";
    list->AddText(font, small, ImVec2(p1.x - font->CalcTextSizeA(small, FLT_MAX, 0.0f, unit).x, p1.y + small * 1.25f),
                  palette.muted, unit);

    // Events: divisive issues (every shock_every weeks), pointing down onto the plot from over its top, and the
    // reader's interventions. On the time axis the marks sat on the zero line, where the mobilized lines of four
    // charts lie, and hid them (all three of stop 49's first fresh readers).
    const sim::Settings& s = lab.comparison.mobilized.settings();
    if (s.shock_every > 0)
        for (int t = s.shock_every; t <= app::Week(lab) && t <= months * sim::WeeksPerMonth; t += s.shock_every) {
            const float x = X(double(t) / sim::WeeksPerMonth);
            list->AddTriangleFilled(ImVec2(x - 3.5f, p0.y - 6.0f), ImVec2(x + 3.5f, p0.y - 6.0f), ImVec2(x, p0.y),
                                    palette.muted);
        }
    for (const sim::ScheduledIntervention& done : lab.done) {
        const double month = double(done.tick) / sim::WeeksPerMonth;
        if (month <= months)
            list->AddLine(ImVec2(X(month), p0.y), ImVec2(X(month), p1.y), palette.accent & 0xA0FFFFFF, 1.2f);
    }

    bool anything = top > 0.0;
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
    if (!anything && *spec.flat)
        list->AddText(font, small, ImVec2(p0.x + 8.0f, p0.y + h * 0.4f), palette.muted, spec.flat);

    // The read-out: at the keyboard's month when the chart has focus, else under the pointer (or a finger): the
    // month and both panels' values in this run.
    int month = -1;
    if (keyboard_month >= 0)
        month = std::min(keyboard_month, months);
    else if (ImGui::IsMouseHoveringRect(p0, p1, false))
        month = int(std::lround(
            std::clamp((ImGui::GetIO().MousePos.x - p0.x) / w * float(months), 0.0f, float(months))));
    if (month >= 0) {
        list->AddLine(ImVec2(X(month), p0.y), ImVec2(X(month), p1.y), palette.ink & 0x80FFFFFF, 1.0f);
        std::string text = "month " + std::to_string(month) + ": ";
        for (int k = 0; k < app::PanelCount; ++k) {
            double v = std::nan("");
            if (spec.calls) {
                for (const sim::CallRecord& call : lab.comparison.Panel(app::PanelKind(k)).calls())
                    if (call.tick / sim::WeeksPerMonth <= month)
                        v = call.turnout; // the latest call by then
            } else if (size_t(month) < lab.history[k].size()) {
                v = lab.history[k][size_t(month)][spec.metric];
            }
            text += (k ? " · " : "") + lab.titles[size_t(k)] + " " + (Defined(v) ? ValueText(v, spec.share) : "–");
        }
        const ImVec2 ts = font->CalcTextSizeA(small, FLT_MAX, 0.0f, text.c_str());
        const float tx = std::clamp(X(month) - ts.x * 0.5f, pos.x, pos.x + size.x - ts.x);
        list->AddRectFilled(ImVec2(tx - 3.0f, p0.y), ImVec2(tx + ts.x + 3.0f, p0.y + ts.y + 2.0f),
                            ImGui::ColorConvertFloat4ToU32(palette.background));
        list->AddText(font, small, ImVec2(tx, p0.y + 1.0f), palette.ink, text.c_str());
    }
}

} // namespace views
