// The two palettes, chosen for long reading (warm paper and soft ink, never pure black on pure white), and ImGui's
// style mapped onto their roles: no stock blue anywhere, buttons as quiet outlined pills.
#include "views/theme.h"

#include <algorithm>

namespace views {

namespace {
constexpr ImU32 Rgba(uint32_t rgb, uint32_t alpha = 0xFF) {
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, alpha);
}

// Light: paper #fbfaf7, ink #222222, muted #6b6760, accent #9c2f1e. Translucent roles are ink or accent over paper.
const Palette Light = {
    .background = ImVec4(0.984f, 0.980f, 0.969f, 1.0f),
    .ink = Rgba(0x222222),
    .muted = Rgba(0x6B6760),
    .heading = Rgba(0x141414),
    .accent = Rgba(0x9C2F1E),
    // Muted, not the accent: red is kept for the objections' marks. Opaque (the muted at 0x90 over the paper): where
    // a tinted quotation draws its rule as tall as its tint over the block's own, a translucent rule drew twice, dark
    // in the middle and light at the ends (two fresh readers saw a glitch).
    .quote_bar = Rgba(0xAAA7A2),
    .scrollbar = Rgba(0x222222, 0x40),
    .card_background = Rgba(0xFFFEFB),
    .card_border = Rgba(0x222222, 0x26),
    .marker = Rgba(0x6B6760, 0xC0),
    .highlight = Rgba(0xF2C94C, 0x66),
    .reply_wash = Rgba(0xF2C94C, 0x52),
    .objection_tint = Rgba(0x9C2F1E, 0x17),
    .addressed = Rgba(0x2F7A4A), // 5:1 on the card, as `partly`
    .partly = Rgba(0x946000),
    .unaddressed = Rgba(0x44618F), // 6:1 on the card
    .bar_background = Rgba(0xFBFAF7),
    .selection = Rgba(0x9C2F1E, 0x2E),
    .match = Rgba(0xF2C94C, 0x38),
    .shadow = Rgba(0x000000, 0x14),
    // Between two readings: at 0x24 a fresh reader found the page greyed out; at 0x12 three of stop 35 found the contents
    // floating over the title, the page behind barely dimmed.
    .scrim = Rgba(0x222222, 0x1A),
    .control_hover = Rgba(0x222222, 0x0D),
    .control_pressed = Rgba(0x222222, 0x1C),
    .control_selected = Rgba(0x222222, 0x12),
};
// Dark: paper #18191b, ink #e4e1da, muted #9a968e, accent #f08a6c.
const Palette Dark = {
    .background = ImVec4(0.094f, 0.098f, 0.106f, 1.0f),
    .ink = Rgba(0xE4E1DA),
    .muted = Rgba(0x9A968E),
    .heading = Rgba(0xF2EFE9),
    .accent = Rgba(0xF08A6C),
    .quote_bar = Rgba(0x61605C), // the muted at 0x90 over the paper, opaque as the light theme's
    .scrollbar = Rgba(0xE4E1DA, 0x48),
    .card_background = Rgba(0x1F2023),
    .card_border = Rgba(0xE4E1DA, 0x2A),
    .marker = Rgba(0x9A968E, 0xD0),
    .highlight = Rgba(0xE5B04F, 0x40),
    // Thinner than the light theme's: at 0x38 the gold over near-black was a muddy olive under the reply's words, which
    // read as lower contrast than the text around it (a fresh reader of stop 41).
    .reply_wash = Rgba(0xE8B440, 0x28),
    // About twice the light theme's share: on near-black 0x17 read as no tint to a fresh reader. Rose rather than the
    // accent's orange: on near-black, orange and the reply's gold both dimmed to brown, and a fresh reader could not
    // tell the objection's words from the essay's reply.
    .objection_tint = Rgba(0xE0708F, 0x30),
    .addressed = Rgba(0x79C795),
    .partly = Rgba(0xE0B050),
    .unaddressed = Rgba(0x93B1DE),
    .bar_background = Rgba(0x18191B),
    .selection = Rgba(0xF08A6C, 0x40),
    .match = Rgba(0xE5B04F, 0x30),
    .shadow = Rgba(0x000000, 0x60),
    .scrim = Rgba(0x000000, 0x80), // at 0xA0 a fresh reader found the page behind "almost black"
    .control_hover = Rgba(0xE4E1DA, 0x12),
    .control_pressed = Rgba(0xE4E1DA, 0x24),
    .control_selected = Rgba(0xE4E1DA, 0x1A),
};

ImVec4 F(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }
} // namespace

const Palette& PaletteFor(app::Theme theme) { return theme == app::Theme::Dark ? Dark : Light; }

