// Properties of margin placement: no overlap, never above the passage, and no needless displacement.
#include "app/margin_layout.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <utility>

namespace {
// Up to 29 notes anywhere on a 5,000 px page, up to 400 px tall.
std::vector<app::MarginItem> RandomItems(std::mt19937& rng) {
    std::vector<app::MarginItem> items(rng() % 30);
    for (app::MarginItem& item : items)
        item = {float(rng() % 5000), float(rng() % 400)};
    return items;
}
} // namespace

TEST_CASE("notes with room sit level with their passages", "[margin]") {
    const std::vector<app::MarginItem> items = {{100, 50}, {400, 80}, {900, 30}};
    CHECK(app::PlaceMarginItems(items, 12.0f) == std::vector<float>{100, 400, 900});
}

TEST_CASE("crowded notes stack below each other in passage order", "[margin]") {
    // Three objections on one paragraph, given out of order.
    const std::vector<app::MarginItem> items = {{120, 100}, {100, 60}, {110, 40}};
    CHECK(app::PlaceMarginItems(items, 10.0f) == std::vector<float>{220, 100, 170});
}

TEST_CASE("random margins never overlap and never rise above their passages", "[margin]") {
    const uint32_t seed = GENERATE(take(200, random(1u, 4000000000u)));
    CAPTURE(seed);
    std::mt19937 rng(seed);
    const std::vector<app::MarginItem> items = RandomItems(rng);
    const float gap = float(rng() % 20);
    const std::vector<float> tops = app::PlaceMarginItems(items, gap);
    REQUIRE(tops.size() == items.size());
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return tops[a] < tops[b]; });
    for (size_t k = 0; k < order.size(); ++k) {
        const size_t i = order[k];
        CHECK(tops[i] >= items[i].desired_top);
        if (k > 0) {
            const size_t prev = order[k - 1];
            CHECK(tops[i] >= tops[prev] + items[prev].height + gap - 1e-3f);
            // Displaced only as far as the note above it forces.
            if (tops[i] > items[i].desired_top)
                CHECK(tops[i] == Approx(tops[prev] + items[prev].height + gap));
        } else {
            CHECK(tops[i] == items[i].desired_top);
        }
    }
}

TEST_CASE("notes keep clear of a figure across the margin, and return beside the text after it", "[margin]") {
    // A figure from 500 to 1100: a note at 450 would run into it; raised to end 10 above it, it still reaches 450.
    const std::vector<app::MarginBlock> figure = {{500, 1100}};
    const std::vector<app::MarginItem> items = {{100, 50}, {450, 100}, {1300, 40}};
    CHECK(app::PlaceMarginItems(items, 10.0f, figure) == std::vector<float>{100, 390, 1300});
    // Raised only while it still reaches its passage: ending at 490, a note for a passage at 495 cannot, so it goes
    // below the figure and pushes the next one on, as any crowded note does.
    const std::vector<app::MarginItem> short_note = {{495, 20}, {1110, 40}};
    CHECK(app::PlaceMarginItems(short_note, 10.0f, figure) == std::vector<float>{1110, 1140});
    // Nor over the note before it: the second cannot rise above 100 + 300 + 10, so it goes below.
    const std::vector<app::MarginItem> crowded = {{100, 300}, {450, 300}, {1200, 40}};
    CHECK(app::PlaceMarginItems(crowded, 10.0f, figure) == std::vector<float>{100, 1110, 1420});
}

TEST_CASE("a note raised to end just above a figure is raised at any fractional position", "[margin]") {
    // A card as tall as the one that vanished (670.6 px, gap 14): for about two figure tops in five, the raised top
    // summed back to a hair past the figure's top, and the card went below the figure, 1,700 px from its passage.
    const float figure_top = 3400.0f + 0.01f * float(GENERATE(range(0, 400)));
    CAPTURE(figure_top);
    const std::vector<app::MarginBlock> figure = {{figure_top, figure_top + 1700.0f}};
    const std::vector<app::MarginItem> card = {{2760.7f, 670.6f}};
    const std::vector<float> tops = app::PlaceMarginItems(card, 14.0f, figure);
    CHECK(tops[0] == Approx(figure_top - 14.0f - 670.6f).margin(0.01));
}

