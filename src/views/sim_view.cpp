// Lays out and draws the simulation figure and the sandbox with ImGui; the panels are batched draw-list calls.
#include "views/sim_view.h"

#include "views/sim_flip.h"
#include "views/text_draw.h"
#include "views/theme.h"
#include "views/widgets.h"

#include "doc/document.h"
#include "sim/claims.h"
#include "sim/scenario.h"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <span>
#include <utility>

namespace views {

namespace {

constexpr float NarrowFigure = 560.0f; // below this the figure is on a phone: bigger targets, taller text blocks
constexpr float WideFigure = 900.0f;   // from this on: flatter maps, three charts a row
constexpr float TouchTarget = 44.0f;   // the smallest button a finger hits reliably (WCAG 2.5.5)
constexpr float FramePadX = 8.0f;
constexpr float FramePadY = 3.0f;
constexpr float Spacing = 6.0f;
constexpr float IntroGap = 14.0f; // from the guide row's last button to the words beside it (6 px read as cramped)
// The caption's measure: across a wide figure its line ran to 150 characters, twice a comfortable line (a fresh
// reader). Filled line by line, so the defaults' caption breaks at its semicolon, one strategy a line: balanced at
// 760 it broke inside the first ("10% of their hours on"), a narrow block under the full-width title (two more).
constexpr float CaptionMeasure = 800.0f;
constexpr float NoteMeasure = 980.0f; // the key's note in one column, set small: about 125 characters a line
constexpr float NoteColumn = 420.0f;   // the narrowest of the note's two columns, about 60 characters a line
constexpr float NoteColumnGap = 32.0f;
constexpr bool NoteInColumns(float width) { return width >= 2.0f * NoteColumn + NoteColumnGap; }
constexpr float FlipColumn = 520.0f; // the flip scale's widest, under the way into the controls: its sentence in two lines
// Between the title and the caption: at 2 px the title ran straight into the caption (two fresh readers).
constexpr float TitleGap = 6.0f;
constexpr float MapInset = 12.0f; // from a map's frame to its outermost homes: a leader's ring stays inside
constexpr float ChartHeight = 150.0f;
constexpr int MonthsJoined = 3; // a header's line of calls joins months this far apart, and breaks beyond
// A toggle chip: its padding, the room for its tick, its sample of what it shows, the gaps between them.
constexpr float ChipPad = 12.0f;
constexpr float ChipTick = 12.0f;
constexpr float ChipSample = 18.0f;
constexpr float ChipGap = 7.0f;
// The drawer's open page: a box that scrolls inside itself, taller in the full window.
constexpr float DrawerBoxInline = 294.0f;
constexpr float DrawerBoxSandbox = 424.0f;

// Colour says what built a tie (its dominant origin); these hues keep 3:1 against both themes' backgrounds. Most ties
// are social time's: they are in a slate near the ink, so the panels' orange and teal, which say who came, stay the
// loudest colours on the maps (in blue, the commonest ties competed with them for two fresh readers).
ImU32 TieColour(sim::TieSource source, app::Theme theme, int alpha) {
    const bool dark = theme == app::Theme::Dark;
    switch (source) {
    case sim::TieSource::Acquaintance: return dark ? IM_COL32(0x8C, 0x8C, 0x8C, alpha) : IM_COL32(0x80, 0x80, 0x80, alpha);
    case sim::TieSource::Social: return dark ? IM_COL32(0xB4, 0xBC, 0xCC, alpha) : IM_COL32(0x45, 0x4E, 0x60, alpha);
    case sim::TieSource::Organizing: return dark ? IM_COL32(0xC0, 0x8A, 0xE8, alpha) : IM_COL32(0x86, 0x3C, 0xB5, alpha);
    case sim::TieSource::Aid: return dark ? IM_COL32(0x5C, 0xC2, 0x75, alpha) : IM_COL32(0x23, 0x80, 0x3E, alpha);
    case sim::TieSource::Action: return dark ? IM_COL32(0xE8, 0xA8, 0x3A, alpha) : IM_COL32(0xA8, 0x6A, 0x00, alpha);
    case sim::TieSource::Struggle: return dark ? IM_COL32(0xF0, 0x70, 0x70, alpha) : IM_COL32(0xC0, 0x2A, 0x2A, alpha);
    }
    return IM_COL32(0x80, 0x80, 0x80, alpha);
}

// The key's samples of what the "Show" switches add, which the switches show too.
ImU32 AcquaintanceSample(app::Theme theme) { return TieColour(sim::TieSource::Acquaintance, theme, 120); }
ImU32 OriginsSample(app::Theme theme) { return TieColour(sim::TieSource::Organizing, theme, 255); }
// A tie between two residents of one side, when nothing asks what built it: social time's slate drawn halfway to the
// side's colour, so each map's ties read as its neighborhood's (three fresh readers of stop 40 asked for it) and the
// discs of who came, in the full colour, stay the loudest marks.
ImU32 SideTieColour(app::Theme theme, int panel, int alpha) {
    const ImVec4 side = ImGui::ColorConvertU32ToFloat4(PanelColour(theme, panel));
    const ImVec4 slate = ImGui::ColorConvertU32ToFloat4(TieColour(sim::TieSource::Social, theme, 255));
    // On the dark paper a little dimmer: there the halfway colour is as light as the discs, and ties and discs ran
    // together into bars.
    const float dim = theme == app::Theme::Dark ? 0.8f : 1.0f;
    const auto mid = [dim](float a, float b) { return dim * 0.5f * (a + b); };
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(mid(side.x, slate.x), mid(side.y, slate.y), mid(side.z, slate.z), float(alpha) / 255.0f));
}

ImU32 WithAlpha(ImU32 colour, float alpha) {
    const float a = std::clamp(alpha, 0.0f, 1.0f) * float((colour >> IM_COL32_A_SHIFT) & 0xFF);
    return (colour & ~IM_COL32_A_MASK) | (ImU32(a) << IM_COL32_A_SHIFT);
}

ImU32 ListSample(const Palette& palette) { return WithAlpha(palette.muted, 0.6f); }

float TextWidth(const Fonts& fonts, const char* text, FontRole role = Font_Ui, float scale = 1.0f) {
    return fonts.font[role]->CalcTextSizeA(UiTextSize(fonts) * scale, FLT_MAX, 0.0f, text).x;
}

// The figure's wrapped text, measured and drawn alike: with its numbers kept whole (KeepNumbersWhole).
float WrappedHeight(const Fonts& fonts, const char* text, float width, FontRole role, float scale) {
    const std::string whole = KeepNumbersWhole(text);
    return fonts.font[role]->CalcTextSizeA(UiTextSize(fonts) * scale, FLT_MAX, width, whole.c_str()).y;
}
void AddWrapped(ImDrawList* list, ImFont* font, float size, ImVec2 at, ImU32 colour, std::string_view text,
                float width) {
    const std::string whole = KeepNumbersWhole(text);
    list->AddText(font, size, at, colour, whole.c_str(), nullptr, width);
}
// ImGui's own wrapped text (the drawer's pages), with its numbers kept whole.
void TextWrappedWhole(std::string_view text) { ImGui::TextWrapped("%s", KeepNumbersWhole(text).c_str()); }

// The narrowest width, down to half of `width`, that wraps `text` into no more lines than `width` does: its lines
// come out about even (CSS's text-wrap: balance). Wrapped at the full width, the caption's second line was a short
// remainder after "members only;" that three fresh readers took for a forced break, and a phone's title left "call"
// alone on its last line.
float BalancedWidth(const Fonts& fonts, const char* text, float width, FontRole role, float scale) {
    const float height = WrappedHeight(fonts, text, width, role, scale);
    float lo = width * 0.5f, hi = width; // hi always wraps into `height`
    while (hi - lo > 2.0f) {
        const float mid = 0.5f * (lo + hi);
        (WrappedHeight(fonts, text, mid, role, scale) <= height ? hi : lo) = mid;
    }
    return std::ceil(hi);
}

// The figure's controls, in groups a reader can name: time, the question, interventions, and behind "More controls"
// the speed, what the maps show and the run. The question comes second: on a desktop it then shares the time's row,
// inside a 1280 x 800 window under the maps (after the interventions, on a row of its own, its button was cut by the
// window's foot, and four of stop 42's fresh readers missed the figure's strongest picture behind it). The
// interventions follow on the next row.
// The question's group has no label: its one button says what it is, and "What if" over "What if the organizers
// vanished?" read as a stutter to three of stop 74's six fresh readers.
enum Group { G_Time, G_WhatIf, G_Act, G_Speed, G_Show, G_Seed, GroupCount };
const char* const GroupLabels[GroupCount] = {"Time", "", "Interventions", "Speed", "Show", "Chance"};
// The groups from this one on are folded behind "More controls" until the reader opens them (SimView::more_controls;
// the full window shows them all): "1 2 4 8 weeks a second", "Chance – run 1 +", the Show toggles and "Full window"
// made the controls a debugging tool to every fresh reader of stops 70 to 72, who asked for them under a fold.
constexpr int FirstFolded = G_Speed;
constexpr const char* MoreLabel = "More controls\u00A0↓";
constexpr const char* FewerLabel = "Fewer controls\u00A0↑";
// The drawer's row is labelled as a group of controls is: closed, it is one more row of the figure's controls.
const char* const DrawerLabel = "Details";
constexpr float GroupGap = 28.0f; // between two groups on one row (a desktop's)
enum ItemKind { K_Button, K_Accent, K_Toggle, K_Seed, K_Speed };
struct Item {
    const char* id;
    const char* label;
    ItemKind kind;
    Group group;
    bool after_actions = false; // set after the group's actions (Reset ends the time row)
};
enum ItemId {
    I_Play, I_Speed, I_Step, I_Reset,
    I_Knockout, I_Acquaintances, I_Lists, I_Origins,
    I_Seed, I_Expand, ItemCount
};
const Item Items[ItemCount] = {
    {"play", "Play", K_Button, G_Time},
    {"speed", "weeks a second", K_Speed, G_Speed}, // "weeks/s" read as a lab bench to all six of stop 64's
    {"step", "+1 week", K_Button, G_Time},
    {"reset", "Reset", K_Button, G_Time, true},
    // While the knockout shows, its words are app::KnockoutEndLabel: narrower than the question, which the layout
    // keeps room for.
    {"knockout", app::KnockoutAskLabel, K_Accent, G_WhatIf},
    {"acquaintances", "Acquaintances", K_Toggle, G_Show}, // drawn faint, and keyed as such when shown
    {"lists", "Organizers’ lists", K_Toggle, G_Show},
    {"origins", "Who built each tie", K_Toggle, G_Show},
    {"seed", "Seed", K_Seed, G_Seed},
    {"expand", "Full window", K_Button, G_Show},
};
// The speed's choices, in weeks a second (inside app::MinWeeksPerSecond..MaxWeeksPerSecond), one segment each.
constexpr float Speeds[] = {1.0f, 2.0f, 4.0f, 8.0f};
std::span<const Segment> SpeedSegments() {
    static const Segment segments[] = {{"1", app::SimControlKind, "speed-1"}, {"2", app::SimControlKind, "speed-2"},
                                       {"4", app::SimControlKind, "speed-4"}, {"8", app::SimControlKind, "speed-8"}};
    return segments;
}
// The figure's controls are these items and app::SimActionTable's actions: the table is the only list of the actions
// (those that skip time sit with the time controls, before Reset).
constexpr int SlotCount = ItemCount + int(app::SimActionCount);
const app::SimAction* SlotAction(int slot) { return slot < ItemCount ? nullptr : &app::SimActionTable[slot - ItemCount]; }
Group SlotGroup(int slot) {
    const app::SimAction* action = SlotAction(slot);
    return action == nullptr ? Items[slot].group : action->skips_time ? G_Time : G_Act;
}
// The slots in reading order: per group, its items, then its actions, then the items set after the actions.
const std::array<int, SlotCount>& SlotOrder() {
    static const std::array<int, SlotCount> order = [] {
        std::array<int, SlotCount> o {};
        int n = 0;
        for (int g = 0; g < GroupCount; ++g)
            for (int pass = 0; pass < 3; ++pass)
                for (int i = 0; i < SlotCount; ++i) {
                    const bool action = SlotAction(i) != nullptr;
                    const int slot_pass = action ? 1 : Items[i].after_actions ? 2 : 0;
                    if (SlotGroup(i) == g && slot_pass == pass)
                        o[size_t(n++)] = i;
                }
        return o;
    }();
    return order;
}

// The legend names the marks the maps draw now, in the room all of them would take, so the controls under it never
// move: the marks of a call sit on a row of their own, introduced as such, and the faint ties are those the "Show"
// toggles add.
enum LegendItem {
    L_Close, L_Friend, L_Acq, L_Social, L_Organizing, L_AidTie, L_Action, L_Struggle,
    // An organizer's list beside the organizer, not under "Ties, by width:" (where at week 0 it stood alone, a list
    // keyed as a width to a fresh reader).
    // A spent disc, the disc of who came drawn pale, is one who came to the last call and is now exhausted. Its entry
    // says both words: as one entry with two samples ("✕ ⊗ exhausted") it left all twelve fresh readers of stop 35
    // asking how the marks differ; as "came, exhausted by it" five of six of stop 34 asked which crosses the panel's
    // "53 too exhausted" counted.
    // The settled knockout's outlined bar, the try its map replays: where a phone's words have no room to say so
    // (stop 59's last three fresh readers found it unexplained there).
    L_Resident, L_Leader, L_Exhausted, L_CameExhausted, L_Organizer, L_List, L_Caller, L_Heard, L_Came, L_Path,
    L_ShownTry, LegendCount
};
// Short, so that a phone's key wraps little: the swatches show which tie is thick, and each row that needs one
// has a label saying what its entries are. The knockout's path says whom it reaches: "heard of it" rings with no line
// to them read as a contradiction of "spreads along ties" to four of stop 67's six fresh readers. The organizer's
// says the diamonds stand alike on both maps, as a phone's line between its maps does (two fresh readers of stop 43
// found that fact only on the phone). The leader's says its ring stands on whatever else marks the resident: a ring
// on a disc of who came and a ring on a bare dot read as two kinds of leader to two of stop 69's first three, and
// "leader, on a disc if they came" was a riddle to all six of stop 73's.
const char* const LegendLabels[LegendCount] = {
    "close tie", "friend tie", "acquaintance", "social time", "organizing", "aid", "action", "struggle", "resident",
    "leader, came or not", "exhausted", "came, now exhausted", "organizer, same on both maps",
    "on an organizer’s list", "starts it", "heard of it", "came", "its path to who came", "the call on the map"};

// The rows that open with a label of their own: their first entry and the label; `table_only`, a label the flowed key
// leaves out (GridLegend).
struct LegendRow {
    LegendItem first;
    const char* label;
    bool table_only = false;
};
constexpr uint32_t BuilderMarks = 1u << L_Social | 1u << L_Organizing | 1u << L_AidTie | 1u << L_Action | 1u << L_Struggle;
constexpr uint32_t CallMarks = 1u << L_Caller | 1u << L_Heard | 1u << L_Came | 1u << L_Path;
// The entries only a Show toggle brings: the key keeps no room for them while their toggle is off.
constexpr uint32_t ToggledMarks = 1u << L_Acq | 1u << L_List | BuilderMarks;
uint32_t ToggledLegend(const SimView& view) {
    return (view.show_acquaintances ? 1u << L_Acq : 0u) | (view.show_lists ? 1u << L_List : 0u) |
           (view.show_origins ? BuilderMarks : 0u);
}
// Each tie row says which of the line's properties it keys (a fresh reader took the grey "close tie" for a colour;
// another found "Width, strength:" awkward).
// The people's marks need no label where they follow the call's on its row; in the table they stand under a label of
// their own, or read as more of "In a call:".
constexpr LegendRow LabelledRows[] = {{L_Close, "Ties, by width:"},
                                      {L_Social, "Ties, by colour:"},
                                      {L_Caller, "In a call:"},
                                      {L_Resident, "People:", true}};
// The model in full, first under the way into its controls, headed "How the model works": what a call is, so the
// headers' "call to action" is explained, what makes a leader (the model's: no threshold, sim::Model::IsLeader, though
// still subject to energy, burnout and the availability draw, hence "if able"; two fresh readers found "leader" defined
// nowhere), how leaders are made and that they last (sim::LeadersMadeSentence, a measured claim: the mobilized map's
// leaders rising as its organizers quit was unexplained to five fresh readers), what the model counts, what decides its
// result (sim::HoursOverAidSentence), and, as its second paragraph, why organizers quit (sim::OrganizersTireSentence)
// and what the numbers are: all six of stop 63's fresh readers asked where the 10% and 80% come from, and the sources
// of the settings that have one are in the Assumptions drawer (sim::Assumptions) below it.
// Under the maps' key it was the figure's face: its two columns of small prose made the figure a dashboard or a lab
// report in the middle of the essay to all six of stop 71's fresh readers, first among its faults for most of them.
// "The model's": "Its", opening a column of its own, had no referent to a fresh reader of stop 67.
// What the model measures, and what it does not: all nine of stop 69's fresh readers asked whether turnout is the
// measure, as the essay says a crowd is not power. A call's only outcome in sim::Model is who came (CallOutcome).
constexpr const char* CountsSentence = "The model counts who comes to calls, not what they win.";
const std::string& ModelNote() {
    static const std::string note =
        std::string("A call to action goes out from an organizer to their contact list and spreads along neighbors’ "
                    "ties; a leader comes to any call they hear of, if able. ") +
        sim::LeadersMadeSentence + " " + CountsSentence + " " + sim::HoursOverAidSentence + "\n\n" +
        sim::OrganizersTireSentence +
        " The model’s numbers are illustrative (sources under Assumptions, below), none measured in a real "
        "neighborhood.";
    return note;
}
constexpr const char* ModelNoteHeading = "How the model works";
// The note under the key says only what reading the maps needs, and where the rest is, in one paragraph: in two
// columns under the two maps, its two halves read as a caption for each map to two of stop 72's last three fresh
// readers (399, 400). Its last sentence is the same in every state but the knockout's, so the key's room changes only
// when the knockout starts or ends. The button's name in quotation marks: "…: Explore the model." read as plain text
// pointing at nothing to all three (399, 400, 401).
constexpr const char* PointerSentence = " The model’s numbers are illustrative, none measured in a real "
                                        "neighborhood; how it works and what decides its result are under “Explore the "
                                        "model”.";
// A note's paragraphs split at a blank line. Where `width` holds two columns of NoteColumn, the first paragraph stands
// in the left and the rest in the right: at 125 characters a line, the full note was still "a wall of small grey
// prose" to three of stop 66's six fresh readers. In one column its paragraphs are a third of a line apart, at most
// NoteMeasure wide; a note of one paragraph is one column, its lines balanced.
// Calls f(paragraph, its place from the note's top left, its measure, whether to balance its lines); returns the
// note's height. Balancing is the drawer's (DrawNote): it moves no line break's count, so the height needs none.
constexpr float NoteParagraphGap = 6.0f;
template <typename F> float ForEachNoteParagraph(const Fonts& fonts, std::string_view note, float width, F&& f) {
    const bool one = note.find("\n\n") == std::string_view::npos;
    const bool columns = NoteInColumns(width) && !one;
    const float measure = columns ? std::floor((width - NoteColumnGap) * 0.5f) : std::min(width, NoteMeasure);
    float y = 0.0f, x = 0.0f, bottom = 0.0f;
    for (size_t start = 0;;) {
        const size_t end = note.find("\n\n", start);
        const std::string paragraph(note.substr(start, end - start));
        // One paragraph's lines balanced, so its last is no single word ("model”." alone under a wide figure's key).
        f(paragraph, ImVec2(x, y), measure, one);
        y += WrappedHeight(fonts, paragraph.c_str(), measure, Font_Ui, 0.85f);
        bottom = std::max(bottom, y);
        if (end == std::string_view::npos)
            return bottom;
        if (columns && x == 0.0f) {
            x = measure + NoteColumnGap;
            y = 0.0f;
        } else {
            y += NoteParagraphGap;
        }
        start = end + 2;
    }
}
float NoteHeight(const Fonts& fonts, std::string_view note, float width) {
    return ForEachNoteParagraph(fonts, note, width, [](const std::string&, ImVec2, float, bool) {});
}
// In the ink: in the muted grey, at this size, the notes were small, low-contrast grey text to four of stop 70's six
// fresh readers, who read them to judge the figure.
void DrawNote(ImDrawList* list, const Fonts& fonts, ImVec2 at, ImU32 colour, std::string_view note, float width) {
    ForEachNoteParagraph(fonts, note, width, [&](const std::string& paragraph, ImVec2 place, float measure, bool even) {
        AddWrapped(list, fonts.font[Font_Ui], UiTextSize(fonts) * 0.85f, ImVec2(at.x + place.x, at.y + place.y), colour,
                   paragraph, even ? BalancedWidth(fonts, paragraph.c_str(), measure, Font_Ui, 0.85f) : measure);
    });
}
// The key's first paragraph in a run: what a call to action is. Where one map's organizers have all quit
// (`none_left_on_one`) and the other's remain, that no call comes there: in the run only organizers send calls, and "a
// leader comes to any call" over a map with 9 leaders and no call since month 34 read as a contradiction to two of
// stop 48's fresh readers and one of stop 49's. And that the question "What if the organizers vanished?" is a test,
// not the run's rule: it has a leader start a call, which the run never does (three of stop 61's fresh readers found
// the two rules inconsistent).
const char* RunKeyNote(bool none_left_on_one) {
    return none_left_on_one ? "In the run only organizers send calls (or you, with an intervention), so where all have "
                              "quit no call comes; “What if the organizers vanished?” tests a call a leader starts."
                            : "A call to action spreads from an organizer along ties; a leader comes to any call they "
                              "hear of, if able. The model counts who comes to calls, not what they win.";
}
// What the seed is, for a reader: beside its control where there is room. Called a run on screen: "seed" was jargon
// to two of stop 63's fresh readers, "charts compare 20 seeds" beside "mean of 10 tries" to more.
const char* const SeedNote = "each run is another roll of chance, with the same settings";
constexpr float SeedNoteGap = 10.0f;

// Where each legend entry sits, flowed at the figure's width: only the entries the maps show now.
struct LegendPlace {
    float x[LegendCount] = {};
    int row[LegendCount] = {};                       // -1: not in the key now
    int label_row[std::size(LabelledRows)] = {};     // -1: none of the row's entries is in the key now
    float label_x[std::size(LabelledRows)] = {};
    int rows = 0;
};
constexpr uint32_t AllLegend = (1u << LegendCount) - 1u;
// The key's four groups, each a short sentence: ties by width, ties by what built them, people, a call.
int LegendGroup(int item) { return item < L_Social ? 0 : item < L_Resident ? 1 : item < L_Caller ? 2 : 3; }
constexpr int LegendGroups = 4;
// The call and people first: who came and who is exhausted carry the maps' argument, and on a phone only the key's
// first row shows under the two maps (a fresh reader looked there for the marks). Who came first of all: after the
// people's marks and the organizer's, "came to the last call" ended the key, and two of stop 49's first fresh readers
// asked for the mark the argument rests on first.
constexpr int LegendGroupOrder[LegendGroups] = {3, 2, 0, 1};
// Where a group stands in the key's order: the second of each pair may follow the first on its row.
int LegendGroupPosition(int group) {
    const int* at = std::find(std::begin(LegendGroupOrder), std::end(LegendGroupOrder), group);
    return int(at - std::begin(LegendGroupOrder));
}
// The entries in the key's order: group by group, each group's entries as LegendItem lists them.
const std::array<int, LegendCount>& LegendOrder() {
    static const std::array<int, LegendCount> order = [] {
        std::array<int, LegendCount> o {};
        size_t n = 0;
        for (const int g : LegendGroupOrder)
            for (int i = 0; i < LegendCount; ++i)
                if (LegendGroup(i) == g)
                    o[n++] = i;
        return o;
    }();
    return order;
}
// Between two groups that share a row: wider than between entries, so each group still reads as its own phrase.
constexpr float LegendGroupGap = 28.0f;

// An entry's room for its sample, before its label.
float SampleRoom(float u) { return u * 1.4f; }

// What the figure says of the organizers (app::OrganizersOnMaps): the same number on both maps, gone from both (or
// faded by the knockout, which asks what is left without them), or fewer on one map, whose missing ones quit, burnt
// out (interventions take them from both maps alike). "The same on both maps" over a mobilized map whose organizers had
// quit, and "organizer (gone)" over an integrated map that still had its diamonds, contradicted the maps from month 35
// on at the defaults.
struct OrganizersShown {
    std::array<int, app::PanelCount> left {};
    bool knockout = false; // the knockout shows: the maps draw its call, not the run's last
    bool gone = false;     // none on either map, or the knockout
    int fewer = -1;        // the panel with fewer, where the two differ
    // Map k has no organizer left to call, so what it shows of calls is its last, months back (PastCallShare); not
    // during the knockout, whose call is drawn instead.
    bool PastCall(int k) const { return !knockout && left[size_t(k)] == 0; }
};
OrganizersShown OrganizersNow(const app::SimLab& lab) {
    OrganizersShown o;
    o.left = app::OrganizersOnMaps(lab);
    o.knockout = lab.knockout.phase != app::KnockoutPhase::Idle;
    o.gone = o.knockout || o.left[0] + o.left[1] == 0;
    if (!o.gone && o.left[0] != o.left[1])
        o.fewer = o.left[0] < o.left[1] ? 0 : 1;
    return o;
}
// The note under the key now. During the knockout: who starts its call, what it would bring with nobody exhausted
// (`rested`), what kept the calls that stayed small (`starter`: six of stop 69's nine fresh readers asked why 4 of 10
// stayed at 1%), and what the model counts.
std::string KeyNote(const OrganizersShown& organizers, const sim::Settings& rules, bool acquaintances_drawn,
                    const std::string& rested, const std::string& starter) {
    if (!organizers.knockout)
        return std::string(RunKeyNote(organizers.PastCall(0) || organizers.PastCall(1))) + PointerSentence;
    std::string note = app::KnockoutStartNote(rules, acquaintances_drawn);
    if (!rested.empty())
        note += " " + rested;
    if (!starter.empty())
        note += "\n\n" + starter;
    return note + "\n\n" + CountsSentence;
}
// The organizer's entry in the key, by OrganizersShown. Organizers gone stay on the maps, faded (GoneOrganizerAlpha):
// where the maps differ, the entry keys the faded ones.
constexpr float GoneOrganizerAlpha = 0.45f; // at 0.3, near black on the dark theme's ground (two fresh readers)
const char* const OrganizerGoneLabel = "organizer (gone)";
const char* const OrganizerFewerLabel = "organizer (faded: quit, burnt out)";
const char* OrganizerLabel(const OrganizersShown& o) {
    return o.gone ? OrganizerGoneLabel : o.fewer >= 0 ? OrganizerFewerLabel : LegendLabels[L_Organizer];
}
// Between calls the call's row holds only "came": then it says what it keys in words and needs no row label
// ("In a call: ●● came" read as clumsy to three fresh readers).
bool CameAlone(uint32_t shown) { return (shown & CallMarks) == 1u << L_Came; }
// The entries' words that follow the maps: the organizer's (OrganizerLabel), and the resident's, which says how many
// dots each map holds (sim::DrawnCounts::residents), "1 of 300 residents", so a share can be read as people: all six
// of stop 70's fresh readers found the number the shares are of stated nowhere. ("One of 300 residents" took a desktop
// key a row more, and "1 of 300 residents" did beside "organizer, the same on both maps", now without "the".)
struct KeyWords {
    const char* organizer = LegendLabels[L_Organizer];
    std::string resident = LegendLabels[L_Resident];
};
std::string ResidentLabel(int residents) { return "1 of " + std::to_string(residents) + " residents"; }
const char* LegendLabel(int item, const KeyWords& words, uint32_t shown) {
    if (item == L_Came && CameAlone(shown))
        return "came to the last call";
    if (item == L_Resident)
        return words.resident.c_str();
    return item == L_Organizer ? words.organizer : LegendLabels[item];
}

// Under this width (a phone's figure) the key is a table: each group's label on a line of its own, its entries under
// it in two columns. Flowed, a phone's key wrapped its groups at different places ("In a call:" over an indented
// "came", the people's marks split over two lines), split or wrapping badly to nine of stop 57's twelve fresh readers.
constexpr float GridLegendBelow = 520.0f;

// The table's places: an entry wider than its column takes the row (the second column starts at half the width).
void GridLegend(float width, uint32_t shown, const float (&entry_w)[LegendCount], const float (&label_w)[LegendGroups],
                LegendPlace& place) {
    const float column = std::round(width * 0.5f);
    int row = 0, group = -1;
    bool left = true; // the next entry goes in the left column of `row`
    for (const int i : LegendOrder()) {
        if (!(shown & 1u << i))
            continue;
        if (LegendGroup(i) != group) {
            group = LegendGroup(i);
            if (!left)
                ++row;
            left = true;
            for (size_t k = 0; k < std::size(LabelledRows); ++k)
                if (LegendGroup(LabelledRows[k].first) == group && label_w[group] > 0.0f) {
                    place.label_row[k] = row++;
                    place.label_x[k] = 0.0f;
                }
        }
        if (!left && column + entry_w[i] > width) {
            ++row;
            left = true;
        }
        place.x[i] = left ? 0.0f : column;
        place.row[i] = row;
        if (left && entry_w[i] + Spacing <= column) {
            left = false;
        } else {
            ++row;
            left = true;
        }
    }
    place.rows = row + (left ? 0 : 1);
}

// Places the entries of `shown` in rows `width` wide; an entry of a labelled row that wraps hangs under the first,
// clear of the label. The key lists what is on the maps and nothing else: entries greyed out while absent read as
// disabled to three fresh readers, and stranded them on rows of their own on a phone. Where a whole group fits after
// the one before it, the builders follow the widths and the call follows the people on the same row: on a wide
// figure the key then runs under both maps as one (as two columns, one under each map, two fresh readers took it for
// a key per map). Each entry is measured with the label it draws: "organizer (gone)" measured as "organizer" ran
// into "In a call:" during the knockout.
void FlowLegend(const Fonts& fonts, float width, uint32_t shown, const KeyWords& words, LegendPlace& place) {
    // Each shown entry's width, each group's label's and the whole group's, measured once.
    const float u = UiTextSize(fonts);
    const bool table = width < GridLegendBelow;
    float entry_w[LegendCount] = {}, label_w[LegendGroups] = {}, group_w[LegendGroups] = {};
    for (const LegendRow& r : LabelledRows)
        if (table || !r.table_only)
            label_w[LegendGroup(r.first)] = TextWidth(fonts, r.label, Font_UiBold, 0.85f) + Spacing;
    if (CameAlone(shown))
        label_w[LegendGroup(L_Caller)] = 0.0f;
    for (int i = 0; i < LegendCount; ++i)
        if (shown & 1u << i) {
            entry_w[i] = TextWidth(fonts, LegendLabel(i, words, shown), Font_Ui, 0.85f) + SampleRoom(u) + u * 0.2f;
            group_w[LegendGroup(i)] += entry_w[i] + Spacing;
        }
    std::fill(std::begin(place.label_row), std::end(place.label_row), -1); // set where a labelled row starts
    std::fill(std::begin(place.row), std::end(place.row), -1);
    if (table) {
        GridLegend(width, shown, entry_w, label_w, place);
        return;
    }
    float cx = 0.0f, indent = 0.0f;
    int row = 0, group = -1, previous = -1, on_row = 0; // the group's last entry placed, and its row's entries
    bool started = false;
    for (const int i : LegendOrder()) {
        if (LegendGroup(i) != group) {
            group = LegendGroup(i);
            const bool follows = LegendGroupPosition(group) % 2 == 1 && cx > 0.0f &&
                                 cx + LegendGroupGap + label_w[group] + group_w[group] - Spacing <= width;
            if (follows)
                cx += LegendGroupGap - Spacing;
            else {
                row += cx > 0.0f ? 1 : 0;
                cx = 0.0f;
            }
            indent = cx;
            started = false;
        }
        if (!(shown & 1u << i))
            continue;
        const float w = entry_w[i];
        if (!started) {
            started = true;
            for (size_t k = 0; k < std::size(LabelledRows); ++k)
                if (LegendGroup(LabelledRows[k].first) == group && label_w[group] > 0.0f) {
                    place.label_row[k] = row;
                    place.label_x[k] = cx;
                    cx = indent = cx + label_w[group];
                }
            on_row = 0;
        } else if (cx + w > width) {
            // A group's last entry never wraps alone under a row of three or more: the one before it goes with it
            // ("its path" stood alone under the call's row on a phone, to four of stop 55's fresh readers).
            bool last = true;
            for (const int j : LegendOrder())
                last = last && !(j > i && LegendGroup(j) == group && (shown & 1u << j));
            ++row;
            cx = indent;
            if (last && on_row >= 3 && indent + entry_w[previous] + Spacing + w <= width) {
                place.x[previous] = cx;
                place.row[previous] = row;
                cx += entry_w[previous] + Spacing;
                on_row = 1;
            } else {
                on_row = 0;
            }
        }
        place.x[i] = cx;
        place.row[i] = row;
        cx += w + Spacing;
        previous = i;
        ++on_row;
    }
    place.rows = row + (cx > 0.0f ? 1 : 0);
}

// A panel's result: a large share and the words under it, so the two shares stand side by side above the maps, to be
// compared at a glance (a fresh reader's suggestion on the phone; the next asked for the same on the desktop). What a
// call is is said in the same words as the key's ("the last call" alone left a reader asking).
struct ShareResult {
    std::string share{}; // "25%"
    std::string words{};
    float fraction = -1.0f; // the share, 0 to 1; -1 before any call
    bool past = false;      // a call months back, on a map with no organizers left to call (PastCallShare)
    bool spent = false;     // some who came are now exhausted, pale on the map (HeaderShare)
    std::vector<float> tries{}; // the settled knockout's tries, each a share, tallest first, a bar each (DrawTries)
    float shown_try = -1.0f;  // of those, the one its map replays, outlined; -1 where none (every try the same)
    std::vector<std::string> narrower{}; // shorter forms of the words, widest first, where they would wrap (WordsIn)
};
// A share's words as set in `width`: the first of its forms that takes one line, else its shortest (on a 320 px phone
// the knockout's "average of 10 tries (bars); map: 57%" took two lines, and the room kept for it a band over every
// state's maps).
const std::string& WordsIn(const Fonts& fonts, const ShareResult& r, float width) {
    const float line = WrappedHeight(fonts, "0", width, Font_Ui, 0.85f);
    if (r.narrower.empty() || WrappedHeight(fonts, r.words.c_str(), width, Font_Ui, 0.85f) <= line)
        return r.words;
    for (const std::string& form : r.narrower)
        if (WrappedHeight(fonts, form.c_str(), width, Font_Ui, 0.85f) <= line)
            return form;
    return r.narrower.back();
}
float WordsHeight(const Fonts& fonts, const ShareResult& r, float width) {
    return WrappedHeight(fonts, WordsIn(fonts, r, width).c_str(), width, Font_Ui, 0.85f);
}
ShareResult TurnoutShare(double share) {
    return {.share = sim::Percent(share), .words = "came to the last call to action"};
}
// Where a map's organizers are gone, no call comes from them, and its last call's share stands for a past month: the
// words say which, the share is drawn in the muted ink (ShareColour), and the map's marks of who came are rings
// (DrawPastCame). At month 40 of seed 1, month 34's "10%" in the map's colour read as this month's to three of stop
// 45's fresh readers.
ShareResult PastCallShare(double share, int month) {
    return {.share = sim::Percent(share), .words = "came to the last call, month " + std::to_string(month),
            .past = true};
}
// One who came is the call's starter (its starters are residents able to come): "0.3%" of the mobilized neighborhood,
// under a map whose one disc of who came is in the starter's ring, read as padding to a fresh reader of stop 45.
// While it plays, the share counts who has come so far in the try the map replays.
ShareResult KnockoutShare(int came, int residents) {
    const float share = float(came) / float(std::max(1, residents));
    return {.share = sim::Percent(share),
            .words = came == 1 ? "only the one who started it came" : "came without organizers",
            .fraction = share};
}
// The settled count and words in each of their forms, widest first (app::KnockoutSettledCount, KnockoutSettledWords);
// where the tries do not part, no count, and the caller sets their average.
ShareResult SettledWords(const std::vector<int32_t>& tries, int shown, int residents) {
    ShareResult r{.share = app::KnockoutSettledCount(tries, residents),
                  .words = app::KnockoutSettledWords(tries, shown, residents)};
    r.narrower = {app::KnockoutSettledWords(tries, shown, residents, 1),
                  app::KnockoutSettledWords(tries, shown, residents, 2),
                  app::KnockoutSettledWords(tries, shown, residents, 3)};
    return r;
}
// Settled, how many tries spread ("6 of 10", as the title says), each try a bar of its own (DrawTries) with the one its
// map replays outlined, and in the words how far they spread and the map's try. The large number had no form every
// fresh reader accepted: as the map's try (57% at seed 1's month 30), the most flattering number on the page beside
// the summary's average (36%) to five of stop 52's six and all three of stop 53's; as the average, a number no try
// brought to stop 51's last three and to all three of stop 54's first, who asked for the count. The average is the
// status's and the chart's.
// Whether a settled knockout's tries on panel k brought different turnouts, so that the one its map replays is
// outlined among them (and the key names the outline).
bool TriesDiffer(const app::KnockoutPlay& ko, int k) {
    const std::vector<int32_t>& tries = ko.probe[size_t(k)].attendees;
    const auto [least, most] = std::minmax_element(tries.begin(), tries.end());
    return least != tries.end() && *least != *most;
}
ShareResult KnockoutSettledShare(const app::KnockoutPlay& ko, int k) {
    const std::vector<int32_t>& tries = ko.probe[size_t(k)].attendees;
    const int residents = std::max(1, ko.residents);
    const int shown = ko.probe[size_t(k)].outcome.attendees;
    ShareResult r = SettledWords(tries, shown, residents);
    r.fraction = float(app::KnockoutMeanCame(ko, k)) / float(residents);
    if (r.share.empty())
        r.share = sim::Percent(r.fraction);
    for (const int32_t a : tries)
        r.tries.push_back(float(a) / float(residents));
    std::sort(r.tries.begin(), r.tries.end(), std::greater<>());
    // Where every try brought the same, the words name no map's try ("came in every try").
    if (TriesDiffer(ko, k))
        r.shown_try = float(shown) / float(residents);
    return r;
}
// A panel's share now: the knockout's while it plays, else the last call's. Before any call its place says so in
// words, so the header has no hole where it will be (a dash there read as a placeholder, and "0%" would say a call
// went out and no one came).
constexpr const char* NoCallYet = "No call yet";
constexpr float CameSampleRoom = 14.0f; // on a phone, the "came" disc before the share's words
// "Run the clock" named no control on the page (a fresh reader); "advance time" is what Run 30 months and the Time
// row do.
// At the alike start the words name the one button there (beside "Run 30 months", "advance time" read as another
// control to three fresh readers).
constexpr const char* BeforeCallWords[] = {"advance time to see one", "run 30 months to see one"};
ShareResult PanelShareBeforeAnyCall(bool at_start) {
    return {.share = NoCallYet, .words = BeforeCallWords[at_start ? 1 : 0]};
}
// At week 0, where Reset takes the figure, the two maps are alike by construction (one seed: the same residents,
// homes and organizers' lists), so the picture alone says nothing yet. Until the reader moves the clock, the guide's
// row says so and offers the run the figure is about. False when a preset makes the two worlds differ.
bool AtAlikeStart(const app::SimLab& lab) {
    if (app::Week(lab) != 0 || lab.playing || lab.guide_step != 0 || lab.knockout.phase != app::KnockoutPhase::Idle)
        return false;
    const sim::Comparison& c = lab.comparison;
    return c.mobilized.agents() == c.integrated.agents() && c.mobilized.network() == c.integrated.network();
}

ShareResult PanelShare(const app::SimLab& lab, int k) {
    const app::KnockoutPlay& ko = lab.knockout;
    if (ko.phase == app::KnockoutPhase::Done)
        return KnockoutSettledShare(ko, k);
    if (ko.phase == app::KnockoutPhase::Running) {
        const int round = app::KnockoutRound(ko);
        return KnockoutShare(round >= 0 ? app::KnockoutCame(ko, k, round) : 0, ko.residents);
    }
    const double turnout = app::LastTurnout(lab, k);
    if (turnout < 0)
        return PanelShareBeforeAnyCall(AtAlikeStart(lab));
    ShareResult r = OrganizersNow(lab).PastCall(k) ? PastCallShare(turnout, app::LastCallMonth(lab, k))
                                                   : TurnoutShare(turnout);
    r.fraction = float(turnout);
    return r;
}
// The share is set in the headings' serif at its own size, which the font atlas holds: the interface face scaled up
// to that size was drawn from smaller glyphs, and a fresh reader saw the numbers soft, as if greyed.
constexpr FontRole ShareFont = Font_Heading;
float ShareSize(const Fonts& fonts) { return fonts.font[ShareFont]->FontSize / fonts.dpr; } // the atlas's, in CSS px
float ShareScale(const Fonts& fonts) { return ShareSize(fonts) / UiTextSize(fonts); }
// The large share's column: room for "100%", or for the share where it is wider (the knockout's "6 of 10").
float ShareColumn(const Fonts& fonts, const std::string& share) {
    return std::max(TextWidth(fonts, "100%", ShareFont, ShareScale(fonts)),
                    TextWidth(fonts, share.c_str(), ShareFont, ShareScale(fonts)));
}
// On a phone, the width beside a panel's share for its words and counts: after the share's column ("100%", into which
// a wider share is fitted, or "No call yet" before any call) and, once a call has come, the room for the disc that
// keys who came.
float StackedBeside(const Fonts& fonts, float width, bool called) {
    const float column = called ? ShareColumn(fonts, {}) : TextWidth(fonts, NoCallYet, Font_UiBold);
    return width - column - 12.0f - (called ? CameSampleRoom : 0.0f);
}

// A panel's details beside the maps, "97 close ties, 159 friend ties · 16 leaders, 53 too exhausted for the next
// call". What exhausted means where there is room (a fresh reader found it explained nowhere): energy below what
// attending takes (sim::IsExhausted), now: the bare crosses and the spent discs (those the last call wore out; "now
// too exhausted to come" read as a contradiction of them to two fresh readers), which the key's "exhausted" and
// "came, now exhausted" entries show.
std::string PanelDetails(const sim::DrawnCounts& d) {
    const std::string exhausted = d.exhausted == 0 ? std::string("none exhausted")
                                                   : std::to_string(d.exhausted) + " too exhausted for the next call";
    return doc::Counted(d.close_ties, "close tie", "close ties") + ", " +
           doc::Counted(d.friend_ties, "friend tie", "friend ties") + " · " +
           doc::Counted(d.leaders, "leader", "leaders") + ", " + exhausted;
}

// A stacked panel's details, each count after the map's own mark for it: there the key is a screen below, and fresh
// readers found the crosses and rings unexplained. The ties on the first line, in words (short lines before their
// counts read as minus signs to a fresh reader), then the leaders and the exhausted (no cross beside "none
// exhausted"); a line breaks only between counts, so a number never wraps away from its word. The exhausted are keyed
// by both their marks while the map draws both, the bare cross and the spent disc of one who came (two fresh readers
// of stop 40 found the spent disc in no key on a phone screen).
enum class DetailMark { None, Ties, Leader, Exhausted, ExhaustedBoth };
struct DetailPart {
    DetailMark mark;
    std::string text;
    bool runs_on = false; // continues the part before it, after a space, where the line has room
    ImVec2 at {};         // the mark's room's top-left, from the details' top-left
    float text_x = 0.0f;  // the text's left, from the same
};
constexpr float DetailMarkRoom = CameSampleRoom; // a mark and its gap to the count, in the "came" disc's column
constexpr float SecondMarkStep = 11.0f; // from a cross's centre to the spent disc's after it, the two apart
struct StackedDetails {
    std::array<DetailPart, 4> parts;
    float line = 0.0f; // one line's height
    float height = 0.0f;
};
// How a phone's counts are set; the zero value is the full form before any call.
struct DetailsStyle {
    bool marks = false;         // after a call: each count after the map's own mark for it
    bool spent_discs = false;   // the map draws exhausted residents who came as spent discs (DrawsSpentDisc)
    // The first count says "close" without "ties" (the second's "ties" serves both) and marked counts stand closer:
    // the form for counts that would otherwise take a line more than the header keeps (a 320 px phone kept an empty
    // band two lines deep over each map for them, seen by two fresh readers).
    bool compact = false;
};
StackedDetails LayOutDetails(const Fonts& fonts, const sim::DrawnCounts& d, float width, DetailsStyle style) {
    const bool marks = style.marks, compact = style.compact;
    StackedDetails out;
    // The ties' line has a mark too, a close tie's stroke: unmarked in the column of the words above it, it read as
    // a sub-point of "came to the last call" (three fresh readers).
    out.parts[0] = {DetailMark::Ties, compact ? std::to_string(d.close_ties) + " close,"
                                              : doc::Counted(d.close_ties, "close tie", "close ties") + ","};
    out.parts[1] = {DetailMark::None, doc::Counted(d.friend_ties, "friend tie", "friend ties"), true};
    out.parts[2] = {DetailMark::Leader, doc::Counted(d.leaders, "leader", "leaders")};
    // "none exhausted" has no cross to stand after, so it runs on after a comma: set apart by the gap between marked
    // counts, it read as a count whose mark was missing (three fresh readers).
    if (d.exhausted == 0) {
        out.parts[2].text += ",";
        out.parts[3] = {DetailMark::None, "none exhausted", true};
    } else {
        out.parts[3] = {style.spent_discs ? DetailMark::ExhaustedBoth : DetailMark::Exhausted,
                        std::to_string(d.exhausted) + " exhausted"};
    }
    // Without marks (before any call: nothing to key yet) the counts line up with the words above them; with them,
    // each line's text starts after the marks' room, and a count without a mark takes no room mid-line (an empty
    // slot read as a gap to two fresh readers).
    const float room = marks ? DetailMarkRoom : 0.0f;
    const float line = out.line = WrappedHeight(fonts, "0", width, Font_Ui, 0.85f), gap = compact ? 6.0f : 12.0f;
    const float space = TextWidth(fonts, " ", Font_Ui, 0.85f);
    float x = 0.0f, y = 0.0f;
    for (DetailPart& part : out.parts) {
        if (!marks)
            part.mark = DetailMark::None;
        const float mark_w = part.mark == DetailMark::None            ? 0.0f
                             : part.mark == DetailMark::ExhaustedBoth ? room + SecondMarkStep
                                                                      : room;
        const float text_w = TextWidth(fonts, part.text.c_str(), Font_Ui, 0.85f);
        const float before = part.runs_on ? space : gap;
        // The people on a line of their own, after the ties.
        if (x > 0.0f && (&part == &out.parts[2] || x + before + mark_w + text_w > width)) {
            x = 0.0f;
            y += line;
        }
        part.at = ImVec2(x == 0.0f ? 0.0f : x + before, y);
        part.text_x = x == 0.0f ? std::max(room, mark_w) : part.at.x + mark_w;
        x = part.text_x + text_w;
    }
    out.height = y + line;
    return out;
}

// Every position in the figure, from its width and the UI font alone: SimFigureHeight and the drawing share it.
// Where the drawer's pages stand in their rows (PlaceDrawer).
struct DrawerPlace {
    bool one = true;
    float x[4] = {}; // per page, as DrawerSegments lists them
    int row[4] = {};
};

struct FigureLayout {
    float width = 0;
    float u = 0, line = 0, frame = 0, gap = 0;
    bool narrow = false;
    float title_h = 0, caption_h = 0, caption_w = 0;
    float note_w = 0;     // the measure of the key's note and the model's (ForEachNoteParagraph)
    std::string key_note; // the note under the key's entries now (KeyNote)
    // The "When calls outlast the organizers" scale (DrawFlipScale): at the defaults, whose numbers it draws, and only
    // with the controls open, first under the way into them. On the essay's face, beside the title or under the maps'
    // key, it made the figure a dashboard in the middle of the essay to all nine of stop 62's fresh readers, who asked
    // for the maps and one sentence there and the rest behind "Explore the model". Opening the controls moves nothing
    // above it.
    bool flip_shown = false;
    float flip_y = 0, flip_w = 0, flip_h = 0;
    float guide_y = 0, guide_h = 0, guide_text_h = 0;
    bool intro_beside = false; // the invitation sits on the buttons' row, after them, not under it
    ImVec2 panel[app::PanelCount];
    float panel_w = 0, header_h = 0, map_h = 0;
    float stack_body_h = 0; // stacked: the room under a panel's name for its share, words and counts
    // A phone stacks the two maps, each the screen's width, named on a tab across its top edge and under its own
    // share, both on one screen; a wider screen sets them side by side under their headers.
    bool stacked = false;
    ImVec2 map[app::PanelCount]; // each map's top-left
    float map_w = 0;
    float map_top = 0; // from a map's top edge to its highest homes: more where a tab crosses the edge
    float key_line_y = 0; // stacked: the line between the maps keying the organizers and the call (0: none)
    float legend_y = 0, legend_h = 0;
    bool open = false;          // the controls, charts and drawer are laid out (SimLab::controls_open, or the sandbox)
    float model_note_y = 0;     // open: the model's heading and note (ModelNote), first under the way in
    bool more = false;          // the folded groups are laid out (SimView::more_controls, or the sandbox)
    float more_y = 0;           // the row of "More controls", before the folded groups (not in the sandbox)
    float explore_y = 0;        // the row of the way into them (not in the sandbox, which is them)
    bool explore_note_beside = false; // its note on the button's row, where it fits there
    float ask_x = 0, ask_y = 0; // closed: the knockout's question, beside the way in or under it
    float explore_note_x = 0;   // closed, where its note stands beside the row: after the row's last pill as drawn
    float seed_note_w = 0; // SeedNote beside the seed's control and its gap, where there is room (0 on a phone)
    float group_label_w = 0;
    float item_w[SlotCount] = {}, item_x[SlotCount] = {}, item_y[SlotCount] = {};
    float group_x[GroupCount] = {}, group_y[GroupCount] = {};
    float status_y = 0, status_h = 0;
    float chart_key_y = 0, charts_y = 0, chart_w = 0;
    int chart_cols = 1;
    float note_y = 0;
    float tabs_y = 0, tabs_h = 0; // the drawer: its label's top, and its height with its open page
    float drawer_x = 0, drawer_rows_y = 0; // where its pages' row starts (after or under its label)
    DrawerPlace drawer;                    // its pages in their rows, from drawer_x and drawer_rows_y
    float drawer_box_y = 0;                // where its open page's box starts, under the rows
    float height = 0;
};

// The knockout's answer at its widest: both panels split, "9 of 10 … calls would still reach 75–100%".
const std::string& LongestKnockoutAnswer() {
    static const std::string answer = [] {
        const std::vector<int32_t> tries = {300, 299, 299, 299, 299, 299, 299, 299, 226, 1};
        return app::KnockoutAnswer({tries, tries}, 300);
    }();
    return answer;
}
// Every title a state can show (app::FigureTitle), each at its longest, for the room they take at their tallest.
std::span<const std::string> EveryTitle() {
    static const std::array<std::string, 5> titles = {app::NeutralFigureTitle, app::KnockoutQuestion,
                                                      LongestKnockoutAnswer(), sim::FigureFindingSentence,
                                                      app::OrganizersQuitTitle(1, 999)}; // "integrated" is longer
    return titles;
}
// The room the figure's title takes at its tallest, so nothing under it moves as it changes.
float TallestTitle(const Fonts& fonts, float width, FontRole role, float scale) {
    float h = 0.0f;
    for (const std::string& title : EveryTitle())
        h = std::max(h, WrappedHeight(fonts, title.c_str(), width, role, scale));
    return h;
}
// The longest captions a wide figure can show: a strike preset on the mobilized panel only (every other reachable
// state, as sliders and interventions act on both panels, differs in fewer settings), and the defaults' with what both
// maps assume (CaptionOf).
std::span<const std::string> LongestCaptions() {
    static const std::array<std::string, 2> captions = [] {
        const sim::Settings mobilized = sim::ScenarioSettings(sim::ScenarioKind::Mobilized),
                            integrated = sim::ScenarioSettings(sim::ScenarioKind::Integrated);
        sim::Settings left = mobilized;
        std::string error;
        if (const sim::FlipPreset* p = sim::FindPreset("Minnesota: big strike, leaders emerge"))
            sim::ApplyAssignments(left, p->settings, &error);
        return std::array<std::string, 2>{sim::FigureCaption(left, integrated),
                                          sim::FigureCaption(mobilized, integrated) + " " + sim::RulesAlikeSentence};
    }();
    return captions;
}

// As long as the longest step caption (app::GoToGuideStep's), so the guide bar has room for any of them.
const char* const GuideSample =
    "Month 30, if the organizers vanished today: word of a call reaches 297 and brings 171 of the integrated "
    "residents, and reaches 23 and brings 1 of the mobilized ones (the median of 10 calls).";

const char* const GuideIntro = "Five steps through what the figure shows, or explore the model yourself below.";
// The same line at week 0 while the two maps are alike (AtAlikeStart).
// One label on every screen: shortened only where it shared a 320 px row with "Run 30 months", it read as two
// buttons to three fresh readers; short, it fits there beside the run.
constexpr const char* TourLabel = "Guided tour";
constexpr const char* RunLabel = "Run 30 months";
const char* const StartIntro = "Month 0: both start alike. Run 30 months to see where each strategy leads.";

// The way into the figure's controls, charts and drawer, under the maps' key (SimLab::controls_open), and while it is
// closed what it holds. Its label says which way it goes: down into them, or back up.
constexpr const char* ExploreLabel = "Explore the model\u00A0↓";
constexpr const char* HideLabel = "Hide the controls\u00A0↑";
const char* const ExploreNote =
    "How the model works and where its result holds; step through time, intervene, or change the assumptions until "
    "it flips.";

// Under reduced motion nothing plays: Play and its speed give way to the steps ("+1 week", "+3 months"...). `more`:
// the folded groups are open.
bool SlotShown(int slot, bool reduced_motion, bool more) {
    return (more || SlotGroup(slot) < FirstFolded) && !(reduced_motion && (slot == I_Play || slot == I_Speed));
}
bool GroupShown(int g, bool reduced_motion, bool more) {
    for (int i = 0; i < SlotCount; ++i)
        if (SlotGroup(i) == g && SlotShown(i, reduced_motion, more))
            return true;
    return false;
}

// `touring`: the guided path is on, and its bar keeps room for any step's caption; off, only its one-line invitation.
// What differs between the panels now, in words (sim::FigureCaption), and on a wide figure what both maps assume
// (sim::RulesAlikeSentence), as measured: at the defaults, with nothing applied (an intervention can call), and not
// while the knockout has a leader start its call. Not on a phone, where the caption is kept to four lines at 320 px
// so that the title and both maps fit one screen.
std::string CaptionOf(const app::SimLab& lab, bool wide) {
    std::string caption =
        sim::FigureCaption(lab.comparison.mobilized.settings(), lab.comparison.integrated.settings());
    if (wide && app::AtDefaults(lab) && lab.knockout.phase == app::KnockoutPhase::Idle)
        caption += std::string(" ") + sim::RulesAlikeSentence;
    return caption;
}

// Whether a wide figure's panel k tallies its calls under the share: once one has come, and not during the knockout.
bool ShowsTally(const app::SimLab& lab, int k) {
    return lab.knockout.phase == app::KnockoutPhase::Idle && !lab.comparison.Panel(app::PanelKind(k)).calls().empty();
}

float TallyHeight(const Fonts& fonts) {
    return WrappedHeight(fonts, "0", 1e6f, Font_Ui, 0.85f) + 4.0f;
}

// The longest words each form of a panel's share can show, for the room ComputeLayout keeps them, a call's two forms
// first (a wide figure tallies the calls under them); built once, as ComputeLayout runs every frame.
std::span<const ShareResult> LongestShareWords() {
    static const std::array<ShareResult, 6> longest = [] {
        std::vector<int32_t> spread(sim::ProbeDraws, 300); // tries that differ, the replayed one at 100%
        spread[0] = 0;
        return std::array<ShareResult, 6>{TurnoutShare(1.0), PastCallShare(1.0, 99), KnockoutShare(300, 300),
                                          KnockoutShare(1, 300),
                                          SettledWords(spread, 300, 300),
                                          SettledWords(std::vector<int32_t>(sim::ProbeDraws, 1), 1, 300)};
    }();
    return longest;
}

// Under the charts' key, what the bands are, and while their seeds run, how far they are. Only that: a sentence here
// on the seeds' median turnout without organizers (38% at month 30) was a third number for one question beside the
// knockout's 57% and the summary's average of 36%, and all three of stop 53's fresh readers named the three as the
// figure's first fault. The chart plots that median, and its key names it.
// The bands' seeds are 1 to app::EnsembleSeeds whatever the maps' seed: the maps' run is one of them where its seed is
// (it said "20 other seeds", which it was not). Once they are complete, where the maps' run stands among them
// (`standing`, app::RunAgainstBands).
std::string ChartNote(double progress, uint64_t seed, const std::string& standing) {
    const std::string seeds = "runs 1–" + std::to_string(app::EnsembleSeeds);
    std::string note = "Bands: " + seeds + " with the same settings and interventions" +
                       (seed <= uint64_t(app::EnsembleSeeds) ? ", the maps’ run " + std::to_string(seed) + " among them"
                                                             : " (the maps show run " + std::to_string(seed) + ")");
    if (progress < 1.0)
        note += " (still being computed: " + std::to_string(int(progress * 100.0)) + "%)";
    note += ".";
    return standing.empty() ? note : note + " " + standing;
}
// Room for the note with as long a standing as most runs have (two charts out of band on each panel): a longer one
// grows the figure under the charts. Room for the longest (all six on both) left three empty lines under most.
const std::string& RoomyChartNote() {
    static const std::string note =
        ChartNote(1.0, 9999999, // the seed's field takes seven digits
                  "This run at month 99: integrated above the band in close ties and the largest group, below it in "
                  "leaders; mobilized above the band in turnout per call, below it in exhausted residents.");
    return note;
}

// The drawer's four pages, one segment each.
std::span<const Segment> DrawerSegments() {
    static const Segment segments[] = {{"Flip presets", app::SimControlKind, "drawer-presets"},
                                       {"Assumptions", app::SimControlKind, "drawer-assumptions"},
                                       {"Test the objection", app::SimControlKind, "drawer-objection"},
                                       {"What the model leaves out", app::SimControlKind, "drawer-omissions"}};
    return segments;
}
// Where the drawer's pages go in `width`: one segmented control where all fit in a row; else each its own, as a
// phone's chips flow, in rows (two rows of two segments ran past a 320 px phone's edge). Returns the rows.
int PlaceDrawer(const Fonts& fonts, float width, DrawerPlace& place) {
    const std::span<const Segment> all = DrawerSegments();
    place.one = SegmentedWidth(fonts, all) <= width;
    float x = 0.0f;
    int row = 0;
    for (size_t i = 0; i < all.size(); ++i) {
        const float w = SegmentedWidth(fonts, all.subspan(i, 1));
        if (!place.one && x > 0.0f && x + w > width) {
            x = 0.0f;
            ++row;
        }
        place.x[i] = x;
        place.row[i] = row;
        x += w + (place.one ? 0.0f : Spacing);
    }
    return row + 1;
}

// From the lab only whether the guided path is on, the status's sentence (where it needs more than its usual room)
// and, on a phone, the title, the caption (which keep room for themselves alone there) and whether the maps are at
// their alike start: a desktop's layout never builds the caption, as it runs every frame.
FigureLayout ComputeLayout(const Fonts& fonts, float width, bool sandbox, const app::SimLab& lab, bool reduced_motion,
                           const SimView& view) {
    const uint32_t toggled = ToggledLegend(view);
    const bool drawer_open = view.drawer != 0;
    const std::string standing_note = ChartNote(1.0, lab.seed, view.charts.standing);
    const bool touring = lab.guide_step != 0;
    FigureLayout L;
    L.u = UiTextSize(fonts);
    L.line = std::ceil(L.u * 1.35f);
    L.width = width;
    L.narrow = width < NarrowFigure;
    // The results side by side on every screen: the comparison is the point. The maps too where there is room; on a
    // phone, two maps side by side were 170 px wide and read as texture to five fresh readers, one map divided by a
    // line the reader moves showed half of each (three fresh readers asked for whole maps), and two square maps
    // stacked did not fit one screen: there they are stacked, each the screen's width and shorter than wide.
    L.stacked = L.narrow;
    // Phones get finger-sized targets; a desktop's pointer needs less, but never a cramped button.
    L.frame = L.narrow ? TouchTarget : std::max(L.u + 2.0f * FramePadY, 32.0f);
    L.gap = L.narrow ? 8.0f : 12.0f;
    // Room for the longer title, so nothing below moves when it changes; on a phone, as the caption below, only its
    // own (the finding's third line left a blank line under the neutral title at month 0, seen by a fresh reader).
    L.title_h = (L.narrow ? WrappedHeight(fonts, app::FigureTitle(lab).c_str(), width, Font_UiBold, 1.05f)
                          : TallestTitle(fonts, width, Font_UiBold, 1.05f)) +
                TitleGap;
    // What differs between the sides, with room for the longest caption any state can show, so nothing below moves
    // when it changes. Not on a phone: there the longest is two lines more than most, an empty band under the caption
    // that every reader saw (three fresh readers); there it takes its own room, and the essay view keeps what the
    // reader looks at in place when it grows (SimFigureExtent's caption_bottom).
    L.caption_w = std::min(width, CaptionMeasure);
    // Two columns across the figure where it holds them (ForEachNoteParagraph), else one at most NoteMeasure.
    L.note_w = NoteInColumns(width) ? width : std::min(width, NoteMeasure);
    L.caption_h = 0.0f;
    if (L.narrow)
        L.caption_h = WrappedHeight(fonts, CaptionOf(lab, false).c_str(), L.caption_w, Font_Ui, 0.85f);
    else
        for (const std::string& caption : LongestCaptions())
            L.caption_h = std::max(L.caption_h, WrappedHeight(fonts, caption.c_str(), L.caption_w, Font_Ui, 0.85f));
    L.caption_h += 6.0f;
    L.open = sandbox || lab.controls_open;
    L.more = sandbox || view.more_controls;
    L.flip_shown = L.open && app::AtDefaults(lab);
    float y = L.title_h + L.caption_h;
    // The guided path's bar: its buttons, then room for a step's caption (the longest is about 60 words).
    L.guide_y = y;
    // A phone has the invitation only at the alike start, where it says what to do first: after it, "Five steps
    // through what the figure shows…" under "Guided tour" kept a 320 px phone's second map below its screen (all six
    // of stop 43's fresh readers), and the tour's button says as much. The maps move up once, when the run starts.
    if (touring)
        L.guide_text_h = WrappedHeight(fonts, GuideSample, width, Font_Ui, 0.95f);
    else if (!L.narrow)
        L.guide_text_h = std::max(WrappedHeight(fonts, GuideIntro, width, Font_Ui, 0.95f),
                                  WrappedHeight(fonts, StartIntro, width, Font_Ui, 0.95f));
    else if (AtAlikeStart(lab))
        L.guide_text_h = WrappedHeight(fonts, StartIntro, width, Font_Ui, 0.95f);
    // On a wide screen the invitation goes beside the buttons where both of its forms fit on that row (the month 0 one
    // takes the month's place, which it names): the line saved brings the controls onto a 1280 x 800 screen with the
    // maps (a fresh reader found them below the fold).
    const float row_left = PillWidth(fonts, TourLabel) + IntroGap;
    const float month_w = UiTextSize(fonts, Font_UiBold, "Month 99 + 3 weeks").x;
    L.intro_beside = !L.narrow && !touring &&
                     row_left + TextWidth(fonts, GuideIntro, Font_Ui, 0.95f) + Spacing + month_w <= width &&
                     PillWidth(fonts, TourLabel) + Spacing + PillWidth(fonts, RunLabel) + IntroGap +
                             TextWidth(fonts, StartIntro, Font_Ui, 0.95f) <= width;
    if (L.intro_beside)
        L.guide_text_h = 0.0f;
    L.guide_h = L.frame + (L.guide_text_h > 0.0f ? 6.0f + L.guide_text_h : 0.0f) + L.gap;
    y += L.guide_h;
    const float share_h = WrappedHeight(fonts, "100%", width, ShareFont, ShareScale(fonts));
    const std::span<const ShareResult> longest_words = LongestShareWords();
    const sim::DrawnCounts most{.friend_ties = 999, .close_ties = 999, .leaders = 99, .exhausted = 299}; // the most counted
    if (L.stacked) {
        // One over the other, each under its own name and share: the name first, in its colour (fresh readers met
        // the number before they knew whose it was), the share large at the left, what it counts and the details
        // beside it. Side by side above both maps, the shares were matched to the maps by hand (two fresh readers).
        L.panel_w = width;
        // Room for the taller of the share's two forms, each in the column DrawPanelHeader gives it: a call's beside
        // "100%", before any call beside "No call yet", which is wider and has no disc (measured both beside the
        // wider, a 320 px phone kept an empty band of two lines over each map, seen by two fresh readers).
        const float called_beside = StackedBeside(fonts, width, true), quiet_beside = StackedBeside(fonts, width, false);
        float words_h = 0.0f;
        for (const ShareResult& r : longest_words)
            words_h = std::max(words_h, WordsHeight(fonts, r, called_beside));
        float quiet_h = 0.0f;
        for (const char* words : BeforeCallWords)
            quiet_h = std::max(quiet_h, WrappedHeight(fonts, words, quiet_beside, Font_Ui, 0.85f));
        const float before_call = quiet_h + LayOutDetails(fonts, most, quiet_beside, {.compact = true}).height;
        // The most the counts take in their compact form, which DrawPanelHeader uses where the usual one needs more.
        L.stack_body_h =
            std::max({share_h, words_h + LayOutDetails(fonts, most, called_beside, {.marks = true, .compact = true}).height, before_call});
        L.header_h = L.line + L.stack_body_h + 10.0f;
        L.map_w = width;
        // A little over half as tall as wide: at 0.58, with the organizers' line between them, the second map's foot
        // fell below a 390 x 844 screen (a fresh reader of stop 42). Under half as tall on a 320 px phone (a figure under
        // 300 px wide), where at 0.55 the second map's foot fell below its 700 px screen (all six of stop 43's).
        L.map_h = std::floor(width * (width < 300.0f ? 0.48f : 0.55f));
        L.map_top = MapInset;
        for (int k = 0; k < app::PanelCount; ++k) {
            L.panel[k] = ImVec2(0.0f, y);
            y += L.header_h;
            L.map[k] = ImVec2(0.0f, y);
            y += L.map_h;
            // Under the first map, a line keying what the counts do not (DrawMapsKeyLine). It stands between the
            // maps, as it keys both: its line's own leading keeps it clear of the first, and the blocks' gap after it
            // is a gap less.
            if (k == 0) {
                L.key_line_y = y + 0.25f * L.gap;
                y = L.key_line_y + L.line - L.gap;
            }
            // Further from the next name than from its own share, so each block reads as one.
            y += 2.0f * L.gap;
        }
    } else {
        L.panel_w = std::floor((width - L.gap) * 0.5f);
        // Name, result (room for its longest form: the knockout's, or a call's), details.
        // A call's words (the first two forms) with the tally under them.
        float words_h = 0.0f;
        for (size_t i = 0; i < longest_words.size(); ++i)
            words_h = std::max(words_h, WordsHeight(fonts, longest_words[i], L.panel_w) +
                                            (i < 2 ? TallyHeight(fonts) : 0.0f));
        // The details are set small, their room the most they take: kept for one line, at 760 px they wrapped onto
        // the map.
        L.header_h = L.line + share_h + words_h + 4.0f +
                     WrappedHeight(fonts, PanelDetails(most).c_str(), L.panel_w, Font_Ui, 0.85f) + 10.0f;
        L.panel[0] = ImVec2(0.0f, y);
        L.panel[1] = ImVec2(L.panel_w + L.gap, y);
        L.map_w = L.panel_w;
        // Flat enough on a wide screen that the figure, from its title to "Explore the model", fits 1280 x 800 with
        // the tally and the key's note at its measure.
        L.map_h = std::floor(L.panel_w * (width >= WideFigure ? 0.55f : 0.8f));
        y += L.header_h;
        L.map_top = MapInset;
        L.map[0] = ImVec2(L.panel[0].x, y);
        L.map[1] = ImVec2(L.panel[1].x, y);
        y += L.map_h + 8.0f;
    }

    for (int g = 0; g < GroupCount; ++g)
        L.group_label_w = std::max(L.group_label_w, TextWidth(fonts, GroupLabels[g], Font_UiBold, 0.85f) + 12.0f);
    L.group_label_w = std::max(L.group_label_w, TextWidth(fonts, DrawerLabel, Font_UiBold, 0.85f) + 12.0f);
    // On a phone each group's label sits above its buttons; on a desktop, at the left of their row.
    const float indent = L.narrow ? 0.0f : L.group_label_w;
    const float avail = width - indent;
    for (int i = 0; i < SlotCount; ++i) {
        if (const app::SimAction* action = SlotAction(i)) {
            L.item_w[i] = std::min(PillWidth(fonts, action->label), avail);
            continue;
        }
        const Item& item = Items[i];
        float w = 0.0f;
        switch (item.kind) {
        case K_Button: case K_Accent: w = PillWidth(fonts, item.label); break;
        case K_Toggle: w = 2.0f * ChipPad + ChipTick + ChipSample + 2.0f * ChipGap + TextWidth(fonts, item.label); break;
        case K_Seed:
            L.seed_note_w = L.narrow ? 0.0f : TextWidth(fonts, SeedNote) + SeedNoteGap;
            w = 2.0f * L.frame + TextWidth(fonts, "run 0000000") + 8.0f + L.seed_note_w;
            break;
        case K_Speed: w = SegmentedWidth(fonts, SpeedSegments()) + 6.0f + TextWidth(fonts, item.label); break;
        }
        if (i == I_Play)
            w = std::max(PillWidth(fonts, "Play"), PillWidth(fonts, "Pause"));
        L.item_w[i] = std::min(w, avail);
    }
    // On a phone, rows of chips, their 44 px rows meeting: a chip is drawn shorter than its row (ChipHeight), which
    // leaves a gap between rows as between chips. (As links, they were "loose red words" to all three of stop 40's
    // fresh readers of a 320 px phone; ruled as a list, "a default mobile list" to three of three before.)
    const float pitch = L.frame;
    // A group's buttons in rows, breaking before one that would pass `limit`; returns how many rows they take,
    // and places them from `top` when asked.
    const auto flow = [&](int g, float limit, float top, bool place) {
        int rows = 1;
        float x = 0.0f;
        for (const int i : SlotOrder()) {
            if (SlotGroup(i) != g || !SlotShown(i, reduced_motion, L.more))
                continue;
            if (x > 0.0f && x + L.item_w[i] > limit) {
                x = 0.0f;
                ++rows;
            }
            if (place) {
                L.item_x[i] = x;
                L.item_y[i] = top + float(rows - 1) * pitch;
            }
            x += L.item_w[i] + Spacing;
        }
        return rows;
    };
    // On a phone, its label over its buttons, balanced as a heading's lines are: the narrowest width that takes no
    // more rows than the full one (filled greedily, a 320 px phone left "Reset" alone on the Time group's last row,
    // seen by all nine of stop 37's fresh readers).
    const auto place_stacked = [&](int g) {
        L.group_y[g] = y;
        if (*GroupLabels[g] != '\0')
            y += L.line;
        const int rows = flow(g, avail, y, false);
        float lo = 0.0f, hi = avail;
        while (hi - lo > 1.0f) {
            const float mid = 0.5f * (lo + hi);
            (flow(g, mid, y, false) > rows ? lo : hi) = mid;
        }
        flow(g, hi, y, true);
        y += float(rows) * pitch + Spacing + 4.0f;
    };
    L.legend_y = y;
    // Room for every entry a run can bring at once, so nothing below moves as marks come and go while it plays. The
    // Show toggles' entries get room only while their toggle is on (the reader moved the controls by pressing it):
    // kept for them too, the room left a 320 px phone's key and its controls 90 px apart, which fresh readers took for
    // a gap in the layout. Each with the organizer's longest label then: "gone" during the knockout, which alone
    // brings its call's marks.
    LegendPlace run, knockout;
    const uint32_t every = (AllLegend & ~ToggledMarks) | toggled;
    const uint32_t knockout_only = (CallMarks | 1u << L_ShownTry) & ~(1u << L_Came);
    // The most residents a map can hold: those who leave only make the label shorter.
    const std::string resident = ResidentLabel(lab.comparison.mobilized.Residents());
    FlowLegend(fonts, width, every & ~knockout_only, {OrganizerFewerLabel, resident}, run);
    FlowLegend(fonts, width, (every & ~(1u << L_CameExhausted)) | knockout_only, {OrganizerGoneLabel, resident},
               knockout);
    // The note under the entries, as DrawLegend draws it. Its room is the note's own: the knockout's, longer, takes
    // more, and the figure grows under the key while the knockout shows (the essay view keeps what the reader looks
    // at in place, SimFigureExtent's key_bottom). Kept at the knockout's in every state, it stood empty at month 30,
    // or was filled with the model's full account, a lab report on the figure's face (stop 71's fresh readers).
    // In a run, room for the longer of its two notes, so the controls stay put when one map's organizers quit.
    const OrganizersShown organizers = OrganizersNow(lab);
    L.key_note = KeyNote(organizers, lab.comparison.mobilized.settings(), view.show_acquaintances,
                         app::KnockoutRestedNote(lab.knockout), app::KnockoutStarterNote(lab.knockout));
    const int key_rows = organizers.knockout ? knockout.rows : run.rows;
    float note_h = NoteHeight(fonts, L.key_note, L.note_w);
    if (!organizers.knockout)
        for (const bool quit : {false, true})
            note_h = std::max(note_h, NoteHeight(fonts, std::string(RunKeyNote(quit)) + PointerSentence, L.note_w));
    L.legend_h = float(key_rows) * L.line + note_h;
    y += L.legend_h + L.gap;

    // In the essay, the way into the rest; closed, the figure ends under it.
    if (!sandbox) {
        L.explore_y = y;
        const float button_w = std::max(PillWidth(fonts, ExploreLabel), PillWidth(fonts, HideLabel));
        float row_end = button_w;
        // Closed, the knockout's question stands beside the way in (under it where both do not fit): the figure's
        // most telling test, the essay's own "if the organizers disappear", was behind "Explore the model" to five of
        // stop 55's six last fresh readers, two of whom named it first.
        if (!L.open) {
            const float ask_w =
                std::max(PillWidth(fonts, app::KnockoutAskLabel), PillWidth(fonts, app::KnockoutEndLabel));
            const bool beside = button_w + Spacing * 2.0f + ask_w <= width;
            L.ask_x = beside ? button_w + Spacing * 2.0f : 0.0f;
            L.ask_y = beside ? y : y + L.frame + Spacing;
            row_end = beside ? L.ask_x + ask_w : button_w;
            if (!beside)
                y = L.ask_y;
            // The question's words change while the knockout shows: the note follows the words drawn now.
            const float last_end =
                beside ? L.ask_x + PillWidth(fonts, app::KnockoutLabel(lab)) : PillWidth(fonts, ExploreLabel);
            L.explore_note_x = last_end + IntroGap;
        }
        L.explore_note_beside =
            !L.narrow && row_end + IntroGap + TextWidth(fonts, ExploreNote, Font_Ui, 0.95f) <= width;
        y += L.frame + L.gap;
        if (!L.open && !L.explore_note_beside)
            y += WrappedHeight(fonts, ExploreNote, width, Font_Ui, 0.95f);
    }
    if (!L.open) {
        L.status_y = y; // no status: its sentence is the controls'
        L.height = y;
        return L;
    }
    // First under the way in, the model in full under its heading: the account the key's note points to.
    L.model_note_y = y;
    y += L.line + NoteHeight(fonts, ModelNote(), L.note_w) + L.gap;
    if (L.flip_shown) {
        L.flip_y = y;
        L.flip_w = std::min(width, FlipColumn);
        L.flip_h = FlipScaleHeight(fonts, L.flip_w);
        y += L.flip_h + L.gap;
    }

    // The way to the folded groups on a row of its own, before them: opening them moves nothing above.
    const auto place_more = [&] {
        L.more_y = y;
        y += L.frame + Spacing + 4.0f;
    };
    // On a phone the figure's question comes right after the key to the maps it is about, before the other groups:
    // after the time's column of buttons it was a screen and a half below them (fresh readers of stops 42 and 43),
    // and over the key it left the key a screen from the maps (all three of stop 49's first fresh readers).
    if (L.narrow) {
        place_stacked(G_WhatIf);
        for (int g = 0; g < GroupCount; ++g) {
            if (g == FirstFolded && !sandbox)
                place_more();
            if (g != G_WhatIf && GroupShown(g, reduced_motion, L.more))
                place_stacked(g);
        }
    } else {
        // A group follows the one before it on its row where it fits whole, its label before its buttons, as the
        // key's groups do: on a row each, five rows put the interventions under a 1280 x 800 screen's edge (a fresh
        // reader). A row's first group keeps the labels' column, so the rows' buttons start in line.
        float x = 0.0f; // where the row's next group may start; 0 on a fresh row
        for (int g = 0; g < GroupCount; ++g) {
            if (g == FirstFolded && !sandbox) {
                y += L.frame + Spacing;
                x = 0.0f;
                place_more();
            }
            if (!GroupShown(g, reduced_motion, L.more))
                continue;
            float items_w = -Spacing;
            for (const int i : SlotOrder())
                if (SlotGroup(i) == g && SlotShown(i, reduced_motion, L.more))
                    items_w += L.item_w[i] + Spacing;
            const float own_label_w =
                *GroupLabels[g] == '\0' ? 0.0f : TextWidth(fonts, GroupLabels[g], Font_UiBold, 0.85f) + 12.0f;
            if (x > 0.0f && x + GroupGap + own_label_w + items_w > width) {
                y += L.frame + Spacing;
                x = 0.0f;
            }
            const bool row_first = x == 0.0f;
            if (!row_first)
                x += GroupGap;
            L.group_x[g] = x;
            L.group_y[g] = y;
            const float left = x + (row_first ? L.group_label_w : own_label_w);
            x = left;
            for (const int i : SlotOrder()) {
                if (SlotGroup(i) != g || !SlotShown(i, reduced_motion, L.more))
                    continue;
                if (x > left && x + L.item_w[i] > width) {
                    x = left;
                    y += L.frame + Spacing;
                }
                L.item_x[i] = x;
                L.item_y[i] = y;
                x += L.item_w[i] + Spacing;
            }
            x -= Spacing;
        }
        if (L.more)
            y += L.frame + Spacing;
    }
    y += 4.0f;

    L.status_y = y;
    // The preset if one is on, then what just happened: as much room as most of those sentences take, so that most
    // changes move nothing below, and more where one needs it (a fixed box cut a phone's month-30 sentence off
    // mid-phrase). Two lines on a wide screen, where most take one or two: three left a band under the month's one
    // line that two of stop 64's fresh readers named. Three on a phone, where an intervention's takes two or three:
    // six left a band under the resting sentence's two lines that four of stop 74's six fresh readers named.
    const float said = WrappedHeight(fonts, lab.summary.c_str(), width, Font_Ui, 1.0f);
    L.status_h = (lab.preset ? L.line : 0.0f) + std::max(L.line * (L.narrow ? 3.0f : 2.0f), said);
    y += L.status_h + L.gap;

    // The charts' key over them, where their marks are first seen: under them, the ▼ of the scheduled divisive issues
    // along every chart's top went unexplained to all three of stop 64's first fresh readers.
    L.chart_key_y = y;
    y += ChartKeyHeight(fonts, width) + 4.0f;
    L.charts_y = y;
    L.chart_cols = width >= WideFigure ? 3 : width >= NarrowFigure ? 2 : 1;
    L.chart_w = std::floor((width - L.gap * float(L.chart_cols - 1)) / float(L.chart_cols));
    const int chart_rows = (ChartCount + L.chart_cols - 1) / L.chart_cols;
    y += float(chart_rows) * (ChartHeight + L.gap);
    L.note_y = y;
    y += std::max(WrappedHeight(fonts, RoomyChartNote().c_str(), width, Font_Ui, 0.85f),
                  WrappedHeight(fonts, standing_note.c_str(), width, Font_Ui, 0.85f)) +
         2.0f * L.gap;
    L.tabs_y = y;
    L.drawer_x = indent;
    L.drawer_rows_y = y + (L.narrow ? L.line : 0.0f);
    const int drawer_rows = PlaceDrawer(fonts, width - indent, L.drawer);
    L.drawer_box_y = L.drawer_rows_y + float(drawer_rows) * L.frame + float(drawer_rows - 1) * Spacing + 4.0f;
    // Closed, the drawer is its row of pages alone: the presets' settings and their measured sentences, open under
    // the charts, stood where the essay resumes, and all six of stop 52's fresh readers named their jargon there.
    L.tabs_h = L.drawer_box_y - y + (drawer_open ? (sandbox ? DrawerBoxSandbox : DrawerBoxInline) : 0.0f);
    y += L.tabs_h + L.gap;
    L.height = y;
    return L;
}

void RecordControl(app::FrameReport& report, const char* id) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    report.controls.push_back({app::SimControlKind, id, a.x, a.y, b.x - a.x, b.y - a.y});
}

