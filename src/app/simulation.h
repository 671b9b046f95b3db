// The simulation as the reader drives it: both panels, play/pause, speed, presets, interventions, the monthly
// history the charts draw and the ensemble that gives their bands. Pure: knows no ImGui, clock or browser; frame
// time comes in as dt, and how much ensemble work a frame may do comes in as a tick budget.
//
// Ownership: SimLab is a value owned by AppState for the program's life. It owns its Comparison, histories and
// ensembles by value; `preset` points into sim::FlipPresets()' static data. Functions here are the only writers.
#pragma once

#include "app/frame.h"
#include "app/location.h"
#include "sim/ensemble.h"
#include "sim/metrics.h"
#include "sim/scenario.h"
#include "sim/sweep.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace app {

constexpr int PanelCount = 2; // index 0: Mobilized, 1: Integrated (sim::ScenarioKind order)
constexpr float MinWeeksPerSecond = 0.5f;
constexpr float MaxWeeksPerSecond = 8.0f;
constexpr int EnsembleSeeds = 20;
// What the ensemble measures each month: the metrics the figure's charts draw bands of (src/views/sim_charts.cpp checks
// that it draws no other), not the knockout probe's runs with the organizers, which were about a fifth of a seed's
// time (issue 17's browser ensemble).
inline constexpr sim::MetricMask EnsembleMetrics =
    sim::MaskOf({sim::Metric::TurnoutPerCall, sim::Metric::TurnoutWithout, sim::Metric::CloseTies, sim::Metric::Leaders,
                 sim::Metric::Exhausted, sim::Metric::FriendComponent});
constexpr int DefaultHorizonMonths = 30;
// How long a call's spread stays animated after it happens (the view reveals its waves within this time).
constexpr float CallAnimationSeconds = 2.5f;

sim::ScenarioKind PanelKind(int panel);

// The kind under which the views report the figure's own controls in FrameReport::controls (ids: "play", "step",
// "reset", "seed", "speed", "expand", an action's id, ...). SimJson lists them under sim.controls.
constexpr const char* SimControlKind = "sim";

// Which state of the panels something was computed on: every change to them either advances the week or restarts
// the ensembles (resets, interventions, sliders, presets), so the pair names it without hashing the models.
struct PanelsVersion {
    int week = -1;
    int generation = -1;
    friend bool operator==(const PanelsVersion&, const PanelsVersion&) = default;
};

// "What if the organizers vanished?": the knockout probe's median draw replayed round by round on both maps.
// The whole replay takes KnockoutSeconds whatever the number of rounds (the issue asks for 2–4 s), so it can be followed.
constexpr float KnockoutSeconds = 3.0f;
constexpr float KnockoutHoldSeconds = 0.6f; // the organizers fade before the first round lights
enum class KnockoutPhase : uint8_t { Idle, Running, Done };
// Who passed a knockout's call on to a resident: `from` is NoTeller for its initiators and for those it never reached.
inline constexpr sim::NodeId NoTeller = ~sim::NodeId{0};
struct KnockoutTeller {
    sim::NodeId from = NoTeller;
    double weight = 0.0; // the tie's, which says whether the maps draw it
};
struct KnockoutPlay {
    KnockoutPhase phase = KnockoutPhase::Idle;
    float elapsed = 0.0f;
    PanelsVersion version; // the panels it was measured on; any change ends it
    std::array<sim::MedianProbe, PanelCount> probe;
    // Per node, the round in which word of the call reached it (the cascade's awareness: one round after the first
    // joiner it is tied to with w ≥ w_info); -1 if it never did. Joiners hear in the round they join.
    std::array<std::vector<int16_t>, PanelCount> heard_round;
    // Per node, who passed the call on to it: of the participants of rounds before the one it heard in, the one it is
    // tied to most strongly by a tie that carries word. The maps draw the way the call came along it.
    std::array<std::vector<KnockoutTeller>, PanelCount> told_by;
    int rounds = 0;    // the last round anything happens on either map
    int residents = 0; // per panel (both panels have the same people)
    // Each panel's residents too exhausted to come when it began, and who would come in the probe's median draw with
    // every one of them rested (sim::Model::Rested): the knockout runs whenever the reader asks, often just after a
    // call has worn people out, and fresh readers asked whether tiredness, not the missing ties, kept them home.
    std::array<int, PanelCount> exhausted{};
    std::array<int, PanelCount> rested{};
    // Per panel and try, what it would bring with everyone not exhausted free that week (sim::ProbeStartersAllFree):
    // six of stop 69's nine fresh readers asked why 4 of 10 integrated tries stayed at 1%.
    std::array<std::vector<int32_t>, PanelCount> all_free;
};
// Which round is lit now: -1 while the organizers fade, then 0 (the initiator) to rounds.
int KnockoutRound(const KnockoutPlay& play);
// Residents of a panel who have heard of the call / come, up to and including a round.
int KnockoutHeard(const KnockoutPlay& play, int panel, int round);
int KnockoutCame(const KnockoutPlay& play, int panel, int round);


