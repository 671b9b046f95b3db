// The reader's simulation lab: frame time to weekly steps, presets, interventions on both panels, the monthly
// history and the incremental ensembles. Knows no ImGui, clock or browser.
#include "app/simulation.h"

#include "app/json.h"
#include "doc/document.h"
#include "sim/claims.h"
#include "sim/seed_job.h"

#include <algorithm>
#include <functional>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace app {

namespace {

constexpr int FastForwardMonths = 18;   // where the objections' tests show their result
constexpr int FlipPresetMonths = 30;    // the horizon the flip presets' sentences speak about
constexpr int StrikeFollowUpWeeks = 12; // after a strike, three months for the probe to measure what it left

const char* const ContentPresets[] = {"remove-organizers", "aid-policy", "burnout", "strike-repression"};

int Month(const SimLab& lab) { return Week(lab) / sim::WeeksPerMonth; }

std::string NowLabel(const SimLab& lab) { return TimeLabel(Week(lab)); } // "Month 40", as the figure says it

void NoteCalls(SimLab& lab) {
    for (int k = 0; k < PanelCount; ++k) {
        const size_t calls = lab.comparison.Panel(PanelKind(k)).calls().size();
        if (calls > lab.calls_seen[k])
            lab.call_age[k] = 0.0f;
        lab.calls_seen[k] = calls;
    }
}

// The ensemble replays the preset's schedule and everything the reader did, in tick order, over seeds 1 to
// EnsembleSeeds (the reader's own among them where it is one of those).
void RestartEnsembles(SimLab& lab) {
    std::vector<sim::ScheduledIntervention> all = lab.schedule;
    all.insert(all.end(), lab.done.begin(), lab.done.end());
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.tick < b.tick; });
    for (int k = 0; k < PanelCount; ++k)
        lab.ensemble[k] =
            sim::Ensemble(lab.panel_settings[k], all, EnsembleSeeds, lab.horizon_months, 1, EnsembleMetrics);
    ++lab.ensemble_generation;
    lab.workers_failed = false;
    lab.ensemble_hash.clear();
}

void MeasureMonth(SimLab& lab) {
    for (int k = 0; k < PanelCount; ++k) {
        const sim::Model& model = lab.comparison.Panel(PanelKind(k));
        lab.history[k].push_back(sim::Measure(model, model.tick() - sim::WeeksPerMonth));
    }
}

// A "Test this" preset from the objections: settings first (before the reset), then what happens after it.
void ConfigureContentPreset(SimLab& lab, std::string_view id) {
    if (id == "aid-policy") {
        // Only the aid policy differs: both panels spend the integrated share of hours on relationships.
        const double share = sim::ScenarioStrategy(sim::ScenarioKind::Integrated).relational_share;
        lab.panel_settings[0] = sim::WithStrategy(lab.panel_settings[0], {share, true});
        lab.panel_settings[1] = sim::WithStrategy(lab.panel_settings[1], {share, false});
        lab.titles = {"Conditional aid", "Unconditional aid"};
    }
}

void RunContentPreset(SimLab& lab, std::string_view id) {
    if (id == "remove-organizers") {
        AdvanceWeeks(lab, FastForwardMonths * sim::WeeksPerMonth);
        Intervene(lab, {sim::InterventionKind::RemoveOrganizers, 0});
        Intervene(lab, {sim::InterventionKind::CallProtest, 0});
        lab.summary = "Month 18: the organizers left both neighborhoods and a protest was called without them: " +
                      sim::Percent(LastTurnout(lab, 0)) + " of the mobilized and " + sim::Percent(LastTurnout(lab, 1)) +
                      " of the integrated residents came.";
    } else if (id == "aid-policy") {
        AdvanceWeeks(lab, FastForwardMonths * sim::WeeksPerMonth);
        lab.summary = "Month 18: both panels spent the same hours on relationships; only the aid policy differs, as "
                      "the panels’ names say.";
    } else if (id == "burnout") {
        AdvanceWeeks(lab, 24 * sim::WeeksPerMonth);
        const sim::Metrics* m = Latest(lab, 0);
        const sim::Metrics* i = Latest(lab, 1);
        auto count = [](const sim::Metrics* x, sim::Metric metric) { return std::to_string(int((*x)[metric])); };
        lab.summary = "Month 24, mobilized: " + count(m, sim::Metric::OrganizerBurnouts) + " organizer burnouts, " +
                      count(m, sim::Metric::Exhausted) + " exhausted residents; integrated: " +
                      count(i, sim::Metric::OrganizerBurnouts) + " and " + count(i, sim::Metric::Exhausted) + ". " +
                      sim::BurnoutCallsSentence;
    } else if (id == "strike-repression") {
        AdvanceWeeks(lab, FastForwardMonths * sim::WeeksPerMonth);
        // The objection's strongest case (content.md rule 4): picket captains emerge. The test runs the case
        // without them on a copy, and the objection tab shows both side by side.
        TestStrikeObjection(lab, true);
    }
}

void EndStaleKnockout(SimLab& lab) {
    KnockoutPlay& play = lab.knockout;
    if (play.phase == KnockoutPhase::Idle)
        return;
    if (!(CurrentVersion(lab) == play.version))
        play = {};
}

// The link name of an intervention the reader made, or nullptr for one a link cannot name.
} // namespace

sim::ScenarioKind PanelKind(int panel) { return panel == 0 ? sim::ScenarioKind::Mobilized : sim::ScenarioKind::Integrated; }

void ResetSim(SimLab& lab) {
    lab.titles = {"Mobilized", "Integrated"};
    lab.schedule.clear();
    lab.done.clear();
    for (int k = 0; k < PanelCount; ++k) {
        lab.panel_settings[k] = sim::ScenarioSettings(PanelKind(k), lab.base);
        if (lab.preset != nullptr) {
            // The schedule is shared by both panels: take it once.
            std::vector<sim::ScheduledIntervention> scratch;
            std::string error;
            sim::ApplyPreset(*lab.preset, PanelKind(k), &lab.panel_settings[k], k == 0 ? &lab.schedule : &scratch,
                             &error);
        }
    }
    ConfigureContentPreset(lab, lab.content_preset);
    lab.comparison.mobilized = sim::Model(lab.panel_settings[0], lab.seed);
    lab.comparison.integrated = sim::Model(lab.panel_settings[1], lab.seed);
    lab.initialized = true;
    lab.accumulator = 0.0;
    lab.horizon_months = DefaultHorizonMonths;
    lab.call_age = {CallAnimationSeconds, CallAnimationSeconds};
    lab.calls_seen = {};
    lab.strike_test = {};
    lab.knockout = {};
    lab.reader_acts_from = 0;
    lab.moves.clear();
    lab.guide_step = 0;
    lab.guide_caption.clear();
    for (auto& h : lab.history)
        h.clear();
    MeasureMonth(lab);
    RestartEnsembles(lab);
    lab.summary = "Month 0: two neighborhoods with the same people in the same homes. " +
                  sim::FigureCaption(lab.panel_settings[0], lab.panel_settings[1]);
}

void EnsureSim(SimLab& lab) {
    if (!lab.initialized)
        ResetSim(lab);
}

namespace {
// No preset, intervention or slider move has been applied to the panels since they were built.
bool NothingApplied(const SimLab& lab) {
    return lab.done.empty() && lab.moves.empty() && lab.preset == nullptr && lab.content_preset.empty();
}

// The status under the controls, where nothing has been done yet, says what the controls do: the figure's title and
// caption are over the maps (and in FigureDescription for screen readers). Said again here, with the flip scale's
// sentence and "Reset starts them over from month 0.", it read as a debug message to all six of stop 73's fresh
// readers; "Month 30, where one run of each strategy has brought the same residents." was a riddle to all three of
// stop 74's first (411, 412, 413).
const char* const EachButtonSentence = "Each button above acts on both neighborhoods at once.";
std::string RestingSummary(const SimLab& lab) { return NowLabel(lab) + ". " + EachButtonSentence; }

// Nothing but the opening has moved the figure since it was built: it is at `week`, and the reader has acted on none
// of it.
bool Untouched(const SimLab& lab, int week) {
    return Week(lab) == week && NothingApplied(lab) && lab.guide_step == 0 && !lab.playing &&
           lab.knockout.phase == KnockoutPhase::Idle;
}

void ContinueOpening(SimLab& lab, int weeks) {
    if (!Untouched(lab, lab.opening_reached)) {
        lab.opened = true; // the reader took over: the figure stays where it is
        return;
    }
    AdvanceWeeks(lab, std::min(weeks, lab.opening_weeks - Week(lab)));
    lab.opening_reached = Week(lab);
    if (Week(lab) < lab.opening_weeks)
        return;
    lab.opened = true;
    lab.summary = RestingSummary(lab);
}
} // namespace

void OpenFigure(SimLab& lab, bool at_once) {
    if (lab.opened || lab.opening_reached > 0)
        return; // over, or under way: AdvanceSim carries it on
    EnsureSim(lab);
    if (lab.opening_weeks <= 0 || !Untouched(lab, 0)) {
        lab.opened = true;
        return;
    }
    ContinueOpening(lab, at_once ? lab.opening_weeks : OpeningWeeksPerFrame);
}

