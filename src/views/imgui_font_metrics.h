// text::FontMetrics over the app's ImGui fonts, in CSS px; knows ImGui's font atlas, not documents or layout.
// Borrows the Fonts it is given: valid until the next RebuildFonts().
#pragma once

#include "text/font_metrics.h"
#include "views/fonts.h"

namespace views {

// text::FontId::index is a FontRole.
inline text::FontId FontIdFor(FontRole role) { return text::FontId{uint16_t(role)}; }

class ImGuiFontMetrics final : public text::FontMetrics {
public:
    explicit ImGuiFontMetrics(const Fonts& fonts) : fonts_(fonts) {}
    float Advance(text::FontId font, char32_t codepoint) const override;
    // Charis SIL carries no pair kerning (its GPOS holds only mark positioning), so the reading faces kern nothing;
    // the layout engine still asks, and a face with pairs would answer here.
    float Kerning(text::FontId, char32_t, char32_t) const override { return 0.0f; }
    text::VerticalMetrics Vertical(text::FontId font) const override;

private:
    const Fonts& fonts_;
};

} // namespace views