// On a phone a chip is drawn 36 px tall, centred in its 44 px row, and its hit area is still the row's (Ui::min_hit):
// drawn 44 px tall, rows of chips were "fat" and "chunky" next to the text.
constexpr float PhoneChip = 36.0f;
float ChipHeight(const Ui& ui, float row) { return ui.min_hit > 0.0f ? std::min(row, PhoneChip) : row; }
ImVec2 ChipAt(const Ui& ui, ImVec2 at, float row) {
    return ImVec2(at.x, at.y + std::round((row - ChipHeight(ui, row)) * 0.5f));
}

// A figure button, in the focus ring: every control is an outlined chip in the ink, as the Show switches and the seed's
// steppers are, and the figure's one question the accent pill. (As links in the accent among those chips, all three
// of stop 40's fresh readers and six of six before them named four styles of control in one block; rows of pills
// had read as a stock toolkit before the switches and steppers were chips too.) Drawn at its label's width from the
// slot's left (the Play slot has room for "Pause" too).
bool FigureButton(Ui& ui, const char* id, const char* label, ImVec2 at, float height, bool disabled = false,
                  ButtonLook look = ButtonLook::Pill) {
    Button b{label, app::SimControlKind, id, look};
    b.disabled = disabled;
    return DrawButton(ui, b, ChipAt(ui, at, height), ChipHeight(ui, height));
}

