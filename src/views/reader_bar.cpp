// The reader bar: opaque, with a hairline and a soft shadow once the page scrolls; typographic controls from
// widgets.h; a contents menu and one settings menu (the objections, the theme, the text size, the key); on phones it
// slides away while the reader scrolls down and returns on scroll up.
#include "views/reader_bar.h"

#include "app/navigation.h"
#include "app/objections.h"
#include "text/utf8.h"
#include "views/objection_card.h"
#include "views/theme.h"
#include "views/widgets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <string>

namespace views {

namespace {

// The figure's entry in the contents, under its section and set in from it.
constexpr const char* FigureEntry = "Figure: the simulation";
constexpr float ContentsIndent = 16.0f;
constexpr float Edge = 12.0f;         // the bar's side padding
// On a phone the bar's first word starts where the column's text does (20 px, less the text button's own padding), and
// its last ends where the text's right edge is: 6 px to its left, a fresh reader saw the two out of line, and 4 px to
// its right, another (stop 57, once the column had widened to 20 px margins).
constexpr float PhoneEdge = 20.0f - TextButtonPadding;
constexpr float Gap = 16.0f;          // between groups of controls
constexpr float ShadowDepth = 8.0f;
constexpr float SlideSeconds = 0.2f;
constexpr float MenuPadding = 16.0f;
constexpr float MenuGap = 6.0f;       // between the bar's edge and a menu under it
constexpr float RowInset = 12.0f;     // a menu row's label sits this far into its button (widgets.cpp)

// The section whose heading the reader last passed.
doc::SectionId CurrentSection(const doc::Document& d, doc::BlockId reading_block) {
    if (!reading_block.valid())
        return d.sections.empty() ? doc::SectionId{} : doc::SectionId{0};
    return d.block(reading_block).section;
}

std::string SectionTitle(const doc::Document& d, doc::SectionId id) {
    if (!id.valid())
        return d.title;
    return d.section(id).title.empty() ? d.title : d.section(id).title;
}

// The whole of what the bar lays out, decided once a frame.
struct BarLayout {
    float height = ReaderBarHeight;
    float control = 30.0f; // drawn height of a control
    float top = 0.0f;      // y of the bar's top: negative while slid away
    bool phone = false;    // a phone's bar: it slides away on scroll, and its menus take the screen's width
    float edge = Edge;     // the side padding: Edge, or PhoneEdge on a phone
};

constexpr std::array<Segment, 3> ObjectionSegments = {{
    {"None", "objections-hidden"}, {"As marks", "objections-markers"}, {"All open", "objections-all"}}};
// The switch's label, so that it reads as a phrase with its choice: "Show objections: as marks".
constexpr const char* ObjectionsLabel = "Show objections";
constexpr std::array<Segment, 3> ThemeSegments = {{{"Light", "theme-light"}, {"Dark", "theme-dark"}, {"Auto", "theme-auto"}}};

int ThemeIndex(app::ThemeChoice choice) {
    return choice == app::ThemeChoice::Light ? 0 : choice == app::ThemeChoice::Dark ? 1 : 2;
}
constexpr app::ThemeChoice ThemeChoices[3] = {app::ThemeChoice::Light, app::ThemeChoice::Dark, app::ThemeChoice::Auto};

// The settings menu's controls.

// Returns whether the reader chose (even the mode already on): the choice shows on the page, under the menu's scrim,
// so it closes the menu.
bool ObjectionsControl(Ui& ui, ImVec2 at, float height) {
    app::ObjectionsMode& mode = ui.state.objections.mode;
    const int chosen = DrawSegmented(ui, ObjectionSegments, int(mode), at, height);
    if (chosen >= 0)
        mode = app::ObjectionsMode(chosen);
    return chosen >= 0;
}

void ThemeControl(Ui& ui, ImVec2 at, float height) {
    app::ThemeChoice& theme = ui.state.settings.theme;
    const int chosen = DrawSegmented(ui, ThemeSegments, ThemeIndex(theme), at, height);
    if (chosen >= 0)
        theme = ThemeChoices[chosen];
}

void TextSizeControl(Ui& ui, ImVec2 at, float height) {
    int& step = ui.state.settings.text_step;
    const Button smaller{.label = "A−", .kind = "smaller", .look = ButtonLook::Pill, .disabled = step <= app::MinTextStep};
    const Button larger{.label = "A+", .kind = "larger", .look = ButtonLook::Pill, .disabled = step >= app::MaxTextStep};
    if (DrawButton(ui, smaller, at, height))
        --step;
    if (DrawButton(ui, larger, ImVec2(at.x + ButtonSize(ui, smaller, height).x + 4.0f, at.y), height))
        ++step;
}

// The key to the marks: what a marker, its numbers and its fill mean, and what the statuses say; on a phone, where a
// number in the text, with its row under the paragraph, is the only mark (no marker stands beside the text), what it
// says.
// Returns its height.
float DrawKey(ImDrawList* list, const Ui& ui, ImVec2 at, float width, bool phone) {
    const Palette& p = ui.palette;
    const Fonts& f = ui.fonts;
    float y = at.y;
    y += DrawWrappedUiText(list, f, Font_UiBold, ImVec2(at.x, y), width, p.heading,
                           phone ? "The marks in the text" : "The marks beside the text") +
         8.0f;
    const float r = MarkerRadius, sample = UiTextSize(f, Font_Ui, "Aa").x;
    // Each row shows its mark as the text draws it: a marker, a word with its reference number, an underlined word, a
    // tinted one, a highlighted one.
    enum class Sample { Marker, Reference, Underline, Tint, Highlight };
    struct Row {
        Sample sample;
        const char* label; // a marker's or a reference's
        bool open;
        const char* text;
    };
    // What the tint marks, named both ways: "the objection" on a critic's card and "the passage it challenges" on a
    // reader's read as one colour for two things to a fresh reader of stop 67.
    constexpr const char* TintedRow = "Tinted: the objection, or the passage it challenges, while its card is showing.";
    const Row wide_rows[] = {
        {Sample::Marker, "4", false,
         "Objection 4, beside the passage it challenges, or, where the essay quotes the objection itself, beside "
         "that quotation. Its colour is the editors’ verdict (below). Click it for its card."},
        // In a reader's comment the number follows the words that raised the objection: unsaid, it read as the
        // essay's use turned round ("challenged by 13" against "raises 13") to a fresh reader of stop 73 (410).
        {Sample::Reference, "4", false,
         "The same number in the text, after the passage, like a footnote’s; in a reader’s comment, after the words "
         "that raised it."},
        {Sample::Marker, "8,9", false, "Objections 8 and 9, at one passage: one number over the other."},
        {Sample::Marker, "4", true, "Ringed twice: its card is showing."},
        {Sample::Underline, 0, false, "Underlined: the marked passage, while you point at its number."},
        {Sample::Tint, 0, false, TintedRow},
        {Sample::Highlight, 0, false, "Highlighted: the essay’s reply to the objection whose card is showing."},
    };
    const Row phone_rows[] = {
        {Sample::Reference, "4", false,
         "Objection 4, after the passage it challenges, or, where the essay quotes the objection itself, after that "
         "quotation; in a reader’s comment, after the words that raised it. Under the paragraph the number comes "
         "again, with the objection’s title and the editors’ verdict (below). Tap either to open its card."},
        {Sample::Reference, "8,9", false, "Objections 8 and 9, at one passage."},
        {Sample::Underline, 0, false, "Underlined: the marked passage, while you press its number."},
        {Sample::Tint, 0, false, TintedRow},
        {Sample::Highlight, 0, false, "Highlighted: the essay’s reply to the objection whose card is showing."},
    };
    const std::span<const Row> rows = phone ? std::span<const Row>(phone_rows) : std::span<const Row>(wide_rows);
    // The rows' text starts clear of the widest sample (Aa with a number of two).
    float indent = 30.0f;
    for (const Row& row : rows)
        if (row.sample == Sample::Reference)
            indent = std::max(indent, std::ceil(sample + 2.0f + UiTextSize(f, Font_UiBold, row.label).x *
                                                                   ReferenceMarkScale + 8.0f));
    for (const Row& row : rows) {
        const ImVec2 centre(at.x + r + 1.0f, y + r + 1.0f);
        float sample_h = 2.0f * r + 2.0f;
        if (row.sample == Sample::Marker) {
            // One circle per number, stacked as DrawMarker stacks a passage's (a joined "8,9" was never on the page,
            // said two of stop 62's fresh readers).
            const std::string_view numbers = row.label;
            size_t begin = 0;
            for (int n = 0;; ++n) {
                const size_t comma = numbers.find(',', begin);
                const std::string number(numbers.substr(begin, comma == std::string_view::npos ? comma : comma - begin));
                const float step = float(n) * (2.0f * r + 6.0f);
                // In its objection's own verdict colour, as the page draws it: all in the "partly" gold, the sample
                // 4 disagreed with objection 4's green in the list (a fresh reader of stop 63).
                const size_t index = size_t(std::stoul(number)) - 1;
                const doc::Document& d = ui.state.document;
                const ImU32 colour = index < d.objections.size()
                                         ? VerdictColour(d.objections[index].status, p)
                                         : p.partly;
                DrawMarkerGlyph(list, f, p, ImVec2(centre.x, centre.y + step), r, number, row.open, false, colour);
                sample_h = step + 2.0f * r + 2.0f;
                if (comma == std::string_view::npos)
                    break;
                begin = comma + 1;
            }
        } else if (row.sample == Sample::Reference) { // as DrawMarker sets it after the passage's last word
            DrawUiText(list, f, Font_Ui, ImVec2(at.x + 1.0f, y), p.ink, "Aa");
            DrawUiText(list, f, Font_UiBold, ImVec2(at.x + 2.0f + sample, y - 3.0f), p.muted, row.label,
                       ReferenceMarkScale);
        } else {
            if (row.sample == Sample::Tint) // as DrawMarker tints an open objection's passage
                list->AddRectFilled(ImVec2(at.x, y + 1.0f), ImVec2(at.x + sample + 2.0f, y + 2.0f * r + 1.0f),
                                    p.objection_tint, 3.0f);
            if (row.sample == Sample::Underline || row.sample == Sample::Tint)
                list->AddLine(ImVec2(at.x, centre.y + 6.0f), ImVec2(at.x + sample + 2.0f, centre.y + 6.0f), p.marker,
                              1.0f);
            else
                list->AddRectFilled(ImVec2(at.x, y + 1.0f), ImVec2(at.x + sample + 2.0f, y + 2.0f * r + 1.0f),
                                    p.reply_wash, 3.0f);
            DrawUiText(list, f, Font_Ui, ImVec2(at.x + 1.0f, y), p.ink, "Aa");
        }
        y += std::max(sample_h,
                      DrawWrappedUiText(list, f, Font_Ui, ImVec2(at.x + indent, y), width - indent, p.ink, row.text)) +
             6.0f;
    }
    y += 4.0f;
    VerdictScale scale; // laid out while the key is open, which is rare
    LayoutVerdictScale(scale, width - indent, f);
    DrawVerdictScale(list, scale, f, p, ImVec2(at.x + indent, y), at.x + r + 1.0f, p.ink);
    y += scale.height + 4.0f;
    y += 6.0f;
    // Whose the cards' words are, as each card says over its title (BuildCardLayout); what a verdict weighs (a green
    // "addressed" read as "the essay wins this one" to three of stop 64's six fresh readers); and that the critics
    // are heard only through the essay (Objection::by: "paraphrased by the author", "as the author quotes them"),
    // which "verbatim" alone left unsaid to two.
    y += DrawWrappedUiText(list, f, Font_Ui, ImVec2(at.x, y), width, p.muted,
                           "The cards’ titles, verdicts and notes are by the editors of this edition. A verdict says "
                           "how far the essay speaks to the objection, not whether it is right. "
                           "Quotations from the essay and from readers are verbatim; the critics are heard only as "
                           "the essay quotes or paraphrases them.");
    return y - at.y;
}

// A soft shadow under a menu, so it reads as lifted above the page rather than pasted over it: a few widening,
// fading rounded rectangles below and around its edge (the menu's own hairline border is ImGui's, from the theme).
void DrawMenuShadow(ImDrawList* list, const Palette& p, ImVec2 pos, ImVec2 size) {
    constexpr int Layers = 6;
    list->PushClipRectFullScreen();
    for (int i = Layers; i >= 1; --i) {
        const float grow = float(i) * 1.5f;
        // The layers overlap near the edge, where their alphas add up to 1.6 times the theme's shadow.
        const float alpha = 1.6f * float(Layers + 1 - i) / float(Layers * (Layers + 1) / 2);
        list->AddRectFilled(ImVec2(pos.x - grow, pos.y - grow * 0.5f + 2.0f),
                            ImVec2(pos.x + size.x + grow, pos.y + size.y + grow + 3.0f), Faded(p.shadow, alpha),
                            ThemeMetrics.card_rounding + grow);
    }
    list->PopClipRect();
}

// A menu under the bar: an ImGui popup (it stays on top, and closes on a click elsewhere or Esc) whose content is
// drawn by `body`, which returns the content's height.
template <typename Body>
bool Menu(const char* name, bool& open, ReaderBar& bar, const Palette& ui_palette, ImVec2 at, float width,
          Body&& body) {
    ImGui::SetNextWindowPos(at);
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    // Never past the window's foot, where its last entry would be cut off (the key's Close, at 1280 x 800, to a fresh
    // reader of stop 65): taller content scrolls within it, by wheel or touch, without a scrollbar over its text.
    const float room = std::max(120.0f, ImGui::GetIO().DisplaySize.y - at.y - MenuGap);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, room));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(MenuPadding, MenuPadding));
    const bool was_open = open;
    ImDrawList* under = ImGui::GetWindowDrawList(); // the bar's, drawn before any popup: the shadow goes there
    open = ImGui::BeginPopup(name, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoScrollbar);
    bar.needs_frame = bar.needs_frame || open != was_open;
    bool close = false;
    if (open) {
        // ImGui sizes a new popup in a hidden first frame: the scrim and the shadow wait for its second, when it
        // shows. The scrim dims the page from the bar's edge down (a fresh reader found the contents, laid over the
        // title with nothing between, hard to tell from the page).
        if (was_open) {
            under->PushClipRectFullScreen();
            under->AddRectFilled(ImVec2(0.0f, at.y - MenuGap), ImGui::GetIO().DisplaySize, ui_palette.scrim);
            under->PopClipRect();
            DrawMenuShadow(under, ui_palette, ImGui::GetWindowPos(), ImGui::GetWindowSize());
        }
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const float height = body(ImGui::GetWindowDrawList(), origin, width - 2.0f * MenuPadding, close);
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(width - 2.0f * MenuPadding, height));
        if (close)
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
    return open;
}