// The "Test the objection" runs: the same strike under repression from the same state, without and with picket
// captains emerging (case index 0: none emerge, 1: captains emerge), side by side; the panels go on with the case
// in leaders_emerge, and the other case is run on a copy so both sets of figures are shown.
struct StrikeTest {
    bool ran = false;
    bool leaders_emerge = false;                      // the case the panels show
    int week = 0;                                     // when the strike began
    std::array<double, PanelCount> ratio_before{};    // knockout ratio when the strike began
    std::array<double, PanelCount> strength_before{}; // mean tie strength
    std::array<int, PanelCount> leaders_before{};
    // [case][panel], three months after the strike began.
    std::array<std::array<double, PanelCount>, 2> ratio_after{};
    std::array<std::array<double, PanelCount>, 2> strength_after{};
    std::array<std::array<int, PanelCount>, 2> leaders_after{};
};

struct SimLab {
    // What the reader chose. base is the sliders' settings for both panels (the strategy vector is added per
    // panel); panel_settings are base plus any preset that changes only one panel.
    sim::Settings base;
    std::array<sim::Settings, PanelCount> panel_settings;
    uint64_t seed = 1;
    const sim::FlipPreset* preset = nullptr;   // the flip preset in force, if any
    std::string content_preset;                // the objection's preset id in force ("remove-organizers", ...)
    // Interventions to apply at their ticks (a preset's), and everything done to both panels so far (for the
    // ensemble, which replays the reader's history over other seeds).
    std::vector<sim::ScheduledIntervention> schedule;
    std::vector<sim::ScheduledIntervention> done;

    sim::Comparison comparison;
    std::array<std::string, PanelCount> titles{"Mobilized", "Integrated"};
    bool initialized = false;
    // Where the figure opens: this many weeks into the default run, once, when it is first drawn (OpenFigure), unless
    // a link or a command has set it first. Zero, the default, opens at week 0; the app opens on month 30.
    int opening_weeks = 0;
    bool opened = false;    // the opening is over, or a link or command set the figure before it could
    int opening_reached = 0; // the week the opening has brought the figure to, while it runs over frames
    bool playing = false;
    float weeks_per_second = 2.0f;
    double accumulator = 0.0; // weeks owed to the panels, carried between frames

    // Monthly measurements of the reader's run (row m is month m), per panel.
    std::array<std::vector<sim::Metrics>, PanelCount> history;

    // Bands over EnsembleSeeds seeds, per panel, computed a little each frame once the view asks for them.
    std::array<sim::Ensemble, PanelCount> ensemble;
    int horizon_months = DefaultHorizonMonths;
    int ensemble_generation = 0;  // counts restarts, so views know cached bands are stale
    bool ensemble_wanted = false; // WantEnsemble: the charts were on screen; no work before that
    bool workers_failed = false;  // a seed run elsewhere failed: this generation's seeds all run here
    std::string ensemble_hash;    // both ensembles' RowsHash in hex once both are done, else empty

    // The sensitivity sweep over lambda_weak (SweepSpecForLab) for the assumptions drawer: run after the charts'
    // ensembles, a little per frame, once the view shows it, and kept while the sliders stay as they are.
    sim::Sweep sweep;
    bool sweep_wanted = false; // WantSweep: the sensitivity chart was on screen

