// Greedy top-down stacking of margin notes, as Tufte-style sidenotes do; O(n log n), no allocation beyond the result.
#include "app/margin_layout.h"

#include <algorithm>
#include <numeric>

namespace app {

std::vector<float> PlaceMarginItems(std::span<const MarginItem> items, float gap) {
    std::vector<size_t> order(items.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return items[a].desired_top < items[b].desired_top; });
    std::vector<float> tops(items.size(), 0.0f);
    bool first = true;
    float bottom = 0.0f;
    for (size_t i : order) {
        const float top = first ? items[i].desired_top : std::max(items[i].desired_top, bottom + gap);
        tops[i] = top;
        bottom = top + std::max(0.0f, items[i].height);
        first = false;
    }
    return tops;
}

} // namespace app
