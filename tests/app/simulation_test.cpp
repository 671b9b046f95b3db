// Tests of the reader's simulation lab: frame time to weeks, pause, presets, interventions on both panels.
#include "app/simulation.h"

#include <limits>

#include <catch2/catch.hpp>

namespace {

void RunFrames(app::SimLab& lab, int fps, float seconds) {
    const int frames = int(seconds * float(fps) + 0.5f);
    for (int i = 0; i < frames; ++i)
        app::AdvanceSim(lab, 1.0f / float(fps));
}

} // namespace

TEST_CASE("weeks follow seconds, not frames", "[app][sim]") {
    app::SimLab at60, at20;
    app::EnsureSim(at60);
    app::EnsureSim(at20);
    for (app::SimLab* lab : {&at60, &at20}) {
        lab->playing = true;
        app::SetSpeed(*lab, 4.0f);
    }
    RunFrames(at60, 60, 3.0f);
    RunFrames(at20, 20, 3.0f);
    CHECK(app::Week(at60) == 12);
    CHECK(app::Week(at20) == 12);
    CHECK(at60.comparison.mobilized.StateHash() == at20.comparison.mobilized.StateHash());
    CHECK(at60.comparison.integrated.StateHash() == at20.comparison.integrated.StateHash());
    // A remainder carries over: 0.3 s at 4 weeks/s owes 1.2 weeks, paid as 1 now and the rest later.
    app::AdvanceSim(at60, 0.3f);
    CHECK(app::Week(at60) == 13);
    app::AdvanceSim(at60, 0.2f);
    CHECK(app::Week(at60) == 14);
}

TEST_CASE("pause stops time; stepping still works", "[app][sim]") {
    app::SimLab lab;
    app::EnsureSim(lab);
    lab.playing = true;
    RunFrames(lab, 60, 1.0f);
    const int week = app::Week(lab);
    CHECK(week == 2);
    lab.playing = false;
    RunFrames(lab, 60, 2.0f);
    CHECK(app::Week(lab) == week);
    app::StepWeek(lab);
    CHECK(app::Week(lab) == week + 1);
    CHECK_FALSE(lab.playing);
}

TEST_CASE("monthly history and reset", "[app][sim]") {
    app::SimLab lab;
    app::EnsureSim(lab);
    app::AdvanceWeeks(lab, 3 * sim::WeeksPerMonth);
    CHECK(lab.history[0].size() == 4);
    CHECK(lab.history[1].size() == 4);
    const uint64_t hash = lab.comparison.mobilized.StateHash();
    app::ResetSim(lab);
    CHECK(app::Week(lab) == 0);
    CHECK(lab.history[0].size() == 1);
    app::AdvanceWeeks(lab, 3 * sim::WeeksPerMonth);
    CHECK(lab.comparison.mobilized.StateHash() == hash);
    app::SetSeed(lab, 7);
    app::AdvanceWeeks(lab, 3 * sim::WeeksPerMonth);
    CHECK(lab.comparison.mobilized.StateHash() != hash);
}

TEST_CASE("interventions hit both panels at the same tick", "[app][sim]") {
    app::SimLab lab;
    app::EnsureSim(lab);
    app::AdvanceWeeks(lab, 10);
    app::Intervene(lab, {sim::InterventionKind::CallProtest, 0});
    const auto& m = lab.comparison.mobilized.calls();
    const auto& i = lab.comparison.integrated.calls();
    REQUIRE_FALSE(m.empty());
    REQUIRE_FALSE(i.empty());
    CHECK(m.back().reader_called);
    CHECK(i.back().reader_called);
    CHECK(m.back().tick == i.back().tick);
    CHECK(m.back().tick == 10);
    CHECK(lab.call_age[0] == 0.0f);
    CHECK(lab.call_age[1] == 0.0f);
    REQUIRE(lab.done.size() == 1);
    CHECK(lab.done[0].tick == 10);

    app::Intervene(lab, {sim::InterventionKind::RemoveOrganizers, 0});
    CHECK(lab.comparison.mobilized.RemainingOrganizers() == 0);
    CHECK(lab.comparison.integrated.RemainingOrganizers() == 0);

    app::Intervene(lab, {sim::InterventionKind::AdvanceWeeks, 3 * sim::WeeksPerMonth});
    CHECK(app::Week(lab) == 22);
    CHECK(lab.comparison.integrated.tick() == 22);
    CHECK(lab.summary.find("months passed") != std::string::npos);
}