    // Call animation: seconds since each panel's latest call, and how many calls it had when last looked at.
    std::array<float, PanelCount> call_age{CallAnimationSeconds, CallAnimationSeconds};
    std::array<size_t, PanelCount> calls_seen{};

    StrikeTest strike_test;
    KnockoutPlay knockout;
    // The figure's controls, charts and drawer are shown ("Explore the model"); closed, the figure in the essay is its
    // maps, their key and the guided tour's row, and the essay resumes under them (eight of stop 53's nine fresh
    // readers found the whole figure stopped the essay for screens). Opened by the reader, by a card's "Test this" and
    // by a link that sets what only the controls show (ApplySimLink); nothing here closes it. The guided tour's step
    // 5 applies a preset and leaves them as they are: its caption says what the step shows.
    bool controls_open = false;
    // The guided path: the step the reader is on (0: the free sandbox), its caption from the live run, and the
    // panels' version when the step was set up (once the reader changes anything, the link is the sandbox's again).
    int guide_step = 0;
    std::string guide_caption;
    PanelsVersion guide_version;
    // lab.done from this index on is the reader's own (a preset's interventions come before it): what a link replays.
    size_t reader_acts_from = 0;
    // The reader's slider moves during the run (after week 0), in order: a link replays them among the interventions,
    // so it reproduces the run rather than a run with the final values from week 0.
    struct SliderMove {
        int tick = 0;
        const char* param = nullptr; // sim::ParamTable()'s name
        double value = 0.0, previous = 0.0;
        size_t done_before = 0; // how many of `done` came before it
    };
    std::vector<SliderMove> moves;

    // What the maps draw (sim::CountDrawn over every tie), for the panel headers, the legend and the state JSON:
    // counted once per version of the panels, not once per reader of it per frame. Only DrawnNow touches it.
    struct DrawnMemo {
        PanelsVersion version;
        std::array<sim::DrawnCounts, PanelCount> counts;
    };
    mutable DrawnMemo drawn_memo;

    // One sentence on the last thing that happened, for a screen reader's live region and the status line.
    std::string summary;
};

// The figure's actions on both neighborhoods, defined once: SimActionTable below. The canvas's buttons, the page's
// commands ("act <id>") and the HTML controls (web/boot.js builds them from SimJson's "actions") all go through it;
// a new action is one row there.
struct SimAction {
    const char* id;    // "remove-organizers", "protest", ...
    const char* label; // the button's words; the widest form, which the figure's layout measures
    sim::Intervention (*intervention)(const SimLab& lab);
    bool (*enabled)(const SimLab& lab); // false: shown but inert (nothing left to act on)
    bool skips_time = false;            // moves the clock on rather than acting: the figure groups it with time
    const char* (*label_now)(const SimLab& lab) = nullptr; // words that follow the state, instead of `label`
};
namespace actions {
bool Always(const SimLab& lab);
bool OrganizersRemain(const SimLab& lab); // organizers remain on either map (OrganizersOnMaps)
bool AidConditional(const SimLab& lab);
} // namespace actions
inline constexpr SimAction SimActionTable[] = {
    // "For good", as the run goes on without them: four of stop 41's fresh readers took "Remove organizers" for the
    // same action as the knockout's "What if the organizers vanished?", which asks about one call and changes
    // nothing in the run.
    {"remove-organizers", "Organizers leave for good",
     [](const SimLab&) { return sim::Intervention{sim::InterventionKind::RemoveOrganizers, 0}; },
     actions::OrganizersRemain},
    {"protest", "Call a protest", [](const SimLab&) { return sim::Intervention{sim::InterventionKind::CallProtest, 0}; },
     actions::Always},
    {"strike", "Strike with repression",
     [](const SimLab&) { return sim::Intervention{sim::InterventionKind::CallStrike, 0}; }, actions::Always},
    // One button toggles the policy, so its words say what pressing it will do.
    {"aid", "Make aid unconditional",
     [](const SimLab& lab) {
         return sim::Intervention{sim::InterventionKind::SetAidPolicy, actions::AidConditional(lab) ? 0 : 1};
     },
     actions::Always, false,
     [](const SimLab& lab) { return actions::AidConditional(lab) ? "Make aid unconditional" : "Make aid conditional"; }},
    {"divisive", "Raise a divisive issue",
     [](const SimLab&) { return sim::Intervention{sim::InterventionKind::DivisiveIssue, 0}; }, actions::Always},
    {"plus3", "+3 months",
     [](const SimLab&) { return sim::Intervention{sim::InterventionKind::AdvanceWeeks, 3 * sim::WeeksPerMonth}; },
     actions::Always, true},
    {"plus12", "+12 months",
     [](const SimLab&) { return sim::Intervention{sim::InterventionKind::AdvanceWeeks, 12 * sim::WeeksPerMonth}; },
     actions::Always, true},
};
constexpr size_t SimActionCount = sizeof SimActionTable / sizeof SimActionTable[0];
inline std::span<const SimAction> SimActions() { return SimActionTable; }
const SimAction* FindSimAction(std::string_view id);
const char* ActionLabel(const SimAction& action, const SimLab& lab);
// Applies the action to both panels (through Intervene) when it is enabled; false otherwise.
bool RunSimAction(SimLab& lab, const SimAction& action);

