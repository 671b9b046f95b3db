// Property tests for text/text_layout over random styled text and random widths; knows nothing beyond the engine.
//
// Each case draws a seed; a failure prints it (CAPTURE), and the same seed rebuilds the same text, runs and width,
// because the generator only uses std::mt19937's raw output (distributions differ between standard libraries).
#include "text/text_layout.h"
#include "text/utf8.h"

#include "fake_font_metrics.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <random>
#include <string>
#include <vector>

using namespace text;

namespace {

const fake::ProportionalMetrics Proportional;

struct Sample {
    std::string text;
    std::vector<StyledRun> runs;
    LayoutSettings settings;
};

uint32_t Pick(std::mt19937& rng, uint32_t count) { return static_cast<uint32_t>(rng() % count); }

void AppendWord(std::mt19937& rng, std::string& out, uint32_t length) {
    static constexpr std::string_view Letters = "AVToawresfilmWxyzbcdnpq";
    for (uint32_t i = 0; i < length; ++i) out.push_back(Letters[Pick(rng, static_cast<uint32_t>(Letters.size()))]);
}

// Essay-like tokens with the awkward cases mixed in: curly quotes, dashes, no-break spaces, long words, newlines and
// invalid bytes.
std::string RandomText(std::mt19937& rng) {
    static constexpr const char* Pieces[] = {
        "\xE2\x80\x9C",     // “
        "\xE2\x80\x9D",     // ”
        "\xE2\x80\x99",     // ’
        "\xE2\x80\x94",     // —
        "\xE2\x80\x93",     // –
        "-", "/", ",", ".", "\t",
        "\xC2\xA0",         // no-break space
        "\xE2\x80\x8B",     // zero-width space
        "\xC3\xA9\xC3\xAF", // éï
        "\xE4\xB8\xAD",     // a CJK ideograph
        "\xF0\x9F\x98\x80", // an emoji (4 bytes)
        "\xFF", "\x80", "\xE2\x80", "\xC3", // invalid: bad lead, stray continuation, truncated sequences
        "\n",
    };
    std::string out;
    const uint32_t tokens = Pick(rng, 60);
    for (uint32_t t = 0; t < tokens; ++t) {
        const uint32_t kind = Pick(rng, 10);
        if (kind < 5) {
            AppendWord(rng, out, 1 + Pick(rng, 9));
        } else if (kind == 5) {
            AppendWord(rng, out, 15 + Pick(rng, 40)); // longer than narrow lines
        } else if (kind < 8) {
            out.append(1 + Pick(rng, 3), ' ');
        } else {
            out += Pieces[Pick(rng, static_cast<uint32_t>(std::size(Pieces)))];
        }
    }
    return out;
}

// Runs at random byte positions (mid-codepoint too), in random fonts, with occasional gaps no run covers.
std::vector<StyledRun> RandomRuns(std::mt19937& rng, uint32_t size) {
    std::vector<StyledRun> runs;
    uint32_t at = 0;
    while (at < size) {
        const uint32_t length = 1 + Pick(rng, 24);
        const uint32_t end = std::min(size, at + length);
        if (Pick(rng, 8) != 0) runs.push_back({{at, end}, FontId{static_cast<uint16_t>(Pick(rng, 4))}, Pick(rng, 100)});
        at = end;
    }
    return runs;
}

Sample RandomSample(uint32_t seed) {
    std::mt19937 rng(seed);
    Sample sample;
    sample.text = RandomText(rng);
    sample.runs = RandomRuns(rng, static_cast<uint32_t>(sample.text.size()));
    sample.settings.max_width = 4.0f + static_cast<float>(Pick(rng, 4000)) * 0.1f;
    sample.settings.line_height_scale = 1.0f + static_cast<float>(Pick(rng, 10)) * 0.1f;
    sample.settings.first_line_indent = Pick(rng, 3) == 0 ? static_cast<float>(Pick(rng, 40)) : 0.0f;
    sample.settings.fallback_font = fake::Bold;
    return sample;
}

// The spaces text_layout.h documents as hanging; random concatenation can form U+2000 from "\xE2\x80" + "\x80".
bool IsHanging(char32_t cp) {
    return cp == ' ' || cp == '\t' || (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007) || cp == 0x205F || cp == 0x3000;
}
bool IsVisible(char32_t cp) { return cp != '\n' && !IsHanging(cp); }

// The break rules text_layout.h documents, restated independently as the oracle for the greedy-breaking test.
bool IsNoBreak(char32_t cp) { return cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x2060 || cp == 0xFEFF; }
bool IsClosing(char32_t cp) {
    for (char32_t c : {U')', U']', U'}', U'!', U',', U'.', U':', U';', U'?', U'\u201D', U'\u2019', U'\u00BB',
                       U'\u2026'}) {
        if (cp == c) return true;
    }
    return false;
}
bool MayBreakAfter(const std::vector<Glyph>& glyphs, size_t i) {
    if (i + 1 >= glyphs.size()) return false;
    const char32_t next = glyphs[i + 1].codepoint;
    if (next == '\n' || IsHanging(next) || IsNoBreak(next) || IsClosing(next)) return false;
    const char32_t cp = glyphs[i].codepoint;
    if (IsHanging(cp) || cp == 0x200B) return true;
    const bool mark = cp == '-' || cp == '/' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014;
    if (!mark || i == 0) return false;
    const char32_t previous = glyphs[i - 1].codepoint;
    return previous != '\n' && !IsHanging(previous) && !IsNoBreak(previous);
}

// The run holding byte `offset`, by brute force, to check the engine's cursor.
uint32_t RunAt(const std::vector<StyledRun>& runs, uint32_t offset) {
    for (size_t i = 0; i < runs.size(); ++i) {
        if (runs[i].bytes.begin <= offset && offset < runs[i].bytes.end) return static_cast<uint32_t>(i);
    }
    return NoRun;
}

uint32_t NextOffset(const Layout& layout, size_t glyph) {
    return glyph + 1 < layout.glyphs.size() ? layout.glyphs[glyph + 1].byte_offset : layout.text_size;
}

// Where the caret after glyph i sits on its line; the glyph's clickable cell is [x, CellEnd).
float CellEnd(const Layout& layout, const Line& line, uint32_t i) {
    return i + 1 < line.glyph_end ? layout.glyphs[i + 1].x : layout.glyphs[i].x + layout.glyphs[i].advance;
}

} // namespace