// A switch for what the maps show, as a chip holding a sample of what it adds (the key's own swatch) and its label in
// the ink: on, a tick and the sample on a tinted chip; off, only the chip's outline and the sample faded. An accent
// check box read as a stock widget to a fresh reader; a muted label off read as disabled to the next two.
bool DrawToggle(Ui& ui, const char* id, const char* label, bool& on, ImVec2 at, float width, float row,
                ImU32 sample) {
    at = ChipAt(ui, at, row);
    const float height = ChipHeight(ui, row);
    bool hovered = false, held = false;
    const ImVec2 end(at.x + width, at.y + height);
    const bool pressed = Interact(ui, app::SimControlKind, id, at, end, hovered, held);
    if (pressed)
        on = !on;
    const Palette& p = ui.palette;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float r = height * 0.5f;
    if (on || hovered || held)
        list->AddRectFilled(at, end, held ? p.control_pressed : on ? p.control_selected : p.control_hover, r);
    // Off, outlined as the figure's other chips are; on, a step darker.
    list->AddRect(at, end, on ? Faded(p.ink, 0.45f) : p.card_border, r, 0, ThemeMetrics.hairline);
    const float mid = std::round(at.y + height * 0.5f);
    float x = at.x + ChipPad;
    // On, a tick; off, a plus: what a press does (an empty slot read as a label set off centre, two fresh readers).
    if (on) {
        list->AddPolyline(std::array<ImVec2, 3>{ImVec2(x, mid), ImVec2(x + ChipTick * 0.35f, mid + ChipTick * 0.35f),
                                                ImVec2(x + ChipTick, mid - ChipTick * 0.4f)}.data(),
                          3, p.ink, 0, 1.8f);
    } else {
        const float c = x + ChipTick * 0.5f, arm = ChipTick * 0.4f;
        list->AddLine(ImVec2(c - arm, mid), ImVec2(c + arm, mid), p.muted, 1.5f);
        list->AddLine(ImVec2(c, mid - arm), ImVec2(c, mid + arm), p.muted, 1.5f);
    }
    x += ChipTick + ChipGap;
    list->AddLine(ImVec2(x, mid + 0.5f), ImVec2(x + ChipSample, mid + 0.5f), on ? sample : WithAlpha(sample, 0.6f), 2.0f);
    x += ChipSample + ChipGap;
    const ImVec2 text = UiTextSize(ui.fonts, Font_Ui, label);
    DrawUiText(list, ui.fonts, Font_Ui, ImVec2(x, std::round(at.y + (height - text.y) * 0.5f)), p.ink, label);
    return pressed;
}

