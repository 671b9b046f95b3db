// Lays out and draws the simulation figure and the sandbox with ImGui; the panels are batched draw-list calls.
#include "views/sim_view.h"

#include "views/theme.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace views {

namespace {

constexpr float SideBySideMin = 560.0f; // narrower figures stack the panels (phones)
constexpr float FramePadX = 8.0f;
constexpr float FramePadY = 3.0f;
constexpr float Spacing = 6.0f;
constexpr float ChartHeight = 132.0f;
constexpr float TabsInline = 330.0f;
constexpr float TabsSandbox = 460.0f;
constexpr float StrongTie = 0.5f; // line widths step up at friend and close ties (sim::Settings w_friend, w_close)
constexpr float FriendTie = 0.3f;

// The figure lays its action buttons out in app::SimActionTable's order; the table is the only list of them.
constexpr int ActionCount = int(app::SimActionCount);

enum Control { C_Play, C_Step, C_Reset, C_Seed, C_Speed, C_Expand, ControlCount };
const char* const ControlIds[ControlCount] = {"play", "step", "reset", "seed", "speed", "expand"};

const char* const SourceLabels[sim::TieSourceCount] = {"acquaintance", "social", "organizing",
                                                       "aid", "action", "struggle"};

ImU32 TieColour(sim::TieSource source, int alpha) {
    switch (source) {
    case sim::TieSource::Acquaintance: return IM_COL32(0x8C, 0x8C, 0x8C, alpha);
    case sim::TieSource::Social: return IM_COL32(0x3B, 0x6F, 0xD9, alpha);
    case sim::TieSource::Organizing: return IM_COL32(0x9B, 0x4D, 0xCA, alpha);
    case sim::TieSource::Aid: return IM_COL32(0x2E, 0x9E, 0x4F, alpha);
    case sim::TieSource::Action: return IM_COL32(0xD0, 0x8C, 0x00, alpha);
    case sim::TieSource::Struggle: return IM_COL32(0xD2, 0x32, 0x32, alpha);
    }
    return IM_COL32(0x80, 0x80, 0x80, alpha);
}

float TextWidth(const Fonts& fonts, const char* text, FontRole role = Font_Ui, float scale = 1.0f) {
    return fonts.font[role]->CalcTextSizeA(UiTextSize(fonts) * scale, FLT_MAX, 0.0f, text).x;
}

// Left-to-right flow with wrapping; writes each item's x and row. Returns the number of rows.
int Flow(const float* widths, int n, float width, float* x, int* row) {
    float cx = 0.0f;
    int r = 0;
    for (int i = 0; i < n; ++i) {
        if (cx > 0.0f && cx + widths[i] > width) {
            cx = 0.0f;
            ++r;
        }
        x[i] = cx;
        row[i] = r;
        cx += widths[i] + Spacing;
    }
    return n == 0 ? 0 : r + 1;
}

// Every position in the figure, from its width and the UI font alone: SimFigureHeight and the drawing share it.
struct FigureLayout {
    float u = 0, line = 0, frame = 0, gap = 0;
    bool side = false;
    ImVec2 panel[app::PanelCount];
    float panel_w = 0, header_h = 0, map_h = 0;
    float legend_y = 0;
    float legend_x[sim::TieSourceCount + 3] = {};
    int legend_row[sim::TieSourceCount + 3] = {};
    float legend_w[sim::TieSourceCount + 3] = {};
    float controls_y = 0;
    float control_w[ControlCount] = {}, control_x[ControlCount] = {};
    int control_row[ControlCount] = {};
    float actions_y = 0;
    float action_w[ActionCount] = {}, action_x[ActionCount] = {};
    int action_row[ActionCount] = {};
    float status_y = 0, status_h = 0;
    float charts_y = 0, chart_w = 0;
    int chart_cols = 1;
    float note_y = 0;
    float tabs_y = 0, tabs_h = 0;
    float height = 0;
};

constexpr int LegendItems = sim::TieSourceCount + 3;
const char* const LegendExtra[3] = {"organizer", "leader (ring)", "fill: energy"};

FigureLayout ComputeLayout(const Fonts& fonts, float width, bool sandbox) {
    FigureLayout L;
    L.u = UiTextSize(fonts);
    L.line = std::ceil(L.u * 1.35f);
    L.frame = L.u + 2.0f * FramePadY;
    L.gap = 12.0f;
    float y = L.line * 2.0f; // caption: title and one line saying what differs
    L.side = width >= SideBySideMin;
    L.panel_w = L.side ? std::floor((width - L.gap) * 0.5f) : width;
    L.header_h = L.line * 2.0f;
    L.map_h = std::floor(L.side ? L.panel_w * 0.78f : width * 0.66f);
    L.panel[0] = ImVec2(0.0f, y);
    L.panel[1] = L.side ? ImVec2(L.panel_w + L.gap, y) : ImVec2(0.0f, y + L.header_h + L.map_h + L.gap);
    y += (L.side ? 1.0f : 2.0f) * (L.header_h + L.map_h) + (L.side ? 0.0f : L.gap) + 8.0f;

    L.legend_y = y;
    const float small = 0.85f;
    for (int i = 0; i < LegendItems; ++i) {
        const char* label = i < sim::TieSourceCount ? SourceLabels[i] : LegendExtra[i - sim::TieSourceCount];
        L.legend_w[i] = TextWidth(fonts, label, Font_Ui, small) + L.u * 1.5f;
    }
    const int legend_rows = Flow(L.legend_w, LegendItems, width, L.legend_x, L.legend_row);
    y += float(legend_rows) * L.line + L.gap;

    L.controls_y = y;
    const float pad = 2.0f * FramePadX;
    L.control_w[C_Play] = std::max(TextWidth(fonts, "Play"), TextWidth(fonts, "Pause")) + pad + 6.0f;
    L.control_w[C_Step] = TextWidth(fonts, "Step one week") + pad;
    L.control_w[C_Reset] = TextWidth(fonts, "Reset") + pad;
    L.control_w[C_Seed] = TextWidth(fonts, "seed") + L.u * 6.5f;
    L.control_w[C_Speed] = TextWidth(fonts, "speed") + L.u * 8.0f;
    L.control_w[C_Expand] = std::max(TextWidth(fonts, "Expand"), TextWidth(fonts, "Close")) + pad;
    const int control_rows = Flow(L.control_w, ControlCount, width, L.control_x, L.control_row);
    y += float(control_rows) * (L.frame + Spacing) + 2.0f;

    L.actions_y = y;
    for (int i = 0; i < ActionCount; ++i)
        L.action_w[i] = TextWidth(fonts, app::SimActionTable[i].label) + pad;
    const int action_rows = Flow(L.action_w, ActionCount, width, L.action_x, L.action_row);
    y += float(action_rows) * (L.frame + Spacing) + 6.0f;

    L.status_y = y;
    L.status_h = L.line * 4.0f; // the week, then up to three lines on what just happened
    y += L.status_h + L.gap;

    L.charts_y = y;
    L.chart_cols = width >= 900.0f ? 3 : L.side ? 2 : 1;
    L.chart_w = std::floor((width - L.gap * float(L.chart_cols - 1)) / float(L.chart_cols));
    const int chart_rows = (ChartCount + L.chart_cols - 1) / L.chart_cols;
    y += float(chart_rows) * (ChartHeight + L.gap);
    L.note_y = y;
    y += L.line * 3.0f + L.gap;
    L.tabs_y = y;
    L.tabs_h = sandbox ? TabsSandbox : TabsInline;
    y += L.tabs_h + L.gap;
    L.height = y;
    return L;
}

ImU32 Lerp(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                                 x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

void RecordControl(app::FrameReport& report, const char* id) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    report.controls.push_back({app::SimControlKind, id, a.x, a.y, b.x - a.x, b.y - a.y});
}

std::string RatioText(double ratio) {
    char buffer[48];
    if (ratio != ratio)
        return "no organizers left";
    std::snprintf(buffer, sizeof buffer, "%.2f", ratio);
    return buffer;
}

// One neighbourhood on its map: ties by weight and origin, the spreading call, residents by energy, leaders ringed,
// organizers as diamonds. Positions come from the model's homes, identical in both panels.
void DrawMap(ImDrawList* list, const app::SimLab& lab, int k, ImVec2 p0, ImVec2 size, const Palette& palette,
             bool reduced_motion, std::vector<ImVec2>& pos) {
    const sim::Model& model = lab.comparison.Panel(app::PanelKind(k));
    list->AddRect(p0, ImVec2(p0.x + size.x, p0.y + size.y), palette.muted & 0x50FFFFFF, 4.0f);
    const float inset = 10.0f;
    const float sx = size.x - 2.0f * inset, sy = size.y - 2.0f * inset;
    const std::vector<sim::Agent>& agents = model.agents();
    pos.resize(agents.size());
    for (size_t i = 0; i < agents.size(); ++i)
        pos[i] = ImVec2(p0.x + inset + float(agents[i].home.x) * sx, p0.y + inset + float(agents[i].home.y) * sy);
    const float r = std::clamp(sx / 110.0f, 2.0f, 5.0f);

    // Ties below the awareness threshold carry nothing in the model; drawing thousands of them would only be fog.
    const double w_info = model.settings().w_info;
    const std::vector<sim::Tie>& ties = model.network().Ties();
    const std::vector<sim::TieOrigin>& origins = model.network().Origins();
    for (size_t t = 0; t < ties.size(); ++t) {
        const sim::Tie& tie = ties[t];
        if (!tie.alive || tie.w < w_info)
            continue;
        const float w = float(tie.w);
        const int alpha = int(40.0f + 200.0f * std::min(1.0f, w));
        const float thickness = w >= StrongTie ? 2.2f : w >= FriendTie ? 1.5f : 1.0f;
        list->AddLine(pos[tie.a], pos[tie.b], TieColour(sim::Dominant(origins[t]), alpha), thickness);
    }

    // The latest call, wave by wave (about 0.1 s a wave), fading before the animation time runs out.
    const sim::CascadeResult& call = model.last_call();
    const float age = lab.call_age[size_t(k)];
    if (age < app::CallAnimationSeconds && call.generation.size() == agents.size()) {
        int max_generation = 0;
        for (const int32_t g : call.generation)
            max_generation = std::max(max_generation, int(g));
        const float per_wave = std::min(0.12f, 1.4f / float(std::max(1, max_generation)));
        const int shown = reduced_motion ? max_generation : int(age / per_wave);
        const float fade_start = app::CallAnimationSeconds - 0.7f;
        const float fade = reduced_motion || age < fade_start ? 1.0f : (app::CallAnimationSeconds - age) / 0.7f;
        const ImU32 joined = (palette.accent & 0x00FFFFFF) | (ImU32(150.0f * fade) << IM_COL32_A_SHIFT);
        const ImU32 heard = (palette.muted & 0x00FFFFFF) | (ImU32(200.0f * fade) << IM_COL32_A_SHIFT);
        for (size_t i = 0; i < agents.size(); ++i) {
            if (call.joined[i] && call.generation[i] <= shown)
                list->AddCircleFilled(pos[i], r + 3.5f, joined, 12);
            else if (call.aware[i] && !call.joined[i] && shown >= max_generation)
                list->AddCircle(pos[i], r + 2.5f, heard, 12, 1.0f); // heard of it, did not come
        }
    }

    const ImU32 full = palette.ink;
    const ImU32 empty = Lerp(palette.ink, ImGui::ColorConvertFloat4ToU32(palette.background), 0.8f);
    const ImU32 burnt = IM_COL32(0xD2, 0x32, 0x32, 0xFF);
    for (size_t i = 0; i < agents.size(); ++i) {
        const sim::Agent& a = agents[i];
        if (a.removed)
            continue;
        const ImVec2 c = pos[i];
        if (a.organizer) {
            const float d = r * 2.0f;
            list->AddQuadFilled(ImVec2(c.x, c.y - d), ImVec2(c.x + d, c.y), ImVec2(c.x, c.y + d), ImVec2(c.x - d, c.y),
                                palette.accent);
            continue;
        }
        if (model.InBurnout(sim::NodeId(i)))
            list->AddCircle(c, r, burnt, 10, 1.2f);
        else
            list->AddCircleFilled(c, r, Lerp(empty, full, float(std::clamp(a.energy, 0.0, 1.0))), 10);
        if (model.IsLeader(sim::NodeId(i)))
            list->AddCircle(c, r + 2.0f, palette.accent, 12, 1.5f);
    }
}

void DrawPanelHeader(ImDrawList* list, const Fonts& fonts, const app::SimLab& lab, int k, ImVec2 p, float width,
                     app::Theme theme, const Palette& palette, float line) {
    const float u = UiTextSize(fonts);
    list->AddText(fonts.font[Font_UiBold], u, p, PanelColour(theme, k), lab.titles[size_t(k)].c_str());
    const sim::Metrics* m = app::Latest(lab, k);
    const double turnout = app::LastTurnout(lab, k);
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "last call %s · without organizers ×%s · %d leaders",
                  turnout < 0 ? "–" : (std::to_string(int(std::lround(turnout * 100))) + "%").c_str(),
                  m ? RatioText((*m)[sim::Metric::KnockoutRatio]).c_str() : "–",
                  m ? int((*m)[sim::Metric::Leaders]) : 0);
    list->AddText(fonts.font[Font_Ui], u * 0.8f, ImVec2(p.x, p.y + line), palette.muted, buffer, nullptr, width);
}

