// Helpers shared by the simulation tests: runs over seeds and window statistics; knows no Catch2.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/ensemble.h"
#include "sim/scenario.h"

namespace simtest {

// Scenario settings with extra "name=value" assignments; an invalid assignment is a bug in the test.
inline sim::Settings Make(sim::ScenarioKind kind, const char* assignments = "") {
    sim::Settings s = sim::ScenarioSettings(kind);
    std::string error;
    if (!sim::ApplyAssignments(s, assignments, &error)) throw std::runtime_error(error);
    return s;
}

inline std::vector<sim::Metrics> Run(const sim::Settings& settings, uint64_t seed, int months,
                                     const std::vector<sim::ScheduledIntervention>& schedule = {}) {
    sim::Model model(settings, seed);
    return sim::RunMonths(model, schedule, months);
}

// Median of a metric over months [from, to] (simulation.md §5 "window median"); NaN months are skipped.
inline double WindowMedian(const std::vector<sim::Metrics>& rows, sim::Metric metric, int from, int to) {
    std::vector<double> values;
    for (int m = from; m <= to && m < static_cast<int>(rows.size()); ++m) values.push_back(rows[m][metric]);
    return sim::Quantile(values, 0.5);
}

inline double Median(std::vector<double> values) { return sim::Quantile(values, 0.5); }

inline int CountIf(const std::vector<double>& values, bool (*pred)(double)) {
    int n = 0;
    for (double v : values) n += pred(v);
    return n;
}

inline int Defined(const std::vector<double>& values) {
    int n = 0;
    for (double v : values) n += v == v;
    return n;
}

}  // namespace simtest