void StepWeek(SimLab& lab) {
    EnsureSim(lab);
    for (int k = 0; k < PanelCount; ++k)
        sim::ApplyDue(lab.comparison.Panel(PanelKind(k)), lab.schedule);
    lab.comparison.Step();
    NoteCalls(lab);
    if (Week(lab) % sim::WeeksPerMonth == 0)
        MeasureMonth(lab);
    if (Month(lab) > lab.horizon_months) {
        // The reader ran past the charts' end: extend them by a year; the ensemble starts over for the new length.
        lab.horizon_months += 12;
        RestartEnsembles(lab);
    }
}

void AdvanceWeeks(SimLab& lab, int weeks) {
    for (int w = 0; w < weeks; ++w) {
        // A jump shows only a call of its last week: one from earlier in it would flash up as if it were news.
        if (weeks > 1)
            lab.call_age = {CallAnimationSeconds, CallAnimationSeconds};
        StepWeek(lab);
    }
}

void AdvanceSim(SimLab& lab, float dt) {
    EnsureSim(lab);
    if (!lab.opened && lab.opening_reached > 0)
        ContinueOpening(lab, OpeningWeeksPerFrame);
    for (float& age : lab.call_age)
        age = std::min(CallAnimationSeconds, age + dt);
    EndStaleKnockout(lab);
    if (lab.knockout.phase == KnockoutPhase::Running) {
        lab.knockout.elapsed += dt;
        if (lab.knockout.elapsed >= KnockoutSeconds)
            lab.knockout.phase = KnockoutPhase::Done;
    }
    if (lab.playing) {
        lab.accumulator += double(dt) * double(lab.weeks_per_second);
        // A frame that stalled (a background tab) must not owe dozens of weeks at once.
        lab.accumulator = std::min(lab.accumulator, 4.0);
        // The tolerance absorbs rounding in the sum of many small dt, so 60 × 1/60 s is a whole second everywhere.
        constexpr double Tolerance = 1e-6;
        while (lab.accumulator >= 1.0 - Tolerance) {
            StepWeek(lab);
            lab.accumulator = std::max(0.0, lab.accumulator - 1.0);
        }
    }
}

namespace {
bool EnsemblesDone(const SimLab& lab) { return lab.ensemble[0].Done() && lab.ensemble[1].Done(); }

// Once both ensembles are done: their rows' hash, which says the same ensemble came out whoever ran its seeds.
void NoteEnsemblesDone(SimLab& lab) {
    if (!lab.ensemble_hash.empty() || !EnsemblesDone(lab))
        return;
    char hex[40];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", (unsigned long long)lab.ensemble[0].RowsHash(),
                  (unsigned long long)lab.ensemble[1].RowsHash());
    lab.ensemble_hash = hex;
}
} // namespace

int AdvanceEnsembles(SimLab& lab, int max_ticks, int workers) {
    if (!lab.initialized)
        return 0;
    long long ran = 0;
    const bool start_new = workers <= 0 || lab.workers_failed;
    if (lab.ensemble_wanted)
        for (sim::Ensemble& e : lab.ensemble)
            if (!e.Done()) {
                const long long before = e.TicksRun();
                e.Advance(max_ticks, start_new);
                ran += e.TicksRun() - before;
            }
    NoteEnsemblesDone(lab);
    if (ran > 0 || !lab.sweep_wanted)
        return int(ran);
    if (lab.ensemble_wanted && !EnsemblesDone(lab))
        return 0; // the workers' seeds are not all back: the sweep waits for the charts' bands, as it does here
    if (CurrentSweep(lab) == nullptr)
        lab.sweep = sim::Sweep(lab.base, SweepSpecForLab());
    if (lab.sweep.Done())
        return 0;
    lab.sweep.Advance(max_ticks);
    return max_ticks; // a sweep's slice runs every tick it is given, but for its very last
}

bool TakeEnsembleJob(SimLab& lab, EnsembleJob* out) {
    if (!lab.initialized || !lab.ensemble_wanted || lab.workers_failed)
        return false;
    for (int k = 0; k < PanelCount; ++k) {
        const int seed = lab.ensemble[k].Claim();
        if (seed < 0)
            continue;
        *out = {lab.ensemble_generation, k, seed, sim::EncodeSeedJob(lab.ensemble[k].Job(seed))};
        return true;
    }
    return false;
}

bool FinishEnsembleJob(SimLab& lab, int generation, int panel, int seed, std::span<const uint8_t> rows) {
    if (generation != lab.ensemble_generation || panel < 0 || panel >= PanelCount)
        return true; // the ensembles were restarted since: nothing waits for these rows
    sim::Ensemble& e = lab.ensemble[panel];
    std::vector<sim::Metrics> decoded;
    if (!rows.empty() && sim::DecodeRows(rows, e.Months(), &decoded, nullptr) && e.Deliver(seed, std::move(decoded))) {
        NoteEnsemblesDone(lab);
        return true;
    }
    e.Release(seed);
    lab.workers_failed = true;
    return false;
}

sim::SweepSpec SweepSpecForLab() {
    sim::SweepSpec spec;
    spec.param = sim::FindParam("lambda_weak");
    spec.from = 0.0;
    spec.to = 0.04;
    spec.step = 0.005;
    spec.seeds = EnsembleSeeds;
    spec.months = DefaultHorizonMonths;
    return spec;
}

const sim::Sweep* CurrentSweep(const SimLab& lab) {
    return lab.sweep.Points() > 0 && lab.sweep.base() == lab.base ? &lab.sweep : nullptr;
}

int EnsembleTicksFor(const EnsemblePace& pace, double budget_ms) {
    constexpr int MaxTicks = 1024;
    constexpr double FirstGuessMsPerTick = 0.25; // before any measurement: a small first slice on any machine
    const double ms_per_tick = pace.ms_per_tick > 0.0 ? pace.ms_per_tick : FirstGuessMsPerTick;
    const double ticks = budget_ms / ms_per_tick;
    if (!(ticks >= 1.0)) // also NaN: converting it to int would be undefined
        return 1;
    return ticks >= MaxTicks ? MaxTicks : int(ticks);
}

void MeasureEnsembleSlice(EnsemblePace& pace, int ticks, double elapsed_ms) {
    if (ticks <= 0 || !(elapsed_ms >= 0.0) || elapsed_ms > 1e4)
        return; // not a measurement (a clock step, a suspended tab): keep the estimate
    const double sample = std::max(elapsed_ms / ticks, 1e-4);
    // Months with probes cost more than plain weeks: a moving average keeps one month from swinging the budget.
    pace.ms_per_tick = pace.ms_per_tick > 0.0 ? 0.7 * pace.ms_per_tick + 0.3 * sample : sample;
}

void Intervene(SimLab& lab, const sim::Intervention& intervention) {
    EnsureSim(lab);
    if (intervention.kind == sim::InterventionKind::AdvanceWeeks) {
        AdvanceWeeks(lab, intervention.value);
        lab.summary = NowLabel(lab) + ": " + std::to_string(intervention.value / sim::WeeksPerMonth) +
                      " months passed in both neighborhoods.";
        return;
    }
    lab.comparison.Apply(intervention);
    lab.done.push_back({Week(lab), intervention});
    NoteCalls(lab);
    RestartEnsembles(lab);
    std::string what;
    switch (intervention.kind) {
    case sim::InterventionKind::RemoveOrganizers: what = "the organizers left both neighborhoods."; break;
    case sim::InterventionKind::CallProtest:
        what = "a protest was called in both neighborhoods: " + sim::Percent(LastTurnout(lab, 0)) + " (" + lab.titles[0] +
               ") and " + sim::Percent(LastTurnout(lab, 1)) + " (" + lab.titles[1] + ") of the residents came.";
        break;
    case sim::InterventionKind::CallStrike: what = "a strike under repression began in both neighborhoods."; break;
    case sim::InterventionKind::SetAidPolicy:
        what = intervention.value != 0 ? "aid is now conditional on membership in both neighborhoods."
                                       : "aid is now unconditional in both neighborhoods.";
        break;
    case sim::InterventionKind::DivisiveIssue: what = "a divisive issue came up in both neighborhoods."; break;
    case sim::InterventionKind::RemoveResidents:
        what = std::to_string(intervention.value) + " random residents left both neighborhoods.";
        break;
    case sim::InterventionKind::AdvanceWeeks: break;
    }
    lab.summary = NowLabel(lab) + ": " + what;
}

void SetSeed(SimLab& lab, uint64_t seed) {
    lab.seed = std::max<uint64_t>(1, seed);
    ResetSim(lab);
}

void SetSpeed(SimLab& lab, float weeks_per_second) {
    lab.weeks_per_second = std::clamp(weeks_per_second, MinWeeksPerSecond, MaxWeeksPerSecond);
}

