// Reads advances and vertical metrics from ImGui's rasterised fonts and converts device px to CSS px.
#include "views/imgui_font_metrics.h"

namespace views {

float ImGuiFontMetrics::Advance(text::FontId font, char32_t codepoint) const {
    const ImFont* f = fonts_.font[font.index];
    // ImWchar is 16-bit here: anything beyond the BMP takes the fallback glyph's advance, as it is drawn.
    const ImWchar c = codepoint <= 0xFFFF ? ImWchar(codepoint) : ImWchar(0xFFFD);
    return f->GetCharAdvance(c) / fonts_.dpr;
}

text::VerticalMetrics ImGuiFontMetrics::Vertical(text::FontId font) const {
    const ImFont* f = fonts_.font[font.index];
    return {f->Ascent / fonts_.dpr, -f->Descent / fonts_.dpr, 0.0f};
}

} // namespace views
