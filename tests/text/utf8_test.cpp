// Tests for text/utf8: round-trips, invalid input and boundaries; knows nothing of layout.
#include "text/utf8.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

using namespace text;

namespace {

// Walks the text with DecodeUtf8 and returns every boundary, 0 and text.size() included.
std::vector<size_t> WalkBoundaries(std::string_view s) {
    std::vector<size_t> out{0};
    for (size_t offset = 0; offset < s.size();) {
        const Decoded d = DecodeUtf8(s, offset);
        REQUIRE(d.length >= 1);
        REQUIRE(d.length <= 4);
        offset += d.length;
        out.push_back(offset);
    }
    return out;
}

} // namespace

TEST_CASE("utf8: every scalar value round-trips through encode and decode") {
    for (char32_t cp = 0; cp <= MaxCodepoint; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        std::string s;
        AppendUtf8(s, cp);
        const Decoded d = DecodeUtf8(s, 0);
        if (d.codepoint != cp || d.length != s.size()) {
            CAPTURE(static_cast<uint32_t>(cp));
            FAIL("round-trip failed");
        }
    }
}

TEST_CASE("utf8: lengths of known sequences") {
    using Row = std::tuple<std::string, char32_t, uint32_t>;
    auto [bytes, cp, length] = GENERATE(table<std::string, char32_t, uint32_t>({
        Row{"A", U'A', 1},
        Row{"\xC3\xA9", U'é', 2},
        Row{"\xE2\x80\x94", U'—', 3},
        Row{"\xE2\x80\x9C", U'“', 3},
        Row{"\xF0\x9F\x98\x80", U'\U0001F600', 4},
    }));
    const Decoded d = DecodeUtf8(bytes, 0);
    CHECK(d.codepoint == cp);
    CHECK(d.length == length);
}

TEST_CASE("utf8: invalid bytes decode as U+FFFD of length 1") {
    const std::string bad = GENERATE(as<std::string>{},
                                     "\x80",             // stray continuation
                                     "\xBF",             //
                                     "\xC0\xAF",         // overlong '/'
                                     "\xC1\xBF",         // overlong
                                     "\xE0\x80\xAF",     // overlong 3-byte
                                     "\xED\xA0\x80",     // surrogate U+D800
                                     "\xF0\x80\x80\xAF", // overlong 4-byte
                                     "\xF4\x90\x80\x80", // above U+10FFFF
                                     "\xF5\x80\x80\x80", // lead byte never valid
                                     "\xFF",             //
                                     "\xE2\x80",         // truncated at the end
                                     "\xE2\x80x",        // truncated before ASCII
                                     "\xF0\x9F\x98");    // truncated 4-byte
    CAPTURE(bad);
    const Decoded d = DecodeUtf8(bad, 0);
    CHECK(d.codepoint == ReplacementCharacter);
    CHECK(d.length == 1);
}

TEST_CASE("utf8: encoding unencodable values writes U+FFFD") {
    char out[4];
    CHECK(EncodeUtf8(0xD800, out) == 3);
    CHECK(DecodeUtf8(std::string_view(out, 3), 0).codepoint == ReplacementCharacter);
    CHECK(EncodeUtf8(0x110000, out) == 3);
    CHECK(DecodeUtf8(std::string_view(out, 3), 0).codepoint == ReplacementCharacter);
}

TEST_CASE("utf8: decoding at or past the end gives length 0") {
    CHECK(DecodeUtf8("", 0).length == 0);
    CHECK(DecodeUtf8("ab", 2).length == 0);
    CHECK(DecodeUtf8("ab", 7).length == 0);
}

TEST_CASE("utf8: boundaries of a mixed string") {
    const std::string s = "a\xE2\x80\x94" "b\x80\xC3\xA9";  // a — b <stray> é
    CHECK(WalkBoundaries(s) == std::vector<size_t>{0, 1, 4, 5, 6, 8});
    CHECK(IsBoundary(s, 0));
    CHECK(IsBoundary(s, 1));
    CHECK_FALSE(IsBoundary(s, 2));
    CHECK_FALSE(IsBoundary(s, 3));
    CHECK(IsBoundary(s, 5)); // the stray byte stands alone
    CHECK(IsBoundary(s, 8));
    CHECK_FALSE(IsBoundary(s, 9));
    CHECK(NextBoundary(s, 1) == 4);
    CHECK(NextBoundary(s, 2) == 4); // from inside: the end of that sequence
    CHECK(NextBoundary(s, 8) == 8);
    CHECK(PrevBoundary(s, 4) == 1);
    CHECK(PrevBoundary(s, 3) == 1); // from inside: the start of that sequence
    CHECK(PrevBoundary(s, 6) == 5);
    CHECK(PrevBoundary(s, 0) == 0);
    CHECK(PrevBoundary(s, 100) == 6);
}

TEST_CASE("utf8: random bytes never hang and boundaries agree with a forward walk") {
    const auto seed = GENERATE(take(50, random(0u, 1000000u)));
    CAPTURE(seed);
    std::mt19937 rng(seed);
    // Biased towards bytes that start or continue sequences, so near-valid garbage is common.
    const unsigned char pool[] = {'a', ' ', 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED,
                                  0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x94, 0x9C, 0x98};
    std::string s;
    const size_t length = rng() % 64;
    for (size_t i = 0; i < length; ++i) s.push_back(static_cast<char>(pool[rng() % sizeof(pool)]));

    const std::vector<size_t> walk = WalkBoundaries(s);
    std::vector<bool> is_boundary(s.size() + 1, false);
    for (size_t b : walk) is_boundary[b] = true;
    for (size_t offset = 0; offset <= s.size(); ++offset) {
        CAPTURE(offset);
        CHECK(IsBoundary(s, offset) == is_boundary[offset]);
        const size_t next = NextBoundary(s, offset);
        const size_t prev = PrevBoundary(s, offset);
        if (offset < s.size()) {
            CHECK(next > offset);
            CHECK(is_boundary[next]);
        }
        if (offset > 0) {
            CHECK(prev < offset);
            CHECK(is_boundary[prev]);
        }
    }
    // Walking backwards from the end visits the same boundaries as walking forwards.
    std::vector<size_t> backwards{s.size()};
    for (size_t offset = s.size(); offset > 0;) {
        offset = PrevBoundary(s, offset);
        backwards.insert(backwards.begin(), offset);
    }
    CHECK(backwards == walk);
}

TEST_CASE("utf8: GlueSpaces ties every ASCII space and leaves the rest as written") {
    CHECK(text::GlueSpaces("") == "");
    CHECK(text::GlueSpaces("in \u201CCircular Logic\u201D \u2191") ==
          "in\u00A0\u201CCircular\u00A0Logic\u201D\u00A0\u2191");
    CHECK(text::GlueSpaces(" a  b ") == "\u00A0a\u00A0\u00A0b\u00A0");
    // A no-break space already there, a tab and a newline stay as they are.
    const std::string glued = text::GlueSpaces("x\u00A0y\tz\n w");
    CHECK(glued == "x\u00A0y\tz\n\u00A0w");
}
