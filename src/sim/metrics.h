// Chart metrics read from a Model (simulation.md §3.10), including the knockout probe "turnout if the organizers
// vanished today"; knows nothing of charts, files or scenarios. Measuring never changes the model.
//
// Ownership: Metrics is a plain value; MetricTable() returns static data valid for the program's life.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>

#include "sim/model.h"

namespace sim {

enum class Metric : int {
    Participation,          // person-events per resident since the last measurement
    TurnoutPerCall,         // mean turnout of the calls since then (else the latest call's), share of residents
    TurnoutWith,            // probe: turnout with the organizers (forced active), share of residents
    TurnoutWithout,         // probe: turnout if the organizers vanished today
    KnockoutRatio,          // TurnoutWithout / TurnoutWith (0 when nobody would come; NaN once no organizer is left)
    ReachWithout,           // probe: share of residents who would even hear of a call without organizers
    FriendComponent,        // largest component of resident ties with w ≥ w_friend, share of residents
    TwoCore,                // residents in the 2-core of friend ties, share (wide bridges; Centola)
    CloseTies,              // resident–resident ties with w ≥ w_close
    MeanTieStrength,        // mean w of resident–resident ties
    Leaders,
    LeaderTies,             // friend ties between leaders (snowflake)
    Exhausted,              // residents with energy below e_min
    MinOrganizerEnergy,     // 0 when no organizer remains
    OrganizerBurnouts,      // cumulative
    OrganizerQuits,         // cumulative
    ResidentBurnouts,       // cumulative
    Subscribers,
    Unsubscribes,           // cumulative
    AidCoverage,            // share of residents ever helped
    CrossOpinionFriendShare,  // friend ties across an opinion gap > dis_cut (bridging; Putnam)
    ParticipantDistance,    // mean |opinion − line| of probe participants with organizers (sorting)
    Count,
};
constexpr int MetricCount = static_cast<int>(Metric::Count);

struct MetricInfo {
    Metric metric;
    const char* name;   // snake_case column name for CSV and JSON
    const char* label;  // short label for a chart
};
std::span<const MetricInfo> MetricTable();
const char* MetricName(Metric metric);

struct Metrics {
    int32_t tick = 0;
    std::array<double, MetricCount> values{};
    double operator[](Metric m) const { return values[static_cast<int>(m)]; }
    double& operator[](Metric m) { return values[static_cast<int>(m)]; }
    bool operator==(const Metrics&) const = default;
};

// Probes per knockout measurement: outcomes are bimodal (Watts 2002), so one initiator draw is not an answer.
constexpr int ProbeDraws = 10;

struct Knockout {
    double turnout_with = 0.0;
    double turnout_without = 0.0;
    double ratio = 0.0;  // NaN when no organizer remains (every organizer quit or was removed)
    double reach_without = 0.0;
    double participant_distance = 0.0;
};
// Both probes use the same availability draws (keyed by the model's tick and the draw), so the only difference
// between them is whether the organizers seed the call and blast their lists.
Knockout ProbeKnockout(const Model& model, int draws = ProbeDraws);

// One draw of the knockout probe, exactly as ProbeKnockout runs it: with or without the organizers.
CallOutcome ProbeCall(const Model& model, int draw, bool with_organizers);

// The draw of the "without organizers" probe whose turnout is the median of the draws (the lower median for an even
// count; ties go to the lowest draw), with its cascade, so a figure can replay the model's own spread round by round.
struct MedianProbe {
    int draw = 0;
    CallOutcome outcome;  // ProbeCall(model, draw, false)
    int rounds = 0;       // the last generation in which a resident joined (0 when only the first sweep joined)
    // Every draw's attendees, in draw order: their mean share is Knockout::turnout_without, the figure's chart of
    // turnout without organizers, which a bimodal spread can leave far from the median draw the maps replay.
    std::vector<int32_t> attendees;
};
MedianProbe MedianProbeDraw(const Model& model, int draws = ProbeDraws);

// Whether a "without organizers" try was kept small by who started it or by who was free that week: per draw, the
// residents the same try (the same starters, drawn as ProbeCall draws them) would bring with everyone able to come
// (Model::Eligible) free, the week's availability draw left out. The tries differ only in those two draws, so where
// this stays small, the starter kept the try small. Never fewer than the try brought: more can join and nothing else
// changes. A counterfactual, never a step.
std::vector<int32_t> ProbeStartersAllFree(const Model& model, int draws = ProbeDraws);

// How the figure encodes a tie between residents: by weight class (settings' w_friend and w_close).
enum class TieClass : uint8_t { Acquaintance, Friend, Close };
TieClass ClassifyTie(const Settings& settings, double w);
// A resident too tired to attend (energy below e_min), as the Exhausted metric counts them.
bool IsExhausted(const Model& model, NodeId i);

// What the figure draws of one neighborhood, counted with the same rules as the metrics: live ties between
// residents by class, subscribers on an organizer's list, leaders and exhausted residents.
struct DrawnCounts {
    int friend_ties = 0;  // w_friend ≤ w < w_close
    int close_ties = 0;   // w ≥ w_close (the CloseTies metric)
    // Friend and close ties by what built most of them (sim::Dominant), the colour the map draws them in.
    std::array<int, TieSourceCount> built_by{};
    int list = 0;         // residents on an organizer's list (the Subscribers metric)
    int acquaintance = 0; // live, w < w_friend
    int leaders = 0;
    int exhausted = 0;
    int residents = 0;    // living there, not removed: the dots the map draws
    bool operator==(const DrawnCounts&) const = default;
};
DrawnCounts CountDrawn(const Model& model);

// Which metrics a measurement computes, one bit per Metric; zero means all of them. A chart that shows a few need not
// pay for the rest: the knockout probe's runs with the organizers are about half of a month's measuring at N=300,
// and the figure's charts read only the runs without them.
using MetricMask = uint32_t;
constexpr MetricMask AllMetrics = 0;
static_assert(MetricCount < 32, "one bit per metric, and a shift past the last is defined");
constexpr MetricMask MaskOf(std::initializer_list<Metric> metrics) {
    MetricMask mask = 0;
    for (Metric m : metrics) mask |= MetricMask{1} << static_cast<int>(m);
    return mask;
}
constexpr bool Measures(MetricMask mask, Metric m) { return mask == AllMetrics || (mask >> static_cast<int>(m) & 1u); }

// The metrics in `only` (all by default) now, each the same value bit for bit whatever else is measured; the others
// are NaN. Participation and TurnoutPerCall cover the calls held at or after since_tick.
Metrics Measure(const Model& model, int32_t since_tick, MetricMask only = AllMetrics);

}  // namespace sim