std::string RatioText(double ratio) {
    char buffer[48];
    if (ratio != ratio)
        return "no organizers left";
    std::snprintf(buffer, sizeof buffer, "%.2f", ratio);
    return buffer;
}

// The marks, shared by the maps and the legend so the key shows exactly what is drawn.
constexpr float ListSpokeReach = 0.35f; // of the way from an organizer to a resident on its list

struct Marks {
    ImU32 resident, leader, exhausted, organizer, list, heard, paper;
    float r = 2.5f;
    float came_r = 0.0f; // the disc of who came; zero: its usual size for r (CameRadius)
};
Marks MarksFor(const Palette& palette, float r) {
    Marks m;
    m.resident = WithAlpha(palette.muted, 0.75f);
    m.leader = palette.ink;
    // Grey, not the accent: the maps' colour is who came, so the mobilized map's coloured area is its turnout (in the
    // accent, the crosses added as much colour as the discs to three of stop 46's fresh readers, and the accent is
    // also the page's links and buttons).
    m.exhausted = WithAlpha(palette.ink, 0.6f);
    m.organizer = palette.ink;
    // Faint: every resident on a list has a spoke, the same on both maps, and at 0.22 (still at 0.13, said the next
    // fresh reader) they buried the difference between the maps' own ties; still there, so an organizer connects to
    // something. Shorter (ListSpokeReach), they can be a little stronger.
    m.list = WithAlpha(palette.muted, 0.1f);
    // Grey: heard and stayed home, never the colour of those who came; at 0.45, faint on the dark paper to two fresh
    // readers of stop 40, and at 0.6 it drowned the discs of who came to another. (As a ring round the resident's dot
    // it read as a leader's mark.) Since they are smaller than who came (HeardRadius), 0.5 left them halos that all
    // three of stop 44's first fresh readers could not tell from residents.
    // An empty ring now (DrawHeard), in the ink at 0.6 so its thin line holds on both papers.
    m.heard = WithAlpha(palette.ink, 0.6f);
    m.paper = ImGui::ColorConvertFloat4ToU32(palette.background);
    m.r = r;
    return m;
}
void DrawResident(ImDrawList* list, ImVec2 c, const Marks& m) { list->AddCircleFilled(c, m.r * 0.8f, m.resident, 8); }
// A resident's dot in a ring of the ink: a leader is a resident who others follow, not the map's point, and a filled
// black disc in a heavy ring was the loudest mark on it (a fresh reader; in the dark theme, the brightest).
void DrawLeader(ImDrawList* list, ImVec2 c, const Marks& m) {
    list->AddCircleFilled(c, m.r * 0.9f, m.leader, 10);
    // Ringed in the ink, not green: on the mobilized map green read as the integrated side's colour (two fresh readers).
    list->AddCircle(c, m.r * 1.3f + 1.5f, m.leader, 14, 1.4f);
}
// A resident who came to the last call: a disc in its neighborhood's colour behind its mark, the map's strongest
// mark (the header's share, drawn), brighter while the call's waves play; the ties under it step back (a fresh
// reader found the outcome the faintest mark and the ties the loudest).
// On the dark paper the light theme's 0.6 turned the orange a muddy brown (a fresh reader): there the discs are
// nearly opaque; on the light paper too, since at 0.6 the ties showed through them as dark bars (three fresh readers
// of stop 40).
constexpr float CameAlpha = 0.85f;
constexpr float CameFlashAlpha = 0.9f;

// The one mark a resident has on a map, so the key lists what the maps draw: a leader's, else an exhausted one's
// cross, else the plain dot.
enum class ResidentMark { Leader, Exhausted, Plain };
ResidentMark MarkOf(const sim::Model& model, sim::NodeId i) {
    return model.IsLeader(i) ? ResidentMark::Leader : sim::IsExhausted(model, i) ? ResidentMark::Exhausted
                                                                                 : ResidentMark::Plain;
}

// The call panel k's map shows who came to: the knockout's probe while it plays, else the last real call (empty
// before any).
const sim::CascadeResult& ShownCall(const app::SimLab& lab, int k) {
    const sim::Model& model = lab.comparison.Panel(app::PanelKind(k));
    return lab.knockout.phase != app::KnockoutPhase::Idle ? lab.knockout.probe[size_t(k)].outcome.cascade
                                                          : model.last_call();
}
// Whether panel k's map draws a spent disc now, by the tests DrawMap makes: one who came to the call it shows and
// is exhausted, so that a key lists the mark only while a map draws it.
bool DrawsSpentDisc(const app::SimLab& lab, int k) {
    const sim::Model& model = lab.comparison.Panel(app::PanelKind(k));
    const sim::CascadeResult& call = ShownCall(lab, k);
    if (call.joined.size() != model.agents().size())
        return false;
    for (sim::NodeId i = 0; i < sim::NodeId(model.agents().size()); ++i)
        if (call.joined[i] && !model.agents()[i].removed && MarkOf(model, i) == ResidentMark::Exhausted)
            return true;
    return false;
}

