// Lays out the essay column and its objections each frame and draws them with ImGui draw lists.
//
// [SECTION] constants and block styles
// [SECTION] layout: text per block (cached), positions per frame (cards move text)
// [SECTION] input: wheel, keyboard, scrollbar
// [SECTION] markers and cards
// [SECTION] selection, copy and search
// [SECTION] one frame: lay out, then draw blocks, then markers and cards
// [SECTION] DrawEssay
#include "views/essay_view.h"

#include "app/margin_layout.h"
#include "app/navigation.h"
#include "app/simulation.h"
#include "doc/html_export.h"
#include "text/utf8.h"
#include "views/imgui_font_metrics.h"
#include "views/text_draw.h"
#include "views/theme.h"
#include "views/widgets.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace views {

namespace {

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] constants and block styles
// ---------------------------------------------------------------------------------------------------------------

// About 66 characters a line of Charis at 20 px (counted at 1280 px), inside the 60–75 measure; 680 px gave about
// 72, with lines to 78, and two fresh readers found it long.
constexpr float MaxColumn = 620.0f;
constexpr float PhoneBreakpoint = 600.0f;
constexpr float NarrowPhone = 360.0f; // a 320 px phone's, under every common phone's 360 to 430
constexpr float WideBreakpoint = 1100.0f; // from here cards sit in the margin, like sidenotes
constexpr float MarginGap = 44.0f;     // between the column and the margin cards
// Wide enough for a card to quote its objection and still end inside a 1280 x 800 window: at 390, once the margin
// card quoted its objection whole, the first card's Copy link and Next fell under it (at 330 it ran 150 px past).
constexpr float MaxCardWidth = 440.0f;
// The figure breaks out of the column where there is room, as Distill's figures do: at most the column and the margin
// cards' lane together.
constexpr float MaxFigure = MaxColumn + MarginGap + MaxCardWidth;
constexpr float CardGap = 14.0f;
constexpr float LineHeight = 1.5f;     // multiple of the body size
// A quotation's indent, its rule at the column's edge: narrower on a phone, where at 28 px a 320 px phone's quotation
// kept four words a line (three of stop 49's fresh readers).
constexpr float QuoteIndent = 28.0f, PhoneQuoteIndent = 16.0f;
constexpr float QuoteRule = 3.0f; // the rule's width, at the column's left edge
// A quotation stops short of the column's right edge too, so that when its objection is open the tint, which spans
// the column from the quotation's rule, leaves as much room after the longest line as before the first letter.
constexpr float QuoteRightIndent = 14.0f;
constexpr float CommentIndent = 20.0f; // readers' comments sit inside a rule, set apart from the essay
constexpr float NarrowMarkerGap = 4.0f; // between the column and its marker below WideBreakpoint
constexpr float WheelStep = 100.0f;    // CSS px per wheel unit; SDL's browser driver makes 100 px one unit
constexpr float ArrowStep = 48.0f;
constexpr float RevealSeconds = 0.18f;
constexpr float HighlightSeconds = 2.5f;

FontRole RoleFor(const doc::Block& block, uint8_t style) {
    if (block.kind == doc::BlockKind::Heading)
        return block.heading_level <= 1 ? Font_Title : Font_Heading;
    const bool italic = (style & doc::SpanStyle_Emphasis) != 0;
    const bool bold = (style & doc::SpanStyle_Strong) != 0;
    if (italic && bold)
        return Font_BodyBoldItalic;
    if (bold)
        return Font_BodyBold;
    if (italic)
        return Font_BodyItalic;
    return Font_Body;
}

float QuoteIndentOf(const EssayView& view) { return view.phone ? PhoneQuoteIndent : QuoteIndent; }
float Indent(const EssayView& view, const doc::Block& block) {
    if (block.kind == doc::BlockKind::Quote)
        return QuoteIndentOf(view);
    const float comment = block.comment.valid() ? CommentIndent : 0.0f;
    if (block.kind == doc::BlockKind::ListItem)
        return comment + QuoteIndent * float(std::max<int>(1, block.list_depth));
    return comment;
}

// Space above a block, as a multiple of the body size: headings breathe, paragraphs keep a line's rhythm.
float SpaceBefore(const doc::Block& block, const doc::Block* previous) {
    if (previous == nullptr)
        return 0.0f;
    if (block.kind == doc::BlockKind::Heading)
        return block.part != previous->part ? 4.0f : 2.2f;
    if (previous->kind == doc::BlockKind::Heading)
        return previous->heading_level <= 1 ? 1.6f : 0.9f;
    return 1.0f;
}

// The essay's title: what the reading and edition lines sit under, or the margin note beside.
bool IsTitle(const doc::Block& block) { return block.kind == doc::BlockKind::Heading && block.heading_level <= 1; }

// Under the title (in body sizes): a gap, the reading line, and where the margin note does not say it, the edition
// line, set apart from it (run on, the two read as one grey block to two fresh readers); then as much again before the
// first paragraph's own space.
// Without the margin, the way to the key follows the edition line, as it follows the margin note's (three fresh
// readers of stop 39 found no key from a phone's top; set before the edition line, it came before what it belongs to,
// said three of stop 40's).
constexpr float TitleLineGap = 0.3f, EditionGap = 0.5f, EditionKeyGap = 2.0f;
float EditionTop(const EssayView& view, float body) { return view.reading.height + body * EditionGap; }
float EditionKeyTop(const EssayView& view, float body) {
    return EditionTop(view, body) + view.edition.height + EditionKeyGap;
}
// (A phone's key link keeps no gap under it: its touch target's padding is gap enough.)
float TitleLinesHeight(const EssayView& view, float body) {
    return body * (view.phone ? 1.0f : 2.0f) * TitleLineGap +
           (view.margin_lane ? view.reading.height : EditionKeyTop(view, body) + ThemeMetrics.control_height);
}

// Who speaks on the cards, so "the editors" on a card is never a mystery: the edition's fine print, set after the
// last comment, so the essay starts with its title and its first words.
constexpr const char* Colophon =
    "This edition: the verdicts and notes on the objection cards, and the objections’ short titles, are by its "
    "editors. Every quotation, from the essay or from a reader, is verbatim.";
// The first-visit hint: what the marks in the margin are, in two short sentences (in one of forty words, it was hard
// going to a fresh reader of stop 51); its button opens the key, which says the rest. It follows the first marked
// passage, or stands beside it in the margin lane, and says what that passage is: where the essay quotes an objection
// (the seed's first), the passage is the objection, not what it challenges (two fresh readers of stop 43). It stands
// under the first passage's peek in the lane, or under the passage (and a phone's rows) in the column, and names
// the marks there. The marks read the objection's number (`label`, app::MarkerLabel), which the hint names, so it is
// not taken for a count.
// Where the first is one the essay quotes, the key says where a reader's objection is marked instead (at the passage
// it challenges): said here, the clause took three of stop 63's fresh readers two or three readings of the hint.
std::string HintText(doc::ObjectionSource first, bool lane, bool phone, const std::string& label) {
    const bool quoted = first == doc::ObjectionSource::QuotedInEssay;
    const bool one = label.find(',') == std::string::npos;
    const std::string which = (one ? "objection " : "objections ") + label;
    const std::string passage = lane ? "The passage at left" : "The passage above";
    // What the marks are first, in four words, then this passage, then how to open it: explained as its mechanism ("The
    // title above and the small 1 after the passage at left both point to objection 1: …"), the hint took all three of
    // stop 63's first fresh readers two or three readings, and all three asked for "numbered marks are objections".
    const std::string what = quoted ? passage + (one ? " is " : " are ") + which + ", quoted by the essay."
                                    : passage + " has " + which + " raised against it.";
    // "Open its title", in the lane, was an odd verb to a fresh reader of stop 63. Short: at six lines between two
    // paragraphs, with its buttons, it was long instructions in the middle of the essay to all three of stop 66's
    // second fresh readers.
    const std::string open = lane    ? " Click its title above, or the " + label + " after the passage,"
                             : phone ? " Tap the " + label + " or the title under it"
                                     : " Click the " + label + " after the passage or the circled " + label;
    // The verdict's measure said here, before any card: said only in the key, "addressed" read as "the essay is right"
    // to all three of stop 65's first fresh readers (on every card, it pushed a card's foot past a phone's window).
    return "Numbered marks are objections. " + what + open +
           " for the essay’s replies and the editors’ verdict: how far the essay speaks to it, not whether it is "
           "right.";
}
// The key explains the verdicts' scale as well (two fresh readers asked what the middle verdict was measured against),
// and under a note that has just said what the marks mean, "What the marks mean" read as the same thing again.
constexpr const char* HintKeyLabel = "Key to the marks and verdicts";
// The margin note beside the title on wide windows: the edition line, then the way to the key. The marks are
// explained where the reader first meets one, by the first-visit hint beside the first marked passage, as on a phone:
// keyed in the note, before any mark was on screen, they read as a manual before the essay to five fresh readers of
// stop 34, all nine of stops 38 and 39, and eight of stop 50's twelve, in every form tried (with the verdicts' scale,
// with one mark, with both in one sentence, with each beside its sample).
constexpr const char* NoteHeading = "This edition";
constexpr float HintPadding = 12.0f;
constexpr float HintGap = 0.9f;    // above the hint in the column, in body sizes
// A phone's row keeps this room at its left for its objection's number, as wide as the last objection's, so that the
// titles of a group's rows start in line.
float RowIndent(const Fonts& fonts, size_t objections) {
    return std::ceil(UiTextSize(fonts, Font_UiBold, std::to_string(objections)).x * ReferenceMarkScale) + 10.0f;
}

ImU32 LinkColour(uint32_t tag, ImU32 colour, const void* palette) {
    return (tag & doc::SpanStyle_Link) ? static_cast<const Palette*>(palette)->accent : colour;
}

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] layout: text per block (cached), positions per frame (cards move text)
// ---------------------------------------------------------------------------------------------------------------

constexpr float ReferenceMarkGap = 1.5f; // a hair of space between a passage's last mark and its number

// Where each marker group's number goes in the text and the room it takes, per block in text order, for the layouts;
// and each reader's objection's after their words in their comment.
void PlaceReferenceMarks(EssayView& view, const doc::Document& document, const Fonts& fonts,
                         std::vector<std::vector<text::Room>>& rooms) {
    view.reference_marks.assign(view.marks_in_text ? view.markers.size() : 0, {});
    view.quote_marks.assign(view.marks_in_text ? document.objections.size() : 0, {});
    rooms.assign(document.blocks.size(), {});
    const auto place = [&](EssayView::ReferenceMark& mark, const doc::Passage& passage, std::string label) {
        mark.after = app::ReferenceMarkAt(document.blocks[passage.block.index].text, passage);
        mark.label = std::move(label);
        mark.width = std::ceil(ReferenceMarkGap + UiTextSize(fonts, Font_UiBold, mark.label).x * ReferenceMarkScale);
        // Groups are in reading order, but two passages' marks may land on one place; each then follows the last.
        std::vector<text::Room>& block_rooms = rooms[passage.block.index];
        for (const text::Room& room : block_rooms)
            mark.dx += room.after == mark.after ? room.width : 0.0f;
        block_rooms.push_back({mark.after, mark.width});
    };
    for (size_t g = 0; g < view.reference_marks.size(); ++g)
        place(view.reference_marks[g], view.markers[g].anchor, app::MarkerLabel(view.markers[g]));
    // A reader's words that became an objection end in its number, as a marked passage does: with only the margin's
    // titles beside a paragraph, nothing in the comment showed which sentence each came from (two of stop 72's fresh
    // readers, 402 and 403).
    for (size_t k = 0; view.marks_in_text && k < view.quoted.size(); ++k)
        place(view.quote_marks[view.quoted[k].index], document.objection(view.quoted[k]).quote,
              std::to_string(view.quoted[k].index + 1));
    for (std::vector<text::Room>& block_rooms : rooms)
        std::stable_sort(block_rooms.begin(), block_rooms.end(),
                         [](const text::Room& a, const text::Room& b) { return a.after < b.after; });
}

