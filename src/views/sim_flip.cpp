// The figure's "When calls outlast the organizers" scale, drawn from sim::FlipBands and the sides' shares; knows no
// lab, SDL or browser.
#include "views/sim_flip.h"

#include "sim/claims.h"
#include "sim/scenario.h"
#include "views/sim_charts.h"
#include "views/theme.h"
#include "views/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

namespace views {
namespace {

constexpr float Scale = 0.85f;     // the caption's size: the scale reads as part of the figure's words
constexpr float AxisRoom = 12.0f;  // the band's height and the dots on it
// What the bands are, not the point they turn at: under "Where it flips" two of stop 61's second fresh readers looked
// for a reversal and found a band. Under it, what the rows show in a sentence (sim::FlipBandNote), in the place of a
// key under them ("In a band, the side's calls keep half their turnout…"), which took each of stop 62's first three
// fresh readers three readings. Headed "Where it holds", the scale left "holds what?" to two of stop 68's first three
// fresh readers: the heading now says what holds.
constexpr const char* Heading = "When calls outlast the organizers";
// Each row's side, share and aid rule: the two rows are the two things the strategies differ in, so a reader sees
// the hours and the aid rule apart (most of stop 61's nine fresh readers asked for the aid rule varied apart from
// the hours, and for the mobilized side's band as well as the integrated side's). A narrow phone takes the short form.
constexpr const char* Rules[2][2] = {{" · aid to members only", ", members-only aid"}, {" · aid to all", ", aid to all"}};
constexpr const char* Names[2] = {"mobilized ", "integrated "};
// Under the rows, what their axis measures: named only in the sentence over them, three of stop 62's nine fresh
// readers asked for an axis label.
constexpr const char* AxisLabel = "organizers’ hours spent on relationships";

float Line(const Fonts& fonts) { return std::ceil(UiTextSize(fonts) * Scale * 1.3f); }
float Width(const Fonts& fonts, FontRole role, const std::string& text) {
    return UiTextSize(fonts, role, text).x * Scale;
}
float NoteHeight(const Fonts& fonts, float width) {
    return fonts.font[Font_Ui]->CalcTextSizeA(UiTextSize(fonts) * Scale, FLT_MAX, width, sim::FlipBandNote).y;
}
constexpr float RowGap = 2.0f;

} // namespace

float FlipScaleHeight(const Fonts& fonts, float width) {
    return Line(fonts) + NoteHeight(fonts, width) + 2.0f + 2.0f * (2.0f * Line(fonts) + AxisRoom + 1.0f + RowGap) +
           Line(fonts);
}

void DrawFlipScale(ImDrawList* list, const Fonts& fonts, app::Theme theme, ImVec2 at, float width,
                   const double (&shares)[2]) {
    const Palette& palette = PaletteFor(theme);
    const float line = Line(fonts);
    const auto text = [&](FontRole role, float x, float y, ImU32 colour, const std::string& words) {
        DrawUiText(list, fonts, role, ImVec2(std::round(x), std::round(y)), colour, words, Scale);
    };
    // The heading, and under it what the rows show, which names the axis.
    text(Font_UiBold, at.x, at.y, palette.heading, Heading);
    list->AddText(fonts.font[Font_Ui], UiTextSize(fonts) * Scale, ImVec2(at.x, at.y + line), palette.muted,
                  sim::FlipBandNote, nullptr, width);
    // Each axis between its two ends' labels, so the band has its whole length.
    const std::string zero = "0%", hundred = "100%";
    const float x0 = at.x + Width(fonts, Font_Ui, zero) + 6.0f;
    const float x1 = at.x + width - Width(fonts, Font_Ui, hundred) - 6.0f;
    const auto x_of = [&](double share) { return x0 + float(std::clamp(share, 0.0, 1.0)) * (x1 - x0); };
    float y = at.y + line + NoteHeight(fonts, width) + 2.0f;
    for (int k = 0; k < 2; ++k) {
        // Over the axis, whose row it is, in its colour: its side, its share and its aid rule.
        const sim::ShareBand& band = sim::FlipBands[k];
        std::string label = Names[k] + sim::Percent(shares[k]) + Rules[k][0];
        if (Width(fonts, Font_Ui, label) > width)
            label = Names[k] + sim::Percent(shares[k]) + Rules[k][1];
        const ImU32 colour = PanelColour(theme, k), wash = PanelColour(theme, k, 80);
        text(Font_Ui, at.x, y, colour, label);
        const float cy = y + line + AxisRoom * 0.5f;
        const float text_mid = cy - UiTextSize(fonts) * Scale * 0.6f;
        text(Font_Ui, at.x, text_mid, palette.muted, zero);
        text(Font_Ui, x1 + 6.0f, text_mid, palette.muted, hundred);
        list->AddLine(ImVec2(x0, cy), ImVec2(x1, cy), palette.muted, ThemeMetrics.hairline);
        const float b0 = x_of(band.from), b1 = x_of(band.to);
        list->AddRectFilled(ImVec2(b0, cy - 4.0f), ImVec2(b1, cy + 4.0f), wash);
        list->AddLine(ImVec2(b0, cy - 6.0f), ImVec2(b0, cy + 6.0f), colour, ThemeMetrics.hairline);
        list->AddLine(ImVec2(b1, cy - 6.0f), ImVec2(b1, cy + 6.0f), colour, ThemeMetrics.hairline);
        // Under its ends, where they stand on the axis, the band's edges: at the row's right, "holds at 49%–98%" read
        // as turnout to a fresh reader of stop 69 (bare, it had to two of stop 65's), and a 320 px phone had no room
        // for "holds at" beside the row's label (two of stop 68's).
        const float tick_y = cy + AxisRoom * 0.5f + 1.0f;
        for (const double edge : {band.from, band.to}) {
            const std::string number = sim::Percent(edge);
            const float w = Width(fonts, Font_Ui, number);
            text(Font_Ui, std::clamp(x_of(edge) - 0.5f * w, at.x, at.x + width - w), tick_y, colour, number);
        }
        // The side's own share, a dot on its row, ringed in the paper so it stands out on the band.
        const float x = x_of(shares[k]);
        list->AddCircleFilled(ImVec2(x, cy), 6.0f, ImGui::ColorConvertFloat4ToU32(palette.background), 16);
        list->AddCircleFilled(ImVec2(x, cy), 4.5f, colour, 16);
        y = tick_y + line + RowGap;
    }
    text(Font_Ui, 0.5f * (x0 + x1 - Width(fonts, Font_Ui, AxisLabel)), y + 2.0f, palette.muted, AxisLabel);
}

} // namespace views
