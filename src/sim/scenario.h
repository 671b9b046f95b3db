// The two scenarios (Mobilized, Integrated), interventions on a schedule, the side-by-side Comparison, and the
// honesty data views show: flip presets, the assumptions list and what the model leaves out. Knows no rendering.
//
// Ownership: Comparison owns its two Models by value (copy it to snapshot both panels). FlipPresets(),
// Assumptions() and Omissions() return views of static data valid for the program's life.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model.h"
#include "sim/settings.h"

namespace sim {

enum class ScenarioKind { Mobilized, Integrated };
const char* ScenarioName(ScenarioKind kind);
bool ParseScenario(std::string_view text, ScenarioKind* out_kind);

// The strategy vector is the only difference between the scenarios (design principle 1; test B1).
struct Strategy {
    double relational_share = 0.1;
    bool aid_conditional = true;
};
Strategy ScenarioStrategy(ScenarioKind kind);
Settings WithStrategy(Settings settings, const Strategy& strategy);
Settings ScenarioSettings(ScenarioKind kind, const Settings& base = {});

// The figure's caption, written from the two panels' settings (the mobilized panel's, the integrated one's) so it is
// true in every state the figure can reach: which settings differ and their values on each side, by the panels'
// names, or that none does.
std::string FigureCaption(const Settings& left, const Settings& right);

// A share of 0 to 1 as a whole percent, "25%"; in tenths, "0.3%", for one above 0 that would round to "0%". Every
// share the figure and its captions print goes through it.
std::string Percent(double share);
// Whether a share is above 0 but rounds to "0%", so that Percent gives it in tenths.
bool UnderWholePercent(double share);

// An intervention applied just before the weekly tick numbered `tick` runs.
struct ScheduledIntervention {
    int32_t tick = 0;
    Intervention what;
    bool operator==(const ScheduledIntervention&) const = default;
};
// Applies every scheduled intervention whose tick is the model's current tick, in schedule order.
void ApplyDue(Model& model, std::span<const ScheduledIntervention> schedule);
// The interventions a schedule, the CLI and the figure's links name, by one vocabulary: remove-organizers, protest,
// strike, divisive-issue, aid-conditional, aid-unconditional. Empty optional / nullptr for anything else (advancing
// time and removing residents have no name: they are not a reader's act on the neighborhood).
std::optional<Intervention> InterventionByName(std::string_view name);
const char* InterventionName(const Intervention& intervention);
// Parses "NAME@MONTH", NAME as above; MONTH counts WeeksPerMonth-week months from the start. Reports errors naming
// the input.
bool ParseScheduledIntervention(std::string_view text, ScheduledIntervention* out, std::string* out_error);
// Appends each of `text`'s space-separated "NAME@MONTH" items to `out`, in order; false with the first item's error.
bool ParseSchedule(std::string_view text, std::vector<ScheduledIntervention>* out, std::string* out_error);

// Both panels: the same population, positions and random draws, different strategy. Interventions go to both.
struct Comparison {
    Model mobilized;
    Model integrated;

    Comparison() = default;
    Comparison(const Settings& base, uint64_t seed);
    void Step();
    void Apply(const Intervention& intervention);
    Model& Panel(ScenarioKind kind) { return kind == ScenarioKind::Mobilized ? mobilized : integrated; }
    const Model& Panel(ScenarioKind kind) const {
        return kind == ScenarioKind::Mobilized ? mobilized : integrated;
    }
};

// A one-click preset that flips (or tests) a result, with one sentence saying why.
enum class PresetTarget { Both, Mobilized, Integrated };
struct FlipPreset {
    const char* name;
    PresetTarget target;   // which panel's settings the assignments change
    const char* settings;  // assignments for ApplyAssignments(), e.g. "alpha=0.02"
    const char* schedule;  // interventions for ParseScheduledIntervention(), space-separated, may be empty
    const char* why;       // one sentence: why it flips
};
std::span<const FlipPreset> FlipPresets();
const FlipPreset* FindPreset(std::string_view name);
// Applies a preset to one panel's settings and appends its schedule. Returns false with a message on failure.
bool ApplyPreset(const FlipPreset& preset, ScenarioKind panel, Settings* settings,
                 std::vector<ScheduledIntervention>* schedule, std::string* out_error);

// One rule of the model in one sentence, with its source and the parameter (slider) it maps to.
struct Assumption {
    const char* group;
    const char* rule;
    const char* source;
    const char* param;  // a ParamTable() name; its range is the slider's
};
std::span<const Assumption> Assumptions();

// What the model leaves out, one line each.
std::span<const char* const> Omissions();

}  // namespace sim