void LayoutBlocks(EssayView& view, const doc::Document& document, const Fonts& fonts, float column_width) {
    const ImGuiFontMetrics metrics(fonts);
    std::vector<text::StyledRun> runs;
    std::vector<std::vector<text::Room>> rooms;
    PlaceReferenceMarks(view, document, fonts, rooms);
    view.layouts.resize(document.blocks.size());
    for (size_t i = 0; i < document.blocks.size(); ++i) {
        const doc::Block& block = document.blocks[i];
        if (block.kind == doc::BlockKind::Figure) {
            // The simulation figure's height is set every frame (LayOutFrame); other figures are not in the flow yet.
            view.layouts[i] = {};
            continue;
        }
        runs.clear();
        for (const doc::Span& span : block.spans)
            runs.push_back({{span.begin, span.end}, FontIdFor(RoleFor(block, span.style)), span.style});
        const FontRole base = RoleFor(block, doc::SpanStyle_None);
        text::LayoutSettings settings;
        const float right_indent = block.kind == doc::BlockKind::Quote ? QuoteRightIndent : 0.0f;
        settings.max_width = column_width - Indent(view, block) - right_indent;
        // Headings are set tighter than running text.
        settings.line_height_scale =
            LineHeightScale(base, block.kind == doc::BlockKind::Heading ? 1.25f : LineHeight, fonts);
        settings.fallback_font = FontIdFor(base);
        settings.keep_short_words = block.kind == doc::BlockKind::Heading;
        settings.avoid_widows = block.kind != doc::BlockKind::Heading;
        // The seed mixes "won't" with "it’s" in one sentence; set in one style, as a typesetter would. The document
        // keeps its bytes, so quotations, links and copies stay verbatim.
        settings.typographic_quotes = true;
        settings.rooms = rooms[i];
        text::LayoutParagraph(block.text, runs, settings, metrics, view.layouts[i]);
    }
    // Who speaks where: the reading line and the editors' one line under the title, and a label above each reader's
    // comment.
    LayoutPlain(doc::ReadingLine(document), Font_Ui, column_width, 1.45f, fonts, view.reading);
    // Where there is no margin for the note (a phone), the edition line under the title, with the way to the key under
    // it, where two fresh readers looked for what the marks are. Not a sentence on the marks as well: with it, a
    // phone's first words began half-way down its first screen (three of three fresh readers of stop 40); the
    // first-visit hint says what the marks are where the first one is.
    LayoutPlain(doc::EditionLine, Font_Ui, column_width, 1.45f, fonts, view.edition);
    LayoutPlain(Colophon, Font_Ui, column_width, 1.45f, fonts, view.colophon);
    view.comment_labels.assign(document.blocks.size(), {});
    for (size_t c = 0; c < document.comments.size(); ++c) {
        const doc::Comment& comment = document.comments[c];
        const std::string label = "Reader’s comment " + std::to_string(c + 1) +
                                  (comment.author.empty() ? std::string() : " · " + comment.author);
        if (comment.first.valid() && comment.first.index < document.blocks.size())
            LayoutPlain(label, Font_UiBold, column_width, 1.3f, fonts, view.comment_labels[comment.first.index]);
    }
    view.column_width = column_width;
    view.font_generation = fonts.generation;
    for (CardLayout& card : view.cards)
        card.font_generation = -1;
}

// Side margins of a narrow window. Between a phone's and a wide window's, the right one leaves room for the objection
// markers beside the text, so a marker never touches the window's edge. A phone has no markers beside the text (its
// marks in the text are its markers: DrawMarker), so its column takes the width but for 20 px on each side: with a
// gutter for the markers, a 320 px phone's column held 25 to 28 characters a line, named by four of stop 56's fresh
// readers, two of whom asked for the gutter to go.
float LeftMargin(const app::Viewport& vp) { return vp.width < PhoneBreakpoint ? 20.0f : 48.0f; }
float RightMargin(const app::Viewport& vp) { return vp.width < PhoneBreakpoint ? 20.0f : 56.0f; }

// Wide windows centre the column and its margin as one composition while the margin cards are on, and the column
// alone when they are off.
float ColumnWidth(const EssayView& view, const app::Viewport& vp) {
    if (view.wide)
        return MaxColumn;
    return std::max(120.0f, std::min(MaxColumn, vp.width - LeftMargin(vp) - RightMargin(vp)));
}

void ChooseGeometry(EssayView& view, const app::Viewport& vp, bool margin_cards) {
    view.wide = vp.width >= WideBreakpoint;
    view.margin_lane = view.wide && margin_cards;
    view.phone = vp.width < PhoneBreakpoint;
    view.peeks_in_column = view.phone && margin_cards;
    const float margin = LeftMargin(vp);
    if (view.wide) {
        const float card = std::min(MaxCardWidth, vp.width - margin * 2.0f - MaxColumn - MarginGap);
        const float total = margin_cards ? MaxColumn + MarginGap + card : MaxColumn;
        view.column_left = std::floor(std::max(margin, (vp.width - total) * 0.5f));
        view.card_width = card;
        view.card_left = view.column_left + MaxColumn + MarginGap;
    } else {
        const float column = std::max(120.0f, std::min(MaxColumn, vp.width - margin - RightMargin(vp)));
        view.column_left = std::floor(std::max(margin, (vp.width - column - RightMargin(vp) + margin) * 0.5f));
        view.card_width = column;
        view.card_left = view.column_left;
    }
    // With cards in the margin the figure spans the column and their lane (no card sits beside it: PositionFlow
    // keeps them clear); otherwise it widens about the column's centre, as far as the window's margins allow.
    const float column = ColumnWidth(view, vp);
    if (view.wide && margin_cards) {
        view.figure_left = view.column_left;
        view.figure_width = view.card_left + view.card_width - view.column_left;
    } else {
        // No marker sits beside the figure: on a phone it takes the same margin on both sides.
        const float room = view.phone ? vp.width - 2.0f * margin : vp.width - margin - RightMargin(vp);
        view.figure_width = std::max(column, std::min(MaxFigure, room));
        view.figure_left = std::floor(std::max(std::min(margin, view.column_left),
                                               view.column_left - (view.figure_width - column) * 0.5f));
    }
}

// Extra space above a block for what is set before it: a comment's label.
float LabelSpace(const EssayView& view, size_t i) {
    const text::Layout& label = view.comment_labels[i];
    return label.lines.empty() ? 0.0f : label.height + 6.0f;
}

// The top of an anchored passage's first line, inside its block.
float PassageTop(const EssayView& view, const doc::Passage& passage) {
    std::vector<text::Rect> rects;
    text::RangeRects(view.layouts[passage.block.index], passage.begin, passage.end, rects);
    return rects.empty() ? 0.0f : rects.front().y;
}

// Where a marker stands: right of the column, clear of its text (a phone's RightMargin counts the gap).
float MarkerLeft(const EssayView& view) {
    return view.column_left + view.column_width + (view.wide ? 12.0f : NarrowMarkerGap);
}

// A marker group's card is showing, opening or closing: its peeks give way to it.
bool GroupShowing(const EssayView& view, const app::MarkerGroup& group) {
    for (const doc::ObjectionId id : group.objections)
        if (id.index < view.card_reveal.size() && view.card_reveal[id.index] > 0.0f)
            return true;
    return false;
}
// A group's peeks, one under another; a group has at least one objection.
// A phone's rows share one touch target and stand closer together than the lane's titles.
float PeekSpacing(const EssayView& view) { return view.peeks_in_column ? 8.0f : 10.0f; }
float GroupPeekHeight(const EssayView& view, const app::MarkerGroup& group) {
    float height = -PeekSpacing(view);
    for (const doc::ObjectionId id : group.objections)
        height += view.peeks[id.index].height + PeekSpacing(view);
    return height;
}
// A phone's rows stand this close under their paragraph, closer than the next paragraph stands, so that they read as
// its footnotes, not as a paragraph of their own.
constexpr float RowGap = 8.0f;
// The room a marker group takes in the column under its paragraph, its cards at `reveal` (0..1 per objection): its
// shown cards, each after a gap, or while none shows, on a phone, its rows. A card opening from its row never takes
// less room than the rows did, so the text under it does not jump up before the card pushes it down.
float ColumnGroupRoom(const EssayView& view, const app::MarkerGroup& group, const std::vector<float>& reveal) {
    const float rows = view.peeks_in_column ? RowGap + GroupPeekHeight(view, group) : 0.0f;
    float cards = 0.0f;
    bool showing = false;
    for (const doc::ObjectionId id : group.objections)
        if (reveal[id.index] > 0.0f) {
            showing = true;
            cards += CardGap + view.cards[id.index].height * reveal[id.index];
        }
    return showing ? std::max(cards, rows) : rows;
}
// Where a group's peeks would start: their first line centred on the passage's first line, as its marker is, so the
// two read as one line: "① It was only one step; …".
float PeekTopBeside(const EssayView& view, const doc::Passage& passage, const CardPeek& peek) {
    const float block_top = view.block_top[passage.block.index];
    std::vector<text::Rect> rects;
    text::InkRects(view.layouts[passage.block.index], passage.begin, passage.end, rects);
    if (rects.empty())
        return block_top + PassageTop(view, passage);
    const float line = peek.title.lines.empty() ? 0.0f : peek.title.lines.front().height;
    return std::round(block_top + rects.front().y + (rects.front().height - line) * 0.5f);
}
float PeekDesiredTop(const EssayView& view, const app::MarkerGroup& group) {
    return PeekTopBeside(view, group.anchor, view.peeks[group.objections.front().index]);
}
// A reader's objection's peek beside their words in the comment, with the way to its passage under it.
constexpr float QuoteWayGap = 2.0f;
float QuotePeekHeight(const EssayView& view, uint32_t o) {
    return view.quote_peeks[o].height + QuoteWayGap + view.quote_way[o].height;
}
// A group's peeks stand beside its marker in the lane: placed after an open card, they may be pushed far below it,
// and the marker then shows only while pointed at or focused (DrawMarker), reading every number of its group.
bool PeeksBesideMarker(const EssayView& view, size_t g) {
    if (!view.margin_lane || g >= view.peek_top.size() || view.peek_top[g] < 0.0f)
        return false;
    const app::MarkerGroup& group = view.markers[g];
    return view.peek_top[g] - PeekDesiredTop(view, group) < GroupPeekHeight(view, group);
}

// The first-visit hint shows in the session it was first shown in, until dismissed or a card opens, while the marks
// it explains are on.
bool HintVisible(const EssayView& view, const app::AppState& state) {
    return view.hint_shown && state.only_figure.empty() && state.objections.mode == app::ObjectionsMode::Markers;
}

// The hint's box spans the column, or the cards' lane, where a card would open beside the passage.
float HintLeft(const EssayView& view) { return view.margin_lane ? view.card_left : view.column_left; }
float HintWidth(const EssayView& view) { return view.margin_lane ? view.card_width : view.column_width; }
void LayoutHint(EssayView& view, const doc::Document& d, const Fonts& fonts) {
    const float width = HintWidth(view);
    if (width == view.hint_width && view.margin_lane == view.hint_lane && view.phone == view.hint_phone &&
        fonts.generation == view.hint_generation)
        return;
    view.hint_width = width;
    view.hint_lane = view.margin_lane;
    view.hint_phone = view.phone;
    view.hint_generation = fonts.generation;
    if (view.markers.empty()) // no hint shows without a marked passage
        return;
    // The first marked passage's, in reading order, as DrawHint's mark.
    const app::MarkerGroup& group = view.markers.front();
    LayoutPlain(HintText(d.objection(group.objections.front()).source, view.margin_lane, view.phone,
                         app::MarkerLabel(group)),
                Font_Ui, width - 2.0f * HintPadding, 1.4f, fonts, view.hint_text);
}

// The text, then its two buttons on a row under it.
float HintHeight(const EssayView& view) {
    return view.hint_text.height + 8.0f + ThemeMetrics.control_height + 2.0f * HintPadding;
}

// The margin note beside the title: what this edition is, the way to the key, and under them a preview of the figure
// (the margin under the note was an empty rail to eight fresh readers of stops 41 and 42, and the figure's picture
// makes the essay's argument at a glance). Set like a sidenote, in the interface face and the muted ink, with no box:
// it is the editors'. (It listed the contents as well, to fill the margin; fresh readers found that the bar's menu said
// twice.) Each part's top below the note's, and the note's height: the cards' lane keeps clear of it.
constexpr float PreviewGap = 28.0f; // from the key's link to the figure's preview: a part of its own
struct NotePlaces {
    float edition, link, preview, height;
};
NotePlaces PlaceMarginNote(const EssayView& view, const Fonts& fonts) {
    NotePlaces at{};
    at.edition = UiTextSize(fonts, Font_UiBold, NoteHeading).y + 6.0f;
    at.link = at.edition + view.note_edition.height + 6.0f;
    at.preview = at.link + ThemeMetrics.control_height + PreviewGap;
    at.height = at.preview + view.preview_height;
    return at;
}

// An embed of one figure: the figure alone at the top, everything else out of the flow (far above, never drawn).
void PositionFigureOnly(EssayView& view, const app::AppState& state) {
    const doc::Document& d = state.document;
    constexpr float Margin = 8.0f, Away = -1e9f;
    view.content_height = 2.0f * Margin;
    for (size_t i = 0; i < d.blocks.size(); ++i) {
        const bool it = d.blocks[i].kind == doc::BlockKind::Figure && d.blocks[i].text == state.only_figure;
        view.block_top[i] = it ? Margin : Away;
        if (it)
            view.content_height += view.layouts[i].height;
    }
}