// Builds both panels from base, seed and preset; keeps the reader's seed, sliders and preset. Clears history.
void ResetSim(SimLab& lab);
// Resets on first use (a default SimLab holds no panels yet).
void EnsureSim(SimLab& lab);
// Called by the figure when it is drawn: the first time, a figure nobody has touched runs to lab.opening_weeks, so
// the reader's first sight of it is the comparison the essay argues from rather than two identical starts. The run
// goes OpeningWeeksPerFrame weeks a frame (AdvanceSim carries it on), so no frame pays for all of it; at once under
// reduced motion. Anything the reader does to the figure meanwhile ends it where it is.
constexpr int OpeningWeeksPerFrame = 12;
void OpenFigure(SimLab& lab, bool at_once);

// Advances by frame time: while playing, turns dt × speed into whole weekly steps (the remainder carries over, so
// the result does not depend on the frame rate).
void AdvanceSim(SimLab& lab, float dt);
// Runs at most max_ticks weekly ticks of each panel's ensemble, once the view wants its bands, and then of the
// sensitivity sweep, once the view wants it (restarted whenever the sliders changed). The caller chooses max_ticks
// from a time budget (the platform owns the clock). While `workers` other instances of this program take seeds
// (TakeEnsembleJob), only a seed already begun here is finished here. Returns the ticks run (0: no work here), which
// can be fewer than max_ticks, so that the platform times what was really done.
int AdvanceEnsembles(SimLab& lab, int max_ticks, int workers = 0);

// Seeds of the charts' ensembles for another instance of this program to run (the page's Web Workers), so the
// main thread keeps the display's rate. A job names the ensembles' generation, so rows computed for settings the
// reader has since changed are dropped.
struct EnsembleJob {
    int generation = 0;
    int panel = 0;
    int seed = 0; // the seed's index in its ensemble
    std::vector<uint8_t> bytes; // sim::EncodeSeedJob
};
// The next seed to hand out, once the charts want bands; false when none is left or a job failed in this
// generation.
bool TakeEnsembleJob(SimLab& lab, EnsembleJob* out);
// A job's rows (sim::EncodeRows), or empty when its runner failed. Rows that do not decode count as a failure:
// the seed, and every seed of this generation not yet handed out, then run here. Returns false for a failure.
bool FinishEnsembleJob(SimLab& lab, int generation, int panel, int seed, std::span<const uint8_t> rows);
// The browser's sweep: lambda_weak over 0–0.04 in steps of 0.005, EnsembleSeeds seeds, month DefaultHorizonMonths.
sim::SweepSpec SweepSpecForLab();
// The sweep if it was started for the sliders as they are now (finished or not), else nullptr.
const sim::Sweep* CurrentSweep(const SimLab& lab);
// How long one ensemble tick takes here, learnt from the slices the platform has timed. Zero value: not measured yet.
struct EnsemblePace {
    double ms_per_tick = 0.0;
};
// Ticks that fit in budget_ms at the learnt pace: at least 1, at most 1024.
int EnsembleTicksFor(const EnsemblePace& pace, double budget_ms);
// Learns from one slice of `ticks` ticks that took elapsed_ms; implausible timings are ignored.
void MeasureEnsembleSlice(EnsemblePace& pace, int ticks, double elapsed_ms);
// One weekly step of both panels (due scheduled interventions first), with the monthly measurement it completes.
void StepWeek(SimLab& lab);
// Runs weeks at once (the "+3 months" buttons and presets' fast-forward).
void AdvanceWeeks(SimLab& lab, int weeks);