void DrawLegend(ImDrawList* list, const Fonts& fonts, const FigureLayout& L, ImVec2 origin, const Palette& palette) {
    const float small = L.u * 0.85f;
    for (int i = 0; i < LegendItems; ++i) {
        const ImVec2 p(origin.x + L.legend_x[i], origin.y + L.legend_y + float(L.legend_row[i]) * L.line);
        const float mid = p.y + small * 0.6f;
        if (i < sim::TieSourceCount) {
            list->AddLine(ImVec2(p.x, mid), ImVec2(p.x + L.u, mid), TieColour(sim::TieSource(i), 255), 2.5f);
            list->AddText(fonts.font[Font_Ui], small, ImVec2(p.x + L.u * 1.3f, p.y), palette.muted, SourceLabels[i]);
            continue;
        }
        const ImVec2 c(p.x + L.u * 0.5f, mid);
        if (i == sim::TieSourceCount) {
            const float d = 5.0f;
            list->AddQuadFilled(ImVec2(c.x, c.y - d), ImVec2(c.x + d, c.y), ImVec2(c.x, c.y + d),
                                ImVec2(c.x - d, c.y), palette.accent);
        } else if (i == sim::TieSourceCount + 1) {
            list->AddCircleFilled(c, 3.0f, palette.ink, 10);
            list->AddCircle(c, 5.5f, palette.accent, 12, 1.5f);
        } else {
            list->AddCircleFilled(ImVec2(c.x - 4.0f, c.y), 3.0f, palette.ink, 10);
            list->AddCircleFilled(ImVec2(c.x + 4.0f, c.y), 3.0f, palette.muted & 0x60FFFFFF, 10);
        }
        list->AddText(fonts.font[Font_Ui], small, ImVec2(p.x + L.u * 1.3f, p.y), palette.muted,
                      LegendExtra[i - sim::TieSourceCount]);
    }
}