// The disc of one who came to a call; a spent disc is as large.
float CameRadius(const Marks& m) { return m.came_r > 0.0f ? m.came_r : m.r * 1.6f + 1.0f; }
// The size of the ring of one who heard of the knockout's call and stayed home: smaller than who came. Larger (at 1.8 a
// resident's dot), the grey discs covered the integrated map after the knockout, a "mush" to three of stop 43's fresh
// readers, and the discs of who came, the result, were lost in them.
// (Kept a pixel and a half wider than a resident's dot, on a 320 px phone they were again as heavy as who came's and
// muddied the 57%, said three of stop 44's fresh readers.)
float HeardRadius(const Marks& m) { return 0.75f * CameRadius(m); }
// One who heard of the knockout's call and stayed home: an empty ring, as large, where the resident's dot was; filled,
// grey discs a little larger than the residents' dots were one more resident to eight of nine of stop 45's fresh
// readers and all six of stop 46's.
void DrawHeard(ImDrawList* list, ImVec2 c, const Marks& m) {
    list->AddCircle(c, HeardRadius(m) - 0.7f, m.heard, 14, 1.4f);
}
// The most a disc of who came may measure on a map of this size with this many homes: 0.34 of the homes' mean spacing.
// At its usual size on a 320 px phone's short map the discs nearly touched and buried the ties between them (three of
// stop 42's fresh readers); at 0.4, still "a teal cloud" hiding the ties to all six of stop 44's. (At 0.34 the cross
// then drawn on an exhausted one's disc was a speck to two of stop 42's; a spent disc has no cross now.) A desktop's
// map, with homes about 27 px apart, keeps the usual size. The key's sample follows the maps.
float CameCap(ImVec2 map_size, float top, size_t homes) {
    const float sx = map_size.x - 2.0f * MapInset, sy = map_size.y - MapInset - top;
    return 0.34f * std::sqrt(std::max(sx * sy, 0.0f) / float(std::max<size_t>(1, homes)));
}
float CameCap(const FigureLayout& L, const app::SimLab& lab) {
    return CameCap(ImVec2(L.map_w, L.map_h), L.map_top, lab.comparison.mobilized.agents().size());
}

// One who came to a call months back, on a map with no organizers left to call again (PastCallShare): a ring in the
// panel's colour, as large as the disc of who came. Drawn as that disc faded, it was the pale of one who came and is
// now exhausted (DrawSpentDisc), and the same pale meant two things at months 30 and 40 to every fresh reader of
// stops 46 to 48 who saw both.
void DrawPastCame(ImDrawList* list, ImVec2 c, float r, ImU32 colour) {
    list->AddCircle(c, std::max(1.0f, r - 0.8f), colour, 16, 1.6f);
}

// One who came to the last call and is now exhausted: the disc of who came, pale, still counted among who came as the
// header's share does. A cross on it (a dark one, or the accent's edged in the paper, a muddle to five fresh readers
// of stop 39) made a second exhaustion mark beside the bare cross, and those crossed discs were the mobilized map's
// busiest texture to all three of stop 43's first fresh readers; emptied to a ring, the rings were still its busiest
// texture to eight of nine of stop 45's and both of stop 46's first, who asked for the mark to be merged.
// On a dark paper the disc is paler by less: at the light theme's 0.38 it sank to a dark brown that two of stop 62's
// first fresh readers could hardly see.
void DrawSpentDisc(ImDrawList* list, ImVec2 c, const Marks& m, ImU32 disc) {
    const float r = CameRadius(m);
    const ImVec4 paper = ImGui::ColorConvertU32ToFloat4(m.paper);
    const bool dark_paper = paper.x + paper.y + paper.z < 1.5f;
    list->AddCircleFilled(c, r, m.paper, 16);
    list->AddCircleFilled(c, r, Faded(disc, dark_paper ? 0.55f : 0.38f), 16);
}
// One who is exhausted and did not come: a cross half again a resident's dot (exhaustion is half the mobilized map's
// story, and a cross the size of a dot was too small to carry it, said a fresh reader), edged in the paper so it
// stands clear of the marks it crosses.
void DrawExhausted(ImDrawList* list, ImVec2 c, const Marks& m) {
    const auto cross = [&](float d, ImU32 colour, float width) {
        list->AddLine(ImVec2(c.x - d, c.y - d), ImVec2(c.x + d, c.y + d), colour, width);
        list->AddLine(ImVec2(c.x - d, c.y + d), ImVec2(c.x + d, c.y - d), colour, width);
    };
    const float d = m.r * 1.45f;
    cross(d, m.paper, 3.6f);
    cross(d, m.exhausted, 2.0f);
}
void DrawOrganizer(ImDrawList* list, ImVec2 c, const Marks& m, float alpha) {
    const float d = m.r * 2.2f;
    list->AddQuadFilled(ImVec2(c.x, c.y - d), ImVec2(c.x + d, c.y), ImVec2(c.x, c.y + d), ImVec2(c.x - d, c.y),
                        WithAlpha(m.organizer, alpha));
}
// The organizers' sample where one map has fewer: a full diamond and a faded one, in the order the words name them
// (`faded_first`). The faded sample alone left the other map's diamonds unkeyed; the full one alone, under the map
// whose organizers had quit, keyed diamonds that map no longer had (a fresh reader of stop 46).
constexpr float OrganizerPairStep = 11.5f; // from the first diamond's centre to the second's
void DrawOrganizerPair(ImDrawList* list, ImVec2 first, const Marks& m, bool faded_first) {
    DrawOrganizer(list, first, m, faded_first ? GoneOrganizerAlpha : 1.0f);
    DrawOrganizer(list, ImVec2(first.x + OrganizerPairStep, first.y), m, faded_first ? 1.0f : GoneOrganizerAlpha);
}

// One neighborhood on its map, positions from the model's homes (identical in both panels). Ties between residents
// are strokes by weight class (close thicker than friend) and coloured by what built them; acquaintances are hidden
// unless the reader shows them; organizers' lists are the same quiet hairlines on both sides when shown. During the
// knockout the organizers fade and the probe's median draw lights up round by round.
// A thumbnail (the margin's preview) draws the ties and who came, on the homes, and none of the marks the figure's key
// explains: beside the essay's opening there is no key, and four of stop 42's six fresh readers found the preview's
// crosses, rings and diamonds busy and unexplained there. Its caption speaks only of ties and of who comes. Of the
// ties, only the close ones its caption names ("only the integrated neighbors have close ties"): the mobilized map's
// one friend tie, drawn, read as a close tie contradicting it (a fresh reader of stop 48).
enum class MapMarks { All, Thumbnail };
void DrawMap(ImDrawList* list, const SimView& view, const app::SimLab& lab, int k, ImVec2 p0, ImVec2 size, float top,
             const Palette& palette, app::Theme theme, bool reduced_motion, std::vector<ImVec2>& pos,
             MapMarks marked) {
    const sim::Model& model = lab.comparison.Panel(app::PanelKind(k));
    const sim::Settings& s = model.settings();
    // The frame in the panel's colour, as its name above is (a fresh reader asked what the names' colours keyed).
    list->AddRect(p0, ImVec2(p0.x + size.x, p0.y + size.y), PanelColour(theme, k, 140), 4.0f);
    const float inset = MapInset;
    const float sx = size.x - 2.0f * inset, sy = size.y - inset - top;
    const std::vector<sim::Agent>& agents = model.agents();
    // Each home spread over its whole grid cell: the model's jitter keeps to a cell's middle, and on a phone's wide,
    // short map the margins left lanes between columns of homes (two fresh readers saw a grid of columns).
    pos.resize(agents.size());
    for (size_t i = 0; i < agents.size(); ++i) {
        const sim::Point p = sim::SpreadInCell(agents[i].home, agents.size());
        pos[i] = ImVec2(float(p.x), float(p.y));
    }
    // The homes' own extent fills the frame: the model's grid has more cells than homes, so its last row is mostly
    // empty, and mapping the unit square left a bare band under the lowest homes (a fresh reader saw it as a gap).
    ImVec2 lo(1.0f, 1.0f), hi(0.0f, 0.0f);
    for (const ImVec2& p : pos) {
        lo = ImVec2(std::min(lo.x, p.x), std::min(lo.y, p.y));
        hi = ImVec2(std::max(hi.x, p.x), std::max(hi.y, p.y));
    }
    const float kx = sx / std::max(hi.x - lo.x, 1e-3f), ky = sy / std::max(hi.y - lo.y, 1e-3f);
    for (ImVec2& p : pos) p = ImVec2(p0.x + inset + (p.x - lo.x) * kx, p0.y + top + (p.y - lo.y) * ky);
    // Marks by the map's size; a phone's stacked maps are wide and short, and sized by their height alone the marks
    // were specks to a fresh reader. Never below 2.6 px: at 2 and at 2.3 a phone's marks were still "tiny" to the next
    // two; homes are about 14 px apart there, so the discs of who came still stand apart.
    const float scale = std::clamp(std::max(std::min(sx, sy), 0.7f * std::max(sx, sy)) / 300.0f, 0.5f, 1.6f);
    // (A preview's maps, under 240 px wide in the margin, go down to 1.6 px: at 2.6 their homes ran together.)
    const float least = size.x < 240.0f ? 1.6f : 2.6f;
    Marks marks = MarksFor(palette, std::clamp(2.6f * scale, least, 3.4f));
    marks.came_r = std::min(CameRadius(marks), CameCap(size, top, agents.size()));
    const app::KnockoutPlay& ko = lab.knockout;
    const bool knockout = ko.phase != app::KnockoutPhase::Idle;
    // Who came, in the neighborhood's own colour: a gold of its own sat too near the mobilized orange (two fresh
    // readers). The key draws one disc of each. Faded where no organizer is left to call, as the share is (PanelShare).
    const ImU32 came = PanelColour(theme, k);
    const bool past_call = OrganizersNow(lab).PastCall(k);
    const sim::NodeId residents = sim::NodeId(s.residents);

    // What is drawn under each resident's mark, which that mark is drawn to suit: the disc of who came, or the
    // knockout's ring of one who heard of its call and stayed home.
    enum class Under : uint8_t { Nothing, CameDisc, HeardRing };
    std::vector<Under> under(agents.size(), Under::Nothing);
    const int round = app::KnockoutRound(ko);
    // While the call travels, the ties step back so the light reads; they stay visible as the paths it takes.
    const float tie_alpha = knockout ? 0.35f : 1.0f;

    // A list's spokes run a third of the way from the organizer towards each resident on it: the hub and its reach
    // show, without a haze of crossing lines over the map (whole spokes were the map's loudest texture to two fresh
    // readers, though the same on both maps).
    if (view.show_lists) {
        for (sim::NodeId i = 0; i < residents; ++i) {
            if (agents[i].removed || agents[i].list_owner == sim::NoOrganizer)
                continue;
            const ImVec2 hub = pos[model.OrganizerNode(agents[i].list_owner)];
            const ImVec2 end(hub.x + (pos[i].x - hub.x) * ListSpokeReach, hub.y + (pos[i].y - hub.y) * ListSpokeReach);
            list->AddLine(hub, end, WithAlpha(marks.list, tie_alpha), 1.0f);
        }
    }
    const std::vector<sim::Tie>& ties = model.network().Ties();
    const std::vector<sim::TieOrigin>& origins = model.network().Origins();
    // Close ties nearly three times a friend tie's width, and darker: at twice it, five of stop 39's fresh readers could
    // not tell the two apart on the maps.
    const float friend_w = 1.0f * scale + 0.2f, close_w = 2.8f * scale + 0.6f;
    // A friend tie stronger on the dark paper, where its dimmed colour (SideTieColour) at 120 all but vanished among
    // the bright discs (three of stop 43's fresh readers).
    const int friend_alpha = int((theme == app::Theme::Dark ? 180.0f : 120.0f) * tie_alpha);
    const int close_alpha = int(210 * tie_alpha);
    // A tie's colour: what built it where the reader asked (one colour more to decode than the argument needs, said
    // fresh readers, who asked for it hidden by default), else its side's, worked out once for the map; during the
    // knockout, social time's quiet slate, so the call's paths in the side's colour stand out.
    const auto plain = [&](int alpha) {
        return knockout ? TieColour(sim::TieSource::Social, theme, alpha) : SideTieColour(theme, k, alpha);
    };
    const ImU32 plain_friend = plain(friend_alpha), plain_close = plain(close_alpha);
    const auto colour = [&](size_t t, int alpha, ImU32 plain_colour) {
        return view.show_origins ? TieColour(sim::Dominant(origins[t]), theme, alpha) : plain_colour;
    };
    for (size_t t = 0; t < ties.size(); ++t) {
        const sim::Tie& tie = ties[t];
        if (!tie.alive || tie.b >= residents)
            continue;
        switch (sim::ClassifyTie(s, tie.w)) {
        case sim::TieClass::Acquaintance:
            if (view.show_acquaintances)
                list->AddLine(pos[tie.a], pos[tie.b], TieColour(sim::TieSource::Acquaintance, theme, int(60 * tie_alpha)),
                              1.0f);
            break;
        case sim::TieClass::Friend:
            if (marked == MapMarks::All)
                list->AddLine(pos[tie.a], pos[tie.b], colour(t, friend_alpha, plain_friend), friend_w);
            break;
        case sim::TieClass::Close:
            list->AddLine(pos[tie.a], pos[tie.b], colour(t, close_alpha, plain_close), close_w);
            break;
        }
    }

    if (knockout && round >= 0) {
        const sim::CascadeResult& c = ko.probe[size_t(k)].outcome.cascade;
        const std::vector<int16_t>& heard = ko.heard_round[size_t(k)];
        const std::vector<app::KnockoutTeller>& told = ko.told_by[size_t(k)];
        if (c.joined.size() == agents.size() && heard.size() == agents.size() && told.size() == agents.size()) {
            // The way the call came to each who joined (app::KnockoutPlay::told_by), once its round is lit, along the
            // ties the map draws: heavier than a friend tie and nearly opaque, over the ties in their quiet slate (thin
            // and at half strength, the paths could not be told from the side's own ties, three of stop 41's fresh
            // readers). Not along an acquaintance, which the map hides, unless the acquaintances are shown: drawn
            // whole, their long chance ties were a hairball across the integrated map (two fresh readers took it for a
            // rendering error; three of three said it contradicted "spreads along neighbors' ties", and as faint
            // hairlines three more still called it a hairball). Nor, for the same reason, to who only heard: a short
            // stroke towards who told each (e35212b) was noise, tadpoles on every mark, to two of stop 55's three.
            const ImU32 path = WithAlpha(came, 0.85f);
            for (sim::NodeId i = 0; i < residents; ++i) {
                const sim::NodeId from = told[i].from;
                if (from >= residents || !c.joined[i] || heard[i] > round)
                    continue;
                if (view.show_acquaintances || sim::ClassifyTie(s, told[i].weight) != sim::TieClass::Acquaintance)
                    list->AddLine(pos[from], pos[i], path, 1.4f * scale + 0.4f);
            }
            // As a real call's settled discs are, and as the key shows them: solid and larger, the integrated map's
            // came discs ran together into one blob (three fresh readers of the settled knockout).
            const ImU32 joined = WithAlpha(came, CameAlpha);
            for (sim::NodeId i = 0; i < residents; ++i) {
                if (c.joined[i] && c.generation[i] <= round) {
                    list->AddCircleFilled(pos[i], CameRadius(marks), joined, 12);
                    under[i] = Under::CameDisc;
                }
                else if (heard[i] >= 0 && heard[i] <= round) {
                    DrawHeard(list, pos[i], marks);
                    under[i] = Under::HeardRing;
                }
            }
            // The initiator: the one who starts the call once no organizer is there to.
            for (sim::NodeId i = 0; i < residents; ++i)
                if (c.joined[i] && c.generation[i] == 0)
                    list->AddCircle(pos[i], marks.r * 3.2f + 2.0f, palette.ink, 16, 2.0f);
        }
    } else if (!knockout) {
        // The latest real call, wave by wave (about 0.1 s a wave), then settling to discs that stay: who came to
        // the last call is the share in the header, drawn (a fresh reader found the result nowhere on the
        // maps once the waves had faded).
        const sim::CascadeResult& call = model.last_call();
        if (call.generation.size() == agents.size()) {
            const float age = lab.call_age[size_t(k)];
            int max_generation = 0;
            for (const int32_t g : call.generation)
                max_generation = std::max(max_generation, int(g));
            const float per_wave = std::min(0.12f, 1.4f / float(std::max(1, max_generation)));
            const int shown = reduced_motion || age >= app::CallAnimationSeconds ? max_generation : int(age / per_wave);
            const float settle_start = app::CallAnimationSeconds - 0.7f;
            const float settle = reduced_motion ? 1.0f : std::clamp((age - settle_start) / 0.7f, 0.0f, 1.0f);
            const float alpha = CameAlpha + (CameFlashAlpha - CameAlpha) * (1.0f - settle);
            for (sim::NodeId i = 0; i < residents; ++i)
                if (call.joined[i] && call.generation[i] <= shown && !agents[i].removed) {
                    if (past_call)
                        DrawPastCame(list, pos[i], CameRadius(marks), WithAlpha(came, alpha));
                    else
                        list->AddCircleFilled(pos[i], CameRadius(marks), WithAlpha(came, alpha), 12);
                    under[i] = Under::CameDisc;
                }
        }
    }

    // Leaders last, over their neighbors' marks: a cross drawn after a nearby ring hid it (two fresh readers).
    for (const bool leaders : {false, true})
        for (sim::NodeId i = 0; i < residents; ++i) {
            if (agents[i].removed)
                continue;
            const ResidentMark mark = marked == MapMarks::All ? MarkOf(model, i) : ResidentMark::Plain;
            if ((mark == ResidentMark::Leader) != leaders)
                continue;
            switch (mark) {
            case ResidentMark::Leader: DrawLeader(list, pos[i], marks); break;
            case ResidentMark::Exhausted:
                if (under[i] == Under::CameDisc)
                    DrawSpentDisc(list, pos[i], marks, came);
                else
                    DrawExhausted(list, pos[i], marks);
                break;
            case ResidentMark::Plain: // the disc of who came marks them; a dot in it made a target (a fresh reader)
                if (under[i] == Under::Nothing)
                    DrawResident(list, pos[i], marks);
                break;
            }
        }
    if (marked == MapMarks::Thumbnail)
        return;
    // Organizers fade out as the knockout begins: the question is what is left without them. Those gone for good
    // (sent away, or quit after burnouts) stay faded where they were: their diamonds simply vanished, and two fresh
    // readers of stop 45 asked for the absence to show, as the knockout's does.
    float organizer_alpha = 1.0f;
    if (knockout)
        organizer_alpha = reduced_motion || ko.phase == app::KnockoutPhase::Done
                              ? GoneOrganizerAlpha
                              : std::max(GoneOrganizerAlpha, 1.0f - ko.elapsed / app::KnockoutHoldSeconds);
    for (int o = 0; o < model.OrganizerCount(); ++o) {
        const sim::NodeId node = model.OrganizerNode(o);
        DrawOrganizer(list, pos[node], marks, agents[node].removed ? GoneOrganizerAlpha : organizer_alpha);
    }
}

// The guided path: Back and Next through five steps set up on the reader's seed, each captioned from the live run.
void DrawGuide(Ui& ui, const FigureLayout& L, ImVec2 origin, float width) {
    app::SimLab& lab = ui.state.sim;
    const bool reduced_motion = ui.state.reduced_motion;
    const Palette& palette = ui.palette;
    const Fonts& fonts = ui.fonts;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 p(origin.x, origin.y + L.guide_y);
    const float text_y = p.y + L.frame + 6.0f;
    const int step = lab.guide_step;
    // Where the figure's time is, at the guide row's right end: the first thing a reader arriving mid-run asks.
    const bool start = step == 0 && AtAlikeStart(lab);
    const float tour_w = PillWidth(fonts, TourLabel), run_w = PillWidth(fonts, RunLabel);
    // Play on a phone, beside the tour, so the picture and its clock share a phone's screen (two fresh readers asked
    // for it); the Time row below keeps every step. Only on a phone: on a wider screen the Time row is on the same
    // screen, and two readers saw the same button twice. Left out where the row has no room for it beside the tour
    // and the month's longest form, and under reduced motion, where nothing plays: the lone "+3 months" in its place
    // read as unexplained to five fresh readers, beside the tour or after the month.
    const char* quick = app::PlayLabel(lab);
    const float quick_w = std::max(PillWidth(fonts, "Play"), PillWidth(fonts, "Pause"));
    const float month_w = UiTextSize(fonts, Font_UiBold, L.narrow ? "Month 99" : "Month 99 + 3 weeks").x;
    const bool quick_shown =
        step == 0 && !start && L.narrow && !reduced_motion && tour_w + 2.0f * Spacing + quick_w + month_w <= width;
    // A phone has no room for the month beside two buttons; the line under them names it.
    if ((step == 0 || !L.narrow) && !(start && (L.narrow || L.intro_beside))) {
        // A phone has room for the month alone.
        const int week = app::Week(lab);
        const std::string when = app::TimeLabel(L.narrow ? week - week % sim::WeeksPerMonth : week);
        const ImVec2 size = UiTextSize(fonts, Font_UiBold, when.c_str());
        DrawUiText(draw, fonts, Font_UiBold, ImVec2(p.x + width - size.x, std::round(p.y + (L.frame - size.y) * 0.5f)),
                   palette.ink, when);
    }
    if (step == 0) {
        // At the alike start the run is the accent, beside the tour where the two fit side by side.
        const bool both = !start || tour_w + Spacing + run_w <= width;
        if (both && FigureButton(ui, "guide-next", TourLabel, p, L.frame, false,
                                 start ? ButtonLook::Pill : ButtonLook::AccentPill))
            app::GoToGuideStep(lab, 1, reduced_motion);
        if (start && FigureButton(ui, "run-30", RunLabel, ImVec2(both ? p.x + tour_w + Spacing : p.x, p.y), L.frame,
                                  false, ButtonLook::AccentPill))
            app::Intervene(lab, sim::Intervention{sim::InterventionKind::AdvanceWeeks, 30 * sim::WeeksPerMonth});
        if (quick_shown && FigureButton(ui, "guide-play", quick, ImVec2(p.x + tour_w + Spacing, p.y), L.frame))
            app::ApplySimCommand(lab, lab.playing ? "pause" : "play", reduced_motion);
        const char* intro = start ? StartIntro : GuideIntro;
        if (L.intro_beside) {
            const float x = start ? tour_w + Spacing + run_w + IntroGap : tour_w + IntroGap;
            draw->AddText(fonts.font[Font_Ui], L.u * 0.95f,
                          ImVec2(p.x + x, std::round(p.y + (L.frame - L.u * 0.95f) * 0.5f)),
                          start ? palette.ink : palette.muted, intro);
        } else if (L.guide_text_h > 0.0f) { // a phone's layout keeps no room for it once the run has started
            AddWrapped(draw, fonts.font[Font_Ui], L.u * 0.95f, ImVec2(p.x, text_y), start ? palette.ink : palette.muted,
                       intro, width);
        }
        return;
    }
    float x = p.x;
    const auto button = [&](const char* id, const char* label, bool disabled, bool accent) {
        Button b{label, app::SimControlKind, id, accent ? ButtonLook::AccentPill : ButtonLook::Pill};
        b.disabled = disabled;
        const bool pressed = DrawButton(ui, b, ChipAt(ui, ImVec2(x, p.y), L.frame), ChipHeight(ui, L.frame));
        x += ButtonSize(ui, b, L.frame).x + Spacing;
        return pressed;
    };
    if (button("guide-back", "Back", step <= 1, false))
        app::GoToGuideStep(lab, step - 1, reduced_motion);
    if (button("guide-next", "Next", step >= app::MaxGuideStep, true))
        app::GoToGuideStep(lab, step + 1, reduced_motion);
    if (button("guide-exit", L.narrow ? "Leave" : "Leave the tour", false, false))
        app::GoToGuideStep(lab, 0, reduced_motion);
    char label[48];
    std::snprintf(label, sizeof label, "Step %d of %d", step, app::MaxGuideStep);
    draw->AddText(fonts.font[Font_UiBold], L.u * 0.9f, ImVec2(x + 4.0f, p.y + (L.frame - L.u) * 0.5f), palette.ink,
                  label);
    const bool on_step = app::OnGuideStep(lab);
    const char* text = on_step ? lab.guide_caption.c_str()
                               : "You changed the figure since this step: Back or Next sets a step up again.";
    draw->PushClipRect(ImVec2(p.x, p.y), ImVec2(p.x + width, p.y + L.guide_h), true);
    AddWrapped(draw, fonts.font[Font_Ui], L.u * 0.95f, ImVec2(p.x, text_y), on_step ? palette.ink : palette.muted, text,
               width);
    draw->PopClipRect();
}