// Applies an intervention to both panels at the same tick and records it; AdvanceWeeks runs the weeks.
void Intervene(SimLab& lab, const sim::Intervention& intervention);
void SetSeed(SimLab& lab, uint64_t seed);
void SetSpeed(SimLab& lab, float weeks_per_second);
// A slider moved: applies to both panels now (structural parameters need a reset, which this does for them).
void SetBaseSettings(SimLab& lab, const sim::Settings& settings);

// The objections' "Test this" ids (remove-organizers, aid-policy, burnout, strike-repression), a flip preset's
// name, or its slug ("fast-friendships"). Resets, configures and fast-forwards to where the result shows; leaves
// the panels paused. Unknown ids change nothing and return false. "none" clears any preset.
bool ApplyPreset(SimLab& lab, std::string_view preset_id);

// One command for the simulation, from the canvas's buttons or the page's HTML controls (web/boot.js): "play",
// "pause", "step", "reset", "seed <n>", "speed <weeks per second>", "knockout", "knockout-end" (back to the run the
// knockout asked about), "guide <step>" or "act <id>" (an id of SimActions()).
// Returns false, changing nothing, for anything else, and for "knockout" when it is not enabled (KnockoutEnabled).
// Under reduced motion "play" advances a month and stays paused.
bool ApplySimCommand(SimLab& lab, std::string_view command, bool reduced_motion);
// Starts the knockout replay on both panels at the current week (pausing play). Under reduced motion it shows the
// final state at once. Changes nothing in the models.
void StartKnockout(SimLab& lab, bool reduced_motion);

// The guided path, MaxGuideStep steps on the reader's seed: 1 week 0, 2 month 6, 3 month 30, 4 the knockout at
// month 30, 5 the strike objection in both of its cases. Each sets the panels up (resetting them) and writes a
// caption from what the run shows. 0 leaves the path (the panels stay as they are). Out-of-range steps clamp.
void GoToGuideStep(SimLab& lab, int step, bool reduced_motion);

// The figure's state as a link (seed, preset, sliders, the reader's interventions, week), and back: applying a link
// resets and replays it, so the panels' state hashes are those of `essay-sim` for the same seed and weeks. Parts the
// lab cannot reproduce (an unknown preset) are skipped.
SimLink CurrentSimLink(const SimLab& lab);
void ApplySimLink(SimLab& lab, const SimLink& link, bool reduced_motion = false);
// Whether the reader changed anything a link should carry (a fresh figure at week 0 needs none).
bool SimLinkWorthSharing(const SimLab& lab);

// The reader's shared-struggle objection: a strike under repression at the current week on both panels, with or
// without picket captains emerging, then three months so the knockout probe has something to measure. The other
// case runs on a copy from the same state, so lab.strike_test holds both.
void TestStrikeObjection(SimLab& lab, bool leaders_emerge);

// Lowercase, non-alphanumerics as single hyphens: "Fast friendships" -> "fast-friendships".
std::string PresetSlug(std::string_view name);

