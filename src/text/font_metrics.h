// The measuring interface the text layout engine lays out against; knows no font file, no ImGui and no renderer.
//
// The app implements FontMetrics over its ImGui fonts (advances) and stb_truetype (kerning pairs); tests implement it
// with fake monospace and proportional metrics. All lengths are in the same unit as the layout's max width (pixels).
//
// Ownership: the layout engine only borrows a FontMetrics for the duration of one call and keeps no pointer to it.
#pragma once

#include <cstdint>

namespace text {

// A font face at a size, chosen by the caller ("body regular", "body italic", "heading 2 bold", ...). A small typed
// index rather than a pointer, so a Layout can be cached and compared without knowing what the font is.
struct FontId {
    uint16_t index = 0;
    friend bool operator==(FontId, FontId) = default;
};

// Vertical metrics of one font, all non-negative: ascent above the baseline, descent below it, and the extra gap the
// font asks for between lines. A font's natural line height is ascent + descent + line_gap.
struct VerticalMetrics {
    float ascent = 0.0f;
    float descent = 0.0f;
    float line_gap = 0.0f;
};

class FontMetrics {
public:
    virtual ~FontMetrics() = default;

    // Horizontal advance of one codepoint in `font`, kerning excluded. Invalid input arrives as U+FFFD.
    virtual float Advance(FontId font, char32_t codepoint) const = 0;

    // Kerning adjustment to add between `left` and `right` when both are set in `font` (usually <= 0). The engine
    // never asks across two different fonts: kerning tables are per font, so a pair straddling fonts gets none.
    virtual float Kerning(FontId font, char32_t left, char32_t right) const = 0;

    virtual VerticalMetrics Vertical(FontId font) const = 0;
};

} // namespace text
