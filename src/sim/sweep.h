// A sensitivity sweep: one parameter over a grid of values, both strategies, several seeds each, giving the
// knockout ratio's 10–50–90% bands at one month and where the essay's contrast turns; knows no clock, no threads
// and no charts: like Ensemble, the caller decides how many ticks to run per call (e.g. per frame).
//
// Ownership: Sweep owns its results and the one Model in progress by value. Work runs seed by seed over the whole
// grid, so a partly finished sweep already gives (wider) bands at every value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/ensemble.h"
#include "sim/model.h"
#include "sim/scenario.h"
#include "sim/settings.h"

namespace sim {

// The Integrated neighborhood's median knockout ratio at or above this "persists without the organizers": the
// threshold of the essay's claim (tests/sim/claims_test.cpp, A2).
constexpr double PersistsRatio = 0.5;

struct SweepSpec {
    const ParamInfo* param = nullptr;  // a double-valued parameter
    double from = 0.0;
    double to = 0.0;
    double step = 0.0;
    int seeds = 20;
    int months = 30;
    uint64_t first_seed = 1;
};

// Parses "name=from:to:step" (e.g. "lambda_weak=0:0.04:0.0025"): a double-valued parameter, from ≤ to, both in its
// range, step > 0, at most 1,000 values. On failure writes a message naming the input.
bool ParseSweep(std::string_view text, SweepSpec* out, std::string* out_error);

// The weekly decay rate's half-life, in months of WeeksPerMonth weeks, for a tie with no common close friends
// (infinite for 0): how long an acquaintance you never see again keeps half its weight.
double HalfLifeMonths(double weekly_decay);
// True for the parameters whose values are weekly decay rates, whose sweeps are labelled in half-life months.
bool IsDecayRate(const ParamInfo& param);

struct SweepPoint {
    double value = 0.0;
    Band mobilized;   // knockout ratio at the sweep's month, over the seeds done so far
    Band integrated;
};

// Where the contrast turns: the value between two neighboring grid values at which the Integrated median
// knockout ratio crosses PersistsRatio (linear between them), the first such crossing from the grid's start.
struct Tipping {
    bool found = false;
    double value = 0.0;
    bool holds_below = true;  // the contrast holds for values below `value` (false: above)
};

class Sweep {
public:
    Sweep() = default;
    // base: the reader's settings without a strategy; ScenarioSettings() gives each panel its own, as in the figure.
    Sweep(const Settings& base, const SweepSpec& spec);

    // Runs at most max_ticks weekly ticks (and the probes they complete). Returns true once finished.
    bool Advance(int max_ticks);
    bool Done() const { return run_ >= TotalRuns(); }
    double Progress() const;
    const SweepSpec& spec() const { return spec_; }
    const Settings& base() const { return base_; }
    int Points() const { return static_cast<int>(values_.size()); }
    double Value(int point) const { return values_[static_cast<size_t>(point)]; }
    SweepPoint At(int point) const;
    // Every value at which the median of `kind`'s strategy crosses PersistsRatio, in grid order (each `found`); pairs
    // of neighbouring values where either median is undefined (NaN) are passed over.
    std::vector<Tipping> Crossings(ScenarioKind kind = ScenarioKind::Integrated) const;
    // The first of them (not `found` where there is none).
    Tipping TippingPoint() const;

private:
    struct Slot {
        int kind = 0;  // 0 Mobilized, 1 Integrated
        int point = 0;
        int seed = 0;
    };
    int TotalRuns() const { return Points() * spec_.seeds * 2; }
    Slot SlotOf(int run) const;
    size_t Index(int kind, int point, int seed) const;

    Settings base_;
    SweepSpec spec_;
    std::vector<double> values_;
    std::vector<double> ratio_;  // at Index(); NaN until run (and when no organizer is left)
    int run_ = 0;                // runs finished, in SlotOf() order
    bool started_ = false;
    Model current_;
};

}  // namespace sim
