// One neighborhood's simulation state and its fixed weekly tick (simulation.md §3); knows no clock, no I/O, no
// scenario names and nothing of how it is drawn.
//
// Ownership and lifetime: Model is a value type. Copying it is a snapshot; assigning a copy back restores it.
// Construction is O(N) (grid-based nearest neighbors). Step() advances one week; interventions are applied at tick
// boundaries with Apply(). Everything random comes from keyed streams (rng.h), so the same Settings and seed give
// the same StateHash() on every platform, and both scenarios face the same needs, shocks and availability draws.
//
// Node layout: residents are nodes [0, residents), organizer k is node residents + k.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/network.h"
#include "sim/settings.h"

namespace sim {

struct Stream;

// A home moved within its grid cell so that the homes' jitter spans the whole cell rather than its middle: the same
// order on each axis, the same cell, for `nodes` homes (residents and organizers). The margins the jitter leaves keep
// homes apart in the model's distances, but a view that stretches the unit square to a wide map draws them as empty
// lanes between columns of homes. Only for drawing; every distance the model uses is between the homes themselves.
Point SpreadInCell(Point home, size_t nodes);

constexpr int NoOrganizer = -1;
// Weeks per month in the essay's charts and the CLI (units are illustrative, not a forecast).
constexpr int WeeksPerMonth = 4;
// Spatial neighbors kept per node for chance encounters, gatherings, aid matching and picket lines.
constexpr int SpatialNeighbors = 10;

struct Agent {
    Point home;
    double opinion = 0.0;      // on the current issue, in [−1, 1]
    double threshold = 0.0;    // participation threshold, in summed tie weight
    double energy = 1.0;       // in [0, 1]
    double leadership = 0.0;
    double deter = 0.0;        // threshold shift from repression (negative: committed by it)
    int32_t burnout_until = -1;  // in burnout while tick <= burnout_until
    int32_t burnouts = 0;
    int32_t ignored = 0;       // consecutive calls ignored while subscribed
    int32_t last_attend = -1000;
    int32_t aid_received = 0;
    int32_t list_owner = NoOrganizer;  // the organizer whose list this resident is on
    bool organizer = false;
    bool removed = false;