void DrawControls(SimView& view, app::SimLab& lab, app::FrameReport& report, const Fonts& fonts,
                  const FigureLayout& L, ImVec2 origin, bool sandbox, bool reduced_motion) {
    auto place = [&](int c) {
        ImGui::SetCursorScreenPos(
            ImVec2(origin.x + L.control_x[c], origin.y + L.controls_y + float(L.control_row[c]) * (L.frame + Spacing)));
    };
    place(C_Play);
    // Under reduced motion nothing plays by itself: the button steps a month (app::ApplySimCommand's rule).
    const char* play_label = reduced_motion ? "+1 month" : lab.playing ? "Pause" : "Play";
    if (ImGui::Button(play_label, ImVec2(L.control_w[C_Play], L.frame)))
        app::ApplySimCommand(lab, lab.playing ? "pause" : "play", reduced_motion);
    RecordControl(report, ControlIds[C_Play]);
    place(C_Step);
    if (ImGui::Button("Step one week", ImVec2(L.control_w[C_Step], L.frame)))
        app::ApplySimCommand(lab, "step", reduced_motion);
    RecordControl(report, ControlIds[C_Step]);
    place(C_Reset);
    if (ImGui::Button("Reset", ImVec2(L.control_w[C_Reset], L.frame)))
        app::ApplySimCommand(lab, "reset", reduced_motion);
    RecordControl(report, ControlIds[C_Reset]);
    place(C_Seed);
    ImGui::TextUnformatted("seed");
    ImGui::SameLine(0.0f, 4.0f);
    ImGui::SetNextItemWidth(L.control_w[C_Seed] - TextWidth(fonts, "seed") - 4.0f);
    view.seed_input = int(lab.seed);
    if (ImGui::InputInt("##seed", &view.seed_input, 1, 10) && view.seed_input >= 1)
        app::SetSeed(lab, uint64_t(view.seed_input));
    RecordControl(report, ControlIds[C_Seed]);
    place(C_Speed);
    ImGui::TextUnformatted("speed");
    ImGui::SameLine(0.0f, 4.0f);
    ImGui::SetNextItemWidth(L.control_w[C_Speed] - TextWidth(fonts, "speed") - 4.0f);
    float speed = lab.weeks_per_second;
    if (ImGui::SliderFloat("##speed", &speed, app::MinWeeksPerSecond, app::MaxWeeksPerSecond, "%.1f weeks/s"))
        app::SetSpeed(lab, speed);
    RecordControl(report, ControlIds[C_Speed]);
    place(C_Expand);
    if (ImGui::Button(sandbox ? "Close" : "Expand", ImVec2(L.control_w[C_Expand], L.frame)))
        view.sandbox_open = !sandbox;
    RecordControl(report, ControlIds[C_Expand]);
}

