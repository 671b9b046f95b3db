// sim-bench: times the simulation core with std::chrono and prints medians; asserts nothing, knows no views.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "sim/ensemble.h"
#include "sim/scenario.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

// Bytes the model's containers hold per resident: agents, ties and their origins, incidence entries and spatial
// neighbour lists (allocator overhead and the tick's reusable buffers not counted).
double BytesPerResident(const sim::Model& m) {
    double bytes = double(m.agents().capacity()) * sizeof(sim::Agent) +
                   double(m.network().Ties().capacity()) * (sizeof(sim::Tie) + sizeof(sim::TieOrigin)) +
                   double(m.neighbours().capacity()) * sizeof(sim::NodeId);
    for (sim::NodeId i = 0; i < m.network().NodeCount(); ++i)
        bytes += double(m.network().Incident(i).size()) * sizeof(sim::Incidence) + sizeof(std::vector<sim::Incidence>);
    return bytes / m.Residents();
}

double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// Weekly tick cost at fixed ages of the model: the mean tick over the 13 weeks from `age` (a quarter, so calls and
// the quarterly divisive issue are in it), timed from the same snapshot several times; the median is printed. The
// network keeps densifying for years under the default rates, so the cost is a question of when as much as of N.
void Tick(int residents, std::initializer_list<int> ages, int samples, double target_ms) {
    constexpr int Window = 13;
    for (sim::ScenarioKind kind : {sim::ScenarioKind::Mobilized, sim::ScenarioKind::Integrated}) {
        const sim::Settings s = sim::ScenarioSettings(kind, sim::SettingsForPopulation(residents));
        sim::Model m(s, 1);
        for (int age : ages) {
            while (m.tick() < age) m.Step();
            const sim::Model start = m;
            std::vector<double> t;
            for (int i = 0; i < samples; ++i) {
                m = start;
                const auto a = Clock::now();
                for (int w = 0; w < Window; ++w) m.Step();
                t.push_back(Ms(a, Clock::now()) / Window);
            }
            m = start;
            const size_t ties = m.network().Ties().size();
            const double median = Median(t);
            std::printf("tick  N=%-7d K=%-5d weeks %3d-%-3d %-10s ties %-8zu %5.1f/resident %8.3f ms  %5.1f ns/tie  "
                        "target %g ms: %s",
                        residents, s.organizers, age, age + Window, sim::ScenarioName(kind), ties,
                        double(ties) / residents, median, 1e6 * median / double(ties), target_ms,
                        median <= target_ms ? "met" : "MISSED");
            if (residents >= 100000) std::printf("  %.0f bytes/resident", BytesPerResident(m));
            std::printf("\n");
        }
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
    // Week 24 is six months in (the prototype's benchmark), week 120 the essay's 30-month horizon.
    Tick(300, {24, 120, 240}, quick ? 5 : 31, 0.1);
    if (quick)
        Tick(10000, {24}, 1, 3.0);
    else
        Tick(10000, {24, 120}, 5, 3.0);
    Tick(100000, {48}, quick ? 1 : 3, 40.0);  // 12 months

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
