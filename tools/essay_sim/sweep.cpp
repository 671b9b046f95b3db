// essay-sim --sweep: one parameter over a grid, both strategies' knockout-ratio bands at the last month, and where
// the essay's contrast turns (in months of acquaintance half-life for decay rates); knows no other option.
#include "sweep.h"

#include <cmath>
#include <cstdio>

namespace {

void PrintValue(double v, bool json) {
    if (v != v || std::isinf(v))
        std::fputs(json ? "null" : (std::isinf(v) ? "inf" : ""), stdout);
    else
        std::printf("%.6g", v);
}

void PrintBandJson(const sim::Band& b) {
    std::printf("[");
    PrintValue(b.p10, true);
    std::printf(",");
    PrintValue(b.p50, true);
    std::printf(",");
    PrintValue(b.p90, true);
    std::printf("]");
}

}  // namespace

int RunSweepCommand(const sim::Settings& base, const sim::SweepSpec& spec, bool json) {
    sim::Sweep sweep(base, spec);
    while (!sweep.Advance(1 << 20)) {
    }
    const bool decay = sim::IsDecayRate(*spec.param);
    const char* name = spec.param->name;
    if (json)
        std::printf("{\"param\":\"%s\",\"month\":%d,\"seeds\":%d,\"metric\":\"knockout_ratio\",\"points\":[", name,
                    spec.months, spec.seeds);
    else
        std::printf("param,value,half_life_months,scenario,p10,p50,p90,seeds\n");
    for (int p = 0; p < sweep.Points(); ++p) {
        const sim::SweepPoint point = sweep.At(p);
        const double half_life = decay ? sim::HalfLifeMonths(point.value) : std::nan("");
        if (json) {
            std::printf("%s\n  {\"value\":%.6g,\"half_life_months\":", p ? "," : "", point.value);
            PrintValue(half_life, true);
            std::printf(",\"mobilized\":");
            PrintBandJson(point.mobilized);
            std::printf(",\"integrated\":");
            PrintBandJson(point.integrated);
            std::printf("}");
            continue;
        }
        for (int kind = 0; kind < 2; ++kind) {
            const sim::Band& b = kind == 0 ? point.mobilized : point.integrated;
            std::printf("%s,%.6g,", name, point.value);
            PrintValue(half_life, false);
            std::printf(",%s,", kind == 0 ? "mobilized" : "integrated");
            PrintValue(b.p10, false);
            std::printf(",");
            PrintValue(b.p50, false);
            std::printf(",");
            PrintValue(b.p90, false);
            std::printf(",%d\n", b.seeds);
        }
    }
    const sim::Tipping t = sweep.TippingPoint();
    const double t_half_life = t.found && decay ? sim::HalfLifeMonths(t.value) : std::nan("");
    if (json) {
        std::printf("],\n \"persists_ratio\":%g,\"tipping\":", sim::PersistsRatio);
        if (!t.found) {
            std::printf("null}\n");
            return 0;
        }
        std::printf("{\"value\":%.6g,\"half_life_months\":", t.value);
        PrintValue(t_half_life, true);
        std::printf(",\"contrast_holds\":\"%s\"}}\n", t.holds_below ? "below" : "above");
        return 0;
    }
    if (!t.found) {
        std::printf("# tipping none: the integrated median knockout ratio stays on one side of %g\n", sim::PersistsRatio);
        return 0;
    }
    std::printf("# tipping %s=%.6g", name, t.value);
    if (decay) std::printf(" half_life_months=%.1f", t_half_life);
    std::printf(": the integrated median knockout ratio is at least %g %s it\n", sim::PersistsRatio,
                t.holds_below ? "below" : "above");
    return 0;
}
