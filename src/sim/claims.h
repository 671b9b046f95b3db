// The claims table: every sentence shown to readers about how the model behaves (each flip preset's "why", the
// objection test's sentences, status lines, README), with how it is measured and the threshold it must meet, and
// the runner that measures them over seeds. Knows no rendering, files or clock.
//
// Ownership: Claims() returns static data valid for the program's life (preset sentences point into
// FlipPresets()). A ClaimRunner owns the runs it has cached; claims measured by one runner share them.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/ensemble.h"
#include "sim/metrics.h"
#include "sim/scenario.h"

namespace sim {

// Sentences the figure shows outside the flip presets. Each is the sentence of a claim below, so the app shows
// exactly what `essay-sim --claims` measures.
extern const char* const StrikeTiesSentence;      // the objection test: what a strike does to ties
extern const char* const StrikeCaptainsSentence;  // the objection test: the two cases, with their figures
extern const char* const BurnoutCallsSentence;    // the "burnout" objection's status line
extern const char* const AcquaintanceTippingSentence; // under the lambda_weak sweep in the assumptions drawer
extern const char* const FigureFindingSentence;   // the figure's title while it runs at the defaults
extern const char* const LeadersMadeSentence;     // "How the model works": what makes a leader, and that it lasts
extern const char* const OrganizersTireSentence;  // "How the model works": why the mobilized organizers quit
extern const char* const CallsPerSideSentence;    // README: how often each side calls, beside turnout per call
extern const char* const RulesAlikeSentence;      // a wide figure's caption: what both maps assume
extern const char* const FlipBandSentence;        // the figure's "When calls outlast…" scale, in words (FlipBands)
extern const char* const FlipBandNote;            // the scale's own note over its rows: both bands start near half
extern const char* const HoursOverAidSentence;    // "How the model works": the bands' finding, hours over aid

// Where the figure's result holds along the organizers' hours on relationships (relational_share), under each side's
// aid rule, the rest at the defaults: between a band's shares the median knockout ratio at month 30 is at least
// PersistsRatio. Indexed as the panels are: [0] aid to members only (the mobilized side's rule), [1] aid to all (the
// integrated side's). The figure draws these numbers; the claim figure-flips measures them, and that outside them
// the median is below PersistsRatio but for a stretch just under the members-only band, which FlipBandSentence names;
// and that both bands start within 0.05 of half the hours, as FlipBandNote says ("about half").
struct ShareBand {
    double from = 0.0;
    double to = 0.0;
};
inline constexpr ShareBand FlipBands[2] = {{0.49, 0.98}, {0.52, 0.88}};

struct ClaimResult {
    bool pass = false;
    std::string measured;  // the figures, in words ("median 0.12 over 16 seeds; ...")
};

class ClaimRunner;

struct Claim {
    const char* id;
    const char* shown;      // where readers meet the sentence
    const char* sentence;   // the sentence exactly as shown
    const char* measure;    // how it is measured
    const char* threshold;  // what must hold for PASS
    int seeds;              // seeds 1..seeds
    ClaimResult (*run)(ClaimRunner& runner, const Claim& claim);
};

std::span<const Claim> Claims();
const Claim* FindClaim(std::string_view id);

// What the objection test measures in one panel and seed: the knockout ratio before a strike at month 18 and three
// months after it, and the friendship component the month before and after it began.
// A run's calls up to some month, those the organizers made from their hours (none a reader called): how many, and
// how many residents came to them all together (one resident at two calls counts twice).
struct CallTally {
    int calls = 0;
    int attendances = 0;
};

struct StrikeSample {
    double ratio_before = 0.0;
    double ratio_after = 0.0;
    double component_before = 0.0;
    double component_after_month = 0.0;
};

// Measures claims, caching runs so claims over the same settings share them.
class ClaimRunner {
public:
    ClaimResult Run(const Claim& claim) { return claim.run(*this, claim); }

    // Metrics at `months` of runs over seeds 1..seeds of one panel, with a flip preset (may be empty) and extra
    // assignments (may be empty) applied to that panel's settings.
    const std::vector<Metrics>& Final(ScenarioKind kind, std::string_view preset, std::string_view assignments,
                                      int months, int seeds);
    // The calls of runs of one panel over seeds 1..seeds, up to `months`, at the defaults or with a flip preset:
    // Final's runs, counted as they are made.
    const std::vector<CallTally>& Calls(ScenarioKind kind, int months, int seeds, std::string_view preset = "");
    // The app's strike test (app::TestStrikeObjection): defaults for 18 months, then the strike settings of the
    // preset "Minnesota: big strike, leaders emerge" (captains) or "Strike, no leaders emerge", a strike, 3 months.
    const std::vector<StrikeSample>& Strike(ScenarioKind kind, bool captains, int seeds);

private:
    std::map<std::string, std::vector<Metrics>> finals_;
    std::map<std::string, std::vector<StrikeSample>> strikes_;
    std::map<std::string, std::vector<CallTally>> calls_;  // by Final's key, filled with finals_
};

}  // namespace sim