TEST_CASE("the content's presets apply; unknown ids are rejected", "[app][sim]") {
    app::SimLab lab;
    app::EnsureSim(lab);
    app::AdvanceWeeks(lab, 5);
    const uint64_t hash = lab.comparison.mobilized.StateHash();
    CHECK_FALSE(app::ApplyPreset(lab, "no-such-preset"));
    CHECK_FALSE(app::ApplyPreset(lab, ""));
    CHECK(lab.comparison.mobilized.StateHash() == hash);
    CHECK(app::Week(lab) == 5);

    REQUIRE(app::ApplyPreset(lab, "remove-organizers"));
    CHECK(lab.comparison.mobilized.RemainingOrganizers() == 0);
    CHECK(lab.comparison.integrated.RemainingOrganizers() == 0);
    CHECK(LastTurnout(lab, 0) >= 0.0);
    CHECK_FALSE(lab.playing);

    REQUIRE(app::ApplyPreset(lab, "aid-policy"));
    CHECK(lab.comparison.mobilized.settings().aid_conditional);
    CHECK_FALSE(lab.comparison.integrated.settings().aid_conditional);
    CHECK(lab.comparison.mobilized.settings().relational_share == lab.comparison.integrated.settings().relational_share);
    // The caption is written from the panels' settings: here only the aid policy differs.
    CHECK(sim::FigureCaption(lab.comparison.mobilized.settings(), lab.comparison.integrated.settings())
              .rfind("Only the aid policy differs", 0) == 0);

    REQUIRE(app::ApplyPreset(lab, "burnout"));
    CHECK(app::Week(lab) == 24 * sim::WeeksPerMonth);

    // The objections' test runs the objection's strongest case (picket captains emerge) on the panels and the
    // case without them on a copy; both cases' figures are kept, and they differ.
    REQUIRE(app::ApplyPreset(lab, "strike-repression"));
    CHECK(lab.strike_test.ran);
    CHECK(lab.strike_test.leaders_emerge);
    CHECK(lab.comparison.mobilized.settings().dl_strike > 0.0);
    CHECK(lab.strike_test.ratio_after[1][0] > lab.strike_test.ratio_after[0][0]);
    CHECK(lab.summary.find("with picket captains") != std::string::npos);
    CHECK(lab.summary.find("without") != std::string::npos);
    CHECK(lab.comparison.mobilized.counters().calls > 0);

    // The same preset from the same state gives the same run.
    const uint64_t strike_hash = lab.comparison.integrated.StateHash();
    REQUIRE(app::ApplyPreset(lab, "strike-repression"));
    CHECK(lab.comparison.integrated.StateHash() == strike_hash);
}

TEST_CASE("flip presets apply by name or slug and only to their panel", "[app][sim]") {
    app::SimLab lab;
    CHECK(app::PresetSlug("Minnesota: big strike, leaders emerge") == "minnesota-big-strike-leaders-emerge");
    REQUIRE(app::ApplyPreset(lab, "integration-without-action"));
    CHECK(lab.comparison.integrated.settings().relational_share == 1.0);
    CHECK(lab.comparison.mobilized.settings().relational_share == Approx(0.1));
    CHECK(app::Week(lab) == 30 * sim::WeeksPerMonth);
    for (const sim::FlipPreset& p : sim::FlipPresets())
        CHECK(app::ApplyPreset(lab, p.name));
    REQUIRE(app::ApplyPreset(lab, "none"));
    CHECK(lab.preset == nullptr);
    CHECK(app::Week(lab) == 0);
}

TEST_CASE("the ensemble runs only when wanted, a little per frame", "[app][sim]") {
    app::SimLab lab;
    app::EnsureSim(lab);
    CHECK_FALSE(app::AdvanceEnsembles(lab, 8));
    CHECK(app::EnsembleProgress(lab) == 0.0);
    CHECK_FALSE(app::EnsembleRunning(lab));
    lab.ensemble_wanted = true;
    CHECK(app::EnsembleRunning(lab));
    CHECK_FALSE(app::SimAnimating(lab)); // the bands need frames, but not a drawing in every one
    CHECK(app::AdvanceEnsembles(lab, 8));
    CHECK(app::EnsembleProgress(lab) > 0.0);
    CHECK(app::EnsembleProgress(lab) < 0.1);
    while (app::AdvanceEnsembles(lab, 500)) {
    }
    CHECK(app::EnsembleProgress(lab) == 1.0);
    CHECK_FALSE(app::EnsembleRunning(lab));
}

