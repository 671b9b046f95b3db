// Monthly runs and an incremental ensemble over seeds that yields 10–50–90% bands per metric; knows no clock,
// no threads and no charts: the caller decides how much work to do per call (e.g. per frame).
//
// Ownership: Ensemble owns its runs and the one Model in progress by value. Bands are computed on demand from the
// seeds that have reached a month, so a partly finished ensemble already gives (wider) bands.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/metrics.h"
#include "sim/model.h"
#include "sim/scenario.h"

namespace sim {

// Measures month 0, then runs `months` months of WeeksPerMonth ticks with the schedule, measuring after each.
// Returns months + 1 rows.
std::vector<Metrics> RunMonths(Model& model, std::span<const ScheduledIntervention> schedule, int months);

struct Band {
    double p10 = 0.0;
    double p50 = 0.0;
    double p90 = 0.0;
    int seeds = 0;  // how many seeds the band is drawn from (those with a defined value)
};

// Linear-interpolated quantile of values, ignoring NaNs (undefined months); values are filtered and sorted in
// place; q in [0, 1]. No defined value gives NaN.
double Quantile(std::vector<double>& values, double q);

class Ensemble {
public:
    Ensemble() = default;
    Ensemble(const Settings& settings, std::vector<ScheduledIntervention> schedule, int seeds, int months,
             uint64_t first_seed = 1);

    // Runs at most max_ticks weekly ticks (and the measurements they complete). Returns true once finished.
    bool Advance(int max_ticks);
    bool Done() const { return seed_index_ >= seeds_; }
    double Progress() const;
    int Seeds() const { return seeds_; }
    int Months() const { return months_; }
    // Rows per seed (months + 1 each once that seed is done; the seed in progress has fewer).
    const std::vector<std::vector<Metrics>>& runs() const { return runs_; }

    Band BandAt(Metric metric, int month) const;
    std::vector<Band> Bands(Metric metric) const;

private:
    void StartSeed();

    Settings settings_;
    std::vector<ScheduledIntervention> schedule_;
    int seeds_ = 0;
    int months_ = 0;
    uint64_t first_seed_ = 1;
    int seed_index_ = 0;
    bool started_ = false;
    Model current_;
    std::vector<std::vector<Metrics>> runs_;
};

}  // namespace sim
