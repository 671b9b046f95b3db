// UTF-8 decoding, encoding and codepoint boundaries; knows nothing of fonts, layout or where the text comes from.
//
// Robust to invalid input by construction: every byte that does not start a well-formed sequence (stray continuation
// bytes, overlong forms, surrogates, values above U+10FFFF, truncated sequences) decodes as U+FFFD of length 1, so
// walking with DecodeUtf8 always advances and never reads past the end.
//
// Ownership: all functions take a borrowed std::string_view and keep nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace text {

inline constexpr char32_t ReplacementCharacter = 0xFFFD;
inline constexpr char32_t MaxCodepoint = 0x10FFFF;

struct Decoded {
    char32_t codepoint = 0;
    uint32_t length = 0; // 1..4 bytes; 0 only when decoding at or past the end
};

// The codepoint starting at byte `offset`. Offsets inside a sequence decode as U+FFFD of length 1.
Decoded DecodeUtf8(std::string_view text, size_t offset);

// Writes the UTF-8 form of `codepoint` to `out` and returns its length (1..4). Surrogates and values above
// U+10FFFF are not encodable, so they are written as U+FFFD.
uint32_t EncodeUtf8(char32_t codepoint, char out[4]);
void AppendUtf8(std::string& out, char32_t codepoint);

// True at 0, at text.size() and where a codepoint (as DecodeUtf8 walks from the start) begins.
bool IsBoundary(std::string_view text, size_t offset);

// The first boundary after `offset` (text.size() at or past the end). From inside a sequence: the end of that sequence.
size_t NextBoundary(std::string_view text, size_t offset);

// The start of the codepoint that ends at or contains byte `offset - 1` (0 at the start). Offsets past the end are
// treated as text.size().
size_t PrevBoundary(std::string_view text, size_t offset);

// `words` with each ASCII space replaced by a no-break space (U+00A0), so that a layout keeps them on one line.
std::string GlueSpaces(std::string_view words);

} // namespace text
