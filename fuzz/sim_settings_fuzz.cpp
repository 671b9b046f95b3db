// Fuzz entry for the simulation's text parsers (name=value settings, integers, scenarios, scheduled interventions,
// preset names) and for running a small model on whatever they accept; knows no CLI and no slider.
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/targets.h"
#include "sim/model.h"
#include "sim/scenario.h"
#include "sim/settings.h"

namespace essay_fuzz {
namespace {

// ApplyAssignment promises to check the range; ValidateSettings' own range test is the reference.
void CheckInRange(const sim::Settings& s) {
    for (const sim::ParamInfo& p : sim::ParamTable()) {
        const double v = sim::GetParam(s, p);
        FuzzCheck(v >= p.min && v <= p.max, "an accepted assignment is within its parameter's range");
    }
}

// "assignments|schedule": the part before the first '|' is a settings list, the rest space-separated interventions.
std::vector<sim::ScheduledIntervention> ParseSchedule(std::string_view text) {
    std::vector<sim::ScheduledIntervention> schedule;
    while (!text.empty()) {
        const size_t space = text.find(' ');
        sim::ScheduledIntervention s;
        if (sim::ParseScheduledIntervention(text.substr(0, space), &s, nullptr)) schedule.push_back(s);
        if (space == std::string_view::npos) break;
        text.remove_prefix(space + 1);
    }
    return schedule;
}

// Anything the parsers accept must run. Only small worlds, so one input stays well under a millisecond budget: size
// is a load question for bench/, not a parsing one.
void RunSmallModel(const sim::Settings& settings, const std::vector<sim::ScheduledIntervention>& schedule) {
    if (!sim::ValidateSettings(settings).empty()) return;
    if (settings.residents > 60 || settings.organizers > 6 || settings.list_init > 200) return;
    constexpr int Weeks = 3 * sim::WeeksPerMonth;
    sim::Model a(settings, 7);
    sim::Model b(settings, 7);
    for (int week = 0; week < Weeks; ++week) {
        sim::ApplyDue(a, schedule);
        a.Step();
        sim::ApplyDue(b, schedule);
        b.Step();
    }
    FuzzCheck(a.StateHash() == b.StateHash(), "the same settings and seed give the same state");
}

}  // namespace

int FuzzSimSettings(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string error;

    sim::Settings one;
    if (sim::ApplyAssignment(one, text, &error)) {
        CheckInRange(one);
    } else {
        FuzzCheck(one == sim::Settings{}, "a rejected assignment leaves the settings unchanged");
        FuzzCheck(!error.empty(), "a rejected assignment says why");
    }

    long long integer = 0;
    error.clear();
    if (sim::ParseInteger("fuzz", text, -1000, 1000, &integer, &error))
        FuzzCheck(integer >= -1000 && integer <= 1000, "an accepted integer is within its range");
    else
        FuzzCheck(!error.empty(), "a rejected integer says why");

    sim::ScenarioKind kind;
    if (sim::ParseScenario(text, &kind))
        FuzzCheck(text == sim::ScenarioName(kind), "only a scenario's own name parses as it");

    sim::ScheduledIntervention scheduled;
    error.clear();
    if (sim::ParseScheduledIntervention(text, &scheduled, &error))
        FuzzCheck(scheduled.tick >= 0 && scheduled.tick % sim::WeeksPerMonth == 0, "an intervention starts a month");
    else
        FuzzCheck(!error.empty(), "a rejected intervention says why");

    if (const sim::FlipPreset* preset = sim::FindPreset(text)) {
        for (sim::ScenarioKind panel : {sim::ScenarioKind::Mobilized, sim::ScenarioKind::Integrated}) {
            sim::Settings settings = sim::ScenarioSettings(panel);
            std::vector<sim::ScheduledIntervention> schedule;
            FuzzCheck(sim::ApplyPreset(*preset, panel, &settings, &schedule, &error), "every preset applies");
        }
    }

    const size_t bar = text.find('|');
    sim::Settings many;
    error.clear();
    if (sim::ApplyAssignments(many, text.substr(0, bar), &error)) {
        CheckInRange(many);
        RunSmallModel(many, bar == std::string_view::npos ? std::vector<sim::ScheduledIntervention>{}
                                                          : ParseSchedule(text.substr(bar + 1)));
    } else {
        FuzzCheck(!error.empty(), "a rejected settings list says why");
    }
    return 0;
}

}  // namespace essay_fuzz