void DrawActions(app::SimLab& lab, app::FrameReport& report, const FigureLayout& L, ImVec2 origin) {
    int i = 0;
    for (const app::SimAction& action : app::SimActions()) {
        ImGui::SetCursorScreenPos(
            ImVec2(origin.x + L.action_x[i], origin.y + L.actions_y + float(L.action_row[i]) * (L.frame + Spacing)));
        const bool enabled = action.enabled(lab);
        ImGui::PushID(i);
        if (!enabled)
            ImGui::BeginDisabled();
        const bool pressed = ImGui::Button(app::ActionLabel(action, lab), ImVec2(L.action_w[i], L.frame));
        if (!enabled)
            ImGui::EndDisabled();
        ImGui::PopID();
        RecordControl(report, action.id);
        if (pressed)
            app::RunSimAction(lab, action);
        ++i;
    }
}

void DrawStatus(ImDrawList* list, const Fonts& fonts, const app::SimLab& lab, const FigureLayout& L, ImVec2 origin,
                float width, const Palette& palette) {
    const ImVec2 p(origin.x, origin.y + L.status_y);
    const int week = app::Week(lab);
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "Week %d (month %d) · %s · seed %llu%s%s", week, week / sim::WeeksPerMonth,
                  lab.playing ? "playing" : "paused", static_cast<unsigned long long>(lab.seed),
                  lab.preset ? " · preset: " : "", lab.preset ? lab.preset->name : "");
    list->AddText(fonts.font[Font_UiBold], L.u, p, palette.ink, buffer);
    list->PushClipRect(ImVec2(p.x, p.y + L.line), ImVec2(p.x + width, p.y + L.status_h), true);
    list->AddText(fonts.font[Font_Ui], L.u, ImVec2(p.x, p.y + L.line), palette.ink, lab.summary.c_str(), nullptr,
                  width);
    list->PopClipRect();
}

