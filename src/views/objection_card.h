// An objection's card: the objection in its speaker's words, the essay's replies with a way to each passage, and the
// editors' verdict and note. Knows ImGui, the Document and the text engine; nothing of where the card is placed.
#pragma once

#include "app/app_state.h"
#include "doc/document.h"
#include "text/text_layout.h"
#include "views/focus.h"
#include "views/fonts.h"
#include "views/theme.h"
#include "views/widgets.h"

#include <span>
#include <vector>

namespace views {

enum class CardAction : uint8_t {
    None, ReadComment, JumpToQuote, JumpToReply, SeeObjection, TestInSimulation, CopyLink, Previous, Next, Close
};

// A laid-out card, cached by the essay view per objection; valid for (width, wide, font generation).
struct CardLayout {
    enum Ink : uint8_t { Ink_Body, Ink_Muted, Ink_Accent };
    enum Look : uint8_t {
        Look_Plain,
        Look_Objection, // the objection's verbatim words, on the objection's tint with a rule at their left
        Look_Highlighted, // a reply, the essay's verbatim words: a rule at their left, on the wash that marks them in the
                          // text while the card is showing
        Look_Pointer, // a pointer to the objection's passage, above a card in the column or beside one in the
                      // margin, its word "tinted" on the tint that marks the passage there
        Look_Pill,   // an outlined accent pill: the simulation test, like "Back to the objection"
        Look_Link,   // a text action: a reply's way to its passage (in the accent), copy the link, close
        Look_Status, // the editors' verdict in the card's head, its word after its mark (DrawVerdictMark), in its colour
    };
    struct Item {
        text::Layout layout;
        float x = 0.0f, y = 0.0f; // of the text, inside the card
        Ink ink = Ink_Body;
        Look look = Look_Plain;
        CardAction action = CardAction::None;
        uint32_t reply = 0; // which reply a JumpToReply item jumps to
        uint32_t tint_begin = 0, tint_end = 0; // a Look_Pointer's bytes set on the objection's tint
    };
    std::vector<Item> items;
    float width = 0.0f;
    bool wide = false;
    float height = 0.0f;
    int font_generation = -1;
};

// A verdict's colour, for its mark and word, on the card and in the key.
ImU32 VerdictColour(doc::ObjectionStatus status, const Palette& palette);
// A verdict's mark before its word (doc::VerdictWord): a full disc, a half one, an empty ring, in the ink (three status
// colours read as three more things to decode; a fresh reader found the partly-answered blue nowhere else on the
// page). The card and the bar's key to the marks draw them alike; `at` is the line's top left.
float VerdictMarkRadius(float line_height);
float VerdictMarkWidth(float line_height);
void DrawVerdictMark(ImDrawList* list, ImVec2 at, float line_height, doc::ObjectionStatus status, ImU32 colour);

// The verdicts' scale, as the key lists it: a row for each verdict, its word in bold and the
// verdict's colour running into what it says, and the verdict's mark in the margin before it, as the key's marks
// stand before their rows. Valid for (width, font generation).
struct VerdictScale {
    text::Layout rows[3]; // addressed, partly addressed, not addressed
    float width = 0.0f;
    int font_generation = -1;
    float height = 0.0f;
};
// Lays the scale's words out at `width`, unless they already are.
void LayoutVerdictScale(VerdictScale& scale, float width, const Fonts& fonts);
// Draws the words with their top-left at `at`, in `colour`, and each mark centred on `mark_x`, left of them.
void DrawVerdictScale(ImDrawList* list, const VerdictScale& scale, const Fonts& fonts, const Palette& palette, ImVec2 at,
                      float mark_x, ImU32 colour);

void BuildCardLayout(CardLayout& card, const doc::Document& document, doc::ObjectionId id, float width, bool wide,
                     const Fonts& fonts);

// A closed card's stand-in, so that the page says what each mark holds before it is opened, as a sidenote does: the
// card's title, then its head's line ("Objection 2 of 14, from a critic ◐ partly addressed") and "See why" in the
// card's links' colour, so that it says it opens; a part of that line that does not fit after the one before starts a
// line of its own. In the margin lane it stands beside its passage. On a phone it is a row under its paragraph, after
// its number as the text has it (the view draws the number): whose it is and its title in the muted ink ("From a
// critic: …"), the verdict after its last word, and "Open" at the right of its first line. Cached by the essay view
// per objection; valid for (width, row, font generation).
struct CardPeek {
    text::Layout title, which, verdict, open; // the title (in a row after whose it is); which and whose, "Objection
                                              // 2 of 14, from a critic" (none in a row); the verdict's word; the link
    ImVec2 verdict_at, open_at;               // from the peek's top left: the verdict's mark, and the link
    float width = 0.0f;
    bool row = false;
    bool beside_words = false;
    float height = 0.0f;
    int font_generation = -1;
};
// Lays the peek out at `width`, as a row or not, unless it already is. `beside_words`: for the lane beside the reader's
// words it was drawn from, where its head's line says so instead of its number.
void BuildCardPeek(CardPeek& peek, const doc::Document& document, doc::ObjectionId id, float width, bool row,
                   bool beside_words, const Fonts& fonts);
// Draws it with its top-left at `at` (screen); `pointed`, its title in the accent, as a link under the pointer.
void DrawCardPeek(ImDrawList* list, const CardPeek& peek, const Fonts& fonts, const Palette& palette,
                  doc::ObjectionStatus status, ImVec2 at, bool pointed);

struct CardClick {
    CardAction action = CardAction::None;
    uint32_t reply = 0;
};
// Draws the card with its top-left at `origin` (screen) and returns what the reader clicked or activated. Controls
// register with ui.focus in reading order under ui.group (the card's marker), so Esc can close the card, and are
// reported in ui.report.
CardClick DrawCard(const CardLayout& card, Ui& ui, doc::ObjectionId id, ImVec2 origin);

} // namespace views
