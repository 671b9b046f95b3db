// Glyph drawing at device-pixel-snapped positions, and plain-string layout through the text engine.
#include "views/text_draw.h"

#include "views/imgui_font_metrics.h"

#include <cmath>

namespace views {

std::string KeepNumbersWhole(std::string_view text) {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::string out;
    out.reserve(text.size() + 8);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '.' && i > 0 && i + 1 < text.size() && digit(text[i - 1]) && digit(text[i + 1]))
            out += "\u2024";
        else
            out += text[i];
    }
    return out;
}

namespace {
// Draws one glyph from the atlas snapped to the device-pixel grid, so kerned sub-pixel positions stay crisp.
// ImFont::RenderChar would floor to whole CSS px, which at dpr 2 or 3 spaces letters unevenly.
void DrawGlyph(ImDrawList* list, const ImFont* font, float dpr, float x, float baseline, char32_t codepoint, ImU32 col) {
    const ImFontGlyph* g = font->FindGlyph(codepoint <= 0xFFFF ? ImWchar(codepoint) : ImWchar(0xFFFD));
    if (g == nullptr || !g->Visible)
        return;
    const float s = 1.0f / dpr;
    const float ox = std::round(x * dpr) * s;
    const float oy = std::round((baseline - font->Ascent * s) * dpr) * s;
    list->PrimReserve(6, 4);
    list->PrimRectUV(ImVec2(ox + g->X0 * s, oy + g->Y0 * s), ImVec2(ox + g->X1 * s, oy + g->Y1 * s),
                     ImVec2(g->U0, g->V0), ImVec2(g->U1, g->V1), col);
}
} // namespace

float LineHeightScale(FontRole role, float leading, const Fonts& fonts) {
    const ImGuiFontMetrics metrics(fonts);
    const text::VerticalMetrics v = metrics.Vertical(FontIdFor(role));
    return leading * fonts.size_css[role] / (v.ascent + v.descent);
}

void LayoutPlain(std::string_view text, FontRole role, float width, float leading, const Fonts& fonts,
                 text::Layout& out_layout, std::span<const text::StyledRun> runs) {
    const ImGuiFontMetrics metrics(fonts);
    text::LayoutSettings settings;
    settings.max_width = width;
    settings.line_height_scale = LineHeightScale(role, leading, fonts);
    settings.fallback_font = FontIdFor(role);
    settings.avoid_widows = true; // a byline's last word alone on its line read as a slip (a fresh reader)
    settings.typographic_quotes = true; // a card quotes the essay as its column sets it
    text::LayoutParagraph(text, runs, settings, metrics, out_layout);
}

void DrawLayout(ImDrawList* list, const text::Layout& layout, const Fonts& fonts, ImVec2 origin, ImU32 colour,
                float clip_top, float clip_bottom, TagColourFn colour_of, const void* context) {
    list->PushTextureID(ImGui::GetIO().Fonts->TexID);
    for (const text::Line& line : layout.lines) {
        if (origin.y + line.top + line.height < clip_top || origin.y + line.top > clip_bottom)
            continue;
        for (const text::Fragment& fragment : text::LineFragments(layout, line)) {
            const ImFont* font = fonts.font[fragment.font.index];
            const ImU32 col = colour_of ? colour_of(fragment.user_tag, colour, context) : colour;
            for (uint32_t g = fragment.glyph_begin; g < fragment.glyph_end; ++g) {
                const text::Glyph& glyph = layout.glyphs[g];
                DrawGlyph(list, font, fonts.dpr, origin.x + glyph.x, origin.y + line.baseline, glyph.codepoint, col);
            }
        }
    }
    list->PopTextureID();
}

} // namespace views