void PositionFlow(EssayView& view, const app::AppState& state, const Fonts& fonts) {
    const doc::Document& d = state.document;
    const float body = fonts.size_css[Font_Body];
    view.block_top.resize(d.blocks.size());
    view.card_top.assign(d.objections.size(), 0.0f);
    view.quote_peek_top.assign(d.objections.size(), -1.0f);
    if (!state.only_figure.empty())
        return PositionFigureOnly(view, state);
    // A phone's title starts a line and a half under the bar, not two and a half: with the edition line and the key's
    // link under it, the first words began 40% down a 390 × 844 screen (four fresh readers).
    float y = view.top_inset + body * (view.phone ? 1.5f : 2.5f);
    view.peek_top.assign(view.markers.size(), -1.0f);
    const doc::Block* previous = nullptr;
    for (size_t i = 0; i < d.blocks.size(); ++i) {
        const doc::Block& block = d.blocks[i];
        y += SpaceBefore(block, previous) * body + LabelSpace(view, i);
        view.block_top[i] = y;
        y += view.layouts[i].height;
        if (IsTitle(block))
            y += TitleLinesHeight(view, body);
        previous = &block;
        // In a narrow window an open card sits under its paragraph and pushes the text below it down. Closed, on a
        // phone, its titles stand there as rows, each after its number as the text has it, as a footnote's line
        // repeats its number: with the number in the text alone, a phone's closed objection had no title, first for
        // the cards to all six of stop 58's fresh readers. (As rows beside a marker circle and a number in the text,
        // three marks for one objection, they broke the essay to all three of stop 56's first; a phone has no circle
        // now, and a window wider than a phone keeps its circles and no rows.)
        for (size_t g = 0; !view.wide && g < view.markers.size(); ++g) {
            const app::MarkerGroup& group = view.markers[g];
            if (group.anchor.block.index != i)
                continue;
            if (view.peeks_in_column && !GroupShowing(view, group))
                view.peek_top[g] = y + RowGap;
            float top = y;
            for (const doc::ObjectionId o : group.objections)
                if (view.card_reveal[o.index] > 0.0f) {
                    view.card_top[o.index] = top + CardGap;
                    top += CardGap + view.cards[o.index].height * view.card_reveal[o.index];
                }
            y += ColumnGroupRoom(view, group, view.card_reveal);
        }
        // On a phone, under a comment's paragraph, a row for each of its sentences that became an objection.
        for (size_t k = 0; view.peeks_in_column && k < view.quoted.size(); ++k)
            if (const uint32_t o = view.quoted[k].index; d.objections[o].quote.block.index == i) {
                view.quote_peek_top[o] = y + RowGap;
                y += RowGap + QuotePeekHeight(view, o);
            }
        // The hint follows the first passage with a marker, where the reader first meets one (the markers are in
        // reading order, and the hint names the first's), not before the essay's first words; in the margin lane it
        // stands beside the passage, placed as a card would be (below), and moves no text.
        if (HintVisible(view, state) && !view.markers.empty() && view.markers.front().anchor.block.index == i) {
            view.hint_after = uint32_t(i);
            if (!view.margin_lane) {
                view.hint_top = y + body * HintGap;
                y = view.hint_top + HintHeight(view);
            }
        }
    }
    view.colophon_top = y + body * 2.5f;
    y = view.colophon_top + view.colophon.height;
    float bottom = y;
    if (view.wide) {
        // The figure spans the cards' lane, and the note beside the title heads it: cards keep clear of both.
        std::vector<app::MarginBlock> blocks;
        for (size_t i = 0; i < d.blocks.size(); ++i) {
            if (d.blocks[i].kind == doc::BlockKind::Figure && view.layouts[i].height > 0.0f)
                blocks.push_back({view.block_top[i], view.block_top[i] + view.layouts[i].height});
            if (view.margin_lane && IsTitle(d.blocks[i]))
                blocks.push_back({view.block_top[i], view.block_top[i] + view.note_height});
        }
        std::vector<app::MarginItem> items;
        std::vector<uint32_t> which;
        for (uint32_t o = 0; o < d.objections.size(); ++o) {
            if (view.card_reveal[o] <= 0.0f)
                continue;
            const doc::Passage& a = d.objections[o].anchor;
            items.push_back({view.block_top[a.block.index] + PassageTop(view, a), view.cards[o].height});
            which.push_back(o);
        }
        const std::vector<float> tops = app::PlaceMarginItems(items, CardGap, blocks);
        for (size_t k = 0; k < which.size(); ++k) {
            view.card_top[which[k]] = tops[k];
            bottom = std::max(bottom, tops[k] + items[k].height);
            blocks.push_back({tops[k], tops[k] + items[k].height});
        }
        // Then the closed groups' peeks, which give way to the open cards: a card stands where it did without them.
        // The first-visit hint comes last, under the first passage's peek (no card is open while it shows).
        items.clear();
        which.clear();
        for (uint32_t g = 0; view.margin_lane && g < view.markers.size(); ++g) {
            if (GroupShowing(view, view.markers[g]))
                continue;
            items.push_back({PeekDesiredTop(view, view.markers[g]), GroupPeekHeight(view, view.markers[g])});
            which.push_back(g);
        }
        const bool lane_hint = view.margin_lane && HintVisible(view, state) && !view.markers.empty();
        if (lane_hint)
            items.push_back({PeekDesiredTop(view, view.markers.front()), HintHeight(view)});
        const std::vector<float> peeks = app::PlaceMarginItems(items, CardGap, blocks);
        for (size_t k = 0; k < peeks.size(); ++k)
            blocks.push_back({peeks[k], peeks[k] + items[k].height});
        for (size_t k = 0; k < which.size(); ++k) {
            view.peek_top[which[k]] = peeks[k];
            bottom = std::max(bottom, peeks[k] + items[k].height);
        }
        if (lane_hint) {
            view.hint_top = peeks.back();
            bottom = std::max(bottom, view.hint_top + items.back().height);
        }
        // Last, beside the readers' comments, the peeks of the objections quoted from them, clear of everything else.
        items.clear();
        which.clear();
        std::vector<uint32_t> paragraph;
        for (size_t k = 0; view.margin_lane && k < view.quoted.size(); ++k) {
            const uint32_t o = view.quoted[k].index;
            items.push_back({PeekTopBeside(view, d.objections[o].quote, view.quote_peeks[o]), QuotePeekHeight(view, o)});
            which.push_back(o);
            paragraph.push_back(d.objections[o].quote.block.index);
        }
        // One paragraph's crowd stacks in the numbers' order even where one's words begin before another's that ends
        // first (words inside others).
        app::GatherCrowds(items, paragraph, CardGap);
        const std::vector<float> quotes = app::PlaceMarginItems(items, CardGap, blocks);
        for (size_t k = 0; k < which.size(); ++k) {
            view.quote_peek_top[which[k]] = quotes[k];
            bottom = std::max(bottom, quotes[k] + items[k].height);
        }
    }
    view.content_height = bottom + body * 4.0f;
}

// A card raised above its passage (to end above the figure) may open with its head under the bar: once it is placed,
// the page glides up just enough to show its top. A card already in view, or one on a phone (it opens in the text,
// under its passage), moves nothing.
void RevealOpenedCard(EssayView& view, app::AppState& state) {
    const doc::ObjectionId id = view.reveal_card;
    if (!id.valid() || id.index >= view.card_reveal.size() || view.card_reveal[id.index] <= 0.0f)
        return;
    view.reveal_card = {};
    const float top = view.card_top[id.index] - view.top_inset - 8.0f;
    if (view.wide && top < state.scroll.y)
        app::ScrollTo(state.scroll, top, !state.reduced_motion);
}

// Scrolls to the pending anchor now that block positions are known; an unknown id is dropped, never an error, since
// it may come from a stale link.
void ResolvePendingAnchor(EssayView& view, app::AppState& state) {
    app::PendingAnchor& anchor = state.pending_anchor;
    if (anchor.id.empty())
        return;
    const doc::Document& d = state.document;
    doc::BlockId block = d.FindBlock(anchor.id);
    if (!block.valid()) {
        const doc::SectionId section = d.FindSection(anchor.id);
        if (section.valid())
            block = d.section(section).first;
    }
    if (!block.valid()) {
        const doc::CommentId comment = d.FindComment(anchor.id);
        if (comment.valid())
            block = d.comment(comment).first;
    }
    if (block.valid() && block.index < view.block_top.size()) {
        // The figure's title begins at its block's top, where a line of text has leading above it: a jump to it
        // leaves some paper under the bar (not so much that the line before shows there). So does a jump to a
        // section's heading, set tight in its line: at the bar's edge it looked jammed under it to two of stop 55's
        // first fresh readers. A comment's first paragraph lands with its label over it, as a heading: at the
        // paragraph's top, "Reader's comment 1" stood under the bar (a fresh reader of stop 69).
        constexpr float FigureJumpGap = 12.0f, HeadingJumpGap = 16.0f;
        const doc::BlockKind kind = d.block(block).kind;
        const float label = LabelSpace(view, block.index);
        const float gap = kind == doc::BlockKind::Figure                     ? FigureJumpGap
                          : kind == doc::BlockKind::Heading || label > 0.0f ? HeadingJumpGap
                                                                             : 0.0f;
        float target = view.block_top[block.index] - label - view.top_inset - gap - anchor.offset;
        // An open card beside or under the passage ends inside the window where it can: the page then sits higher,
        // though never so high that the passage or the card's head goes under the bar, nor the title of the section
        // the passage opens where the card fits with it (a title cut in half by the bar reads as a fault; a card cut
        // at the window's foot hides its verdict). On a phone the card follows its passage in the text: the section's
        // title stays in view above them where the card's foot (its Copy link and Next) still fits the window.
        if (const doc::ObjectionId c = anchor.card; c.valid() && c.index < view.card_reveal.size() &&
                                                    view.card_reveal[c.index] > 0.0f) {
            constexpr float Margin = 16.0f;
            const float block_top = view.block_top[block.index];
            float titled_top = block_top;
            if (block.index > 0 && d.blocks[block.index - 1].kind == doc::BlockKind::Heading)
                titled_top = view.block_top[block.index - 1];
            const float card_top = view.card_top[c.index], card_bottom = card_top + view.cards[c.index].height;
            const float needed = card_bottom + Margin - state.viewport.height;
            const float titled = std::min(titled_top, card_top) - view.top_inset - Margin;
            const float highest = needed <= titled ? titled : std::min(block_top, card_top) - view.top_inset - Margin;
            if (!view.wide)
                target = titled;
            if (needed > target)
                target = std::min(needed, highest);
            // A margin card raised above its passage, to end above the figure, shows its head too (the third
            // objection's, once it quoted its reader's words, opened with its title under the bar).
            if (view.wide)
                target = std::min(target, card_top - view.top_inset - Margin);
            // Never the title cut by the bar's edge: where the window's top would fall inside it, the title goes
            // fully under the bar (the passage keeps the gap below it as its margin).
            if (titled_top < block_top) {
                const float title_bottom = titled_top + view.layouts[block.index - 1].height;
                const float top = target + view.top_inset;
                if (top > titled_top && top < title_bottom)
                    target = title_bottom - view.top_inset;
            }
        }
        app::ScrollTo(state.scroll, target, false);
    }
    anchor = {};
}

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] input: wheel, keyboard, scrollbar
// ---------------------------------------------------------------------------------------------------------------

void HandleScrollInput(const EssayView& view, app::AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    app::Scroll& scroll = state.scroll;
    const bool animate = !state.reduced_motion;
    if (io.MouseWheel != 0.0f && ImGui::IsWindowHovered())
        app::ScrollBy(scroll, -io.MouseWheel * WheelStep, animate);
    if (io.WantTextInput)
        return;
    const float page = std::max(40.0f, (state.viewport.height - view.top_inset) * 0.9f);
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); };
    // Space belongs to a focused control; without one it pages, as in a browser.
    const bool space = pressed(ImGuiKey_Space) && !(view.focus.visible && view.focus.focused != 0);
    if (pressed(ImGuiKey_PageDown) || (space && !io.KeyShift))
        app::ScrollBy(scroll, page, animate);
    if (pressed(ImGuiKey_PageUp) || (space && io.KeyShift))
        app::ScrollBy(scroll, -page, animate);
    if (pressed(ImGuiKey_DownArrow))
        app::ScrollBy(scroll, ArrowStep, animate);
    if (pressed(ImGuiKey_UpArrow))
        app::ScrollBy(scroll, -ArrowStep, animate);
    if (pressed(ImGuiKey_Home))
        app::ScrollTo(scroll, 0.0f, animate);
    if (pressed(ImGuiKey_End))
        app::ScrollTo(scroll, app::MaxScroll(scroll), animate);
}

// A thin bar at the right edge; the thumb can be dragged, and a click on the track jumps there. On a phone, where a
// finger scrolls the page itself, the thumb shows only while the page moves and fades out a second after.
void DrawScrollbar(EssayView& view, app::AppState& state, const Palette& palette, float dt, app::FrameReport& report) {
    app::Scroll& scroll = state.scroll;
    const float max_scroll = app::MaxScroll(scroll);
    if (max_scroll <= 0.0f)
        return;
    float fade = 1.0f;
    if (view.phone) {
        if (scroll.y != view.scrollbar_last_y)
            view.scrollbar_shown = 1.2f;
        view.scrollbar_last_y = scroll.y;
        view.scrollbar_shown = std::max(0.0f, view.scrollbar_shown - dt);
        fade = std::min(1.0f, view.scrollbar_shown / 0.3f);
        report.wants_frame = report.wants_frame || view.scrollbar_shown > 0.0f;
        if (fade <= 0.0f)
            return;
    }
    const float w = state.viewport.width;
    const float top = view.top_inset, h = state.viewport.height - view.top_inset;
    const float track_w = 12.0f;
    const float thumb_h = std::max(32.0f, h * h / scroll.content_height);
    const float thumb_y = top + (h - thumb_h) * (scroll.y / max_scroll);
    ImGui::SetCursorScreenPos(ImVec2(w - track_w, top));
    ImGui::InvisibleButton("##scrollbar", ImVec2(track_w, h));
    const float mouse_y = ImGui::GetIO().MousePos.y;
    if (ImGui::IsItemActivated()) {
        const bool on_thumb = mouse_y >= thumb_y && mouse_y <= thumb_y + thumb_h;
        view.scrollbar_grab_offset = on_thumb ? mouse_y - thumb_y : thumb_h * 0.5f;
    }
    view.scrollbar_held = ImGui::IsItemActive();
    if (view.scrollbar_held) {
        const float t = (mouse_y - top - view.scrollbar_grab_offset) / std::max(1.0f, h - thumb_h);
        app::ScrollTo(scroll, t * max_scroll, false);
    }
    const bool hot = view.scrollbar_held || ImGui::IsItemHovered();
    const float bar_w = hot ? 8.0f : 5.0f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(w - bar_w - 3.0f, thumb_y + 2.0f),
                                              ImVec2(w - 3.0f, thumb_y + thumb_h - 2.0f), Faded(palette.scrollbar, fade), 4.0f);
}

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] markers and cards
// ---------------------------------------------------------------------------------------------------------------

