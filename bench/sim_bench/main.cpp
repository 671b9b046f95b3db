// sim-bench: times the simulation core with std::chrono and prints medians; asserts nothing, knows no views.
//
// Usage: sim-bench [--quick]          the tick table (N=300 and 10,000 at 30 months, 100,000 at 12 months),
//                                     initialisation scaling and the charts' ensemble
//        sim-bench --tick N MONTHS [SAMPLES [STRATEGY]]   one row of the tick table (both strategies, or only
//                                     mobilized or integrated), e.g. under perf record
//        sim-bench --ensemble [REPEATS]        only the ensemble
//        sim-bench --init                      only the initialisation rows
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string_view>
#include <vector>

#include <sys/resource.h>

#include "sim/ensemble.h"
#include "sim/scenario.h"

namespace {

// This thread's CPU time, not the wall clock: the machines these figures come from share their cores, and a
// benchmark that waits for a core would count the wait.
struct Clock {
    using time_point = double;  // milliseconds
    static time_point now() {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return 1e3 * double(t.tv_sec) + 1e-6 * double(t.tv_nsec);
    }
};

double Ms(Clock::time_point a, Clock::time_point b) { return b - a; }

// Bytes the model's containers hold per resident: agents, ties and their origins, incidence lists (with their room
// to grow) and spatial neighbor lists (allocator overhead and the tick's reusable buffers not counted).
double BytesPerResident(const sim::Model& m) {
    double bytes = double(m.agents().capacity()) * sizeof(sim::Agent) +
                   double(m.network().Ties().capacity()) * (sizeof(sim::Tie) + sizeof(sim::TieOrigin)) +
                   double(m.neighbors().capacity()) * sizeof(sim::NodeId);
    bytes += double(m.network().IncidenceBytes());
    return bytes / m.Residents();
}

// The machine's 1-minute load average, printed beside every figure: the benchmarks share their cores.
double Load() {
    double load[1] = {0.0};
    return getloadavg(load, 1) == 1 ? load[0] : -1.0;
}

// With SIM_BENCH_PERF_CTL naming perf record's control fifo (perf record -D -1 --control fifo:PATH), the profile
// covers only the timed ticks, not the warm-up before them.
void PerfControl(const char* command) {
    static const char* const path = std::getenv("SIM_BENCH_PERF_CTL");
    if (path == nullptr) return;
    if (std::FILE* f = std::fopen(path, "w")) {
        std::fputs(command, f);
        std::fclose(f);
    }
}

double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// Weekly tick cost at a fixed age of the model: the mean tick over the 13 weeks from `months` (a quarter, so calls
// and the quarterly divisive issue are in it), timed from the same snapshot several times; the median is printed.
// The network keeps densifying for years under the default rates, so the cost is a question of when as much as of N.
// `only`, if not empty, names the one strategy to run.
void Tick(int residents, int months, int samples, double target_ms, std::string_view only = {}) {
    constexpr int Window = 13;
    const int age = months * sim::WeeksPerMonth;
    for (sim::ScenarioKind kind : {sim::ScenarioKind::Mobilized, sim::ScenarioKind::Integrated}) {
        if (!only.empty() && only != sim::ScenarioName(kind)) continue;
        const sim::Settings s = sim::ScenarioSettings(kind, sim::SettingsForPopulation(residents));
        sim::Model m(s, 1);
        while (m.tick() < age) m.Step();
        const sim::Model start = m;
        std::vector<double> t;
        PerfControl("enable\n");
        for (int i = 0; i < samples; ++i) {
            m = start;
            const auto a = Clock::now();
            for (int w = 0; w < Window; ++w) m.Step();
            t.push_back(Ms(a, Clock::now()) / Window);
        }
        PerfControl("disable\n");
        m = start;
        const size_t ties = m.network().Ties().size();
        const double median = Median(t);
        std::printf("tick  N=%-7d K=%-5d month %2d (weeks %3d-%-3d) %-10s ties %-8zu %5.1f/resident %8.3f ms  "
                    "%5.1f ns/tie  (load %.2f)",
                    residents, s.organizers, months, age, age + Window - 1, sim::ScenarioName(kind), ties,
                    double(ties) / residents, median, 1e6 * median / double(ties), Load());
        if (target_ms > 0.0) std::printf("  target %g ms: %s", target_ms, median <= target_ms ? "met" : "MISSED");
        if (residents >= 100000) std::printf("  %.0f bytes/resident", BytesPerResident(m));
        std::printf("\n");
    }
}

// This process's minor page faults so far: memory it touched for the first time (or again, after freeing it to the
// system), which is kernel time the thread's CPU time includes.
long MinorFaults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

// Initialisation must be O(N): time per node should stay flat as N grows. Run before the tick rows, on a heap that no
// earlier row has grown and fragmented, so that each size's figures compare with the others'.
void InitRows() {
    for (int n : {1000, 10000, 100000, 200000}) {
        std::vector<double> t, faults;
        for (int r = 0; r < (n >= 100000 ? 3 : 7); ++r) {
            const long f = MinorFaults();
            const auto a = Clock::now();
            const sim::Model m(sim::SettingsForPopulation(n), 1);
            t.push_back(Ms(a, Clock::now()));
            faults.push_back(double(MinorFaults() - f));
        }
        const double ms = Median(t);
        std::printf("init  N=%-7d median %8.2f ms  = %6.3f us per resident  %5.3f minor faults per resident  (load %.2f)\n",
                    n, ms, 1000.0 * ms / n, Median(faults) / n, Load());
    }
}

// The charts' ensemble: 20 seeds x 30 months at N=300, monthly measurements included (both scenarios).
void EnsembleRow(int repeats) {
    for (sim::ScenarioKind kind : {sim::ScenarioKind::Mobilized, sim::ScenarioKind::Integrated}) {
        std::vector<double> t;
        for (int r = 0; r < repeats; ++r) {
            const auto a = Clock::now();
            sim::Ensemble e(sim::ScenarioSettings(kind), {}, 20, 30);
            while (!e.Advance(8)) {}  // as a UI would: a few ticks per frame
            t.push_back(Ms(a, Clock::now()));
        }
        std::printf("ensemble 20 seeds x 30 months N=300 %-10s median %8.1f ms  (load %.2f)\n", sim::ScenarioName(kind),
                    Median(t), Load());
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::string_view mode = argc > 1 ? argv[1] : "";
    std::printf("sim-bench (%s build; thread CPU time; median of repeated runs)\n",
#ifdef NDEBUG
                "optimized"
#else
                "debug"
#endif
    );
    if (mode == "--tick" && argc >= 4) {
        const std::string_view only = argc > 5 ? argv[5] : "";
        if (!only.empty() && only != "mobilized" && only != "integrated") {
            std::fprintf(stderr, "sim-bench: strategy '%s' is neither mobilized nor integrated\n", argv[5]);
            return 2;
        }
        Tick(std::atoi(argv[2]), std::atoi(argv[3]), argc > 4 ? std::atoi(argv[4]) : 5, 0.0, only);
        return 0;
    }
    if (mode == "--ensemble") {
        EnsembleRow(argc > 2 ? std::atoi(argv[2]) : 3);
        return 0;
    }
    if (mode == "--init") {
        InitRows();
        return 0;
    }
    const bool quick = mode == "--quick";
    InitRows();
    // The table: the essay's 30-month horizon at N=300 and 10,000, and 12 months at N=100,000.
    Tick(300, 30, quick ? 5 : 31, 0.1);
    Tick(10000, 30, quick ? 1 : 5, 3.0);
    Tick(100000, 12, quick ? 1 : 3, 40.0);
    EnsembleRow(quick ? 1 : 3);
    return 0;
}
