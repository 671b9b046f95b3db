// Lays out and draws objection cards. Our words (summary, labels, notes) are set in the interface sans and marked as
// ours; the objection's and the essay's words are set in the serif, verbatim, so the two can never be confused.
#include "views/objection_card.h"

#include "views/text_draw.h"

#include <string>

namespace views {

namespace {
constexpr float Padding = 14.0f;
constexpr float Gap = 8.0f;

const char* StatusLabel(doc::ObjectionStatus status) {
    switch (status) {
    case doc::ObjectionStatus::Answered: return "ANSWERED";
    case doc::ObjectionStatus::PartlyAnswered: return "PARTLY ANSWERED";
    case doc::ObjectionStatus::Open: return "OPEN: NOT ANSWERED IN THE ESSAY";
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

struct Builder {
    CardLayout& card;
    const Fonts& fonts;
    float inner;
    float y = Padding;

    CardLayout::Item& Add(std::string_view text, FontRole role, CardLayout::Ink ink, float leading, float space_before,
                          CardAction action = CardAction::None, uint32_t reply = 0) {
        CardLayout::Item& item = card.items.emplace_back();
        LayoutPlain(text, role, inner, leading, fonts, item.layout);
        y += space_before;
        item.x = Padding;
        item.y = y;
        item.ink = ink;
        item.action = action;
        item.reply = reply;
        y += item.layout.height;
        return item;
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

ImU32 InkColour(CardLayout::Ink ink, const Palette& palette) {
    switch (ink) {
    case CardLayout::Ink_Body: return palette.ink;
    case CardLayout::Ink_Muted: return palette.muted;
    case CardLayout::Ink_Heading: return palette.heading;
    case CardLayout::Ink_Accent: return palette.accent;
    case CardLayout::Ink_Chip: return palette.card_background;
    }
    return palette.ink;
}
} // namespace

void BuildCardLayout(CardLayout& card, const doc::Document& d, doc::ObjectionId id, float width, const Fonts& fonts) {
    const doc::Objection& o = d.objection(id);
    card.items.clear();
    card.width = width;
    card.font_generation = fonts.generation;
    Builder b{card, fonts, width - 2.0f * Padding};

    b.Add(StatusLabel(o.status), Font_UiBold, CardLayout::Ink_Chip, 1.3f, 0.0f);
    b.Add("Objection, in our summary:", Font_Ui, CardLayout::Ink_Muted, 1.4f, Gap);
    b.Add(o.title, Font_UiBold, CardLayout::Ink_Heading, 1.35f, 2.0f);
    b.Add("“" + std::string(d.PassageText(o.quote)) + "”", Font_NoteItalic, CardLayout::Ink_Body, 1.45f, Gap);
    if (o.source == doc::ObjectionSource::QuotedInEssay) {
        b.Add("— as quoted in the essay", Font_Ui, CardLayout::Ink_Muted, 1.4f, 2.0f);
    } else {
        b.Add("— from a reader’s comment", Font_Ui, CardLayout::Ink_Muted, 1.4f, 2.0f);
        b.Add("Read the whole comment ↓", Font_Ui, CardLayout::Ink_Accent, 1.4f, 2.0f, CardAction::ReadComment);
    }
    if (!o.lead.empty())
        b.Add("Our note: " + o.lead, Font_Ui, CardLayout::Ink_Muted, 1.4f, Gap);
    if (o.replies.empty()) {
        b.Add("The essay does not answer this.", Font_UiBold, CardLayout::Ink_Muted, 1.4f, Gap);
    } else {
        b.Add(o.replies.size() == 1 ? "The essay’s reply, in its own words:" : "The essay’s replies, in its own words:",
              Font_UiBold, CardLayout::Ink_Muted, 1.4f, Gap + 2.0f);
        for (uint32_t r = 0; r < o.replies.size(); ++r) {
            b.Add(d.PassageText(o.replies[r].passage), Font_Note, CardLayout::Ink_Body, 1.45f, r == 0 ? 4.0f : Gap);
            b.Add("Jump to this passage ↗", Font_Ui, CardLayout::Ink_Accent, 1.4f, 2.0f, CardAction::JumpToReply, r);
        }
    }
    if (!o.sim_test.empty())
        b.Add("Test this in the simulation ▶", Font_UiBold, CardLayout::Ink_Accent, 1.4f, Gap + 2.0f,
              CardAction::TestInSimulation);
    CardLayout::Item& copy = b.Add("Copy link", Font_Ui, CardLayout::Ink_Accent, 1.4f, Gap + 4.0f, CardAction::CopyLink);
    CardLayout::Item& close = card.items.emplace_back();
    LayoutPlain("Close ×", Font_Ui, b.inner, 1.4f, fonts, close.layout);
    close.x = Padding + copy.layout.width + 24.0f;
    close.y = copy.y;
    close.ink = CardLayout::Ink_Accent;
    close.action = CardAction::Close;
    card.height = b.y + Padding;
}

void ReportControl(app::FrameReport& report, const app::Viewport& viewport, const FocusRing& focus, ImGuiID focus_id,
                   const char* kind, std::string_view objection_id, ImVec2 min, ImVec2 max) {
    if (focus.visible && focus.focused == focus_id)
        report.focused_control = std::string(kind) + ":" + std::string(objection_id);
    if (max.y < 0.0f || min.y > viewport.height)
        return;
    report.controls.push_back({kind, std::string(objection_id), min.x, min.y, max.x - min.x, max.y - min.y});
}

CardClick DrawCard(const CardLayout& card, const app::AppState& state, app::FrameReport& report, doc::ObjectionId id,
                   ImVec2 origin, const Palette& palette, const Fonts& fonts, FocusRing& focus, ImGuiID group) {
    const doc::Objection& o = state.document.objection(id);
    const float scroll_y = state.scroll.y;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 max(origin.x + card.width, origin.y + card.height);
    const ImU32 status = StatusColour(o.status, palette);
    list->AddRectFilled(origin, max, palette.card_background, 6.0f);
    list->AddRect(origin, max, palette.card_border, 6.0f);
    list->AddRectFilled(origin, ImVec2(origin.x + 4.0f, max.y), status, 6.0f, ImDrawFlags_RoundCornersLeft);

    CardClick click;
    ImGui::PushID(int(id.index));
    for (size_t i = 0; i < card.items.size(); ++i) {
        const CardLayout::Item& item = card.items[i];
        const ImVec2 at(origin.x + item.x, origin.y + item.y);
        const ImVec2 end(at.x + item.layout.width, at.y + item.layout.height);
        if (item.ink == CardLayout::Ink_Chip)
            list->AddRectFilled(ImVec2(at.x - 6.0f, at.y), ImVec2(end.x + 6.0f, end.y), status, 4.0f);
        if (item.action != CardAction::None) {
            ImGui::PushID(int(i));
            ImGui::SetCursorScreenPos(at);
            const ImGuiID action_id = ImGui::GetID("##action");
            const bool clicked = ImGui::InvisibleButton("##action", ImVec2(item.layout.width + 1.0f, item.layout.height));
            const bool hovered = ImGui::IsItemHovered();
            const bool activated = FocusableItem(focus, action_id, at, end, scroll_y, false, group);
            ReportControl(report, state.viewport, focus, action_id, ActionKind(item.action), o.id, at, end);
            if (hovered) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                list->AddLine(ImVec2(at.x, end.y - 2.0f), ImVec2(end.x, end.y - 2.0f), palette.accent);
            }
            if (clicked || activated)
                click = {item.action, item.reply};
            ImGui::PopID();
        }
        DrawLayout(list, item.layout, fonts, at, InkColour(item.ink, palette));
    }
    ImGui::PopID();
    return click;
}

} // namespace views
