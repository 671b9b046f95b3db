// essay-sim: command-line runner over the simulation core that prints monthly chart metrics (CSV or JSON), ensemble
// bands and the final state hash; knows nothing of the app or its views.
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "claims.h"
#include "sim/ensemble.h"
#include "sim/metrics.h"
#include "sim/scenario.h"
#include "sim/settings.h"
#include "sweep.h"

namespace {

constexpr const char* Usage =
    "usage: essay-sim [options]\n"
    "  --scenario mobilized|integrated|both   which panel(s) to run (default both)\n"
    "  --seed N                               first seed (default 1)\n"
    "  --seeds N                              run N seeds and print 10/50/90% bands instead of one run\n"
    "  --months M                             months of 4 weekly ticks (default 30)\n"
    "  --set name=value                       set any parameter (repeatable; see --list-params)\n"
    "  --preset NAME                          apply a flip preset (see --list-presets)\n"
    "  --intervene NAME@MONTH                 remove-organizers, protest, strike, divisive-issue,\n"
    "                                         aid-conditional, aid-unconditional (repeatable)\n"
    "  --sweep NAME=FROM:TO:STEP              knockout-ratio bands of both strategies at the last month over a\n"
    "                                         parameter's values, and the tipping point (--seeds default 20)\n"
    "  --format csv|json                      output format (default csv)\n"
    "  --list-params | --list-presets | --list-assumptions | --list-omissions | --help\n"
    "  --claims [ID ...]                      measure every reader-facing claim (or those named); exit 1 on a FAIL\n";

struct Options {
    std::vector<sim::ScenarioKind> scenarios{sim::ScenarioKind::Mobilized, sim::ScenarioKind::Integrated};
    long long seed = 1;
    long long seeds = 0;
    long long months = 30;
    std::vector<std::string> assignments;
    const sim::FlipPreset* preset = nullptr;
    std::vector<sim::ScheduledIntervention> schedule;
    bool json = false;
    sim::SweepSpec sweep;  // sweep.param set: --sweep
};

int Fail(const std::string& message) {
    std::fprintf(stderr, "essay-sim: %s\n", message.c_str());
    return 2;
}

void PrintNumber(double v, bool json) {
    if (v != v)
        std::fputs(json ? "null" : "", stdout);  // undefined (e.g. no organizer left to knock out)
    else
        std::printf("%.6g", v);
}

void PrintRunCsvHeader() {
    std::printf("scenario,seed,month,tick");
    for (const sim::MetricInfo& m : sim::MetricTable()) std::printf(",%s", m.name);
    std::printf("\n");
}

void PrintRun(sim::ScenarioKind kind, uint64_t seed, const std::vector<sim::Metrics>& rows, uint64_t hash, bool json,
              bool first) {
    if (json) {
        std::printf("%s{\"scenario\":\"%s\",\"seed\":%llu,\"months\":[", first ? "" : ",\n", sim::ScenarioName(kind),
                    static_cast<unsigned long long>(seed));
        for (size_t m = 0; m < rows.size(); ++m) {
            std::printf("%s\n  {\"month\":%zu,\"tick\":%d", m ? "," : "", m, rows[m].tick);
            for (const sim::MetricInfo& info : sim::MetricTable()) {
                std::printf(",\"%s\":", info.name);
                PrintNumber(rows[m][info.metric], true);
            }
            std::printf("}");
        }
        std::printf("],\n \"state_hash\":\"%016llx\"}", static_cast<unsigned long long>(hash));
        return;
    }
    for (size_t m = 0; m < rows.size(); ++m) {
        std::printf("%s,%llu,%zu,%d", sim::ScenarioName(kind), static_cast<unsigned long long>(seed), m, rows[m].tick);
        for (const sim::MetricInfo& info : sim::MetricTable()) {
            std::printf(",");
            PrintNumber(rows[m][info.metric], false);
        }
        std::printf("\n");
    }
    std::printf("# state_hash %s seed %llu %016llx\n", sim::ScenarioName(kind), static_cast<unsigned long long>(seed),
                static_cast<unsigned long long>(hash));
}

void PrintBands(sim::ScenarioKind kind, const sim::Ensemble& ensemble, bool json, bool first) {
    if (json) std::printf("%s{\"scenario\":\"%s\",\"seeds\":%d,\"bands\":{", first ? "" : ",\n", sim::ScenarioName(kind), ensemble.Seeds());
    bool first_metric = true;
    for (const sim::MetricInfo& info : sim::MetricTable()) {
        const std::vector<sim::Band> bands = ensemble.Bands(info.metric);
        if (json) {
            std::printf("%s\n  \"%s\":[", first_metric ? "" : ",", info.name);
            for (size_t m = 0; m < bands.size(); ++m) {
                std::printf("%s[", m ? "," : "");
                PrintNumber(bands[m].p10, true);
                std::printf(",");
                PrintNumber(bands[m].p50, true);
                std::printf(",");
                PrintNumber(bands[m].p90, true);
                std::printf("]");
            }
            std::printf("]");
        } else {
            for (size_t m = 0; m < bands.size(); ++m) {
                std::printf("%s,%zu,%s,", sim::ScenarioName(kind), m, info.name);
                PrintNumber(bands[m].p10, false);
                std::printf(",");
                PrintNumber(bands[m].p50, false);
                std::printf(",");
                PrintNumber(bands[m].p90, false);
                std::printf(",%d\n", bands[m].seeds);
            }
        }
        first_metric = false;
    }
    if (json) std::printf("}}");
}

int ListParams() {
    const sim::Settings defaults;
    std::printf("name,group,default,min,max,meaning\n");
    for (const sim::ParamInfo& p : sim::ParamTable())
        std::printf("%s,%s,%g,%g,%g,\"%s\"\n", p.name, sim::ParamGroupName(p.group), sim::GetParam(defaults, p), p.min,
                    p.max, p.meaning);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    std::string error;
    for (int a = 1; a < argc; ++a) {
        const std::string_view arg = argv[a];
        auto value = [&](std::string_view* out) {
            if (a + 1 >= argc) return false;
            *out = argv[++a];
            return true;
        };
        std::string_view v;
        if (arg == "--help" || arg == "-h") {
            std::fputs(Usage, stdout);
            return 0;
        } else if (arg == "--claims") {
            return RunClaims(std::span<char*>(argv + a + 1, size_t(argc - a - 1)));
        } else if (arg == "--list-params") {
            return ListParams();
        } else if (arg == "--list-presets") {
            for (const sim::FlipPreset& p : sim::FlipPresets())
                std::printf("%s\n  settings: %s%s%s\n  why: %s\n", p.name, p.settings, *p.schedule ? "\n  schedule: " : "",
                            p.schedule, p.why);
            return 0;
        } else if (arg == "--list-assumptions") {
            for (const sim::Assumption& x : sim::Assumptions())
                std::printf("[%s] %s (%s; slider %s)\n", x.group, x.rule, x.source, x.param);
            return 0;
        } else if (arg == "--list-omissions") {
            for (const char* o : sim::Omissions()) std::printf("- %s\n", o);
            return 0;
        } else if (!value(&v)) {
            return Fail(std::string(arg) + ": unknown option or missing value\n" + Usage);
        } else if (arg == "--scenario") {
            sim::ScenarioKind kind;
            if (v == "both") {
                options.scenarios = {sim::ScenarioKind::Mobilized, sim::ScenarioKind::Integrated};
            } else if (sim::ParseScenario(v, &kind)) {
                options.scenarios = {kind};
            } else {
                return Fail("scenario=" + std::string(v) + ": expected mobilized, integrated or both");
            }
        } else if (arg == "--seed") {
            if (!sim::ParseInteger("seed", v, 0, 1LL << 62, &options.seed, &error)) return Fail(error);
        } else if (arg == "--seeds") {
            if (!sim::ParseInteger("seeds", v, 1, 100000, &options.seeds, &error)) return Fail(error);
        } else if (arg == "--months") {
            if (!sim::ParseInteger("months", v, 0, 10000, &options.months, &error)) return Fail(error);
        } else if (arg == "--set") {
            sim::Settings probe;
            if (!sim::ApplyAssignment(probe, v, &error)) return Fail(error);
            options.assignments.emplace_back(v);
        } else if (arg == "--preset") {
            options.preset = sim::FindPreset(v);
            if (!options.preset) return Fail("preset=" + std::string(v) + ": unknown preset (see --list-presets)");
        } else if (arg == "--intervene") {
            sim::ScheduledIntervention s;
            if (!sim::ParseScheduledIntervention(v, &s, &error)) return Fail(error);
            options.schedule.push_back(s);
        } else if (arg == "--sweep") {
            if (!sim::ParseSweep(v, &options.sweep, &error)) return Fail(error);
        } else if (arg == "--format") {
            if (v != "csv" && v != "json") return Fail("format=" + std::string(v) + ": expected csv or json");
            options.json = v == "json";
        } else {
            return Fail(std::string(arg) + ": unknown option\n" + Usage);
        }
    }

    if (options.sweep.param) {
        if (options.preset || !options.schedule.empty() || options.scenarios.size() != 2)
            return Fail("--sweep runs both scenarios with no preset or intervention");
        sim::Settings base;
        for (const std::string& assignment : options.assignments)
            if (!sim::ApplyAssignment(base, assignment, &error)) return Fail(error);
        if (const std::string problem = sim::ValidateSettings(base); !problem.empty()) return Fail(problem);
        options.sweep.seeds = options.seeds > 0 ? static_cast<int>(options.seeds) : 20;
        options.sweep.months = static_cast<int>(options.months);
        options.sweep.first_seed = static_cast<uint64_t>(options.seed);
        return RunSweepCommand(base, options.sweep, options.json);
    }
    if (options.json) std::printf("[");
    else if (options.seeds > 0) std::printf("scenario,month,metric,p10,p50,p90,seeds\n");
    else PrintRunCsvHeader();
    bool first = true;
    for (sim::ScenarioKind kind : options.scenarios) {
        sim::Settings settings = sim::ScenarioSettings(kind);
        std::vector<sim::ScheduledIntervention> schedule = options.schedule;
        if (options.preset && !sim::ApplyPreset(*options.preset, kind, &settings, &schedule, &error)) return Fail(error);
        // --set comes last so it overrides the scenario's strategy and any preset.
        for (const std::string& assignment : options.assignments)
            if (!sim::ApplyAssignment(settings, assignment, &error)) return Fail(error);
        if (const std::string problem = sim::ValidateSettings(settings); !problem.empty()) return Fail(problem);
        const int months = static_cast<int>(options.months);
        if (options.seeds > 0) {
            sim::Ensemble ensemble(settings, schedule, static_cast<int>(options.seeds), months,
                                   static_cast<uint64_t>(options.seed));
            while (!ensemble.Advance(1 << 20)) {
            }
            PrintBands(kind, ensemble, options.json, first);
        } else {
            sim::Model model(settings, static_cast<uint64_t>(options.seed));
            const std::vector<sim::Metrics> rows = sim::RunMonths(model, schedule, months);
            PrintRun(kind, static_cast<uint64_t>(options.seed), rows, model.StateHash(), options.json, first);
        }
        first = false;
    }
    if (options.json) std::printf("]\n");
    return 0;
}