void DrawChartNote(ImDrawList* list, const Fonts& fonts, const SimView& view, const app::SimLab& lab,
                   const FigureLayout& L, ImVec2 origin, float width, const Palette& palette) {
    std::string note = "Shaded: 10–90% of " + std::to_string(app::EnsembleSeeds) +
                       " seeds with the same settings and interventions; thin line: their median; thick line and "
                       "dots: this run (hollow dots: calls you made).";
    const std::vector<sim::Band>& mob = view.charts.bands[1][0];
    const std::vector<sim::Band>& integ = view.charts.bands[1][1];
    const double progress = app::EnsembleProgress(lab);
    char buffer[200];
    if (progress < 1.0) {
        std::snprintf(buffer, sizeof buffer, " Seeds still running: %.0f%% done.", progress * 100.0);
        note += buffer;
    } else if (!mob.empty() && !integ.empty()) {
        std::snprintf(buffer, sizeof buffer,
                      " At month %d the median turnout without organizers is %s of turnout with them for %s and "
                      "%s for %s.",
                      lab.horizon_months, RatioText(mob.back().p50).c_str(), lab.titles[0].c_str(),
                      RatioText(integ.back().p50).c_str(), lab.titles[1].c_str());
        note += buffer;
    }
    list->AddText(fonts.font[Font_Ui], L.u * 0.85f, ImVec2(origin.x, origin.y + L.note_y), palette.muted,
                  note.c_str(), nullptr, width);
}

