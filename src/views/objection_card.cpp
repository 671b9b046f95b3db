// Lays out and draws objection cards as one typographic hierarchy: the objection in its speaker's words, the essay's
// replies, the editors' verdict and note, then actions. The editors' words (labels, verdict, note) are set in the
// interface sans and credited to them; the objection's and the essay's words in the serif, verbatim, so the two can
// never be confused.
#include "views/objection_card.h"

#include "app/navigation.h"
#include "views/imgui_font_metrics.h"
#include "views/text_draw.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>

namespace views {

namespace {
constexpr float Padding = 16.0f;
constexpr float Gap = 10.0f;
constexpr float QuoteInset = 12.0f; // the verbatim words sit this far right of their rule
constexpr float PillX = 12.0f, PillY = 6.0f;
constexpr float VerdictMarkGap = 6.0f; // between a verdict's mark and its word
constexpr float CloseGap = 10.0f;      // between the title and the close × beside it
constexpr float NavGap = 14.0f;        // between the foot's links
constexpr float WashLeft = 5.0f;       // a wash reaches this far left of its words
constexpr float PeekGap = 2.0f;        // between a peek's title and its head's line, as on the card

// Words set on the wash that marks them in the text beside the card.
bool Washed(CardLayout::Look look) {
    return look == CardLayout::Look_Highlighted || look == CardLayout::Look_Objection;
}
// A pointer names the passage by its tint and shows it on the word "tinted", as a key shows a swatch: the whole line
// on the tint, "It challenges the tinted passage at left ←" looked like a button to two of stop 69's fresh readers.
constexpr std::string_view TintWord = "tinted";
void MarkTintWord(CardLayout::Item& item, std::string_view text) {
    const size_t at = text.find(TintWord);
    item.tint_begin = at == std::string_view::npos ? 0 : uint32_t(at);
    item.tint_end = at == std::string_view::npos ? 0 : uint32_t(at + TintWord.size());
}
// Quotations, with the grey rule of the essay's own block quotes: the objection's in the markers' accent differed from
// the rule beside the same words in the text (two of stop 40's fresh readers); the washes tell the voices apart.
bool Ruled(CardLayout::Look look) {
    return look == CardLayout::Look_Objection || look == CardLayout::Look_Highlighted;
}

// The editors' note leads into the replies when it ends in a colon; set apart from them by a label, it ends as a
// sentence instead, so no colon dangles.
std::string NoteText(std::string lead) {
    while (!lead.empty() && (lead.back() == ' ' || lead.back() == ':'))
        lead.pop_back();
    if (!lead.empty() && lead.back() != '.' && lead.back() != '?' && lead.back() != '!')
        lead += '.';
    return lead;
}

struct Builder {
    CardLayout& card;
    const Fonts& fonts;
    float inner;
    float y = Padding;

    CardLayout::Item& Add(std::string_view text, FontRole role, CardLayout::Ink ink, float leading, float space_before,
                          CardLayout::Look look = CardLayout::Look_Plain, CardAction action = CardAction::None,
                          uint32_t reply = 0) {
        CardLayout::Item& item = card.items.emplace_back();
        const float inset = Ruled(look) ? QuoteInset : look == CardLayout::Look_Pill ? PillX : 0.0f;
        LayoutPlain(text, role, inner - 2.0f * inset, leading, fonts, item.layout);
        if (look == CardLayout::Look_Pointer)
            MarkTintWord(item, text);
        y += space_before;
        item.x = Padding + inset;
        item.y = y + (look == CardLayout::Look_Pill ? PillY : 0.0f);
        item.ink = ink;
        item.look = look;
        item.action = action;
        item.reply = reply;
        y += item.layout.height + (look == CardLayout::Look_Pill ? 2.0f * PillY : 0.0f);
        return item;
    }

