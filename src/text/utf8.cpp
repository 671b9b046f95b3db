// UTF-8 decoding, encoding and boundaries (see utf8.h); knows nothing of fonts or layout.
#include "text/utf8.h"

namespace text {
namespace {

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

} // namespace

Decoded DecodeUtf8(std::string_view text, size_t offset) {
    if (offset >= text.size()) return {0, 0};
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data()) + offset;
    const size_t available = text.size() - offset;
    const unsigned char lead = bytes[0];
    if (lead < 0x80) return {lead, 1};

    // The second byte's allowed range depends on the lead: this is what rejects overlongs (E0, F0), surrogates (ED)
    // and values above U+10FFFF (F4) without decoding first and checking afterwards.
    uint32_t length = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    char32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0Fu;
        if (lead == 0xE0) second_min = 0xA0;
        if (lead == 0xED) second_max = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07u;
        if (lead == 0xF0) second_min = 0x90;
        if (lead == 0xF4) second_max = 0x8F;
    } else {
        return {ReplacementCharacter, 1};
    }
    if (available < length) return {ReplacementCharacter, 1};
    if (bytes[1] < second_min || bytes[1] > second_max) return {ReplacementCharacter, 1};
    for (uint32_t i = 1; i < length; ++i) {
        if (!IsContinuation(bytes[i])) return {ReplacementCharacter, 1};
        value = (value << 6) | (bytes[i] & 0x3Fu);
    }
    return {value, length};
}

uint32_t EncodeUtf8(char32_t codepoint, char out[4]) {
    if (codepoint > MaxCodepoint || (codepoint >= 0xD800 && codepoint <= 0xDFFF)) codepoint = ReplacementCharacter;
    if (codepoint < 0x80) {
        out[0] = static_cast<char>(codepoint);
        return 1;
    }
    if (codepoint < 0x800) {
        out[0] = static_cast<char>(0xC0 | (codepoint >> 6));
        out[1] = static_cast<char>(0x80 | (codepoint & 0x3F));
        return 2;
    }
    if (codepoint < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (codepoint >> 12));
        out[1] = static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (codepoint & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (codepoint >> 18));
    out[1] = static_cast<char>(0x80 | ((codepoint >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (codepoint & 0x3F));
    return 4;
}

void AppendUtf8(std::string& out, char32_t codepoint) {
    char buffer[4];
    out.append(buffer, EncodeUtf8(codepoint, buffer));
}

size_t PrevBoundary(std::string_view text, size_t offset) {
    if (offset > text.size()) offset = text.size();
    if (offset == 0) return 0;
    // A well-formed sequence is at most 4 bytes and starts with a non-continuation byte, so the codepoint holding
    // byte offset-1 starts at the nearest non-continuation byte within 3 bytes back if that byte's sequence reaches
    // offset-1; otherwise byte offset-1 is a stray byte and stands alone.
    const size_t last = offset - 1;
    const size_t lowest = last >= 3 ? last - 3 : 0;
    for (size_t p = last + 1; p-- > lowest;) {
        if (IsContinuation(static_cast<unsigned char>(text[p]))) continue;
        if (p + DecodeUtf8(text, p).length > last) return p;
        break;
    }
    return last;
}

bool IsBoundary(std::string_view text, size_t offset) {
    if (offset == 0 || offset == text.size()) return true;
    if (offset > text.size()) return false;
    return PrevBoundary(text, offset + 1) == offset;
}

size_t NextBoundary(std::string_view text, size_t offset) {
    if (offset >= text.size()) return text.size();
    const size_t start = PrevBoundary(text, offset + 1);
    return start + DecodeUtf8(text, start).length;
}

std::string GlueSpaces(std::string_view words) {
    std::string glued;
    glued.reserve(words.size());
    for (const char c : words) {
        if (c == ' ')
            glued += "\u00A0";
        else
            glued += c;
    }
    return glued;
}

} // namespace text