// `text` as it fits `room`: cut at a character boundary and ended in an ellipsis where it does not.
std::string CutToFit(const Fonts& fonts, FontRole role, std::string text, float room) {
    if (UiTextSize(fonts, role, text).x <= room)
        return text;
    while (!text.empty() && UiTextSize(fonts, role, text + "…").x > room)
        text.resize(text::PrevBoundary(text, text.size()));
    return text + "…";
}

// Where `text` breaks, at a space, for its first line to fit `room`; 0 where it fits whole or its first word does not.
size_t BreakToFit(const Fonts& fonts, FontRole role, std::string_view text, float room) {
    if (UiTextSize(fonts, role, text).x <= room)
        return 0;
    size_t fits = 0;
    for (size_t space = text.find(' '); space != std::string_view::npos; space = text.find(' ', space + 1)) {
        if (UiTextSize(fonts, role, text.substr(0, space)).x > room)
            break;
        fits = space;
    }
    return fits;
}

// The list's legend: the verdicts' marks, in the rows' order of mark then word, at `scale` of the UI size, set from `x0` and
// wrapped at `right`. Draws where `list` is given; returns the height it takes.
constexpr float ScaleItemGap = 14.0f;
float DrawMarksLegend(ImDrawList* list, const Fonts& fonts, const Palette& p, float x0, float y0, float right,
                       float scale) {
    const float line = UiTextSize(fonts, Font_Ui, "0").y * scale, mark_w = VerdictMarkWidth(line);
    float x = x0, y = y0;
    for (const doc::ObjectionStatus status : doc::VerdictOrder) {
        const float w = mark_w + UiTextSize(fonts, Font_Ui, doc::VerdictWord(status)).x * scale;
        if (x > x0 && x + w > right) {
            x = x0;
            y += line + 3.0f;
        }
        if (list) {
            DrawVerdictMark(list, ImVec2(x, y), line, status, VerdictColour(status, p));
            DrawUiText(list, fonts, Font_Ui, ImVec2(x + mark_w, y), p.muted, doc::VerdictWord(status), scale);
        }
        x += w + ScaleItemGap;
    }
    return y + line - y0;
}
// The legend's width on one line at `scale`.
float MarksLegendWidth(const Fonts& fonts, float scale) {
    const float line = UiTextSize(fonts, Font_Ui, "0").y * scale;
    float width = -ScaleItemGap;
    for (const doc::ObjectionStatus status : doc::VerdictOrder)
        width += VerdictMarkWidth(line) + UiTextSize(fonts, Font_Ui, doc::VerdictWord(status)).x * scale + ScaleItemGap;
    return width;
}