// Stable across frames: the window's id stack is the same each time this is asked.
ImGuiID MarkerId(size_t group) { return ImGui::GetID(reinterpret_cast<const void*>(static_cast<intptr_t>(group + 1))); }
// A reader's objection's peek beside their words (DrawQuotePeek), apart from every marker's id.
ImGuiID QuoteId(uint32_t objection) {
    return ImGui::GetID(reinterpret_cast<const void*>(static_cast<intptr_t>(objection) + 3000000));
}

// The faint bracket beside the column down a marked passage's lines, from `top` to `bottom` at `x`, its foot turned
// towards the text: a closed marker's (DrawMarker), and a reader's words' in their comment (DrawQuotePeek).
void DrawBracket(ImDrawList* list, const Palette& palette, float x, float top, float bottom) {
    const ImU32 faint = Faded(palette.marker, 0.7f);
    list->AddLine(ImVec2(x, top), ImVec2(x, bottom), faint, 1.0f);
    list->AddLine(ImVec2(x - 5.0f, bottom), ImVec2(x + 0.5f, bottom), faint, 1.0f);
}

// Where a reference mark (a passage's number after its last word, as a footnote's) is drawn in `layout` set at
// `block_origin`, and the box it answers to the pointer in, its line's height.
struct MarkPlace {
    ImVec2 at, min, max;
};
MarkPlace PlaceMark(const text::Layout& layout, ImVec2 block_origin, const EssayView::ReferenceMark& mark,
                    const Fonts& fonts) {
    // After the last glyph that starts before the mark; with none (a mark at the text's start, or a block without
    // glyphs), at the first line's start. A layout always has a line.
    const auto after = std::upper_bound(layout.glyphs.begin(), layout.glyphs.end(), mark.after,
                                        [](uint32_t at, const text::Glyph& g) { return at <= g.byte_offset; });
    const text::Glyph* glyph = after == layout.glyphs.begin() ? nullptr : &*std::prev(after);
    const text::Line& line = layout.lines[glyph ? text::LineIndexAt(layout, glyph->byte_offset) : 0];
    const float end = block_origin.x + (glyph ? glyph->x + glyph->advance : 0.0f) + mark.dx;
    MarkPlace place;
    place.at = ImVec2(end + ReferenceMarkGap,
                      std::round(block_origin.y + line.baseline - fonts.size_css[Font_Body] * 0.95f));
    place.min = ImVec2(place.at.x, block_origin.y + line.top);
    place.max = ImVec2(place.at.x + mark.width - ReferenceMarkGap, place.min.y + line.height);
    return place;
}

// An anchored passage's marks: its number in the text after its last word, as a footnote's, and beside the column its
// marker, a small circle with the same numbers, outlined at rest and filled while they are open (the bar's key
// explains both). On a phone the marker is the number in the text, and no circle stands beside the text. At rest the
// passage is left as the essay set it, underlined in a quiet grey only while its marker (or its peek) is pointed at or
// focused: underlined always, marked passages read as links to all three of stop 51's first fresh readers, and a
// quotation, with its rule and marker, as marked three times over. While its peek shows, a faint line down from the
// marker spans the passage's lines instead. Returns true when the marker or
// the number is clicked or activated.
bool DrawMarker(EssayView& view, app::AppState& state, app::FrameReport& report, const app::MarkerGroup& group,
                size_t index, ImVec2 block_origin, const Palette& palette, const Fonts& fonts, bool peek_pointed) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    std::vector<text::Rect> rects;
    const text::Layout& layout = view.layouts[group.anchor.block.index];
    const doc::Passage span = app::MarkedSpan(state.document.blocks[group.anchor.block.index].text, group.anchor);
    text::InkRects(layout, span.begin, span.end, rects);
    if (rects.empty())
        return false;
    bool shown = false;
    for (doc::ObjectionId id : group.objections)
        shown = shown || app::IsShown(state.objections, id);
    const std::string_view first = state.document.objection(group.objections.front()).id;
    const ImGuiID marker = MarkerId(index);
    Ui ui{state, report, view.focus, fonts, palette, false, marker, view.phone ? ThemeMetrics.touch_target : 0.0f};

    // The group's number in the text after its passage ties the marks to the words where the marker beside the column
    // ties them only to lines: a passage on one line has no bracket, and nothing marked where in its lines a passage
    // began or ended (first for the cards to all nine of stop 55's first fresh readers). Its box is its line's height.
    const EssayView::ReferenceMark* mark =
        index < view.reference_marks.size() && view.reference_marks[index].after > 0 ? &view.reference_marks[index]
                                                                                     : nullptr;
    // On a phone the number in the text is the marker, the control the keyboard and the page's API reach, with a
    // touch target about it (Interact). A circled number in a gutter beside the text as well narrowed a 320 px column
    // to 25 to 28 characters a line, and made a third mark for one objection, to stop 56's fresh readers. The number
    // is plain, as a footnote's: the verdict is the rows' to give, in words (DrawPeeks); with its verdict's mark in
    // the sentence as well ("time. ◐6 Help"), it was noise in the prose to two of stop 59's first fresh readers and
    // four of stop 58's.
    const bool in_text = mark && view.phone;
    const MarkPlace place = mark ? PlaceMark(layout, block_origin, *mark, fonts) : MarkPlace{};
    const ImVec2 mark_at = place.at, mark_min = place.min, mark_max = place.max;
    const bool beside = PeeksBesideMarker(view, index);
    // Beside the column, each of the group's numbers in a circle of its own, stacked down from the passage's first
    // line; beside its peeks in the lane, where each peek has its number beside its title (DrawPeeks), the first's
    // alone. As one capsule ("8,9") the pair was cryptic to all three of stop 55's second fresh readers; with the
    // first's alone wherever the lane shows, the second vanished from the screen to all three of its first, its peek
    // pushed below an open card. Each number is filled only while its own card shows: with the group's, the number of
    // a closed card beside an open one read as open to two of stop 62's first fresh readers, as the key says.
    const float radius = MarkerRadius, size = 2.0f * radius + 2.0f;
    const size_t numbers = beside ? 1 : group.objections.size();
    const float step = size + 4.0f, stack = size + step * float(numbers - 1);
    // Level with the passage's first line; or, beside its peeks raised to end above an open card, with the first
    // title's first line, so that the number heads its note (beside the title's second line, "⑫ … of sight", it read
    // as misplaced to four of stop 69's fresh readers). Its bracket then runs from it down the passage's lines.
    float at_y = std::round(block_origin.y + rects.front().y + (rects.front().height - size) * 0.5f);
    if (beside) {
        const float raised = PeekDesiredTop(view, group) - view.peek_top[index];
        const CardPeek& peek = view.peeks[group.objections.front().index];
        if (raised >= 1.0f && !peek.title.lines.empty())
            at_y = std::round(block_origin.y - view.block_top[group.anchor.block.index] + view.peek_top[index] +
                              (peek.title.lines.front().height - size) * 0.5f);
    }
    const ImVec2 at(MarkerLeft(view), at_y);
    bool hovered = false, held = false, mark_hovered = false, mark_pressed = false;
    ImGui::PushID(static_cast<int>(index) + 1000000);
    const bool pressed = in_text ? Interact(ui, "marker", first, mark_min, mark_max, hovered, held, marker)
                                 : Interact(ui, "marker", first, at, ImVec2(at.x + size, at.y + stack), hovered,
                                            held, marker);
    ImGui::PopID();
    // Beside a marker, a click on the number does what the marker's does; it adds no stop for the keyboard.
    if (mark && !in_text) {
        bool mark_held = false;
        mark_pressed = PointerTarget(ui, "mark", first, mark_min, mark_max, mark_hovered, mark_held);
        mark_hovered = mark_hovered || mark_held;
    }
    const bool pointed = hovered || held || mark_hovered || peek_pointed || HasFocus(view.focus, marker);
    // In the lane, a closed group whose titles an open card has pushed down the margin shows no marker beside the
    // card unless pointed at or focused (the keyboard still stops there): its number in the text marks it. Bare numbers
    // beside a card, their titles gone, read as orphans to two of stop 56's first fresh readers.
    const bool orphaned =
        view.margin_lane && !shown && index < view.peek_top.size() && view.peek_top[index] >= 0.0f && !beside;
    for (size_t n = 0; n < numbers && !in_text && (!orphaned || pointed); ++n)
        DrawMarkerGlyph(list, fonts, palette, ImVec2(at.x + size * 0.5f, at.y + size * 0.5f + step * float(n)), radius,
                        std::to_string(group.objections[n].index + 1),
                        app::IsShown(state.objections, group.objections[n]),
                        hovered || held || mark_hovered || peek_pointed,
                        VerdictColour(state.document.objection(group.objections[n]).status, palette));
    // Closed, in the column, or in the lane while its peek shows beside it, a group's marker reaches down the
    // passage's lines beside the column, as a bracket: with the title in the margin and nothing marking the text, all
    // three of stop 52's second fresh readers could not tell which sentence it challenged; with a faint underline at
    // rest, all three of stop 53's first found the paragraphs "a wall of links", and two could not tell which
    // underline was which title's. A passage on one line has no lines to span: its marker stands level with it, and
    // its number in the text marks where it ends (a faint underline there alone, f4d0bea, was a third kind of mark,
    // which all three of stop 53's last fresh readers could not decode).
    const bool bracket = !in_text && !shown && !orphaned && (!view.wide || beside);
    if (bracket && !pointed) {
        const text::Rect& last = rects.back();
        const float x = std::round(at.x + size * 0.5f) + 0.5f, bottom = block_origin.y + last.y + last.height - 4.0f;
        if (bottom > at.y + stack + 8.0f)
            DrawBracket(list, palette, x, at.y + stack + 4.0f, bottom);
    }
    // Open, the passage is tinted: the tint says "this is what the card beside is about". A red underline read as a
    // spell-checker's mark to two fresh readers. Line to line without a gap, as a reply's wash: set apart, the lines'
    // tints read as a stack of tags (a fresh reader). A whole paragraph is one tinted block: line by line, its ragged
    // ends read as a text selection to three more.
    // Where an open objection's reply quotes its passage whole, the reply's wash marks it: a tint over it as well made
    // a third colour, which all three of stop 55's first fresh readers asked about.
    bool washed = false;
    for (const doc::ObjectionId id : group.objections)
        for (const doc::Reply& reply : state.document.objection(id).replies)
            washed = washed || (view.card_reveal[id.index] > 0.0f && reply.passage.block == group.anchor.block &&
                                reply.passage.begin <= group.anchor.begin && reply.passage.end >= group.anchor.end);
    const bool tinted = shown && !washed;
    const bool whole = tinted && group.anchor.begin == 0 &&
                       group.anchor.end >= state.document.blocks[group.anchor.block.index].text.size();
    if (whole) {
        const text::Rect& last = rects.back();
        // Beside a margin card, never past the column's right edge and at most 2 px past its left, where the other
        // paragraphs start (6 px out, it stuck out to three of stop 65's fresh readers). With the card under it, the
        // tint is a band wider than the card by as much on each side, so its text is inset as the card's is: flush
        // with the column, the text touched the tint's left edge and the tint stopped short of the card's right, to
        // five of stop 72's fresh readers. On a phone that band runs from edge to edge of the screen. Beside a margin
        // card, a quotation's tint starts at its rule and spans the column: from its text's left, it began 20 px
        // after the rule, which three fresh readers saw as two marks out of register.
        const bool quote = state.document.blocks[group.anchor.block.index].kind == doc::BlockKind::Quote;
        const float column_right = view.column_left + view.column_width;
        float left = view.column_left, right = column_right;
        if (!view.wide) {
            // Between a phone's width and the lane's, the group's marker stands just right of the column: the band
            // reaches past it, as far on the left.
            const float band = view.phone ? std::min(view.column_left, 20.0f)
                                          : MarkerLeft(view) + 2.0f * MarkerRadius + 2.0f + 6.0f - column_right;
            left -= band;
            right += band;
        } else if (!quote) {
            float x0 = rects.front().x, x1 = x0;
            for (const text::Rect& r : rects) {
                x0 = std::min(x0, r.x);
                x1 = std::max(x1, r.x + r.width);
            }
            left = std::max(block_origin.x + x0 - 6.0f, view.column_left - 2.0f);
            right = std::min(block_origin.x + x1 + 6.0f, column_right);
        }
        const float pad = !view.wide ? 6.0f : 2.0f;
        const ImVec2 lo(left, block_origin.y + rects.front().y - pad);
        const ImVec2 hi(right, block_origin.y + last.y + last.height + pad);
        // A quotation's rule becomes the tint's left edge, as tall as the tint: inset in it, the shorter rule read as
        // a second edge (a fresh reader). In a band it stands at the column's edge, as tall as the band: a quotation
        // as a box the card's width over a paragraph as a band read as two kinds of tint (stop 73's reader 405). A
        // phone's band meets the screen's edges square.
        const ImDrawFlags corners = view.phone ? ImDrawFlags_RoundCornersNone
                                    : quote && view.wide ? ImDrawFlags_RoundCornersRight
                                                         : 0;
        list->AddRectFilled(lo, hi, palette.objection_tint, 4.0f, corners);
        if (quote)
            list->AddRectFilled(ImVec2(view.column_left, lo.y), ImVec2(view.column_left + QuoteRule, hi.y),
                                palette.quote_bar);
    } else if (tinted || (pointed && !shown)) {
        for (const text::Rect& r : rects) {
            const float x0 = block_origin.x + r.x, x1 = x0 + r.width, top = block_origin.y + r.y;
            if (tinted)
                list->AddRectFilled(ImVec2(x0 - 2.0f, top), ImVec2(x1 + 2.0f, top + r.height), palette.objection_tint,
                                    3.0f);
            else
                list->AddLine(ImVec2(x0, top + r.height - 3.0f), ImVec2(x1, top + r.height - 3.0f), palette.marker,
                              1.0f);
        }
    }
    // The number is muted at rest: the verdict's colour is the marker's and its title's (on a phone, its row's), and
    // coloured numbers in the text as well made the margin's side of the page busy to two of stop 57's first fresh
    // readers.
    if (mark)
        DrawUiText(list, fonts, Font_UiBold, mark_at, shown ? palette.accent : pointed ? palette.ink : palette.muted,
                   mark->label, ReferenceMarkScale);
    return pressed || mark_pressed;
}