void SetBaseSettings(SimLab& lab, const sim::Settings& settings) {
    if (!sim::ValidateSettings(settings).empty())
        return;
    const sim::Settings before = lab.base;
    lab.base = settings;
    bool structural = false;
    for (const sim::ParamInfo& p : sim::ParamTable())
        if (p.group == sim::ParamGroup::World && sim::GetParam(before, p) != sim::GetParam(settings, p))
            structural = true;
    if (structural || !lab.initialized) {
        ResetSim(lab);
        return;
    }
    // Live: every changed parameter goes to both panels; the strategy and whatever presets set stay as they are.
    // A move during the run is remembered for links (a drag is one move: it updates the last one in place).
    if (Week(lab) > 0)
        for (const sim::ParamInfo& p : sim::ParamTable()) {
            const double value = sim::GetParam(settings, p), previous = sim::GetParam(before, p);
            if (value == previous)
                continue;
            SimLab::SliderMove* last = lab.moves.empty() ? nullptr : &lab.moves.back();
            if (last != nullptr && last->tick == Week(lab) && last->param == p.name && last->done_before == lab.done.size())
                last->value = value;
            else
                lab.moves.push_back({Week(lab), p.name, value, previous, lab.done.size()});
        }
    for (int k = 0; k < PanelCount; ++k) {
        sim::Model& model = lab.comparison.Panel(PanelKind(k));
        sim::Settings live = model.settings();
        for (const sim::ParamInfo& p : sim::ParamTable()) {
            const double value = sim::GetParam(settings, p);
            if (sim::GetParam(before, p) != value) {
                sim::SetParam(live, p, value);
                sim::SetParam(lab.panel_settings[k], p, value);
            }
        }
        model.SetSettings(live);
    }
    RestartEnsembles(lab);
}