// One who came, as the maps draw it: a disc in the panel's colour, with no resident's dot in it (DrawMap leaves the
// dot out under a disc), or the ring of a past call's (DrawPastCame).
// `spent`: its right half pale, as the map draws one who came and is now exhausted (DrawSpentDisc), on `paper`.
void DrawCameSample(ImDrawList* list, ImVec2 c, app::Theme theme, int k, float cap, bool past = false,
                    bool spent = false, ImU32 paper = 0) {
    const ImU32 colour = PanelColour(theme, k, int(255 * CameAlpha));
    const float r = std::min(4.5f, cap);
    if (past) {
        DrawPastCame(list, c, r, colour);
        return;
    }
    list->AddCircleFilled(c, r, colour, 12);
    if (!spent)
        return;
    for (const ImU32 fill : {paper, Faded(PanelColour(theme, k), 0.38f)}) {
        list->PathArcTo(c, r, -0.5f * 3.14159265f, 0.5f * 3.14159265f, 8);
        list->PathFillConvex(fill);
    }
}

// A panel's calls month by month, from week 0 (at lo.x) to now (at hi.x), 100% at lo.y and 0% at hi.y: each month's
// mean, a line that breaks where more than MonthsJoined months had none (calls come every month or two), and the last
// call's share (the number beside it) as a dot of radius `dot`. Needs two calls or more. Faint lines at 0% and 100%
// give its scale (three fresh readers found none to compare the two panels' lines by).
void DrawTurnoutLine(ImDrawList* list, const app::SimLab& lab, int k, ImVec2 lo, ImVec2 hi, float dot,
                     app::Theme theme, const Palette& palette) {
    const std::vector<sim::CallRecord>& calls = lab.comparison.Panel(app::PanelKind(k)).calls();
    list->AddLine(ImVec2(lo.x, hi.y + 0.5f), ImVec2(hi.x, hi.y + 0.5f), WithAlpha(palette.muted, 0.35f));
    list->AddLine(ImVec2(lo.x, lo.y + 0.5f), ImVec2(hi.x, lo.y + 0.5f), WithAlpha(palette.muted, 0.15f));
    const float weeks = float(std::max(app::Week(lab), 1));
    const auto at = [&](float week, double share) {
        return ImVec2(lo.x + 4.0f + (hi.x - lo.x - 8.0f) * std::min(week / weeks, 1.0f),
                      hi.y - (hi.y - lo.y) * std::clamp(float(share), 0.0f, 1.0f));
    };
    const ImU32 colour = PanelColour(theme, k);
    ImVec2 previous;
    int previous_month = -1; // none yet
    for (size_t c = 0; c < calls.size();) {
        const int month = calls[c].tick / sim::WeeksPerMonth;
        double sum = 0.0;
        size_t n = 0;
        for (; c < calls.size() && calls[c].tick / sim::WeeksPerMonth == month; ++c, ++n)
            sum += calls[c].turnout;
        const ImVec2 here = at((float(month) + 0.5f) * float(sim::WeeksPerMonth), sum / double(n));
        if (previous_month >= 0 && month - previous_month <= MonthsJoined)
            list->AddLine(previous, here, WithAlpha(colour, 0.8f), 1.6f);
        else
            list->AddCircleFilled(here, 1.3f, WithAlpha(colour, 0.8f), 8); // a month alone, or a line's start
        previous = here;
        previous_month = month;
    }
    list->AddCircleFilled(at(float(calls.back().tick), calls.back().turnout), dot, colour, 16);
}

// Under a wide panel's share, everyone its calls have brought as a bar, one segment a call, on one scale for both
// panels, and its count at the bar's end: the headline's "more come to its calls in all" is drawn as the longer bar
// of many thin segments against the shorter of few wide ones. In words alone ("3,935 came to 74 calls") it was not in
// the picture for all six of stop 65's fresh readers; its words say "one stripe per call", as "a segment each" was
// cryptic to five of stop 67's six. The words' fullest form that leaves the longer bar 80 px, the same form in both
// panels, from both panels' turnout `titles`. Returns the words.
using TurnoutTitleSet = std::array<std::array<std::string, app::TurnoutTitleForms>, app::PanelCount>;
std::string DrawTally(ImDrawList* list, const Fonts& fonts, const app::SimLab& lab, int k, ImVec2 at, float width,
                      app::Theme theme, const Palette& palette, const TurnoutTitleSet& titles) {
    const float size = UiTextSize(fonts) * 0.85f;
    const std::array<std::array<std::string, app::TallyWordForms>, app::PanelCount> words = {
        app::TallyWords(titles[0]), app::TallyWords(titles[1])};
    float room = 0.0f;
    size_t form = 0;
    for (;; ++form) {
        const float words_w = std::max(TextWidth(fonts, words[0][form].c_str(), Font_Ui, 0.85f),
                                       TextWidth(fonts, words[1][form].c_str(), Font_Ui, 0.85f));
        room = std::min(width - words_w - 8.0f, 320.0f);
        if (room >= 80.0f || form + 1 == app::TallyWordForms)
            break;
    }
    const float per = std::max(room, 0.0f) / float(std::max({1, app::Attendances(lab, 0), app::Attendances(lab, 1)}));
    const float top = std::round(at.y + size * 0.2f), bottom = top + 11.0f; // at 8 px, "a thin bar" to a fresh reader
    const ImU32 colour = PanelColour(theme, k);
    float x = at.x;
    bool odd = false;
    for (const sim::CallRecord& call : lab.comparison.Panel(app::PanelKind(k)).calls()) {
        const float w = float(call.attendees) * per;
        // Every other call lighter, and a hairline of paper after one wide enough to keep it, so each call is seen:
        // with the hairline alone, the early calls' thin segments ran together into slabs that read as one large
        // call, or a glitch, to two of stop 66's fresh readers.
        list->AddRectFilled(ImVec2(x, top), ImVec2(x + (w >= 3.0f ? w - 1.0f : w), bottom),
                            odd ? WithAlpha(colour, 0.55f) : colour);
        odd = !odd;
        x += w;
    }
    const std::string& drawn = words[size_t(k)][form];
    list->AddText(fonts.font[Font_Ui], size, ImVec2(std::round(x + 8.0f), at.y), palette.ink, drawn.c_str());
    return drawn;
}

// A share in its map's colour, faded as its map's discs are where it is a past call's.
// A past call's share in the muted ink: in its map's colour faded to 45%, it stood at 1.8:1 against the light paper
// and 2.7:1 against the dark, hard to read to two of stop 69's first three fresh readers (the muted ink: 5:1 and more).
ImU32 ShareColour(app::Theme theme, int k, const ShareResult& r, const Palette& palette) {
    return r.past ? palette.muted : PanelColour(theme, k);
}

// A share as a bar on a track from x0 to x1 (as long in both panels, so 25% against 61% is seen as lengths), centred
// on `centre_y`, `h` tall.
void DrawShareBar(ImDrawList* list, float x0, float x1, float centre_y, float h, float fraction, ImU32 colour,
                  const Palette& palette) {
    const float y = std::round(centre_y - h * 0.5f);
    list->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + h), WithAlpha(palette.muted, 0.18f), h * 0.5f);
    // A share above nothing shows: 0.3% of the track is under a pixel, and an empty bar beside "0.3%" looked broken to
    // a fresh reader of stop 40.
    const float fill = fraction > 0.0f ? std::max(4.0f, (x1 - x0) * std::min(fraction, 1.0f)) : 0.0f;
    if (fill > 0.0f)
        list->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + fill, y + h), colour, std::min(fill, h) * 0.5f);
}

// The settled knockout's tries (r.tries), one small upright bar each between x0 and x1, top to bottom, tallest first,
// the one its map replays (r.shown_try, the large share) outlined in the ink, as the words under the share count them
// ("came in the map's try (outlined); of 10 tries, 6 at 57–63%, 4 at 1%").
// A call either spreads or fizzles, and ten bars show how many did which: a bar filled to the tries' average, with a
// tick for each, read as misleading to all three of stop 49's last fresh readers, who asked for the tries one by one.
// Returns where the last bar ends.
float DrawTries(ImDrawList* list, float x0, float x1, float top, float bottom, const ShareResult& r, ImU32 colour,
                const Palette& palette) {
    const std::vector<float>& tries = r.tries;
    const float n = float(tries.size()), gap = 3.0f;
    const float w = std::floor(std::min(16.0f, (x1 - x0 - gap * (n - 1.0f)) / n));
    const float h = bottom - top;
    bool outlined = false;
    for (size_t i = 0; i < tries.size(); ++i) {
        const float x = std::round(x0 + float(i) * (w + gap));
        list->AddRectFilled(ImVec2(x, top), ImVec2(x + w, bottom), WithAlpha(palette.muted, 0.18f), 1.5f);
        // As the share's bar, a try that brought anyone shows (one resident in 300 is under a pixel).
        const float fill = tries[i] > 0.0f ? std::max(2.0f, std::round(h * std::min(tries[i], 1.0f))) : 0.0f;
        if (fill > 0.0f)
            list->AddRectFilled(ImVec2(x, bottom - fill), ImVec2(x + w, bottom), colour, 1.5f);
        if (!outlined && tries[i] == r.shown_try) {
            list->AddRect(ImVec2(x - 1.5f, top - 1.5f), ImVec2(x + w + 1.5f, bottom + 1.5f), palette.ink, 2.5f, 0,
                          1.5f);
            outlined = true;
        }
    }
    return std::round(x0 + n * (w + gap) - gap);
}

// A small chart's scale at `x`, after its end: "100%" level with its `top`, "0%" with its `bottom`, in `size` px
// type raised by `lift` of its size.
void DrawScaleAfter(ImDrawList* list, const Fonts& fonts, const Palette& palette, float x, float top, float bottom,
                    float size, float lift) {
    list->AddText(fonts.font[Font_Ui], size, ImVec2(x, std::round(top - size * lift)), palette.muted, "100%");
    list->AddText(fonts.font[Font_Ui], size, ImVec2(x, std::round(bottom - size * lift)), palette.muted, "0%");
}

// Whether a panel's header shows its calls month by month: once two have come, and not during the knockout (its
// share is the knockout's then).
bool ShowsTurnoutLine(const app::SimLab& lab, int k) {
    return lab.knockout.phase == app::KnockoutPhase::Idle &&
           lab.comparison.Panel(app::PanelKind(k)).calls().size() >= 2;
}

// A panel's share as its header gives it: where some who came to the last call are now exhausted, drawn pale on the
// map, its words say that the pale ones count (three of stop 54's fresh readers counted only the solid discs, and two
// read the pale ones as not having come, keyed beside the exhausted), and its sample is half pale.
ShareResult HeaderShare(const app::SimLab& lab, int k) {
    ShareResult r = PanelShare(lab, k);
    if (r.past || r.fraction < 0.0f || lab.knockout.phase != app::KnockoutPhase::Idle || !DrawsSpentDisc(lab, k))
        return r;
    r.spent = true;
    r.narrower = {r.words}; // where it would wrap, as on a phone, the usual words
    // "Faded", not "pale": on the dark paper a faded disc is darker than a solid one (a fresh reader of stop 55).
    r.words += " (the faded ones are now exhausted)";
    return r;
}

// Whether a phone's panels set their counts in the compact form: where either panel's usual counts need more room than
// the header keeps, both take it, so the two say "close ties" alike (three of stop 42's fresh readers found "0 close,"
// over "97 close ties,"). Once for the figure, from the panels' `shares` (HeaderShare).
bool CompactCounts(const Fonts& fonts, const FigureLayout& L, const app::SimLab& lab,
                   const std::array<ShareResult, app::PanelCount>& shares) {
    for (int k = 0; k < app::PanelCount; ++k) {
        const ShareResult& r = shares[size_t(k)];
        const bool called = r.fraction >= 0.0f;
        const float beside = StackedBeside(fonts, L.panel_w, called);
        const DetailsStyle usual{.marks = called, .spent_discs = DrawsSpentDisc(lab, k)};
        if (WordsHeight(fonts, r, beside) +
                LayOutDetails(fonts, app::DrawnNow(lab)[size_t(k)], beside, usual).height >
            L.stack_body_h)
            return true;
    }
    return false;
}

// A panel's header: its name, then the result in large type (what a call brings, with or without the organizers),
// then what its map draws, in small type; on a phone its counts compact where `compact_counts` (CompactCounts). Every
// figure is the live run's. `r` is its share (HeaderShare), `share_column` the wider of the two panels' share columns.
// `titles` are both panels' turnout titles (app::TurnoutTitles). Returns the one it set over the turnout line, or
// nothing where it drew none.
std::string DrawPanelHeader(ImDrawList* list, const Fonts& fonts, const FigureLayout& L, const app::SimLab& lab, int k,
                            const ShareResult& r, float share_column, const sim::DrawnCounts& d, ImVec2 p, float width,
                            app::Theme theme, const Palette& palette, bool compact_counts,
                            const TurnoutTitleSet& titles) {
    std::string drawn_title;
    const float u = L.u;
    const bool called = r.fraction >= 0.0f;
    const float share_h = WrappedHeight(fonts, "100%", width, ShareFont, ShareScale(fonts));
    if (L.stacked) { // over its own map: the name, then the share, and beside it what it counts and the details
        list->AddText(fonts.font[Font_UiBold], u, p, PanelColour(theme, k), lab.titles[size_t(k)].c_str());
        // The calls month by month as a sparkline on the name's line, after its span: without it a phone showed no
        // time at all (four fresh readers asked for the wide figure's line back).
        // Its title names what it shows (three fresh readers asked), with its span where the line keeps room.
        // After the wider name, so the two panels' lines stand one over the other, on the same scale.
        float names_w = 0.0f;
        for (const std::string& title : lab.titles)
            names_w = std::max(names_w, TextWidth(fonts, title.c_str(), Font_UiBold));
        const float span_x = p.x + names_w + 14.0f;
        // Its scale at its end, small, one label over the other (two fresh readers found a phone's line without
        // one, where the wide figure's has it).
        constexpr float ScaleScale = 0.72f; // at 0.62, "tiny" to five of stop 39's fresh readers
        const float scale_w = TextWidth(fonts, "100%", Font_Ui, ScaleScale) + 4.0f;
        // The fullest title that leaves the line 64 px in both panels, its start after the wider of the two: on a
        // 390 px phone "3,935 came to 74 calls; turnout:", leading into the line, whose scale says it is a share
        // ("months 0-30" alone read as cryptic to a fresh reader, its two parts set one over the other as accidental
        // to two more; the month is on the guide's row above).
        int form = 0;
        float title_w = 0.0f;
        for (;; ++form) {
            title_w = std::max(TextWidth(fonts, titles[0][size_t(form)].c_str(), Font_Ui, 0.75f),
                               TextWidth(fonts, titles[1][size_t(form)].c_str(), Font_Ui, 0.75f));
            if (form + 1 == app::TurnoutTitleForms || span_x + title_w + 6.0f + 64.0f + scale_w <= p.x + width)
                break;
        }
        const std::string& title = titles[size_t(k)][size_t(form)];
        const float line_x = span_x + title_w + 6.0f;
        const float line_end = std::min(p.x + width - scale_w, line_x + 160.0f);
        const float line_top = std::round(p.y + 2.0f), bottom = std::round(p.y + L.line - 3.0f);
        const auto scale_after = [&](float end) {
            DrawScaleAfter(list, fonts, palette, end + 4.0f, line_top, bottom, u * ScaleScale, 0.5f);
        };
        if (called && ShowsTurnoutLine(lab, k) && line_end - line_x >= 48.0f) {
            list->AddText(fonts.font[Font_Ui], u * 0.75f, ImVec2(span_x, std::round(p.y + u * 0.2f)), palette.muted,
                          title.c_str());
            DrawTurnoutLine(list, lab, k, ImVec2(line_x, line_top), ImVec2(line_end, bottom), 2.6f, theme, palette);
            scale_after(line_end);
            drawn_title = title;
        } else if (called && p.x + width - span_x >= 48.0f) {
            // Otherwise (the knockout's share, or a first call) the share as a bar in the line's place, as the wide
            // figure draws it: without it a 320 px phone's knockout showed 0.3% against 57% in numbers alone (fresh
            // readers of stop 43). The tries' bars with their scale, as the line's (a fresh reader of stop 50 found
            // the phone's without one, where the wide figure's has it).
            const float end = std::min(p.x + width, span_x + 200.0f);
            if (!r.tries.empty())
                scale_after(DrawTries(list, span_x, std::min(end, p.x + width - scale_w), line_top, bottom, r,
                                      PanelColour(theme, k), palette));
            else
                DrawShareBar(list, span_x, end, std::round(p.y + L.line * 0.45f), 8.0f, r.fraction,
                             PanelColour(theme, k), palette);
        }
        p.y += L.line;
        // In its map's colour, which ties it to the map under it (a fresh reader read the second share as the first
        // map's).
        // A share wider than "100%" (the knockout's "6 of 10") set smaller to fit its column, on its baseline: widened,
        // the column narrowed the words and counts beside it, and the room kept for them pushed a 320 px phone's second
        // map below its screen.
        const float fit = std::min(1.0f, ShareColumn(fonts, {}) / ShareColumn(fonts, r.share));
        if (called)
            list->AddText(fonts.font[ShareFont], ShareSize(fonts) * fit,
                          ImVec2(p.x, std::round(p.y + share_h * (1.0f - fit) * 0.8f)),
                          ShareColour(theme, k, r, palette), r.share.c_str());
        else
            list->AddText(fonts.font[Font_UiBold], u, ImVec2(p.x, p.y + 2.0f), palette.muted, r.share.c_str());
        // The column as wide as what it holds now (ComputeLayout kept room for the wider of the two).
        const float room = called ? CameSampleRoom : 0.0f;
        const float beside = StackedBeside(fonts, width, called), x = p.x + width - beside;
        const float top = std::round(p.y + (called ? share_h * 0.12f : 2.0f));
        // Who came, keyed where it is counted: the map's own disc before the words (on a phone the key is a screen
        // below, and fresh readers found the discs unexplained there).
        if (called)
            DrawCameSample(list, ImVec2(x - room + 4.5f, top + u * 0.85f * 0.6f), theme, k, CameCap(L, lab), r.past,
                           r.spent, ImGui::ColorConvertFloat4ToU32(palette.background));
        // Before any call, "No call yet" and its words both quiet (the words in the ink outranked it, a fresh reader).
        const ImU32 words_colour = called ? palette.ink : palette.muted;
        const std::string& words = WordsIn(fonts, r, beside);
        AddWrapped(list, fonts.font[Font_Ui], u * 0.85f, ImVec2(x, top), words_colour, words, beside);
        const float words_h = WrappedHeight(fonts, words.c_str(), beside, Font_Ui, 0.85f);
        Marks marks = MarksFor(palette, 2.6f);
        marks.came_r = std::min(CameRadius(marks), CameCap(L, lab));
        DetailsStyle style{.marks = called, .spent_discs = DrawsSpentDisc(lab, k), .compact = compact_counts};
        StackedDetails details = LayOutDetails(fonts, d, beside, style);
        // Still too tall, exhaustion keeps the one mark, the cross: the room the layout keeps is the compact form's
        // with one mark, as wider it was a blank band over each map before any call (three of stop 41's fresh
        // readers). A 320 px phone's usual counts fit with both (three of stop 42's found the spent disc unkeyed).
        if (words_h + details.height > L.stack_body_h && style.spent_discs) {
            style.spent_discs = false;
            details = LayOutDetails(fonts, d, beside, style);
        }
        for (const DetailPart& part : details.parts) {
            // In the disc's column when there is one, so the counts line up with the words above them.
            const ImVec2 at(x - room + part.at.x, top + words_h + part.at.y);
            const ImVec2 c(at.x + 4.5f, std::round(at.y + details.line * 0.55f));
            switch (part.mark) {
            case DetailMark::None: break;
            case DetailMark::Ties:
                list->AddLine(ImVec2(c.x - 4.5f, c.y), ImVec2(c.x + 4.5f, c.y), SideTieColour(theme, k, 255), 3.0f);
                break;
            case DetailMark::Leader: DrawLeader(list, c, marks); break;
            case DetailMark::Exhausted: DrawExhausted(list, c, marks); break;
            case DetailMark::ExhaustedBoth:
                DrawExhausted(list, c, marks);
                DrawSpentDisc(list, ImVec2(c.x + SecondMarkStep, c.y), marks, PanelColour(theme, k));
                break;
            }
            list->AddText(fonts.font[Font_Ui], u * 0.85f, ImVec2(x - room + part.text_x, at.y), palette.muted,
                          part.text.c_str());
        }
        return drawn_title;
    }
    list->AddText(fonts.font[Font_UiBold], u, p, PanelColour(theme, k), lab.titles[size_t(k)].c_str());
    const float result_y = p.y + L.line;
    if (called)
        list->AddText(fonts.font[ShareFont], ShareSize(fonts), ImVec2(p.x, result_y), ShareColour(theme, k, r, palette),
                      r.share.c_str());
    else // quiet, in the share's place: nothing has happened yet, which is not a result to set large
        list->AddText(fonts.font[Font_UiBold], u, ImVec2(p.x, std::round(result_y + (share_h - u * 1.2f) * 0.5f)),
                      palette.muted, r.share.c_str());
    // Beside the share, once calls have come, their share month by month (the mean of each month's calls, a line that
    // breaks where more than MonthsJoined months had none: calls come every month or two) and the last call's (the
    // number) as a dot, on the same scales in both panels: the two diverge before a word is read, and "30 months" is
    // seen, not only stated (a fresh reader found no time in the headline; every call a dot of its own smeared into
    // a band). Otherwise (the knockout's share, or a first call) the share as a bar on a track as long in both
    // panels, so 25% against 61% is seen as lengths (another's request).
    // After the wider of the two panels' shares, so their bars start in line.
    const float bar_x = p.x + share_column + 12.0f;
    const float bar_end = std::min(p.x + width, bar_x + 240.0f);
    const bool over_time = called && ShowsTurnoutLine(lab, k);
    const float top = std::round(result_y + share_h * 0.1f), bottom = std::round(result_y + share_h * 0.92f);
    // As large as the words under the share: at three quarters of them, "tiny" to five of stop 39's fresh readers.
    constexpr float LabelScale = 0.85f;
    // A chart's scale after its end, where there is room.
    const auto scale_after = [&](float end) {
        if (end + 8.0f + TextWidth(fonts, "100%", Font_Ui, LabelScale) <= p.x + width)
            DrawScaleAfter(list, fonts, palette, end + 8.0f, top, bottom, u * LabelScale, 0.6f);
    };
    if (over_time && bar_end - bar_x > 24.0f) {
        DrawTurnoutLine(list, lab, k, ImVec2(bar_x, top), ImVec2(bar_end, bottom), 3.6f, theme, palette);
        // What it is and its span, over it on the name's line, as a chart's title (a fresh reader asked what the
        // line's ends were; set at its baseline's end, the span read as a value on its scale to three more).
        // Its fullest form where it fits the panel.
        const float name_end = p.x + TextWidth(fonts, lab.titles[size_t(k)].c_str(), Font_UiBold) + 12.0f;
        const float title_x = std::max(bar_x, name_end);
        // The counts are the tally's (DrawTally), under the share.
        std::string title = app::TurnoutSpanTitle(lab);
        if (title_x + TextWidth(fonts, title.c_str(), Font_Ui, LabelScale) > p.x + width)
            title = titles[size_t(k)].back(); // "turnout"
        list->AddText(fonts.font[Font_Ui], u * LabelScale, ImVec2(title_x, std::round(p.y + u * 0.12f)), palette.muted,
                      title.c_str());
        scale_after(bar_end);
    } else if (called && bar_end - bar_x > 24.0f && !r.tries.empty()) {
        scale_after(DrawTries(list, bar_x, bar_end, top, bottom, r, PanelColour(theme, k), palette));
    } else if (called && bar_end - bar_x > 24.0f) {
        DrawShareBar(list, bar_x, bar_end, std::round(result_y + share_h * 0.55f), 12.0f, r.fraction,
                     PanelColour(theme, k), palette);
    }
    const float words_x = called ? CameSampleRoom : 0.0f;
    if (called)
        DrawCameSample(list, ImVec2(p.x + 4.5f, result_y + share_h + u * 0.85f * 0.6f), theme, k, CameCap(L, lab),
                       r.past, r.spent, ImGui::ColorConvertFloat4ToU32(palette.background));
    AddWrapped(list, fonts.font[Font_Ui], u * 0.85f, ImVec2(p.x + words_x, result_y + share_h),
               called ? palette.ink : palette.muted, WordsIn(fonts, r, width - words_x), width - words_x);
    float result_h = share_h + WordsHeight(fonts, r, width - words_x) + 4.0f;
    if (ShowsTally(lab, k)) {
        drawn_title = DrawTally(list, fonts, lab, k, ImVec2(p.x, result_y + result_h), width, theme, palette, titles);
        result_h += TallyHeight(fonts);
    }
    const std::string details = PanelDetails(d);
    // Right under the result as it wraps now; the header keeps room for its longest form below the details, so
    // the map never moves.
    AddWrapped(list, fonts.font[Font_Ui], u * 0.85f, ImVec2(p.x, result_y + result_h), palette.muted, details, width);
    return drawn_title;
}

