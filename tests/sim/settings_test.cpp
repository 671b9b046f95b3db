// Settings, the parameter parser, presets, assumptions and omissions as data; knows nothing of the model's dynamics.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "sim/scenario.h"
#include "sim/settings.h"

using namespace sim;

TEST_CASE("default settings are valid and every parameter is in its own range", "[sim][settings]") {
    CHECK(ValidateSettings(Settings{}).empty());
    for (ScenarioKind k : {ScenarioKind::Mobilized, ScenarioKind::Integrated})
        CHECK(ValidateSettings(ScenarioSettings(k)).empty());
    std::set<std::string> names;
    for (const ParamInfo& p : ParamTable()) {
        CAPTURE(p.name);
        CHECK(names.insert(p.name).second);
        CHECK(p.min <= p.max);
        CHECK(FindParam(p.name) == &p);
    }
}

TEST_CASE("assignments parse, and errors name the input", "[sim][settings]") {
    Settings s;
    std::string error;
    CHECK(ApplyAssignment(s, "alpha=0.02", &error));
    CHECK(s.alpha == 0.02);
    CHECK(ApplyAssignments(s, "lambda0=0 residents=150, aid_conditional=false initiator=2", &error));
    CHECK(s.lambda0 == 0.0);
    CHECK(s.residents == 150);
    CHECK(!s.aid_conditional);
    CHECK(s.initiator == InitiatorRule::RandomResident);

    const Settings before = s;
    auto fails = [&](const char* text, const char* expected) {
        CAPTURE(text);
        error.clear();
        CHECK(!ApplyAssignments(s, text, &error));
        CHECK(error == expected);
        CHECK(s == before);
    };
    fails("residents=abc", "residents=abc: expected an integer");
    fails("alpha=fast", "alpha=fast: expected a number");
    fails("alpha=0.5", "alpha=0.5: out of range [0, 0.05]");
    fails("aid_conditional=maybe", "aid_conditional=maybe: expected true or false");
    fails("alhpa=0.01", "alhpa=0.01: unknown parameter");
    fails("alpha", "alpha: expected name=value");
    fails("t_gain=1 residents=3", "residents=3: out of range [10, 200000]");

    long long seed = 0;
    CHECK(!ParseInteger("seed", "abc", 0, 100, &seed, &error));
    CHECK(error == "seed=abc: expected an integer");
}

TEST_CASE("scheduled interventions parse", "[sim][settings]") {
    ScheduledIntervention s;
    std::string error;
    CHECK(ParseScheduledIntervention("remove-organizers@12", &s, &error));
    CHECK(s.tick == 12 * WeeksPerMonth);
    CHECK(s.what.kind == InterventionKind::RemoveOrganizers);
    CHECK(ParseScheduledIntervention("aid-unconditional@3", &s, &error));
    CHECK(s.what == Intervention{InterventionKind::SetAidPolicy, 0});
    CHECK(!ParseScheduledIntervention("riot@3", &s, &error));
    CHECK(!ParseScheduledIntervention("strike@x", &s, &error));
    CHECK(error == "strike@x: expected a month number after @");
    // A preset's schedule: space-separated items, in order, the first bad one's error.
    std::vector<ScheduledIntervention> schedule;
    CHECK(ParseSchedule("strike@18  protest@20", &schedule, &error));
    REQUIRE(schedule.size() == 2);
    CHECK(schedule[0].tick == 18 * WeeksPerMonth);
    CHECK(schedule[0].what.kind == InterventionKind::CallStrike);
    CHECK(schedule[1].tick == 20 * WeeksPerMonth);
    CHECK(ParseSchedule("", &schedule, &error));
    CHECK(schedule.size() == 2);
    CHECK(!ParseSchedule("protest@2 riot@3", &schedule, &error));
    CHECK(error.rfind("riot@3: unknown intervention", 0) == 0);
}

TEST_CASE("presets, assumptions and omissions are complete data", "[sim][settings]") {
    REQUIRE(FlipPresets().size() >= 6);
    for (const FlipPreset& p : FlipPresets()) {
        CAPTURE(p.name);
        CHECK(std::string(p.why).size() > 20);
        for (ScenarioKind k : {ScenarioKind::Mobilized, ScenarioKind::Integrated}) {
            Settings s = ScenarioSettings(k);
            std::vector<ScheduledIntervention> schedule;
            std::string error;
            CHECK(ApplyPreset(p, k, &s, &schedule, &error));
            CHECK(error.empty());
            CHECK(ValidateSettings(s).empty());
        }
    }
    for (const Assumption& a : Assumptions()) {
        CAPTURE(a.rule);
        CHECK(FindParam(a.param) != nullptr);
        CHECK(std::string(a.source).size() > 3);
    }
    CHECK(Omissions().size() >= 7);
}

TEST_CASE("a share is a whole percent, and one that rounds to nothing is given in tenths", "[sim]") {
    const auto [share, text] = GENERATE(table<double, std::string>({
        {0.0, "0%"}, {1.0 / 300.0, "0.3%"}, {0.0049, "0.5%"}, {0.0044, "0.4%"}, {0.00002, "0.002%"}, {0.006, "1%"}, {0.25, "25%"}, {0.6049, "60%"}, {1.0, "100%"},
    }));
    CAPTURE(share);
    CHECK(sim::Percent(share) == text);
    // The test the knockout's answer asks before it gives a share as a count: exactly the shares Percent gives in
    // tenths.
    CHECK(sim::UnderWholePercent(share) == (text.find('.') != std::string::npos));
}