TEST_CASE("layout properties: lines partition the text on codepoint boundaries and concatenate back to it") {
    const auto seed = GENERATE(take(300, random(0u, 4000000000u)));
    CAPTURE(seed);
    const Sample sample = RandomSample(seed);
    const std::string& s = sample.text;
    CAPTURE(s, sample.settings.max_width);
    const Layout layout = LayoutParagraph(s, sample.runs, sample.settings, Proportional);

    REQUIRE(!layout.lines.empty());
    CHECK(layout.text_size == s.size());
    std::string joined;
    uint32_t expected_begin = 0;
    uint32_t expected_glyph = 0;
    uint32_t expected_fragment = 0;
    for (const Line& line : layout.lines) {
        CHECK(line.bytes.begin == expected_begin);
        CHECK(line.bytes.begin <= line.bytes.end);
        CHECK(IsBoundary(s, line.bytes.begin));
        CHECK(line.glyph_begin == expected_glyph);
        CHECK(line.fragment_begin == expected_fragment);
        joined += s.substr(line.bytes.begin, line.bytes.end - line.bytes.begin);
        expected_begin = line.bytes.end;
        expected_glyph = line.glyph_end;
        expected_fragment = line.fragment_end;
    }
    CHECK(expected_begin == s.size());
    CHECK(expected_glyph == layout.glyphs.size());
    CHECK(expected_fragment == layout.fragments.size());
    CHECK(joined == s);

    // One glyph per codepoint, in order, decoded as utf8.h decodes.
    size_t offset = 0;
    for (const Glyph& glyph : layout.glyphs) {
        REQUIRE(offset < s.size());
        CHECK(glyph.byte_offset == offset);
        const Decoded decoded = DecodeUtf8(s, offset);
        CHECK(glyph.codepoint == decoded.codepoint);
        offset += decoded.length;
    }
    CHECK(offset == s.size());
}