int Week(const SimLab& lab);
// When the figure stands, in the months the figure counts in: "Month 40", or "Month 40 + 1 week" between months.
// (The model's months are four weeks, so "month 30 · week 120" read as a sum that does not add up; the weeks into the
// month say the same without asking the reader to divide.) The summaries and the live region say it as the figure's
// clock does: "Week 160" under "Month 40" read as two clocks to two fresh readers of stop 46.
std::string TimeLabel(int week);
// The view shows the charts: their ensemble may start (and costs nothing before).
void WantEnsemble(SimLab& lab);
// The view shows the sensitivity chart: AdvanceEnsembles may run the sweep once the ensembles are done.
void WantSweep(SimLab& lab);
PanelsVersion CurrentVersion(const SimLab& lab);
// Both panels' drawn counts now (SimLab::drawn_memo).
const std::array<sim::DrawnCounts, PanelCount>& DrawnNow(const SimLab& lab);
// Both panels run their scenario's default settings and nothing has been done to them (any seed, any week): what
// the claims measure at the defaults holds for the picture, so the figure may state it (sim::FigureFindingSentence).
bool AtDefaults(const SimLab& lab);
// The figure's title, from what its picture shows now:
// - the knockout, once it has settled: its answer in its own numbers, in how many tries a call spread and how far,
//   on each panel (KnockoutAnswer);
// - while it plays: the question those numbers answer (KnockoutQuestion);
// - where one map's organizers have all quit, burnt out, and the other's remain: that (OrganizersQuitTitle), the
//   biggest event on the maps, which the finding of month 30 over month 40's maps hid (all three of stop 45's first
//   fresh readers found that title stale);
// - after 30 months at the defaults: the finding the claims measure there (sim::FigureFindingSentence);
// - else what the two maps compare (NeutralFigureTitle).
std::string FigureTitle(const SimLab& lab);
// What the figure's picture says, for the page's HTML, where a screen reader finds the figure (the canvas's words never
// reach it): its title (`title`, FigureTitle(lab), which the caller has already), what differs between the panels
// (sim::FigureCaption) and, at the defaults, where its result flips (sim::FlipBandSentence).
std::string FigureDescription(const SimLab& lab, const std::string& title);
// "The mobilized organizers have burnt out and quit, and no call has come there since month 34; the integrated ones
// remain": the map `panel`'s, its last call's month (-1: none, and no month is given). Live facts of the run only.
std::string OrganizersQuitTitle(int panel, int last_call_month);
extern const char* const NeutralFigureTitle;
extern const char* const KnockoutQuestion;
// The words of the figure's two buttons that follow the run, one source for the canvas and the page's HTML controls
// (which read them from the state): Play, or Pause while it plays; the knockout's question, or while the knockout
// shows, the way back to the run.
// One form on every screen: a 320 px phone had room only for "…vanished?", and its shorter form beside the desktop's
// "…vanished today?" read as two different questions to a fresh reader of stop 43.
inline constexpr const char* KnockoutAskLabel = "What if the organizers vanished?";
inline constexpr const char* KnockoutEndLabel = "Bring the organizers back";
const char* PlayLabel(const SimLab& lab);
const char* KnockoutLabel(const SimLab& lab);
// Organizers still on each map (PanelCount order). "Organizers leave for good" takes them from both maps alike, but
// they also quit after quit_after burnouts, map by map: at the defaults all four of the mobilized map's have quit by
// month 36 in most seeds, and none of the integrated map's (the claim defaults-organizers-quit). So the maps can
// differ, and what the figure says of "the organizers" asks this, not what the reader did.
std::array<int, PanelCount> OrganizersOnMaps(const SimLab& lab);
// The month of a panel's last call; -1 before any.
int LastCallMonth(const SimLab& lab, int panel);
// Whether the knockout's button acts: always to end it, and to start it once time has passed and while organizers
// remain on either map. At week 0 nothing has happened for the organizers to leave behind (two fresh readers of stop
// 44 found the question offered there); once none is left, "What if the organizers vanished?" asks about what the
// maps already show. The canvas draws the button disabled, the page's HTML button follows `knockout.enabled`, and
// "knockout" is refused.
bool KnockoutEnabled(const SimLab& lab);
// "If the organizers vanished today, 6 of 10 integrated calls would still reach 57–63%; no mobilized call would pass
// its starter" (seed 1, month 30): from the attendees of the knockout's `tries` per panel, how many spread and how
// far (shares of `residents`), split as KnockoutSettledWords splits them; where they do not part so widely, their
// range ("mobilized calls would bring 0.3–3%"); where all brought the same, that.
std::string KnockoutAnswer(const std::array<std::vector<int32_t>, PanelCount>& tries, int residents);
// The average attendees of the knockout probe's tries on panel (Knockout::turnout_without times the residents).
double KnockoutMeanCame(const KnockoutPlay& play, int panel);
// The large figure over a panel's words once the knockout has settled: how many of its `tries` (attendees each) spread,
// split as KnockoutAnswer splits them, "6 of 10" (seed 1's integrated, month 30); "0 of 10" where none brought anyone
// but its starter; empty where the tries do not part so widely, and the caller gives their average. Stop 51's fresh
// readers rejected the average there, stop 52's and 53's the map's try; five of stop 53's last six, and all three of
// stop 54's first, asked for the count.
std::string KnockoutSettledCount(const std::vector<int32_t>& tries, int residents);
// The words under it, a bar each for the tries, the try its map replays (`shown` attendees) outlined. At `narrower` 0,
// "calls spread, to 57–63%, and 4 stayed at 1%; outlined: the call on the map (57%)"; for narrower room, at 1, "calls
// spread, to 57–63%, and 4 stayed at 1%", at 2, "calls spread, to 57–63%; 4 at 1%", at 3, "calls spread, to 57–63%"
// (the tries that stayed go last: two of stop 54's fresh readers found a phone's "tries spread, to 57–63%" dropped the
// honest half). Where none spread, "calls brought anyone but the one who started it" (narrower, "calls brought anyone
// else"); where every try brought the same, "came to every call"; where the tries do not part, under their average,
// "average of 10 calls, all at 20–45%; outlined: the call on the map (31%)", "average of 10 calls; outlined: the call
// on the map (31%)", then "average of 10 calls".
std::string KnockoutSettledWords(const std::vector<int32_t>& tries, int shown, int residents, int narrower = 0);
// The knockout's first words under the maps' key: who starts its call instead of the organizers, by the run's rule
// (sim::InitiatorRule): "from an organizer" under maps whose organizers were gone contradicted them (a fresh reader of
// stop 43). And, where acquaintances carry word (w_info below w_friend, as at the defaults), that the call spreads
// along them too, "(not drawn)" unless `acquaintances_drawn`: residents who "heard of it" with no drawn tie to anyone
// who came contradicted "spreads along neighbors' ties" (a fresh reader of stop 44), and with acquaintances in no key
// all three of stop 74's first fresh readers asked where those ties were.
std::string KnockoutStartNote(const sim::Settings& rules, bool acquaintances_drawn);
// "If its 53 exhausted residents were rested, the mobilized neighborhood would still bring only the one who started
// it.": for each panel
// with exhausted residents, what the knockout would bring were none of them (KnockoutPlay::rested), "still" where
// that is what it brings now; empty where nobody is exhausted, or no knockout shows.
std::string KnockoutRestedNote(const KnockoutPlay& play);
// Where a panel's tries part into some that spread and some that stayed, whether where they started or who was free
// that week kept those that stayed small (KnockoutPlay::all_free): "The 4 integrated calls that stayed at 1% started
// where ties could not carry them far: even had every rested resident been able to come that week, they would still
// have brought no more than 1%."; "… stayed small because too few were able to come that week: had every rested
// resident been able to, they would have brought at least 50%."; or, split, "Of the 4 …, 3 started where ties could
// not carry them far (even had every rested resident been able to come that week, still no more than 1%), and 1
// stayed small because too few were able to come (at least 50%)." Empty where no panel's tries part, or no knockout
// shows.
std::string KnockoutStarterNote(const KnockoutPlay& play);
// The reader is on a step of the guided path, and has not changed the figure since it was set up.
bool OnGuideStep(const SimLab& lab);
// Something on the figure moves every frame (play, a call spreading): draw every frame.
bool SimAnimating(const SimLab& lab);
// The charts' ensemble (or the wanted sweep) still has work: keep the loop running, though the bands need not be
// redrawn every frame.
bool EnsembleRunning(const SimLab& lab);
// The latest monthly measurement of a panel, or nullptr before the first.
const sim::Metrics* Latest(const SimLab& lab, int panel);
// Turnout of a panel's most recent call (share of residents), or -1 before the first call.
double LastTurnout(const SimLab& lab, int panel);
double EnsembleProgress(const SimLab& lab);
// Where the maps' run stands among the bands' seeds at its latest month, for the charts' note: each panel's charted
// metrics where its run lies above the seeds' 90th percentile or below their 10th, as "This run at month 30:
// integrated above the band in the largest group, below it in leaders; mobilized inside every band." Empty until both
// ensembles are complete. (Seed 1's maps have more close ties and a larger group than most seeds: two fresh readers
// found it only by reading the charts, and nothing said so.)
std::string RunAgainstBands(const SimLab& lab);

