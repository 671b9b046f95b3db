// Every causal rate of the simulation as one value struct, plus a table naming each parameter with its slider range
// and a "name=value" parser; knows nothing of the model's state, scenarios or how values are shown.
//
// Settings{} (value-initialized) is the documented default model of simulation.md §3.9. Unlike sokol's "0 means
// default", a zero here is a real zero: several sliders need it (λ0 = 0 and T_gain = 0 are flips and null models).
// The strategy vector (relational_share, aid_conditional) is the only thing that differs between the scenarios;
// ScenarioSettings() in scenario.h sets it. Settings{} carries the Mobilized strategy.
//
// Ownership: Settings is a plain value. ParamTable() returns a view of static data, valid for the program's life.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace sim {

// Who starts a call when no organizer does (simulation.md §4.2: "who calls the action decides the result").
enum class InitiatorRule : int {
    OneLeader = 0,          // one random available leader, else one random available resident; others hear via ties
    LeadersCoordinate = 1,  // every available leader starts together, without needing ties (a generous assumption)
    RandomResident = 2,     // one random available resident, leaders or not
};

struct Settings {
    // World
    int residents = 300;
    int organizers = 4;
    int near_ties = 3;               // each resident links its nearest neighbors (mean degree about 6)
    double long_tie_chance = 0.12;   // per node, one extra random long tie (Granovetter's weak ties)
    double w0 = 0.12;                // weight of a new acquaintance tie

    // Ties
    double alpha = 0.01;             // gain per shared hour, w += alpha·h·(1−w) (Hall 2019: ~50 h to a casual friend)
    double alpha_aid = 0.02;         // gain per hour of aid (Molm: reciprocal exchange builds affect)
    double lambda0 = 0.01;           // weekly decay of an unembedded tie at or above w_friend (Burt 2002)
    double lambda_weak = 0.01;       // ... and of one below w_friend, an acquaintance (Burt 2000, 2002: faster;
                                     // p_chance and Han 2014: slower). Equal to lambda0 by default.
    double kappa = 0.5;              // decay divided by 1 + kappa·(common close neighbors)
    double t_social = 0.5;           // baseline social hours per resident per week (an atomized neighborhood)
    double t_gain = 2.0;             // extra social hours once a resident has friends ("relationships beget time")
    double p_triadic = 0.15;         // an hour goes to a friend of a friend instead (Kumpula et al. 2007)
    double p_chance = 0.25;          // weekly chance of an hour with a random near neighbor
    double w_min = 0.03;             // ties below this are gone
    double w_info = 0.10;            // ties this strong carry word of a call (awareness)
    double w_friend = 0.3;           // a friend tie
    double w_close = 0.5;            // a close tie

    // Aid
    double p_need = 0.04;            // weekly chance a resident needs help
    double h_need = 4.0;             // hours one need takes
    double willing = 0.3;            // chance a neighbor helps when matched
    double willing_helped = 0.7;     // ... if they were helped before (generalized reciprocity)
    double member_radius = 0.5;      // conditional aid: "members" are within this of the issue line ...
    int member_weeks = 8;            // ... or attended within this many weeks
    double conditional_fragility = 0.0;  // Molm's fragile negotiated trust: 0 off, 1 full (off by default)

    // Organizers and strategy (the strategy vector is relational_share + aid_conditional)
    double relational_share = 0.1;   // share of organizer hours on 1:1s, gatherings and aid matching
    bool aid_conditional = true;     // organizer-matched aid only for members
    double organizer_hours = 20.0;   // weekly budget per organizer, equal in both scenarios (Han)
    double share_one_on_one = 0.4;   // of relational hours; gatherings and aid matching take the rest
    double share_gathering = 0.3;
    double call_cost = 80.0;         // organizer hours banked per call to action
    double canvass_share = 0.2;      // of mobilizing hours
    double canvass_rate = 2.0;       // new subscribers per canvassing hour
    int list_init = 50;              // initial list size per organizer
    double push = 0.5;               // an email blast adds this to a subscriber's pull (one weak nudge)
    int k_ignore = 6;                // unsubscribe after this many ignored calls
    double dl_one_on_one = 0.02;     // leadership per 1:1 hour (Han; Ganz)
    double dl_aid = 0.01;            // leadership per act of help
    double dl_event = 0.005;         // leadership per call attended
    double leader_level = 0.5;       // leadership at which a resident is a leader
    InitiatorRule initiator = InitiatorRule::OneLeader;

