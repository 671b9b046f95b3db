// The sensitivity sweep: its parser, its bands against plain runs, slicing independence and the tipping point;
// knows nothing of views.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/sweep.h"

using namespace sim;

namespace {

SweepSpec Small(const char* text, int seeds, int months) {
    SweepSpec spec;
    std::string error;
    if (!ParseSweep(text, &spec, &error)) throw std::runtime_error(error);
    spec.seeds = seeds;
    spec.months = months;
    return spec;
}

}  // namespace

TEST_CASE("sweep: the parser takes name=from:to:step and says what is wrong", "[sim][sweep]") {
    SweepSpec spec;
    std::string error;
    REQUIRE(ParseSweep("lambda_weak=0:0.04:0.0025", &spec, &error));
    CHECK(std::string(spec.param->name) == "lambda_weak");
    CHECK(spec.to == 0.04);
    for (const char* bad : {"lambda_weak", "nope=0:1:0.1", "near_ties=1:3:1", "lambda_weak=0:0.04", "lambda_weak=0:x:0.01",
                            "lambda_weak=0.03:0.01:0.01", "lambda_weak=0:0.5:0.01", "lambda_weak=0:0.04:0",
                            "lambda_weak=0:0.04:0.00001"}) {
        CAPTURE(bad);
        error.clear();
        CHECK_FALSE(ParseSweep(bad, &spec, &error));
        CHECK(error.find(bad) != std::string::npos);  // the message names the input
    }
}

TEST_CASE("sweep: half-life of a weekly decay rate", "[sim][sweep]") {
    CHECK(std::isinf(HalfLifeMonths(0.0)));
    // 0.01 a week: (1 − 0.01)^69 ≈ 0.5, 69 weeks ≈ 17.2 months of 4 weeks.
    CHECK(HalfLifeMonths(0.01) == Approx(17.24).epsilon(0.001));
    CHECK(HalfLifeMonths(0.02) < HalfLifeMonths(0.01));
}

TEST_CASE("sweep: each value's band is the knockout ratio of plain runs with that value", "[sim][sweep]") {
    const SweepSpec spec = Small("lambda_weak=0:0.02:0.02", 2, 3);
    Sweep coarse(Settings{}, spec);
    while (!coarse.Advance(1000)) {
    }
    REQUIRE(coarse.Points() == 2);
    Sweep fine(Settings{}, spec);
    int calls = 0;
    while (!fine.Advance(3)) ++calls;
    CHECK(calls > 25);  // 96 ticks in slices of 3: really spread over many calls
    for (int p = 0; p < 2; ++p) {
        const SweepPoint a = coarse.At(p), b = fine.At(p);
        CHECK(a.integrated.p50 == b.integrated.p50);
        CHECK(a.mobilized.p10 == b.mobilized.p10);
        // The median of two seeds is their mean; recompute it from standalone runs.
        std::vector<double> ratios;
        for (uint64_t seed = 1; seed <= 2; ++seed) {
            Settings s = ScenarioSettings(ScenarioKind::Integrated);
            s.lambda_weak = coarse.Value(p);
            Model m(s, seed);
            m.Apply({InterventionKind::AdvanceWeeks, 3 * WeeksPerMonth});
            ratios.push_back(ProbeKnockout(m).ratio);
        }
        CHECK(a.integrated.p50 == Approx(0.5 * (ratios[0] + ratios[1])));
        CHECK(a.integrated.seeds == 2);
    }
    CHECK(coarse.Progress() == 1.0);
}

TEST_CASE("sweep: a half-done sweep already has a band at every value", "[sim][sweep]") {
    Sweep sweep(Settings{}, Small("lambda_weak=0:0.04:0.01", 4, 2));
    // One seed of each value and strategy: 5 values × 2 × 8 weeks, plus the runs' probes.
    while (sweep.Progress() < 0.25) sweep.Advance(7);
    for (int p = 0; p < sweep.Points(); ++p) CHECK(sweep.At(p).integrated.seeds >= 1);
    CHECK_FALSE(sweep.Done());
}

TEST_CASE("sweep: lambda_weak decides the contrast, with a tipping point between a year and two", "[sim][sweep][slow]") {
    Sweep sweep(Settings{}, Small("lambda_weak=0.005:0.025:0.01", 8, 30));
    while (!sweep.Advance(1 << 20)) {
    }
    const Tipping t = sweep.TippingPoint();
    REQUIRE(t.found);
    CHECK(t.holds_below);
    CHECK(HalfLifeMonths(t.value) > 8.0);
    CHECK(HalfLifeMonths(t.value) < 35.0);
    CHECK(sweep.At(0).integrated.p50 >= PersistsRatio);
    CHECK(sweep.At(2).integrated.p50 < PersistsRatio);
}