// {"week":..,"month":..,"playing":..,"speed":..,"speedRange":[min,max],"seed":..,"mobilizedTurnout":..,"integratedTurnout":..,
//  "mobilizedHash":..,"integratedHash":..,"status":"<one sentence for a live region>","summary":"<the last event>",
//  "description":"<what the picture says, FigureDescription>",
//  "actions":[{"id":..,"label":..,"enabled":..}],
//  "drawn":{"mobilized":{friend,close,list,acquaintance,leaders,exhausted},"integrated":{..}},
//  "knockout":{"phase":"idle|running|done","round":..,"lit":[m,i],"final":[m,i],"heard":[m,i],"residents":..,
//  "exhausted":[m,i],"rested":[m,i],"draw":..,"label":..,"enabled":..},"guide":..,"figureY":..,
//  "maps":[[x,y,w,h],[x,y,w,h]],"turnoutTitles":[m,i],"controls":{id:[x,y,w,h]}}, the figure's place, its maps', its
// counts of calls in all (FrameReport::turnout_titles) and controls as the last drawn frame reported them. StateJson
// adds the ensemble's progress.
std::string SimJson(const SimLab& lab, const FrameReport& drawn);
// How many residents panel k's calls have brought so far, all told (one resident at two calls counts twice): the
// mobilized side's many small calls bring more in all than the integrated side's few large ones (`calls-per-side`),
// which turnout per call alone hides (five of stop 59's fresh readers).
int Attendances(const SimLab& lab, int k);
// A count with its thousands set apart, "3,586".
std::string GroupedCount(int n);
// A panel's turnout line's titles, fullest first, each shorter than the one before; the figure sets the first its room
// keeps. All but the last say how many came to the side's calls all told: "3,935 came to 74 calls; turnout of each,
// months 0–30", then without the span, then "…; turnout:" leading into the line beside it (a 390 px phone's, whose
// line was unnamed to stop 62's fresh readers), then without naming the line, then "3,935 in 74 calls" for a 320 px
// phone. The total is what turnout per call leaves out, and a phone that dropped it made the small screen's figure
// the more one-sided (all three of stop 59's last fresh readers). The last, "turnout", is for a figure too narrow
// for a count.
constexpr int TurnoutTitleForms = 6;
std::array<std::string, TurnoutTitleForms> TurnoutTitles(const SimLab& lab, int k);
// A wide figure's: its turnout lines' title, "turnout of each call, months 0–30" (the counts are the tally's, under the
// share), and the words at the end of panel k's tally bar, fullest first: "3,935 came to 74 calls in all, a segment
// each" (all three of stop 66's first fresh readers had to guess what a segment was), "3,935 came to 74 calls in
// all", "3,935 in 74 calls"; the figure sets the first that leaves the bar its room. From the panel's TurnoutTitles,
// which the figure builds once a frame.
std::string TurnoutSpanTitle(const SimLab& lab);
constexpr int TallyWordForms = 3;
std::array<std::string, TallyWordForms> TallyWords(const std::array<std::string, TurnoutTitleForms>& titles);
// "Month 3, paused. Turnout at the last call: Mobilized 41%, Integrated 37%. Calls so far: Mobilized 9, 120 came in
// all; Integrated 2, 74 came in all." for a live region (no calls' count before the first call).
std::string SimStatusSentence(const SimLab& lab);

} // namespace app