TEST_CASE("random notes never touch a block, and rise above their passages only to end just above a block", "[margin]") {
    const uint32_t seed = GENERATE(take(200, random(1u, 4000000000u)));
    CAPTURE(seed);
    std::mt19937 rng(seed);
    const std::vector<app::MarginItem> items = RandomItems(rng);
    std::vector<app::MarginBlock> blocks(rng() % 4);
    for (app::MarginBlock& b : blocks) {
        b.top = float(rng() % 5000);
        b.bottom = b.top + float(rng() % 900);
    }
    const float gap = float(rng() % 20);
    const std::vector<float> tops = app::PlaceMarginItems(items, gap, blocks);
    REQUIRE(tops.size() == items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        if (tops[i] < items[i].desired_top) {
            CHECK(tops[i] + items[i].height >= items[i].desired_top - 1e-3f);
            bool ends_at_block = false;
            for (const app::MarginBlock& b : blocks)
                ends_at_block = ends_at_block || std::abs(tops[i] + items[i].height + gap - b.top) < 1e-3f;
            CHECK(ends_at_block);
        }
        for (const app::MarginBlock& b : blocks)
            CHECK((tops[i] + items[i].height + gap <= b.top + 1e-3f || tops[i] >= b.bottom + gap - 1e-3f));
        for (size_t j = 0; j < i; ++j)
            CHECK((tops[i] >= tops[j] + items[j].height + gap - 1e-3f || tops[j] >= tops[i] + items[i].height + gap - 1e-3f));
    }
}

TEST_CASE("a gathered crowd stacks in its input order from its first passage's top; notes with room stay", "[margin]") {
    // A comment's paragraph with three objections, given in their numbers' order (8, 9, 13) while their words come in
    // the order 13, 9, 8; and one further down with room of its own.
    // Then the next paragraph's, which the crowd pushes down, but which never joins it.
    std::vector<app::MarginItem> items = {{300, 90}, {260, 90}, {200, 90}, {420, 40}, {900, 50}};
    const std::vector<uint32_t> paragraph = {2, 2, 2, 3, 7};
    CHECK(app::PlaceMarginItems(items, 10.0f) == std::vector<float>{400, 300, 200, 500, 900});
    app::GatherCrowds(items, paragraph, 10.0f);
    CHECK(app::PlaceMarginItems(items, 10.0f) == std::vector<float>{200, 300, 400, 500, 900});
}

TEST_CASE("gathering crowds moves notes only within their crowd's stretch, and none overlap", "[margin]") {
    const uint32_t seed = GENERATE(take(200, random(1u, 4000000000u)));
    CAPTURE(seed);
    std::mt19937 rng(seed);
    std::vector<app::MarginItem> items = RandomItems(rng);
    const float gap = float(rng() % 20);
    std::vector<uint32_t> paragraph(items.size());
    for (uint32_t& p : paragraph)
        p = uint32_t(rng() % 3);
    const std::vector<float> before = app::PlaceMarginItems(items, gap);
    app::GatherCrowds(items, paragraph, gap);
    const std::vector<float> after = app::PlaceMarginItems(items, gap);
    REQUIRE(after.size() == before.size());
    std::vector<std::pair<float, float>> spans, spans_before;
    for (size_t i = 0; i < after.size(); ++i) {
        spans.emplace_back(after[i], after[i] + items[i].height);
        spans_before.emplace_back(before[i], before[i] + items[i].height);
    }
    std::sort(spans.begin(), spans.end());
    std::sort(spans_before.begin(), spans_before.end());
    for (size_t k = 1; k < spans.size(); ++k)
        CHECK(spans[k].first >= spans[k - 1].second + gap - 0.01f);
    // Where the margin is taken is the same: the first top and the last bottom of every stack are unchanged.
    if (!spans.empty()) {
        CHECK(spans.front().first == spans_before.front().first);
        const auto last = [](const auto& s) {
            float b = 0.0f;
            for (const auto& [top, bottom] : s) b = std::max(b, bottom);
            return b;
        };
        CHECK(last(spans) == Approx(last(spans_before)));
    }
}