// Where the list of objections says what its marks mean, and the way back to the sections, by the room the menu has:
// beside the way back on a wide menu; on a phone under it, or, where its own line would take the rows below a
// finger's height (a 320 x 700 phone), beside "← Contents" in the way back's row, which grows to hold it. Without it,
// most of stop 61's nine fresh readers and two of stop 62's first three found the phone's marks unexplained; the
// row's "←" alone, which left it room, was a bare arrow to all six of stop 63's.
enum class ScalePlace { Beside, Under, InBackRow };
constexpr float ScaleSmall = 0.85f, ScaleInRow = 0.8f;
const Button ListBack{.label = "←\u00A0Contents", .kind = "contents-back"};
// The legend's left edge in the way back's row, from the row's left.
float InRowLegendX(const Ui& ui, float row) { return ButtonSize(ui, ListBack, row).x + 12.0f; }
struct ListHead {
    ScalePlace place = ScalePlace::Beside;
    float row = 0.0f;      // the objections' rows' height
    float back_row = 0.0f; // the way back's row's height
};
// `rows` is the number of objections; `room` the height the menu may take; `row` a finger's height.
ListHead PlaceListHead(const Ui& ui, float inner, float room, int rows, float row) {
    // The rows' height with `head` above them and `n` rows: a finger's, or as much of it as the room allows.
    const auto fit = [&](float head, int n) {
        return std::max(32.0f, std::min(row, std::floor((room - head) / float(n))));
    };
    if (ButtonSize(ui, ListBack, row).x + 24.0f + MarksLegendWidth(ui.fonts, 1.0f) + ScaleItemGap <= inner)
        return {ScalePlace::Beside, fit(0.0f, rows + 1), fit(0.0f, rows + 1)};
    const float under =
        DrawMarksLegend(nullptr, ui.fonts, ui.palette, 0.0f, 0.0f, inner - 2.0f * RowInset, ScaleSmall) + 8.0f;
    if (fit(under, rows + 1) >= fit(0.0f, rows + 1))
        return {ScalePlace::Under, fit(under, rows + 1), fit(under, rows + 1)};
    // In the row: as tall as the legend wrapped beside the way back, and never shorter than the others.
    const float in_row = DrawMarksLegend(nullptr, ui.fonts, ui.palette, InRowLegendX(ui, row), 0.0f,
                                         inner - RowInset, ScaleInRow) + 6.0f;
    const float listed = std::min(fit(0.0f, rows + 1), fit(in_row, rows));
    return {ScalePlace::InBackRow, listed, std::max(listed, in_row)};
}

