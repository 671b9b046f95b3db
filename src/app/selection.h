// Text selection across the essay's blocks, and finding text in it. Knows the Document; nothing of pointers,
// keys or ImGui: views turn input into positions, and this turns positions into text and ranges.
#pragma once

#include "doc/document.h"

#include <string>
#include <string_view>
#include <vector>

namespace app {

// A caret position: a byte offset inside one block's text.
struct TextPosition {
    doc::BlockId block;
    uint32_t offset = 0;
    friend bool operator==(const TextPosition&, const TextPosition&) = default;
};
bool operator<(const TextPosition& a, const TextPosition& b);

// Where a drag started (anchor) and where it is now (focus); either order. Empty when they are equal.
struct Selection {
    TextPosition anchor;
    TextPosition focus;
};
bool IsEmpty(const Selection& s);

// The selected byte range inside `block`, if the selection touches it.
bool RangeInBlock(const Selection& s, doc::BlockId block, const doc::Document& document, uint32_t& out_begin,
                  uint32_t& out_end);

// The selected text as plain text: blocks joined by a blank line, as a reader pasting it would expect.
std::string SelectedText(const Selection& s, const doc::Document& document);

// Every occurrence of `query` in the essay and the comments, in reading order, ignoring ASCII case. At most
// `limit` matches; an empty query finds nothing.
std::vector<doc::Passage> FindText(const doc::Document& document, std::string_view query, size_t limit = 1000);

// In-essay search as the reader uses it: the query, its matches, and which one is current.
struct Search {
    bool open = false;
    std::string query;
    std::vector<doc::Passage> matches;
    size_t current = 0; // index into matches; meaningless when there are none
};
// Re-runs the search after the query changed; the current match becomes the first one.
void UpdateSearch(Search& search, const doc::Document& document);
// Moves to the next (or previous) match, wrapping around.
void StepSearch(Search& search, bool backwards);

} // namespace app
