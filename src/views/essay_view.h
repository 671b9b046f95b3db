// The reading column with its objections: lays out the Document's blocks with text::, draws them with ImGui, marks
// anchored passages, places objection cards (in the margin when wide, in the text when narrow), scrolls, and moves
// keyboard focus in reading order. Knows ImGui and the core; knows no SDL, GL or browser. Owns only view state.
#pragma once

#include "app/app_state.h"
#include "text/text_layout.h"
#include "views/focus.h"
#include "views/fonts.h"
#include "views/sim_view.h"
#include "views/objection_card.h"
#include "views/reader_bar.h"

#include <array>
#include <vector>

namespace views {

// Lives as long as the app. Text layouts are valid for (column_width, font_generation) and cards for
// (card_width, font_generation); both are rebuilt when those change, never every frame. Positions are recomputed
// each frame, because open cards in the text move everything below them.
struct EssayView {
    SimView sim;                       // the simulation figure in the flow and its sandbox
    std::vector<text::Layout> layouts; // one per Document block
    std::vector<text::Layout> comment_labels; // per block: "Reader’s comment N" above a comment's first block, else empty
    text::Layout reading; // the line under the title: reading time, objections, figures (doc::ReadingLine)
    text::Layout edition; // the line under it saying what this edition is
    text::Layout colophon; // the edition's fine print (who writes the cards), after the last comment
    text::Layout hint_text; // the first-visit hint's line, valid for the four hint_ fields below
    float hint_width = 0.0f;
    bool hint_lane = false;  // laid out for the margin lane ("the passage at left") or the column ("above")
    bool hint_phone = false; // laid out for a phone, whose only mark is the one in the text
    int hint_generation = -1;
    // Wide windows with the margin lane: the edition line and the way to the key as a note in the margin beside the
    // title, valid for (card_width, font generation) like the cards; note_height is its whole height.
    text::Layout note_edition;
    float note_width = 0.0f, note_height = 0.0f;
    float preview_height = 0.0f; // the figure's preview at the note's foot (SimPreviewHeight), kept with the note
    int note_generation = -1;
    float colophon_top = 0.0f; // content y
    float hint_top = 0.0f;     // content y of the hint's box: under the first marked passage, or in the lane beside it
    uint32_t hint_after = 0;   // the block (the first marked passage) the hint follows, in drawing and focus order
    bool hint_decided = false; // whether to show the hint was decided, from the stored settings, at the first frame
    bool hint_shown = false;   // the hint shows this session (until "Got it")
    std::vector<float> block_top;      // y of each block in content space, CSS px
    std::vector<CardLayout> cards;     // one per objection, built when first shown
    std::vector<app::MarkerGroup> markers; // the Document's passage markers: it is immutable, so grouped once
    // Each marker group's number in the text after its passage, as a footnote's (app::ReferenceMarkAt): the block
    // layouts keep room for them while marks_in_text, and are rebuilt when it changes.
    struct ReferenceMark {
        uint32_t after = 0; // byte offset in the block's text; the mark is drawn after the codepoint ending there
        float dx = 0.0f;    // from that codepoint's advance, where marks share a place
        float width = 0.0f; // the room kept for it, its gap before included
        std::string label;  // app::MarkerLabel, as the number is drawn
    };
    std::vector<ReferenceMark> reference_marks; // one per marker group while marks_in_text, else empty
    // Per objection while marks_in_text, else empty: a reader's objection's number after its words in their comment
    // (`after` 0 for one not quoted from a comment).
    std::vector<ReferenceMark> quote_marks;
    bool marks_in_text = false;
    std::vector<float> card_top;       // content y of each shown card
    // A closed card's peek (its title and verdict) in the margin lane beside its passage, or its title as a row under
    // its paragraph on a phone. One per objection, laid out while the lane or the rows show; and per marker group, the
    // content y of its peeks, or -1 where none shows (a card of the group is showing, or the marks are off).
    std::vector<CardPeek> peeks;
    std::vector<float> peek_top;
    // Beside a reader's words that became an objection, in the lane level with them: that objection's peek and, under
    // it, the way to the passage it challenges. Per objection while the lane shows: the way's words (empty for an
    // objection the essay quotes) and the content y of the quote's peek, or -1 where none shows.
    std::vector<doc::ObjectionId> quoted; // the readers' objections, in the order of their numbers in the comments
    std::vector<CardPeek> quote_peeks;    // per objection; laid out for the quoted ones
    std::vector<text::Layout> quote_way;
    float quote_way_width = 0.0f; // the width quote_way was laid out at: the lane's or a phone row's (0 without)
    int quote_way_generation = -1;
    std::vector<float> quote_peek_top;
    std::vector<float> card_reveal;    // 0..1 opening animation of each card
    std::vector<uint8_t> card_held;    // closed by its own Close, head above the window: the text under it stays
    doc::ObjectionId reveal_card;      // a card just opened from its marker: its head is glided into view once placed
    float column_width = 0.0f;
    float column_left = 0.0f;
    float card_width = 0.0f;
    float card_left = 0.0f;
    float figure_left = 0.0f;  // the figure may break out of the column (ChooseGeometry)
    float figure_width = 0.0f;
    FigureExtent figure_extent; // last frame's (SimFigureExtent): a change above the window scrolls by as much
    bool wide = false; // cards in the margin
    bool margin_lane = false; // wide, with objections on: the margin has the cards' lane (and the note at the top)
    bool peeks_in_column = false; // a phone, with objections on: closed cards' titles stand as rows in the text
    bool phone = false; // touch-sized controls, narrow margins
    int font_generation = -1;
    float content_height = 0.0f;
    float top_inset = 0.0f; // the reader bar's height: content starts below it

    FocusRing focus;
    ReaderBar bar;
    doc::Passage highlight; // a passage just jumped to, fading out
    float highlight_time = 0.0f;
    float toast_time = 0.0f; // "Link copied"
    const char* toast = nullptr;

    bool selecting = false;          // a pointer drag is extending state.selection
    char search_input[128] = {};     // the search field's text (ImGui edits it in place)
    bool focus_search_field = false; // the search just opened: the field takes the keyboard

    bool scrollbar_held = false;
    float scrollbar_grab_offset = 0.0f;
    // Phones show the thumb only while the page moves, as their own browsers do (a fresh reader saw a desktop bar).
    float scrollbar_shown = 0.0f; // seconds left before it fades out
    float scrollbar_last_y = 0.0f;
};

// Draws one frame of the essay into a full-window ImGui window and applies the reader's input (wheel, keyboard,
// scrollbar, markers, cards) to `state`. Touch drags arrive in state.scroll from the platform layer; input.dt drives
// the view's own animations. What the frame drew (controls, focus, reading block, more frames wanted) goes into
// `report`, which the caller passes in empty.
void DrawEssay(EssayView& view, app::AppState& state, const app::FrameInput& input, app::FrameReport& report,
               const Fonts& fonts);

// The body text size in CSS px for a viewport and the reader's text step: 20 px on desktops, 18 on phones, then
// scaled by the step, never under 17 px by default.
float BodySizeFor(const app::Viewport& viewport, int text_step);

// Scrolls so that a passage sits a third of the way down the viewport, and highlights it for a moment.
void JumpToPassage(EssayView& view, app::AppState& state, const doc::Passage& passage);

} // namespace views