std::string PresetSlug(std::string_view name) {
    std::string slug;
    for (const char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            slug += char(std::tolower(static_cast<unsigned char>(c)));
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug;
}

bool ApplyPreset(SimLab& lab, std::string_view preset_id) {
    if (preset_id == "none") {
        lab.preset = nullptr;
        lab.content_preset.clear();
        ResetSim(lab);
        return true;
    }
    for (const char* id : ContentPresets)
        if (preset_id == id) {
            lab.preset = nullptr;
            lab.content_preset = id;
            lab.playing = false;
            ResetSim(lab);
            RunContentPreset(lab, id);
            lab.reader_acts_from = lab.done.size();
            return true;
        }
    for (const sim::FlipPreset& p : sim::FlipPresets())
        if (preset_id == p.name || preset_id == PresetSlug(p.name)) {
            lab.preset = &p;
            lab.content_preset.clear();
            lab.playing = false;
            ResetSim(lab);
            AdvanceWeeks(lab, FlipPresetMonths * sim::WeeksPerMonth);
            lab.reader_acts_from = lab.done.size();
            lab.summary = "Month 30 with the preset “" + std::string(p.name) + "”. " + p.why;
            return true;
        }
    return false;
}

void TestStrikeObjection(SimLab& lab, bool leaders_emerge) {
    EnsureSim(lab);
    // The strike of the two flip presets ("Minnesota…" and "Strike, no leaders emerge"), here in both panels.
    auto strike_settings = [](sim::Model& model, bool captains) {
        const sim::FlipPreset* source =
            sim::FindPreset(captains ? "Minnesota: big strike, leaders emerge" : "Strike, no leaders emerge");
        sim::Settings live = model.settings();
        std::string error;
        if (source != nullptr)
            sim::ApplyAssignments(live, source->settings, &error);
        model.SetSettings(live);
        return live;
    };
    auto measure_after = [](StrikeTest& test, int case_index, const sim::Comparison& c) {
        for (int k = 0; k < PanelCount; ++k) {
            const sim::Model& model = c.Panel(PanelKind(k));
            const sim::Metrics m = sim::Measure(model, model.tick());
            test.ratio_after[size_t(case_index)][size_t(k)] = sim::ProbeKnockout(model).ratio;
            test.strength_after[size_t(case_index)][size_t(k)] = m[sim::Metric::MeanTieStrength];
            test.leaders_after[size_t(case_index)][size_t(k)] = int(m[sim::Metric::Leaders]);
        }
    };
    StrikeTest test;
    test.ran = true;
    test.leaders_emerge = leaders_emerge;
    test.week = Week(lab);
    // The case the panels do not show, on a copy of this state: the same strike, the same weeks.
    sim::Comparison other = lab.comparison;
    for (int k = 0; k < PanelCount; ++k)
        strike_settings(other.Panel(PanelKind(k)), !leaders_emerge);
    other.Apply({sim::InterventionKind::CallStrike, 0});
    for (int w = 0; w < StrikeFollowUpWeeks; ++w) {
        for (int k = 0; k < PanelCount; ++k)
            sim::ApplyDue(other.Panel(PanelKind(k)), lab.schedule);
        other.Step();
    }
    measure_after(test, leaders_emerge ? 0 : 1, other);

    for (int k = 0; k < PanelCount; ++k) {
        sim::Model& model = lab.comparison.Panel(PanelKind(k));
        lab.panel_settings[k] = strike_settings(model, leaders_emerge);
        const sim::Metrics m = sim::Measure(model, model.tick());
        test.ratio_before[k] = sim::ProbeKnockout(model).ratio;
        test.strength_before[k] = m[sim::Metric::MeanTieStrength];
        test.leaders_before[k] = int(m[sim::Metric::Leaders]);
    }
    Intervene(lab, {sim::InterventionKind::CallStrike, 0});
    AdvanceWeeks(lab, StrikeFollowUpWeeks);
    measure_after(test, leaders_emerge ? 1 : 0, lab.comparison);
    lab.strike_test = test;
    char buffer[320];
    std::snprintf(buffer, sizeof buffer,
                  "%s, three months after a strike: turnout without the organizers ÷ with them is %.2f "
                  "(mobilized) and %.2f (integrated) with picket captains, %.2f and %.2f without; before it, %.2f "
                  "and %.2f.",
                  NowLabel(lab).c_str(), test.ratio_after[1][0], test.ratio_after[1][1], test.ratio_after[0][0],
                  test.ratio_after[0][1], test.ratio_before[0], test.ratio_before[1]);
    lab.summary = buffer;
}

int Week(const SimLab& lab) { return lab.initialized ? int(lab.comparison.mobilized.tick()) : 0; }

std::string TimeLabel(int week) {
    const int month = week / sim::WeeksPerMonth, weeks = week % sim::WeeksPerMonth;
    std::string label = "Month " + std::to_string(month);
    if (weeks > 0)
        label += " + " + std::to_string(weeks) + (weeks == 1 ? " week" : " weeks");
    return label;
}

PanelsVersion CurrentVersion(const SimLab& lab) { return {Week(lab), lab.ensemble_generation}; }

const std::array<sim::DrawnCounts, PanelCount>& DrawnNow(const SimLab& lab) {
    SimLab::DrawnMemo& memo = lab.drawn_memo;
    if (memo.version != CurrentVersion(lab)) {
        for (int k = 0; k < PanelCount; ++k)
            memo.counts[size_t(k)] = sim::CountDrawn(lab.comparison.Panel(PanelKind(k)));
        memo.version = CurrentVersion(lab);
    }
    return memo.counts;
}

bool AtDefaults(const SimLab& lab) {
    if (!NothingApplied(lab))
        return false;
    for (int k = 0; k < PanelCount; ++k)
        if (!(lab.comparison.Panel(PanelKind(k)).settings() == sim::ScenarioSettings(PanelKind(k))))
            return false;
    return true;
}

bool OnGuideStep(const SimLab& lab) { return lab.guide_step > 0 && lab.guide_version == CurrentVersion(lab); }

bool EnsembleRunning(const SimLab& lab) {
    if (!lab.initialized)
        return false;
    if (lab.ensemble_wanted && !EnsemblesDone(lab))
        return true;
    const sim::Sweep* sweep = CurrentSweep(lab);
    return lab.sweep_wanted && (sweep == nullptr || !sweep->Done());
}

bool SimAnimating(const SimLab& lab) {
    if (!lab.initialized)
        return false;
    if (lab.playing || lab.knockout.phase == KnockoutPhase::Running || (!lab.opened && lab.opening_reached > 0))
        return true;
    for (const float age : lab.call_age)
        if (age < CallAnimationSeconds)
            return true;
    return false;
}

const sim::Metrics* Latest(const SimLab& lab, int panel) {
    const auto& h = lab.history[panel];
    return h.empty() ? nullptr : &h.back();
}

double LastTurnout(const SimLab& lab, int panel) {
    const auto& calls = lab.comparison.Panel(PanelKind(panel)).calls();
    return calls.empty() ? -1.0 : calls.back().turnout;
}

double EnsembleProgress(const SimLab& lab) {
    return 0.5 * (lab.ensemble[0].Progress() + lab.ensemble[1].Progress());
}

namespace {
// The charts' metrics (EnsembleMetrics) as the note names them, in the charts' order.
struct NamedMetric {
    sim::Metric metric;
    const char* name;
};
constexpr NamedMetric ChartedMetrics[] = {
    {sim::Metric::TurnoutPerCall, "turnout per call"}, {sim::Metric::TurnoutWithout, "turnout without organizers"},
    {sim::Metric::CloseTies, "close ties"},            {sim::Metric::Leaders, "leaders"},
    {sim::Metric::Exhausted, "exhausted residents"},   {sim::Metric::FriendComponent, "the largest group"}};

// The note names every metric the bands are measured for, once each, and no other (the views' charts draw the same
// ones: sim_charts.cpp asserts it against EnsembleMetrics too).
constexpr bool NamesEnsembleMetrics() {
    sim::MetricMask named = 0;
    for (const NamedMetric& m : ChartedMetrics) {
        const sim::MetricMask bit = sim::MaskOf({m.metric});
        if (named & bit)
            return false;
        named |= bit;
    }
    return named == EnsembleMetrics;
}
static_assert(NamesEnsembleMetrics(), "ChartedMetrics lists app::EnsembleMetrics, each once");

std::string JoinAnd(const std::vector<const char*>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += std::string(i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return out;
}
} // namespace

std::string RunAgainstBands(const SimLab& lab) {
    if (EnsembleProgress(lab) < 1.0)
        return {};
    std::string panels;
    int month = -1;
    for (int k = PanelCount - 1; k >= 0; --k) { // the integrated first, as the figure's title names them
        const std::vector<sim::Metrics>& run = lab.history[size_t(k)];
        const sim::Ensemble& seeds = lab.ensemble[size_t(k)];
        if (run.empty())
            continue;
        std::vector<const char*> above, below;
        // The run's latest month the bands reach (their months 0 to Months()): one band a metric, not every month's.
        const size_t at = std::min(run.size() - 1, size_t(std::max(0, seeds.Months())));
        month = int(at);
        for (const NamedMetric& m : ChartedMetrics) {
            const double value = run[at][m.metric];
            const sim::Band band = seeds.BandAt(m.metric, int(at));
            if (value != value || band.seeds == 0 || band.p10 != band.p10)
                continue; // no call that month, or no seed measured it
            if (value > band.p90)
                above.push_back(m.name);
            else if (value < band.p10)
                below.push_back(m.name);
        }
        std::string said = sim::ScenarioName(PanelKind(k));
        if (above.empty() && below.empty())
            said += " inside every band";
        if (!above.empty())
            said += " above the band in " + JoinAnd(above);
        if (!below.empty())
            said += std::string(above.empty() ? " below the band in " : ", below it in ") + JoinAnd(below);
        panels += (panels.empty() ? "" : "; ") + said;
    }
    if (month < 0)
        return {};
    return "This run at month " + std::to_string(month) + ": " + panels + ".";
}

int KnockoutRound(const KnockoutPlay& play) {
    if (play.phase == KnockoutPhase::Idle)
        return -1;
    if (play.phase == KnockoutPhase::Done)
        return play.rounds;
    if (play.elapsed < KnockoutHoldSeconds)
        return -1;
    const float per_round = (KnockoutSeconds - KnockoutHoldSeconds) / float(play.rounds + 1);
    return std::min(play.rounds, int((play.elapsed - KnockoutHoldSeconds) / per_round));
}

int KnockoutHeard(const KnockoutPlay& play, int panel, int round) {
    const std::vector<int16_t>& heard = play.heard_round[size_t(panel)];
    const size_t residents = std::min(heard.size(), play.probe[size_t(panel)].outcome.cascade.joined.size());
    int n = 0;
    for (size_t i = 0; i < residents && i < size_t(play.residents); ++i)
        n += heard[i] >= 0 && heard[i] <= round;
    return n;
}

int KnockoutCame(const KnockoutPlay& play, int panel, int round) {
    const sim::CascadeResult& c = play.probe[size_t(panel)].outcome.cascade;
    int n = 0;
    for (size_t i = 0; i < c.joined.size() && i < size_t(play.residents); ++i)
        n += c.joined[i] && c.generation[i] <= round;
    return n;
}

void StartKnockout(SimLab& lab, bool reduced_motion) {
    EnsureSim(lab);
    lab.playing = false;
    KnockoutPlay play;
    play.version = CurrentVersion(lab);
    play.phase = reduced_motion ? KnockoutPhase::Done : KnockoutPhase::Running;
    for (int k = 0; k < PanelCount; ++k) {
        const sim::Model& model = lab.comparison.Panel(PanelKind(k));
        play.residents = model.Residents();
        sim::MedianProbe& probe = play.probe[size_t(k)];
        probe = sim::MedianProbeDraw(model);
        play.exhausted[size_t(k)] = DrawnNow(lab)[size_t(k)].exhausted;
        play.rested[size_t(k)] = play.exhausted[size_t(k)] > 0 ? sim::MedianProbeDraw(model.Rested()).outcome.attendees
                                                               : probe.outcome.attendees;
        play.all_free[size_t(k)] = sim::ProbeStartersAllFree(model);
        // Word reaches a node one round after the first participant tied to it by a tie that carries awareness
        // (sim::RunCascade's rule); participants hear when they join.
        const sim::CascadeResult& c = probe.outcome.cascade;
        std::vector<int16_t>& heard = play.heard_round[size_t(k)];
        heard.assign(c.joined.size(), -1);
        const double w_info = model.settings().w_info;
        const auto& ties = model.network().Ties();
        for (size_t i = 0; i < c.joined.size(); ++i)
            if (c.joined[i])
                heard[i] = int16_t(std::min<int32_t>(c.generation[i], INT16_MAX));
        for (const sim::Tie& t : ties) {
            if (!t.alive || t.w < w_info)
                continue;
            for (const auto& [from, to] : {std::pair{t.a, t.b}, std::pair{t.b, t.a}}) {
                if (!c.joined[from] || c.joined[to])
                    continue;
                const int16_t round = int16_t(std::min<int32_t>(c.generation[from] + 1, INT16_MAX));
                if (heard[to] < 0 || round < heard[to])
                    heard[to] = round;
            }
        }
        for (size_t i = 0; i < heard.size() && i < size_t(play.residents); ++i)
            play.rounds = std::max(play.rounds, int(heard[i]));
        std::vector<KnockoutTeller>& told = play.told_by[size_t(k)];
        told.assign(c.joined.size(), KnockoutTeller{});
        for (const sim::Tie& t : ties) {
            if (!t.alive || t.w < w_info)
                continue;
            for (const auto& [from, to] : {std::pair{t.a, t.b}, std::pair{t.b, t.a}})
                if (c.joined[from] && heard[to] > c.generation[from] && t.w > told[to].weight)
                    told[to] = {from, t.w};
        }
    }
    lab.knockout = std::move(play);
    // The average first, as the title, the panels' shares and the chart of turnout without organizers give it; then
    // the range, and the median try the maps replay: a call either spreads or fizzles, so the two can be far apart
    // (36% and 57% of the integrated residents at seed 1's month 30, which fresh readers of stops 48 and 49 took for
    // the figure contradicting itself).
    std::string tries[PanelCount], average[PanelCount];
    for (int k = 0; k < PanelCount; ++k) {
        const std::vector<int32_t>& all = lab.knockout.probe[size_t(k)].attendees;
        const auto [least, most] = std::minmax_element(all.begin(), all.end());
        tries[k] = all.empty() ? std::string("none") : *least == *most ? std::to_string(*least) + " each time"
                                                     : "from " + std::to_string(*least) + " to " + std::to_string(*most);
        average[k] = sim::Percent(KnockoutMeanCame(lab.knockout, k) / std::max(1, lab.knockout.residents));
    }
    char buffer[480];
    std::snprintf(buffer, sizeof buffer,
                  "%s: if the organizers vanished today, a call would bring on average %s of the mobilized and %s of "
                  "the integrated residents, as the chart of turnout without organizers plots. Its %d calls brought %s "
                  "(mobilized) and %s (integrated); the maps replay the median call, which brought %d and %d of %d.",
                  NowLabel(lab).c_str(), average[0].c_str(), average[1].c_str(), sim::ProbeDraws, tries[0].c_str(),
                  tries[1].c_str(), lab.knockout.probe[0].outcome.attendees, lab.knockout.probe[1].outcome.attendees,
                  lab.knockout.residents);
    lab.summary = buffer;
    if (const std::string rested = KnockoutRestedNote(lab.knockout); !rested.empty())
        lab.summary += " " + rested;
    if (const std::string starter = KnockoutStarterNote(lab.knockout); !starter.empty())
        lab.summary += " " + starter;
}

SimLink CurrentSimLink(const SimLab& lab) {
    SimLink link;
    link.seed = lab.seed;
    if (OnGuideStep(lab)) {
        link.guide = lab.guide_step;
        return link;
    }
    if (lab.preset != nullptr)
        link.preset = PresetSlug(lab.preset->name);
    else
        link.preset = lab.content_preset;
    // The sliders as they stood at the start: today's, with the moves made during the run undone.
    sim::Settings start = lab.base;
    for (auto move = lab.moves.rbegin(); move != lab.moves.rend(); ++move)
        if (const sim::ParamInfo* p = sim::FindParam(move->param))
            sim::SetParam(start, *p, move->previous);
    const sim::Settings defaults;
    for (const sim::ParamInfo& p : sim::ParamTable()) {
        const std::string_view name = p.name;
        if (name == "relational_share" || name == "aid_conditional")
            continue;
        const double value = sim::GetParam(start, p);
        if (value != sim::GetParam(defaults, p))
            link.params.emplace_back(p.name, value);
    }
    // Interventions and slider moves, in the order the reader made them.
    size_t move = 0;
    for (size_t i = lab.reader_acts_from; i <= lab.done.size() && link.acts.size() < MaxLinkActs; ++i) {
        for (; move < lab.moves.size() && lab.moves[move].done_before <= i && link.acts.size() < MaxLinkActs; ++move)
            link.acts.push_back({lab.moves[move].tick, lab.moves[move].param, lab.moves[move].value});
        if (i < lab.done.size() && link.acts.size() < MaxLinkActs)
            if (const char* name = sim::InterventionName(lab.done[i].what))
                link.acts.push_back({lab.done[i].tick, name, std::nullopt});
    }
    link.week = std::min(Week(lab), MaxLinkWeeks);
    return link;
}

bool SimLinkWorthSharing(const SimLab& lab) {
    // Not before the figure has opened (a page read from the top has not shown it), and not the state a fresh page
    // opens on: the link would say nothing the page does not.
    if (!lab.initialized || (lab.opening_weeks > 0 && !lab.opened))
        return false;
    return lab.guide_step > 0 || Week(lab) != lab.opening_weeks || lab.done.size() > lab.reader_acts_from ||
           !lab.moves.empty() || lab.seed != 1 || lab.preset != nullptr || !lab.content_preset.empty() ||
           !CurrentSimLink(lab).params.empty();
}

void ApplySimLink(SimLab& lab, const SimLink& link, bool reduced_motion) {
    lab.opened = true; // the link says where the figure is
    lab.playing = false;
    lab.seed = std::max<uint64_t>(1, link.seed);
    // The closed figure shows the month and the tour's step; a seed, a preset, a slider or an intervention is read
    // in the controls, so a link that sets one opens them.
    if (link.seed != 1 || !link.preset.empty() || !link.params.empty() || !link.acts.empty())
        lab.controls_open = true;
    if (link.guide > 0) {
        lab.base = sim::Settings{};
        lab.preset = nullptr;
        lab.content_preset.clear();
        GoToGuideStep(lab, link.guide, reduced_motion);
        return;
    }
    sim::Settings base;
    for (const auto& [name, value] : link.params)
        if (const sim::ParamInfo* p = sim::FindParam(name))
            sim::SetParam(base, *p, std::clamp(value, p->min, p->max));
    if (!sim::ValidateSettings(base).empty())
        base = sim::Settings{}; // a combination the model refuses: the defaults, rather than a broken run
    lab.base = base;
    lab.preset = nullptr;
    lab.content_preset.clear();
    if (link.preset.empty() || !ApplyPreset(lab, link.preset))
        ResetSim(lab);
    const int target = std::min(link.week, MaxLinkWeeks);
    for (const SimAct& act : link.acts) {
        if (act.week < Week(lab) || act.week > target)
            continue; // before the preset's end, or after the link's week: not the reader's history
        AdvanceWeeks(lab, act.week - Week(lab));
        if (act.value) {
            sim::Settings moved = lab.base;
            if (const sim::ParamInfo* p = sim::FindParam(act.name)) {
                sim::SetParam(moved, *p, std::clamp(*act.value, p->min, p->max));
                SetBaseSettings(lab, moved);
            }
        } else if (const std::optional<sim::Intervention> what = sim::InterventionByName(act.name)) {
            Intervene(lab, *what);
        }
    }
    if (target > Week(lab))
        AdvanceWeeks(lab, target - Week(lab));
    // A link that sets only the month shows what a reader who scrolls to the figure sees: "as the shared link set it
    // up" read as leftover debugging to all three of stop 64's first fresh readers, who had followed no link they knew
    // of (the shot tool opens the figure by one).
    const bool only_month = link.seed == 1 && link.preset.empty() && link.params.empty() && link.acts.empty();
    lab.summary = only_month ? RestingSummary(lab)
                             : NowLabel(lab) + ", as the shared link set it up" +
                                   (link.preset.empty() ? "" : ", with the preset " + link.preset) + ". " +
                                   EachButtonSentence;
}

namespace {
std::string StepCaption(const SimLab& lab, int step) {
    const sim::DrawnCounts m = DrawnNow(lab)[0];
    const sim::DrawnCounts i = DrawnNow(lab)[1];
    char buffer[600];
    switch (step) {
    case 1:
        std::snprintf(buffer, sizeof buffer,
                      "Month 0. The same %d residents live in the same homes on both sides, with the same %s and %s. "
                      "Only the organizers’ strategy will differ.",
                      lab.comparison.mobilized.Residents(),
                      doc::Counted(m.friend_ties + m.close_ties, "friend tie", "friend ties").c_str(),
                      doc::Counted(m.leaders, "leader", "leaders").c_str());
        break;
    case 2: {
        const double a = LastTurnout(lab, 0), b = LastTurnout(lab, 1);
        if (a < 0 || b < 0)
            std::snprintf(buffer, sizeof buffer, "Month 6. No call has been held yet on %s.",
                          a < 0 && b < 0 ? "either side" : a < 0 ? "the mobilized side" : "the integrated side");
        else
            std::snprintf(buffer, sizeof buffer, "Month 6. The latest call drew %s of the mobilized residents and %s of the "
                          "integrated ones: %s.",
                          sim::Percent(a).c_str(), sim::Percent(b).c_str(),
                          a > b ? "mobilizing draws the bigger crowd so far" : a < b ? "the integrated side draws more"
                                                                                    : "the same share");
        break;
    }
    case 3:
        std::snprintf(buffer, sizeof buffer,
                      "Month 30. Mobilized: %s, %s, %s, %d on a list. Integrated: %s, %s, %s, %d on a list.",
                      doc::Counted(m.friend_ties + m.close_ties, "strong tie", "strong ties").c_str(),
                      doc::Counted(m.leaders, "leader", "leaders").c_str(),
                      doc::Counted(m.exhausted, "exhausted resident", "exhausted residents").c_str(), m.list,
                      doc::Counted(i.friend_ties + i.close_ties, "strong tie", "strong ties").c_str(),
                      doc::Counted(i.leaders, "leader", "leaders").c_str(),
                      doc::Counted(i.exhausted, "exhausted resident", "exhausted residents").c_str(), i.list);
        break;
    case 4:
        std::snprintf(buffer, sizeof buffer,
                      "Month 30, if the organizers vanished today: word of a call reaches %d and brings %d of the "
                      "integrated residents, and reaches %d and brings %d of the mobilized ones (the median of %d "
                      "calls).",
                      lab.knockout.probe[1].outcome.aware, lab.knockout.probe[1].outcome.attendees,
                      lab.knockout.probe[0].outcome.aware, lab.knockout.probe[0].outcome.attendees, sim::ProbeDraws);
        break;
    default: break;
    }
    return buffer;
}
} // namespace

void GoToGuideStep(SimLab& lab, int step, bool reduced_motion) {
    EnsureSim(lab);
    if (step <= 0) {
        lab.guide_step = 0;
        lab.guide_caption.clear();
        return;
    }
    step = std::min(step, MaxGuideStep);
    lab.playing = false;
    lab.preset = nullptr;
    lab.content_preset.clear();
    const int months[MaxGuideStep] = {0, 6, 30, 30, 18};
    if (step < 5) {
        ResetSim(lab);
        AdvanceWeeks(lab, months[step - 1] * sim::WeeksPerMonth);
        if (step == 4)
            StartKnockout(lab, reduced_motion);
        lab.guide_caption = StepCaption(lab, step);
    } else {
        // The strike objection in both of its cases: the panels show the model's default (no picket captains
        // emerge); the other case runs on a copy so the caption can give both.
        SimLab captains = lab;
        ApplyPreset(lab, "strike-repression");
        ResetSim(captains);
        AdvanceWeeks(captains, months[4] * sim::WeeksPerMonth);
        TestStrikeObjection(captains, true);
        const sim::Knockout a = sim::ProbeKnockout(lab.comparison.mobilized), b = sim::ProbeKnockout(lab.comparison.integrated);
        const sim::Knockout c = sim::ProbeKnockout(captains.comparison.mobilized),
                            d = sim::ProbeKnockout(captains.comparison.integrated);
        char buffer[400];
        std::snprintf(buffer, sizeof buffer,
                      "The strongest objection, shared struggle: a strike under repression at month 18, three months "
                      "on. Without organizers a call would bring %s (mobilized) and %s (integrated); where picket "
                      "captains emerge, %s and %s.",
                      sim::Percent(a.turnout_without).c_str(), sim::Percent(b.turnout_without).c_str(),
                      sim::Percent(c.turnout_without).c_str(), sim::Percent(d.turnout_without).c_str());
        lab.guide_caption = buffer;
    }
    lab.guide_step = step;
    lab.guide_version = CurrentVersion(lab);
    lab.summary = lab.guide_caption;
}

// The finding only once the figure has run 30 months at the defaults, where the claims table measures it: before, the
// maps show nothing of it yet (a fresh reader read the finding over the alike maps of month 0), and once the reader
// changes anything it may not hold; then the title says what is compared.
const char* const NeutralFigureTitle = "Two neighborhoods, the same people in the same homes";
// While the knockout plays its counts change round by round: caught half-way they read as the result, so the title
// asks the question until they settle. (The finding's "come to a call" over "0%, came without organizers" read as a
// stale headline to two fresh readers.)
const char* const KnockoutQuestion = "If the organizers vanished today, who would still come to a call?";

// "Burnt out and quit" in the order they happen: "have quit, burnt out," read as a typo to a fresh reader of stop 68.
std::string OrganizersQuitTitle(int panel, int last_call_month) {
    return std::string("The ") + sim::ScenarioName(PanelKind(panel)) +
           " organizers have burnt out and quit, and no call has come there" +
           (last_call_month >= 0 ? " since month " + std::to_string(last_call_month) : std::string()) + "; the " +
           sim::ScenarioName(PanelKind(1 - panel)) + " ones remain";
}

namespace {
// Under one in a hundred, as a count of the residents: "0.3%" of 300 is one person, and read as false precision to
// two of stop 40's fresh readers.
std::string KnockoutShare(int came, int residents) {
    const double fraction = double(came) / std::max(1, residents);
    return sim::UnderWholePercent(fraction) ? std::to_string(came) + " in " + std::to_string(residents)
                                            : sim::Percent(fraction);
}
} // namespace

namespace {
// A knockout's tries, tallest first, split where they part widest if that gap is a quarter of the residents or more:
// a call either spreads or fizzles, and the two groups are named apart. A rule of presentation, not of the model.
struct TrySplit {
    std::vector<int32_t> sorted; // attendees, tallest first
    size_t upper = 0;            // how many spread: sorted[0, upper); 0 where the tries do not part so widely
    int residents = 1;
    // The shares of sorted[from, to): "57–63%", or one share where they round alike.
    std::string Range(size_t from, size_t to) const {
        const std::string high = sim::Percent(double(sorted[from]) / residents);
        const std::string low = sim::Percent(double(sorted[to - 1]) / residents);
        return low == high ? high : low.substr(0, low.size() - 1) + "\u2013" + high;
    }
    // No try brought more than its starter: every call fizzled at once.
    bool NonePassedStarter() const { return !sorted.empty() && sorted.front() <= 1; }
};
TrySplit SplitTries(const std::vector<int32_t>& tries, int residents) {
    TrySplit split{tries, 0, std::max(1, residents)};
    std::sort(split.sorted.begin(), split.sorted.end(), std::greater<>());
    int32_t widest = 0;
    size_t at = 0;
    for (size_t i = 1; i < split.sorted.size(); ++i)
        if (split.sorted[i - 1] - split.sorted[i] > widest) {
            widest = split.sorted[i - 1] - split.sorted[i];
            at = i;
        }
    if (4 * widest >= split.residents)
        split.upper = at;
    return split;
}
} // namespace

// Settled, the title answers its own question (three fresh readers of stop 39 found the question left unanswered
// over the numbers that answer it), in how many tries the call spread and how far: as the tries' average (36% at
// seed 1's month 30, the chart's value), it described no try, since the tries either spread (six, to 57–63%) or
// fizzled (four, at 1%), and five of stop 50's last six fresh readers and four of stop 51's six asked for the split
// there; as the median try the maps replay (57%) it was the flattering number to all six of stop 48's last. The
// integrated panel first, as the essay's argument reads; the numbers are this seed's, whatever they show.
std::string KnockoutAnswer(const std::array<std::vector<int32_t>, PanelCount>& tries, int residents) {
    const auto phrase = [&](int k) {
        const std::string name = sim::ScenarioName(PanelKind(k));
        const TrySplit split = SplitTries(tries[size_t(k)], residents);
        if (split.sorted.empty())
            return "no " + name + " call was tried";
        const size_t n = split.sorted.size();
        if (split.sorted.front() == split.sorted.back())
            // Not "pass its starter": "starter" was jargon to four of stop 64's six fresh readers; not "spread past",
            // which the map's rings of who heard of it belied to three of stop 65's.
            return split.NonePassedStarter() ? "no " + name + " call would bring anyone but the one who started it"
                                              : "every " + name + " call would bring " + split.Range(0, n);
        if (split.upper > 0)
            return std::to_string(split.upper) + " of " + std::to_string(n) + " " + name + " calls would still reach " +
                   split.Range(0, split.upper);
        return name + " calls would bring " + split.Range(0, n);
    };
    // Short enough for one line over a desktop's figure, as the other titles are: the room kept for the longest
    // title is kept in every state.
    return "If the organizers vanished today, " + phrase(1) + "; " + phrase(0);
}

double KnockoutMeanCame(const KnockoutPlay& play, int panel) {
    const std::vector<int32_t>& all = play.probe[size_t(panel)].attendees;
    double sum = 0.0;
    for (const int32_t a : all)
        sum += a;
    return sum / double(std::max<size_t>(1, all.size()));
}

std::string KnockoutSettledCount(const std::vector<int32_t>& tries, int residents) {
    if (tries.empty())
        return {};
    const TrySplit split = SplitTries(tries, residents);
    const std::string of = " of " + std::to_string(split.sorted.size());
    if (split.NonePassedStarter())
        return "0" + of;
    return split.upper > 0 ? std::to_string(split.upper) + of : std::string();
}

std::string KnockoutSettledWords(const std::vector<int32_t>& tries, int shown, int residents, int narrower) {
    const TrySplit split = SplitTries(tries, residents);
    const size_t n = split.sorted.size();
    if (split.NonePassedStarter())
        // Calls, as the title says: "tries" against "calls" for the same thing was named by a fresh reader of stop 70.
        // Short, still a sentence after "0 of 10": "tries spread" alone, after its disc, read as the opposite of the
        // count to two of stop 62's first fresh readers; "the starter" was jargon to two of stop 64's, and "reached"
        // was belied by the map's rings of who heard of it to three of stop 65's.
        return narrower >= 1 ? "calls brought anyone else" : "calls brought anyone but the one who started it";
    if (std::all_of(tries.begin(), tries.end(), [&](int32_t a) { return a == shown; }))
        return "came to every call";
    // In the key's words for the outlined bar: "the map’s (57%) is outlined" was jargon to all three of stop 74's
    // first fresh readers, as to three of stop 73's.
    const std::string map = "; outlined: the call on the map (" + sim::Percent(double(shown) / split.residents) + ")";
    if (split.upper > 0) {
        const std::string spread = "calls spread, to " + split.Range(0, split.upper);
        const std::string rest = std::to_string(n - split.upper) + " stayed at " + split.Range(split.upper, n);
        switch (narrower) {
        case 0: return spread + ", and " + rest + map;
        case 1: return spread + ", and " + rest;
        case 2: return spread + "; " + std::to_string(n - split.upper) + " at " + split.Range(split.upper, n);
        default: return spread;
        }
    }
    const std::string average = "average of " + std::to_string(n) + " calls";
    if (narrower >= 2) // no form between this and the one before
        return average;
    if (narrower == 1)
        return average + map;
    return average + ", all at " + split.Range(0, n) + map;
}

std::string KnockoutStartNote(const sim::Settings& rules, bool acquaintances_drawn) {
    const bool acquaintances_carry = rules.w_info < rules.w_friend;
    static const char* const Starts[3][2] = {
        {"Without organizers, one leader able to come (else one resident) starts the call, and it spreads along "
         "neighbors’ ties",
         "Without organizers, one leader able to come (else one resident) starts the call; it spreads along ties, "
         "acquaintances too"},
        {"Without organizers, every leader able to come starts the call at once (else one resident), and it spreads "
         "along neighbors’ ties",
         "Without organizers, every leader able to come starts the call at once (else one resident); it spreads along "
         "ties, acquaintances too"},
        {"Without organizers, one resident able to come starts the call, and it spreads along neighbors’ ties",
         "Without organizers, one resident able to come starts the call; it spreads along ties, acquaintances too"}};
    const int who = rules.initiator == sim::InitiatorRule::LeadersCoordinate ? 1
                    : rules.initiator == sim::InitiatorRule::RandomResident  ? 2
                                                                             : 0;
    return std::string(Starts[who][acquaintances_carry ? 1 : 0]) +
           (acquaintances_carry && !acquaintances_drawn ? " (not drawn)." : ".");
}

std::string KnockoutRestedNote(const KnockoutPlay& play) {
    std::string note;
    if (play.phase == KnockoutPhase::Idle)
        return note;
    for (int k = 0; k < PanelCount; ++k) {
        const int exhausted = play.exhausted[size_t(k)], rested = play.rested[size_t(k)];
        if (exhausted == 0)
            continue;
        // "If … were": "With its 53 exhausted residents rested" beside a map that still draws them exhausted read as a
        // contradiction to three of stop 65's fresh readers and two of stop 66's.
        note += std::string(note.empty() ? "" : " ") + "If its " +
                doc::Counted(exhausted, "exhausted resident were", "exhausted residents were") + " rested, the " +
                sim::ScenarioName(PanelKind(k)) + " neighborhood would " +
                (rested == play.probe[size_t(k)].outcome.attendees ? "still " : "") + "bring " +
                // One who came is the call's starter: "1 in 300" took one of stop 65's fresh readers three readings.
                (rested == 1 ? std::string("only the one who started it") : KnockoutShare(rested, play.residents)) +
                ".";
    }
    return note;
}

std::string KnockoutStarterNote(const KnockoutPlay& play) {
    std::string note;
    if (play.phase == KnockoutPhase::Idle)
        return note;
    for (int k = 0; k < PanelCount; ++k) {
        const std::vector<int32_t>& tries = play.probe[size_t(k)].attendees;
        const std::vector<int32_t>& free = play.all_free[size_t(k)];
        const TrySplit split = SplitTries(tries, play.residents);
        if (split.upper == 0 || free.size() != tries.size())
            continue;
        // Those that stayed, and of them, those that would stay nearer them than the least that spread with everyone
        // free (the split's gap is a quarter of the residents or more).
        const int32_t least_spread = split.sorted[split.upper - 1], most_stayed = split.sorted[split.upper];
        const int32_t middle = most_stayed + (least_spread - most_stayed) / 2;
        int stayed = 0, kept = 0;
        int32_t kept_most = 0, freed_least = play.residents;
        for (size_t d = 0; d < tries.size(); ++d) {
            if (tries[d] > most_stayed)
                continue;
            ++stayed;
            if (free[d] <= middle) {
                ++kept;
                kept_most = std::max(kept_most, free[d]);
            } else {
                freed_least = std::min(freed_least, free[d]);
            }
        }
        const std::string tried = std::string(sim::ScenarioName(PanelKind(k))) + (stayed == 1 ? " call" : " calls") +
                                  " that stayed at " + split.Range(split.upper, split.sorted.size());
        const std::string the = (stayed == 1 ? std::string("the ") : "the " + std::to_string(stayed) + " ") + tried;
        const std::string The = "T" + the.substr(1);
        const char* const they = stayed == 1 ? "it" : "they";
        const std::string no_more = "no more than " + KnockoutShare(kept_most, play.residents);
        const std::string at_least = "at least " + KnockoutShare(freed_least, play.residents);
        // The cause first, then the measure behind it: "would still have brought no more than 1% had everyone not
        // exhausted been free that week: who started them, not who was free, kept them small" took all three of stop
        // 70's first fresh readers more than one reading; after "stayed small because of who started them", one of
        // its last three asked "What about who started them?". What differs is where they started: from there, with
        // every rested resident able to come, the ties still carried the call to no more than that (all_free), which
        // is what "could not carry them far" says. "Able to come", as the key's note says a leader comes "if able":
        // the week's availability draw among the rested (not exhausted); "had no one been busy" named a state said
        // nowhere else, to three of stop 71's six (392, 393, 395).
        const auto started = [](int n) {
            return std::string(" started where ties could not carry ") + (n == 1 ? "it" : "them") + " far";
        };
        std::string sentence;
        if (kept == stayed)
            sentence = The + started(stayed) + ": even had every rested resident been able to come that week, " +
                       they + " would still have brought " + no_more + ".";
        else if (kept == 0)
            sentence = The + " stayed small because too few were able to come that week: had every rested resident "
                       "been able to, " + they + " would have brought " + at_least + ".";
        else
            sentence = "Of " + the + ", " + std::to_string(kept) + started(kept) + " (even had every rested resident "
                       "been able to come that week, still " + no_more + "), and " + std::to_string(stayed - kept) +
                       " stayed small because too few were able to come (" + at_least + ").";
        note += (note.empty() ? "" : " ") + sentence;
    }
    return note;
}

const char* PlayLabel(const SimLab& lab) { return lab.playing ? "Pause" : "Play"; }
// While the knockout shows, its button is the way back to the run (two of stop 41's fresh readers found no way out of
// it, and the question's button unchanged).
const char* KnockoutLabel(const SimLab& lab) {
    return lab.knockout.phase != KnockoutPhase::Idle ? KnockoutEndLabel : KnockoutAskLabel;
}

bool KnockoutEnabled(const SimLab& lab) {
    if (lab.knockout.phase != KnockoutPhase::Idle)
        return true;
    return Week(lab) > 0 && actions::OrganizersRemain(lab);
}

std::array<int, PanelCount> OrganizersOnMaps(const SimLab& lab) {
    return {lab.comparison.mobilized.RemainingOrganizers(), lab.comparison.integrated.RemainingOrganizers()};
}

int LastCallMonth(const SimLab& lab, int panel) {
    const auto& calls = lab.comparison.Panel(PanelKind(panel)).calls();
    return calls.empty() ? -1 : calls.back().tick / sim::WeeksPerMonth;
}

std::string FigureTitle(const SimLab& lab) {
    const KnockoutPlay& ko = lab.knockout;
    if (ko.phase == KnockoutPhase::Done) {
        return KnockoutAnswer({ko.probe[0].attendees, ko.probe[1].attendees}, ko.residents);
    }
    if (ko.phase == KnockoutPhase::Running)
        return KnockoutQuestion;
    const std::array<int, PanelCount> left = OrganizersOnMaps(lab);
    for (int k = 0; k < PanelCount; ++k)
        if (left[size_t(k)] == 0 && left[size_t(1 - k)] > 0 &&
            lab.comparison.Panel(PanelKind(k)).counters().organizer_quits > 0)
            return OrganizersQuitTitle(k, LastCallMonth(lab, k));
    return AtDefaults(lab) && Week(lab) >= 30 * sim::WeeksPerMonth ? sim::FigureFindingSentence : NeutralFigureTitle;
}

std::string FigureDescription(const SimLab& lab, const std::string& title) {
    return title + (title.empty() || title.back() == '.' || title.back() == '?' ? " " : ". ") +
           sim::FigureCaption(lab.comparison.mobilized.settings(), lab.comparison.integrated.settings()) +
           // The flip scale's words, as its numbers hold only at the defaults.
           (AtDefaults(lab) ? std::string(" ") + sim::FlipBandSentence : std::string());
}

std::string SimStatusSentence(const SimLab& lab) {
    // A map without organizers calls no more, so its last call's month is said, as the figure's words say it.
    const std::array<int, PanelCount> organizers = OrganizersOnMaps(lab);
    auto turnout = [&](int k) {
        const double share = LastTurnout(lab, k);
        if (share < 0.0)
            return std::string("no call yet");
        if (organizers[size_t(k)] > 0)
            return sim::Percent(share);
        return sim::Percent(share) + " (month " + std::to_string(LastCallMonth(lab, k)) + "; no organizers left)";
    };
    // How many calls each side has made, and how many came to them in all, as the panels' turnout lines say: turnout
    // per call alone leaves out that the mobilized side calls about four times as often (the claim `calls-per-side`).
    const auto calls = [&](int k) {
        return lab.titles[size_t(k)] + " " + std::to_string(lab.comparison.Panel(PanelKind(k)).calls().size()) + ", " +
               GroupedCount(Attendances(lab, k)) + " came in all";
    };
    const bool called = !lab.comparison.mobilized.calls().empty() || !lab.comparison.integrated.calls().empty();
    return NowLabel(lab) + ", " + (lab.playing ? "playing" : "paused") +
           ". Turnout at the last call: " + lab.titles[0] + " " + turnout(0) + ", " + lab.titles[1] + " " + turnout(1) +
           "." +
           (called ? " Calls so far: " + calls(0) + "; " + calls(1) + "." : std::string());
}

int Attendances(const SimLab& lab, int k) {
    int all = 0;
    for (const sim::CallRecord& call : lab.comparison.Panel(PanelKind(k)).calls())
        all += call.attendees;
    return all;
}

std::string GroupedCount(int n) {
    const std::string digits = std::to_string(n < 0 ? -int64_t(n) : int64_t(n));
    std::string out = n < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

std::array<std::string, TurnoutTitleForms> TurnoutTitles(const SimLab& lab, int k) {
    const std::string all = GroupedCount(Attendances(lab, k));
    const std::string calls = std::to_string(lab.comparison.Panel(PanelKind(k)).calls().size()) + " calls";
    const std::string each = all + " came to " + calls + "; turnout of each";
    return {each + ", months 0–" + std::to_string(Week(lab) / sim::WeeksPerMonth), each,
            all + " came to " + calls + "; turnout:", all + " came to " + calls, all + " in " + calls, "turnout"};
}

std::string TurnoutSpanTitle(const SimLab& lab) {
    return "turnout of each call, months 0–" + std::to_string(Week(lab) / sim::WeeksPerMonth);
}

std::array<std::string, TallyWordForms> TallyWords(const std::array<std::string, TurnoutTitleForms>& titles) {
    const std::string& count = titles[3]; // the title's form that counts and names no line
    return {count + " in all, one stripe per call", count + " in all", titles[4]};
}

std::string SimJson(const SimLab& lab, const FrameReport& drawn) {
    char buffer[320];
    std::snprintf(buffer, sizeof buffer,
                  "{\"week\":%d,\"month\":%d,\"playing\":%s,\"speed\":%.2f,\"speedRange\":[%.2f,%.2f],\"seed\":%llu,"
                  "\"mobilizedTurnout\":%.4f,"
                  "\"integratedTurnout\":%.4f,\"mobilizedHash\":\"%016llx\",\"integratedHash\":\"%016llx\",",
                  Week(lab), Month(lab), lab.playing ? "true" : "false", double(lab.weeks_per_second),
                  double(MinWeeksPerSecond), double(MaxWeeksPerSecond), (unsigned long long)lab.seed,
                  LastTurnout(lab, 0), LastTurnout(lab, 1), (unsigned long long)lab.comparison.mobilized.StateHash(),
                  (unsigned long long)lab.comparison.integrated.StateHash());
    std::string json = buffer;
    json += "\"drawn\":{";
    for (int k = 0; k < PanelCount; ++k) {
        const sim::DrawnCounts& d = DrawnNow(lab)[size_t(k)];
        char part[200];
        std::snprintf(part, sizeof part,
                      "%s\"%s\":{\"friend\":%d,\"close\":%d,\"list\":%d,\"acquaintance\":%d,\"leaders\":%d,"
                      "\"exhausted\":%d}",
                      k ? "," : "", sim::ScenarioName(PanelKind(k)), d.friend_ties, d.close_ties, d.list, d.acquaintance, d.leaders,
                      d.exhausted);
        json += part;
    }
    const KnockoutPlay& play = lab.knockout;
    const char* phase = play.phase == KnockoutPhase::Running ? "running" : play.phase == KnockoutPhase::Done ? "done" : "idle";
    const int round = KnockoutRound(play);
    const bool any = play.phase != KnockoutPhase::Idle;
    char part[520];
    std::snprintf(part, sizeof part,
                  "},\"knockout\":{\"phase\":\"%s\",\"round\":%d,\"rounds\":%d,\"lit\":[%d,%d],\"heard\":[%d,%d],"
                  "\"final\":[%d,%d],\"residents\":%d,\"exhausted\":[%d,%d],\"rested\":[%d,%d],\"draw\":[%d,%d],"
                  "\"label\":\"%s\",\"enabled\":%s},\"playLabel\":\"%s\",",
                  phase, round, play.rounds, any ? KnockoutCame(play, 0, round) : 0, any ? KnockoutCame(play, 1, round) : 0,
                  any ? KnockoutHeard(play, 0, round) : 0, any ? KnockoutHeard(play, 1, round) : 0,
                  any ? play.probe[0].outcome.attendees : 0, any ? play.probe[1].outcome.attendees : 0,
                  lab.comparison.mobilized.Residents(), play.exhausted[0], play.exhausted[1], play.rested[0],
                  play.rested[1], play.probe[0].draw, play.probe[1].draw, KnockoutLabel(lab),
                  KnockoutEnabled(lab) ? "true" : "false", PlayLabel(lab));
    json += part;
    const std::array<int, PanelCount> organizers = OrganizersOnMaps(lab);
    std::snprintf(buffer, sizeof buffer, "\"organizers\":[%d,%d],\"lastCallMonth\":[%d,%d],", organizers[0],
                  organizers[1], LastCallMonth(lab, 0), LastCallMonth(lab, 1));
    json += buffer;
    std::snprintf(buffer, sizeof buffer, "\"controlsOpen\":%s,\"guide\":%d,\"figureY\":%.2f,\"maps\":[[%.1f,%.1f,%.1f,%.1f],[%.1f,%.1f,%.1f,%.1f]],\"flips\":[%.1f,%.1f,%.1f,%.1f],\"status\":",
                  lab.controls_open ? "true" : "false", lab.guide_step, double(drawn.figure_y), double(drawn.maps[0][0]), double(drawn.maps[0][1]),
                  double(drawn.maps[0][2]), double(drawn.maps[0][3]), double(drawn.maps[1][0]),
                  double(drawn.maps[1][1]), double(drawn.maps[1][2]), double(drawn.maps[1][3]), double(drawn.flip_scale[0]),
                  double(drawn.flip_scale[1]), double(drawn.flip_scale[2]), double(drawn.flip_scale[3]));
    json += buffer;
    AppendJsonString(json, SimStatusSentence(lab));
    json += ",\"summary\":";
    AppendJsonString(json, lab.summary);
    // The title once: the description opens with it, and this runs every frame.
    const std::string title = FigureTitle(lab);
    json += ",\"description\":";
    AppendJsonString(json, FigureDescription(lab, title));
    json += ",\"title\":";
    AppendJsonString(json, title);
    json += ",\"turnoutTitles\":[";
    AppendJsonString(json, drawn.turnout_titles[0]);
    json += ",";
    AppendJsonString(json, drawn.turnout_titles[1]);
    json += "]";
    json += ",\"actions\":[";
    bool first = true;
    for (const SimAction& action : SimActions()) {
        json += first ? "{\"id\":" : ",{\"id\":";
        first = false;
        AppendJsonString(json, action.id);
        json += ",\"label\":";
        AppendJsonString(json, ActionLabel(action, lab));
        json += action.enabled(lab) ? ",\"enabled\":true}" : ",\"enabled\":false}";
    }
    json += "],\"controls\":{";
    first = true;
    for (const ControlSpot& c : drawn.controls) {
        if (c.kind != SimControlKind)
            continue;
        json += first ? "" : ",";
        first = false;
        AppendJsonString(json, c.id);
        std::snprintf(buffer, sizeof buffer, ":[%.1f,%.1f,%.1f,%.1f]", double(c.x), double(c.y), double(c.width),
                      double(c.height));
        json += buffer;
    }
    json += "}}";
    return json;
}

namespace actions {
bool Always(const SimLab&) { return true; }
bool AidConditional(const SimLab& lab) { return lab.comparison.mobilized.settings().aid_conditional; }
bool OrganizersRemain(const SimLab& lab) {
    const std::array<int, PanelCount> left = OrganizersOnMaps(lab);
    return left[0] + left[1] > 0;
}
} // namespace actions

const char* ActionLabel(const SimAction& action, const SimLab& lab) {
    return action.label_now ? action.label_now(lab) : action.label;
}

const SimAction* FindSimAction(std::string_view id) {
    for (const SimAction& action : SimActionTable)
        if (id == action.id)
            return &action;
    return nullptr;
}

bool RunSimAction(SimLab& lab, const SimAction& action) {
    EnsureSim(lab);
    if (!action.enabled(lab))
        return false;
    Intervene(lab, action.intervention(lab));
    return true;
}

void WantEnsemble(SimLab& lab) { lab.ensemble_wanted = true; }

void WantSweep(SimLab& lab) { lab.sweep_wanted = true; }

namespace {
bool RunSimCommand(SimLab& lab, std::string_view command, bool reduced_motion);
}

bool ApplySimCommand(SimLab& lab, std::string_view command, bool reduced_motion) {
    const bool applied = RunSimCommand(lab, command, reduced_motion);
    lab.opened = lab.opened || applied; // the reader acted on the figure as it stood: it opens no further
    return applied;
}

namespace {
bool RunSimCommand(SimLab& lab, std::string_view command, bool reduced_motion) {
    if (command.size() > 64)
        return false;
    const size_t space = command.find(' ');
    const std::string_view verb = command.substr(0, space);
    const std::string argument(space == std::string_view::npos ? std::string_view() : command.substr(space + 1));
    EnsureSim(lab);
    if (verb == "play" || verb == "pause") {
        if (verb == "play" && reduced_motion) {
            // Nothing moves by itself for a reader who asked for less motion: a month passes in one step.
            lab.playing = false;
            AdvanceWeeks(lab, sim::WeeksPerMonth);
        } else {
            lab.playing = verb == "play";
        }
        lab.summary = NowLabel(lab) + (lab.playing ? ": playing." : ": paused.");
        return true;
    }
    if (verb == "guide") {
        char* end = nullptr;
        const long step = std::strtol(argument.c_str(), &end, 10);
        if (argument.empty() || *end != '\0' || step < 0 || step > MaxGuideStep)
            return false;
        GoToGuideStep(lab, int(step), reduced_motion);
        return true;
    }
    if (verb == "knockout" && argument.empty()) {
        if (!KnockoutEnabled(lab))
            return false;
        StartKnockout(lab, reduced_motion);
        return true;
    }
    if (verb == "knockout-end" && argument.empty()) {
        if (lab.knockout.phase == KnockoutPhase::Idle)
            return false;
        lab.knockout = {};
        lab.summary = "Back to " + NowLabel(lab) + ", with the organizers.";
        return true;
    }
    if (verb == "step") {
        lab.playing = false;
        StepWeek(lab);
        lab.summary = NowLabel(lab) + ": one week passed in both neighborhoods.";
        return true;
    }
    if (verb == "reset") {
        lab.playing = false;
        ResetSim(lab);
        return true;
    }
    if (verb == "seed") {
        char* end = nullptr;
        const unsigned long long seed = std::strtoull(argument.c_str(), &end, 10);
        if (argument.empty() || *end != '\0' || seed < 1)
            return false;
        SetSeed(lab, uint64_t(seed));
        return true;
    }
    if (verb == "speed") {
        char* end = nullptr;
        const float speed = std::strtof(argument.c_str(), &end);
        if (argument.empty() || *end != '\0' || !(speed >= MinWeeksPerSecond && speed <= MaxWeeksPerSecond))
            return false;
        SetSpeed(lab, speed);
        return true;
    }
    if (verb != "act")
        return false;
    const SimAction* action = FindSimAction(argument);
    return action != nullptr && RunSimAction(lab, *action);
}
} // namespace

} // namespace app
