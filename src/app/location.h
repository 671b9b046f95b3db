// Where the reader is, as a URL fragment and back: the reading position and the open objections. Knows the
// Document's ids, nothing of the browser; the platform layer reads and writes the actual hash.
//
// Grammar (every part optional, in any order, joined by '&'):
//   #conclusion                       a section, block, comment or objection id on its own
//   #at=circular-logic-p3             the block at the top of the viewport
//   #open=only-one-step,too-many-bonds  the open objections
//   #sim=seed:7,preset:forgetful,w_friend:0.35,act:protest@12,alpha:0.05@20,month:30
//                                     the simulation figure: seed, preset (a flip preset's slug or an objection's
//                                     "Test this" id), slider values from the start (parameter names, clamped to
//                                     their range), the reader's interventions (act:<name>@<week>) and slider moves
//                                     during the run (<name>:<value>@<week>), in the order made, and the month (or
//                                     week:<n>);
//   #sim=seed:7,guide:3               a step of the figure's guided path, on that seed.
//                                     Unknown keys inside sim= are dropped; a part that does not parse rejects the
//                                     fragment.
// A bare objection id opens it and goes to its passage. Unknown keys and ids that no longer exist are dropped (old
// links keep working); a fragment that is not of this grammar at all is rejected whole and changes nothing.
#pragma once

#include "doc/document.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace app {

// One thing the reader did during the run, at a week: an intervention, by its name in sim::InterventionByName's
// vocabulary (the CLI's too), or, when `value` is set, a slider moved to that value (`name` is the parameter).
struct SimAct {
    int week = 0;
    std::string name;
    std::optional<double> value;
    friend bool operator==(const SimAct&, const SimAct&) = default;
};
inline constexpr int MaxLinkWeeks = 10 * 52;  // ten years: longer links are clamped, so opening one never hangs
inline constexpr size_t MaxLinkActs = 32;
inline constexpr int MaxGuideStep = 5;
struct SimLink {
    uint64_t seed = 1;                                 // ≥ 1
    std::string preset;                                // empty: none
    std::vector<std::pair<std::string, double>> params; // in sim::ParamTable() order, each clamped to its range
    std::vector<SimAct> acts;                          // by week (in the order made within one), each ≤ `week`
    int week = 0;                                      // 0..MaxLinkWeeks
    int guide = 0;                                     // a step of the guided path, 1..MaxGuideStep; 0: none
    friend bool operator==(const SimLink&, const SimLink&) = default;
};

struct Location {
    std::string at;                        // block or section id; empty for the top of the essay
    std::vector<doc::ObjectionId> open;    // sorted by index, no duplicates
    std::optional<SimLink> sim;            // the figure's state, when the link carries one
    friend bool operator==(const Location&, const Location&) = default;
};

// Longest fragment accepted; anything longer is rejected without being scanned.
inline constexpr size_t MaxFragmentLength = 2048;

// Parses a fragment, with or without its leading '#'. std::nullopt when it is malformed.
std::optional<Location> ParseLocation(std::string_view fragment, const doc::Document& document);
// The canonical fragment, with its leading '#'; "" for the top of the essay with nothing open.
std::string FormatLocation(const Location& location, const doc::Document& document);
// The sim= value alone (no key), canonical; and its parser (std::nullopt when a part is malformed).
std::string FormatSimLink(const SimLink& link);
std::optional<SimLink> ParseSimLink(std::string_view value);
// The interventions a link can name, and the presets it can name (flip presets' slugs and the objections' ids).
bool IsSimActName(std::string_view name);
bool IsSimPresetName(std::string_view name);

} // namespace app
