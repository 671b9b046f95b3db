// Lays out and draws objection cards as one typographic hierarchy: status, summary, the quotation and its source,
// the editors' note, the replies, then actions. The editors' words (summary, labels, notes) are set in the interface
// sans and credited to the editors in a word or two; the objection's and the essay's words are set in the serif,
// verbatim, beside a rule, so the two can never be confused.
#include "views/objection_card.h"

#include "views/text_draw.h"

#include <string>

namespace views {

namespace {
constexpr float Padding = 16.0f;
constexpr float Gap = 10.0f;
constexpr float QuoteInset = 12.0f; // the verbatim words sit this far right of their rule
constexpr float PillX = 12.0f, PillY = 6.0f;

const char* StatusLabel(doc::ObjectionStatus status) {
    switch (status) {
    case doc::ObjectionStatus::Answered: return "ANSWERED";
    case doc::ObjectionStatus::PartlyAnswered: return "PARTLY ANSWERED";
    case doc::ObjectionStatus::Open: return "OPEN"; // the card says "The essay does not answer this." below
    }
    return "";
}

ImU32 StatusColour(doc::ObjectionStatus status, const Palette& palette) {
    switch (status) {
    case doc::ObjectionStatus::Answered: return palette.status_answered;
    case doc::ObjectionStatus::PartlyAnswered: return palette.status_partly;
    case doc::ObjectionStatus::Open: return palette.status_open;
    }
    return palette.muted;
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
        const float inset = look == CardLayout::Look_Quoted ? QuoteInset : look == CardLayout::Look_Pill ? PillX : 0.0f;
        LayoutPlain(text, role, inner - 2.0f * inset, leading, fonts, item.layout);
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

    // A short action on `before`'s line (the comment's link beside its citation), or on a line of its own when the
    // line has no room.
    void AddBeside(const CardLayout::Item& before, std::string_view text, FontRole role, CardLayout::Ink ink,
                   float leading, CardLayout::Look look, CardAction action) {
        // Copied first: the new item may move the vector `before` lives in.
        const float x = before.x + before.layout.width, top = before.y, left = before.x;
        CardLayout::Item& item = card.items.emplace_back();
        LayoutPlain(text, role, inner, leading, fonts, item.layout);
        item.ink = ink;
        item.look = look;
        item.action = action;
        const float gap = 10.0f;
        if (item.layout.lines.size() == 1 && x + gap + item.layout.width <= Padding + inner) {
            item.x = x + gap;
            item.y = top;
            return;
        }
        item.x = left;
        item.y = y + 2.0f;
        y = item.y + item.layout.height;
    }
};

const char* ActionKind(CardAction action) {
    switch (action) {
    case CardAction::ReadComment: return "comment";
    case CardAction::JumpToReply: return "jump";
    case CardAction::TestInSimulation: return "simulation";
    case CardAction::CopyLink: return "copy";
    case CardAction::Close: return "close";
    case CardAction::None: break;
    }
    return "";
}

ImU32 InkColour(CardLayout::Ink ink, ImU32 status, const Palette& palette) {
    switch (ink) {
    case CardLayout::Ink_Body: return palette.ink;
    case CardLayout::Ink_Muted: return palette.muted;
    case CardLayout::Ink_Heading: return palette.heading;
    case CardLayout::Ink_Accent: return palette.accent;
    case CardLayout::Ink_Status: return status;
    }
    return palette.ink;
}

// Where a passage beside the card is, in words, for the pointer that replaces its text.
const char* BesideWords(const doc::Objection& o, uint32_t r, bool wide) {
    if (wide)
        return "Highlighted in the text beside this card:";
    return o.replies[r].passage.block == o.anchor.block ? "Highlighted in the passage just above:"
                                                        : "Highlighted in the passage just below:";
}

// The reply's first words, enough to find it by in the highlighted text beside the card without setting the whole
// passage twice: up to MaxWords words, then an ellipsis.
std::string OpeningWords(std::string_view passage) {
    constexpr int MaxWords = 6;
    int words = 0;
    for (size_t i = 0; i < passage.size(); ++i)
        if (passage[i] == ' ' && ++words == MaxWords) {
            std::string_view head = passage.substr(0, i);
            while (!head.empty() && (head.back() == ',' || head.back() == ';' || head.back() == ':'))
                head.remove_suffix(1);
            return "“" + std::string(head) + "…”";
        }
    return "“" + std::string(passage) + "”";
}
} // namespace

bool ReplyBeside(const doc::Objection& o, uint32_t reply, bool wide) {
    const uint32_t block = o.replies[reply].passage.block.index, anchor = o.anchor.block.index;
    return block >= anchor && block <= anchor + (wide ? 2u : 1u);
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

    // Who speaks, in as few words as say it: the title is the editors' summary, the quotation is its source's, word for
    // word, with the source under it as a citation, and the note is the editors'.
    b.Add(StatusLabel(o.status), Font_UiBold, CL::Ink_Status, 1.3f, 0.0f);
    b.Add("The objection, summarized by the editors:", Font_Ui, CL::Ink_Muted, 1.3f, 4.0f);
    b.Add(o.title, Font_UiBold, CL::Ink_Heading, 1.3f, 1.0f);
    // An objection the essay quotes as its own underlined passage is pointed at, not set twice: the card sits beside
    // it in the margin, or right under its paragraph on a phone.
    const bool quote_beside = o.quote == o.anchor;
    if (quote_beside)
        b.Add(wide ? "In its words, underlined beside this card:" : "In its words, underlined just above:", Font_Ui,
              CL::Ink_Muted, 1.35f, Gap);
    b.Add(quote_beside ? OpeningWords(d.PassageText(o.quote)) : "“" + std::string(d.PassageText(o.quote)) + "”",
          Font_NoteItalic, CL::Ink_Body, 1.45f, quote_beside ? 3.0f : Gap, CL::Look_Quoted);
    // Who raised it: the readers' comments are numbered where they are set ("Reader’s comment 1"); the essay names
    // the people it quotes only as its critics ("naysayers", a "defensive response", an "insistence").
    const bool reader = o.source == doc::ObjectionSource::ReaderComment;
    const std::string by = reader ? "— from reader’s comment " + std::to_string(d.block(o.quote.block).comment.index + 1)
                                  : std::string("— a critic, as the essay quotes them");
    CL::Item& source = b.Add(by, Font_Ui, CL::Ink_Muted, 1.35f, 2.0f);
    source.x += QuoteInset;
    if (reader)
        b.AddBeside(source, "Read it all ↓", Font_Ui, CL::Ink_Accent, 1.35f, CL::Look_Link, CardAction::ReadComment);
    if (!o.lead.empty()) {
        b.Add("Editors’ note", Font_UiBold, CL::Ink_Muted, 1.3f, Gap + 2.0f);
        b.Add(NoteText(o.lead), Font_Ui, CL::Ink_Body, 1.4f, 1.0f);
    }
    if (o.replies.empty()) {
        b.Add("The essay does not answer this.", Font_UiBold, CL::Ink_Muted, 1.35f, Gap + 2.0f);
    } else {
        b.Add(o.replies.size() == 1 ? "The essay’s reply" : "The essay’s replies",
              Font_UiBold, CL::Ink_Muted, 1.3f, Gap + 2.0f);
        for (uint32_t r = 0; r < o.replies.size(); ++r) {
            const bool beside = ReplyBeside(o, r, wide);
            if (beside) {
                b.Add(BesideWords(o, r, wide), Font_Ui, CL::Ink_Muted, 1.35f, r == 0 ? 4.0f : Gap);
                b.Add(OpeningWords(d.PassageText(o.replies[r].passage)), Font_Note, CL::Ink_Body, 1.45f, 3.0f,
                      CL::Look_Highlighted);
            } else
                b.Add(d.PassageText(o.replies[r].passage), Font_Note, CL::Ink_Body, 1.45f, r == 0 ? 4.0f : Gap,
                      CL::Look_Quoted);
            // An internal jump: the arrow says which way the passage is, never the external-link arrow.
            const bool above = o.replies[r].passage.block.index <= o.anchor.block.index;
            b.Add(above ? "Go to this passage ↑" : "Go to this passage ↓", Font_Ui, CL::Ink_Accent, 1.2f, 6.0f,
                  CL::Look_Pill, CardAction::JumpToReply, r);
        }
    }
    if (!o.sim_test.empty())
        b.Add("Test this in the simulation", Font_Ui, CL::Ink_Accent, 1.2f, Gap + 2.0f, CL::Look_Pill,
              CardAction::TestInSimulation);
    CL::Item& copy = b.Add("Copy link", Font_Ui, CL::Ink_Muted, 1.35f, Gap + 6.0f, CL::Look_Link, CardAction::CopyLink);
    CL::Item& close = card.items.emplace_back();
    LayoutPlain("Close ×", Font_Ui, b.inner, 1.35f, fonts, close.layout);
    close.x = Padding + b.inner - close.layout.width;
    close.y = copy.y;
    close.ink = CL::Ink_Muted;
    close.look = CL::Look_Link;
    close.action = CardAction::Close;
    card.height = b.y + Padding;
}

CardClick DrawCard(const CardLayout& card, Ui& ui, doc::ObjectionId id, ImVec2 origin) {
    const doc::Objection& o = ui.state.document.objection(id);
    const Palette& palette = ui.palette;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 max(origin.x + card.width, origin.y + card.height);
    const ImU32 status = StatusColour(o.status, palette);
    const float rounding = ThemeMetrics.card_rounding;
    list->AddRectFilled(origin, max, palette.card_background, rounding);
    list->AddRect(origin, max, palette.card_border, rounding, 0, ThemeMetrics.hairline);

    CardClick click;
    ImGui::PushID(int(id.index));
    for (size_t i = 0; i < card.items.size(); ++i) {
        const CardLayout::Item& item = card.items[i];
        const ImVec2 at(origin.x + item.x, origin.y + item.y);
        const ImVec2 end(at.x + item.layout.width, at.y + item.layout.height);
        const ImU32 ink = InkColour(item.ink, status, palette);
        if (item.look == CardLayout::Look_Highlighted) // the same wash as the reply's passage beside the card
            list->AddRectFilled(ImVec2(at.x - 4.0f, at.y + 1.0f), ImVec2(end.x + 4.0f, end.y - 1.0f),
                                palette.reply_wash, 3.0f);
        if (item.look == CardLayout::Look_Quoted)
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

} // namespace views