// A row's words: the objection's title, then whose it is, glued to its last word (" · comment 1"): five of stop 68's
// six fresh readers and two of stop 69's first three found the list did not say whose each objection was.
std::string WhoseSuffix(const doc::Document& d, const doc::Objection& o) {
    return text::GlueSpaces(" · " + app::ObjectionWhose(d, o));
}

// Whether every row's words, with whose each is or without, fit `lines` (1 or 2) of `room`, measured at full size:
// broken between words, the second line whole.
bool TitlesFit(const Fonts& fonts, const doc::Document& d, float room, int lines, bool whose) {
    for (const doc::Objection& o : d.objections) {
        const std::string title = whose ? o.title + WhoseSuffix(d, o) : o.title;
        const size_t split = lines == 2 ? BreakToFit(fonts, Font_Ui, title, room) : 0;
        if (UiTextSize(fonts, Font_Ui, std::string_view(title).substr(split == 0 ? 0 : split + 1)).x > room)
            return false;
    }
    return true;
}

// One line of a row's words: the title's in `ink`, and whose it is, where the line ends with it, in the muted ink.
void DrawListedLine(ImDrawList* list, const Fonts& fonts, ImVec2 at, ImU32 ink, ImU32 muted, const std::string& line,
                    const std::string& whose, float scale) {
    const bool ends = !whose.empty() && line.size() >= whose.size() &&
                      line.compare(line.size() - whose.size(), whose.size(), whose) == 0;
    const std::string title = ends ? line.substr(0, line.size() - whose.size()) : line;
    DrawUiText(list, fonts, Font_Ui, at, ink, title, scale);
    if (ends)
        DrawUiText(list, fonts, Font_Ui, ImVec2(at.x + UiTextSize(fonts, Font_Ui, title).x * scale, at.y), muted, whose,
                   scale);
}