// One slider per assumption; the strategy parameters are what differs between the panels, so they have none.
void DrawAssumption(app::SimLab& lab, const sim::Assumption& a) {
    ImGui::PushID(a.param);
    ImGui::TextWrapped("%s", a.rule);
    ImGui::TextDisabled("%s · %s · %s", a.group, a.source, a.param);
    const sim::ParamInfo* p = sim::FindParam(a.param);
    const std::string_view name = a.param;
    if (p == nullptr) {
        ImGui::PopID();
        return;
    }
    if (name == "relational_share" || name == "aid_conditional") {
        ImGui::TextDisabled("Differs between the panels (it is the strategy): use the presets or the aid button.");
        ImGui::PopID();
        return;
    }
    sim::Settings s = lab.base;
    const double value = sim::GetParam(s, *p);
    bool changed = false;
    ImGui::SetNextItemWidth(std::min(320.0f, ImGui::GetContentRegionAvail().x));
    if (std::holds_alternative<double sim::Settings::*>(p->field)) {
        float v = float(value);
        changed = ImGui::SliderFloat("##v", &v, float(p->min), float(p->max), "%.3g");
        if (changed)
            sim::SetParam(s, *p, double(v));
    } else if (std::holds_alternative<int sim::Settings::*>(p->field)) {
        int v = int(value);
        changed = ImGui::SliderInt("##v", &v, int(p->min), int(p->max));
        if (changed)
            sim::SetParam(s, *p, double(v));
    } else if (std::holds_alternative<bool sim::Settings::*>(p->field)) {
        bool v = value != 0.0;
        changed = ImGui::Checkbox("##v", &v);
        if (changed)
            sim::SetParam(s, *p, v ? 1.0 : 0.0);
    } else {
        const char* rules[] = {"one leader starts", "all leaders coordinate", "one random resident"};
        int v = int(value);
        changed = ImGui::Combo("##v", &v, rules, 3);
        if (changed)
            sim::SetParam(s, *p, double(v));
    }
    if (changed)
        app::SetBaseSettings(lab, s);
    ImGui::Spacing();
    ImGui::PopID();
}

