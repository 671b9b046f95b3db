// Seeds run elsewhere (sim/seed_job.h, Ensemble::Claim/Deliver): the bytes round-trip, a bad message is refused with
// its reason, and an ensemble whose seeds came back out of order from "workers" equals one run in place.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <limits>
#include <random>

#include "sim/ensemble.h"
#include "sim/scenario.h"
#include "sim/seed_job.h"

using namespace sim;

namespace {

std::vector<ScheduledIntervention> Schedule() {
    return {{6, {InterventionKind::CallProtest, 0}}, {9, {InterventionKind::DivisiveIssue, 0}},
            {12, {InterventionKind::RemoveOrganizers, 0}}, {13, {InterventionKind::CallProtest, 0}}};
}

// Rows equal bit for bit (a knockout ratio is NaN once the organizers are gone, and NaN != NaN).
bool SameBits(const std::vector<std::vector<Metrics>>& a, const std::vector<std::vector<Metrics>>& b) {
    if (a.size() != b.size()) return false;
    for (size_t r = 0; r < a.size(); ++r) {
        if (a[r].size() != b[r].size()) return false;
        for (size_t m = 0; m < a[r].size(); ++m)
            if (a[r][m].tick != b[r][m].tick ||
                std::memcmp(a[r][m].values.data(), b[r][m].values.data(), sizeof a[r][m].values) != 0)
                return false;
    }
    return true;
}

bool SameValue(double a, double b) { return a == b || (a != a && b != b); }

// What the page's worker does with one claimed seed: encode, run from the bytes alone, decode.
std::vector<Metrics> RunRemotely(const Ensemble& e, int index) {
    std::vector<uint8_t> rows_bytes;
    std::string error;
    REQUIRE(RunSeedJob(EncodeSeedJob(e.Job(index)), &rows_bytes, &error));
    std::vector<Metrics> rows;
    REQUIRE(DecodeRows(rows_bytes, e.Months(), &rows, &error));
    return rows;
}

}  // namespace

TEST_CASE("a seed job round-trips every parameter, the seed, the months and the schedule", "[sim][seed_job]") {
    std::mt19937_64 random(GENERATE(1u, 2u, 3u, 4u, 5u));
    // Every parameter anywhere in its range, drawn again until the whole is consistent (e.g. theta_low ≤ theta_high).
    SeedJob job;
    do {
        for (const ParamInfo& p : ParamTable()) {
            const double u = std::uniform_real_distribution<double>(0.0, 1.0)(random);
            SetParam(job.settings, p, p.min + u * (p.max - p.min));
        }
    } while (!ValidateSettings(job.settings).empty());
    job.seed = random();
    job.months = static_cast<int>(random() % 60);
    job.schedule = Schedule();
    job.metrics = static_cast<MetricMask>(random() & ((MetricMask{1} << MetricCount) - 1));
    SeedJob back;
    std::string error;
    REQUIRE(DecodeSeedJob(EncodeSeedJob(job), &back, &error));
    CHECK(back.settings == job.settings);
    CHECK(back.seed == job.seed);
    CHECK(back.months == job.months);
    CHECK(back.schedule == job.schedule);
    CHECK(back.metrics == job.metrics);
}

TEST_CASE("a bad seed job or bad rows are refused with the reason, never run", "[sim][seed_job]") {
    SeedJob job{ScenarioSettings(ScenarioKind::Integrated), Schedule(), 7, 3};
    const std::vector<uint8_t> good = EncodeSeedJob(job);
    SeedJob out;
    std::string error;

    SECTION("every truncation names the field it stopped at") {
        const size_t cut = GENERATE_COPY(range(size_t{0}, good.size()));
        CHECK_FALSE(DecodeSeedJob(std::span(good.data(), cut), &out, &error));
        CHECK(error.find("truncated at") != std::string::npos);
    }
    SECTION("a trailing byte") {
        std::vector<uint8_t> longer = good;
        longer.push_back(0);
        CHECK_FALSE(DecodeSeedJob(longer, &out, &error));
        CHECK(error.find("left over") != std::string::npos);
    }
    SECTION("another message's tag") {
        std::vector<uint8_t> rows = EncodeRows(std::vector<Metrics>(4));
        CHECK_FALSE(DecodeSeedJob(rows, &out, &error));
        CHECK(error.find("wrong tag") != std::string::npos);
    }
    SECTION("a parameter out of its range, or not a number") {
        std::vector<uint8_t> bad = good;
        const double value = GENERATE(1e300, -1.0, std::numeric_limits<double>::quiet_NaN());
        std::memcpy(bad.data() + 8, &value, sizeof value);  // the first parameter, after the tag and the count
        CHECK_FALSE(DecodeSeedJob(bad, &out, &error));
        CHECK(error.find(ParamTable()[0].name) != std::string::npos);
    }
    SECTION("a metric mask naming metrics this build does not have") {
        job.metrics = MetricMask{1} << MetricCount;
        CHECK_FALSE(DecodeSeedJob(EncodeSeedJob(job), &out, &error));
        CHECK(error.find("metric mask") != std::string::npos);
    }
    SECTION("months out of bounds") {
        job.months = MaxSeedJobMonths + 1;
        CHECK_FALSE(DecodeSeedJob(EncodeSeedJob(job), &out, &error));
        CHECK(error.find("months") != std::string::npos);
    }
    SECTION("rows of the wrong length for the months") {
        const std::vector<uint8_t> rows = EncodeRows(std::vector<Metrics>(4));
        std::vector<Metrics> decoded;
        CHECK(DecodeRows(rows, 3, &decoded, &error));
        CHECK_FALSE(DecodeRows(rows, 4, &decoded, &error));
        CHECK(error.find("4 rows, where 4 months need 5") != std::string::npos);
        CHECK_FALSE(DecodeRows(std::span(rows.data(), rows.size() - 1), 3, &decoded, &error));
    }
    // A refused job leaves the output untouched.
    CHECK(out.months == 0);
}

