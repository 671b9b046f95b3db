// The two palettes, chosen for long reading: warm paper and soft ink, never pure black on pure white.
#include "views/theme.h"

namespace views {

namespace {
const Palette Light = {
    ImVec4(0.984f, 0.980f, 0.969f, 1.0f), IM_COL32(0x22, 0x22, 0x22, 0xFF), IM_COL32(0x6B, 0x67, 0x60, 0xFF),
    IM_COL32(0x14, 0x14, 0x14, 0xFF),     IM_COL32(0x9C, 0x2F, 0x1E, 0xFF), IM_COL32(0xB8, 0x4A, 0x32, 0xFF),
    IM_COL32(0x00, 0x00, 0x00, 0x40),
};
const Palette Dark = {
    ImVec4(0.094f, 0.098f, 0.106f, 1.0f), IM_COL32(0xE4, 0xE1, 0xDA, 0xFF), IM_COL32(0x9A, 0x96, 0x8E, 0xFF),
    IM_COL32(0xF2, 0xEF, 0xE9, 0xFF),     IM_COL32(0xF0, 0x8A, 0x6C, 0xFF), IM_COL32(0xD9, 0x6E, 0x52, 0xFF),
    IM_COL32(0xFF, 0xFF, 0xFF, 0x48),
};
} // namespace

const Palette& PaletteFor(app::Theme theme) { return theme == app::Theme::Dark ? Dark : Light; }

void ApplyTheme(app::Theme theme) {
    if (theme == app::Theme::Dark)
        ImGui::StyleColorsDark();
    else
        ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    const Palette& p = PaletteFor(theme);
    style.Colors[ImGuiCol_WindowBg] = p.background;
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(p.ink);
    style.WindowBorderSize = 0.0f;
    style.WindowPadding = ImVec2(0.0f, 0.0f);
}

} // namespace views