// The contents' second page: every objection in order, its number as the cards give it, its title and its verdict's
// mark; a choice opens its card at its passage. Six of stop 59's fresh readers and two of stop 60's first three asked
// for a list of all 14 (paging with Next, one card at a time, was the only way through them). Returns its height.
float DrawObjectionList(ReaderBar& bar, Ui& ui, ImDrawList* list, ImVec2 at, float inner, const ListHead& head,
                        bool& close) {
    const doc::Document& d = ui.state.document;
    const Palette& p = ui.palette;
    const float row = head.row;
    float y = at.y;
    if (DrawButton(ui, ListBack, ImVec2(at.x, y + std::round((head.back_row - row) * 0.5f)), row))
        bar.contents_objections = false;
    const float number_w = UiTextSize(ui.fonts, Font_Ui, "14").x + 12.0f, line = UiTextSize(ui.fonts, Font_Ui, "0").y;
    const float mark_w = VerdictMarkWidth(line);
    if (head.place == ScalePlace::Beside) {
        DrawMarksLegend(list, ui.fonts, p, at.x + inner - RowInset - MarksLegendWidth(ui.fonts, 1.0f),
                         std::round(y + (row - line) * 0.5f), at.x + inner, 1.0f);
    } else if (head.place == ScalePlace::InBackRow) {
        const float x0 = at.x + InRowLegendX(ui, row), right = at.x + inner - RowInset;
        const float h = DrawMarksLegend(nullptr, ui.fonts, p, x0, 0.0f, right, ScaleInRow);
        DrawMarksLegend(list, ui.fonts, p, x0, std::round(y + (head.back_row - h) * 0.5f), right, ScaleInRow);
    }
    y += head.back_row;
    if (head.place == ScalePlace::Under)
        y += DrawMarksLegend(list, ui.fonts, p, at.x + RowInset, y, at.x + inner - RowInset, ScaleSmall) + 8.0f;
    // The titles a little smaller where a row holds two of their lines only so: cut to one line at full size, a
    // 320 px phone's titles ended in "…" (two of stop 62's first fresh readers).
    const float title_scale = row >= 2.0f * line + 4.0f ? 1.0f : row >= 2.0f * line * 0.85f + 4.0f ? 0.85f : 1.0f;
    const float title_line = line * title_scale;
    const bool two_lines = row >= 2.0f * title_line + 4.0f;
    // The verdict's mark after the title, or, where a title would not fit two lines beside it (a 320 px phone: six
    // ended in "…", named by all six of stop 63's fresh readers), under the row's number, which gives the title its
    // room. Measured at full size against the room it has at its size.
    const float title_x = at.x + RowInset + number_w, wide_right = at.x + inner - RowInset - mark_w - 10.0f;
    // Whose each is, where every row has room for it: a 320 px phone's would need a third line for some.
    const float widest_room = ((two_lines ? at.x + inner - RowInset : wide_right) - title_x) / title_scale;
    const bool whose = TitlesFit(ui.fonts, d, widest_room, two_lines ? 2 : 1, true);
    const bool mark_under = two_lines && !TitlesFit(ui.fonts, d, (wide_right - title_x) / title_scale, 2, whose);
    const float title_room = ((mark_under ? at.x + inner - RowInset : wide_right) - title_x) / title_scale;
    for (uint32_t i = 0; i < d.objections.size(); ++i) {
        const doc::Objection& o = d.objections[i];
        const ImVec2 min(at.x, y), max(at.x + inner, y + row);
        bool hovered = false, held = false;
        if (Interact(ui, "listed", o.id, min, max, hovered, held)) {
            app::ShowObjection(ui.state, doc::ObjectionId{i});
            ui.state.jumped = true;
            close = true;
        }
        if (hovered || held)
            list->AddRectFilled(min, max, held ? p.control_pressed : p.control_hover, 6.0f);
        const std::string number = std::to_string(i + 1);
        const float number_x = at.x + RowInset + number_w - 12.0f - UiTextSize(ui.fonts, Font_Ui, number).x;
        // The title on one line, or where the row holds two (a phone's), broken between words onto a second.
        const ImU32 ink = hovered ? p.accent : p.ink;
        const std::string suffix = whose ? WhoseSuffix(d, o) : std::string(), title = o.title + suffix;
        size_t split = two_lines ? BreakToFit(ui.fonts, Font_Ui, title, title_room) : 0;
        // A title of one line that leaves room for its mark keeps the mark after it: alone under its number, row 9's
        // read as stranded to two of stop 64's fresh readers.
        const float title_w = UiTextSize(ui.fonts, Font_Ui, title).x;
        const bool under = mark_under && (split != 0 || title_w > (wide_right - title_x) / title_scale);
        // One that fills the line but leaves no room for its mark is broken past its middle, so the mark under the
        // number has the title's second line beside it: row 9's mark alone on a line still read as stranded to four of
        // stop 66's six.
        if (under && split == 0)
            split = BreakToFit(ui.fonts, Font_Ui, title, title_w * 0.7f);
        // A title of one line in the middle of its row, or, with the mark under the number, on the number's line.
        const float first_y = split == 0 && !under ? std::round(y + (row - title_line) * 0.5f)
                                                   : std::round(y + row * 0.5f - title_line);
        if (split == 0) {
            DrawListedLine(list, ui.fonts, ImVec2(title_x, first_y), ink, p.muted,
                           CutToFit(ui.fonts, Font_Ui, title, title_room), suffix, title_scale);
        } else {
            DrawUiText(list, ui.fonts, Font_Ui, ImVec2(title_x, first_y), ink, title.substr(0, split), title_scale);
            DrawListedLine(list, ui.fonts, ImVec2(title_x, first_y + title_line), ink, p.muted,
                           CutToFit(ui.fonts, Font_Ui, title.substr(split + 1), title_room), suffix, title_scale);
        }
        if (under) {
            // The number on the title's first line, the mark under it, each on its own line's middle.
            const float number_y = std::round(first_y + (title_line - line) * 0.5f);
            DrawUiText(list, ui.fonts, Font_Ui, ImVec2(number_x, number_y), p.muted, number);
            const float mark_x = number_x + UiTextSize(ui.fonts, Font_Ui, number).x - 2.0f * VerdictMarkRadius(line);
            DrawVerdictMark(list, ImVec2(mark_x, number_y + title_line), line, o.status, VerdictColour(o.status, p));
        } else {
            const float text_y = std::round(y + (row - line) * 0.5f);
            DrawUiText(list, ui.fonts, Font_Ui, ImVec2(number_x, text_y), p.muted, number);
            DrawVerdictMark(list, ImVec2(at.x + inner - RowInset - mark_w, text_y), line, o.status,
                            VerdictColour(o.status, p));
        }
        y += row;
    }
    return y - at.y;
}

