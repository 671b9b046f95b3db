// Greedy top-down stacking of margin notes, as Tufte-style sidenotes do; O(n log n + n·b²) for b blocks, no allocation
// beyond the result.
#include "app/margin_layout.h"

#include <algorithm>
#include <numeric>

namespace app {

namespace {

// Positions are sums of floats: a note raised to end `gap` above a block, at b.top - gap - height, sums back to a hair
// over b.top in about two cases of five, and was then sent below the figure (an open card vanished from beside its
// passage). Closer than this is not touching.
constexpr float Slack = 0.01f;

// Whether a note at `top`, `height` tall, comes within `gap` of the block.
bool Touches(float top, float height, float gap, const MarginBlock& b) {
    return top < b.bottom + gap - Slack && top + height + gap > b.top + Slack;
}

// The first top at or below `top` where a note `height` tall keeps `gap` clear of every block. Each move passes a
// block's bottom and tops only grow, so this ends after at most one move per block.
float ClearOfBlocks(float top, float height, float gap, std::span<const MarginBlock> blocks) {
    for (bool moved = true; moved;) {
        moved = false;
        for (const MarginBlock& b : blocks)
            if (Touches(top, height, gap, b)) {
                top = b.bottom + gap;
                moved = true;
            }
    }
    return top;
}

bool ClearOf(float top, float height, float gap, std::span<const MarginBlock> blocks) {
    for (const MarginBlock& b : blocks)
        if (Touches(top, height, gap, b))
            return false;
    return true;
}

} // namespace

std::vector<float> PlaceMarginItems(std::span<const MarginItem> items, float gap, std::span<const MarginBlock> blocks) {
    std::vector<size_t> order(items.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return items[a].desired_top < items[b].desired_top; });
    std::vector<float> tops(items.size(), 0.0f);
    bool first = true;
    float bottom = 0.0f;
    for (size_t i : order) {
        const float height = std::max(0.0f, items[i].height);
        const float wanted = first ? items[i].desired_top : std::max(items[i].desired_top, bottom + gap);
        float top = ClearOfBlocks(wanted, height, gap, blocks);
        // A note that a block (the figure) would push far down, past the block, is raised instead to end just above
        // it, when it still reaches its passage's top and clears the note before it: beside its passage rather than
        // a figure's height away from it.
        if (top != wanted)
            for (const MarginBlock& b : blocks) {
                const float raised = b.top - gap - height;
                if (raised < wanted && raised + height >= items[i].desired_top && (first || raised >= bottom + gap) &&
                    ClearOf(raised, height, gap, blocks)) {
                    top = raised;
                    break;
                }
            }
        tops[i] = top;
        bottom = top + height;
        first = false;
    }
    return tops;
}

void GatherCrowds(std::span<MarginItem> items, std::span<const uint32_t> group, float gap) {
    std::vector<size_t> order(items.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return items[a].desired_top < items[b].desired_top; });
    float crowd_top = 0.0f, bottom = 0.0f;
    for (size_t k = 0; k < order.size(); ++k) {
        MarginItem& item = items[order[k]];
        const float height = std::max(0.0f, item.height);
        const bool pushed = k > 0 && item.desired_top < bottom + gap;
        if (pushed && group[order[k]] == group[order[k - 1]]) {
            item.desired_top = crowd_top;
        } else {
            crowd_top = item.desired_top;
        }
        bottom = (pushed ? bottom + gap : item.desired_top) + height;
    }
}

} // namespace app
