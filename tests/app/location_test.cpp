// Tests of URL fragments <-> Location over the real content: round trips, stale ids, and malformed input.
#include "app/location.h"

#include "../doc/content_files.h"

#include <catch2/catch.hpp>

#include <random>

namespace {
const doc::Document& Essay() {
    static const doc::Document document = doc::ImportDocument(doc_test::ReadAssets()).document;
    return document;
}
doc::ObjectionId Objection(const char* id) { return Essay().FindObjection(id); }
} // namespace

TEST_CASE("fragments name a place and the open objections", "[location]") {
    const doc::Document& d = Essay();
    REQUIRE(d.objections.size() >= 10);
    using table_row = std::tuple<std::string, std::string, std::vector<std::string>>;
    auto [fragment, at, open] = GENERATE(table<std::string, std::string, std::vector<std::string>>({
        table_row{"", "", {}},
        table_row{"#", "", {}},
        table_row{"#conclusion", "conclusion", {}},
        table_row{"#circular-logic-p3", "circular-logic-p3", {}},
        table_row{"#comment-1", "comment-1", {}},
        table_row{"#only-one-step", "", {"only-one-step"}},
        table_row{"#at=conclusion&open=too-many-bonds,only-one-step", "conclusion", {"only-one-step", "too-many-bonds"}},
        table_row{"#open=only-one-step,only-one-step", "", {"only-one-step"}},
        table_row{"#at=no-such-place&open=no-such-objection", "", {}},
        table_row{"#future-key=whatever&at=conclusion", "conclusion", {}},
    }));
    CAPTURE(fragment);
    const std::optional<app::Location> location = app::ParseLocation(fragment, d);
    REQUIRE(location.has_value());
    CHECK(location->at == at);
    std::vector<std::string> ids;
    for (doc::ObjectionId o : location->open)
        ids.push_back(d.objection(o).id);
    CHECK(ids == open);
}

TEST_CASE("malformed fragments are rejected whole", "[location]") {
    const std::string fragment = GENERATE(std::string("#<script>"), std::string("#at=Conclusion"),
                                          std::string("#open=only-one-step,,x"), std::string("#at="),
                                          std::string("#a b"), std::string("#%E2%80%9C"), std::string("#&&"),
                                          std::string("#open=") + std::string(3000, 'a'));
    CAPTURE(fragment);
    CHECK_FALSE(app::ParseLocation(fragment, Essay()).has_value());
}

TEST_CASE("formatting then parsing gives the same location", "[location]") {
    const doc::Document& d = Essay();
    std::mt19937 rng(GENERATE(take(20, random(1u, 1000000u))));
    app::Location location;
    if (rng() % 2)
        location.at = d.blocks[rng() % d.blocks.size()].id;
    for (uint32_t i = 0; i < d.objections.size(); ++i)
        if (rng() % 3 == 0)
            location.open.push_back(doc::ObjectionId{i});
    const std::string fragment = app::FormatLocation(location, d);
    CAPTURE(fragment);
    CHECK(app::ParseLocation(fragment, d) == location);
}

TEST_CASE("the canonical form is short and stable", "[location]") {
    const doc::Document& d = Essay();
    app::Location location{"conclusion", {Objection("only-one-step")}};
    CHECK(app::FormatLocation(location, d) == "#at=conclusion&open=only-one-step");
    CHECK(app::FormatLocation(app::Location{}, d).empty());
}