void HandleCardClick(EssayView& view, app::AppState& state, doc::ObjectionId id, const CardClick& click,
                     ImGuiID marker) {
    const doc::Objection& o = state.document.objection(id);
    switch (click.action) {
    case CardAction::None: break;
    case CardAction::Close:
        // Not when Next, Previous or a link closes it: the page then goes to another place, which holding the text
        // here would undo.
        if (!view.wide && id.index < view.card_top.size() && id.index < view.card_held.size())
            view.card_held[id.index] = view.card_top[id.index] < state.scroll.y + view.top_inset;
        app::CloseObjection(state.objections, id);
        FocusOn(view.focus, marker);
        break;
    case CardAction::JumpToReply:
    case CardAction::JumpToQuote:
    case CardAction::ReadComment:
    case CardAction::SeeObjection: {
        const float from = state.scroll.y;
        if (click.action == CardAction::SeeObjection)
            app::ShowObjection(state, o.see);
        else
            JumpToPassage(view, state,
                          click.action == CardAction::JumpToReply ? o.replies[click.reply].passage : o.quote);
        state.jumped = true;
        state.objections.back_from = id;
        state.objections.back_scroll_y = from;
        state.objections.back_to_comment = false;
        break;
    }
    case CardAction::Previous:
    case CardAction::Next: {
        const doc::ObjectionId to = app::StepObjection(state, id, click.action == CardAction::Next ? 1 : -1);
        // A keyboard reader goes on from the marker of the card now open, as Close gives focus back to its own.
        for (size_t g = 0; g < view.markers.size() && view.focus.visible; ++g)
            if (const auto& ids = view.markers[g].objections; std::find(ids.begin(), ids.end(), to) != ids.end())
                FocusOn(view.focus, MarkerId(g));
        break;
    }
    case CardAction::TestInSimulation:
        // The content's preset ids are checked by the simulation; an unknown one still takes the reader there.
        app::ApplyPreset(state.sim, o.sim_test);
        state.sim.controls_open = true; // the preset is named, and what it sets said, in the controls' status
        state.pending_anchor = {"simulation", 0.0f};
        break;
    case CardAction::CopyLink:
        ImGui::SetClipboardText((state.page_url + "#" + o.id).c_str());
        view.toast = "Link copied";
        view.toast_time = 1.6f;
        break;
    }
}

// A pill at the bottom of the window while a jump can be undone (the same accent pill as the cards' jumps, on an
// opaque ground with a soft shadow, since text scrolls under it), and the "link copied" note.
void DrawFloatingNotes(EssayView& view, app::AppState& state, app::FrameReport& report, const Palette& palette,
                       const Fonts& fonts) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const app::Viewport& vp = state.viewport;
    if (state.objections.back_from.valid()) {
        Ui ui{state, report, view.focus, fonts, palette, true, 0, view.phone ? ThemeMetrics.touch_target : 0.0f};
        const Button back{.label = state.objections.back_to_comment ? "↩ Back to the comment" : "↩ Back to the objection",
                          .kind = "back",
                          .id = state.document.objection(state.objections.back_from).id, .look = ButtonLook::AccentPill};
        const float height = 36.0f;
        const ImVec2 size = ButtonSize(ui, back, height);
        const ImVec2 at(std::floor((vp.width - size.x) * 0.5f), vp.height - size.y - 20.0f);
        const float r = height * 0.5f;
        list->AddRectFilled(ImVec2(at.x - 1.0f, at.y + 2.0f), ImVec2(at.x + size.x + 1.0f, at.y + size.y + 4.0f),
                            palette.shadow, r + 1.0f);
        list->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), palette.card_background, r);
        if (DrawButton(ui, back, at, height)) {
            app::ScrollTo(state.scroll, state.objections.back_scroll_y, !state.reduced_motion);
            state.objections.back_from = {};
        }
    }
    if (view.toast != nullptr && view.toast_time > 0.0f) {
        text::Layout label;
        LayoutPlain(view.toast, Font_Ui, vp.width, 1.0f, fonts, label);
        const ImVec2 at(std::floor((vp.width - label.width) * 0.5f) - 12.0f, view.top_inset + 12.0f);
        list->AddRectFilled(at, ImVec2(at.x + label.width + 24.0f, at.y + label.height + 12.0f), palette.heading, 6.0f);
        DrawLayout(list, label, fonts, ImVec2(at.x + 12.0f, at.y + 6.0f), palette.card_background);
    }
}

// Returns how far the text at the window's top moves as cards above it open or close: in the column (a phone's),
// where a card pushes the text down, the page moves by as much, as a browser's scroll anchoring does (the card that
// Next left closed above the one it opened, and took that one's head above the window).
float AnimateCards(EssayView& view, const app::AppState& state, app::FrameReport& report, float dt) {
    const size_t n = state.document.objections.size();
    view.card_reveal.resize(n, 0.0f);
    view.card_held.resize(n, 0);
    const std::vector<float> before = view.card_reveal;
    for (uint32_t o = 0; o < n; ++o) {
        const float target = app::IsShown(state.objections, doc::ObjectionId{o}) ? 1.0f : 0.0f;
        float& t = view.card_reveal[o];
        if (state.reduced_motion || dt <= 0.0f)
            t = target;
        else
            t = target > t ? std::min(target, t + dt / RevealSeconds) : std::max(target, t - dt / RevealSeconds);
        report.wants_frame = report.wants_frame || t != target;
        if (target > 0.0f)
            view.card_held[o] = 0;
    }
    // Where a card was last frame is known only if it was shown then. A card its own Close closed with its head above
    // the window (card_held), or one wholly above it, keeps the text under it in place to the end, so the reader goes
    // on where the card ended rather than a card's height further down. Its group's whole room counts, the gap above
    // it too: left out, the text jumped by it as a card above the window finished closing.
    if (view.wide)
        return 0.0f;
    float moved = 0.0f;
    for (const app::MarkerGroup& group : view.markers) {
        bool above = false;
        for (const doc::ObjectionId id : group.objections) {
            const uint32_t o = id.index;
            above = above || (view.card_reveal[o] != before[o] && before[o] > 0.0f && o < view.card_top.size() &&
                              o < view.cards.size() &&
                              (view.card_held[o] ||
                               view.card_top[o] + view.cards[o].height * before[o] <= state.scroll.y + view.top_inset));
        }
        if (above)
            moved += ColumnGroupRoom(view, group, view.card_reveal) - ColumnGroupRoom(view, group, before);
    }
    return moved;
}

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] selection, copy and search
// ---------------------------------------------------------------------------------------------------------------

// The caret position under a point of the window, in the block nearest above it; false over a figure or nothing.
bool HitText(const EssayView& view, const app::AppState& state, ImVec2 point, app::TextPosition& out) {
    const float y = point.y + state.scroll.y;
    const auto after = std::upper_bound(view.block_top.begin(), view.block_top.end(), y);
    if (after == view.block_top.begin())
        return false;
    const uint32_t i = uint32_t(after - view.block_top.begin() - 1);
    const doc::Block& block = state.document.blocks[i];
    if (block.kind == doc::BlockKind::Figure)
        return false;
    out = {doc::BlockId{i},
           text::HitTest(view.layouts[i], point.x - view.column_left - Indent(view, block), y - view.block_top[i])};
    return true;
}

void Copy(EssayView& view, const std::string& text, const char* toast) {
    ImGui::SetClipboardText(text.c_str());
    view.toast = toast;
    view.toast_time = 1.6f;
}

// Pointer selection: press and drag over text, double-click for a word; Ctrl/Cmd+C copies the plain text. Touch
// never selects: a finger scrolls.
void HandleSelection(EssayView& view, app::AppState& state, const app::FrameInput& input, app::FrameReport& report) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool over_control = ImGui::IsAnyItemHovered() || io.MousePos.y < view.top_inset;
    app::TextPosition at;
    // Where the press happened, not where the pointer is by the frame that handles it: a fast drag moves on.
    if (io.MouseClicked[0] && !over_control && !input.touch_pointer && ImGui::IsWindowHovered() &&
        HitText(view, state, ImVec2(input.press_x, input.press_y), at)) {
        if (input.press_clicks >= 2) { // timed by SDL from the events, not by how fast frames come
            const text::ByteRange word = text::WordAt(state.document.block(at.block).text, at.offset);
            state.selection = {{at.block, word.begin}, {at.block, word.end}};
            view.selecting = false;
        } else {
            state.selection = {at, at};
            view.selecting = true;
        }
    }
    if (view.selecting) {
        if (io.MouseDown[0] && HitText(view, state, io.MousePos, at))
            state.selection.focus = at;
        if (!io.MouseDown[0])
            view.selecting = false;
        report.wants_frame = true;
    }
    const bool command = io.KeyCtrl || io.KeySuper;
    if (command && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C), false) && !io.WantTextInput &&
        !app::IsEmpty(state.selection))
        Copy(view, app::SelectedText(state.selection, state.document), "Copied");
}

void GoToCurrentMatch(EssayView& view, app::AppState& state) {
    const app::Search& search = state.search;
    if (!search.matches.empty())
        JumpToPassage(view, state, search.matches[search.current]);
}

// Ctrl/Cmd+F (the platform sets FrameInput::search_requested) opens a search field under the bar: the match count, Enter and Shift+Enter for the next and previous
// match, Esc to close. The browser's own find (its menu) still searches the page's HTML essay.
void DrawSearch(EssayView& view, app::AppState& state, const app::FrameInput& input, app::FrameReport& report,
                const Fonts& fonts) {
    const ImGuiIO& io = ImGui::GetIO();
    app::Search& search = state.search;
    if (input.search_requested) {
        search.open = true;
        view.focus_search_field = true;
    }
    if (!search.open)
        return;
    const Palette& palette = PaletteFor(state.theme);
    const float width = std::min(360.0f, state.viewport.width - 16.0f);
    ImGui::SetNextWindowPos(ImVec2(state.viewport.width - width - 8.0f, view.top_inset + 6.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10.0f, 8.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, ThemeMetrics.hairline);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ThemeMetrics.card_rounding);
    // The ground is the theme's card colour, drawn first, as for the bar's menus.
    ImGui::Begin("##search", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::GetWindowDrawList()->AddRectFilled(ImGui::GetWindowPos(),
                                              ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                                     ImGui::GetWindowPos().y + ImGui::GetWindowSize().y),
                                              palette.card_background, ThemeMetrics.card_rounding);
    ImGui::PushFont(fonts.font[Font_Ui]);
    if (view.focus_search_field) {
        ImGui::SetKeyboardFocusHere();
        view.focus_search_field = false;
        report.wants_frame = true;
    }
    ImGui::SetNextItemWidth(width - 130.0f);
    const bool changed = ImGui::InputTextWithHint("##query", "Find in the essay", view.search_input,
                                                  sizeof view.search_input);
    if (changed) {
        search.query = view.search_input;
        app::UpdateSearch(search, state.document);
        GoToCurrentMatch(view, state);
    }
    // Enter ends ImGui's editing of the field; step to the next match and give the field the keyboard back.
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
    if (enter && (ImGui::IsItemActive() || ImGui::IsItemDeactivated())) {
        app::StepSearch(search, io.KeyShift);
        GoToCurrentMatch(view, state);
        view.focus_search_field = true;
    }
    ImGui::SameLine();
    if (search.query.empty())
        ImGui::TextDisabled("Type to search");
    else if (search.matches.empty())
        ImGui::TextUnformatted("No matches");
    else
        ImGui::Text("%zu of %zu", search.current + 1, search.matches.size());
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(3);
    if (escape) {
        search.open = false;
        search.matches.clear();
    }
}