TEST_CASE("an ensemble whose seeds were run elsewhere, in any order, equals one run in place", "[sim][seed_job]") {
    const Settings s = ScenarioSettings(ScenarioKind::Mobilized);
    Ensemble here(s, Schedule(), 5, 4);
    while (!here.Advance(1000)) {
    }

    Ensemble mixed(s, Schedule(), 5, 4);
    const int order = GENERATE(0, 1, 2);
    std::vector<int> claimed;
    if (order == 2) mixed.Advance(3);  // one seed already begun in place: claims skip it
    for (int c = 0; c < (order == 0 ? 5 : 3); ++c) claimed.push_back(mixed.Claim());
    CHECK(std::find(claimed.begin(), claimed.end(), -1) == claimed.end());
    std::reverse(claimed.begin(), claimed.end());  // they come back out of order
    for (const int index : claimed) {
        CHECK_FALSE(mixed.Deliver(index, {}));  // wrong length: refused, still claimed
        REQUIRE(mixed.Deliver(index, RunRemotely(mixed, index)));
        CHECK_FALSE(mixed.Deliver(index, RunRemotely(mixed, index)));  // not claimed any more
    }
    CHECK(mixed.Done() == (order == 0));
    while (!mixed.Advance(1000)) {
    }
    CHECK(SameBits(mixed.runs(), here.runs()));
    for (const Metric metric : {Metric::KnockoutRatio, Metric::TurnoutPerCall, Metric::CloseTies})
        for (int m = 0; m <= 4; ++m) {
            const Band a = here.BandAt(metric, m), b = mixed.BandAt(metric, m);
            CHECK(SameValue(a.p10, b.p10));
            CHECK(SameValue(a.p50, b.p50));
            CHECK(SameValue(a.p90, b.p90));
            CHECK(a.seeds == b.seeds);
        }
}

TEST_CASE("a released seed is run in place, and Advance without start_new only finishes its own", "[sim][seed_job]") {
    Ensemble e(ScenarioSettings(ScenarioKind::Integrated), {}, 2, 2);
    const int a = e.Claim(), b = e.Claim();
    CHECK(e.Claim() == -1);
    CHECK_FALSE(e.Advance(1000));  // both claimed elsewhere: nothing to do here
    CHECK(e.Progress() == 0.0);
    e.Release(b);
    CHECK_FALSE(e.Advance(1000, /*start_new=*/false));
    CHECK(e.Progress() == 0.0);
    CHECK_FALSE(e.Advance(1000));
    CHECK(e.Progress() == 0.5);
    REQUIRE(e.Deliver(a, RunRemotely(e, a)));
    CHECK(e.Done());
}

// The figure's ensemble measures only what its charts draw (app::EnsembleMetrics): each metric it measures must be the
// very value the full measurement gives, in place or through a worker's bytes, and the rest NaN, never a half-probe.
TEST_CASE("an ensemble measuring some metrics gives their values bit for bit, and NaN for the rest", "[sim][seed_job]") {
    const Settings s = ScenarioSettings(GENERATE(ScenarioKind::Mobilized, ScenarioKind::Integrated));
    const MetricMask only = GENERATE(MaskOf({Metric::TurnoutWithout}), MaskOf({Metric::TurnoutWith}),
                                     MaskOf({Metric::KnockoutRatio, Metric::CloseTies}),
                                     MaskOf({Metric::TurnoutPerCall, Metric::TurnoutWithout, Metric::CloseTies,
                                             Metric::Leaders, Metric::Exhausted, Metric::FriendComponent}));
    // The schedule removes the organizers at month 3: the probe's runs with and without them are then one call.
    Ensemble all(s, Schedule(), 3, 4), some(s, Schedule(), 3, 4, 1, only);
    while (!all.Advance(1000)) {
    }
    // One seed through the worker's bytes, the others in place.
    REQUIRE(some.Claim() == 0);
    REQUIRE(some.Deliver(0, RunRemotely(some, 0)));
    while (!some.Advance(1000)) {
    }
    int measured = 0, blank = 0;
    for (size_t seed = 0; seed < 3; ++seed)
        for (size_t row = 0; row < 5; ++row)
            for (int i = 0; i < MetricCount; ++i) {
                const double full = all.runs()[seed][row].values[size_t(i)], part = some.runs()[seed][row].values[size_t(i)];
                if (Measures(only, Metric(i))) {
                    CHECK(std::memcmp(&full, &part, sizeof full) == 0);
                    ++measured;
                } else {
                    CHECK(part != part);
                    ++blank;
                }
            }
    CHECK(measured > 0);
    CHECK(blank > 0);
}
