// Monthly runs and the incremental seed ensemble with quantile bands; knows no clock and no charts.
#include "sim/ensemble.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "sim/hasher.h"

namespace sim {

std::vector<Metrics> RunMonths(Model& model, std::span<const ScheduledIntervention> schedule, int months,
                               MetricMask only) {
    std::vector<Metrics> rows;
    rows.reserve(static_cast<size_t>(months) + 1);
    rows.push_back(Measure(model, model.tick(), only));
    for (int m = 0; m < months; ++m) {
        const int32_t since = model.tick();
        for (int w = 0; w < WeeksPerMonth; ++w) {
            ApplyDue(model, schedule);
            model.Step();
        }
        rows.push_back(Measure(model, since, only));
    }
    return rows;
}

double Quantile(std::vector<double>& values, double q) {
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return v != v; }), values.end());
    if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const double pos = q * static_cast<double>(values.size() - 1);
    const size_t lo = static_cast<size_t>(pos);
    const size_t hi = std::min(lo + 1, values.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    return values[lo] + (values[hi] - values[lo]) * frac;
}

Ensemble::Ensemble(const Settings& settings, std::vector<ScheduledIntervention> schedule, int seeds, int months,
                   uint64_t first_seed, MetricMask only)
    : settings_(settings),
      schedule_(std::move(schedule)),
      seeds_(std::max(seeds, 0)),
      months_(months),
      first_seed_(first_seed),
      only_(only),
      state_(static_cast<size_t>(seeds_), SeedState::Pending),
      runs_(static_cast<size_t>(seeds_)) {}

void Ensemble::StartSeed(int index) {
    here_ = index;
    state_[static_cast<size_t>(index)] = SeedState::Here;
    current_ = Model(settings_, first_seed_ + static_cast<uint64_t>(index));
    runs_[static_cast<size_t>(index)].push_back(Measure(current_, 0, only_));
}

bool Ensemble::Advance(int max_ticks, bool start_new) {
    for (int done = 0; done < max_ticks && !Done(); ++done) {
        if (here_ < 0) {
            if (!start_new) break;
            const int next = NextPending();
            if (next < 0) break;  // the rest are claimed elsewhere
            StartSeed(next);
        }
        std::vector<Metrics>& run = runs_[static_cast<size_t>(here_)];
        ApplyDue(current_, schedule_);
        current_.Step();
        ++ticks_run_;
        if (current_.tick() % WeeksPerMonth == 0)
            run.push_back(Measure(current_, current_.tick() - WeeksPerMonth, only_));
        if (static_cast<int>(run.size()) > months_) {
            state_[static_cast<size_t>(here_)] = SeedState::Finished;
            ++finished_;
            here_ = -1;
        }
    }
    return Done();
}

int Ensemble::NextPending() const {
    const auto next = std::find(state_.begin(), state_.end(), SeedState::Pending);
    return next == state_.end() ? -1 : static_cast<int>(next - state_.begin());
}

int Ensemble::Claim() {
    const int next = NextPending();
    if (next >= 0) state_[static_cast<size_t>(next)] = SeedState::Claimed;
    return next;
}

SeedJob Ensemble::Job(int index) const {
    return {settings_, schedule_, first_seed_ + static_cast<uint64_t>(index), months_, only_};
}

bool Ensemble::Deliver(int index, std::vector<Metrics> rows) {
    if (index < 0 || index >= seeds_ || state_[static_cast<size_t>(index)] != SeedState::Claimed ||
        static_cast<int>(rows.size()) != months_ + 1)
        return false;
    runs_[static_cast<size_t>(index)] = std::move(rows);
    state_[static_cast<size_t>(index)] = SeedState::Finished;
    ++finished_;
    return true;
}

void Ensemble::Release(int index) {
    if (index >= 0 && index < seeds_ && state_[static_cast<size_t>(index)] == SeedState::Claimed)
        state_[static_cast<size_t>(index)] = SeedState::Pending;
}

double Ensemble::Progress() const {
    if (seeds_ <= 0 || months_ <= 0) return 1.0;
    double months_done = 0.0;
    for (const auto& run : runs_)
        if (!run.empty()) months_done += static_cast<double>(run.size() - 1);
    return months_done / (static_cast<double>(seeds_) * months_);
}

uint64_t Ensemble::RowsHash() const {
    Hasher h;
    for (size_t seed = 0; seed < runs_.size(); ++seed) {
        if (state_[seed] != SeedState::Finished) continue;
        h.Add(static_cast<uint64_t>(seed));
        for (const Metrics& m : runs_[seed]) {
            h.Add(m.tick);
            for (const double v : m.values) h.Add(v);
        }
    }
    return h.h;
}

Band Ensemble::BandAt(Metric metric, int month) const {
    std::vector<double> values;
    for (const auto& run : runs_)
        if (month < static_cast<int>(run.size())) values.push_back(run[static_cast<size_t>(month)][metric]);
    Band band;
    band.p10 = Quantile(values, 0.1);
    band.seeds = static_cast<int>(values.size());
    band.p50 = Quantile(values, 0.5);
    band.p90 = Quantile(values, 0.9);
    return band;
}

std::vector<Band> Ensemble::Bands(Metric metric) const {
    std::vector<Band> bands;
    for (int m = 0; m <= months_; ++m) bands.push_back(BandAt(metric, m));
    return bands;
}

}  // namespace sim