TEST_CASE("the sensitivity sweep runs when wanted, after the ensembles, and restarts when the sliders change",
          "[app][sim]") {
    app::SimLab lab;
    app::EnsureSim(lab);
    CHECK_FALSE(app::AdvanceEnsembles(lab, 8));
    app::WantSweep(lab);
    CHECK(app::EnsembleRunning(lab));
    CHECK(app::CurrentSweep(lab) == nullptr);
    CHECK(app::AdvanceEnsembles(lab, 500)); // a run is 120 weeks: a few runs done
    const sim::Sweep* sweep = app::CurrentSweep(lab);
    REQUIRE(sweep != nullptr);
    CHECK(sweep->Progress() > 0.0);
    CHECK(sweep->Progress() < 0.1);
    CHECK(app::EnsembleProgress(lab) == 0.0); // the charts' ensembles were not asked for
    sim::Settings s = lab.base;
    s.lambda_weak = 0.02;
    app::SetBaseSettings(lab, s);
    CHECK(app::CurrentSweep(lab) == nullptr); // computed for other sliders: not shown
    CHECK(app::AdvanceEnsembles(lab, 8));
    REQUIRE(app::CurrentSweep(lab) != nullptr);
    CHECK(app::CurrentSweep(lab)->base().lambda_weak == 0.02);
}

TEST_CASE("the ensemble's tick budget follows its time budget", "[app][sim]") {
    app::EnsemblePace pace;
    SECTION("before any measurement a small slice is tried") {
        CHECK(app::EnsembleTicksFor(pace, 4.0) == 16);
    }
    SECTION("a steady cost per tick converges on the budget") {
        for (int frame = 0; frame < 30; ++frame) {
            const int ticks = app::EnsembleTicksFor(pace, 10.0);
            app::MeasureEnsembleSlice(pace, ticks, 0.5 * ticks); // 0.5 ms a tick
        }
        CHECK(app::EnsembleTicksFor(pace, 10.0) == 20);
        CHECK(app::EnsembleTicksFor(pace, 4.0) == 8);
    }
    SECTION("one slow slice moves the pace by less than its own factor") {
        app::MeasureEnsembleSlice(pace, 10, 5.0);
        app::MeasureEnsembleSlice(pace, 10, 50.0);
        CHECK(pace.ms_per_tick > 0.5);
        CHECK(pace.ms_per_tick < 5.0);
    }
    SECTION("implausible timings are not measurements, and the tick count stays in range") {
        const double elapsed = GENERATE(-1.0, 1e9, std::numeric_limits<double>::quiet_NaN(),
                                        std::numeric_limits<double>::infinity());
        app::MeasureEnsembleSlice(pace, 10, elapsed);
        app::MeasureEnsembleSlice(pace, 0, 3.0);
        CHECK(pace.ms_per_tick == 0.0);
        const double budget = GENERATE(-5.0, 0.0, 1e-9, 1e12, std::numeric_limits<double>::quiet_NaN());
        const int ticks = app::EnsembleTicksFor(pace, budget);
        CHECK(ticks >= 1);
        CHECK(ticks <= 1024);
    }
}

TEST_CASE("a slider moves both panels; the strategy stays", "[app][sim]") {
    app::SimLab lab;
    app::EnsureSim(lab);
    sim::Settings s = lab.base;
    s.alpha = 0.02;
    app::SetBaseSettings(lab, s);
    CHECK(lab.comparison.mobilized.settings().alpha == 0.02);
    CHECK(lab.comparison.integrated.settings().alpha == 0.02);
    CHECK(lab.comparison.integrated.settings().relational_share == Approx(0.8));
    s.alpha = 5.0; // out of range: ignored
    app::SetBaseSettings(lab, s);
    CHECK(lab.base.alpha == 0.02);
}