TEST_CASE("layout properties: no line overflows, and '\\n' only ends lines") {
    const auto seed = GENERATE(take(300, random(0u, 4000000000u)));
    CAPTURE(seed);
    const Sample sample = RandomSample(seed);
    CAPTURE(sample.text, sample.settings.max_width, sample.settings.first_line_indent);
    const Layout layout = LayoutParagraph(sample.text, sample.runs, sample.settings, Proportional);

    for (size_t l = 0; l < layout.lines.size(); ++l) {
        const Line& line = layout.lines[l];
        CAPTURE(l);
        uint32_t visible = 0;
        float visible_end = line.left;
        for (uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
            const Glyph& glyph = layout.glyphs[i];
            if (glyph.codepoint == '\n') CHECK(i + 1 == line.glyph_end);
            if (IsVisible(glyph.codepoint)) {
                ++visible;
                visible_end = glyph.x + glyph.advance;
            }
        }
        CHECK(line.width == Approx(visible_end));
        // The only excuse for overflowing: a single glyph that does not fit even alone.
        if (visible > 1) CHECK(line.width <= sample.settings.max_width);
        CHECK(layout.width >= line.width);
        // A line without '\n' that is not the last ended for lack of room: the next glyph would not have fit.
        const bool soft = l + 1 < layout.lines.size() &&
                          (line.glyph_end == line.glyph_begin || layout.glyphs[line.glyph_end - 1].codepoint != '\n');
        if (soft) {
            const Line& next = layout.lines[l + 1];
            CHECK(next.glyph_begin < next.glyph_end);
        }
    }
}

TEST_CASE("layout properties: rooms go with the codepoint that ends at them and never make a line overflow") {
    const auto seed = GENERATE(take(300, random(0u, 4000000000u)));
    CAPTURE(seed);
    Sample sample = RandomSample(seed);
    std::mt19937 rng(seed ^ 0x9E3779B9u);
    std::vector<Room> rooms(Pick(rng, 6));
    for (Room& room : rooms)
        room = {Pick(rng, static_cast<uint32_t>(sample.text.size()) + 2), static_cast<float>(Pick(rng, 300)) * 0.1f};
    std::sort(rooms.begin(), rooms.end(), [](const Room& a, const Room& b) { return a.after < b.after; });
    sample.settings.rooms = rooms;
    CAPTURE(sample.text, sample.settings.max_width, rooms.size());
    const Layout layout = LayoutParagraph(sample.text, sample.runs, sample.settings, Proportional);

    for (size_t i = 0; i < layout.glyphs.size(); ++i) {
        const uint32_t from = i == 0 ? 0 : layout.glyphs[i].byte_offset + 1;
        const uint32_t to = i + 1 < layout.glyphs.size() ? layout.glyphs[i + 1].byte_offset : layout.text_size;
        float expected = 0.0f;
        for (const Room& room : rooms)
            if (room.after >= from && room.after <= to) expected += room.width;
        CAPTURE(i);
        CHECK(layout.glyphs[i].room == Approx(expected));
    }
    for (const Line& line : layout.lines) {
        uint32_t visible = 0;
        float visible_end = line.left;
        for (uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
            const Glyph& glyph = layout.glyphs[i];
            if (!IsVisible(glyph.codepoint)) continue;
            ++visible;
            visible_end = glyph.x + glyph.advance + glyph.room;
        }
        CHECK(line.width == Approx(visible_end));
        if (visible > 1) CHECK(line.width <= sample.settings.max_width);
    }
}