ImU32 Faded(ImU32 colour, float alpha) {
    const float a = float((colour >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(alpha, 0.0f, 1.0f);
    return (colour & ~IM_COL32_A_MASK) | (ImU32(a + 0.5f) << IM_COL32_A_SHIFT);
}

void ApplyTheme(app::Theme theme) {
    const Palette& p = PaletteFor(theme);
    ImGuiStyle& style = ImGui::GetStyle();
    // Every slot, so nothing of ImGui's stock palette (its blue) survives.
    ImVec4* c = style.Colors;
    const ImVec4 clear(0.0f, 0.0f, 0.0f, 0.0f);
    c[ImGuiCol_Text] = F(p.ink);
    c[ImGuiCol_TextDisabled] = F(p.muted);
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = clear;
    c[ImGuiCol_PopupBg] = F(p.card_background);
    c[ImGuiCol_Border] = F(p.card_border);
    c[ImGuiCol_BorderShadow] = clear;
    c[ImGuiCol_FrameBg] = F(p.card_background);
    c[ImGuiCol_FrameBgHovered] = F(p.control_hover);
    c[ImGuiCol_FrameBgActive] = F(p.control_pressed);
    c[ImGuiCol_TitleBg] = p.background;
    c[ImGuiCol_TitleBgActive] = p.background;
    c[ImGuiCol_TitleBgCollapsed] = p.background;
    c[ImGuiCol_MenuBarBg] = p.background;
    c[ImGuiCol_ScrollbarBg] = clear;
    c[ImGuiCol_ScrollbarGrab] = F(p.scrollbar);
    c[ImGuiCol_ScrollbarGrabHovered] = F(p.muted);
    c[ImGuiCol_ScrollbarGrabActive] = F(p.ink);
    c[ImGuiCol_CheckMark] = F(p.accent);
    // A slider's grab sits under its centred value; a thin muted grab never reads as selected text.
    c[ImGuiCol_SliderGrab] = F(Faded(p.muted, 0.55f));
    c[ImGuiCol_SliderGrabActive] = F(p.accent);
    c[ImGuiCol_Button] = clear;
    c[ImGuiCol_ButtonHovered] = F(p.control_hover);
    c[ImGuiCol_ButtonActive] = F(p.control_pressed);
    c[ImGuiCol_Header] = F(p.control_selected);
    c[ImGuiCol_HeaderHovered] = F(p.control_hover);
    c[ImGuiCol_HeaderActive] = F(p.control_pressed);
    c[ImGuiCol_Separator] = F(p.card_border);
    c[ImGuiCol_SeparatorHovered] = F(p.muted);
    c[ImGuiCol_SeparatorActive] = F(p.accent);
    c[ImGuiCol_ResizeGrip] = clear;
    c[ImGuiCol_ResizeGripHovered] = F(p.control_hover);
    c[ImGuiCol_ResizeGripActive] = F(p.control_pressed);
    c[ImGuiCol_Tab] = clear;
    c[ImGuiCol_TabHovered] = F(p.control_hover);
    c[ImGuiCol_TabActive] = F(p.control_selected);
    c[ImGuiCol_TabUnfocused] = clear;
    c[ImGuiCol_TabUnfocusedActive] = F(p.control_selected);
    c[ImGuiCol_PlotLines] = F(p.ink);
    c[ImGuiCol_PlotLinesHovered] = F(p.accent);
    c[ImGuiCol_PlotHistogram] = F(p.muted);
    c[ImGuiCol_PlotHistogramHovered] = F(p.accent);
    c[ImGuiCol_TableHeaderBg] = F(p.control_hover);
    c[ImGuiCol_TableBorderStrong] = F(p.card_border);
    c[ImGuiCol_TableBorderLight] = F(p.card_border);
    c[ImGuiCol_TableRowBg] = clear;
    c[ImGuiCol_TableRowBgAlt] = F(p.control_hover);
    c[ImGuiCol_TextSelectedBg] = F(p.selection);
    c[ImGuiCol_DragDropTarget] = F(p.accent);
    c[ImGuiCol_NavHighlight] = F(p.accent); // the focus ring, in the accent on both themes
    c[ImGuiCol_NavWindowingHighlight] = F(p.accent);
    c[ImGuiCol_NavWindowingDimBg] = F(p.control_pressed);
    c[ImGuiCol_ModalWindowDimBg] = F(p.control_pressed);

    // Stock buttons and fields become quiet outlined pills in ink, like the views' own controls.
    const Metrics& m = ThemeMetrics;
    style.WindowBorderSize = 0.0f;
    style.WindowPadding = ImVec2(0.0f, 0.0f);
    style.WindowRounding = 0.0f;
    style.ChildRounding = m.card_rounding;
    style.PopupRounding = m.card_rounding;
    style.PopupBorderSize = m.hairline;
    style.FrameRounding = m.pill_rounding;
    style.FrameBorderSize = m.hairline;
    style.FramePadding = ImVec2(10.0f, 4.0f);
    style.ItemSpacing = ImVec2(8.0f, 6.0f);
    style.ItemInnerSpacing = ImVec2(6.0f, 4.0f);
    style.GrabMinSize = 6.0f;
    style.GrabRounding = 3.0f;
    style.ScrollbarRounding = 4.0f;
    style.TabRounding = 4.0f;
    style.DisabledAlpha = 0.45f;
}

} // namespace views