TEST_CASE("the JSON summary names the week, the actions and every reported control, uncapped", "[app][sim]") {
    app::SimLab lab;
    app::EnsureSim(lab);
    app::FrameReport drawn;
    drawn.controls.push_back({"marker", "only-one-step", 0.0f, 0.0f, 1.0f, 1.0f}); // the essay's: not the figure's
    drawn.controls.push_back({app::SimControlKind, "play", 1.0f, 2.0f, 3.0f, 4.0f});
    for (int i = 0; i < 40; ++i) // more than the old fixed array held
        drawn.controls.push_back({app::SimControlKind, "c" + std::to_string(i), 0.0f, float(i), 1.0f, 1.0f});
    const std::string json = app::SimJson(lab, drawn);
    CHECK(json.find("\"week\":0,\"month\":0,\"playing\":false") != std::string::npos);
    CHECK(json.find("\"controls\":{\"play\":[1.0,2.0,3.0,4.0],") != std::string::npos);
    CHECK(json.find("\"c39\":[0.0,39.0,1.0,1.0]}") != std::string::npos);
    CHECK(json.find("only-one-step") == std::string::npos);
    for (const app::SimAction& action : app::SimActions())
        CHECK(json.find("{\"id\":\"" + std::string(action.id) + "\",\"label\":") != std::string::npos);
    CHECK(json.find("\"status\":\"Week 0 (month 0), paused. Turnout at the last call: Mobilized no call yet, "
                    "Integrated no call yet.\"") != std::string::npos);
}

TEST_CASE("every simulation action is one row of the table, reachable by command, with its state-dependent label",
          "[app][sim]") {
    app::SimLab lab;
    app::EnsureSim(lab);
    const app::SimAction* aid = app::FindSimAction("aid");
    REQUIRE(aid != nullptr);
    const bool conditional = lab.comparison.mobilized.settings().aid_conditional;
    const std::string before = app::ActionLabel(*aid, lab);
    REQUIRE(app::ApplySimCommand(lab, "act aid", false));
    CHECK(lab.comparison.mobilized.settings().aid_conditional == !conditional);
    CHECK(lab.comparison.integrated.settings().aid_conditional == !conditional);
    CHECK(app::ActionLabel(*aid, lab) != before); // the words say what the next press does
    // Removing the organizers twice is not offered: the action is disabled once done, by any route.
    const app::SimAction* remove = app::FindSimAction("remove-organizers");
    REQUIRE(remove != nullptr);
    CHECK(remove->enabled(lab));
    REQUIRE(app::ApplySimCommand(lab, "act remove-organizers", false));
    CHECK_FALSE(remove->enabled(lab));
    CHECK_FALSE(app::ApplySimCommand(lab, "act remove-organizers", false));
    CHECK(app::FindSimAction("no-such-action") == nullptr);
    CHECK_FALSE(app::ApplySimCommand(lab, "act no-such-action", false));
}

TEST_CASE("HTML control commands drive the simulation, and bad ones change nothing", "[simulation]") {
    app::SimLab lab;
    app::EnsureSim(lab);
    REQUIRE(app::ApplySimCommand(lab, "step", false));
    CHECK(app::Week(lab) == 1);
    REQUIRE(app::ApplySimCommand(lab, "act plus3", false));
    CHECK(app::Week(lab) == 1 + 3 * sim::WeeksPerMonth);
    REQUIRE(app::ApplySimCommand(lab, "play", false));
    CHECK(lab.playing);
    REQUIRE(app::ApplySimCommand(lab, "pause", false));
    CHECK_FALSE(lab.playing);
    const uint64_t before = lab.comparison.mobilized.StateHash();
    REQUIRE(app::ApplySimCommand(lab, "act protest", false));
    CHECK(lab.comparison.mobilized.StateHash() != before);
    SECTION("reduced motion: play steps a month and stays paused") {
        const int week = app::Week(lab);
        REQUIRE(app::ApplySimCommand(lab, "play", true));
        CHECK_FALSE(lab.playing);
        CHECK(app::Week(lab) == week + sim::WeeksPerMonth);
    }
    SECTION("malformed commands") {
        const uint64_t hash = lab.comparison.integrated.StateHash();
        const int week = app::Week(lab);
        const char* bad = GENERATE("", "jump", "act", "act fly", "seed", "seed 0", "seed x1", "speed 100",
                                   "speed 1.5x", "speed nan", "act plus3 plus3");
        CAPTURE(bad);
        CHECK_FALSE(app::ApplySimCommand(lab, bad, false));
        CHECK(lab.comparison.integrated.StateHash() == hash);
        CHECK(app::Week(lab) == week);
    }
}
