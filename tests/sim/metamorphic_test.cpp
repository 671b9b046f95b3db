// Tier B: metamorphic and anti-hard-coding checks of the model (simulation.md §5): label blindness, budget parity,
// state not history, permutation invariance, monotonicity, null models and flips within the sliders' ranges; knows
// nothing of views.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/rng.h"

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
    SECTION("same world: both scenarios start from the identical population (the figure's month-0 notice)") {
        const uint64_t seed = GENERATE(1, 4, 977);
        CAPTURE(seed);
        const Comparison c(Settings{}, seed);
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

TEST_CASE("B3 state, not history: the knockout probe follows the state, whatever strategy produced it",
          "[sim][metamorphic]") {
    // Each state carries its knockout ratio into a model run by the other strategy, bit for bit: the probe reads
    // no strategy, no scenario name and no record of how the state came about.
    const uint64_t seed = GENERATE(2, 13);
    CAPTURE(seed);
    Model mobilized(ScenarioSettings(ScenarioKind::Mobilized), seed);
    Model integrated(ScenarioSettings(ScenarioKind::Integrated), seed);
    mobilized.Apply({InterventionKind::AdvanceWeeks, 30 * WeeksPerMonth});
    integrated.Apply({InterventionKind::AdvanceWeeks, 30 * WeeksPerMonth});
    Model integrated_state_mobilized_strategy = integrated;
    integrated_state_mobilized_strategy.SetSettings(mobilized.settings());
    Model mobilized_state_integrated_strategy = mobilized;
    mobilized_state_integrated_strategy.SetSettings(integrated.settings());

    const Knockout m = ProbeKnockout(mobilized), i = ProbeKnockout(integrated);
    const Knockout mi = ProbeKnockout(mobilized_state_integrated_strategy);
    const Knockout im = ProbeKnockout(integrated_state_mobilized_strategy);
    CHECK(im.turnout_with == i.turnout_with);
    CHECK(im.turnout_without == i.turnout_without);
    CHECK(mi.turnout_with == m.turnout_with);
    CHECK(mi.turnout_without == m.turnout_without);
    CHECK(i.ratio - m.ratio > 0.2);  // the swap is a swap of two different answers
}

TEST_CASE("B3 state, not history: resting everyone changes only energy and burnout, and no call brings fewer",
          "[sim][metamorphic]") {
    // Model::Rested is the counterfactual behind the knockout's "with its exhausted residents rested": it must change
    // nothing but tiredness, and since only who can come changes, a call the organizers seed (the same seeds and
    // thresholds) can only gain from it. Just after month 30's call, when many mobilized residents are exhausted.
    const uint64_t seed = GENERATE(1, 2, 13);
    CAPTURE(seed);
    Model model(ScenarioSettings(ScenarioKind::Mobilized), seed);
    model.Apply({InterventionKind::AdvanceWeeks, 30 * WeeksPerMonth});
    const Model rested = model.Rested();
    int exhausted = 0;
    for (NodeId i = 0; i < NodeId(model.agents().size()); ++i) {
        const Agent& a = model.agents()[i];
        Agent expected = a;
        if (!a.organizer) {
            exhausted += IsExhausted(model, i);
            expected.energy = 1.0;
            CHECK_FALSE(rested.InBurnout(i));
            CHECK_FALSE(IsExhausted(rested, i));
        } else {
            CHECK(rested.InBurnout(i) == model.InBurnout(i));
        }
        expected.burnout_until = rested.agents()[i].burnout_until;
        CHECK(rested.agents()[i] == expected);
    }
    REQUIRE(exhausted > 0); // else resting tests nothing
    CHECK(rested.network() == model.network());
    CHECK(rested.tick() == model.tick());
    CHECK(rested.Rested() == rested);
    for (int d = 0; d < ProbeDraws; ++d)
        CHECK(ProbeCall(rested, d, true).attendees >= ProbeCall(model, d, true).attendees);
}

TEST_CASE("B6 monotonicity: a knockout try with everyone able to come free never brings fewer, and with everyone "
          "already free brings the same", "[sim][metamorphic]") {
    // ProbeStartersAllFree is the counterfactual behind the knockout's "had everyone not exhausted been free that
    // week": the same starters, only more who can join, so never fewer. Both strategies, three seeds, months 6 and 30.
    const uint64_t seed = GENERATE(1, 2, 13);
    const ScenarioKind kind = GENERATE(ScenarioKind::Mobilized, ScenarioKind::Integrated);
    const int months = GENERATE(6, 30);
    CAPTURE(seed, int(kind), months);
    Model model(ScenarioSettings(kind), seed);
    model.Apply({InterventionKind::AdvanceWeeks, months * WeeksPerMonth});
    const std::vector<int32_t> free = ProbeStartersAllFree(model);
    REQUIRE(free.size() == size_t(ProbeDraws));
    for (int d = 0; d < ProbeDraws; ++d)
        CHECK(free[size_t(d)] >= ProbeCall(model, d, false).attendees);
    // With availability 1 every draw frees everyone able to come already, so nothing changes.
    Settings always = ScenarioSettings(kind);
    always.availability = 1.0;
    Model everyone(always, seed);
    everyone.Apply({InterventionKind::AdvanceWeeks, months * WeeksPerMonth});
    const std::vector<int32_t> same = ProbeStartersAllFree(everyone);
    for (int d = 0; d < ProbeDraws; ++d)
        CHECK(same[size_t(d)] == ProbeCall(everyone, d, false).attendees);
}

namespace {

// A random permutation of [0, n), keyed so that every run of the test uses the same one.
std::vector<NodeId> Shuffled(size_t n, uint64_t key) {
    std::vector<NodeId> p(n);
    std::iota(p.begin(), p.end(), NodeId(0));
    Stream r = Keyed(key, Purpose::Test, 4);
    for (size_t i = n; i > 1; --i) std::swap(p[i - 1], p[r.Below(static_cast<uint32_t>(i))]);
    return p;
}

std::vector<double> SortedWeights(const Network& net) {
    std::vector<double> w;
    for (const Tie& t : net.Ties())
        if (t.alive) w.push_back(t.w);
    std::sort(w.begin(), w.end());
    return w;
}

}  // namespace

TEST_CASE("B4 permutation invariance: renumbering the residents changes no outcome", "[sim][metamorphic][slow]") {
    const Settings settings = ScenarioSettings(ScenarioKind::Integrated);
    SECTION("a renumbered state is the same neighborhood, and every structural metric is identical") {
        Model m(settings, 5);
        m.Apply({InterventionKind::AdvanceWeeks, 30 * WeeksPerMonth});
        const std::vector<NodeId> to = Shuffled(size_t(m.Residents()), 5);
        std::vector<NodeId> back(to.size());
        for (size_t i = 0; i < to.size(); ++i) back[to[i]] = NodeId(i);
        const Model r = m.Relabeled(to);
        CHECK(r.Relabeled(back).StateHash() == m.StateHash());
        CHECK(r.StateHash() != m.StateHash());
        CHECK(SortedWeights(r.network()) == SortedWeights(m.network()));
        for (size_t i = 0; i < to.size(); ++i) REQUIRE(r.agents()[to[i]] == m.agents()[i]);

        // Metrics that take no random draw must not depend on who has which number. (The probes draw availability
        // per node number, so they are compared in distribution below.)
        const Metrics a = Measure(m, m.tick() - WeeksPerMonth), b = Measure(r, r.tick() - WeeksPerMonth);
        for (Metric metric : {Metric::Participation, Metric::TurnoutPerCall, Metric::FriendComponent, Metric::TwoCore,
                              Metric::CloseTies, Metric::Leaders, Metric::LeaderTies, Metric::Exhausted,
                              Metric::MinOrganizerEnergy, Metric::Subscribers, Metric::AidCoverage}) {
            CAPTURE(MetricName(metric));
            CHECK(a[metric] == b[metric]);
        }
        // Sums of the same weights in another order may differ in the last bits.
        CHECK(a[Metric::MeanTieStrength] == Approx(b[Metric::MeanTieStrength]).epsilon(1e-12));
        CHECK(a[Metric::CrossOpinionFriendShare] == Approx(b[Metric::CrossOpinionFriendShare]).epsilon(1e-12));
    }
    SECTION("run forward from a renumbered start, the outcomes agree in distribution") {
        // Draws are keyed by node number, so each renumbered run differs draw by draw from its original. Over
        // seeds the means must agree within sampling error (four standard errors of the difference).
        const auto kind = GENERATE(ScenarioKind::Mobilized, ScenarioKind::Integrated);
        CAPTURE(ScenarioName(kind));
        constexpr int Seeds = 16;
        const std::vector<Metric> compared = {Metric::KnockoutRatio, Metric::FriendComponent, Metric::MeanTieStrength,
                                              Metric::Leaders, Metric::TurnoutWith};
        std::vector<std::vector<double>> original(compared.size()), renumbered(compared.size());
        for (uint64_t seed = 1; seed <= Seeds; ++seed) {
            Model a(ScenarioSettings(kind), seed);
            Model b = a.Relabeled(Shuffled(size_t(a.Residents()), seed));
            const Metrics ma = RunMonths(a, {}, 30).back(), mb = RunMonths(b, {}, 30).back();
            for (size_t k = 0; k < compared.size(); ++k) {
                original[k].push_back(ma[compared[k]]);
                renumbered[k].push_back(mb[compared[k]]);
            }
        }
        // The knockout ratio is undefined once every organizer has quit: such runs are left out.
        auto defined = [](std::vector<double> v) {
            v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return x != x; }), v.end());
            return v;
        };
        auto mean = [](const std::vector<double>& v) {
            return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
        };
        auto variance = [&](const std::vector<double>& v) {
            const double m = mean(v);
            double s = 0;
            for (double x : v) s += (x - m) * (x - m);
            return s / static_cast<double>(v.size() - 1);
        };
        for (size_t k = 0; k < compared.size(); ++k) {
            CAPTURE(MetricName(compared[k]));
            const std::vector<double> a = defined(original[k]), b = defined(renumbered[k]);
            REQUIRE(a.size() >= Seeds / 2);
            REQUIRE(b.size() >= Seeds / 2);
            const double gap = std::abs(mean(a) - mean(b));
            const double se = std::sqrt(variance(a) / static_cast<double>(a.size()) +
                                        variance(b) / static_cast<double>(b.size()));
            CAPTURE(mean(a), mean(b), se);
            CHECK(gap <= 4.0 * se + 1e-9);
        }
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
    SECTION("raising lambda_weak never increases mean tie strength") {
        const double slow = mean_over_seeds("lambda_weak=0.005", Metric::MeanTieStrength, 12);
        const double mid = mean_over_seeds("lambda_weak=0.01", Metric::MeanTieStrength, 12);
        const double fast = mean_over_seeds("lambda_weak=0.02", Metric::MeanTieStrength, 12);
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
        const int weeks = static_cast<int>(std::ceil(std::log(s.w_min / s.w0) / std::log(1.0 - s.lambda_weak)));
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
    SECTION("acquaintances fade at lambda_weak, friendships at lambda0, split at the friend weight") {
        const char* idle = "p_need=0 p_chance=0 t_social=0 t_gain=0 shock_every=0 organizers=0 ";
        const auto run = [&](const std::string& assignments, int weeks) {
            Model m(Make(ScenarioKind::Integrated, (idle + assignments).c_str()), 5);
            m.Apply({InterventionKind::AdvanceWeeks, weeks});
            return m;
        };
        // Every starting tie is an acquaintance (w0 = 0.12 < w_friend = 0.3).
        const Model kept = run("lambda_weak=0 lambda0=0.05", 40);
        REQUIRE(!kept.network().Ties().empty());
        for (const Tie& t : kept.network().Ties()) CHECK(t.w == kept.settings().w0);
        const Model faded = run("lambda_weak=0.05 lambda0=0", 40);
        CHECK(faded.network().Ties().size() < kept.network().Ties().size());
        for (const Tie& t : faded.network().Ties()) CHECK(t.w < faded.settings().w0);
        // Starting as friendships (w0 = 0.3 >= w_friend = 0.2), ties fade at lambda0 until they fall below the
        // friend weight, and no further.
        const Model split = run("w0=0.3 w_friend=0.2 lambda_weak=0 lambda0=0.05", 80);
        REQUIRE(split.network().Ties().size() == kept.network().Ties().size());
        for (const Tie& t : split.network().Ties()) {
            CHECK(t.w < 0.2);
            CHECK(t.w >= 0.2 * (1.0 - 0.05));
        }
    }
    SECTION("a strike without repression, walkout, pickets or picket captains is calls at doubled thresholds") {
        // With its own mechanisms off, a strike week must be a call whose thresholds count strike_risk times, and
        // nothing else. Check: the same weeks with strike_risk 1 and every threshold doubled at the start are
        // identical, tie for tie and person for person. Fusion has nothing to multiply without repression.
        const auto kind = GENERATE(ScenarioKind::Mobilized, ScenarioKind::Integrated);
        CAPTURE(ScenarioName(kind));
        const char* null_strike = "p_repress=0 strike_walkout=0 picket_pairs=0 dl_strike=0 strike_weeks=4";
        Model risky(Make(kind, null_strike), 12);
        Settings doubled_settings = Make(kind, null_strike);
        doubled_settings.strike_risk = 1.0;
        doubled_settings.theta_diehard *= 2;
        doubled_settings.theta_low *= 2;
        doubled_settings.theta_high *= 2;
        Model doubled(doubled_settings, 12);
        Settings fused_settings = Make(kind, null_strike);
        fused_settings.fusion = 5.0;
        Model fused(fused_settings, 12);
        for (Model* m : {&risky, &doubled, &fused}) {
            m->Apply({InterventionKind::CallStrike, 0});
            m->Apply({InterventionKind::AdvanceWeeks, 4});
        }
        REQUIRE(risky.calls().size() == 4);
        int struck = 0;
        for (const CallRecord& c : risky.calls()) {
            CHECK(c.kind == CallKind::Strike);
            struck += c.attendees;
        }
        CHECK(struck > 0);  // a strike of the die-hards on the lists, at least: the comparison is not empty
        CHECK(doubled.calls() == risky.calls());
        CHECK(doubled.network() == risky.network());
        for (size_t i = 0; i < risky.agents().size(); ++i) {
            Agent a = doubled.agents()[i];
            CHECK(a.threshold == 2 * risky.agents()[i].threshold);
            a.threshold = risky.agents()[i].threshold;
            CHECK(a == risky.agents()[i]);
            CHECK(risky.agents()[i].deter == 0.0);  // nobody chilled, nobody committed
        }
        for (const TieOrigin& origin : risky.network().Origins())
            CHECK(origin[static_cast<int>(TieSource::Struggle)] == 0.0f);
        CHECK(fused.StateHash() == risky.StateHash());
    }
    SECTION("no decay and no disagreement damage: no tie is ever pruned") {
        const auto kind = GENERATE(ScenarioKind::Mobilized, ScenarioKind::Integrated);
        Model m(Make(kind, "lambda0=0 lambda_weak=0 s_dis=0"), 8);
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
    SECTION("the integrated neighborhood can be made fragile") {
        CHECK(median_kr(ScenarioKind::Integrated, "lambda_weak=0.02", {}, 30) <= 0.2);
    }
    SECTION("the mobilized neighborhood can be made resilient") {
        const std::vector<ScheduledIntervention> strike{{18 * WeeksPerMonth, {InterventionKind::CallStrike, 0}}};
        CHECK(median_kr(ScenarioKind::Mobilized, "strike_walkout=0.4 fusion=1.5 picket_pairs=5 dl_strike=0.15", strike,
                        22) >= 0.7);
    }
    SECTION("presets that claim a flip deliver it") {
        for (const char* name : {"Forgetful neighborhood", "Integration without action",
                                 "Acquaintances fade within a year (Burt)"}) {
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
