// Computes the chart metrics and the knockout probe from a Model's current state; knows no charts and no history.
#include "sim/metrics.h"

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

namespace sim {
namespace {

constexpr MetricInfo Table[] = {
    {Metric::Participation, "participation", "Person-events per resident"},
    {Metric::TurnoutPerCall, "turnout_per_call", "Turnout per call"},
    {Metric::TurnoutWith, "turnout_with", "Turnout with organizers"},
    {Metric::TurnoutWithout, "turnout_without", "Turnout if organizers vanished"},
    {Metric::KnockoutRatio, "knockout_ratio", "If organizers vanished today (ratio)"},
    {Metric::ReachWithout, "reach_without", "Reach without organizers"},
    {Metric::FriendComponent, "friend_component", "Friendship component share"},
    {Metric::TwoCore, "two_core", "Friend 2-core share"},
    {Metric::CloseTies, "close_ties", "Close ties"},
    {Metric::MeanTieStrength, "mean_tie_strength", "Mean tie strength"},
    {Metric::Leaders, "leaders", "Leaders"},
    {Metric::LeaderTies, "leader_ties", "Ties among leaders"},
    {Metric::Exhausted, "exhausted", "Exhausted residents"},
    {Metric::MinOrganizerEnergy, "min_organizer_energy", "Lowest organizer energy"},
    {Metric::OrganizerBurnouts, "organizer_burnouts", "Organizer burnouts"},
    {Metric::OrganizerQuits, "organizer_quits", "Organizers who quit"},
    {Metric::ResidentBurnouts, "resident_burnouts", "Resident burnouts"},
    {Metric::Subscribers, "subscribers", "Subscribers"},
    {Metric::Unsubscribes, "unsubscribes", "Unsubscribes"},
    {Metric::AidCoverage, "aid_coverage", "Share ever helped"},
    {Metric::CrossOpinionFriendShare, "cross_opinion_friend_share", "Cross-opinion friend ties"},
    {Metric::ParticipantDistance, "participant_distance", "Participants' distance from the line"},
};
static_assert(sizeof Table / sizeof Table[0] == MetricCount, "one row per metric");

uint64_t ProbeKey(int32_t tick, int draw) {
    constexpr uint64_t ProbeTag = 4;  // distinct from the model's call tags
    return (ProbeTag << 56) | (static_cast<uint64_t>(static_cast<uint32_t>(tick)) << 8) | static_cast<uint64_t>(draw);
}

CallOptions ProbeOptions(const Model& model, int draw, bool with_organizers) {
    // "With" forces the organizers active (the gauge asks what they could do now, burnt out or not).
    return {with_organizers, with_organizers, 1.0, ProbeKey(model.tick(), draw)};
}

int CountResidents(const std::vector<uint8_t>& flags, int residents) {
    int count = 0;
    for (int i = 0; i < residents; ++i) count += flags[static_cast<size_t>(i)];
    return count;
}

}  // namespace

std::span<const MetricInfo> MetricTable() { return Table; }

const char* MetricName(Metric metric) { return Table[static_cast<int>(metric)].name; }

CallOutcome ProbeCall(const Model& model, int draw, bool with_organizers) {
    return model.SimulateCall(ProbeOptions(model, draw, with_organizers));
}

namespace {

// The same calls as ProbeCall(model, d, true) and ProbeCall(model, d, false) for each draw, run the cheap way: the
// two probes of a draw share its availability draws, and all of them the thresholds (one risk) and one layout of the
// ties (CascadeGraph). Either run of a draw is left out where nothing asks for what it measures (its fields stay 0);
// with every organizer gone the two are one call, run as "with".
Knockout Probe(const Model& model, int draws, bool with_wanted, bool without_wanted) {
    Knockout k;
    const Settings& s = model.settings();
    const double residents = s.residents;
    double distance = 0.0;
    int participants = 0;
    const CascadeGraph graph(model.network());
    CascadeSetup setup;
    CascadeResult with, without;
    std::vector<double> pull;
    model.SetUpThresholds(ProbeOptions(model, 0, true).risk, setup);  // every draw's, with or without
    // With every organizer gone (they quit, or the reader removed them), "with" seeds no organizer: the same seeds,
    // awareness and pull as "without", so the same call, run once.
    const bool none_left = model.RemainingOrganizers() == 0;
    const bool run_with = with_wanted || none_left, run_without = without_wanted && !none_left;
    for (int d = 0; d < draws; ++d) {
        const CallOptions with_options = ProbeOptions(model, d, true), without_options = ProbeOptions(model, d, false);
        model.SetUpWhoCanJoin(with_options, setup);
        if (run_with) {
            model.SetUpSeeds(with_options, setup);
            graph.Run(setup, with, pull);
        }
        if (run_without) {
            model.SetUpSeeds(without_options, setup);
            graph.Run(setup, without, pull);
        }
        const CascadeResult& off = none_left ? with : without;
        if (run_with) {
            k.turnout_with += CountResidents(with.joined, s.residents) / residents;
            for (int i = 0; i < s.residents; ++i)
                if (with.joined[i]) {
                    const double gap = model.agents()[i].opinion - s.issue_line;
                    distance += gap < 0 ? -gap : gap;
                    ++participants;
                }
        }
        if (without_wanted) {
            k.turnout_without += CountResidents(off.joined, s.residents) / residents;
            k.reach_without += CountResidents(off.aware, s.residents) / residents;
        }
    }
    if (draws > 0) {
        k.turnout_with /= draws;
        k.turnout_without /= draws;
        k.reach_without /= draws;
    }
    // With no organizer left there is nothing to knock out: the ratio is undefined, not 1.
    if (model.RemainingOrganizers() == 0)
        k.ratio = std::numeric_limits<double>::quiet_NaN();
    else
        k.ratio = k.turnout_with > 0.0 ? k.turnout_without / k.turnout_with : 0.0;
    k.participant_distance = participants > 0 ? distance / participants : 0.0;
    return k;
}

}  // namespace

Knockout ProbeKnockout(const Model& model, int draws) { return Probe(model, draws, true, true); }

MedianProbe MedianProbeDraw(const Model& model, int draws) {
    MedianProbe median;
    if (draws <= 0)
        return median;
    std::vector<std::pair<int32_t, int>> turnouts;  // (attendees, draw): sorting breaks ties by the lower draw
    for (int d = 0; d < draws; ++d) {
        median.attendees.push_back(ProbeCall(model, d, false).attendees);
        turnouts.emplace_back(median.attendees.back(), d);
    }
    std::sort(turnouts.begin(), turnouts.end());
    median.draw = turnouts[size_t(draws - 1) / 2].second;
    median.outcome = ProbeCall(model, median.draw, false);
    const int residents = model.settings().residents;
    for (int i = 0; i < residents && i < int(median.outcome.cascade.generation.size()); ++i)
        if (median.outcome.cascade.joined[size_t(i)])
            median.rounds = std::max(median.rounds, int(median.outcome.cascade.generation[size_t(i)]));
    return median;
}

std::vector<int32_t> ProbeStartersAllFree(const Model& model, int draws) {
    std::vector<int32_t> attendees;
    const int residents = model.settings().residents;
    CascadeSetup setup;
    CascadeResult cascade;
    std::vector<double> pull;
    for (int d = 0; d < draws; ++d) {
        const CallOptions options = ProbeOptions(model, d, false);
        model.SetUpAvailability(options, setup);
        model.SetUpSeeds(options, setup); // drawn among those free that week, as the try drew them
        for (NodeId i = 0; i < NodeId(residents); ++i)
            setup.can_join[i] = model.Eligible(i) ? 1 : 0;
        RunCascade(model.network(), setup, cascade, pull);
        attendees.push_back(CountResidents(cascade.joined, residents));
    }
    return attendees;
}

TieClass ClassifyTie(const Settings& settings, double w) {
    return w >= settings.w_close ? TieClass::Close : w >= settings.w_friend ? TieClass::Friend : TieClass::Acquaintance;
}

bool IsExhausted(const Model& model, NodeId i) {
    const Agent& a = model.agents()[i];
    return !a.organizer && !a.removed && a.energy < model.settings().e_min;
}

DrawnCounts CountDrawn(const Model& model) {
    DrawnCounts c;
    const Settings& s = model.settings();
    const NodeId residents = static_cast<NodeId>(s.residents);
    const std::vector<Tie>& ties = model.network().Ties();
    const std::vector<TieOrigin>& origins = model.network().Origins();
    for (size_t i = 0; i < ties.size(); ++i) {
        const Tie& t = ties[i];
        if (!t.alive || t.a >= residents || t.b >= residents)
            continue;
        const TieClass kind = ClassifyTie(s, t.w);
        switch (kind) {
        case TieClass::Close: ++c.close_ties; break;
        case TieClass::Friend: ++c.friend_ties; break;
        case TieClass::Acquaintance: ++c.acquaintance; break;
        }
        if (kind != TieClass::Acquaintance)
            ++c.built_by[static_cast<size_t>(Dominant(origins[i]))];
    }
    for (NodeId i = 0; i < residents; ++i) {
        const Agent& a = model.agents()[i];
        c.leaders += model.IsLeader(i);
        c.exhausted += IsExhausted(model, i);
        c.list += !a.removed && a.list_owner != NoOrganizer;
        c.residents += !a.removed;
    }
    return c;
}

Metrics Measure(const Model& model, int32_t since_tick, MetricMask only) {
    const auto wants = [only](Metric metric) { return Measures(only, metric); };
    Metrics m;
    m.tick = model.tick();
    const Settings& s = model.settings();
    const NodeId residents = static_cast<NodeId>(s.residents);
    const std::vector<Agent>& agents = model.agents();

    const std::vector<CallRecord>& calls = model.calls();
    double recent = 0.0;
    int recent_count = 0;
    for (size_t c = calls.size(); c-- > 0 && calls[c].tick >= since_tick;) {
        recent += calls[c].turnout;
        ++recent_count;
    }
    m[Metric::Participation] = recent;
    m[Metric::TurnoutPerCall] = recent_count > 0 ? recent / recent_count : (calls.empty() ? 0.0 : calls.back().turnout);

    // The costly parts only where something asks for them: the probe's two runs, the components and the 2-core.
    const bool with_wanted = wants(Metric::TurnoutWith) || wants(Metric::KnockoutRatio) ||
                             wants(Metric::ParticipantDistance);
    const bool without_wanted = wants(Metric::TurnoutWithout) || wants(Metric::KnockoutRatio) ||
                                wants(Metric::ReachWithout);
    if (with_wanted || without_wanted) {
        const Knockout k = Probe(model, ProbeDraws, with_wanted, without_wanted);
        m[Metric::TurnoutWith] = k.turnout_with;
        m[Metric::TurnoutWithout] = k.turnout_without;
        m[Metric::KnockoutRatio] = k.ratio;
        m[Metric::ReachWithout] = k.reach_without;
        m[Metric::ParticipantDistance] = k.participant_distance;
    }

    const Network& net = model.network();
    if (wants(Metric::FriendComponent))
        m[Metric::FriendComponent] = static_cast<double>(LargestComponent(net, residents, s.w_friend)) / residents;
    if (wants(Metric::TwoCore))
        m[Metric::TwoCore] = static_cast<double>(CoreSize(net, residents, s.w_friend, 2)) / residents;

    double weight = 0.0;
    int resident_ties = 0, close = 0, friends = 0, cross = 0, leader_ties = 0;
    for (const Tie& t : net.Ties()) {
        if (!t.alive || t.b >= residents) continue;
        weight += t.w;
        ++resident_ties;
        close += t.w >= s.w_close;
        if (t.w < s.w_friend) continue;
        ++friends;
        const double gap = agents[t.a].opinion - agents[t.b].opinion;
        cross += (gap < 0 ? -gap : gap) > s.dis_cut;
        leader_ties += model.IsLeader(t.a) && model.IsLeader(t.b);
    }
    m[Metric::CloseTies] = close;
    m[Metric::MeanTieStrength] = resident_ties > 0 ? weight / resident_ties : 0.0;
    m[Metric::CrossOpinionFriendShare] = friends > 0 ? static_cast<double>(cross) / friends : 0.0;
    m[Metric::LeaderTies] = leader_ties;

    int leaders = 0, exhausted = 0, subscribers = 0, helped = 0;
    for (NodeId i = 0; i < residents; ++i) {
        const Agent& a = agents[i];
        leaders += model.IsLeader(i);
        if (a.removed) continue;
        exhausted += a.energy < s.e_min;
        subscribers += a.list_owner != NoOrganizer;
        helped += a.aid_received > 0;
    }
    m[Metric::Leaders] = leaders;
    m[Metric::Exhausted] = exhausted;
    m[Metric::Subscribers] = subscribers;
    m[Metric::AidCoverage] = static_cast<double>(helped) / residents;

    double min_energy = 1.0;
    bool any = false;
    for (int o = 0; o < s.organizers; ++o) {
        const Agent& a = agents[model.OrganizerNode(o)];
        if (a.removed) continue;
        min_energy = std::min(min_energy, a.energy);
        any = true;
    }
    m[Metric::MinOrganizerEnergy] = any ? min_energy : 0.0;
    const Counters& c = model.counters();
    m[Metric::OrganizerBurnouts] = c.organizer_burnouts;
    m[Metric::OrganizerQuits] = c.organizer_quits;
    m[Metric::ResidentBurnouts] = c.resident_burnouts;
    m[Metric::Unsubscribes] = c.unsubscribes;
    // What was not asked for is NaN, never a value from a part left out (a probe run with only one of its halves).
    for (int i = 0; i < MetricCount; ++i)
        if (!wants(static_cast<Metric>(i))) m.values[size_t(i)] = std::numeric_limits<double>::quiet_NaN();
    return m;
}

}  // namespace sim