TEST_CASE("layout properties: breaking is greedy and only at break opportunities, unless a word does not fit") {
    const auto seed = GENERATE(take(300, random(0u, 4000000000u)));
    CAPTURE(seed);
    const Sample sample = RandomSample(seed);
    CAPTURE(sample.text, sample.settings.max_width, sample.settings.first_line_indent);
    const Layout layout = LayoutParagraph(sample.text, sample.runs, sample.settings, Proportional);
    const std::vector<Glyph>& glyphs = layout.glyphs;

    // The font of every glyph, read back from the fragments, to continue a line's pen position by hand.
    std::vector<FontId> fonts(glyphs.size());
    for (const Fragment& fragment : layout.fragments) {
        for (uint32_t i = fragment.glyph_begin; i < fragment.glyph_end; ++i) fonts[i] = fragment.font;
    }

    for (size_t l = 0; l + 1 < layout.lines.size(); ++l) {
        const Line& line = layout.lines[l];
        const uint32_t end = line.glyph_end;
        if (glyphs[end - 1].codepoint == '\n') continue; // a forced break needs no excuse
        CAPTURE(l, end);
        const bool at_opportunity = MayBreakAfter(glyphs, end - 1);
        if (!at_opportunity) {
            // A word broken between glyphs: only when the line offered no opportunity at all.
            for (uint32_t i = line.glyph_begin; i + 1 < end; ++i) CHECK_FALSE(MayBreakAfter(glyphs, i));
        }
        // Greedy: the glyphs up to the next opportunity (just the next glyph, for a broken word) would not have fit.
        uint32_t stop = end + 1;
        if (at_opportunity) {
            while (stop < glyphs.size() && glyphs[stop - 1].codepoint != '\n' && !MayBreakAfter(glyphs, stop - 1)) {
                ++stop;
            }
        }
        float pen = glyphs[end - 1].x + glyphs[end - 1].advance;
        bool overflows = false;
        for (uint32_t i = end; i < stop && i < glyphs.size(); ++i) {
            if (glyphs[i].codepoint == '\n') break;
            if (fonts[i] == fonts[i - 1]) pen += Proportional.Kerning(fonts[i], glyphs[i - 1].codepoint, glyphs[i].codepoint);
            const float x_end = pen + glyphs[i].advance;
            overflows = overflows || (IsVisible(glyphs[i].codepoint) && x_end > sample.settings.max_width);
            pen = x_end;
        }
        CHECK(overflows);
    }
}

TEST_CASE("layout properties: glyphs are placed by advance plus kerning, and kerning stays within one font") {
    const auto seed = GENERATE(take(300, random(0u, 4000000000u)));
    CAPTURE(seed);
    const Sample sample = RandomSample(seed);
    CAPTURE(sample.text, sample.settings.max_width);
    const Layout layout = LayoutParagraph(sample.text, sample.runs, sample.settings, Proportional);

    for (const Line& line : layout.lines) {
        const auto fragments = LineFragments(layout, line);
        uint32_t expected_glyph = line.glyph_begin;
        for (size_t f = 0; f < fragments.size(); ++f) {
            const Fragment& fragment = fragments[f];
            CHECK(fragment.glyph_begin == expected_glyph);
            CHECK(fragment.glyph_begin < fragment.glyph_end);
            if (f > 0) CHECK(fragments[f - 1].run != fragment.run);
            expected_glyph = fragment.glyph_end;
            const uint32_t run = RunAt(sample.runs, layout.glyphs[fragment.glyph_begin].byte_offset);
            CHECK(fragment.run == run);
            CHECK(fragment.font == (run == NoRun ? sample.settings.fallback_font : sample.runs[run].font));
            CHECK(fragment.user_tag == (run == NoRun ? 0 : sample.runs[run].user_tag));
            CHECK(fragment.x == layout.glyphs[fragment.glyph_begin].x);
            CHECK(fragment.bytes.begin == layout.glyphs[fragment.glyph_begin].byte_offset);
            CHECK(fragment.bytes.end == NextOffset(layout, fragment.glyph_end - 1));

            for (uint32_t i = fragment.glyph_begin; i < fragment.glyph_end; ++i) {
                const Glyph& glyph = layout.glyphs[i];
                CHECK(RunAt(sample.runs, glyph.byte_offset) == fragment.run);
                const float advance = glyph.codepoint == '\n' ? 0.0f : Proportional.Advance(fragment.font, glyph.codepoint);
                CHECK(glyph.advance == advance);
                if (i == line.glyph_begin) {
                    CHECK(glyph.x == line.left);
                    continue;
                }
                // The previous glyph may sit in the previous fragment, in another font.
                const Glyph& previous = layout.glyphs[i - 1];
                const bool previous_in_fragment = i > fragment.glyph_begin;
                const FontId previous_font = previous_in_fragment ? fragment.font : fragments[f - 1].font;
                const float kerning = previous_font == fragment.font
                                          ? Proportional.Kerning(fragment.font, previous.codepoint, glyph.codepoint)
                                          : 0.0f;
                CHECK(glyph.x == Approx(previous.x + previous.advance + kerning).margin(1e-3));
            }
        }
        CHECK(expected_glyph == line.glyph_end);
    }
}