// Which legend entries either map shows now, one bit per LegendItem: the key lists those and no others.
uint32_t LegendShown(const SimView& view, const app::SimLab& lab) {
    uint32_t shown = 1u << L_Resident | 1u << L_Organizer;
    const auto set = [&](int item, bool on) { shown |= on ? 1u << item : 0u; };
    const std::array<sim::DrawnCounts, app::PanelCount>& drawn = app::DrawnNow(lab);
    for (int k = 0; k < app::PanelCount; ++k) {
        const sim::DrawnCounts& n = drawn[size_t(k)]; // counted once per version of the panels, not per frame
        set(L_Close, n.close_ties > 0);
        set(L_Friend, n.friend_ties > 0);
        set(L_Acq, view.show_acquaintances && n.acquaintance > 0);
        set(L_List, view.show_lists && n.list > 0);
        set(L_Leader, n.leaders > 0);
        set(L_Exhausted, n.exhausted > 0);
        // The builders' entries, Social to Struggle, follow TieSource from Social on (Acquaintance has no entry).
        for (int source = int(sim::TieSource::Social); source < sim::TieSourceCount; ++source)
            set(L_Social + source - int(sim::TieSource::Social), view.show_origins && n.built_by[size_t(source)] > 0);
        // The same tests DrawMap makes before it draws who came to the latest call, and a spent disc for one who did
        // (two fresh readers found a spent disc in no entry of the key).
        // During the knockout the maps draw its probe's call, not the last real one (the key listed a spent disc
        // the knockout's maps did not draw, said two fresh readers of stop 40).
        const sim::Model& model = lab.comparison.Panel(app::PanelKind(k));
        set(L_Came, ShownCall(lab, k).joined.size() == model.agents().size());
        set(L_CameExhausted, DrawsSpentDisc(lab, k));
    }
    if (lab.knockout.phase != app::KnockoutPhase::Idle)
        shown |= CallMarks;
    if (lab.knockout.phase == app::KnockoutPhase::Done)
        for (int k = 0; k < app::PanelCount; ++k)
            set(L_ShownTry, TriesDiffer(lab.knockout, k));
    return shown;
}

// The key's sample of the knockout's starter (one who heard of the call is keyed by DrawHeard, as the maps draw it).
void DrawCallerSample(ImDrawList* list, ImVec2 c, const Palette& palette) {
    list->AddCircle(c, 6.0f, palette.ink, 16, 2.0f);
}

// A phone's line between its maps, keying what the counts above them do not: the organizers' diamond, and during the
// knockout first the call's marks (the whole key is a screen below; fresh readers of stop 42 found the diamonds, and
// then the knockout's ring and grey discs, unexplained where they saw them). Entries that do not fit the line are left
// to the key, the organizers' last.
void DrawMapsKeyLine(ImDrawList* list, const Fonts& fonts, const FigureLayout& L, ImVec2 at, const Palette& palette,
                     const OrganizersShown& organizers) {
    const bool knockout = organizers.knockout, gone = organizers.gone;
    const float small = L.u * 0.85f;
    const float mid = std::round(at.y + small * 0.6f);
    const Marks marks = MarksFor(palette, 2.2f);
    float x = at.x;
    const bool pair = organizers.fewer >= 0;
    const std::array<int, app::PanelCount>& left = organizers.left;
    // Draws an entry after the last where it fits the line; false where it does not.
    const auto entry = [&](int item, const std::string& words) {
        const float room = CameSampleRoom + (item == L_Organizer && pair ? OrganizerPairStep : 0.0f);
        const float w = room + TextWidth(fonts, words.c_str(), Font_Ui, 0.85f);
        if (x + w > at.x + L.width)
            return false;
        const ImVec2 c(x + 4.5f, mid);
        if (item == L_Caller)
            DrawCallerSample(list, c, palette);
        else if (item == L_Heard)
            DrawHeard(list, c, marks);
        else if (pair)
            DrawOrganizerPair(list, c, marks, left[size_t(organizers.fewer)] == 0);
        else
            DrawOrganizer(list, c, marks, gone ? GoneOrganizerAlpha : 1.0f);
        list->AddText(fonts.font[Font_Ui], small, ImVec2(x + room, at.y), palette.muted, words.c_str());
        x += w + LegendGroupGap;
        return true;
    };
    if (knockout) {
        entry(L_Caller, LegendLabels[L_Caller]);
        entry(L_Heard, LegendLabels[L_Heard]);
    }
    // After the knockout's two entries a 320 px phone has no room for "organizers gone", and its faded diamonds went
    // unkeyed there (three of stop 44's fresh readers): beside its diamond, "gone" says it.
    if (gone) {
        if (!entry(L_Organizer, "organizers gone"))
            entry(L_Organizer, "gone");
    } else if (organizers.fewer < 0) {
        const std::string count = doc::Counted(left[0], "organizer", "organizers");
        if (!entry(L_Organizer, count + ", the same on both maps"))
            entry(L_Organizer, count);
    } else {
        // Those left, map by map, and who quit, where the line has room ("0 mobilized, 4 integrated, the others quit"
        // left two fresh readers of stop 45 asking which others).
        const int f = organizers.fewer, other = 1 - f;
        const std::string others = std::to_string(left[size_t(other)]) + " " + sim::ScenarioName(app::PanelKind(other));
        const std::string fewer = sim::ScenarioName(app::PanelKind(f));
        // The map whose organizers quit first, and its faded diamond: under the mobilized map, a line that began with
        // "4 integrated organizers" read as the wrong map's to three of stop 50's fresh readers.
        if (left[size_t(f)] == 0) {
            if (!entry(L_Organizer, "the faded " + fewer + " organizers quit, burnt out; " + others + " remain") &&
                !entry(L_Organizer, "the faded " + fewer + " organizers quit; " + others + " remain") &&
                !entry(L_Organizer, fewer + " organizers quit; " + others + " remain") &&
                !entry(L_Organizer, fewer + " quit; " + others + " remain"))
                entry(L_Organizer, fewer + " quit; " + others);
        } else {
            const std::string both = std::to_string(left[0]) + " mobilized, " + std::to_string(left[1]) +
                                     " integrated organizers";
            if (!entry(L_Organizer, both + "; faded ones quit, burnt out") && !entry(L_Organizer, both + "; faded ones quit"))
                entry(L_Organizer, both);
        }
    }
}

// `residents`: living on each map (the same on both). Under the entries, L.key_note.
void DrawLegend(ImDrawList* list, const Fonts& fonts, const FigureLayout& L, ImVec2 origin, const Palette& palette,
                app::Theme theme, const OrganizersShown& organizers, uint32_t shown, int residents, float came_cap) {
    const bool organizers_gone = organizers.gone;
    const KeyWords words{OrganizerLabel(organizers), ResidentLabel(residents)};
    const float small = L.u * 0.85f;
    Marks marks = MarksFor(palette, 3.0f);
    marks.came_r = std::min(CameRadius(marks), came_cap);
    LegendPlace place;
    FlowLegend(fonts, L.width, shown, words, place);
    DrawNote(list, fonts, ImVec2(origin.x, origin.y + L.legend_y + float(place.rows) * L.line), palette.ink, L.key_note,
             L.note_w);
    for (size_t k = 0; k < std::size(LabelledRows); ++k)
        if (place.label_row[k] >= 0)
            list->AddText(fonts.font[Font_UiBold], small,
                          ImVec2(origin.x + place.label_x[k], origin.y + L.legend_y + float(place.label_row[k]) * L.line), palette.muted,
                          LabelledRows[k].label);
    for (int i = 0; i < LegendCount; ++i) {
        if (place.row[i] < 0)
            continue;
        const ImVec2 p(origin.x + place.x[i], origin.y + L.legend_y + float(place.row[i]) * L.line);
        const float mid = p.y + small * 0.6f;
        const ImVec2 a(p.x, mid), b(p.x + L.u * 1.1f, mid), c(p.x + L.u * 0.55f, mid);
        // Width says how strong a tie is. While colour says what built a tie, or the knockout draws the ties in slate
        // under its paths, the strength entries are grey; else half in each side's colour, as each map draws its ties.
        const auto strength = [&](int alpha, float width) {
            if (shown & (BuilderMarks | 1u << L_Caller)) { // the caller's ring is keyed only during the knockout
                list->AddLine(a, b, WithAlpha(palette.muted, float(alpha) / 255.0f), width);
                return;
            }
            list->AddLine(a, c, SideTieColour(theme, 0, alpha), width);
            list->AddLine(c, b, SideTieColour(theme, 1, alpha), width);
        };
        switch (i) {
        case L_Close: strength(255, 3.6f); break;
        case L_Friend: strength(150, 1.2f); break;
        case L_Acq: list->AddLine(a, b, AcquaintanceSample(theme), 1.0f); break;
        case L_Social: case L_Organizing: case L_AidTie: case L_Action: case L_Struggle:
            list->AddLine(a, b, TieColour(sim::TieSource(1 + i - L_Social), theme, 255), 3.0f);
            break;
        case L_Resident: DrawResident(list, c, marks); break;
        case L_Leader: DrawLeader(list, c, marks); break;
        case L_Exhausted: DrawExhausted(list, c, marks); break;
        case L_CameExhausted:
            // As large as the maps' spent disc (CameRadius, capped as theirs are), so it reads as the same mark.
            DrawSpentDisc(list, c, marks, PanelColour(theme, 0));
            break;
        case L_Organizer: {
            // Faded as the organizers it keys are (a fresh reader found a black sample for faded ones).
            const Marks organizer = MarksFor(palette, 2.2f);
            if (organizers.fewer >= 0)
                DrawOrganizerPair(list, ImVec2(p.x + 5.0f, mid), organizer, false);
            else
                DrawOrganizer(list, c, organizer, organizers_gone ? GoneOrganizerAlpha : 1.0f);
            break;
        }
        case L_List: list->AddLine(a, b, ListSample(palette), 1.0f); break;
        case L_Caller: DrawCallerSample(list, c, palette); break;
        case L_Heard: DrawHeard(list, c, marks); break;
        case L_Came:
            // One disc in each neighborhood's colour, as the maps draw them, apart: overlapping, they read as one
            // blot.
            for (int k = 0; k < app::PanelCount; ++k) // a ring where its map's are (a fresh reader of stop 45)
                DrawCameSample(list, ImVec2(p.x + 4.5f + float(k) * 10.5f, mid), theme, k, marks.came_r,
                               organizers.PastCall(k));
            break;
        case L_Path:
            list->AddLine(a, c, PanelColour(theme, 0, 150), 1.5f);
            list->AddLine(c, b, PanelColour(theme, 1, 150), 1.5f);
            break;
        case L_ShownTry: { // one of DrawTries' bars, outlined as the map's is
            const ImVec2 top(c.x - 3.5f, std::round(mid - small * 0.45f));
            const ImVec2 bottom(c.x + 3.5f, std::round(mid + small * 0.45f));
            list->AddRectFilled(top, bottom, WithAlpha(palette.muted, 0.18f), 1.5f);
            list->AddRectFilled(ImVec2(top.x, std::round(mid)), bottom, palette.muted, 1.5f);
            list->AddRect(ImVec2(top.x - 1.5f, top.y - 1.5f), ImVec2(bottom.x + 1.5f, bottom.y + 1.5f), palette.ink,
                          2.5f, 0, 1.5f);
            break;
        }
        }
        list->AddText(fonts.font[Font_Ui], small, ImVec2(p.x + SampleRoom(L.u), p.y), palette.muted,
                      LegendLabel(i, words, shown));
    }
}

// A group's label at the top of its row, or on a phone of the line over it. On a desktop it stands on the row's
// baseline, not centred in the row, where the smaller label sat 2–3 px above the words beside it (a fresh reader). A
// button centres its words (widgets.cpp); each font's ascent puts the baseline under its top.
void DrawGroupLabel(ImDrawList* list, const Fonts& fonts, const FigureLayout& L, ImVec2 row, const char* label,
                    ImU32 colour) {
    const float size = L.u * 0.85f;
    float top = 0.0f;
    if (!L.narrow) {
        const ImFont* word = fonts.font[Font_Ui];
        const ImFont* bold = fonts.font[Font_UiBold];
        const float baseline = std::round((L.frame - L.u) * 0.5f) + word->Ascent / word->FontSize * L.u;
        top = baseline - bold->Ascent / bold->FontSize * size;
    }
    list->AddText(fonts.font[Font_UiBold], size, ImVec2(row.x, row.y + top), colour, label);
}

void DrawControls(SimView& view, Ui& ui, const FigureLayout& L, ImVec2 origin, bool sandbox) {
    app::SimLab& lab = ui.state.sim;
    const bool reduced_motion = ui.state.reduced_motion;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int g = 0; g < GroupCount; ++g)
        if (GroupShown(g, reduced_motion, L.more))
            DrawGroupLabel(draw, ui.fonts, L, ImVec2(origin.x + L.group_x[g], origin.y + L.group_y[g]), GroupLabels[g],
                           ui.palette.muted);
    // In reading order, which the focus ring follows: on a phone the question's group comes first, right under the
    // key to the maps (ComputeLayout).
    std::array<int, SlotCount> order = SlotOrder();
    if (L.narrow)
        std::stable_partition(order.begin(), order.end(), [](int i) { return SlotGroup(i) == G_WhatIf; });
    bool more_drawn = sandbox;
    for (const int i : order) {
        if (!more_drawn && SlotGroup(i) >= FirstFolded) {
            more_drawn = true;
            const ImVec2 at(origin.x, origin.y + L.more_y);
            if (FigureButton(ui, "more", L.more ? FewerLabel : MoreLabel, at, L.frame))
                view.more_controls = !view.more_controls;
        }
        if (!SlotShown(i, reduced_motion, L.more))
            continue;
        const ImVec2 at(origin.x + L.item_x[i], origin.y + L.item_y[i]);
        if (const app::SimAction* action = SlotAction(i)) {
            if (FigureButton(ui, action->id, app::ActionLabel(*action, lab), at, L.frame, !action->enabled(lab)))
                app::RunSimAction(lab, *action);
            continue;
        }
        const Item& item = Items[i];
        switch (item.kind) {
        case K_Button: case K_Accent: {
            const char* label = item.label;
            const bool knocked_out = lab.knockout.phase != app::KnockoutPhase::Idle;
            if (i == I_Play)
                label = app::PlayLabel(lab);
            else if (i == I_Knockout && knocked_out)
                label = app::KnockoutLabel(lab);
            else if (i == I_Expand && sandbox)
                label = "Close";
            const bool disabled = i == I_Knockout && !app::KnockoutEnabled(lab);
            if (!FigureButton(ui, item.id, label, at, L.frame, disabled,
                              item.kind == K_Accent ? ButtonLook::AccentPill : ButtonLook::Pill))
                break;
            switch (i) {
            // The same commands as the page's HTML controls.
            case I_Play: app::ApplySimCommand(lab, lab.playing ? "pause" : "play", reduced_motion); break;
            case I_Step: app::ApplySimCommand(lab, "step", reduced_motion); break;
            case I_Reset: app::ApplySimCommand(lab, "reset", reduced_motion); break;
            case I_Knockout: app::ApplySimCommand(lab, knocked_out ? "knockout-end" : "knockout", reduced_motion); break;
            case I_Expand: view.sandbox_open = !sandbox; break;
            default: break;
            }
            break;
        }
        case K_Toggle:
            DrawToggle(ui, item.id, item.label,
                       i == I_Acquaintances ? view.show_acquaintances : i == I_Lists ? view.show_lists : view.show_origins,
                       at, L.item_w[i], L.frame,
                       i == I_Acquaintances ? AcquaintanceSample(ui.state.theme)
                       : i == I_Lists       ? ListSample(ui.palette)
                                            : OriginsSample(ui.state.theme));
            break;
        case K_Seed: {
            // One seed down or up; the page's HTML field takes any seed by keyboard.
            if (FigureButton(ui, "seed-down", "\xe2\x88\x92", at, L.frame, lab.seed <= 1))
                app::SetSeed(lab, lab.seed - 1);
            const std::string number = "run " + std::to_string(lab.seed);
            const ImVec2 text = UiTextSize(ui.fonts, Font_Ui, number);
            const float number_w = L.item_w[i] - L.seed_note_w;
            DrawUiText(draw, ui.fonts, Font_Ui,
                       ImVec2(std::round(at.x + (number_w - text.x) * 0.5f), std::round(at.y + (L.frame - text.y) * 0.5f)),
                       ui.palette.ink, number);
            const float up_x = at.x + L.item_w[i] - PillWidth(ui.fonts, "+") - L.seed_note_w;
            if (FigureButton(ui, "seed-up", "+", ImVec2(up_x, at.y), L.frame))
                app::SetSeed(lab, lab.seed + 1);
            if (L.seed_note_w > 0.0f)
                DrawUiText(draw, ui.fonts, Font_Ui,
                           ImVec2(up_x + PillWidth(ui.fonts, "+") + SeedNoteGap, std::round(at.y + (L.frame - text.y) * 0.5f)),
                           ui.palette.muted, SeedNote);
            break;
        }
        case K_Speed: {
            int selected = 0;
            for (int k = 1; k < int(std::size(Speeds)); ++k)
                if (std::abs(Speeds[k] - lab.weeks_per_second) < std::abs(Speeds[selected] - lab.weeks_per_second))
                    selected = k;
            const int chosen =
                DrawSegmented(ui, SpeedSegments(), selected, ChipAt(ui, at, L.frame), ChipHeight(ui, L.frame), true);
            if (chosen >= 0)
                app::SetSpeed(lab, Speeds[chosen]);
            const float seg_w = SegmentedWidth(ui.fonts, SpeedSegments());
            const ImVec2 text = UiTextSize(ui.fonts, Font_Ui, item.label);
            DrawUiText(draw, ui.fonts, Font_Ui, ImVec2(at.x + seg_w + 6.0f, std::round(at.y + (L.frame - text.y) * 0.5f)),
                       ui.palette.muted, item.label);
            break;
        }
        }
    }
}

void DrawStatus(ImDrawList* list, const Fonts& fonts, const app::SimLab& lab, const FigureLayout& L, ImVec2 origin,
                float width, const Palette& palette) {
    ImVec2 p(origin.x, origin.y + L.status_y);
    // The sentence says when ("Month 40: …", app::TimeLabel); a line over it saying "Week 160 · month 40" repeated it
    // and the figure's "Month 40" (two of stop 45's fresh readers). The preset, where one is on, is said over it.
    if (lab.preset) {
        const std::string preset = std::string("Preset: ") + lab.preset->name;
        list->AddText(fonts.font[Font_UiBold], L.u, p, palette.ink, preset.c_str());
        p.y += L.line;
    }
    AddWrapped(list, fonts.font[Font_Ui], L.u, p, palette.ink, lab.summary, width);
}

