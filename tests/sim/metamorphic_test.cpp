// Tier B: metamorphic and anti-hard-coding checks of the model (simulation.md §5): label blindness, budget parity,
// monotonicity, null models and flips within the sliders' ranges; knows nothing of views.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/metrics.h"
#include "sim_test_support.h"

using namespace sim;
using simtest::Make;
using simtest::Median;
using simtest::Run;

TEST_CASE("B1 label blindness: only the strategy vector matters", "[sim][metamorphic]") {
    // "Mobilized" given Integrated's strategy is Integrated, bit for bit, and vice versa.
    for (auto [from, to] : {std::pair{ScenarioKind::Mobilized, ScenarioKind::Integrated},
                            std::pair{ScenarioKind::Integrated, ScenarioKind::Mobilized}}) {
        const Settings relabelled = WithStrategy(ScenarioSettings(from), ScenarioStrategy(to));
        CHECK(relabelled == ScenarioSettings(to));
        Model a(relabelled, 9), b(ScenarioSettings(to), 9);
        a.Apply({InterventionKind::AdvanceWeeks, 30 * WeeksPerMonth});
        b.Apply({InterventionKind::AdvanceWeeks, 30 * WeeksPerMonth});
        CHECK(a.StateHash() == b.StateHash());
    }
    SECTION("same world: both scenarios start from the identical population") {
        const Comparison c(Settings{}, 4);
        CHECK(c.mobilized.agents() == c.integrated.agents());
        CHECK(c.mobilized.network() == c.integrated.network());
    }
}

TEST_CASE("B2 budget parity: equal organizer hours, each spent in exactly one category", "[sim][metamorphic]") {
    Comparison c(Settings{}, 6);
    bool burnt = false;
    for (int week = 0; week < 120 && !burnt; ++week) {
        c.Step();
        const HoursLog& m = c.mobilized.hours();
        const HoursLog& i = c.integrated.hours();
        CAPTURE(week);
        burnt = c.mobilized.counters().organizer_burnouts + c.integrated.counters().organizer_burnouts > 0;
        if (burnt) break;
        CHECK(std::abs(m.Total() - i.Total()) < 1e-12);
        CHECK(std::abs(m.Total() - Settings{}.organizer_hours * Settings{}.organizers) < 1e-9);
        CHECK(m.one_on_one < i.one_on_one);  // the split differs ...
        CHECK(m.call_prep > i.call_prep);    // ... the total does not
    }
}

TEST_CASE("B6 monotonicity of the cascade (property-based, common random numbers)", "[sim][metamorphic]") {
    const uint64_t seed = GENERATE(take(6, random(1u, 100000u)));
    CAPTURE(seed);
    Model m(ScenarioSettings(ScenarioKind::Integrated), seed);
    m.Apply({InterventionKind::AdvanceWeeks, 40});
    const CallOptions call{false, false, 1.0, 77};
    const int base = m.SimulateCall(call).attendees;
    auto with = [&](auto change) {
        Model copy = m;
        Settings s = copy.settings();
        change(s);
        copy.SetSettings(s);
        return copy.SimulateCall(call).attendees;
    };
    CHECK(with([](Settings& s) { s.theta_low *= 0.8; s.theta_high *= 0.8; }) >= base);
    CHECK(with([](Settings& s) { s.w_info = 0.05; }) >= base);                 // more ties carry the word
    CHECK(with([](Settings& s) { s.issue_gain = 0.0; }) >= base);              // lower thresholds for the far
    const CallOptions blast{true, true, 1.0, 77};
    const int blasted = m.SimulateCall(blast).attendees;
    Model pushed = m;
    Settings s = pushed.settings();
    s.push = 1.0;
    pushed.SetSettings(s);
    CHECK(pushed.SimulateCall(blast).attendees >= blasted);
    CHECK(m.SimulateCall({false, false, 2.0, 77}).attendees <= base);  // higher risk never helps
}