    // A short action after the last word of `before` (a head's pointer, the comment's link beside its citation), on
    // the baseline of that last line, like a footnote's back-link; under it when the line has no room, or always
    // (`under`: a reply's way to its passage, so that every reply's sits in the same place).
    void AddAfter(const CardLayout::Item& before, std::string_view text, FontRole role, CardLayout::Ink ink,
                  CardLayout::Look look, CardAction action, uint32_t reply, float gap = 8.0f, bool under = false) {
        const text::Line& last = before.layout.lines.back();
        const float x = before.x + last.width + gap, baseline = before.y + last.baseline, left = before.x;
        CardLayout::Item& item = card.items.emplace_back();
        LayoutPlain(text, role, inner, 1.3f, fonts, item.layout);
        item.ink = ink;
        item.look = look;
        item.action = action;
        item.reply = reply;
        if (look == CardLayout::Look_Pointer)
            MarkTintWord(item, text);
        const text::Line& own = item.layout.lines.front();
        // A verdict's mark stands before its word, as in a row.
        const float pad = look == CardLayout::Look_Status ? VerdictMarkWidth(item.layout.height) : 0.0f;
        if (!under && item.layout.lines.size() == 1 && x + pad + item.layout.width <= Padding + inner) {
            item.x = x + pad;
            item.y = baseline - own.baseline;
            return;
        }
        // A washed item on a line of its own starts its wash, not its text, at the card's text edge (its wash stood
        // out 5 px to the left for three fresh readers). Wrapped to the room right of where it starts: under a reply,
        // indented as the reply's text is, it ran past the card's text edge by that indent.
        item.x = left + (Washed(look) ? WashLeft : 0.0f) + pad;
        if (item.x > Padding)
            LayoutPlain(text, role, Padding + inner - item.x, 1.3f, fonts, item.layout);
        item.y = y + 2.0f;
        y = item.y + item.layout.height;
    }
};

const char* ActionKind(CardAction action) {
    switch (action) {
    case CardAction::ReadComment: return "comment";
    case CardAction::JumpToQuote: return "quote";
    case CardAction::JumpToReply: return "jump";
    case CardAction::SeeObjection: return "see";
    case CardAction::TestInSimulation: return "simulation";
    case CardAction::CopyLink: return "copy";
    case CardAction::Previous: return "previous";
    case CardAction::Next: return "next";
    case CardAction::Close: return "close";
    case CardAction::None: break;
    }
    return "";
}

ImU32 InkColour(CardLayout::Ink ink, const Palette& palette) {
    switch (ink) {
    case CardLayout::Ink_Body: return palette.ink;
    case CardLayout::Ink_Muted: return palette.muted;
    case CardLayout::Ink_Accent: return palette.accent;
    }
    return palette.ink;
}

// The head's line under a card's title, and a peek's: which objection it is, then the verdict.
constexpr float HeadRowSpacing = 14.0f;

} // namespace

ImU32 VerdictColour(doc::ObjectionStatus status, const Palette& palette) {
    switch (status) {
    case doc::ObjectionStatus::Answered: return palette.addressed;
    case doc::ObjectionStatus::PartlyAnswered: return palette.partly;
    case doc::ObjectionStatus::Open: return palette.unaddressed;
    }
    return palette.unaddressed;
}

float VerdictMarkRadius(float line_height) { return std::round(line_height * 0.3f); }
float VerdictMarkWidth(float line_height) { return 2.0f * VerdictMarkRadius(line_height) + VerdictMarkGap; }

void DrawVerdictMark(ImDrawList* list, ImVec2 at, float line_height, doc::ObjectionStatus status, ImU32 colour) {
    const float r = VerdictMarkRadius(line_height);
    const ImVec2 c(at.x + r, std::round(at.y + line_height * 0.5f) + 0.5f);
    list->AddCircle(c, r - 0.5f, colour, 20, 1.5f);
    if (status == doc::ObjectionStatus::Answered) {
        list->AddCircleFilled(c, r, colour, 20);
    } else if (status == doc::ObjectionStatus::PartlyAnswered) {
        // The left half filled: half of the objection met, like a Harvey ball.
        constexpr float Pi = 3.14159265f;
        list->PathArcTo(c, r, 0.5f * Pi, 1.5f * Pi, 12);
        list->PathFillConvex(colour);
    }
}

namespace {
constexpr float ScaleRowGap = 6.0f;
constexpr uint32_t Tag_Verdict = 1; // the verdict's word, in its colour

struct VerdictInk {
    const Palette& palette;
    doc::ObjectionStatus status;
};
ImU32 VerdictWordColour(uint32_t tag, ImU32 colour, const void* context) {
    const VerdictInk& ink = *static_cast<const VerdictInk*>(context);
    return tag == Tag_Verdict ? VerdictColour(ink.status, ink.palette) : colour;
}
} // namespace

void LayoutVerdictScale(VerdictScale& scale, float width, const Fonts& fonts) {
    if (scale.width == width && scale.font_generation == fonts.generation)
        return;
    scale.width = width;
    scale.font_generation = fonts.generation;
    scale.height = 0.0f;
    for (int i = 0; i < 3; ++i) {
        const std::string_view word = doc::VerdictWord(doc::VerdictOrder[i]);
        const text::StyledRun run{{0, uint32_t(word.size())}, FontIdFor(Font_UiBold), Tag_Verdict};
        LayoutPlain(std::string(word) + ": " + doc::VerdictMeaning(doc::VerdictOrder[i]), Font_Ui, width, 1.4f, fonts,
                    scale.rows[i], {&run, 1});
        scale.height += scale.rows[i].height + (i < 2 ? ScaleRowGap : 0.0f);
    }
}

void DrawVerdictScale(ImDrawList* list, const VerdictScale& scale, const Fonts& fonts, const Palette& palette, ImVec2 at,
                      float mark_x, ImU32 colour) {
    // The mark as large as the card's chip draws it, for the bold word's height.
    const float word = UiTextSize(fonts, Font_UiBold, "a").y, radius = VerdictMarkRadius(word);
    float y = at.y;
    for (int i = 0; i < 3; ++i) {
        const text::Layout& row = scale.rows[i];
        const float line = row.lines.front().height; // never empty
        const VerdictInk ink{palette, doc::VerdictOrder[i]};
        DrawVerdictMark(list, ImVec2(std::round(mark_x - radius), y + 0.5f * (line - word)), word, ink.status,
                        VerdictColour(ink.status, palette));
        DrawLayout(list, row, fonts, ImVec2(at.x, y), colour, -1e30f, 1e30f, VerdictWordColour, &ink);
        y += row.height + ScaleRowGap;
    }
}

void BuildCardLayout(CardLayout& card, const doc::Document& d, doc::ObjectionId id, float width, bool wide,
                     const Fonts& fonts) {
    using CL = CardLayout;
    const doc::Objection& o = d.objection(id);
    card.items.clear();
    card.width = width;
    card.wide = wide;
    card.font_generation = fonts.generation;
    Builder b{card, fonts, width - 2.0f * Padding};

    // One voice at a time, each named: the objection in its speaker's words, the essay's replies, then the editors.
    // The objection's and the essay's words are set in the serif, verbatim; the editors' (the verdict and its note) in
    // the sans, last. The editors' short title heads the card, in the sans, so the card says at once what it is
    // about (a fresh reader asked for a heading); the words it summarises follow (three asked for them in the card).
    // Close is a × at the top right, as on a dialog, the line over the title clear of it: the foot then has room for
    // the way on to the next objection beside Copy link (on a row of its own, the way on read as stranded to a fresh
    // reader).
    CL::Item close;
    LayoutPlain("×", Font_UiBold, b.inner, 1.3f, fonts, close.layout);
    close.x = Padding + b.inner - close.layout.width;
    close.y = Padding;
    close.ink = CL::Ink_Muted;
    close.look = CL::Look_Link;
    close.action = CardAction::Close;
    // Over the title, which objection it is and whose words the title is, as the card's heads say whose the
    // objection's and the replies' are: unlabelled, the title read as the critic's or the author's words to seven of
    // stop 59's twelve fresh readers; as "· the editors' summary", the label read as the whole card's to all three of
    // stop 60's first. (On the verdict's line, "title added by the editors" was noise and wrapped at 320 px, said three
    // of stop 51's first.) Its colon leads to the title. "Titled by the editors" says the title is all it covers: "in
    // the editors' words:" read as the whole card's label to five of stop 66's six, and broke "in / the editors'
    // words:" at 320 px; the clause is never broken.
    const float title_room = close.layout.width + CloseGap;
    b.inner -= title_room;
    const std::string over_title = app::ObjectionNumber(d, id) + ", titled\u00A0by\u00A0the\u00A0editors:";
    b.Add(over_title, Font_Ui, CL::Ink_Muted, 1.3f, 0.0f);
    b.inner += title_room;
    const CL::Item& title = b.Add(o.title, Font_UiBold, CL::Ink_Body, 1.3f, 0.0f);
    const bool reader = o.source == doc::ObjectionSource::ReaderComment;
    // Readers' comments are numbered where they are set ("Reader’s comment 1"); the essay names the people it quotes
    // only as its critics ("naysayers", a "defensive response", an "insistence"): the editors say who, as far as the
    // essay does (Objection::by), and otherwise that it does not, rather than leave "a critic" to read as one they
    // chose not to name (fresh readers asked who raised it).
    // The editors' verdict after the title's last word (under it where the line has no room), then who raised it on
    // a line of its own (in one sentence, all three of stop 41's readers found three voices crammed into it). Which
    // objection it is stands over the title: a fresh reader found the word "objection" nowhere on the card, another
    // asked for "1 of 14". The verdict at a glance, its mark and word in its colour, where six of stop 50's nine fresh
    // readers looked for it first; its reasons stay at the foot, after the replies they weigh (given before them, the
    // judgement came before the evidence to all three of stop 51's first readers). Who raised it is in the ink: in the
    // grey of the line above, it ran into it and was the card's easiest fact to miss (three of stop 42's fresh
    // readers).
    b.AddAfter(title, doc::VerdictWord(o.status), Font_UiBold, CL::Ink_Body, CL::Look_Status, CardAction::None, 0,
               HeadRowSpacing);
    card.items.push_back(std::move(close));
    // "an anonymous reader": "a reader, unnamed," read as an accusation to one of stop 64's fresh readers and as
    // stilted to two more.
    CL::Item& from = b.Add("Raised by " + (reader         ? "an anonymous reader, in " + app::ObjectionWhose(d, o)
                                           : o.by.empty() ? std::string("a critic, unnamed in the essay")
                                                          : o.by),
                           Font_Ui, CL::Ink_Body, 1.3f, 0.0f);
    // Says what it opens ("Read it all ↓" was vague to three of stop 56's fresh readers).
    if (reader)
        b.AddAfter(from, "Read the whole comment\u00A0↓", Font_Ui, CL::Ink_Accent, CL::Look_Link, CardAction::ReadComment,
                   0, 10.0f);
    // A reader's words are quoted from their comment, so the passage tinted in the essay is the one they challenge,
    // and the card says so on that tint: unsaid, the tint meant the objection on a critic's card and something else on
    // a reader's to five of stop 62's six fresh readers.
    if (reader)
        b.Add(wide ? "It challenges the tinted passage at left\u00A0←" : "It challenges the tinted passage above\u00A0↑",
              Font_Ui, CL::Ink_Body, 1.3f, 6.0f, CL::Look_Pointer);
    // Headed as the replies and the verdict are, so the card reads as three parts (a fresh reader found the objection
    // the one part without a head).
    CL::Item& head = b.Add(reader ? "The objection, in the reader’s words" : "The objection", Font_UiBold, CL::Ink_Body,
                           1.3f, Gap + 4.0f);
    // Where the objection's words are the passage the card marks, the head points to them on their tint: in the
    // column up to the passage right above it, in the margin across to it, and there as a link, since a card pushed
    // down by another may sit lower ("tinted" names the passage by what the reader sees: four fresh readers asked
    // which words were the objection). A margin card quotes them whole all the same, so that it stands alone: with
    // the pointer only, every one of stop 49's nine fresh readers and two of stop 50's first three found the
    // objection missing from the card, more than the three of stop 34 who found them printed twice side by side;
    // their first sentence alone, with "Read it in full at left ←", was a stub to six of stop 45's nine. A column's
    // card, right under the passage, does not print it twice on one phone screen (two of stop 34's). A reader's
    // words, set elsewhere, are quoted whole.
    const bool at_passage = o.quote.block == o.anchor.block && o.quote.begin >= o.anchor.begin &&
                            o.quote.end <= o.anchor.end;
    if (at_passage)
        // In the links' accent where it jumps, else muted: off its chip, in the ink, "The objection the tinted passage
        // at left" ran on as one phrase.
        b.AddAfter(head, wide ? "the tinted passage at left\u00A0←" : "the tinted passage above\u00A0↑", Font_Ui,
                   wide ? CL::Ink_Accent : CL::Ink_Muted, CL::Look_Pointer,
                   wide ? CardAction::JumpToQuote : CardAction::None, 0, 14.0f);
    // Set as the replies are, in their roman on the tint of its words in the text, its rule marking it a quotation:
    // in quotation marks, an objection the author paraphrased read as the critics' own words (a fresh reader of
    // stop 50, under "paraphrased by the author").
    if (wide || !at_passage)
        b.Add(std::string(d.PassageText(o.quote)), Font_Note, CL::Ink_Body, 1.45f, 4.0f, CL::Look_Objection);
    if (!o.replies.empty()) {
        // The card's sections are headed in the ink: in grey they were lost in the card (a fresh reader).
        // Says the replies are quoted (two of stop 41's fresh readers found nothing saying they were the author's
        // words, as the objection's quotation marks say its are).
        // A reader's comment came after the essay, so the essay cannot reply to it: "The essay replies" read as the
        // editors' choice passed off as the author's reply to four of stop 62's nine fresh readers.
        b.Add(reader ? "What the essay had already said, in its own words" : "The essay replies, in its own words",
              Font_UiBold, CL::Ink_Body, 1.3f, Gap + 4.0f);
        // Every reply in full, on every screen, each on the wash that marks its words in the text while the card is
        // showing (with only the one beside the card on it, the replies read as two kinds to five of stop 39's fresh
        // readers).
        for (uint32_t r = 0; r < o.replies.size(); ++r) {
            b.Add(d.PassageText(o.replies[r].passage), Font_Note, CL::Ink_Body, 1.45f, r == 0 ? 4.0f : Gap,
                  CL::Look_Highlighted);
            // An internal jump under each, its arrow the way to the passage, never the external-link arrow: a quiet
            // link rather than a pill, so the essay's words, not the way to them, carry the card; under the reply
            // always, as a quotation's source is (after the last word where it fitted, it sat in a different place
            // for each reply, two fresh readers). Each says how far, the one beside the card too: as "Read it in its
            // paragraph at left ←" beside "5 paragraphs down ↓", two of stop 40's fresh readers found the labels
            // changing form.
            std::string where = app::WayToPassage(d, o.anchor.block, o.replies[r].passage.block);
            if (UiTextSize(fonts, Font_Ui, where).x > b.inner - QuoteInset)
                where = app::WayToPassage(d, o.anchor.block, o.replies[r].passage.block, true);
            b.AddAfter(b.card.items.back(), where, Font_Ui, CL::Ink_Accent, CL::Look_Link, CardAction::JumpToReply, r,
                       0.0f, true);
        }
    }
    // The editors' reasons for the verdict the head gives, after the replies they weigh, headed by whose they are (as
    // "Why it is", two of stop 53's second fresh readers found nothing on the card saying who gave the verdict, and
    // feared the author graded his own answers). The heading points back to the head's verdict rather than printing
    // its mark and word again: most of stop 60's nine fresh readers found the verdict printed twice on one card.
    // Where to put them has no answer every fresh reader accepts:
    // - under "The editors' reasons" here, they were far from the verdict to all six of stop 52's;
    // - right under the verdict in the head, the judgement came before its evidence to all three of stop 53's, who
    //   asked for them here, after the replies, as a section of their own (and so did stop 51's first three, given
    //   them between the objection and the replies);
    // - as a chip under "Editors' verdict" here, the verdict was said twice to all three of stop 51's second round.
    // The scale is the key's: in the card, as a list or row of the scale's marks, a sentence on the other verdicts or
    // one on what the mark means, it was noise to two or three of every three fresh readers of stops 40 and 41. Where
    // the editors give no reasons (an objection the essay speaks to in full), the head says all. The heading names the
    // verdict in its words: as "Why the editors call it that", "that" pointed back a screen to readers 322, 327 and
    // 328, and to three of stop 62's six.
    const bool reasons = !o.lead.empty() || o.replies.empty();
    if (reasons)
        b.Add("Why the editors call it “" + std::string(doc::VerdictWord(o.status)) + "”", Font_UiBold,
              CL::Ink_Body, 1.3f, Gap + 4.0f);
    if (o.replies.empty())
        b.Add("The essay does not speak to this.", Font_Ui, CL::Ink_Body, 1.4f, 2.0f);
    if (!o.lead.empty())
        b.Add(NoteText(o.lead), Font_Ui, CL::Ink_Body, 1.4f, 2.0f);
    // The objection the note sends the reader on to, as a jump that opens it (a fresh reader looked for a way to the
    // one the note names). After the note, which names it, the link says only how far it is: by its title it repeated
    // the note's words (another fresh reader).
    if (o.see.valid()) {
        const doc::Objection& see = d.objection(o.see);
        const std::string way = app::WayToPassage(d, o.anchor.block, see.anchor.block);
        b.Add(o.lead.empty() ? "See also “" + see.title + "”, " + way : "Open that objection, " + way, Font_Ui,
              CL::Ink_Accent, 1.35f, reasons ? 4.0f : Gap + 4.0f, CL::Look_Link, CardAction::SeeObjection);
    }
    if (!o.sim_test.empty())
        b.Add("Test this in the simulation", Font_Ui, CL::Ink_Accent, 1.2f, Gap + 2.0f, CL::Look_Pill,
              CardAction::TestInSimulation);
    // In the accent, as every action on the card is (in grey, "disabled" to two of stop 40's fresh readers).
    const CL::Item& copy = b.Add("Copy link", Font_Ui, CL::Ink_Accent, 1.35f, Gap + 6.0f, CL::Look_Link,
                                 CardAction::CopyLink);
    // The foot's left-hand links end where Copy link does, or Close after it.
    float left_y = copy.y, left_end = copy.x + copy.layout.width;
    // In the column a card can be taller than a phone's screen, and the × at its head is then a screen back up: its
    // foot closes it too (three of stop 45's fresh readers asked for a way out where they finished reading it).
    if (!wide) {
        b.AddAfter(card.items.back(), "Close", Font_Ui, CL::Ink_Accent, CL::Look_Link, CardAction::Close, 0, NavGap);
        left_y = card.items.back().y;
        left_end = card.items.back().x + card.items.back().layout.width;
    }
    // At the foot, as at a chapter's end: the way on to the objections before and after this one in the byline's
    // count (a fresh reader, at "Objection 1 of 14", looked for the second). Beside Copy link where they fit, else on
    // a row of their own under it; set from the right edge, added in reading order for the focus.
    const doc::ObjectionId previous = app::NeighborObjection(d, id, -1), next = app::NeighborObjection(d, id, 1);
    const size_t first = card.items.size();
    auto nav = [&](const std::string& label, CardAction action) {
        CL::Item& item = card.items.emplace_back();
        LayoutPlain(label, Font_Ui, b.inner, 1.35f, fonts, item.layout);
        item.ink = CL::Ink_Accent;
        item.look = CL::Look_Link;
        item.action = action;
    };
    if (previous.valid())
        nav("↑\u00A0Previous", CardAction::Previous);
    if (next.valid())
        nav("Next\u00A0↓", CardAction::Next);
    float needed = 0.0f;
    for (size_t i = first; i < card.items.size(); ++i)
        needed += card.items[i].layout.width + (i > first ? NavGap : 0.0f);
    const bool beside = left_end + NavGap + needed <= Padding + b.inner;
    const float nav_y = beside ? left_y : b.y + 6.0f;
    float right = Padding + b.inner;
    for (size_t i = card.items.size(); i-- > first;) {
        CL::Item& item = card.items[i];
        item.x = right - item.layout.width;
        item.y = nav_y;
        right = item.x - NavGap;
        b.y = std::max(b.y, nav_y + item.layout.height);
    }
    card.height = b.y + Padding;
}

CardClick DrawCard(const CardLayout& card, Ui& ui, doc::ObjectionId id, ImVec2 origin) {
    const doc::Objection& o = ui.state.document.objection(id);
    const Palette& palette = ui.palette;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 max(origin.x + card.width, origin.y + card.height);
    const float rounding = ThemeMetrics.card_rounding;
    list->AddRectFilled(origin, max, palette.card_background, rounding);
    list->AddRect(origin, max, palette.card_border, rounding, 0, ThemeMetrics.hairline);

    CardClick click;
    ImGui::PushID(int(id.index));
    for (size_t i = 0; i < card.items.size(); ++i) {
        const CardLayout::Item& item = card.items[i];
        const ImVec2 at(origin.x + item.x, origin.y + item.y);
        const ImVec2 end(at.x + item.layout.width, at.y + item.layout.height);
        const bool status = item.look == CardLayout::Look_Status;
        const ImU32 ink = status ? VerdictColour(o.status, palette) : InkColour(item.ink, palette);
        // The same wash as the passage in the text: yellow for a reply beside the card, the objection's tint for its
        // own words (a fresh reader asked what the two washes meant; the card now pairs each with its words).
        // A ruled reply's wash starts at its rule, as a tinted quotation's in the text does: 5 px right of the rule
        // it read as misaligned to two fresh readers.
        // A quotation's wash (a reply's, the objection's) runs to the card's text edge, so they are blocks of one
        // width (as wide as their own lines, two of stop 40's three fresh readers found them ragged).
        const float wash_end = Ruled(item.look) ? origin.x + card.width - Padding : end.x + 4.0f;
        if (Washed(item.look))
            list->AddRectFilled(ImVec2(Ruled(item.look) ? at.x - QuoteInset : at.x - WashLeft, at.y + 1.0f),
                                ImVec2(wash_end, end.y - 1.0f),
                                item.look == CardLayout::Look_Highlighted ? palette.reply_wash : palette.objection_tint, 3.0f,
                                Ruled(item.look) ? ImDrawFlags_RoundCornersRight : ImDrawFlags_None);
        if (item.look == CardLayout::Look_Pointer) {
            std::vector<text::Rect> rects;
            text::InkRects(item.layout, item.tint_begin, item.tint_end, rects);
            for (const text::Rect& r : rects)
                list->AddRectFilled(ImVec2(at.x + r.x - 3.0f, at.y + r.y + 1.0f),
                                    ImVec2(at.x + r.x + r.width + 3.0f, at.y + r.y + r.height - 1.0f),
                                    palette.objection_tint, 3.0f);
        }
        // The verdict in its own colour after its mark: the one judgement on the card, told apart at a glance (a
        // fresh reader asked for a verdict in colour; black on white it read as one more label).
        if (status)
            DrawVerdictMark(list, ImVec2(at.x - VerdictMarkWidth(item.layout.height), at.y), item.layout.height,
                            o.status, ink);
        // Every quotation has its rule, a reply on its wash too, so the replies read as one kind (a fresh reader took
        // the one without a rule for another kind of thing).
        if (Ruled(item.look))
            list->AddRectFilled(ImVec2(at.x - QuoteInset, at.y + 3.0f), ImVec2(at.x - QuoteInset + 2.0f, end.y - 3.0f),
                                palette.quote_bar);
        bool hovered = false, held = false;
        if (item.action != CardAction::None) {
            const bool pill = item.look == CardLayout::Look_Pill;
            const ImVec2 min = pill ? ImVec2(at.x - PillX, at.y - PillY) : at;
            const ImVec2 box = pill ? ImVec2(end.x + PillX, end.y + PillY) : end;
            ImGui::PushID(int(i));
            if (Interact(ui, ActionKind(item.action), o.id, min, box, hovered, held))
                click = {item.action, item.reply};
            ImGui::PopID();
            const float r = (box.y - min.y) * 0.5f;
            if (pill) {
                if (held || hovered)
                    list->AddRectFilled(min, box, held ? palette.control_pressed : palette.control_hover, r);
                list->AddRect(min, box, Faded(palette.accent, 0.6f), r, 0, ThemeMetrics.hairline);
            } else if (hovered) {
                list->AddLine(ImVec2(at.x, end.y - 1.0f), ImVec2(end.x, end.y - 1.0f), hovered ? palette.ink : ink);
            }
        }
        DrawLayout(list, item.layout, ui.fonts, at,
                   item.look == CardLayout::Look_Link && hovered ? palette.ink : ink);
    }
    ImGui::PopID();
    return click;
}

void BuildCardPeek(CardPeek& peek, const doc::Document& d, doc::ObjectionId id, float width, bool row,
                   bool beside_words, const Fonts& fonts) {
    if (peek.width == width && peek.row == row && peek.beside_words == beside_words &&
        peek.font_generation == fonts.generation)
        return;
    peek.width = width;
    peek.row = row;
    peek.beside_words = beside_words;
    peek.font_generation = fonts.generation;
    const doc::Objection& o = d.objection(id);
    // In the lane, after the verdict, the link says what the card gives, the verdict's reasons with the replies: as
    // "Open" there, "partly addressed   Open" read as a second status ("still open") to a fresh reader of stop 69, as
    // to one of stop 68's. A phone's row keeps "Open" at its right, away from the verdict after the title.
    LayoutPlain(row ? "Open" : "See why", Font_Ui, width, 1.3f, fonts, peek.open);
    // A part that does not fit after the one before it starts the next line, at the left.
    float x = 0.0f, y = 0.0f, line = 0.0f;
    const auto place = [&](float part, float limit) {
        if (x + part > limit) {
            x = 0.0f;
            y += line;
        }
        const ImVec2 at(x, y);
        x += part + HeadRowSpacing;
        return at;
    };
    if (row) {
        // A phone's row, as short as it can be: its title, then its verdict in the regular weight after its last word
        // (in bold, between paragraphs, a verdict pulled the eye off the prose to a fresh reader of stop 55), and
        // "Open" at the right of its first line, as a phone's list rows say they open. A line for whose it is and
        // the verdict under the title made each row three lines at 390 px, and the rows "14 interruptions" that broke
        // the prose, to two of stop 59's second fresh readers, who scored the reading lower for them; the card says
        // whose it is. Without the verdict's word or "Open", the rows did not say what the verdict was or that they
        // open, to all three of its first. Its title says whose objection it is first, "From a critic: …", as the
        // margin's "Objection 2 of 14, from a critic" does: without it a phone's rows did not tell a critic's
        // objection from a reader's to six of stop 59's last fresh readers and all three of stop 60's first.
        // Under the reader's own words, whose it is goes without saying: "From a reader:" on each of three rows under
        // one comment made them a stack of grey blocks to three of stop 66's six fresh readers.
        const float open_room = peek.open.width + HeadRowSpacing;
        const bool reader = o.source == doc::ObjectionSource::ReaderComment;
        const std::string whose = beside_words ? std::string()
                                  : reader     ? std::string("From a reader: ")
                                               : "From " + app::ObjectionWhose(d, o) + ": ";
        LayoutPlain(whose + o.title, Font_Ui, width - open_room, 1.3f, fonts, peek.title);
        LayoutPlain(doc::VerdictWord(o.status), Font_Ui, width, 1.3f, fonts, peek.verdict);
        peek.which = {};
        const text::Line& last = peek.title.lines.back(); // a layout always has a line
        line = last.height;
        x = last.width + HeadRowSpacing;
        y = last.top;
        peek.verdict_at = place(VerdictMarkWidth(line) + peek.verdict.width,
                                peek.title.lines.size() == 1 ? width - open_room : width);
        peek.open_at = ImVec2(width - peek.open.width, 0.0f);
        peek.height = y + line;
        return;
    }
    // Beside a passage, the head's line under the title: whose it is (the card says so under its title), the verdict
    // and "Open", flowed (past a narrow lane's edge, "Open" was left out). Beside the reader's words, what it is to
    // them: numbered, the peeks there ran "13 of 14, 9 of 14, 8 of 14" down a comment, in the order of its words, which
    // all six of stop 63's fresh readers took for a sorting bug; "Drawn from these words" named words that only the
    // first peek's bracket marks (two of stop 64's first three); as "From this comment" alone, the objections could
    // not be found in the list (all three of stop 65's first).
    LayoutPlain(o.title, Font_Ui, width, 1.3f, fonts, peek.title);
    LayoutPlain(beside_words ? app::ObjectionNumber(d, id) + ", from this comment" : app::ObjectionNumber(d, id, true),
                Font_Ui, width, 1.3f, fonts, peek.which);
    LayoutPlain(doc::VerdictWord(o.status), Font_UiBold, width, 1.3f, fonts, peek.verdict);
    line = peek.which.height;
    x = peek.which.width + HeadRowSpacing;
    y = peek.title.height + PeekGap;
    // The verdict and "Open" keep together: "Open" alone on a line under "Objection 5 of 14, from this comment
    // ● addressed" read as a slip to two of stop 65's fresh readers.
    const float verdict_w = VerdictMarkWidth(line) + peek.verdict.width;
    if (x + verdict_w <= width && x + verdict_w + HeadRowSpacing + peek.open.width > width) {
        x = 0.0f;
        y += line;
    }
    peek.verdict_at = place(verdict_w, width);
    peek.open_at = place(peek.open.width, width);
    peek.height = y + line;
}
void DrawCardPeek(ImDrawList* list, const CardPeek& peek, const Fonts& fonts, const Palette& palette,
                  doc::ObjectionStatus status, ImVec2 at, bool pointed) {
    // A row's title in the muted ink: between paragraphs, in the ink, it would read as the essay's own words.
    DrawLayout(list, peek.title, fonts, at, pointed ? palette.accent : peek.row ? palette.muted : palette.ink);
    DrawLayout(list, peek.which, fonts, ImVec2(at.x, at.y + peek.title.height + PeekGap), palette.muted);
    const float line = peek.verdict.height;
    const ImU32 colour = VerdictColour(status, palette);
    const ImVec2 verdict(at.x + peek.verdict_at.x, at.y + peek.verdict_at.y);
    DrawVerdictMark(list, verdict, line, status, colour);
    DrawLayout(list, peek.verdict, fonts, ImVec2(verdict.x + VerdictMarkWidth(line), verdict.y), colour);
    // A closed title in the margin gave no sign that it opens to three of stop 56's fresh readers: the word the card's
    // own links would say, in their colour.
    DrawLayout(list, peek.open, fonts, ImVec2(at.x + peek.open_at.x, at.y + peek.open_at.y),
               pointed ? palette.ink : palette.accent);
}

} // namespace views