// Selection and search-match backgrounds of one block, drawn under its text.
void DrawTextMarks(ImDrawList* list, const EssayView& view, const app::AppState& state, uint32_t i, ImVec2 origin,
                   const Palette& palette) {
    std::vector<text::Rect> rects;
    auto fill = [&](uint32_t begin, uint32_t end, ImU32 col) {
        text::RangeRects(view.layouts[i], begin, end, rects);
        for (const text::Rect& r : rects)
            list->AddRectFilled(ImVec2(origin.x + r.x, origin.y + r.y),
                                ImVec2(origin.x + r.x + r.width, origin.y + r.y + r.height), col);
    };
    uint32_t begin = 0, end = 0;
    if (app::RangeInBlock(state.selection, doc::BlockId{i}, state.document, begin, end))
        fill(begin, end, palette.selection);
    const app::Search& search = state.search;
    if (!search.open)
        return;
    for (size_t m = 0; m < search.matches.size(); ++m)
        if (search.matches[m].block.index == i)
            fill(search.matches[m].begin, search.matches[m].end, m == search.current ? palette.highlight : palette.match);
}

// On a hovered paragraph, a "#" in the left margin copies a link to it.
void DrawParagraphLink(EssayView& view, const app::AppState& state, app::FrameReport& report, const doc::Block& block,
                       ImVec2 origin, float height, const Palette& palette, const Fonts& fonts) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (view.column_left < 30.0f || mouse.y < origin.y || mouse.y > origin.y + height ||
        mouse.x < view.column_left - 40.0f || mouse.x > view.column_left + view.column_width)
        return;
    text::Layout mark;
    LayoutPlain("#", Font_UiBold, 40.0f, 1.0f, fonts, mark);
    const ImVec2 at(view.column_left - 28.0f, origin.y + 4.0f);
    ImGui::SetCursorScreenPos(at);
    ImGui::PushID(block.id.c_str());
    const bool clicked = ImGui::InvisibleButton("##link", ImVec2(20.0f, 22.0f));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    DrawLayout(ImGui::GetWindowDrawList(), mark, fonts, ImVec2(at.x + 5.0f, at.y + 2.0f), hovered ? palette.accent : palette.muted);
    report.controls.push_back({"paragraph-link", block.id, at.x, at.y, 20.0f, 22.0f});
    if (hovered)
        ImGui::SetTooltip("Copy a link to this paragraph");
    if (clicked)
        Copy(view, state.page_url + "#" + block.id, "Link to the paragraph copied");
}

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] one frame: lay out, then draw blocks, then markers and cards
// ---------------------------------------------------------------------------------------------------------------

// Geometry, text and card layouts (rebuilt only when their width or fonts changed), card animation and positions.
void LayOutFrame(EssayView& view, app::AppState& state, app::FrameReport& report, const Fonts& fonts, float dt) {
    const app::Viewport& vp = state.viewport;
    const doc::Document& d = state.document;
    const bool whole_essay = state.only_figure.empty();
    view.top_inset = whole_essay ? ReaderBarHeight : 0.0f;
    ChooseGeometry(view, vp, whole_essay && state.objections.mode != app::ObjectionsMode::Hidden);
    if (!view.hint_decided) { // the settings are loaded before the first frame
        view.hint_decided = true;
        view.hint_shown = !state.settings.hint_seen;
    }
    // A reader who has opened a card knows what the marks do: the hint would tell them to do what they just did. In the
    // column a hint above the window takes its room with it, and the page follows, so the text in view stays put (a
    // card opened further down jumped up by the hint's height).
    float anchor_shift = 0.0f;
    if (app::AnyOpen(state.objections) && view.hint_shown) {
        if (HintVisible(view, state) && !view.margin_lane &&
            view.hint_top + HintHeight(view) < state.scroll.y + view.top_inset)
            anchor_shift -= fonts.size_css[Font_Body] * HintGap + HintHeight(view);
        view.hint_shown = false;
    }
    if (view.markers.empty() && !d.objections.empty()) {
        view.markers = app::GroupMarkers(d);
        // The readers' objections in the order of their words in the comments, the order they stand in and focus
        // follows, as each set of words ends in its number (PlaceReferenceMarks): in the numbers' order, beside one
        // paragraph the margin ran 8, 9, 13 against the words' 13, 9, 8, to three of stop 73's fresh readers. (Before
        // the words had their numbers, the words' order read as a sorting bug to all six of stop 68's.) In the lane a
        // crowd of them stacks from its first words (PositionFlow).
        for (uint32_t o = 0; o < d.objections.size(); ++o)
            if (d.objections[o].source == doc::ObjectionSource::ReaderComment)
                view.quoted.push_back(doc::ObjectionId{o});
        // By where each number stands (app::ReferenceMarkAt), so that words inside others keep the numbers' order.
        const auto mark_at = [&d](doc::ObjectionId o) {
            const doc::Passage& quote = d.objection(o).quote;
            return std::pair(quote.block.index, app::ReferenceMarkAt(d.blocks[quote.block.index].text, quote));
        };
        std::stable_sort(view.quoted.begin(), view.quoted.end(),
                         [&](doc::ObjectionId a, doc::ObjectionId b) { return mark_at(a) < mark_at(b); });
    }
    const float column = ColumnWidth(view, vp);
    const bool marks_in_text = whole_essay && state.objections.mode != app::ObjectionsMode::Hidden;
    if (column != view.column_width || fonts.generation != view.font_generation ||
        view.layouts.size() != d.blocks.size() || marks_in_text != view.marks_in_text) {
        view.marks_in_text = marks_in_text;
        LayoutBlocks(view, d, fonts, column);
    }
    if (view.margin_lane && (view.note_width != view.card_width || view.note_generation != fonts.generation)) {
        view.note_width = view.card_width;
        view.note_generation = fonts.generation;
        LayoutPlain(doc::EditionLine, Font_Ui, view.card_width, 1.45f, fonts, view.note_edition);
        view.preview_height = SimPreviewHeight(fonts, view.card_width);
        view.note_height = PlaceMarginNote(view, fonts).height;
    }
    LayoutHint(view, d, fonts);
    // The figure's height follows its width (which may change while the column's does not) and grows while its
    // guided path is on (room for the steps' captions): set here, every frame, and nowhere else.
    for (size_t i = 0; i < d.blocks.size(); ++i) {
        if (!doc::IsSimulation(d.blocks[i]))
            continue;
        const FigureExtent figure = SimFigureExtent(view.sim, state.sim, fonts, view.figure_width, state.reduced_motion);
        view.layouts[i].height = figure.height;
        // A caption, a key or a status sentence that grew or shrank above the window (a phone's caption, when a
        // preset below the maps changes one panel; the key's note, when the knockout starts or ends) moves the page by
        // as much, so what the reader is looking at stays put, as a browser's scroll anchoring does. Each lies below
        // the one before: its end moved by all above it.
        const FigureExtent& old = view.figure_extent;
        if (old.caption_bottom > 0.0f && i < view.block_top.size()) {
            const float top = view.block_top[i];
            anchor_shift += top + old.status_bottom < state.scroll.y    ? figure.status_bottom - old.status_bottom
                            : top + old.key_bottom < state.scroll.y     ? figure.key_bottom - old.key_bottom
                            : top + old.caption_bottom < state.scroll.y ? figure.caption_bottom - old.caption_bottom
                                                                        : 0.0f;
        }
        view.figure_extent = figure;
    }
    // The peeks before the cards' animation, which weighs the room of the rows that a closing card gives back.
    const bool peeks = view.margin_lane || view.peeks_in_column;
    const float peek_width =
        peeks ? view.card_width - (view.peeks_in_column ? RowIndent(fonts, d.objections.size()) : 0.0f) : 0.0f;
    if (peeks) {
        view.peeks.resize(d.objections.size());
        view.quote_peeks.resize(d.objections.size());
        for (uint32_t o = 0; o < d.objections.size(); ++o)
            BuildCardPeek(view.peeks[o], d, doc::ObjectionId{o}, peek_width, view.peeks_in_column, false, fonts);
        for (const doc::ObjectionId o : view.quoted)
            BuildCardPeek(view.quote_peeks[o.index], d, o, peek_width, view.peeks_in_column, true, fonts);
    }
    // The way under a reader's objection's peek beside their words, as wide as the peek; laid out again only when that
    // width or the fonts change. The passage's place (in “Circular Logic” ↑) keeps to one line: a fresh reader of stop
    // 68 named its split after "Circular" among the page's faults. A phone's row has its number at its left, as the
    // essay's rows do (DrawQuotePeek), where the lane has "Objection 13 of 14, from this comment".
    if (view.quote_way.size() != d.objections.size() || view.quote_way_width != peek_width ||
        view.quote_way_generation != fonts.generation) {
        view.quote_way.assign(d.objections.size(), {});
        view.quote_way_width = peek_width;
        view.quote_way_generation = fonts.generation;
        for (uint32_t o = 0; peeks && o < d.objections.size(); ++o) {
            const doc::Objection& objection = d.objections[o];
            if (objection.source != doc::ObjectionSource::ReaderComment)
                continue;
            LayoutPlain("It challenges a passage " +
                            text::GlueSpaces(app::WayToPassage(d, objection.quote.block, objection.anchor.block)),
                        Font_Ui, peek_width, 1.3f, fonts, view.quote_way[o]);
        }
    }
    view.cards.resize(d.objections.size());
    anchor_shift += AnimateCards(view, state, report, dt);
    for (uint32_t o = 0; o < d.objections.size(); ++o) {
        CardLayout& card = view.cards[o];
        if (view.card_reveal[o] > 0.0f &&
            (card.width != view.card_width || card.wide != view.wide || card.font_generation != fonts.generation))
            BuildCardLayout(card, d, doc::ObjectionId{o}, view.card_width, view.wide, fonts);
    }
    PositionFlow(view, state, fonts);
    app::Relayout(state.scroll, view.content_height, vp.height, anchor_shift);
    RevealOpenedCard(view, state);
    ResolvePendingAnchor(view, state);
}

// What every block of one frame is drawn against.
struct FrameDraw {
    const app::FrameInput& input;
    app::FrameReport& report;
    const Palette& palette;
    ImDrawList* list;
    float scroll_y;
    float near_top, near_bottom; // content y: a screen of slack either side, so focus meets what is just off screen
    bool markers;                // objection markers are on
    bool any_text = false;       // some essay text (or the figure) is on screen
};

// A fading wash over a passage of a block: a jump's target, or a reply's passage while its card is open.
void Wash(ImDrawList* list, const text::Layout& layout, const doc::Passage& passage, ImVec2 origin, ImU32 colour) {
    std::vector<text::Rect> rects;
    text::InkRects(layout, passage.begin, passage.end, rects);
    for (const text::Rect& r : rects)
        list->AddRectFilled(ImVec2(origin.x + r.x - 2, origin.y + r.y),
                            ImVec2(origin.x + r.x + r.width + 2, origin.y + r.y + r.height), colour, 3.0f);
}

// The reading line under the title and, where no margin note says it, the editors' line and the way to the key;
// `title_end` is the title's foot on screen.
void DrawTitleLines(EssayView& view, app::AppState& state, const Fonts& fonts, const FrameDraw& f, float title_end) {
    const float body = fonts.size_css[Font_Body];
    const float y = title_end + body * TitleLineGap;
    DrawLayout(f.list, view.reading, fonts, ImVec2(view.column_left, y), f.palette.muted);
    if (view.margin_lane)
        return;
    DrawLayout(f.list, view.edition, fonts, ImVec2(view.column_left, y + EditionTop(view, body)), f.palette.muted);
    Ui ui{state, f.report, view.focus, fonts, f.palette, false, 0, view.phone ? ThemeMetrics.touch_target : 0.0f};
    const Button key{.label = HintKeyLabel, .kind = "key", .id = "edition", .look = ButtonLook::Link};
    if (DrawButton(ui, key, ImVec2(view.column_left - TextButtonPadding, y + EditionKeyTop(view, body)),
                   ThemeMetrics.control_height))
        view.bar.key_requested = true;
}

// The label and rule that set a reader's comment apart from the essay.
void DrawCommentMarks(const EssayView& view, const doc::Block& block, size_t i, ImVec2 origin, const Fonts& fonts,
                      const FrameDraw& f) {
    if (!block.comment.valid())
        return;
    const text::Layout& label = view.comment_labels[i];
    if (!label.lines.empty())
        DrawLayout(f.list, label, fonts, ImVec2(view.column_left + CommentIndent, origin.y - label.height - 6.0f),
                   f.palette.muted);
    const float x = view.column_left + 2.0f;
    f.list->AddRectFilled(ImVec2(x, origin.y + 4.0f), ImVec2(x + 2.0f, origin.y + view.layouts[i].height - 2.0f),
                          f.palette.card_border);
}