TEST_CASE("layout properties: lines stack without gaps and baselines sit inside them") {
    const auto seed = GENERATE(take(100, random(0u, 4000000000u)));
    CAPTURE(seed);
    const Sample sample = RandomSample(seed);
    const Layout layout = LayoutParagraph(sample.text, sample.runs, sample.settings, Proportional);
    float top = 0.0f;
    for (const Line& line : layout.lines) {
        CHECK(line.top == Approx(top));
        CHECK(line.height > 0.0f);
        CHECK(line.baseline > line.top);
        CHECK(line.baseline < line.top + line.height);
        top = line.top + line.height;
    }
    CHECK(layout.height == Approx(top));
}

TEST_CASE("query properties: hit-testing a glyph's rectangle centre returns that glyph") {
    const auto seed = GENERATE(take(200, random(0u, 4000000000u)));
    CAPTURE(seed);
    const Sample sample = RandomSample(seed);
    CAPTURE(sample.text, sample.settings.max_width);
    const Layout layout = LayoutParagraph(sample.text, sample.runs, sample.settings, Proportional);
    std::vector<Rect> rects;
    for (size_t l = 0; l < layout.lines.size(); ++l) {
        const Line& line = layout.lines[l];
        for (uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
            const Glyph& glyph = layout.glyphs[i];
            CAPTURE(i, glyph.byte_offset);
            CHECK(LineIndexAt(layout, glyph.byte_offset) == l);
            const Rect caret = CaretRect(layout, glyph.byte_offset);
            CHECK(caret.x == glyph.x);
            CHECK(caret.y == line.top);

            RangeRects(layout, glyph.byte_offset, NextOffset(layout, i), rects);
            REQUIRE(rects.size() == 1);
            const Rect& rect = rects[0];
            CHECK(rect.x == glyph.x);
            CHECK(rect.width == Approx(CellEnd(layout, line, i) - glyph.x));
            CHECK(rect.y == line.top);
            CHECK(rect.height == line.height);
            if (rect.width <= 0.0f) continue; // a '\n' or zero-width space cannot be clicked
            const uint32_t hit = HitTest(layout, rect.x + rect.width * 0.5f, rect.y + rect.height * 0.5f);
            CHECK(hit == glyph.byte_offset);
        }
    }
    CHECK(HitTest(layout, 10.0f, -1.0f) == 0);
    CHECK(HitTest(layout, 10.0f, layout.height + 1.0f) == layout.text_size);
}

TEST_CASE("query properties: RangeRects covers exactly the glyphs in the range, one rectangle per line touched") {
    const auto seed = GENERATE(take(200, random(0u, 4000000000u)));
    CAPTURE(seed);
    const Sample sample = RandomSample(seed);
    const std::string& s = sample.text;
    const Layout layout = LayoutParagraph(s, sample.runs, sample.settings, Proportional);
    std::mt19937 rng(seed ^ 0x5bd1e995u);
    std::vector<Rect> rects;
    for (int attempt = 0; attempt < 20; ++attempt) {
        const uint32_t a = static_cast<uint32_t>(PrevBoundary(s, Pick(rng, layout.text_size + 1) + 1));
        const uint32_t b = static_cast<uint32_t>(PrevBoundary(s, Pick(rng, layout.text_size + 1) + 1));
        const uint32_t begin = std::min(a, b);
        const uint32_t end = std::max(a, b);
        CAPTURE(s, begin, end);
        RangeRects(layout, begin, end, rects);

        size_t touched = 0;
        for (const Line& line : layout.lines) {
            if (std::max(begin, line.bytes.begin) < std::min(end, line.bytes.end)) ++touched;
        }
        CHECK(rects.size() == touched);

        for (const Line& line : layout.lines) {
            for (uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
                const Glyph& glyph = layout.glyphs[i];
                const float right = CellEnd(layout, line, i);
                if (right <= glyph.x) continue;
                const float cx = glyph.x + (right - glyph.x) * 0.5f;
                const float cy = line.top + line.height * 0.5f;
                bool covered = false;
                for (const Rect& rect : rects) {
                    covered = covered || (cx > rect.x && cx < rect.x + rect.width && cy > rect.y &&
                                          cy < rect.y + rect.height);
                }
                const bool inside = glyph.byte_offset >= begin && glyph.byte_offset < end;
                CAPTURE(glyph.byte_offset);
                CHECK(covered == inside);
            }
        }
    }
}

