// Tier C: determinism, snapshots and bounds of the simulation core (simulation.md §5); knows nothing of views.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "sim/ensemble.h"
#include "sim/metrics.h"
#include "sim/scenario.h"
#include "sim_test_support.h"

using namespace sim;

namespace {

// A schedule that exercises every intervention, so bounds and determinism cover all code paths.
std::vector<ScheduledIntervention> EverythingSchedule() {
    return {{8, {InterventionKind::CallProtest, 0}},  {16, {InterventionKind::DivisiveIssue, 0}},
            {20, {InterventionKind::CallStrike, 0}},  {32, {InterventionKind::SetAidPolicy, 0}},
            {40, {InterventionKind::RemoveResidents, 3}}, {48, {InterventionKind::RemoveOrganizers, 0}},
            {52, {InterventionKind::CallProtest, 0}}};
}

Model RunWeeks(const Settings& settings, uint64_t seed, int weeks,
               const std::vector<ScheduledIntervention>& schedule = {}) {
    Model m(settings, seed);
    for (int w = 0; w < weeks; ++w) {
        ApplyDue(m, schedule);
        m.Step();
    }
    return m;
}

}  // namespace

TEST_CASE("C1 the same seed gives the same state hash", "[sim][determinism]") {
    const auto kind = GENERATE(ScenarioKind::Mobilized, ScenarioKind::Integrated);
    const uint64_t seed = GENERATE(1u, 7u, 123456789u);
    CAPTURE(ScenarioName(kind), seed);
    const Settings s = ScenarioSettings(kind);
    const Model a = RunWeeks(s, seed, 60, EverythingSchedule());
    const Model b = RunWeeks(s, seed, 60, EverythingSchedule());
    CHECK(a.StateHash() == b.StateHash());
    CHECK(a == b);
}

TEST_CASE("C2 different seeds give different hashes", "[sim][determinism]") {
    const Settings s = ScenarioSettings(ScenarioKind::Integrated);
    std::vector<uint64_t> hashes;
    for (uint64_t seed = 1; seed <= 8; ++seed) hashes.push_back(RunWeeks(s, seed, 20).StateHash());
    for (size_t i = 0; i < hashes.size(); ++i)
        for (size_t j = i + 1; j < hashes.size(); ++j) CHECK(hashes[i] != hashes[j]);
    // And the hash sees small differences: one more week changes it.
    CHECK(RunWeeks(s, 1, 20).StateHash() != RunWeeks(s, 1, 21).StateHash());
}

TEST_CASE("C4 measuring, probing and copying never change the model", "[sim][determinism]") {
    Model m = RunWeeks(ScenarioSettings(ScenarioKind::Mobilized), 3, 40);
    const uint64_t before = m.StateHash();
    (void)Measure(m, 0);
    (void)ProbeKnockout(m, 10);
    (void)m.SimulateCall({false, false, 2.0, 99});
    CHECK(m.StateHash() == before);
    // A measured run and an unmeasured run end in the same state.
    Model measured(ScenarioSettings(ScenarioKind::Mobilized), 3);
    (void)RunMonths(measured, {}, 10);
    CHECK(measured.StateHash() == RunWeeks(ScenarioSettings(ScenarioKind::Mobilized), 3, 40).StateHash());
}

TEST_CASE("C5 bounds hold every week, through every intervention", "[sim][bounds]") {
    const auto kind = GENERATE(ScenarioKind::Mobilized, ScenarioKind::Integrated);
    const uint64_t seed = GENERATE(2u, 5u);
    CAPTURE(ScenarioName(kind), seed);
    Settings s = ScenarioSettings(kind);
    s.strike_walkout = 0.5;  // a large strike: many repressed, many tired
    Model m(s, seed);
    const auto schedule = EverythingSchedule();
    const double w_min = s.w_min;
    for (int week = 0; week < 80; ++week) {
        ApplyDue(m, schedule);
        m.Step();
        for (const Tie& t : m.network().Ties()) {
            REQUIRE(t.alive);
            REQUIRE(t.a < t.b);
            REQUIRE(t.w >= w_min);
            REQUIRE(t.w <= 1.0);
            REQUIRE(!m.agents()[t.a].removed);
            REQUIRE(!m.agents()[t.b].removed);
        }
        for (const Agent& a : m.agents()) {
            REQUIRE(a.energy >= 0.0);
            REQUIRE(a.energy <= 1.0);
            REQUIRE(a.opinion >= -1.0);
            REQUIRE(a.opinion <= 1.0);
        }
        for (int k = 0; k < m.OrganizerCount(); ++k) {
            const NodeId o = m.OrganizerNode(k);
            if (!m.agents()[o].removed) continue;
            REQUIRE(m.network().Incident(o).empty());
            for (int i = 0; i < m.Residents(); ++i) REQUIRE(m.agents()[i].list_owner != k);
        }
        for (const CallRecord& c : m.calls()) {
            REQUIRE(c.attendees <= m.Residents());
            REQUIRE(c.turnout >= 0.0);
            REQUIRE(c.turnout <= 1.0);
        }
    }
    const Metrics row = Measure(m, 0);
    for (Metric metric : {Metric::FriendComponent, Metric::TwoCore, Metric::AidCoverage, Metric::TurnoutWith,
                          Metric::TurnoutWithout, Metric::ReachWithout, Metric::MeanTieStrength}) {
        CHECK(row[metric] >= 0.0);
        CHECK(row[metric] <= 1.0);
    }
}