void DrawBlock(EssayView& view, app::AppState& state, const Fonts& fonts, FrameDraw& f, size_t i, ImVec2 origin) {
    const doc::Document& d = state.document;
    const doc::Block& block = d.blocks[i];
    const text::Layout& layout = view.layouts[i];
    const app::Viewport& vp = state.viewport;
    const float y = view.block_top[i];
    // The page's HTML essay has keyboard focus here (a screen reader's or keyboard reader's place): ring it.
    if (!f.input.dom_focus.empty() && block.id == f.input.dom_focus) {
        const bool figure = block.kind == doc::BlockKind::Figure;
        const float x0 = figure ? view.figure_left : origin.x, x1 = x0 + (figure ? view.figure_width : view.column_width);
        f.list->AddRect(ImVec2(x0 - 6.0f, origin.y - 4.0f), ImVec2(x1 + 6.0f, origin.y + layout.height + 4.0f),
                        ImGui::GetColorU32(ImGuiCol_NavHighlight), 4.0f, 0, ThemeMetrics.focus_width);
    }
    if (block.kind == doc::BlockKind::Figure) {
        if (block.text != "simulation")
            return;
        Ui ui{state, f.report, view.focus, fonts, f.palette, false, 0, view.phone ? ThemeMetrics.touch_target : 0.0f};
        DrawSimFigure(view.sim, ui, ImVec2(view.figure_left, origin.y), view.figure_width);
        // A page opened at the figure shows no prose at first, and is ready all the same.
        f.any_text = f.any_text || (y + layout.height >= f.scroll_y && y <= f.scroll_y + vp.height);
        return;
    }
    DrawTextMarks(f.list, view, state, uint32_t(i), origin, f.palette);
    if (block.kind == doc::BlockKind::Paragraph)
        DrawParagraphLink(view, state, f.report, block, origin, layout.height, f.palette, fonts);
    if (view.highlight_time > 0.0f && view.highlight.block.index == i)
        Wash(f.list, layout, view.highlight, origin, Faded(f.palette.highlight, view.highlight_time / 0.6f));
    if (f.markers)
        for (uint32_t o = 0; o < d.objections.size(); ++o) {
            const doc::Objection& objection = d.objections[o];
            for (uint32_t r = 0; r < objection.replies.size() && view.card_reveal[o] > 0.0f; ++r)
                if (objection.replies[r].passage.block.index == i)
                    Wash(f.list, layout, objection.replies[r].passage, origin,
                         Faded(f.palette.reply_wash, view.card_reveal[o]));
        }
    if (y + layout.height < f.scroll_y || y > f.scroll_y + vp.height)
        return;
    DrawLayout(f.list, layout, fonts, origin, block.kind == doc::BlockKind::Heading ? f.palette.heading : f.palette.ink,
               0.0f, vp.height, LinkColour, &f.palette);
    if (block.kind == doc::BlockKind::Quote)
        f.list->AddRectFilled(ImVec2(origin.x - QuoteIndentOf(view), origin.y + 4.0f),
                              ImVec2(origin.x - QuoteIndentOf(view) + QuoteRule, origin.y + layout.height - 4.0f),
                              f.palette.quote_bar);
    if (IsTitle(block))
        DrawTitleLines(view, state, fonts, f, origin.y + layout.height);
    DrawCommentMarks(view, block, i, origin, fonts, f);
    f.any_text = f.any_text || !block.text.empty();
}

// A phone's row's number at its left, in the room RowIndent keeps, level with its title's first line (`line` tall).
void DrawRowNumber(const FrameDraw& f, const Fonts& fonts, uint32_t objection, ImVec2 at, float line, bool pointed) {
    const std::string number = std::to_string(objection + 1);
    const float number_h = UiTextSize(fonts, Font_UiBold, number).y * ReferenceMarkScale;
    DrawUiText(f.list, fonts, Font_UiBold, ImVec2(at.x, std::round(at.y + (line - number_h) * 0.5f)),
               pointed ? f.palette.ink : f.palette.muted, number, ReferenceMarkScale);
}

// In the lane, a peek going under the bar fades out as its title's first line goes: once the title was hidden, its
// verdict's line stood alone at the window's top ("○ not addressed  See why" beside the comments' label), read as a
// broken fragment by all three of stop 71's first fresh readers. A phone's rows are in the column and scroll as text.
float UnderBarFade(const EssayView& view, float top) {
    constexpr float Span = 24.0f; // about a title's first line
    return view.peeks_in_column ? 1.0f : std::clamp((top - view.top_inset) / Span + 1.0f, 0.0f, 1.0f);
}

// A marker group's peeks while its cards are closed, in the lane or as a phone's rows: one target for the pointer,
// which opens them as the marker does, and is `pointed` while over it (a phone's is a touch target tall, reaching
// into the space under it more than into its paragraph). The keyboard opens them from the marker, so the peeks add no
// stop to the focus ring. Returns true when clicked.
bool DrawPeeks(EssayView& view, app::AppState& state, const Fonts& fonts, const FrameDraw& f, size_t g, bool& pointed) {
    const app::MarkerGroup& group = view.markers[g];
    const float top = g < view.peek_top.size() ? view.peek_top[g] : -1.0f;
    const float height = top >= 0.0f ? GroupPeekHeight(view, group) : 0.0f;
    if (top < 0.0f || top + height < f.near_top || top > f.near_bottom)
        return false;
    const ImVec2 min(view.card_left, std::floor(top - f.scroll_y)), max(min.x + view.card_width, min.y + height);
    const float reach = view.phone ? std::max(0.0f, ThemeMetrics.touch_target - height) : 0.0f;
    const float above = std::min(reach, RowGap);
    const ImVec2 hit_min(min.x, min.y - above), hit_max(max.x, max.y + reach - above);
    const doc::Document& d = state.document;
    ImGui::PushID("peek");
    ImGui::PushID(static_cast<int>(g));
    ImGui::SetCursorScreenPos(hit_min);
    const bool clicked = ImGui::InvisibleButton("##peek", ImVec2(hit_max.x - hit_min.x, hit_max.y - hit_min.y));
    pointed = ImGui::IsItemHovered() || ImGui::IsItemActive();
    const ImGuiID id = ImGui::GetID("##peek"); // the button's; never in the focus ring, so never reported as focused
    ImGui::PopID();
    ImGui::PopID();
    if (pointed)
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ReportControl(f.report, state.viewport, view.focus, id, "peek", d.objection(group.objections.front()).id, hit_min,
                  hit_max);
    // Each peek has its number, level with its title's first line: in the lane where a marker stands (the group's
    // marker reads the first's, beside it: DrawMarker); in a phone's row at its left, as the text has it.
    const float radius = MarkerRadius, centre_x = MarkerLeft(view) + radius + 1.0f;
    // A row's title after the room its number keeps (LayOutFrame laid the peeks out that much narrower).
    const float text_x = min.x + view.card_width - view.peeks[group.objections.front().index].width;
    float y = min.y;
    for (const doc::ObjectionId o : group.objections) {
        const CardPeek& peek = view.peeks[o.index];
        const doc::ObjectionStatus status = d.objection(o).status;
        const float line = peek.title.lines.empty() ? 0.0f : peek.title.lines.front().height;
        const int drawn_from = f.list->VtxBuffer.Size;
        if (view.peeks_in_column) {
            DrawRowNumber(f, fonts, o.index, ImVec2(min.x, y), line, pointed);
        } else if (o != group.objections.front() && line > 0.0f) {
            DrawMarkerGlyph(f.list, fonts, f.palette, ImVec2(centre_x, std::round(y + line * 0.5f)), radius,
                            std::to_string(o.index + 1), false, pointed, VerdictColour(status, f.palette));
        }
        DrawCardPeek(f.list, peek, fonts, f.palette, status, ImVec2(text_x, y), pointed);
        FadeSince(f.list, drawn_from, UnderBarFade(view, y));
        y += peek.height + PeekSpacing(view);
    }
    return clicked;
}

// Opens a reader's objection's card at the passage it challenges, from their comment, with the way back to it.
void OpenFromComment(app::AppState& state, uint32_t o) {
    const float from = state.scroll.y;
    app::ShowObjection(state, doc::ObjectionId{o});
    state.jumped = true;
    state.objections.back_from = doc::ObjectionId{o};
    state.objections.back_scroll_y = from;
    state.objections.back_to_comment = true;
}

// A reader's objection's number after their words in their comment, as a marked passage's follows it: muted at rest,
// in the ink while pointed at, in the accent while its card shows. A click does what its title's does. Where its title
// stands (in the lane, or as a phone's row) the title is the keyboard's stop ("from-comment") and the number adds none;
// between a phone's width and the lane's there is no title, and the number is the stop.
void DrawQuoteMark(EssayView& view, app::AppState& state, const Fonts& fonts, const FrameDraw& f, uint32_t o,
                   ImVec2 block_origin) {
    if (o >= view.quote_marks.size() || view.quote_marks[o].after == 0)
        return;
    const doc::Objection& objection = state.document.objections[o];
    const EssayView::ReferenceMark& mark = view.quote_marks[o];
    const MarkPlace place = PlaceMark(view.layouts[objection.quote.block.index], block_origin, mark, fonts);
    // Near the window as the focus ring's other stops are, so Tab reaches one just off screen.
    if (place.max.y + f.scroll_y < f.near_top || place.min.y + f.scroll_y > f.near_bottom)
        return;
    // A finger's target on a phone, as the essay's numbers in the text have (Interact).
    Ui ui{state, f.report, view.focus, fonts, f.palette, false, 0, view.phone ? ThemeMetrics.touch_target : 0.0f};
    bool hovered = false, held = false;
    const bool titled = o < view.quote_peek_top.size() && view.quote_peek_top[o] >= 0.0f;
    const bool pressed =
        titled ? PointerTarget(ui, "comment-mark", objection.id, place.min, place.max, hovered, held)
               : Interact(ui, "comment-mark", objection.id, place.min, place.max, hovered, held, QuoteId(o));
    if (pressed)
        OpenFromComment(state, o);
    const bool pointed = hovered || held || HasFocus(view.focus, QuoteId(o));
    const bool shown = app::IsShown(state.objections, doc::ObjectionId{o});
    DrawUiText(f.list, fonts, Font_UiBold, place.at,
               shown ? f.palette.accent : pointed ? f.palette.ink : f.palette.muted, mark.label, ReferenceMarkScale);
}

// A reader's objection beside their words in their comment: in the lane, where it stands beside their first line,
// with a faint bracket down their lines, as a closed marker's; on a phone, as a row under their paragraph. Either way
// the objection's peek with the way to the passage it challenges under it. One control ("from-comment" in the
// report), in the focus ring after the comment's paragraph, as a marker is wherever it stands: it opens the card at
// that passage, and the floating pill comes back here. Without it, nothing marked the comment's sentences that became
// objections, and the margin beside the comments stood empty (stop 62's fresh readers).
void DrawQuotePeek(EssayView& view, app::AppState& state, const Fonts& fonts, const FrameDraw& f, uint32_t o,
                   ImVec2 block_origin) {
    const float top = view.quote_peek_top[o];
    if (top < 0.0f)
        return;
    const doc::Objection& objection = state.document.objections[o];
    const CardPeek& peek = view.quote_peeks[o];
    const ImVec2 min(view.card_left, std::floor(top - f.scroll_y));
    const ImVec2 max(min.x + view.card_width, min.y + QuotePeekHeight(view, o));
    const bool row = view.peeks_in_column;
    Ui ui{state, f.report, view.focus, fonts, f.palette, false, 0, row ? ThemeMetrics.touch_target : 0.0f};
    bool hovered = false, held = false;
    const ImGuiID focus_id = QuoteId(o);
    if (Interact(ui, "from-comment", objection.id, ImVec2(row ? min.x : MarkerLeft(view), min.y), max, hovered, held,
                 focus_id))
        OpenFromComment(state, o);
    // Drawn only near the window, where a frame may show it: the rest of the essay's comments cost no text measuring.
    const float block_top = view.block_top[objection.quote.block.index];
    if ((top + (max.y - min.y) < f.near_top || top > f.near_bottom) &&
        (block_top + view.layouts[objection.quote.block.index].height < f.near_top || block_top > f.near_bottom))
        return;
    const bool pointed = hovered || held || HasFocus(view.focus, focus_id);
    const float text_x = min.x + view.card_width - peek.width;
    const int drawn_from = f.list->VtxBuffer.Size;
    DrawCardPeek(f.list, peek, fonts, f.palette, objection.status, ImVec2(text_x, min.y), pointed);
    DrawLayout(f.list, view.quote_way[o], fonts, ImVec2(text_x, min.y + peek.height + QuoteWayGap),
               pointed ? f.palette.accent : f.palette.muted);
    FadeSince(f.list, drawn_from, UnderBarFade(view, min.y));
    // A phone's row has its number at its left, as the essay's rows have: named in its way instead ("Objection 8
    // challenges a passage / in “Circular Logic” ↑"), each row took a line more, and a comment's three rows stood as
    // a stack of nine grey lines to a fresh reader of stop 69, among the notes that broke up the prose for all nine.
    // One paragraph's rows stand in the order of their words (LayOutFrame).
    if (row && !peek.title.lines.empty())
        DrawRowNumber(f, fonts, o, ImVec2(min.x, min.y), peek.title.lines.front().height, pointed);
    // In the lane, its circled number where the essay's markers stand, level with its title's first line, as each of
    // a marker's peeks has: without it the margin changed style at the comments, and only a peek with a bracket was
    // tied to its words, to eight of stop 72's nine fresh readers. They stand in the order of their words, as the
    // numbers in the comment do (LayOutFrame).
    const float centre_x = MarkerLeft(view) + MarkerRadius + 1.0f;
    if (!row && !peek.title.lines.empty())
        DrawMarkerGlyph(f.list, fonts, f.palette,
                        ImVec2(centre_x, std::round(min.y + peek.title.lines.front().height * 0.5f)), MarkerRadius,
                        std::to_string(o + 1), app::IsShown(state.objections, doc::ObjectionId{o}), pointed,
                        VerdictColour(objection.status, f.palette));
    // Where it stands level with their first line, a faint bracket under its number down the words' lines marks them,
    // as a closed marker's does; pushed below them, it would cross the peeks above it, and raised above them (the
    // first of a crowd, when they stood in the numbers' order), it ran beside the next peeks, marking no paragraph or
    // peek clearly to two of stop 69's second three fresh readers.
    std::vector<text::Rect> rects;
    text::InkRects(view.layouts[objection.quote.block.index], objection.quote.begin, objection.quote.end, rects);
    if (rects.empty())
        return;
    const bool beside = std::abs(top - PeekTopBeside(view, objection.quote, peek)) < 1.0f;
    const float first_top = std::max(block_origin.y + rects.front().y + 4.0f, min.y + 2.0f * MarkerRadius + 4.0f);
    const float bottom = block_origin.y + rects.back().y + rects.back().height - 4.0f;
    if (!row && beside && !pointed && bottom > first_top + 8.0f)
        DrawBracket(f.list, f.palette, std::round(centre_x) + 0.5f, first_top, bottom);
    // Pointed at, its words are underlined in the marker's grey, as a marked passage's are.
    for (size_t k = 0; pointed && k < rects.size(); ++k) {
        const text::Rect& r = rects[k];
        const float x0 = block_origin.x + r.x, y = block_origin.y + r.y + r.height - 3.0f;
        f.list->AddLine(ImVec2(x0, y), ImVec2(x0 + r.width, y), f.palette.marker, 1.0f);
    }
}