// The contents: every section with what it holds, the current one set in bold with an accent rule; a choice goes
// there. Under them, the way to every objection (DrawObjectionList), which the menu shows in their place.
void DrawContents(ReaderBar& bar, Ui& ui, const BarLayout& L, float x) {
    const doc::Document& d = ui.state.document;
    const doc::SectionId current = CurrentSection(ui.state.document, ui.report.reading_block);
    constexpr float DetailGap = 24.0f;
    // The Document does not change after import: what each section holds is counted once.
    std::vector<std::string>& details = bar.section_details;
    if (details.size() != d.sections.size()) {
        details.clear();
        for (const doc::Section& section : d.sections)
            details.push_back(doc::SectionDetail(d, section));
        bar.figure_section = doc::FigureSection(d).index;
    }
    // As wide as its longest entry and its detail: a menu, not a sheet over the page.
    float longest = 0.0f;
    for (size_t i = 0; i < d.sections.size(); ++i) {
        const doc::Section& section = d.sections[i];
        longest = std::max(longest, UiTextSize(ui.fonts, Font_UiBold, section.title.empty() ? d.title : section.title).x +
                                        DetailGap + UiTextSize(ui.fonts, Font_Ui, details[i]).x);
    }
    longest = std::max(longest, ContentsIndent + UiTextSize(ui.fonts, Font_Ui, FigureEntry).x);
    const std::string every = "All " + std::to_string(d.objections.size()) + " objections\u00A0→";
    longest = std::max(longest, UiTextSize(ui.fonts, Font_Ui, every).x);
    // On a phone, the whole width: a menu a little narrower than the screen left slivers of the title showing at
    // its side (a fresh reader read them as fragments). The objections' list as wide as their titles want, and past
    // the column's right edge: 40 px short of it, the ends of the column's lines stood beside it, read as fragments
    // by a fresh reader of stop 70.
    const float full = ui.state.viewport.width - 2.0f * x;
    const float fitted = std::max(260.0f, longest + 2.0f * (MenuPadding + RowInset));
    const float list_width = std::max(680.0f, bar.column_right + MenuPadding - x);
    const float width = L.phone ? full : std::min(bar.contents_objections ? list_width : fitted, full);
    const float row = ui.min_hit > 0.0f ? ui.min_hit : 32.0f;
    // The list's rows a finger's height where the window has room for them all, else as many as fit it (a 320 x 700
    // phone's are 41 px): a menu taller than the window would hide its last rows.
    const float top = L.top + L.height + MenuGap;
    const float room = ui.state.viewport.height - top - 2.0f * MenuPadding - 8.0f;
    const ListHead list_head = PlaceListHead(ui, width - 2.0f * MenuPadding, room, int(d.objections.size()), row);
    Menu("##contents", bar.contents_open, bar, ui.palette, ImVec2(x, top), width,
         [&](ImDrawList* list, ImVec2 at, float inner, bool& close) {
             if (bar.contents_objections)
                 return DrawObjectionList(bar, ui, list, at, inner, list_head, close);
             const auto go = [&](const std::string& id) { // a choice: a jump there, and the menu closes
                 ui.state.pending_anchor = {id, 0.0f};
                 ui.state.jumped = true;
                 close = true;
             };
             float y = at.y;
             for (uint32_t i = 0; i < d.sections.size(); ++i) {
                 const doc::Section& section = d.sections[i];
                 const bool here = current.valid() && current.index == i;
                 const std::string title = section.title.empty() ? d.title : section.title;
                 const Button b{.label = title, .kind = "section", .id = section.id,
                                .font = here ? Font_UiBold : Font_Ui, .width = inner};
                 if (here)
                     list->AddRectFilled(ImVec2(at.x - 8.0f, y + 6.0f), ImVec2(at.x - 6.0f, y + row - 6.0f),
                                         ui.palette.accent);
                 if (DrawButton(ui, b, ImVec2(at.x, y), row))
                     go(section.id);
                 // Flush right in the row, over the button, where it clears the label by DetailGap; left out where
                 // a narrow phone has no room for both. Rounded as DrawButton rounds its label, so the two share a
                 // baseline (a fresh reader saw the detail sit above the title).
                 const ImVec2 size = UiTextSize(ui.fonts, Font_Ui, details[i]);
                 if (RowInset + UiTextSize(ui.fonts, b.font, title).x + DetailGap + size.x + RowInset <= inner)
                     DrawUiText(list, ui.fonts, Font_Ui,
                                ImVec2(at.x + inner - RowInset - size.x, std::round(y + (row - size.y) * 0.5f)),
                                ui.palette.muted, details[i]);
                 y += row;
                 // The figure, under its section and set in from it: a reader looking for the simulation finds it
                 // here (a fresh reader missed it in the contents).
                 if (i == bar.figure_section) {
                     const Button figure{.label = FigureEntry, .kind = "section", .id = "simulation",
                                         .width = inner - ContentsIndent};
                     if (DrawButton(ui, figure, ImVec2(at.x + ContentsIndent, y), row))
                         go("simulation");
                     y += row;
                 }
             }
             if (DrawButton(ui, {.label = every, .kind = "contents-objections", .width = inner}, ImVec2(at.x, y), row))
                 bar.contents_objections = true;
             return y + row - at.y;
         });
    // Closed, it opens on the sections again.
    if (!bar.contents_open)
        bar.contents_objections = false;
}

