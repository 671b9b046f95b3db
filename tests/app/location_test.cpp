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
    app::Location location{"conclusion", {Objection("only-one-step")}, std::nullopt};
    CHECK(app::FormatLocation(location, d) == "#at=conclusion&open=only-one-step");
    CHECK(app::FormatLocation(app::Location{}, d).empty());
}

TEST_CASE("the figure's state is in the fragment", "[location][link]") {
    const doc::Document& d = Essay();
    const std::optional<app::Location> location = app::ParseLocation("#sim=seed:7,preset:forgetful,month:30", d);
    REQUIRE(location.has_value());
    REQUIRE(location->sim.has_value());
    CHECK(location->sim->seed == 7);
    CHECK(location->sim->preset == "forgetful-neighborhood"); // a unique prefix names the preset
    CHECK(location->sim->week == 120);
    CHECK(app::FormatLocation(*location, d) == "#sim=seed:7,preset:forgetful-neighborhood,month:30");
    // A link made while the preset was spelled "neighbourhood" names the same preset, in today's spelling.
    const std::optional<app::Location> old = app::ParseLocation("#sim=preset:forgetful-neighbourhood", d);
    REQUIRE(old.has_value());
    REQUIRE(old->sim.has_value());
    CHECK(old->sim->preset == "forgetful-neighborhood");
    // Beside the reading position and the open objections.
    const std::optional<app::Location> both =
        app::ParseLocation("#at=conclusion&open=only-one-step&sim=week:13,seed:2", d);
    REQUIRE(both.has_value());
    CHECK(both->at == "conclusion");
    CHECK(app::FormatLocation(*both, d) == "#at=conclusion&open=only-one-step&sim=seed:2,week:13");
}

TEST_CASE("simulation links clamp, drop the unknown and reject the malformed", "[location][link]") {
    using row = std::pair<std::string, std::string>; // value -> canonical form
    auto [value, canonical] = GENERATE(table<std::string, std::string>({
        row{"seed:0", "seed:1,month:0"},
        row{"seed:9999999999", "seed:4294967295,month:0"},
        row{"month:100000", "seed:1,month:130"},
        row{"week:3", "seed:1,week:3"},
        row{"colour:blue,seed:4", "seed:4,month:0"},
        row{"preset:no-such-preset", "seed:1,month:0"},
        row{"preset:strike-repression", "seed:1,preset:strike-repression,month:0"},
        row{"w_friend:7", "seed:1,w_friend:0.5,month:0"},
        row{"push:0.25,w_friend:-1", "seed:1,w_friend:0.2,push:0.25,month:0"},
        row{"relational_share:1", "seed:1,month:0"},
        row{"act:protest@13", "seed:1,act:protest@13,week:13"},
        row{"act:protest@40,month:5", "seed:1,month:5"},
        row{"act:dance@4,act:strike@8,month:3", "seed:1,act:strike@8,month:3"},
        row{"alpha:0.04@20,act:protest@12,month:9", "seed:1,act:protest@12,alpha:0.04@20,month:9"},
        row{"act:protest@12,alpha:0.04@12,alpha:9@13", "seed:1,act:protest@12,alpha:0.04@12,alpha:0.05@13,week:13"},
        row{"alpha:0.04@50,month:2", "seed:1,month:2"},
    }));
    CAPTURE(value);
    std::optional<app::SimLink> link = app::ParseSimLink(value);
    REQUIRE(link.has_value());
    CHECK(app::FormatSimLink(*link) == canonical);
    CHECK(app::ParseSimLink(canonical) == link);
    const std::string bad = GENERATE(std::string("seed"), std::string("seed:"), std::string("seed:x"),
                                     std::string("month:-3"), std::string("push:1e5"), std::string("push:nan"),
                                     std::string("act:protest"), std::string("act:protest@x"), std::string("seed:1,,"),
                                     std::string("Seed:1"), std::string("seed:1;month:2"),
                                     std::string("seed:99999999999"), std::string("alpha:0.04@x"),
                                     std::string("alpha:@3"), std::string("alpha:0.04@3@4"));
    CAPTURE(bad);
    CHECK_FALSE(app::ParseSimLink(bad).has_value());
    CHECK_FALSE(app::ParseLocation("#at=conclusion&sim=" + bad, Essay()).has_value());
}

TEST_CASE("simulation links round-trip", "[location][link]") {
    std::mt19937 rng(GENERATE(take(20, random(1u, 1000000u))));
    app::SimLink link;
    link.seed = 1 + rng() % 1000;
    link.week = int(rng() % 200);
    if (rng() % 2)
        link.params.emplace_back("push", double(rng() % 1000) / 997.0);
    for (int i = 0; i < int(rng() % 4); ++i)
        link.acts.push_back({int(rng() % (link.week + 1)), rng() % 2 ? "protest" : "divisive-issue", std::nullopt});
    for (int i = 0; i < int(rng() % 3); ++i) // slider moves during the run
        link.acts.push_back({int(rng() % (link.week + 1)), "push", double(rng() % 1000) / 1000.0});
    std::stable_sort(link.acts.begin(), link.acts.end(), [](const auto& a, const auto& b) { return a.week < b.week; });
    const std::string text = app::FormatSimLink(link);
    CAPTURE(text);
    CHECK(app::ParseSimLink(text) == link);
}