TEST_CASE("query properties: hit-tests anywhere land on a caret position of the line under the point") {
    const auto seed = GENERATE(take(200, random(0u, 4000000000u)));
    CAPTURE(seed);
    const Sample sample = RandomSample(seed);
    const std::string& s = sample.text;
    const Layout layout = LayoutParagraph(s, sample.runs, sample.settings, Proportional);
    std::mt19937 rng(seed ^ 0x9e3779b9u);
    for (int attempt = 0; attempt < 50; ++attempt) {
        const float x = static_cast<float>(Pick(rng, 5000)) * 0.1f - 50.0f;
        const float y = static_cast<float>(Pick(rng, 1000)) / 1000.0f * layout.height;
        CAPTURE(x, y);
        const uint32_t hit = HitTest(layout, x, y);
        CHECK(IsBoundary(s, hit));
        const Line* line = nullptr;
        for (const Line& candidate : layout.lines) {
            if (y >= candidate.top && y < candidate.top + candidate.height) line = &candidate;
        }
        if (line == nullptr) continue; // the rounding edge of the last line
        CHECK(hit >= line->bytes.begin);
        CHECK(hit <= line->bytes.end);
        // The caret it returns is drawn on that same line, unless it is the shared end of a soft-wrapped line.
        if (hit < line->bytes.end || line == &layout.lines.back()) CHECK(CaretRect(layout, hit).y == line->top);
    }
}

TEST_CASE("query properties: WordAt returns a boundary-aligned range around the offset") {
    const auto seed = GENERATE(take(200, random(0u, 4000000000u)));
    CAPTURE(seed);
    std::mt19937 rng(seed);
    const std::string s = RandomText(rng);
    for (uint32_t offset = 0; offset <= s.size(); ++offset) {
        CAPTURE(s, offset);
        const ByteRange word = WordAt(s, offset);
        CHECK(word.begin <= word.end);
        CHECK(word.end <= s.size());
        CHECK(IsBoundary(s, word.begin));
        CHECK(IsBoundary(s, word.end));
        const auto at = static_cast<uint32_t>(PrevBoundary(s, size_t{offset} + 1));
        const bool on_char = offset < s.size() && s[at] != '\n';
        if (on_char) {
            CHECK(word.begin <= at);
            CHECK(at < word.end);
        } else if (word.begin < word.end) {
            CHECK(word.end == std::min<size_t>(offset, s.size())); // the word before a '\n' or the end
        }
    }
}

TEST_CASE("layout properties: relaying out into a reused Layout matches a fresh layout") {
    const auto seed = GENERATE(take(50, random(0u, 4000000000u)));
    CAPTURE(seed);
    const Sample first = RandomSample(seed);
    const Sample second = RandomSample(seed + 1);
    Layout reused;
    LayoutParagraph(first.text, first.runs, first.settings, Proportional, reused);
    LayoutParagraph(second.text, second.runs, second.settings, Proportional, reused);
    const Layout fresh = LayoutParagraph(second.text, second.runs, second.settings, Proportional);
    REQUIRE(reused.glyphs.size() == fresh.glyphs.size());
    REQUIRE(reused.lines.size() == fresh.lines.size());
    REQUIRE(reused.fragments.size() == fresh.fragments.size());
    for (size_t i = 0; i < fresh.glyphs.size(); ++i) CHECK(reused.glyphs[i].x == fresh.glyphs[i].x);
    for (size_t i = 0; i < fresh.lines.size(); ++i) CHECK(reused.lines[i].bytes == fresh.lines[i].bytes);
    CHECK(reused.height == fresh.height);
}
