// Selection ranges, their plain text, and case-insensitive search over the Document's blocks.
#include "app/selection.h"

#include <algorithm>

namespace app {

namespace {
char Fold(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

void Ordered(const Selection& s, TextPosition& first, TextPosition& last) {
    first = s.anchor < s.focus ? s.anchor : s.focus;
    last = s.anchor < s.focus ? s.focus : s.anchor;
}
} // namespace

bool operator<(const TextPosition& a, const TextPosition& b) {
    return a.block.index != b.block.index ? a.block.index < b.block.index : a.offset < b.offset;
}

bool IsEmpty(const Selection& s) { return !s.anchor.block.valid() || s.anchor == s.focus; }

bool RangeInBlock(const Selection& s, doc::BlockId block, const doc::Document& document, uint32_t& out_begin,
                  uint32_t& out_end) {
    if (IsEmpty(s) || block.index >= document.blocks.size())
        return false;
    TextPosition first, last;
    Ordered(s, first, last);
    if (block.index < first.block.index || block.index > last.block.index)
        return false;
    const uint32_t size = uint32_t(document.block(block).text.size());
    out_begin = block == first.block ? std::min(first.offset, size) : 0;
    out_end = block == last.block ? std::min(last.offset, size) : size;
    return out_begin < out_end;
}

std::string SelectedText(const Selection& s, const doc::Document& document) {
    std::string text;
    if (IsEmpty(s))
        return text;
    TextPosition first, last;
    Ordered(s, first, last);
    for (uint32_t b = first.block.index; b <= last.block.index && b < document.blocks.size(); ++b) {
        const doc::Block& block = document.blocks[b];
        if (block.kind == doc::BlockKind::Figure)
            continue; // a figure's name is not text the reader sees
        uint32_t begin = 0, end = 0;
        if (!RangeInBlock(s, doc::BlockId{b}, document, begin, end))
            continue;
        if (!text.empty())
            text += "\n\n";
        text.append(block.text, begin, end - begin);
    }
    return text;
}

std::vector<doc::Passage> FindText(const doc::Document& document, std::string_view query, size_t limit) {
    std::vector<doc::Passage> found;
    if (query.empty())
        return found;
    for (uint32_t b = 0; b < document.blocks.size() && found.size() < limit; ++b) {
        const doc::Block& block = document.blocks[b];
        if (block.kind == doc::BlockKind::Figure || block.text.size() < query.size())
            continue;
        const std::string& t = block.text;
        for (size_t i = 0; i + query.size() <= t.size() && found.size() < limit; ++i) {
            size_t k = 0;
            while (k < query.size() && Fold(t[i + k]) == Fold(query[k]))
                ++k;
            if (k == query.size()) {
                found.push_back({doc::BlockId{b}, uint32_t(i), uint32_t(i + k)});
                i += k - 1; // matches do not overlap
            }
        }
    }
    return found;
}

void UpdateSearch(Search& search, const doc::Document& document) {
    search.matches = FindText(document, search.query);
    search.current = 0;
}

void StepSearch(Search& search, bool backwards) {
    if (search.matches.empty())
        return;
    const size_t n = search.matches.size();
    search.current = backwards ? (search.current + n - 1) % n : (search.current + 1) % n;
}

} // namespace app