TEST_CASE("B6 monotonicity of the dynamics, over seeds", "[sim][metamorphic][slow]") {
    constexpr int N = 8;
    auto mean_over_seeds = [&](const char* assignments, Metric metric, int months,
                               const std::vector<ScheduledIntervention>& schedule = {}) {
        double total = 0;
        for (uint64_t seed = 1; seed <= N; ++seed)
            total += Run(Make(ScenarioKind::Integrated, assignments), seed, months, schedule).back()[metric];
        return total / N;
    };
    SECTION("raising lambda0 never increases mean tie strength") {
        const double slow = mean_over_seeds("lambda0=0.005", Metric::MeanTieStrength, 12);
        const double mid = mean_over_seeds("lambda0=0.01", Metric::MeanTieStrength, 12);
        const double fast = mean_over_seeds("lambda0=0.02", Metric::MeanTieStrength, 12);
        CHECK(slow >= mid);
        CHECK(mid >= fast);
    }
    const std::vector<ScheduledIntervention> strike{{40, {InterventionKind::CallStrike, 0}},
                                                     {60, {InterventionKind::CallProtest, 0}}};
    SECTION("raising fusion never decreases the post-strike friend component") {
        const double none = mean_over_seeds("strike_walkout=0.4 fusion=0", Metric::FriendComponent, 12, strike);
        const double some = mean_over_seeds("strike_walkout=0.4 fusion=1.5", Metric::FriendComponent, 12, strike);
        const double lots = mean_over_seeds("strike_walkout=0.4 fusion=3", Metric::FriendComponent, 12, strike);
        CHECK(none <= some);
        CHECK(some <= lots);
    }
    SECTION("raising deter never increases turnout after repression") {
        const double mild = mean_over_seeds("strike_walkout=0.4 p_repress=0.5 deter=0", Metric::TurnoutPerCall, 16, strike);
        const double harsh = mean_over_seeds("strike_walkout=0.4 p_repress=0.5 deter=0.5", Metric::TurnoutPerCall, 16, strike);
        CHECK(harsh <= mild);
    }
}

TEST_CASE("B7 null models", "[sim][metamorphic]") {
    SECTION("no organizers, no aid, no social time: every tie fades away on schedule") {
        const Settings s = Make(ScenarioKind::Integrated, "p_need=0 p_chance=0 t_social=0 t_gain=0 shock_every=0");
        Model m(s, 3);
        m.Apply({InterventionKind::RemoveOrganizers, 0});
        const size_t initial = m.network().Ties().size();
        REQUIRE(initial > 0);
        const int weeks = static_cast<int>(std::ceil(std::log(s.w_min / s.w0) / std::log(1.0 - s.lambda0)));
        double previous = 1e300;
        for (int w = 0; w < weeks; ++w) {
            m.Step();
            double total = 0;  // pruned ties count as zero
            for (const Tie& t : m.network().Ties()) total += t.w;
            if (total > 0) CHECK(total < previous);
            previous = total;
        }
        CHECK(m.network().Ties().empty());
        CHECK(m.calls().empty());
    }
    SECTION("no decay and no disagreement damage: no tie is ever pruned") {
        const auto kind = GENERATE(ScenarioKind::Mobilized, ScenarioKind::Integrated);
        Model m(Make(kind, "lambda0=0 s_dis=0"), 8);
        m.Apply({InterventionKind::AdvanceWeeks, 60});
        CHECK(m.counters().ties_cut == 0);
        CHECK(m.network().Ties().size() >= Model(m.settings(), 8).network().Ties().size());
    }
}

TEST_CASE("B11 flips exist within the sliders' ranges", "[sim][metamorphic][slow]") {
    constexpr int N = 12;
    auto median_kr = [&](ScenarioKind kind, const char* assignments,
                         const std::vector<ScheduledIntervention>& schedule, int months) {
        std::vector<double> kr;
        for (uint64_t seed = 1; seed <= N; ++seed) kr.push_back(Run(Make(kind, assignments), seed, months, schedule).back()[Metric::KnockoutRatio]);
        return Median(kr);
    };
    // Every value used below must be settable, i.e. inside the slider range.
    SECTION("the integrated neighbourhood can be made fragile") {
        CHECK(median_kr(ScenarioKind::Integrated, "lambda0=0.02", {}, 30) <= 0.2);
    }
    SECTION("the mobilized neighbourhood can be made resilient") {
        const std::vector<ScheduledIntervention> strike{{18 * WeeksPerMonth, {InterventionKind::CallStrike, 0}}};
        CHECK(median_kr(ScenarioKind::Mobilized, "strike_walkout=0.4 fusion=1.5 picket_pairs=5 dl_strike=0.15", strike,
                        22) >= 0.7);
    }
    SECTION("presets that claim a flip deliver it") {
        for (const char* name : {"Forgetful neighbourhood", "Integration without action"}) {
            CAPTURE(name);
            const FlipPreset* p = FindPreset(name);
            REQUIRE(p);
            Settings s = ScenarioSettings(ScenarioKind::Integrated);
            std::vector<ScheduledIntervention> schedule;
            std::string error;
            REQUIRE(ApplyPreset(*p, ScenarioKind::Integrated, &s, &schedule, &error));
            std::vector<double> kr;
            for (uint64_t seed = 1; seed <= N; ++seed) kr.push_back(Run(s, seed, 30, schedule).back()[Metric::KnockoutRatio]);
            CHECK(Median(kr) <= 0.2);
        }
    }
}
