// An objection's card: our summary, the objection's own words and source, its status, and the essay's replies with a
// way to each passage. Knows ImGui, the Document and the text engine; nothing of where the card is placed.
#pragma once

#include "app/app_state.h"
#include "doc/document.h"
#include "text/text_layout.h"
#include "views/focus.h"
#include "views/fonts.h"
#include "views/theme.h"

#include <vector>

namespace views {

enum class CardAction : uint8_t { None, ReadComment, JumpToReply, TestInSimulation, CopyLink, Close };

// A laid-out card, cached by the essay view per objection; valid for (width, font generation).
struct CardLayout {
    enum Ink : uint8_t { Ink_Body, Ink_Muted, Ink_Heading, Ink_Accent, Ink_Chip };
    struct Item {
        text::Layout layout;
        float x = 0.0f, y = 0.0f; // inside the card
        Ink ink = Ink_Body;
        CardAction action = CardAction::None;
        uint32_t reply = 0; // which reply a JumpToReply item jumps to
    };
    std::vector<Item> items;
    float width = 0.0f;
    float height = 0.0f;
    int font_generation = -1;
};

void BuildCardLayout(CardLayout& card, const doc::Document& document, doc::ObjectionId id, float width,
                     const Fonts& fonts);

struct CardClick {
    CardAction action = CardAction::None;
    uint32_t reply = 0;
};
// Draws the card with its top-left at `origin` (screen) and returns what the reader clicked or activated. Controls
// register with `focus` in reading order under `group` (the card's marker), so Esc can close the card, and are
// reported in `report`.
CardClick DrawCard(const CardLayout& card, const app::AppState& state, app::FrameReport& report, doc::ObjectionId id,
                   ImVec2 origin, const Palette& palette, const Fonts& fonts, FocusRing& focus, ImGuiID group);

// Adds a control to report.controls when it is on screen, and names it in report.focused_control when focused.
void ReportControl(app::FrameReport& report, const app::Viewport& viewport, const FocusRing& focus, ImGuiID focus_id,
                   const char* kind, std::string_view objection_id, ImVec2 min, ImVec2 max);

} // namespace views
