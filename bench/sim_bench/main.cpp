// sim-bench: times the simulation core with std::chrono and prints medians; asserts nothing, knows no views.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "sim/ensemble.h"
#include "sim/scenario.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// Weekly tick cost after a warm-up of `warm` weeks, so ties and calls are in their steady state.
void Tick(int residents, int warm, int samples) {
    for (sim::ScenarioKind kind : {sim::ScenarioKind::Mobilized, sim::ScenarioKind::Integrated}) {
        const sim::Settings s = sim::ScenarioSettings(kind, sim::SettingsForPopulation(residents));
        sim::Model m(s, 1);
        for (int w = 0; w < warm; ++w) m.Step();
        std::vector<double> t;
        for (int i = 0; i < samples; ++i) {
            const auto a = Clock::now();
            m.Step();
            t.push_back(Ms(a, Clock::now()));
        }
        std::printf("tick  N=%-7d K=%-5d %-10s ties=%-8zu median %8.3f ms  max %8.3f ms  (%d ticks after %d warm-up)\n",
                    residents, s.organizers, sim::ScenarioName(kind), m.network().Ties().size(), Median(t),
                    *std::max_element(t.begin(), t.end()), samples, warm);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::string_view(argv[1]) == "--quick";
    std::printf("sim-bench (%s build; one core; median of repeated runs)\n",
#ifdef NDEBUG
                "optimized"
#else
                "debug"
#endif
    );
    Tick(300, 120, quick ? 40 : 400);
    Tick(10000, quick ? 20 : 60, quick ? 10 : 40);
    Tick(100000, quick ? 8 : 40, quick ? 4 : 12);

    // Initialisation must be O(N): time per node should stay flat as N grows.
    for (int n : {1000, 10000, 100000, 200000}) {
        std::vector<double> t;
        for (int r = 0; r < (n >= 100000 ? 3 : 7); ++r) {
            const auto a = Clock::now();
            const sim::Model m(sim::SettingsForPopulation(n), 1);
            t.push_back(Ms(a, Clock::now()));
        }
        const double ms = Median(t);
        std::printf("init  N=%-7d median %8.2f ms  = %6.3f us per resident\n", n, ms, 1000.0 * ms / n);
    }

    // The charts' ensemble: 20 seeds x 30 months at N=300, monthly measurements included (both scenarios).
    for (sim::ScenarioKind kind : {sim::ScenarioKind::Mobilized, sim::ScenarioKind::Integrated}) {
        std::vector<double> t;
        for (int r = 0; r < (quick ? 1 : 3); ++r) {
            const auto a = Clock::now();
            sim::Ensemble e(sim::ScenarioSettings(kind), {}, 20, 30);
            int calls = 0;
            while (!e.Advance(8)) ++calls;  // as a UI would: a few ticks per frame
            t.push_back(Ms(a, Clock::now()));
        }
        std::printf("ensemble 20 seeds x 30 months N=300 %-10s median %8.1f ms\n", sim::ScenarioName(kind), Median(t));
    }
    return 0;
}