// The one settings menu: the objections, the theme, the text size, then an entry for the key to the marks. Every
// control is a finger's height on phones. The objections were a switch in the wide bar until stop 35: about ten fresh
// readers read "Show objections: None / As marks / All open" beside Settings as an app's toolbar over the essay; the
// marks show by default, and the margin note beside the title explains them.
void DrawSettingsMenu(ReaderBar& bar, Ui& ui, const BarLayout& L) {
    const float width = std::min(L.phone ? 380.0f : 320.0f, ui.state.viewport.width - 16.0f);
    const float x = ui.state.viewport.width - width - 8.0f;
    const float row = std::max(ui.min_hit, 36.0f);
    Menu("##settings", bar.settings_open, bar, ui.palette, ImVec2(x, L.top + L.height + MenuGap), width,
         [&](ImDrawList* list, ImVec2 at, float inner, bool& close) {
             float y = at.y;
             const Palette& p = ui.palette;
             auto label = [&](const char* text) {
                 DrawUiText(list, ui.fonts, Font_UiBold, ImVec2(at.x, y), p.muted, text);
                 y += UiTextSize(ui.fonts, Font_UiBold, text).y + 6.0f;
             };
             label(ObjectionsLabel);
             close = ObjectionsControl(ui, ImVec2(at.x, y), row);
             y += row + 14.0f;
             label("Theme");
             ThemeControl(ui, ImVec2(at.x, y), row);
             y += row + 14.0f;
             label("Text size");
             TextSizeControl(ui, ImVec2(at.x, y), row);
             y += row + 14.0f;
             list->AddLine(ImVec2(at.x, y), ImVec2(at.x + inner, y), p.card_border);
             y += 6.0f;
             // An entry, not a label: it opens the key in place of this menu.
             const Button key{.label = "Key to the marks and verdicts", .kind = "key", .width = inner};
             if (DrawButton(ui, key, ImVec2(at.x - RowInset, y), row)) {
                 bar.key_requested = true;
                 close = true;
             }
             y += row;
             return y - at.y;
         });
}

// The key, opened from the settings menu (or the first-visit hint), where the settings menu was; a Close entry ends
// it, so a finger or the keyboard never needs to find "outside".
void DrawKeyMenu(ReaderBar& bar, Ui& ui, const BarLayout& L) {
    const float width = std::min(400.0f, ui.state.viewport.width - 16.0f);
    const float row = std::max(ui.min_hit, 32.0f);
    const ImVec2 place(ui.state.viewport.width - width - 8.0f, L.top + L.height + MenuGap);
    Menu("##key", bar.key_open, bar, ui.palette, place, width,
         [&](ImDrawList* list, ImVec2 at, float inner, bool& close) {
             float y = at.y + DrawKey(list, ui, at, inner, L.phone) + 8.0f;
             const Button done{.label = "Close", .kind = "close", .id = "key", .look = ButtonLook::Pill};
             if (DrawButton(ui, done, ImVec2(at.x + inner - ButtonSize(ui, done, row).x, y), row))
                 close = true;
             return y + row - at.y;
         });
}

// The compact bar slides away while the reader scrolls down and returns when they scroll up, at the top, while a
// menu is open or a bar control has the keyboard; it stays away while returning would cover a focused control.
void UpdateSlide(ReaderBar& bar, const app::AppState& state, const FocusRing& focus, bool compact, float dt) {
    const float y = state.scroll.y;
    const float moved = y - bar.last_scroll_y;
    bar.last_scroll_y = y;
    float target = bar.hidden > 0.5f ? 1.0f : 0.0f;
    if (moved > 2.0f)
        target = 1.0f;
    if (moved < -2.0f)
        target = 0.0f;
    bool focus_in_bar = false, focus_under_bar = false;
    if (focus.visible)
        for (const FocusRing::Item& item : focus.previous)
            if (item.id == focus.focused) {
                focus_in_bar = item.fixed;
                focus_under_bar = !item.fixed && item.min.y - y < ReaderBarHeight;
            }
    if (!compact || y < ReaderBarHeight || bar.contents_open || bar.settings_open || bar.key_open ||
        focus_in_bar)
        target = 0.0f;
    else if (focus_under_bar)
        target = 1.0f;
    if (state.reduced_motion || dt <= 0.0f)
        bar.hidden = target;
    else
        bar.hidden = target > bar.hidden ? std::min(target, bar.hidden + dt / SlideSeconds)
                                         : std::max(target, bar.hidden - dt / SlideSeconds);
    bar.needs_frame = bar.needs_frame || bar.hidden != target;
}

