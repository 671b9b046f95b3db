// Fake FontMetrics for the text engine's tests and bench: a monospace one and a proportional one with a few kerning
// pairs; knows no real font and nothing of the app.
//
// Ownership: plain stateless values; pass them by reference to LayoutParagraph for the duration of the call.
#pragma once

#include "text/font_metrics.h"

namespace text::fake {

// Every codepoint is 10 wide in every font, with no kerning: expected positions can be worked out by hand.
class MonospaceMetrics final : public FontMetrics {
public:
    static constexpr float Width = 10.0f;
    static constexpr float Ascent = 8.0f;
    static constexpr float Descent = 3.0f;
    static constexpr float LineGap = 1.0f; // line height 12

    float Advance(FontId, char32_t) const override { return Width; }
    float Kerning(FontId, char32_t, char32_t) const override { return 0.0f; }
    VerticalMetrics Vertical(FontId) const override { return {Ascent, Descent, LineGap}; }
};

// Font ids the proportional metrics understand; any other id behaves like Regular.
inline constexpr FontId Regular{0};
inline constexpr FontId Italic{1};
inline constexpr FontId Bold{2};
inline constexpr FontId Heading{3};

// Widths by letter shape, scaled per font by factors that are not powers of two, so positions are inexact floats as
// with real fonts. Kerning pairs differ per font, so a test can tell whose table was used.
class ProportionalMetrics final : public FontMetrics {
public:
    float Advance(FontId font, char32_t cp) const override { return BaseAdvance(cp) * Scale(font); }

    float Kerning(FontId font, char32_t left, char32_t right) const override {
        const float scale = Scale(font);
        if (left == 'A' && right == 'V') return -1.5f * scale;
        if (left == 'V' && right == 'A') return -1.5f * scale;
        if (left == 'T' && right == 'o') return -1.2f * scale;
        if (left == 'a' && right == 'w') return -0.7f * scale;
        if (left == 'r' && right == 'e') return -0.4f * scale;
        if (left == 'e' && right == 's') return -0.3f * scale;
        if (left == 0x201C && right == 'T') return -0.9f * scale; // “T
        if (font == Italic && left == 'f' && right == 'o') return -1.1f * scale;
        return 0.0f;
    }

    VerticalMetrics Vertical(FontId font) const override {
        const float size = 16.0f * Scale(font);
        return {0.8f * size, 0.25f * size, 0.1f * size};
    }

    static float Scale(FontId font) {
        if (font == Italic) return 0.97f;
        if (font == Bold) return 1.07f;
        if (font == Heading) return 1.6f;
        return 1.0f;
    }

    static float BaseAdvance(char32_t cp) {
        switch (cp) {
        case 'i': case 'j': case 'l': case 't': case '.': case ',': case ';': case ':': case '\'': case '!':
        case '|': case 0x2018: case 0x2019:
            return 3.9f;
        case ' ':
            return 4.3f;
        case 'm': case 'w': case 'M': case 'W': case 0x2014:
            return 12.1f;
        default:
            break;
        }
        if (cp >= 'A' && cp <= 'Z') return 9.4f;
        if (cp >= '0' && cp <= '9') return 7.2f;
        if (cp < 0x80) return 6.9f;
        return 8.3f;
    }
};

} // namespace text::fake