    bool operator==(const Agent&) const = default;
};

enum class CallKind : uint8_t { Protest, Strike };

struct CallRecord {
    int32_t tick = 0;
    CallKind kind = CallKind::Protest;
    bool reader_called = false;  // called by an intervention rather than from banked organizer hours
    int32_t attendees = 0;       // residents only
    int32_t aware = 0;
    double turnout = 0.0;        // attendees / residents
    bool operator==(const CallRecord&) const = default;
};

// Organizer hours allocated this tick, by category. Their sum equals organizer_hours × active organizers.
struct HoursLog {
    double one_on_one = 0.0;
    double gatherings = 0.0;
    double aid_matching = 0.0;
    double canvassing = 0.0;
    double call_prep = 0.0;
    double Total() const { return one_on_one + gatherings + aid_matching + canvassing + call_prep; }
    bool operator==(const HoursLog&) const = default;
};

struct Counters {
    int32_t calls = 0;
    int32_t organizer_burnouts = 0;
    int32_t organizer_quits = 0;
    int32_t resident_burnouts = 0;
    int32_t unsubscribes = 0;
    int32_t aid_given = 0;
    int32_t aid_refused = 0;
    int32_t ties_made = 0;
    int32_t ties_cut = 0;
    bool operator==(const Counters&) const = default;
};

enum class InterventionKind : uint8_t {
    RemoveOrganizers,  // every organizer leaves today
    CallProtest,       // a protest now, with organizers if any remain, otherwise by the initiator rule
    CallStrike,        // a strike over the next strike_weeks ticks (settings' strike parameters)
    SetAidPolicy,      // value 1: conditional, 0: unconditional
    DivisiveIssue,     // a divisive issue now
    AdvanceWeeks,      // value: number of weekly ticks to run
    RemoveResidents,   // value: that many random residents leave (the control for removing the organizers)
};

struct Intervention {
    InterventionKind kind = InterventionKind::AdvanceWeeks;
    int value = 0;
    bool operator==(const Intervention&) const = default;
};

// How a call is simulated; Probe() and the real calls share one cascade.
struct CallOptions {
    bool with_organizers = true;
    bool force_organizers = false;  // organizers in burnout seed too (the "turnout now" gauge)
    double risk = 1.0;
    uint64_t key = 0;               // availability and initiator draws
};

struct CallOutcome {
    CascadeResult cascade;
    int32_t attendees = 0;  // residents only
    int32_t aware = 0;      // residents only
};

// Buffers the tick reuses from week to week, so that once warm it allocates nothing. Not state: a copy starts empty
// (assigning keeps the target's buffers), and any two compare equal, so snapshots, comparison and the hash ignore it.
struct TickWorkspace {
    std::vector<uint32_t> list_start, fill, stamp;  // subscribers grouped by organizer
    std::vector<NodeId> subscribers, candidates;
    std::vector<double> weight2, partial;           // a resident's ties' w² in its social time, and running sums
    std::vector<double> their_w, their_sums;        // a friend's ties' weights for a triadic pick, and running sums
    std::vector<uint32_t> close_start, common;      // close friends per node, common close friends per tie
    std::vector<double> factors;                    // weekly decay factor by common close friends, weak or not
    std::vector<NodeId> close;
    std::vector<TieId> close_ties;                  // this week's close ties, in tie order
    std::vector<double> support;                    // close weight per node after this week's decay
    std::vector<uint32_t> close_beside;             // close ties per node to others at this call
    std::vector<NodeId> attendees;                  // this call's
    std::vector<uint8_t> blasting;                  // per organizer: active at this call
    std::vector<NodeId> active_organizers;          // this week's, for aid matching
    std::vector<NodeId> needy;                      // this week's residents in need, in order
    std::vector<uint64_t> need_stream;              // and each one's stream after its draw
    CascadeSetup call_setup;                        // a real call's input
    std::vector<double> call_pull;                  // and its cascade's scratch
    std::vector<uint32_t> came;                     // where in an attendee's incidence list those who came are

    TickWorkspace() = default;
    TickWorkspace(const TickWorkspace&) {}
    TickWorkspace(TickWorkspace&&) = default;
    TickWorkspace& operator=(const TickWorkspace&) { return *this; }
    TickWorkspace& operator=(TickWorkspace&&) = default;
    bool operator==(const TickWorkspace&) const { return true; }
};

class Model {
public:
    Model() = default;
    // Settings must pass ValidateSettings() (asserted). The population depends only on the seed and on the
    // world parameters, never on the strategy: both scenarios share positions, opinions, thresholds and lists.
    Model(const Settings& settings, uint64_t seed);

    void Step();
    void Apply(const Intervention& intervention);
    // Live slider changes. Structural parameters (residents, organizers, near_ties, ...) only act at construction.
    void SetSettings(const Settings& settings) { settings_ = settings; }

    // The same cascade a real call runs, without side effects.
    CallOutcome SimulateCall(const CallOptions& options) const;
    // SimulateCall's input in two halves, for callers that run several calls on one unchanged state (the knockout
    // probes): who can join and their thresholds, which depend only on the key and the risk; then who seeds the call
    // and hears of it first (which reads can_join). Both fill setup's buffers, reusing them.
    void SetUpAvailability(const CallOptions& options, CascadeSetup& setup) const;
    // SetUpAvailability's two parts: thresholds (and w_info) depend on the risk only, so calls at one risk on one
    // state share them; who can join depends on the key too.
    void SetUpThresholds(double risk, CascadeSetup& setup) const;
    void SetUpWhoCanJoin(const CallOptions& options, CascadeSetup& setup) const;
    void SetUpSeeds(const CallOptions& options, CascadeSetup& setup) const;

