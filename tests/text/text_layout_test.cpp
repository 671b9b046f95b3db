// Worked examples for text/text_layout with fake metrics: wrapping, glyph positions, kerning, fragments, queries.
#include "text/text_layout.h"

#include "fake_font_metrics.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace text;

namespace {

const fake::MonospaceMetrics Mono;
const fake::ProportionalMetrics Proportional;

std::vector<StyledRun> OneRun(std::string_view s, FontId font = fake::Regular) {
    return {StyledRun{{0, static_cast<uint32_t>(s.size())}, font, 0}};
}

Layout Mono1(std::string_view s, float width) {
    LayoutSettings settings;
    settings.max_width = width;
    return LayoutParagraph(s, OneRun(s), settings, Mono);
}

std::vector<std::string> LineTexts(const Layout& layout, std::string_view s) {
    std::vector<std::string> out;
    for (const Line& line : layout.lines) out.emplace_back(s.substr(line.bytes.begin, line.bytes.end - line.bytes.begin));
    return out;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("layout: a short text is one line with monospace glyph positions") {
    const std::string s = "hello world";
    const Layout layout = Mono1(s, 1000.0f);
    REQUIRE(layout.lines.size() == 1);
    const Line& line = layout.lines[0];
    CHECK(line.bytes == ByteRange{0, 11});
    CHECK(line.width == 110.0f);
    CHECK(line.top == 0.0f);
    CHECK(line.height == 12.0f);
    CHECK(line.baseline == 8.5f); // half of the 1 px leading above the 8 px ascent
    CHECK(layout.height == 12.0f);
    CHECK(layout.width == 110.0f);
    CHECK(layout.text_size == 11);
    REQUIRE(layout.glyphs.size() == 11);
    for (uint32_t i = 0; i < 11; ++i) {
        CHECK(layout.glyphs[i].byte_offset == i);
        CHECK(layout.glyphs[i].x == 10.0f * static_cast<float>(i));
        CHECK(layout.glyphs[i].advance == 10.0f);
    }
    REQUIRE(LineFragments(layout, line).size() == 1);
    CHECK(LineFragments(layout, line)[0].width == 110.0f);
}

TEST_CASE("layout: greedy wrapping at spaces, hyphens, dashes and slashes") {
    using Row = std::tuple<std::string, float, Lines>;
    auto [s, width, expected] = GENERATE(table<std::string, float, Lines>({
        Row{"aaa bbb ccc", 75.0f, {"aaa bbb ", "ccc"}},
        Row{"aaa bbb ccc", 65.0f, {"aaa ", "bbb ", "ccc"}},
        Row{"aaa bbb ccc", 70.0f, {"aaa bbb ", "ccc"}},   // exactly full
        Row{"aaa    bbb", 30.0f, {"aaa    ", "bbb"}},      // trailing spaces hang
        Row{"aaa\xE2\x80\x80" "bbb", 35.0f, {"aaa\xE2\x80\x80", "bbb"}}, // U+2000 hangs too (found by a property test)
        Row{"self-sorting works", 100.0f, {"self-", "sorting ", "works"}},
        Row{"and/or", 45.0f, {"and/", "or"}},
        Row{"a\xE2\x80\x94" "b", 25.0f, {"a\xE2\x80\x94", "b"}},  // em dash
        Row{"x -5", 35.0f, {"x ", "-5"}},                  // a leading minus stays with its number
        Row{"ab\xE2\x80\x94\xE2\x80\x9D", 35.0f, {"ab\xE2\x80\x94", "\xE2\x80\x9D"}}, // no break before ”: word broken
        Row{"aa bb\xC2\xA0" "cc", 60.0f, {"aa ", "bb\xC2\xA0" "cc"}}, // no-break space keeps bb and cc together
        Row{"abcdefghij", 35.0f, {"abc", "def", "ghi", "j"}},         // a long word is broken between glyphs
        Row{"ab abcdefghij", 35.0f, {"ab ", "abc", "def", "ghi", "j"}},
        Row{"abc", 5.0f, {"a", "b", "c"}},                             // glyphs wider than the line stand alone
    }));
    CAPTURE(s, width);
    const Layout layout = Mono1(s, width);
    CHECK(LineTexts(layout, s) == expected);
}

TEST_CASE("layout: display type keeps a short word with the word it leads, unless it is the line's only break") {
    using Row = std::tuple<std::string, float, Lines, Lines>; // text, width, lines without and with keep_short_words
    auto [s, width, plain, kept] = GENERATE(table<std::string, float, Lines, Lines>({
        // The title on a phone: "vs." moves down to "Sorting" instead of ending the first line.
        Row{"Solidarity vs. Sorting", 150.0f, {"Solidarity vs. ", "Sorting"}, {"Solidarity ", "vs. Sorting"}},
        Row{"aaaa of bbbb", 90.0f, {"aaaa of ", "bbbb"}, {"aaaa ", "of bbbb"}},
        Row{"aaaa of bbbb", 200.0f, {"aaaa of bbbb"}, {"aaaa of bbbb"}},       // one line: nothing to move
        Row{"of bbbbbb", 60.0f, {"of ", "bbbbbb"}, {"of ", "bbbbbb"}},          // the only break is taken
        Row{"a b c dddd", 60.0f, {"a b c ", "dddd"}, {"a b c ", "dddd"}},      // only short words: the last of them
        Row{"aaaa bbbb cccc", 100.0f, {"aaaa bbbb ", "cccc"}, {"aaaa bbbb ", "cccc"}}, // four letters are not short
    }));
    CAPTURE(s, width);
    LayoutSettings settings;
    settings.max_width = width;
    CHECK(LineTexts(LayoutParagraph(s, OneRun(s), settings, Mono), s) == plain);
    settings.keep_short_words = true;
    CHECK(LineTexts(LayoutParagraph(s, OneRun(s), settings, Mono), s) == kept);
}

TEST_CASE("layout: avoiding widows gives a lone last word the word before it, where both lines keep two and the "
          "line before keeps three quarters of the width") {
    using Row = std::tuple<std::string, float, Lines, Lines>; // text, width, lines without and with avoid_widows
    auto [s, width, plain, kept] = GENERATE(table<std::string, float, Lines, Lines>({
        // The line left keeps 150 of 190.
        Row{"aaaaaaaaaaa bbb cc dd", 190.0f, {"aaaaaaaaaaa bbb cc ", "dd"}, {"aaaaaaaaaaa bbb ", "cc dd"}},
        Row{"aaaaaaaaaaa bbb cc aaaaaaaaaaa bbb cc dd", 190.0f,
            {"aaaaaaaaaaa bbb cc ", "aaaaaaaaaaa bbb cc ", "dd"},
            {"aaaaaaaaaaa bbb cc ", "aaaaaaaaaaa bbb ", "cc dd"}},                          // only the last line
        Row{"aaa bbb ccc ddd", 120.0f, {"aaa bbb ccc ", "ddd"}, {"aaa bbb ccc ", "ddd"}},   // would keep 70 of 120
        Row{"aaa bbbbbbbbb cc", 140.0f, {"aaa bbbbbbbbb ", "cc"}, {"aaa bbbbbbbbb ", "cc"}}, // the line would keep one
        Row{"aaaa bbbb", 50.0f, {"aaaa ", "bbbb"}, {"aaaa ", "bbbb"}},
        Row{"aa bb cccccccc dddddddd", 160.0f, {"aa bb cccccccc ", "dddddddd"},
            {"aa bb cccccccc ", "dddddddd"}},                                                // the two would not fit
        Row{"aaa bbb ccc ddd eee", 120.0f, {"aaa bbb ccc ", "ddd eee"}, {"aaa bbb ccc ", "ddd eee"}}, // not alone
        Row{"aaa bbb ccc ddd\nx", 120.0f, {"aaa bbb ccc ", "ddd\n", "x"}, {"aaa bbb ccc ", "ddd\n", "x"}}, // a forced break
        Row{"aaa bbb", 200.0f, {"aaa bbb"}, {"aaa bbb"}},
    }));
    CAPTURE(s, width);
    LayoutSettings settings;
    settings.max_width = width;
    CHECK(LineTexts(LayoutParagraph(s, OneRun(s), settings, Mono), s) == plain);
    settings.avoid_widows = true;
    CHECK(LineTexts(LayoutParagraph(s, OneRun(s), settings, Mono), s) == kept);
}

TEST_CASE("layout: typographic quotes change the glyphs drawn, never the text's bytes") {
    using Row = std::tuple<std::string, std::u32string>; // text, the codepoints drawn for its quotes, in order
    const auto [s, drawn] = GENERATE(table<std::string, std::u32string>({
        Row{"won't", U"\u2019"},
        Row{"a protest's end", U"\u2019"},
        Row{"\"community integration.\"", U"\u201C\u201D"},
        Row{"is meant by \"it\", (\"this\")", U"\u201C\u201D\u201C\u201D"},
        Row{"\"wait\u2014\" and \u2014\"so\"", U"\u201C\u201D\u201C\u201D"},
        Row{"rock 'n' roll", U"''"},    // no letter on one side: as written
        Row{"the '90s, 5'", U"''"},
        Row{"it’s “already” curly", U"\u2019\u201C\u201D"},
    }));
    CAPTURE(s);
    LayoutSettings settings;
    settings.max_width = 1000.0f;
    const Layout as_written = LayoutParagraph(s, OneRun(s), settings, Proportional);
    settings.typographic_quotes = true;
    const Layout typographic = LayoutParagraph(s, OneRun(s), settings, Proportional);
    REQUIRE(typographic.glyphs.size() == as_written.glyphs.size());
    std::u32string quotes;
    for (size_t i = 0; i < typographic.glyphs.size(); ++i) {
        const char32_t cp = typographic.glyphs[i].codepoint, source = as_written.glyphs[i].codepoint;
        CHECK(typographic.glyphs[i].byte_offset == as_written.glyphs[i].byte_offset);
        if (source == '\'' || source == '"' || source == 0x2019 || source == 0x201C || source == 0x201D)
            quotes += cp;
        else
            CHECK(cp == source);
    }
    CHECK(quotes == drawn);
    CHECK(typographic.text_size == s.size());
}

TEST_CASE("layout: a double quote made closing never starts a line") {
    const std::string s = "he said \"wait\u2014\" and left";
    LayoutSettings settings;
    settings.max_width = 140.0f; // 14 monospace glyphs: up to the dash; the quote after it would be the 15th
    const Layout as_written = LayoutParagraph(s, OneRun(s), settings, Mono);
    REQUIRE(as_written.lines.size() == 2);
    CHECK(as_written.lines[1].bytes.begin == 16); // a straight quote may start a line after a dash
    settings.typographic_quotes = true;
    const Layout typographic = LayoutParagraph(s, OneRun(s), settings, Mono);
    REQUIRE(typographic.lines.size() >= 2);
    CHECK(typographic.lines[1].bytes.begin == 8); // ” may not: the line breaks before the quotation instead
}

TEST_CASE("layout: newlines force breaks and a final newline opens an empty line") {
    using Row = std::tuple<std::string, Lines>;
    auto [s, expected] = GENERATE(table<std::string, Lines>({
        Row{"ab\ncd", {"ab\n", "cd"}},
        Row{"ab\n", {"ab\n", ""}},
        Row{"\n\n", {"\n", "\n", ""}},
        Row{"", {""}},
        Row{"ab  \ncd", {"ab  \n", "cd"}},
    }));
    CAPTURE(s);
    const Layout layout = Mono1(s, 1000.0f);
    CHECK(LineTexts(layout, s) == expected);
    float top = 0.0f;
    for (const Line& line : layout.lines) {
        CHECK(line.top == top);
        CHECK(line.height == 12.0f);
        top += line.height;
    }
    CHECK(layout.height == top);
}

TEST_CASE("layout: the newline glyph has no advance and line width ignores hanging spaces") {
    const std::string s = "ab  \ncd";
    const Layout layout = Mono1(s, 1000.0f);
    REQUIRE(layout.lines.size() == 2);
    CHECK(layout.lines[0].width == 20.0f);
    const Glyph& newline = layout.glyphs[4];
    CHECK(newline.codepoint == U'\n');
    CHECK(newline.x == 40.0f);
    CHECK(newline.advance == 0.0f);
    CHECK(layout.glyphs[5].x == 0.0f);
    CHECK(layout.lines[1].top == 12.0f);
}

TEST_CASE("layout: first-line indent shifts and narrows only the first line") {
    LayoutSettings settings;
    settings.max_width = 60.0f;
    settings.first_line_indent = 20.0f;
    const std::string s = "aaa bbb ccc";
    const Layout layout = LayoutParagraph(s, OneRun(s), settings, Mono);
    CHECK(LineTexts(layout, s) == Lines{"aaa ", "bbb ", "ccc"});
    CHECK(layout.lines[0].left == 20.0f);
    CHECK(layout.glyphs[0].x == 20.0f);
    CHECK(layout.lines[0].width == 50.0f);
    CHECK(layout.lines[1].left == 0.0f);
    CHECK(layout.glyphs[4].x == 0.0f);
}

TEST_CASE("layout: fragments follow runs, carry their tags, and uncovered bytes use the fallback font") {
    const std::string s = "one two three";
    const std::vector<StyledRun> runs = {
        {{0, 4}, fake::Regular, 11},
        {{4, 7}, fake::Bold, 22},
        // bytes 7..13 are in no run
    };
    LayoutSettings settings;
    settings.max_width = 1000.0f;
    settings.fallback_font = fake::Italic;
    const Layout layout = LayoutParagraph(s, runs, settings, Mono);
    REQUIRE(layout.fragments.size() == 3);
    CHECK(layout.fragments[0].run == 0);
    CHECK(layout.fragments[0].user_tag == 11);
    CHECK(layout.fragments[0].bytes == ByteRange{0, 4});
    CHECK(layout.fragments[0].x == 0.0f);
    CHECK(layout.fragments[0].width == 40.0f);
    CHECK(layout.fragments[1].run == 1);
    CHECK(layout.fragments[1].font == fake::Bold);
    CHECK(layout.fragments[1].user_tag == 22);
    CHECK(layout.fragments[1].bytes == ByteRange{4, 7});
    CHECK(layout.fragments[1].x == 40.0f);
    CHECK(layout.fragments[2].run == NoRun);
    CHECK(layout.fragments[2].font == fake::Italic);
    CHECK(layout.fragments[2].bytes == ByteRange{7, 13});
    CHECK(layout.fragments[2].glyph_begin == 7);
    CHECK(layout.fragments[2].glyph_end == 13);
}

TEST_CASE("layout: a run wrapping over two lines gives a fragment on each") {
    const std::string s = "aaa bbb";
    const std::vector<StyledRun> runs = {{{0, 7}, fake::Regular, 5}};
    LayoutSettings settings;
    settings.max_width = 50.0f;
    const Layout layout = LayoutParagraph(s, runs, settings, Mono);
    REQUIRE(layout.lines.size() == 2);
    REQUIRE(LineFragments(layout, layout.lines[1]).size() == 1);
    const Fragment& second = LineFragments(layout, layout.lines[1])[0];
    CHECK(second.run == 0);
    CHECK(second.bytes == ByteRange{4, 7});
    CHECK(second.x == 0.0f);
    CHECK(LineGlyphs(layout, layout.lines[1]).size() == 3);
}

TEST_CASE("layout: kerning applies within a font, across runs of the same font, and never across fonts") {
    const std::string s = "AVAV";
    LayoutSettings settings;
    settings.max_width = 1000.0f;
    const float a = fake::ProportionalMetrics::BaseAdvance('A');
    const float v = fake::ProportionalMetrics::BaseAdvance('V');

    SECTION("one run") {
        const Layout layout = LayoutParagraph(s, OneRun(s), settings, Proportional);
        CHECK(layout.glyphs[1].x == Approx(a - 1.5f));
        CHECK(layout.glyphs[2].x == Approx(a + v - 3.0f));
        CHECK(layout.lines[0].width == Approx(2 * a + 2 * v - 4.5f));
    }
    SECTION("two runs, same font: the pair across the boundary still kerns") {
        const std::vector<StyledRun> runs = {{{0, 1}, fake::Regular, 1}, {{1, 4}, fake::Regular, 2}};
        const Layout layout = LayoutParagraph(s, runs, settings, Proportional);
        CHECK(layout.fragments.size() == 2);
        CHECK(layout.glyphs[1].x == Approx(a - 1.5f));
        CHECK(layout.fragments[1].x == layout.glyphs[1].x);
    }
    SECTION("two fonts: no kerning across the boundary") {
        const std::vector<StyledRun> runs = {{{0, 1}, fake::Regular, 1}, {{1, 4}, fake::Bold, 2}};
        const Layout layout = LayoutParagraph(s, runs, settings, Proportional);
        const float bold = fake::ProportionalMetrics::Scale(fake::Bold);
        CHECK(layout.glyphs[1].x == Approx(a));
        CHECK(layout.glyphs[2].x == Approx(a + v * bold - 1.5f * bold)); // V->A inside bold kerns with bold's table
    }
    SECTION("no kerning carried from the end of one line to the start of the next") {
        const std::string t = "A\nV";
        const Layout layout = LayoutParagraph(t, OneRun(t), settings, Proportional);
        CHECK(layout.glyphs[2].x == 0.0f);
    }
}

TEST_CASE("layout: a room after a codepoint travels with it, widens its line and never starts one") {
    const std::string s = "ab cd"; // monospace, 10 per codepoint: fits a 50-wide line exactly without rooms
    LayoutSettings settings;
    settings.max_width = 50.0f;

    SECTION("room at the end of the text: the word that carries it moves to the next line") {
        const Room rooms[] = {{5, 4.0f}};
        settings.rooms = rooms;
        const Layout layout = LayoutParagraph(s, OneRun(s), settings, Mono);
        CHECK(LineTexts(layout, s) == Lines{"ab ", "cd"});
        CHECK(layout.glyphs[4].room == 4.0f);
        CHECK(layout.lines[1].width == 24.0f);
        CHECK(CaretRect(layout, 5).x == 24.0f); // the caret after the text is after its room
    }
    SECTION("room inside the text: what follows moves right by it, and the caret before the next glyph follows") {
        const Room rooms[] = {{2, 3.0f}, {2, 1.0f}}; // two at one place add up
        settings.rooms = rooms;
        settings.max_width = 1000.0f;
        const Layout layout = LayoutParagraph(s, OneRun(s), settings, Mono);
        REQUIRE(layout.lines.size() == 1);
        CHECK(layout.glyphs[1].room == 4.0f);
        CHECK(layout.glyphs[1].x == 10.0f); // the codepoint itself stays where it was; its mark goes at x + advance
        CHECK(layout.glyphs[2].x == 24.0f);
        CHECK(layout.lines[0].width == 54.0f);
        CHECK(CaretRect(layout, 2).x == 24.0f);
        CHECK(HitTest(layout, 23.0f, 1.0f) == 2); // the room counts as the right half of the 'b' before it
    }
    SECTION("a room at a line's last word counts towards that line") {
        const Room rooms[] = {{2, 4.0f}};
        settings.rooms = rooms;
        settings.max_width = 45.0f;
        const Layout layout = LayoutParagraph(s, OneRun(s), settings, Mono);
        CHECK(LineTexts(layout, s) == Lines{"ab ", "cd"});
        CHECK(layout.lines[0].width == 24.0f);
    }
    SECTION("a room in the middle of a multi-byte codepoint goes with that codepoint; past the end, nowhere") {
        const std::string e = "a\xC3\xA9" "b"; // a, e-acute (two bytes), b
        const Room rooms[] = {{2, 5.0f}, {9, 7.0f}};
        settings.rooms = rooms;
        const Layout layout = LayoutParagraph(e, OneRun(e), settings, Mono);
        REQUIRE(layout.glyphs.size() == 3);
        CHECK(layout.glyphs[0].room == 0.0f);
        CHECK(layout.glyphs[1].room == 5.0f);
        CHECK(layout.glyphs[2].room == 0.0f);
        CHECK(layout.width == 35.0f);
    }
}

TEST_CASE("layout: a line is as tall as its tallest font, and the baseline leaves room for the largest ascent") {
    const std::string s = "Big small";
    const std::vector<StyledRun> runs = {{{0, 4}, fake::Heading, 0}, {{4, 9}, fake::Regular, 0}};
    LayoutSettings settings;
    settings.max_width = 1000.0f;
    settings.line_height_scale = 1.5f;
    const Layout layout = LayoutParagraph(s, runs, settings, Proportional);
    REQUIRE(layout.lines.size() == 1);
    const VerticalMetrics big = Proportional.Vertical(fake::Heading);
    const float natural = big.ascent + big.descent + big.line_gap;
    CHECK(layout.lines[0].height == Approx(natural * 1.5f));
    CHECK(layout.lines[0].baseline == Approx((natural * 1.5f - big.ascent - big.descent) / 2 + big.ascent));
}

TEST_CASE("layout: reusing a Layout gives the same result as a fresh one") {
    LayoutSettings settings;
    settings.max_width = 40.0f;
    Layout reused;
    const std::string first = "a much longer paragraph than the second";
    LayoutParagraph(first, OneRun(first), settings, Mono, reused);
    const std::string second = "short one";
    LayoutParagraph(second, OneRun(second), settings, Mono, reused);
    const Layout fresh = LayoutParagraph(second, OneRun(second), settings, Mono);
    CHECK(reused.lines.size() == fresh.lines.size());
    CHECK(reused.glyphs.size() == fresh.glyphs.size());
    CHECK(reused.fragments.size() == fresh.fragments.size());
    CHECK(reused.height == fresh.height);
    CHECK(reused.text_size == 9);
}

TEST_CASE("layout: invalid UTF-8 lays out as one U+FFFD glyph per bad byte") {
    const std::string s = "a\xFF\x80" "b";
    const Layout layout = Mono1(s, 1000.0f);
    REQUIRE(layout.glyphs.size() == 4);
    CHECK(layout.glyphs[1].codepoint == 0xFFFD);
    CHECK(layout.glyphs[2].byte_offset == 2);
    CHECK(layout.glyphs[3].x == 30.0f);
}

// Queries, on "aaa bbb\nccc" at width 50 (monospace 10 x 12):  line 0 "aaa " [0,4)  line 1 "bbb\n" [4,8)
// line 2 "ccc" [8,11).
TEST_CASE("queries: line lookup, carets and hit-testing on a worked example") {
    const std::string s = "aaa bbb\nccc";
    const Layout layout = Mono1(s, 50.0f);
    REQUIRE(layout.lines.size() == 3);

    SECTION("LineIndexAt: a soft-wrap offset belongs to the next line, the end to the last") {
        CHECK(LineIndexAt(layout, 0) == 0);
        CHECK(LineIndexAt(layout, 3) == 0);
        CHECK(LineIndexAt(layout, 4) == 1);
        CHECK(LineIndexAt(layout, 7) == 1);
        CHECK(LineIndexAt(layout, 8) == 2);
        CHECK(LineIndexAt(layout, 11) == 2);
        CHECK(LineIndexAt(layout, 99) == 2);
    }
    SECTION("CaretRect") {
        const Rect start = CaretRect(layout, 0);
        CHECK(start.x == 0.0f);
        CHECK(start.y == 0.0f);
        CHECK(start.height == 12.0f);
        CHECK(CaretRect(layout, 2).x == 20.0f);
        CHECK(CaretRect(layout, 5).x == 10.0f);
        CHECK(CaretRect(layout, 5).y == 12.0f);
        CHECK(CaretRect(layout, 7).x == 30.0f); // before the '\n'
        CHECK(CaretRect(layout, 11).x == 30.0f);
        CHECK(CaretRect(layout, 11).y == 24.0f);
    }
    SECTION("HitTest") {
        CHECK(HitTest(layout, 12.0f, -5.0f) == 0);  // above the first line
        CHECK(HitTest(layout, 12.0f, 100.0f) == 11); // below the last line
        CHECK(HitTest(layout, -3.0f, 6.0f) == 0);
        CHECK(HitTest(layout, 14.0f, 6.0f) == 1);   // left half of the second glyph
        CHECK(HitTest(layout, 15.0f, 6.0f) == 1);   // exactly its centre
        CHECK(HitTest(layout, 16.0f, 6.0f) == 2);   // right half: the caret after it
        CHECK(HitTest(layout, 200.0f, 6.0f) == 3);  // right of a soft-wrapped line: before its hanging space
        CHECK(HitTest(layout, 200.0f, 18.0f) == 7); // right of a line ending in '\n': before the '\n'
        CHECK(HitTest(layout, 200.0f, 30.0f) == 11);
        CHECK(HitTest(layout, 21.0f, 30.0f) == 10);
    }
}

TEST_CASE("queries: RangeRects gives one rectangle per line touched") {
    const std::string s = "aaa bbb\nccc";
    const Layout layout = Mono1(s, 50.0f);
    std::vector<Rect> rects;

    RangeRects(layout, 1, 3, rects);
    REQUIRE(rects.size() == 1);
    CHECK(rects[0].x == 10.0f);
    CHECK(rects[0].width == 20.0f);
    CHECK(rects[0].y == 0.0f);
    CHECK(rects[0].height == 12.0f);

    RangeRects(layout, 2, 10, rects);
    REQUIRE(rects.size() == 3);
    CHECK(rects[0].x == 20.0f);
    CHECK(rects[0].width == 20.0f); // the hanging space is selected too
    CHECK(rects[1].x == 0.0f);
    CHECK(rects[1].width == 30.0f);
    CHECK(rects[1].y == 12.0f);
    CHECK(rects[2].x == 0.0f);
    CHECK(rects[2].width == 20.0f);

    RangeRects(layout, 4, 4, rects);
    CHECK(rects.empty());
    RangeRects(layout, 5, 2, rects);
    CHECK(rects.empty());
}

TEST_CASE("queries: InkRects stop at the last word of a line, leaving out its hanging space") {
    const std::string s = "aaa bbb\nccc";
    const Layout layout = Mono1(s, 50.0f); // "aaa " hangs its space at the wrap; "bbb\n"; "ccc"
    std::vector<Rect> rects;

    InkRects(layout, 0, 11, rects);
    REQUIRE(rects.size() == 3);
    CHECK(rects[0].width == 30.0f); // RangeRects gives 40: the hanging space
    CHECK(rects[1].width == 30.0f); // the '\n' has no ink
    CHECK(rects[2].width == 30.0f);

    InkRects(layout, 3, 4, rects); // only the hanging space: nothing to mark on that line
    CHECK(rects.empty());
    InkRects(layout, 2, 5, rects);
    REQUIRE(rects.size() == 2);
    CHECK(rects[0].x == 20.0f);
    CHECK(rects[0].width == 10.0f);
    CHECK(rects[1].width == 10.0f);
}

TEST_CASE("queries: WordAt for double-click selection") {
    using Row = std::tuple<std::string, uint32_t, std::string>;
    auto [s, offset, expected] = GENERATE(table<std::string, uint32_t, std::string>({
        Row{"the sorting hat", 5, "sorting"},
        Row{"the sorting hat", 4, "sorting"},
        Row{"the sorting hat", 3, " "},
        Row{"the sorting hat", 15, "hat"},           // at the end: the word before
        Row{"don't stop", 2, "don't"},
        Row{"it\xE2\x80\x99s here", 0, "it\xE2\x80\x99s"}, // curly apostrophe inside the word
        Row{"\xE2\x80\x9CSolidarity\xE2\x80\x9D", 5, "Solidarity"},
        Row{"\xE2\x80\x9CSolidarity\xE2\x80\x9D", 0, "\xE2\x80\x9C"},
        Row{"self-sorting", 1, "self"},
        Row{"wait\xE2\x80\x94what", 4, "\xE2\x80\x94"},
        Row{"na\xC3\xAFve idea", 3, "na\xC3\xAFve"},  // inside a multi-byte letter: snaps to it
        Row{"ab\ncd", 2, "ab"},                       // at a '\n': the word before
        Row{"", 0, ""},
        Row{"ab", 9, "ab"},                           // past the end: clamped to it
    }));
    CAPTURE(s, offset);
    const ByteRange word = WordAt(s, offset);
    CHECK(s.substr(word.begin, word.end - word.begin) == expected);
}
