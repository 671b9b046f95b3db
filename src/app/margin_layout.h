// Places sidenotes in a margin: each as close to its passage as it can be, none overlapping. Knows only numbers.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace app {

struct MarginItem {
    float desired_top = 0.0f; // the top of the passage the note belongs to
    float height = 0.0f;
};

// A stretch of the margin no note may overlap: a figure that breaks out of the column across it.
struct MarginBlock {
    float top = 0.0f, bottom = 0.0f;
};

// Returns each item's top, in input order. Items are taken in order of desired_top (ties keep input order); each
// sits at its desired top unless the one before it still occupies that space, then just below it (plus `gap`).
// So no two overlap, and no note starts below its passage's top except when crowded: in a scrolling page there is
// always room below. A note that would come within `gap` of a block is raised to end `gap` above it when it then
// still reaches its passage's top and clears the note before it; otherwise it starts `gap` below the block (blocks
// may come in any order and may overlap).
std::vector<float> PlaceMarginItems(std::span<const MarginItem> items, float gap,
                                    std::span<const MarginBlock> blocks = {});

// Gives the notes of each crowd its first note's desired top, where a crowd is a run of notes of one `group` (one per
// item: a paragraph) that PlaceMarginItems would stack, each, by desired top, within `gap` of the one before it.
// Placed after this, a crowd's notes stack in their input order, not their passages'. Notes with room to stand by
// their passages keep their tops, and a note never joins another paragraph's crowd.
void GatherCrowds(std::span<MarginItem> items, std::span<const uint32_t> group, float gap);

} // namespace app