// Opaque paper; once the page has scrolled, a hairline and a soft shadow under it, and the reading progress along its
// top edge.
void DrawBarSurface(const app::AppState& state, const Palette& p, const BarLayout& L) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float w = state.viewport.width, bottom = L.top + L.height;
    list->PushClipRect(ImVec2(0.0f, 0.0f), ImVec2(w, bottom + ShadowDepth), false);
    list->AddRectFilled(ImVec2(0.0f, L.top), ImVec2(w, bottom), p.bar_background);
    if (state.scroll.y > 0.5f) {
        list->AddRectFilledMultiColor(ImVec2(0.0f, bottom), ImVec2(w, bottom + ShadowDepth), p.shadow, p.shadow,
                                      Faded(p.shadow, 0.0f), Faded(p.shadow, 0.0f));
        list->AddRectFilled(ImVec2(0.0f, bottom - ThemeMetrics.hairline), ImVec2(w, bottom), p.card_border);
    }
    // The reading progress runs along the bar's top edge, the screen's, in the accent as far as the reader has read.
    // Along the bottom hairline it began right under "Contents", and a fresh reader took it for a stray underline.
    const float max_scroll = app::MaxScroll(state.scroll);
    const float progress = max_scroll > 0.0f ? std::clamp(state.scroll.y / max_scroll, 0.0f, 1.0f) : 1.0f;
    if (state.scroll.y > 0.5f)
        list->AddRectFilled(ImVec2(0.0f, L.top), ImVec2(w * progress, L.top + 2.0f), Faded(p.accent, 0.8f));
    list->PopClipRect();
}

// Contents, and the current section after it in the muted colour, cut to fit before `right`.
void DrawContentsButton(ReaderBar& bar, Ui& ui, const BarLayout& L, float right) {
    const float y = L.top + (L.height - L.control) * 0.5f;
    const Button contents{.label = "Contents", .kind = "contents", .font = Font_UiBold, .selected = bar.contents_open};
    if (DrawButton(ui, contents, ImVec2(L.edge, y), L.control))
        ImGui::OpenPopup("##contents");
    DrawContents(bar, ui, L, L.edge);
    // A hairline between the button and the section's name, so that "Contents" and "Solidarity vs. Sorting" are not
    // read as one phrase (a fresh reader did).
    const float rule_x = std::round(L.edge + ButtonSize(ui, contents, L.control).x + 6.0f), x = rule_x + 11.0f;
    std::string title = SectionTitle(ui.state.document, CurrentSection(ui.state.document, ui.report.reading_block));
    const float room = right - x - Gap;
    if (room < 60.0f)
        return;
    const float mid = L.top + L.height * 0.5f;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(rule_x, mid - 8.0f), ImVec2(rule_x, mid + 8.0f),
                                        Faded(ui.palette.muted, 0.5f), ThemeMetrics.hairline);
    // A little smaller where that keeps it whole: a 320 px phone cut the essay's title to "Solidarity vs. Sorti…",
    // which all three of stop 63's first fresh readers named as broken.
    constexpr float Smaller = 0.88f;
    const float full_w = UiTextSize(ui.fonts, Font_Ui, title).x;
    const float scale = full_w > room && full_w * Smaller <= room ? Smaller : 1.0f;
    if (scale == 1.0f)
        title = CutToFit(ui.fonts, Font_Ui, std::move(title), room);
    const float h = UiTextSize(ui.fonts, Font_Ui, title).y * scale;
    DrawUiText(ImGui::GetWindowDrawList(), ui.fonts, Font_Ui, ImVec2(x, std::round(L.top + (L.height - h) * 0.5f)),
               ui.palette.muted, title, scale);
}

} // namespace

void DrawReaderBar(ReaderBar& bar, app::AppState& state, app::FrameReport& report, const Fonts& fonts,
                   FocusRing& focus, float dt) {
    const app::Viewport& vp = state.viewport;
    const Palette& palette = PaletteFor(state.theme);
    bar.needs_frame = false;

    Ui ui{state, report, focus, fonts, palette, true};
    BarLayout L;
    L.phone = vp.width < 600.0f;
    ui.min_hit = L.phone ? ThemeMetrics.touch_target : 0.0f;
    L.edge = L.phone ? PhoneEdge : Edge;
    // Both ends of the bar are words in the same weight, like a contents line's, not a word and a pill.
    const Button menu{.label = "Settings", .kind = "settings", .font = Font_UiBold, .selected = bar.settings_open};
    const float menu_width = ButtonSize(ui, menu, L.control).x;
    UpdateSlide(bar, state, focus, L.phone, dt);
    L.top = -std::round((L.height + ShadowDepth) * bar.hidden);

    ImGui::SetNextWindowPos(ImVec2(0.0f, L.top));
    ImGui::SetNextWindowSize(ImVec2(vp.width, L.height));
    ImGui::Begin("##reader-bar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBackground);
    DrawBarSurface(state, palette, L);
    // Contents first, so Tab meets the controls from left to right.
    const float menu_x = std::round(vp.width - L.edge - menu_width);
    DrawContentsButton(bar, ui, L, menu_x);
    if (DrawButton(ui, menu, ImVec2(menu_x, L.top + (L.height - L.control) * 0.5f), L.control))
        ImGui::OpenPopup("##settings");
    DrawSettingsMenu(bar, ui, L);
    // The key takes the settings menu's place: opened here, at the bar's level, it replaces that popup.
    if (bar.key_requested) {
        bar.key_requested = false;
        ImGui::OpenPopup("##key");
    }
    DrawKeyMenu(bar, ui, L);
    ImGui::End();
    report.wants_frame = report.wants_frame || bar.needs_frame;
}

} // namespace views