// The markers of a block's passages, their peeks and the cards they open: after their paragraph, so keyboard focus
// meets them in reading order; then the peeks beside a reader's words that became objections (DrawQuotePeek).
void DrawMarkersAndCards(EssayView& view, app::AppState& state, const Fonts& fonts, const FrameDraw& f, size_t i,
                         ImVec2 origin) {
    const std::vector<app::MarkerGroup>& groups = view.markers;
    for (size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].anchor.block.index != i)
            continue;
        bool peek_pointed = false;
        const bool peek_clicked = DrawPeeks(view, state, fonts, f, g, peek_pointed);
        if (DrawMarker(view, state, f.report, groups[g], g, origin, f.palette, fonts, peek_pointed) || peek_clicked) {
            app::ToggleObjections(state.objections, groups[g].objections);
            if (app::IsShown(state.objections, groups[g].objections.front()))
                view.reveal_card = groups[g].objections.front();
        }
        Ui ui{state, f.report, view.focus, fonts, f.palette, false, MarkerId(g), view.phone ? ThemeMetrics.touch_target : 0.0f};
        for (doc::ObjectionId id : groups[g].objections) {
            const float reveal = view.card_reveal[id.index];
            const float card_y = view.card_top[id.index];
            const CardLayout& card = view.cards[id.index];
            if (reveal <= 0.0f || card_y + card.height < f.near_top || card_y > f.near_bottom)
                continue;
            const ImVec2 at(view.card_left, std::floor(card_y - f.scroll_y));
            f.list->PushClipRect(ImVec2(0, at.y), ImVec2(state.viewport.width, at.y + card.height * reveal + 1.0f), true);
            const CardClick click = DrawCard(card, ui, id, at);
            f.list->PopClipRect();
            HandleCardClick(view, state, id, click, MarkerId(g));
        }
    }
    for (const doc::ObjectionId o : view.quoted)
        if (state.document.objection(o).quote.block.index == i) {
            DrawQuoteMark(view, state, fonts, f, o.index, origin);
            DrawQuotePeek(view, state, fonts, f, o.index, origin);
        }
}

// The first-visit hint: a quiet box under the first marked passage with a marker, a line on what it means, and two buttons:
// the key to every mark (the bar's own menu) and "Got it".
// Once it has been on screen it is remembered as seen (the platform saves the settings), so it shows in one visit.
void DrawHint(EssayView& view, app::AppState& state, const Fonts& fonts, const FrameDraw& f) {
    const float top = std::floor(view.hint_top - f.scroll_y), height = HintHeight(view);
    if (top + height < 0.0f || top > state.viewport.height)
        return;
    state.settings.hint_seen = true;
    const ImVec2 min(HintLeft(view), top), max(HintLeft(view) + HintWidth(view), top + height);
    f.list->AddRectFilled(min, max, f.palette.card_background, ThemeMetrics.card_rounding);
    f.list->AddRect(min, max, f.palette.card_border, ThemeMetrics.card_rounding, 0, ThemeMetrics.hairline);
    // No sample of the mark at its left: the circled number there made the hint one more objection to a fresh reader
    // of stop 59; it names the marks around it.
    const float text_top = top + HintPadding, text_x = min.x + HintPadding;
    DrawLayout(f.list, view.hint_text, fonts, ImVec2(text_x, text_top), f.palette.ink);
    Ui ui{state, f.report, view.focus, fonts, f.palette, false, 0, view.phone ? ThemeMetrics.touch_target : 0.0f};
    const Button key{.label = HintKeyLabel, .kind = "key", .id = "hint", .look = ButtonLook::Link};
    const Button got{.label = "Got it", .kind = "hint", .look = ButtonLook::Pill};
    const float h = ThemeMetrics.control_height;
    const float row = text_top + view.hint_text.height + 8.0f;
    const float got_x = max.x - HintPadding - ButtonSize(ui, got, h).x;
    if (DrawButton(ui, key, ImVec2(text_x - TextButtonPadding, row), h))
        view.bar.key_requested = true;
    if (DrawButton(ui, got, ImVec2(got_x, row), h))
        view.hint_shown = false;
}

void DrawMarginNote(EssayView& view, app::AppState& state, const Fonts& fonts, const FrameDraw& f, float top) {
    if (top + view.note_height < 0.0f || top > state.viewport.height)
        return;
    const NotePlaces at = PlaceMarginNote(view, fonts);
    const float x = view.card_left;
    const Palette& p = f.palette;
    DrawUiText(f.list, fonts, Font_UiBold, ImVec2(x, top), p.ink, NoteHeading);
    DrawLayout(f.list, view.note_edition, fonts, ImVec2(x, top + at.edition), p.muted);
    Ui ui{state, f.report, view.focus, fonts, p, false, 0, 0.0f};
    // A link in the accent, its words in line with the note's: as an outlined pill it read as a stock button (two
    // fresh readers).
    const Button key{.label = HintKeyLabel, .kind = "key", .id = "note", .look = ButtonLook::Link};
    if (DrawButton(ui, key, ImVec2(x - TextButtonPadding, top + at.link), ThemeMetrics.control_height))
        view.bar.key_requested = true;
    if (DrawSimPreview(view.sim, ui, ImVec2(x, top + at.preview), view.card_width, view.preview_height)) {
        state.pending_anchor = {"simulation", 0.0f};
        state.jumped = true;
    }
}

// The edition's fine print after the last comment, under a short rule.
void DrawColophon(const EssayView& view, const Fonts& fonts, const FrameDraw& f, float viewport_height) {
    const float top = std::floor(view.colophon_top - f.scroll_y);
    if (top + view.colophon.height < 0.0f || top - 24.0f > viewport_height)
        return;
    f.list->AddRectFilled(ImVec2(view.column_left, top - 18.0f), ImVec2(view.column_left + 48.0f, top - 17.0f),
                          f.palette.card_border);
    DrawLayout(f.list, view.colophon, fonts, ImVec2(view.column_left, top), f.palette.muted);
}

// Esc closes the cards of the focused control's marker and gives focus back to the marker.
void HandleEscape(EssayView& view, app::AppState& state) {
    if (!ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        return;
    const ImGuiID group = FocusedGroup(view.focus);
    const std::vector<app::MarkerGroup>& groups = view.markers;
    for (size_t g = 0; g < groups.size() && group != 0; ++g) {
        if (MarkerId(g) != group)
            continue;
        for (doc::ObjectionId id : groups[g].objections)
            if (app::IsShown(state.objections, id))
                app::CloseObjection(state.objections, id);
        FocusOn(view.focus, group);
    }
}

// Focus moved by Tab to something out of view: bring it in.
void ScrollFocusIntoView(const EssayView& view, app::AppState& state) {
    if (!view.focus.moved || view.focus.moved_fixed)
        return;
    const float scroll_y = state.scroll.y, height = state.viewport.height;
    const float item_top = view.focus.moved_min.y, item_bottom = view.focus.moved_max.y;
    if (item_top < scroll_y + view.top_inset + 16.0f || item_bottom > scroll_y + height - 16.0f)
        app::ScrollTo(state.scroll, item_top - view.top_inset - (height - view.top_inset) * 0.3f, !state.reduced_motion);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// [SECTION] DrawEssay
// ---------------------------------------------------------------------------------------------------------------

// A step smaller on the narrowest phones, where the column is about 260 px: at 18 px its lines held four or five words
// (about 28 characters) to all three of stop 48's fresh readers.
float BodySizeFor(const app::Viewport& viewport, int text_step) {
    const float size = viewport.width < NarrowPhone ? 17.0f : viewport.width < PhoneBreakpoint ? 18.0f : 20.0f;
    return std::round(size * app::TextScale(text_step));
}

void JumpToPassage(EssayView& view, app::AppState& state, const doc::Passage& passage) {
    if (!passage.block.valid() || passage.block.index >= view.block_top.size())
        return;
    const float y = view.block_top[passage.block.index] + PassageTop(view, passage);
    app::ScrollTo(state.scroll, y - view.top_inset - (state.viewport.height - view.top_inset) * 0.3f,
                  !state.reduced_motion);
    view.highlight = passage;
    view.highlight_time = HighlightSeconds;
}

void DrawEssay(EssayView& view, app::AppState& state, const app::FrameInput& input, app::FrameReport& report,
               const Fonts& fonts) {
    const app::Viewport& vp = state.viewport;
    const doc::Document& d = state.document;
    const bool whole_essay = state.only_figure.empty();
    const float dt = input.dt;
    LayOutFrame(view, state, report, fonts, dt);

    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(vp.width, vp.height));
    ImGui::Begin("##essay", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground);
    BeginFocusFrame(view.focus, !ImGui::GetIO().WantTextInput);
    HandleScrollInput(view, state);
    HandleSelection(view, state, input, report);

    const float scroll_y = state.scroll.y;
    FrameDraw f{input, report, PaletteFor(state.theme), ImGui::GetWindowDrawList(), scroll_y, scroll_y - vp.height,
                scroll_y + 2.0f * vp.height, whole_essay && state.objections.mode != app::ObjectionsMode::Hidden};
    view.highlight_time = std::max(0.0f, view.highlight_time - dt);
    view.toast_time = std::max(0.0f, view.toast_time - dt);
    report.wants_frame = report.wants_frame || view.highlight_time > 0.0f || view.toast_time > 0.0f;

    for (size_t i = 0; i < d.blocks.size(); ++i) {
        const float y = view.block_top[i], height = view.layouts[i].height;
        if (!report.reading_block.valid() && y + height > scroll_y + view.top_inset)
            report.reading_block = doc::BlockId{uint32_t(i)};
        const ImVec2 origin(view.column_left + Indent(view, d.blocks[i]), std::floor((y - scroll_y) * vp.dpr) / vp.dpr);
        if (y + height >= f.near_top && y <= f.near_bottom)
            DrawBlock(view, state, fonts, f, i, origin);
        if (f.markers)
            DrawMarkersAndCards(view, state, fonts, f, i, origin);
        if (i == view.hint_after && HintVisible(view, state))
            DrawHint(view, state, fonts, f);
        if (view.margin_lane && IsTitle(d.blocks[i]))
            DrawMarginNote(view, state, fonts, f, origin.y);
    }
    if (whole_essay)
        DrawColophon(view, fonts, f, vp.height);
    HandleEscape(view, state);
    ScrollFocusIntoView(view, state);
    DrawFloatingNotes(view, state, report, f.palette, fonts);
    DrawScrollbar(view, state, f.palette, dt, report);
    ImGui::End();
    if (whole_essay) {
        view.bar.column_right = view.column_left + view.column_width;
        DrawReaderBar(view.bar, state, report, fonts, view.focus, dt);
        DrawSearch(view, state, input, report, fonts);
    }
    report.drew_text = f.any_text;
}

} // namespace views