void DrawObjectionTest(SimView& view, app::SimLab& lab, app::FrameReport& report) {
    ImGui::TextWrapped(
        "A reader's objection: shared struggle, not prior integration, is what binds people (Minnesota). This test "
        "calls the same strike under repression in both neighbourhoods at the current week, then lets three months "
        "pass and measures how much of the turnout would remain if the organizers vanished.");
    ImGui::Checkbox("Picket captains emerge (leadership grows in struggle)", &view.leaders_emerge);
    if (ImGui::Button("Run the strike test"))
        app::TestStrikeObjection(lab, view.leaders_emerge);
    RecordControl(report, "strike-test");
    const app::StrikeTest& t = lab.strike_test;
    if (t.ran) {
        ImGui::Text("Strike from week %d, %s:", t.week,
                    t.leaders_emerge ? "picket captains emerge" : "no picket captains emerge");
        if (ImGui::BeginTable("##strike", 4, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableNextRow();
            const char* heads[] = {"", "without organizers ÷ with", "mean tie strength", "leaders"};
            for (int c = 0; c < 4; ++c) {
                ImGui::TableSetColumnIndex(c);
                ImGui::TextDisabled("%s", heads[c]);
            }
            for (int k = 0; k < app::PanelCount; ++k) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextUnformatted(lab.titles[size_t(k)].c_str());
                ImGui::TableSetColumnIndex(1);
                ImGui::Text("%s → %s", RatioText(t.ratio_before[size_t(k)]).c_str(),
                            RatioText(t.ratio_after[size_t(k)]).c_str());
                ImGui::TableSetColumnIndex(2);
                ImGui::Text("%.2f → %.2f", t.strength_before[size_t(k)], t.strength_after[size_t(k)]);
                ImGui::TableSetColumnIndex(3);
                ImGui::Text("%d → %d", t.leaders_before[size_t(k)], t.leaders_after[size_t(k)]);
            }
            ImGui::EndTable();
        }
    }
    ImGui::Spacing();
    ImGui::TextWrapped(
        "In this model shared struggle builds ties quickly. Whether a neighbourhood can then act without its "
        "organizers depends on whether the struggle also makes people who start the next call, and on whether the "
        "ties are kept up afterwards (Fantasia 1988). With picket captains emerging, the objection can hold; without "
        "them, it does not in this model. Run each case, and other seeds, before drawing a conclusion.");
}