void DrawChartNote(ImDrawList* list, const Fonts& fonts, const app::SimLab& lab, const std::string& standing,
                   const FigureLayout& L, ImVec2 origin, float width, app::Theme theme, const Palette& palette) {
    DrawChartKey(list, fonts, theme, ImVec2(origin.x, origin.y + L.chart_key_y), width);
    AddWrapped(list, fonts.font[Font_Ui], L.u * 0.85f, ImVec2(origin.x, origin.y + L.note_y), palette.muted,
               ChartNote(app::EnsembleProgress(lab), lab.seed, standing), width);
}

// One slider per assumption; the strategy parameters are what differs between the panels, so they have none.
void DrawAssumption(app::SimLab& lab, const sim::Assumption& a) {
    ImGui::PushID(a.param);
    TextWrappedWhole(a.rule);
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
        "A reader’s objection: shared struggle, not prior integration, is what binds people (Minnesota). This test "
        "calls the same strike under repression in both neighborhoods at the current week, once with picket captains "
        "emerging and once without, lets three months pass and measures how much of the turnout would remain if the "
        "organizers vanished. The panels go on with the case ticked here.");
    ImGui::Checkbox("Picket captains emerge (leadership grows in struggle)", &view.leaders_emerge);
    if (ImGui::Button("Run the strike test"))
        app::TestStrikeObjection(lab, view.leaders_emerge);
    RecordControl(report, "strike-test");
    const app::StrikeTest& t = lab.strike_test;
    if (t.ran) {
        ImGui::TextWrapped("Strike from week %d; the panels show the case %s. Turnout without the organizers ÷ "
                           "turnout with them (mean tie strength, leaders):",
                           t.week, t.leaders_emerge ? "with picket captains" : "without picket captains");
        // One line a neighborhood rather than a table: the drawer's text reads the same, and an ImGui table would
        // link its layout engine (about 12 KB of wasm) for this one place.
        for (int k = 0; k < app::PanelCount; ++k) {
            const size_t i = size_t(k);
            char line[320];
            std::snprintf(line, sizeof line,
                          "%s: before %s; 3 months on, captains emerge %s (ties %.2f, leaders %d); no captains %s "
                          "(ties %.2f, leaders %d)",
                          lab.titles[i].c_str(), RatioText(t.ratio_before[i]).c_str(),
                          RatioText(t.ratio_after[1][i]).c_str(), t.strength_after[1][i], t.leaders_after[1][i],
                          RatioText(t.ratio_after[0][i]).c_str(), t.strength_after[0][i], t.leaders_after[0][i]);
            TextWrappedWhole(line);
        }
    }
    ImGui::Spacing();
    TextWrappedWhole(std::string(sim::StrikeTiesSentence) + " " + sim::StrikeCaptainsSentence +
                     " Both cases are the model’s; try them on other runs (Chance, above) before drawing a conclusion.");
}

// A preset's schedule in words: "strike@18 protest@20" is ", a strike in month 18, a protest in month 20" (its
// NAME@MONTH form read as code); empty for none. Parsed as the preset applies it (sim::ParseSchedule), which the
// presets' own test checks for every preset.
std::string ScheduleWords(const char* schedule) {
    std::vector<sim::ScheduledIntervention> items;
    sim::ParseSchedule(schedule, &items, nullptr);
    std::string words;
    for (const sim::ScheduledIntervention& s : items) {
        std::string name = sim::InterventionName(s.what);
        std::replace(name.begin(), name.end(), '-', ' ');
        words += ", a " + name + " in month " + std::to_string(s.tick / sim::WeeksPerMonth);
    }
    return words;
}

// The drawer: a segmented choice of its page over a box that scrolls inside itself, so the figure keeps its height
// whichever page is open. The open page's segment closes it.
void DrawDrawer(SimView& view, Ui& ui, const FigureLayout& L, ImVec2 origin, float width) {
    app::SimLab& lab = ui.state.sim;
    const std::span<const Segment> all = DrawerSegments();
    DrawGroupLabel(ImGui::GetWindowDrawList(), ui.fonts, L, ImVec2(origin.x, origin.y + L.tabs_y), DrawerLabel,
                   ui.palette.muted);
    const size_t run = L.drawer.one ? all.size() : 1; // one control, or one a page
    for (size_t first = 0; first < all.size(); first += run) {
        const int page = int(first) + 1;
        const ImVec2 at(origin.x + L.drawer_x + L.drawer.x[first],
                        origin.y + L.drawer_rows_y + float(L.drawer.row[first]) * (L.frame + Spacing));
        const int chosen = DrawSegmented(ui, all.subspan(first, run), view.drawer - page, at, L.frame, true);
        if (chosen >= 0)
            view.drawer = view.drawer == page + chosen ? 0 : page + chosen;
    }
    if (view.drawer == 0)
        return;
    const ImVec2 at(origin.x, origin.y + L.drawer_box_y);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, at.y - 0.5f), ImVec2(at.x + width, at.y - 0.5f),
                                        ui.palette.card_border, ThemeMetrics.hairline);
    ImGui::SetCursorScreenPos(at);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 8.0f));
    ImGui::BeginChild("##sim-honesty", ImVec2(width, origin.y + L.tabs_y + L.tabs_h - at.y), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    switch (view.drawer) {
    case 1:
        // Plain words for the reader: the command that measures each sentence (essay-sim --claims) is the README's
        // and docs/simulation-calibration.md's; on the page it was the authors' tool to all three of stop 53's fresh
        // readers.
        ImGui::TextWrapped("Each preset changes one assumption (for a strike, its settings) and runs the model again "
                           "for 30 months. Its sentence says what then happens across many seeds, runs that differ "
                           "only by chance; the charts’ bands show the spread.");
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
            TextWrappedWhole(p.why);
            // The model's own names for what it sets, as the Assumptions tab's sliders name them, said to be that:
            // bare ("t_social=2, both panels") it read as a developer's string left on the page to two of stop 52's
            // fresh readers.
            ImGui::TextDisabled("Model setting%s: %s, on %s%s", std::strchr(p.settings, ' ') ? "s" : "", p.settings,
                                p.target == sim::PresetTarget::Both        ? "both maps"
                                : p.target == sim::PresetTarget::Mobilized ? "the mobilized map only"
                                                                           : "the integrated map only",
                                ScheduleWords(p.schedule).c_str());
        }
        break;
    case 2:
        ImGui::TextWrapped("Every rule of the model in one sentence, with its source and its slider. Sliders act "
                           "on both panels at once; changes to the population reset the run.");
        for (const sim::Assumption& a : sim::Assumptions()) {
            DrawAssumption(lab, a);
            if (std::string_view(a.param) == "lambda_weak") {
                DrawSweepChart(view.sweep, lab, ui.fonts, ui.state.theme);
                TextWrappedWhole(sim::AcquaintanceTippingSentence);
            }
        }
        break;
    case 3: DrawObjectionTest(view, lab, ui.report); break;
    default:
        for (const char* omission : sim::Omissions()) {
            ImGui::Bullet();
            TextWrappedWhole(omission);
        }
        break;
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

// The way into the controls, charts and drawer under the maps' key; while it is closed, the knockout's question beside
// it (the controls hold it once open) and what they hold.
void DrawExplore(Ui& ui, const FigureLayout& L, ImVec2 origin, float width) {
    app::SimLab& lab = ui.state.sim;
    const ImVec2 at(origin.x, origin.y + L.explore_y);
    if (FigureButton(ui, "explore", lab.controls_open ? HideLabel : ExploreLabel, at, L.frame))
        lab.controls_open = !lab.controls_open;
    if (lab.controls_open)
        return;
    const bool knocked_out = lab.knockout.phase != app::KnockoutPhase::Idle;
    if (FigureButton(ui, "knockout", app::KnockoutLabel(lab), ImVec2(origin.x + L.ask_x, origin.y + L.ask_y), L.frame,
                     !app::KnockoutEnabled(lab), ButtonLook::AccentPill))
        app::ApplySimCommand(lab, knocked_out ? "knockout-end" : "knockout", ui.state.reduced_motion);
    const Fonts& fonts = ui.fonts;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float size = L.u * 0.95f;
    if (L.explore_note_beside)
        list->AddText(fonts.font[Font_Ui], size,
                      ImVec2(at.x + L.explore_note_x, std::round(at.y + (L.frame - size) * 0.5f)), ui.palette.muted,
                      ExploreNote);
    else
        AddWrapped(list, fonts.font[Font_Ui], size, ImVec2(at.x, origin.y + L.ask_y + L.frame + 4.0f), ui.palette.muted,
                   ExploreNote, width);
}

// Under the open way into them, the controls, the status, the charts (whose bands it asks the lab for) and the drawer.
void DrawRest(SimView& view, Ui& ui, const FigureLayout& L, ImVec2 origin, float width, bool sandbox) {
    app::AppState& state = ui.state;
    const Fonts& fonts = ui.fonts;
    app::SimLab& lab = state.sim;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float note_y = origin.y + L.model_note_y;
    DrawUiText(list, fonts, Font_UiBold, ImVec2(origin.x, note_y), ui.palette.heading, ModelNoteHeading, 0.85f);
    DrawNote(list, fonts, ImVec2(origin.x, note_y + L.line), ui.palette.ink, ModelNote(), L.note_w);
    DrawControls(view, ui, L, origin, sandbox);
    DrawStatus(list, fonts, lab, L, origin, width, ui.palette);
    app::WantEnsemble(lab);
    RefreshCharts(view.charts, lab);
    for (int c = 0; c < ChartCount; ++c) {
        const int col = c % L.chart_cols, row = c / L.chart_cols;
        const ImVec2 p(origin.x + float(col) * (L.chart_w + L.gap), origin.y + L.charts_y + float(row) * (ChartHeight + L.gap));
        const ImVec2 end(p.x + L.chart_w, p.y + ChartHeight);
        // Each chart is in the focus ring: with focus, Left and Right move its read-out a month (Home and End still
        // scroll the essay, as everywhere).
        static const char* const ChartIds[ChartCount] = {"chart-1", "chart-2", "chart-3", "chart-4", "chart-5", "chart-6"};
        bool hovered = false, held = false;
        Interact(ui, app::SimControlKind, ChartIds[c], p, end, hovered, held);
        int keyboard_month = -1;
        if (ui.report.focused_control == std::string(app::SimControlKind) + ":" + ChartIds[c]) {
            const auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); };
            const int last = ChartMonths(lab);
            int& month = view.readout_month[c];
            month = std::clamp(month + key(ImGuiKey_RightArrow) - key(ImGuiKey_LeftArrow), 0, last);
            keyboard_month = month;
        } else {
            view.readout_month[c] = ChartMonths(lab); // focus arrives at the latest month
        }
        if (ImGui::IsRectVisible(p, end))
            DrawChart(list, fonts, state.theme, view.charts, lab, c, p, ImVec2(L.chart_w, ChartHeight), keyboard_month);
    }
    DrawChartNote(list, fonts, lab, view.charts.standing, L, origin, width, state.theme, ui.palette);
    DrawDrawer(view, ui, L, origin, width);
}

// Everything in the figure. The sandbox is always open and has no way in, a taller drawer and a Close button; the
// inline figure shows its controls, charts and drawer only once the reader opens them.
void DrawBody(SimView& view, Ui& ui, ImVec2 origin, float width, bool sandbox) {
    app::AppState& state = ui.state;
    const Fonts& fonts = ui.fonts;
    app::SimLab& lab = state.sim;
    app::OpenFigure(lab, state.reduced_motion);
    const FigureLayout L = ComputeLayout(fonts, width, sandbox, lab, state.reduced_motion, view);
    const std::string caption = CaptionOf(lab, !L.narrow);
    const Palette& palette = PaletteFor(state.theme);
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImGui::PushFont(fonts.font[Font_Ui]);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(FramePadX, FramePadY));
    ImGui::PushID("sim");

    const std::string title = app::FigureTitle(lab);
    // In the ink, not the muted grey: it is the one fact that explains the difference (a fresh reader found it buried).
    // Right under the title as it wraps now, and the two together at the foot of the room kept for a taller title and
    // a longer caption, over the tour's row: the room left over stands above the title, with the essay's paragraph
    // before the figure. Under the caption, it was a gap over "Guided tour" where the title is a line shorter
    // (month 40's), to six of stop 72's nine fresh readers.
    const float title_h = WrappedHeight(fonts, title.c_str(), width, Font_UiBold, 1.05f) + TitleGap;
    const float caption_h = WrappedHeight(fonts, caption.c_str(), L.caption_w, Font_Ui, 0.85f) + 6.0f;
    const float title_y = std::max(0.0f, L.title_h + L.caption_h - title_h - caption_h);
    AddWrapped(list, fonts.font[Font_UiBold], L.u * 1.05f, ImVec2(origin.x, origin.y + title_y), palette.heading, title,
               BalancedWidth(fonts, title.c_str(), width, Font_UiBold, 1.05f));
    AddWrapped(list, fonts.font[Font_Ui], L.u * 0.85f, ImVec2(origin.x, origin.y + title_y + title_h), palette.ink,
               caption, L.narrow ? BalancedWidth(fonts, caption.c_str(), L.caption_w, Font_Ui, 0.85f) : L.caption_w);
    if (L.flip_shown) {
        const double shares[2] = {lab.comparison.mobilized.settings().relational_share,
                                  lab.comparison.integrated.settings().relational_share};
        const ImVec2 at(origin.x, origin.y + L.flip_y);
        DrawFlipScale(list, fonts, state.theme, at, L.flip_w, shares);
        ui.report.flip_scale = {at.x, at.y, L.flip_w, L.flip_h};
    }
    DrawGuide(ui, L, origin, width);
    const std::array<sim::DrawnCounts, app::PanelCount>& drawn = app::DrawnNow(lab);
    // Each panel's share once a frame, for both headers and the counts' form.
    const std::array<ShareResult, app::PanelCount> shares = {HeaderShare(lab, 0), HeaderShare(lab, 1)};
    const float share_column = std::max(ShareColumn(fonts, shares[0].share), ShareColumn(fonts, shares[1].share));
    const bool compact_counts = L.stacked && CompactCounts(fonts, L, lab, shares);
    // Both panels' turnout titles once a frame: a phone's header sets the form both fit.
    const TurnoutTitleSet titles = {app::TurnoutTitles(lab, 0), app::TurnoutTitles(lab, 1)};
    // Culled where off screen: most frames show only part of the figure.
    for (int k = 0; k < app::PanelCount; ++k) {
        const ImVec2 p(origin.x + L.panel[k].x, origin.y + L.panel[k].y);
        if (ImGui::IsRectVisible(p, ImVec2(p.x + L.panel_w, p.y + L.header_h)))
            ui.report.turnout_titles[size_t(k)] = DrawPanelHeader(list, fonts, L, lab, k, shares[size_t(k)],
                                                                  share_column, drawn[k], p, L.panel_w, state.theme,
                                                                  palette, compact_counts, titles);
        const ImVec2 map(origin.x + L.map[k].x, origin.y + L.map[k].y);
        // The maps' places, for tests and the page.
        ui.report.maps[size_t(k)] = {map.x, map.y, L.map_w, L.map_h};
        if (ImGui::IsRectVisible(map, ImVec2(map.x + L.map_w, map.y + L.map_h)))
            DrawMap(list, view, lab, k, map, ImVec2(L.map_w, L.map_h), L.map_top, palette, state.theme,
                    state.reduced_motion, view.positions, MapMarks::All);
    }
    const OrganizersShown organizers = OrganizersNow(lab);
    if (L.key_line_y > 0.0f)
        DrawMapsKeyLine(list, fonts, L, ImVec2(origin.x, origin.y + L.key_line_y), palette, organizers);
    if (ImGui::IsRectVisible(ImVec2(origin.x, origin.y + L.legend_y),
                             ImVec2(origin.x + width, origin.y + L.legend_y + L.legend_h)))
        DrawLegend(list, fonts, L, origin, palette, state.theme, organizers, LegendShown(view, lab),
                   app::DrawnNow(lab)[0].residents, CameCap(L, lab));
    if (!sandbox)
        DrawExplore(ui, L, origin, width);
    if (L.open)
        DrawRest(view, ui, L, origin, width, sandbox);
    // In the essay, a hairline closes the figure where the text resumes: without it, the text went on straight under
    // the drawer's row, and two of stop 53's fresh readers could not see where the figure ended.
    if (!sandbox)
        list->AddLine(ImVec2(origin.x, origin.y + L.height - 0.5f), ImVec2(origin.x + width, origin.y + L.height - 0.5f),
                      palette.card_border, ThemeMetrics.hairline);

    ImGui::PopID();
    ImGui::PopStyleVar();
    ImGui::PopFont();
}

// The preview's names' line and its maps' size; its title's room is SimPreviewHeight's.
struct PreviewLayout {
    float line = 0, map_w = 0, map_h = 0;
};
PreviewLayout LayOutPreview(const Fonts& fonts, float width) {
    constexpr float Gap = 8.0f;
    PreviewLayout P;
    P.line = std::ceil(UiTextSize(fonts) * 1.35f);
    P.map_w = std::floor((width - Gap) * 0.5f);
    P.map_h = std::floor(P.map_w * 0.8f);
    return P;
}
constexpr float PreviewTitleGap = 10.0f; // from the maps to the title under them
constexpr float PreviewLinkGap = 8.0f;   // from the tallest title to the link under it, which it otherwise touched
// The title under the maps is set as the margin note over them is, in the interface face at its size and leading:
// smaller and as tight as ImGui sets a line, it read as cramped beside the note to two of stop 53's fresh readers.
constexpr float PreviewTitleLeading = 1.4f;
// Beside the essay's first paragraph, where the figure first opens, its caption says what the picture is rather than
// what it finds: the finding, a 40-word title beside the opening, used "mobilized", "integrated" and "a call" before
// the essay had said what they mean, to all six of stop 64's fresh readers.
const char* const PreviewTeaser =
    "Further down, a model of the essay’s argument: the same neighbors after 30 months of organizing that mobilizes "
    "them (left) or integrates them (right). Large dots came to the last call; lines are ties.";
// Ends as a sentence does (two fresh readers missed its full stop).
std::string PreviewTitle(std::string title) {
    if (title == sim::FigureFindingSentence)
        return PreviewTeaser;
    if (!title.empty() && title.back() != '?' && title.back() != '.')
        title += '.';
    return title;
}
float TallestPreviewTitle(const Fonts& fonts, float width) {
    float h = 0.0f;
    text::Layout layout;
    for (const std::string& title : EveryTitle()) {
        LayoutPlain(PreviewTitle(title), Font_Ui, width, PreviewTitleLeading, fonts, layout);
        h = std::max(h, layout.height);
    }
    return h;
}

} // namespace

float SimPreviewHeight(const Fonts& fonts, float width) {
    const PreviewLayout P = LayOutPreview(fonts, width);
    return P.line + P.map_h + PreviewTitleGap + TallestPreviewTitle(fonts, width) + PreviewLinkGap +
           ThemeMetrics.control_height;
}

bool DrawSimPreview(SimView& view, Ui& ui, ImVec2 top_left, float width, float height) {
    app::AppState& state = ui.state;
    app::SimLab& lab = state.sim;
    const Fonts& fonts = ui.fonts;
    // As drawing the figure does: a figure no link has set runs to the month it opens on, and the preview shows it
    // getting there.
    app::OpenFigure(lab, state.reduced_motion);
    const PreviewLayout P = LayOutPreview(fonts, width);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float u = UiTextSize(fonts);
    for (int k = 0; k < app::PanelCount; ++k) {
        const ImVec2 at(top_left.x + float(k) * (width - P.map_w), top_left.y);
        // Each map under its name and share, in its colour, as the figure's own panels are; "came", since the
        // caption under the maps comes after them ("Mobilized 25%" had no subject to all three of stop 49's first
        // fresh readers).
        const ShareResult r = PanelShare(lab, k);
        const std::string name = lab.titles[size_t(k)] + "  " + r.share + (r.fraction >= 0.0f ? " came" : "");
        list->AddText(fonts.font[Font_UiBold], u * 0.85f, at, PanelColour(state.theme, k), name.c_str());
        DrawMap(list, view, lab, k, ImVec2(at.x, at.y + P.line), ImVec2(P.map_w, P.map_h), MapInset, ui.palette,
                state.theme, state.reduced_motion, view.positions, MapMarks::Thumbnail);
    }
    // Under the maps the title is their caption.
    text::Layout title;
    LayoutPlain(PreviewTitle(app::FigureTitle(lab)), Font_Ui, width, PreviewTitleLeading, fonts, title);
    DrawLayout(list, title, fonts, ImVec2(top_left.x, top_left.y + P.line + P.map_h + PreviewTitleGap), ui.palette.ink);
    const Button open{.label = "Open the simulation\u00A0↓", .kind = "preview", .id = "note",
                      .look = ButtonLook::Link};
    const float link_y = top_left.y + height - ThemeMetrics.control_height; // under the title's room
    return DrawButton(ui, open, ImVec2(top_left.x - TextButtonPadding, link_y), ThemeMetrics.control_height);
}

FigureExtent SimFigureExtent(const SimView& view, const app::SimLab& lab, const Fonts& fonts, float width,
                             bool reduced_motion) {
    const FigureLayout L = ComputeLayout(fonts, width, false, lab, reduced_motion, view);
    return {L.height, L.title_h + L.caption_h, L.legend_y + L.legend_h, L.status_y + L.status_h};
}

void DrawSimFigure(SimView& view, Ui& ui, ImVec2 top_left, float width) {
    ui.report.figure_y = top_left.y + ui.state.scroll.y;
    DrawBody(view, ui, top_left, width, false);
}

bool DrawSimSandbox(SimView& view, app::AppState& state, app::FrameReport& report, const Fonts& fonts,
                    FocusRing& focus) {
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
    // The sandbox scrolls as an ImGui window, not with the essay: its controls are placed in screen coordinates.
    BeginFocusFrame(focus, !ImGui::GetIO().WantTextInput);
    Ui ui{state, report, focus, fonts, PaletteFor(state.theme), true, 0,
          vp.width < NarrowFigure ? ThemeMetrics.touch_target : 0.0f};
    DrawBody(view, ui, origin, width, true);
    // Tells the window how tall its content is, so it scrolls.
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, ComputeLayout(fonts, width, true, state.sim, state.reduced_motion, view).height));
    ImGui::End();
    return view.sandbox_open;
}

} // namespace views
