// Monthly runs and an incremental ensemble over seeds that yields 10–50–90% bands per metric; knows no clock,
// no threads and no charts: the caller decides how much work to do per call (e.g. per frame).
//
// Ownership: Ensemble owns its runs and the one Model in progress by value. Bands are computed on demand from the
// seeds that have reached a month, so a partly finished ensemble already gives (wider) bands.
//
// A seed can also be run elsewhere (the page's Web Worker, through sim/seed_job.h) and handed back: Claim takes it
// out of Advance's way, Deliver puts its rows in place. A seed's rows depend only on its settings, schedule and
// seed, and bands sort their values, so the finished ensemble is the same whoever ran which seed.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/metrics.h"
#include "sim/model.h"
#include "sim/scenario.h"
#include "sim/seed_job.h"

namespace sim {

// Measures month 0, then runs `months` months of WeeksPerMonth ticks with the schedule, measuring after each (the
// metrics in `only`; the others are NaN). Returns months + 1 rows.
std::vector<Metrics> RunMonths(Model& model, std::span<const ScheduledIntervention> schedule, int months,
                               MetricMask only = AllMetrics);

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
    // Each month measures the metrics in `only` (all by default); the bands of the others are NaN.
    Ensemble(const Settings& settings, std::vector<ScheduledIntervention> schedule, int seeds, int months,
             uint64_t first_seed = 1, MetricMask only = AllMetrics);

    // Runs at most max_ticks weekly ticks (and the measurements they complete) of the seed in progress here, then of
    // the next unclaimed ones unless start_new is false. Returns true once finished.
    bool Advance(int max_ticks, bool start_new = true);
    bool Done() const { return finished_ >= seeds_; }
    double Progress() const;
    // Weekly ticks run here by Advance so far (not those of seeds delivered from elsewhere): what a slice cost.
    long long TicksRun() const { return ticks_run_; }
    int Seeds() const { return seeds_; }
    int Months() const { return months_; }
    // Rows per seed index (months + 1 each once that seed is done; the seed in progress has fewer, and a seed not
    // started or claimed elsewhere has none).
    const std::vector<std::vector<Metrics>>& runs() const { return runs_; }

    // The lowest seed index nobody has started, now claimed by the caller; -1 when none is left.
    int Claim();
    // The job that runs a claimed seed, for whoever claimed it.
    SeedJob Job(int index) const;
    // A claimed seed's rows (months + 1 of them, as RunSeedJob gives). False, changing nothing, for an index that is
    // not claimed or rows of the wrong length.
    bool Deliver(int index, std::vector<Metrics> rows);
    // A claimed seed goes back to the pool, for Advance (its runner failed).
    void Release(int index);

    // A hash (sim/hasher.h) of every finished seed's rows, bit for bit, in seed order: equal whoever ran which seed,
    // so the page can show that its workers and its main thread computed the same ensemble.
    uint64_t RowsHash() const;

    Band BandAt(Metric metric, int month) const;
    std::vector<Band> Bands(Metric metric) const;

private:
    enum class SeedState : uint8_t { Pending, Claimed, Here, Finished };
    void StartSeed(int index);
    int NextPending() const;  // the lowest seed index nobody has started or claimed, or -1

    Settings settings_;
    std::vector<ScheduledIntervention> schedule_;
    int seeds_ = 0;
    int months_ = 0;
    uint64_t first_seed_ = 1;
    MetricMask only_ = AllMetrics;
    std::vector<SeedState> state_;
    int finished_ = 0;
    int here_ = -1;  // the seed Advance is running, if any
    long long ticks_run_ = 0;
    Model current_;
    std::vector<std::vector<Metrics>> runs_;
};

}  // namespace sim