    // Calls
    double diehard_share = 0.10;     // residents with a low threshold (Granovetter 1978)
    double theta_diehard = 0.25;
    double theta_low = 0.4;          // other thresholds uniform in [theta_low, theta_high], in summed tie weight
    double theta_high = 2.0;
    double availability = 0.85;      // chance an eligible resident is free for a given call
    int copresence_pairs = 2;        // each attendee spends time with this many co-attendees
    double event_hours = 1.0;
    double issue_line = 0.5;         // position of the current issue on the opinion axis
    double issue_tolerance = 0.5;    // beyond this distance from the line thresholds rise ...
    double issue_gain = 2.0;         // ... by this factor per unit of distance

    // Energy
    double e_min = 0.3;              // below this a resident cannot attend
    double e_burn = 0.15;            // below this: burnout
    double recovery = 0.02;          // weekly energy recovery ...
    double recovery_social = 0.04;   // ... plus this, scaled by close ties (support buffers; Chen & Gorski 2015)
    double event_cost = 0.08;        // energy per call, up to half spared when close friends attend too
    double organizer_event_cost = 0.03;
    double organizer_drain = 0.01;   // weekly extra drain on organizers
    int burnout_weeks = 8;
    int quit_after = 3;              // organizers quit after this many burnouts

    // Divisive issues
    int shock_every = 13;            // weeks between divisive issues (0: never)
    double dis_cut = 0.6;            // opinion gap beyond which a tie suffers
    double s_dis = 0.5;              // damage per unit of gap beyond dis_cut
    double unsub_distance = 0.8;     // subscribers this far from the line may leave on a divisive issue
    double p_unsub = 0.5;

    // Strike with repression (the reader's objection, simulation.md §3.6)
    int strike_weeks = 4;
    double strike_risk = 2.0;        // thresholds multiplied by this (McAdam: high-risk action)
    double strike_walkout = 0.0;     // forced walkout share; 0 means the strike spreads by the cascade
    int picket_pairs = 3;            // picket co-presence pairs per striker per week
    double picket_hours = 4.0;
    double p_repress = 0.1;
    double repress_energy = 0.2;
    double fusion = 1.0;             // bonding multiplier when repression was shared (Whitehouse; Bastian)
    double deter = 0.1;              // threshold rise for onlookers tied to someone repressed
    double commit = 0.1;             // threshold drop for repressed strikers
    double dl_strike = 0.0;          // leadership per strike week: picket captains emerge (off by default)

    bool operator==(const Settings&) const = default;
};

enum class ParamGroup { World, Relationships, Aid, Organizers, Participation, Energy, Disagreement, Struggle };

// One named parameter: a pointer to its field, the range its slider (and the CLI) accepts, and what it means.
struct ParamInfo {
    const char* name;
    ParamGroup group;
    std::variant<double Settings::*, int Settings::*, bool Settings::*, InitiatorRule Settings::*> field;
    double min;
    double max;
    const char* meaning;
};

std::span<const ParamInfo> ParamTable();
const ParamInfo* FindParam(std::string_view name);
const char* ParamGroupName(ParamGroup group);

double GetParam(const Settings& settings, const ParamInfo& param);
// Sets a value that is already known to be in range and of the right kind (integers and flags are rounded).
void SetParam(Settings& settings, const ParamInfo& param, double value);

// Parses "name=value" (also "name = value"), checks the kind and the range, and assigns it. On failure returns
// false, leaves settings unchanged and writes a message naming the input, e.g. "seed=abc: expected an integer".
bool ApplyAssignment(Settings& settings, std::string_view text, std::string* out_error);
// Applies a whitespace- or comma-separated list of assignments; stops at the first error.
bool ApplyAssignments(Settings& settings, std::string_view text, std::string* out_error);

// Parses a whole number, e.g. a seed or a month count, reporting "what=text: expected ..." on failure.
bool ParseInteger(std::string_view what, std::string_view text, long long min, long long max, long long* out_value,
                  std::string* out_error);

// Empty when every parameter is within its range and the structure is consistent; otherwise the first problem.
std::string ValidateSettings(const Settings& settings);

// Organizers scaled with the population (4 per 300 residents), lists scaled likewise: for stress sizes.
Settings SettingsForPopulation(int residents, Settings base = {});

}  // namespace sim