void DrawTabs(SimView& view, app::SimLab& lab, app::FrameReport& report, const Fonts& fonts, app::Theme theme,
              const FigureLayout& L, ImVec2 origin, float width) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + L.tabs_y));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10.0f, 8.0f));
    ImGui::BeginChild("##sim-honesty", ImVec2(width, L.tabs_h), true);
    if (ImGui::BeginTabBar("##tabs")) {
        if (ImGui::BeginTabItem("Flip presets")) {
            ImGui::TextWrapped("Each preset changes one assumption, resets and runs 30 months. The sentence says why "
                               "the result moves; the charts' bands show how often it does.");
            if (ImGui::Button("No preset (defaults)"))
                app::ApplyPreset(lab, "none");
            for (const sim::FlipPreset& p : sim::FlipPresets()) {
                ImGui::Separator();
                const bool current = lab.preset == &p;
                if (ImGui::Button(p.name))
                    app::ApplyPreset(lab, p.name);
                if (current) {
                    ImGui::SameLine();
                    ImGui::TextDisabled("(in force)");
                }
                ImGui::TextWrapped("%s", p.why);
                ImGui::TextDisabled("%s%s%s", p.settings, p.target == sim::PresetTarget::Both ? ", both panels"
                                                          : p.target == sim::PresetTarget::Mobilized
                                                              ? ", mobilized panel only"
                                                              : ", integrated panel only",
                                    *p.schedule ? (std::string(", ") + p.schedule).c_str() : "");
            }
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Assumptions")) {
            ImGui::TextWrapped("Every rule of the model in one sentence, with its source and its slider. Sliders act "
                               "on both panels at once; changes to the population reset the run.");
            for (const sim::Assumption& a : sim::Assumptions()) {
                DrawAssumption(lab, a);
                if (std::string_view(a.param) == "lambda_weak")
                    DrawSweepChart(view.sweep, lab, fonts, theme);
            }
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Test the objection")) {
            DrawObjectionTest(view, lab, report);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("What the model leaves out")) {
            for (const char* omission : sim::Omissions()) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", omission);
            }
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

// Everything in the figure; the inline figure and the sandbox differ only in width, tab height and one button.
void DrawBody(SimView& view, app::AppState& state, app::FrameReport& report, const Fonts& fonts, ImVec2 origin,
              float width, bool sandbox) {
    app::SimLab& lab = state.sim;
    app::EnsureSim(lab);
    const FigureLayout L = ComputeLayout(fonts, width, sandbox);
    const Palette& palette = PaletteFor(state.theme);
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImGui::PushFont(fonts.font[Font_Ui]);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(FramePadX, FramePadY));
    ImGui::PushID("sim");

    list->AddText(fonts.font[Font_UiBold], L.u * 1.05f, origin, palette.heading,
                  "Two neighbourhoods, the same people in the same homes");
    list->AddText(fonts.font[Font_Ui], L.u * 0.85f, ImVec2(origin.x, origin.y + L.line), palette.muted,
                  "Only the organizers' strategy differs: left, mobilizing; right, relationships and unconditional aid.");
    for (int k = 0; k < app::PanelCount; ++k) {
        const ImVec2 p(origin.x + L.panel[k].x, origin.y + L.panel[k].y);
        const ImVec2 map(p.x, p.y + L.header_h);
        if (!ImGui::IsRectVisible(p, ImVec2(p.x + L.panel_w, map.y + L.map_h)))
            continue; // culled: most frames show only part of a stacked figure
        DrawPanelHeader(list, fonts, lab, k, p, L.panel_w, state.theme, palette, L.line);
        DrawMap(list, lab, k, map, ImVec2(L.panel_w, L.map_h), palette, state.reduced_motion, view.positions);
    }
    DrawLegend(list, fonts, L, origin, palette);
    DrawControls(view, lab, report, fonts, L, origin, sandbox, state.reduced_motion);
    DrawActions(lab, report, L, origin);
    DrawStatus(list, fonts, lab, L, origin, width, palette);

    app::WantEnsemble(lab);
    RefreshCharts(view.charts, lab);
    for (int c = 0; c < ChartCount; ++c) {
        const int col = c % L.chart_cols, row = c / L.chart_cols;
        const ImVec2 p(origin.x + float(col) * (L.chart_w + L.gap), origin.y + L.charts_y + float(row) * (ChartHeight + L.gap));
        if (ImGui::IsRectVisible(p, ImVec2(p.x + L.chart_w, p.y + ChartHeight)))
            DrawChart(list, fonts, state.theme, view.charts, lab, c, p, ImVec2(L.chart_w, ChartHeight));
    }
    DrawChartNote(list, fonts, view, lab, L, origin, width, palette);
    DrawTabs(view, lab, report, fonts, state.theme, L, origin, width);

    ImGui::PopID();
    ImGui::PopStyleVar();
    ImGui::PopFont();
}

} // namespace

float SimFigureHeight(const SimView& view, const Fonts& fonts, float width) {
    (void)view;
    return ComputeLayout(fonts, width, false).height;
}

void DrawSimFigure(SimView& view, app::AppState& state, app::FrameReport& report, const Fonts& fonts,
                   ImVec2 top_left, float width) {
    report.figure_y = top_left.y + state.scroll.y;
    DrawBody(view, state, report, fonts, top_left, width, false);
}

bool DrawSimSandbox(SimView& view, app::AppState& state, app::FrameReport& report, const Fonts& fonts) {
    const app::Viewport& vp = state.viewport;
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(vp.width, vp.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16.0f, 12.0f));
    ImGui::Begin("##sim-sandbox", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !ImGui::GetIO().WantTextInput)
        view.sandbox_open = false;
    const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    DrawBody(view, state, report, fonts, origin, width, true);
    // Tells the window how tall its content is, so it scrolls.
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, ComputeLayout(fonts, width, true).height));
    ImGui::End();
    return view.sandbox_open;
}

} // namespace views
