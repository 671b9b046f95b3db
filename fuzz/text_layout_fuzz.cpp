// Fuzz entry for the text layout engine and its UTF-8 helpers: arbitrary bytes, styled runs, fonts and widths ->
// LayoutParagraph and every query on the result; knows no real font, so the metrics below come from the input too.
#include <algorithm>
#include <limits>
#include <string_view>
#include <vector>

#include "fuzz/targets.h"
#include "text/text_layout.h"
#include "text/utf8.h"

namespace essay_fuzz {
namespace {

// Hands out the input's leading bytes as parameters; past the end it answers zeros, so every input is usable.
class ByteReader {
public:
    ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
    uint8_t Byte() { return at_ < size_ ? data_[at_++] : 0; }
    uint16_t U16() { return static_cast<uint16_t>(Byte() | (Byte() << 8)); }
    // Widths a view can really pass, including the degenerate ones a zero-sized or hidden window produces.
    float Width() {
        static const float special[] = {0.0f, -1.0f, 1e-30f, 1.0f, 1e30f, std::numeric_limits<float>::infinity(),
                                        -std::numeric_limits<float>::infinity(),
                                        std::numeric_limits<float>::quiet_NaN()};
        const uint8_t pick = Byte();
        if (pick < sizeof special / sizeof special[0]) return special[pick];
        return static_cast<float>(U16()) / 8.0f;
    }
    std::string_view Rest() {
        const std::string_view rest(reinterpret_cast<const char*>(data_) + at_, size_ - at_);
        at_ = size_;
        return rest;
    }

private:
    const uint8_t* data_;
    size_t size_;
    size_t at_ = 0;
};

// Proportional metrics with per-font scales from the input: zero-width glyphs, zero scales and kerning pairs that
// pull glyphs left all occur, as they can with real fonts (combining marks, tiny sizes, tight pairs).
class FuzzMetrics final : public text::FontMetrics {
public:
    explicit FuzzMetrics(ByteReader& in) {
        for (float& s : scale_) s = static_cast<float>(in.Byte()) / 16.0f;
    }
    float Advance(text::FontId font, char32_t cp) const override {
        return cp % 13 == 0 ? 0.0f : Scale(font) * static_cast<float>(1 + cp % 7);
    }
    float Kerning(text::FontId font, char32_t left, char32_t right) const override {
        return (left + right) % 5 == 0 ? -0.5f * Scale(font) : 0.0f;
    }
    text::VerticalMetrics Vertical(text::FontId font) const override {
        const float s = Scale(font);
        return {12.0f * s, 4.0f * s, 1.0f * s};
    }

private:
    float Scale(text::FontId font) const { return scale_[font.index % 4]; }
    float scale_[4];
};

void CheckUtf8(std::string_view text, ByteReader& in) {
    for (size_t at = 0; at < text.size();) {
        const text::Decoded d = text::DecodeUtf8(text, at);
        FuzzCheck(d.length >= 1 && d.length <= 4 && at + d.length <= text.size(), "decoding advances within the text");
        FuzzCheck(d.codepoint <= text::MaxCodepoint, "decoded codepoints are valid");
        char bytes[4];
        const uint32_t n = text::EncodeUtf8(d.codepoint, bytes);
        FuzzCheck(d.codepoint == text::ReplacementCharacter || std::string_view(bytes, n) == text.substr(at, n),
                  "a decoded codepoint encodes back to its bytes");
        at += d.length;
    }
    for (int probe = 0; probe < 4; ++probe) {
        const size_t offset = in.U16() % (text.size() + 2);
        const size_t next = text::NextBoundary(text, offset);
        const size_t prev = text::PrevBoundary(text, offset);
        FuzzCheck(text::IsBoundary(text, next) && text::IsBoundary(text, prev), "boundaries are boundaries");
        FuzzCheck(offset >= text.size() ? next == text.size() : next > offset, "NextBoundary moves forward");
        FuzzCheck(offset == 0 ? prev == 0 : prev < std::min(offset, text.size() + 1), "PrevBoundary moves back");
    }
}

void CheckLayout(const text::Layout& layout, std::string_view text) {
    FuzzCheck(!layout.lines.empty(), "a paragraph has at least one line");
    FuzzCheck(layout.text_size == text.size(), "the layout knows its text's size");
    uint32_t at = 0;
    for (const text::Line& line : layout.lines) {
        FuzzCheck(line.bytes.begin == at && line.bytes.begin <= line.bytes.end, "lines are contiguous");
        at = line.bytes.end;
        FuzzCheck(line.glyph_begin <= line.glyph_end && line.glyph_end <= layout.glyphs.size(), "line glyphs exist");
        FuzzCheck(line.fragment_begin <= line.fragment_end && line.fragment_end <= layout.fragments.size(),
                  "line fragments exist");
    }
    FuzzCheck(at == text.size(), "the lines cover the whole text");
    for (size_t i = 0; i < layout.glyphs.size(); ++i)
        FuzzCheck(i == 0 || layout.glyphs[i].byte_offset > layout.glyphs[i - 1].byte_offset, "glyphs in text order");
}

}  // namespace

int FuzzTextLayout(const uint8_t* data, size_t size) {
    ByteReader in(data, size);
    text::LayoutSettings settings;
    settings.max_width = in.Width();
    settings.line_height_scale = in.Width();
    settings.first_line_indent = in.Width();
    settings.fallback_font = text::FontId{in.Byte()};
    const uint8_t flags = in.Byte();
    settings.keep_short_words = flags & 1;
    settings.avoid_widows = flags & 2;
    settings.typographic_quotes = flags & 4; // reads the text around each quote, invalid UTF-8 included
    const FuzzMetrics metrics(in);

    // Runs are sorted and disjoint as the contract asks, but may be empty, start inside a codepoint or run past
    // the end of the text.
    std::vector<text::StyledRun> runs(in.Byte() % 16);
    uint32_t at = 0;
    for (text::StyledRun& run : runs) {
        run.bytes.begin = at + in.Byte();
        run.bytes.end = run.bytes.begin + in.Byte();
        run.font = text::FontId{in.Byte()};
        run.user_tag = in.Byte();
        at = run.bytes.end;
    }
    uint8_t probes[16];
    for (uint8_t& p : probes) p = in.Byte();
    const std::string_view text = in.Rest();
    ByteReader probe(probes, sizeof probes);

    CheckUtf8(text, probe);
    const text::Layout layout = text::LayoutParagraph(text, runs, settings, metrics);
    CheckLayout(layout, text);

    // Relayout into a layout that held another text (a view resizing) must give the same lines.
    text::Layout reused = text::LayoutParagraph(text.substr(0, text.size() / 2), {}, settings, metrics);
    text::LayoutParagraph(text, runs, settings, metrics, reused);
    FuzzCheck(reused.lines.size() == layout.lines.size() && reused.glyphs.size() == layout.glyphs.size() &&
                  reused.fragments.size() == layout.fragments.size(),
              "a reused layout equals a fresh one");

    const auto offset = static_cast<uint32_t>(probe.U16() % (text.size() + 3));
    const auto end = static_cast<uint32_t>(probe.U16() % (text.size() + 3));
    FuzzCheck(text::LineIndexAt(layout, offset) < layout.lines.size(), "every offset has a line");
    FuzzCheck(text::HitTest(layout, static_cast<float>(probe.U16()) - 100.0f, static_cast<float>(probe.U16())) <=
                  text.size(),
              "a hit lands inside the text");
    (void)text::HitTest(layout, std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity());
    (void)text::CaretRect(layout, offset);
    std::vector<text::Rect> rects;
    text::RangeRects(layout, std::min(offset, end), std::max(offset, end), rects);
    FuzzCheck(rects.size() <= layout.lines.size(), "at most one selection rectangle per line");
    const text::ByteRange word = text::WordAt(text, offset);
    FuzzCheck(word.begin <= word.end && word.end <= text.size(), "a word lies inside the text");
    for (const text::Line& line : layout.lines) {
        (void)text::LineGlyphs(layout, line);
        (void)text::LineFragments(layout, line);
    }
    return 0;
}

}  // namespace essay_fuzz
