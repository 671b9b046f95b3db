// One seed of an ensemble as bytes, so that another instance of this program (the page's Web Worker) can run it and
// hand back its monthly rows; knows no threads, no browser and no clock.
//
// Both ends are the same build, so the format is plain native bytes; it is still checked field by field, and a job or
// rows that do not decode give an error naming what is wrong, never a crash. A seed's rows depend only on the job
// (settings, schedule, seed, months), so they are the rows Ensemble::Advance would have computed in place.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/metrics.h"
#include "sim/scenario.h"
#include "sim/settings.h"

namespace sim {

struct SeedJob {
    Settings settings;
    std::vector<ScheduledIntervention> schedule;
    uint64_t seed = 1;
    int months = 0;
    MetricMask metrics = AllMetrics; // which metrics each month measures (Measure's `only`)
};

// A run longer than this is not an ensemble's (the figure runs 30 months; the CLI caps --months lower).
constexpr int MaxSeedJobMonths = 1200;

std::vector<uint8_t> EncodeSeedJob(const SeedJob& job);
bool DecodeSeedJob(std::span<const uint8_t> bytes, SeedJob* out, std::string* out_error);

// Rows as RunMonths gives them: months + 1 rows of the tick and every metric.
std::vector<uint8_t> EncodeRows(std::span<const Metrics> rows);
// Fails unless the bytes hold exactly months + 1 rows.
bool DecodeRows(std::span<const uint8_t> bytes, int months, std::vector<Metrics>* out, std::string* out_error);

// Decodes a job, runs it and encodes its rows: what the worker does with each message.
bool RunSeedJob(std::span<const uint8_t> job, std::vector<uint8_t>* out_rows, std::string* out_error);

}  // namespace sim