TEST_CASE("C6 a copy is a snapshot: restore and replay gives the identical state", "[sim][snapshot]") {
    const auto kind = GENERATE(ScenarioKind::Mobilized, ScenarioKind::Integrated);
    CAPTURE(ScenarioName(kind));
    Model m = RunWeeks(ScenarioSettings(kind), 11, 30);
    const Model snapshot = m;
    CHECK(snapshot == m);
    CHECK(snapshot.StateHash() == m.StateHash());

    m.Apply({InterventionKind::CallStrike, 0});
    m.Apply({InterventionKind::AdvanceWeeks, 20});
    const uint64_t first = m.StateHash();
    CHECK(first != snapshot.StateHash());

    m = snapshot;  // restore
    CHECK(m == snapshot);
    m.Apply({InterventionKind::CallStrike, 0});
    m.Apply({InterventionKind::AdvanceWeeks, 20});
    CHECK(m.StateHash() == first);

    SECTION("B3 state, not history: a restored state gives the identical knockout probe") {
        Model restored = snapshot;
        const Knockout a = ProbeKnockout(snapshot);
        const Knockout b = ProbeKnockout(restored);
        CHECK(a.turnout_with == b.turnout_with);
        CHECK(a.turnout_without == b.turnout_without);
    }
}

TEST_CASE("C3 helper: the ensemble is deterministic and independent of how work is sliced", "[sim][determinism]") {
    const Settings s = ScenarioSettings(ScenarioKind::Integrated);
    Ensemble coarse(s, {}, 3, 4);
    while (!coarse.Advance(1000)) {
    }
    Ensemble fine(s, {}, 3, 4);
    int calls = 0;
    while (!fine.Advance(1)) ++calls;
    CHECK(calls > 40);  // really spread over many calls
    REQUIRE(coarse.runs().size() == fine.runs().size());
    for (size_t r = 0; r < coarse.runs().size(); ++r) CHECK(coarse.runs()[r] == fine.runs()[r]);
    // And each ensemble run equals a standalone run of that seed.
    Model alone(s, 2);
    CHECK(RunMonths(alone, {}, 4) == coarse.runs()[1]);
}

TEST_CASE("the map's spread keeps every home in its own grid cell and fills the cells", "[sim][layout]") {
    Settings settings = ScenarioSettings(ScenarioKind::Integrated);
    settings.residents = GENERATE(50, 300, 2000);
    const Model model(settings, 11);
    const std::vector<Agent>& agents = model.agents();
    const double side = std::ceil(std::sqrt(double(agents.size())));
    double lo[2] = {1.0, 1.0}, hi[2] = {0.0, 0.0};
    for (const Agent& a : agents) {
        const Point q = SpreadInCell(a.home, agents.size());
        const double home[2] = {a.home.x, a.home.y}, spread[2] = {q.x, q.y};
        for (int axis = 0; axis < 2; ++axis) {
            const double cell = std::floor(home[axis] * side);
            CHECK(spread[axis] >= cell / side);
            CHECK(spread[axis] <= (cell + 1.0) / side);
            const double within = spread[axis] * side - cell;
            lo[axis] = std::min(lo[axis], within);
            hi[axis] = std::max(hi[axis], within);
        }
    }
    // The homes keep to each cell's middle 60%; spread, they reach within 5% of both its edges.
    for (int axis = 0; axis < 2; ++axis) {
        CHECK(lo[axis] < 0.05);
        CHECK(hi[axis] > 0.95);
    }
}
