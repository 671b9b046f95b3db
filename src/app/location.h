// Where the reader is, as a URL fragment and back: the reading position and the open objections. Knows the
// Document's ids, nothing of the browser; the platform layer reads and writes the actual hash.
//
// Grammar (every part optional, in any order, joined by '&'):
//   #conclusion                       a section, block, comment or objection id on its own
//   #at=circular-logic-p3             the block at the top of the viewport
//   #open=only-one-step,too-many-bonds  the open objections
// A bare objection id opens it and goes to its passage. Unknown keys and ids that no longer exist are dropped (old
// links keep working); a fragment that is not of this grammar at all is rejected whole and changes nothing.
#pragma once

#include "doc/document.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app {

struct Location {
    std::string at;                        // block or section id; empty for the top of the essay
    std::vector<doc::ObjectionId> open;    // sorted by index, no duplicates
    friend bool operator==(const Location&, const Location&) = default;
};

// Longest fragment accepted; anything longer is rejected without being scanned.
inline constexpr size_t MaxFragmentLength = 2048;

// Parses a fragment, with or without its leading '#'. std::nullopt when it is malformed.
std::optional<Location> ParseLocation(std::string_view fragment, const doc::Document& document);
// The canonical fragment, with its leading '#'; "" for the top of the essay with nothing open.
std::string FormatLocation(const Location& location, const doc::Document& document);

} // namespace app