    uint64_t StateHash() const;

    // The same neighborhood with resident i renamed new_id[i] (a permutation of the residents; organizers keep
    // their nodes): every agent, tie, neighbor list and the last call move with their person. Random draws are
    // keyed by node number, so the relabelled model's future differs draw by draw but not in distribution (B4).
    Model Relabeled(std::span<const NodeId> new_id) const;
    // The same neighborhood with every resident rested: full energy and out of burnout, organizers as they are. A
    // counterfactual for measuring whether tiredness explains a call's turnout (the knockout just after a call);
    // never a step of the model.
    Model Rested() const;

    const Settings& settings() const { return settings_; }
    uint64_t seed() const { return seed_; }
    int32_t tick() const { return tick_; }
    int Residents() const { return settings_.residents; }
    int OrganizerCount() const { return settings_.organizers; }
    NodeId OrganizerNode(int k) const { return static_cast<NodeId>(settings_.residents + k); }
    const std::vector<Agent>& agents() const { return agents_; }
    const Network& network() const { return network_; }
    // Nearest spatial neighbors of node i: neighbors()[i·SpatialNeighbors ...].
    const std::vector<NodeId>& neighbors() const { return neighbors_; }
    const std::vector<CallRecord>& calls() const { return calls_; }
    // The most recent real call, for animating its spread (generation per node); empty before the first call.
    const CascadeResult& last_call() const { return last_call_; }
    const Counters& counters() const { return counters_; }
    const HoursLog& hours() const { return hours_; }
    double event_credit() const { return event_credit_; }
    int32_t strike_weeks_left() const { return strike_weeks_left_; }

    bool InBurnout(NodeId i) const { return tick_ <= agents_[i].burnout_until; }
    bool IsLeader(NodeId i) const;
    // Able to come to a call this week, before the week's availability draw: not removed, rested, not in burnout.
    bool Eligible(NodeId i) const;
    bool IsActiveOrganizer(int k) const;
    int ActiveOrganizers() const;
    int RemainingOrganizers() const;  // not removed, burnt out or not

    bool operator==(const Model&) const = default;

private:
    void Initialize();
    void SocialTime();
    void OrganizerWork(double* out_aid_hours);
    void GroupSubscribers();
    void GatherContacts(int k);
    void OneOnOnes(int k, double hours, Stream& r);
    void Gatherings(double hours, Stream& r);
    void Canvass(int k, double hours);
    void NeedsAndAid(double aid_hours);
    void SimulateCallInto(const CallOptions& options, CascadeSetup& setup, std::vector<double>& pull,
                          CallOutcome& out) const;
    CallOutcome RealCall(const CallOptions& options);
    void RunCall(CallKind kind, bool reader_called);
    void Attend(CallKind kind, bool reader_called, uint64_t key, const CallOutcome& out);
    void StrikeWeek();
    void DivisiveShock();
    void DecayAndPrune();
    void Energy();
    void EndTick();

    bool IsMember(NodeId i) const;
    double EffectiveThreshold(NodeId i, double risk) const;
    void Unsubscribe(NodeId i);
    void RemoveOrganizer(int k);
    void RemoveRandomResidents(int count);
    TieId Reinforce(NodeId a, NodeId b, double gain_per_hour, double hours, TieSource source);
    void Spend(NodeId i, double energy);

    Settings settings_;
    uint64_t seed_ = 0;
    int32_t tick_ = 0;
    std::vector<Agent> agents_;
    Network network_;
    std::vector<NodeId> neighbors_;
    double event_credit_ = 0.0;
    int32_t strike_number_ = 0;
    int32_t strike_weeks_left_ = 0;
    std::vector<CallRecord> calls_;
    CascadeResult last_call_;
    Counters counters_;
    HoursLog hours_;
    TickWorkspace work_;
};

const char* InterventionName(InterventionKind kind);

}  // namespace sim
