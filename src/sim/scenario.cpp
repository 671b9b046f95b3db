// Scenario strategies, scheduled interventions, the Comparison, and the presets/assumptions/omissions data; knows
// no rendering and no I/O.
#include "sim/scenario.h"

#include <cmath>
#include <cstdio>

namespace sim {

const char* ScenarioName(ScenarioKind kind) { return kind == ScenarioKind::Mobilized ? "mobilized" : "integrated"; }

bool ParseScenario(std::string_view text, ScenarioKind* out_kind) {
    if (text == "mobilized") {
        *out_kind = ScenarioKind::Mobilized;
        return true;
    }
    if (text == "integrated") {
        *out_kind = ScenarioKind::Integrated;
        return true;
    }
    return false;
}

Strategy ScenarioStrategy(ScenarioKind kind) {
    // Han 2014: mobilizing spends the budget on breadth, organizing on relationships and leaders.
    return kind == ScenarioKind::Mobilized ? Strategy{0.1, true} : Strategy{0.8, false};
}

Settings WithStrategy(Settings settings, const Strategy& strategy) {
    settings.relational_share = strategy.relational_share;
    settings.aid_conditional = strategy.aid_conditional;
    return settings;
}

Settings ScenarioSettings(ScenarioKind kind, const Settings& base) {
    return WithStrategy(base, ScenarioStrategy(kind));
}

bool UnderWholePercent(double share) { return share > 0.0 && std::lround(share * 100.0) == 0; }

std::string Percent(double share) {
    // A share that rounds to nothing is not nothing: "0%" beside the one leader a call reached read as a contradiction
    // to fresh readers of the knockout. It is given in tenths, "0.3%": as "<1%" its serif "<" in the panel's large
    // share read as a stray mark to five fresh readers of stop 39. Under a tenth, to one significant digit.
    if (!UnderWholePercent(share))
        return std::to_string(std::lround(share * 100.0)) + "%";
    char buffer[32];
    const long tenths = std::lround(share * 1000.0);
    if (tenths > 0)
        std::snprintf(buffer, sizeof buffer, "0.%ld%%", tenths);
    else
        std::snprintf(buffer, sizeof buffer, "%.1g%%", share * 100.0);
    return buffer;
}

std::string FigureCaption(const Settings& left, const Settings& right) {
    // By the panels' names, not their places: a phone stacks them, and a screen reader has no left or right.
    const std::string first = "mobilized", second = "integrated";
    auto aid = [](bool conditional) { return conditional ? "aid to members only" : "unconditional aid"; };
    auto number = [](double v) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%g", v);
        return std::string(buffer);
    };
    const bool share = left.relational_share != right.relational_share;
    const bool policy = left.aid_conditional != right.aid_conditional;
    std::string others;  // every other parameter that differs, "name (mobilized a, integrated b)"
    int other_count = 0;
    for (const ParamInfo& p : ParamTable()) {
        const std::string_view name = p.name;
        if (name == "relational_share" || name == "aid_conditional") continue;
        const double a = GetParam(left, p), b = GetParam(right, p);
        if (a == b) continue;
        others += (other_count++ ? ", " : "") + std::string(name) + " (" + first + " " + number(a) + ", " + second +
                  " " + number(b) + ")";
    }
    std::string strategy;  // what the strategy is on each side, or on both
    if (share && policy) {
        // Each side a clause with its verbs: "mobilized, 10% of organizer hours on relationships and aid to members
        // only; integrated, 80% and unconditional aid" had to be read twice by fresh readers ("80% of what?").
        auto aids = [](bool conditional) { return conditional ? "aid only members" : "aid anyone in need"; };
        // "ones" after "the organizers’ strategy differs", and the second clause's verb left out, keep the default
        // caption, "In this model" and all, to four lines on a 320 px phone, where the title and both maps fit one
        // screen.
        strategy = first + " ones spend " + Percent(left.relational_share) + " of their hours on relationships and " +
                   aids(left.aid_conditional) + "; " + second + " ones, " + Percent(right.relational_share) + ", and " +
                   aids(right.aid_conditional);
    } else if (share) {
        strategy = first + ", " + Percent(left.relational_share) + " of organizer hours on relationships; " + second +
                   ", " + Percent(right.relational_share) + "; both give " + aid(left.aid_conditional);
    } else if (policy) {
        strategy = first + ", " + aid(left.aid_conditional) + "; " + second + ", " + aid(right.aid_conditional) +
                   "; both spend " + Percent(left.relational_share) + " of organizer hours on relationships";
    } else {
        strategy = "both spend " + Percent(left.relational_share) + " of organizer hours on relationships and give " +
                   aid(left.aid_conditional);
    }
    const char* what = share && policy ? "the organizers’ strategy" : share ? "the organizers’ share of hours on "
                                                                              "relationships"
                                                            : policy ? "the aid policy" : nullptr;
    // "In this model": the figure's numbers follow from its rules, and two fresh readers of stop 47 found nothing near
    // the maps that said they come from a model rather than from data.
    if (other_count == 0)
        return what ? "In this model, only " + std::string(what) + " differs: " + strategy + "."
                    : "In this model, the two sides have the same settings: " + strategy + ".";
    if (what == nullptr)
        return "In this model, only " + others + " differ" + (other_count == 1 ? "s" : "") + "; " + strategy + ".";
    return "In this model, the organizers’ strategy differs (" + strategy + "), and so " +
           (other_count == 1 ? "does " : "do ") + others + ".";
}

void ApplyDue(Model& model, std::span<const ScheduledIntervention> schedule) {
    for (const ScheduledIntervention& s : schedule)
        if (s.tick == model.tick()) model.Apply(s.what);
}

namespace {
struct NamedIntervention {
    const char* name;
    Intervention what;
};
constexpr NamedIntervention NamedInterventions[] = {
    {"remove-organizers", {InterventionKind::RemoveOrganizers, 0}},
    {"protest", {InterventionKind::CallProtest, 0}},
    {"strike", {InterventionKind::CallStrike, 0}},
    {"divisive-issue", {InterventionKind::DivisiveIssue, 0}},
    {"aid-conditional", {InterventionKind::SetAidPolicy, 1}},
    {"aid-unconditional", {InterventionKind::SetAidPolicy, 0}},
};
} // namespace

std::optional<Intervention> InterventionByName(std::string_view name) {
    for (const NamedIntervention& n : NamedInterventions)
        if (name == n.name) return n.what;
    return std::nullopt;
}

const char* InterventionName(const Intervention& intervention) {
    for (const NamedIntervention& n : NamedInterventions)
        if (n.what.kind == intervention.kind && (n.what.kind != InterventionKind::SetAidPolicy ||
                                                 (n.what.value != 0) == (intervention.value != 0)))
            return n.name;
    return nullptr;
}

bool ParseScheduledIntervention(std::string_view text, ScheduledIntervention* out, std::string* out_error) {
    const size_t at = text.find('@');
    if (at == std::string_view::npos) {
        if (out_error) *out_error = std::string(text) + ": expected NAME@MONTH";
        return false;
    }
    const std::string_view name = text.substr(0, at);
    const std::optional<Intervention> named = InterventionByName(name);
    if (!named) {
        if (out_error)
            *out_error = std::string(text) +
                         ": unknown intervention (remove-organizers, protest, strike, divisive-issue, "
                         "aid-conditional, aid-unconditional)";
        return false;
    }
    const Intervention what = *named;
    long long month = 0;
    if (!ParseInteger(name, text.substr(at + 1), 0, 10000, &month, nullptr)) {
        if (out_error) *out_error = std::string(text) + ": expected a month number after @";
        return false;
    }
    *out = {static_cast<int32_t>(month) * WeeksPerMonth, what};
    return true;
}

Comparison::Comparison(const Settings& base, uint64_t seed)
    : mobilized(ScenarioSettings(ScenarioKind::Mobilized, base), seed),
      integrated(ScenarioSettings(ScenarioKind::Integrated, base), seed) {}

void Comparison::Step() {
    mobilized.Step();
    integrated.Step();
}

void Comparison::Apply(const Intervention& intervention) {
    mobilized.Apply(intervention);
    integrated.Apply(intervention);
}

namespace {

// Sentences state the mechanism and what changes, in the terms sim/claims.cpp measures: `essay-sim --claims`
// checks each over its seeds (knockout ratio: turnout without the organizers ÷ turnout with them, month 30).
constexpr FlipPreset Presets[] = {
    {"Already-sociable neighborhood", PresetTarget::Both, "t_social=2", "",
     "Neighbors who already spend four times as long together knit the integrated side faster: by month 12 it keeps "
     "more than twice as much of its turnout without its organizers as at the defaults. Mobilizing does not turn that "
     "sociability into people who start calls, so the mobilized side still keeps almost none (under a fifth)."},
    {"Fast friendships", PresetTarget::Both, "alpha=0.02", "",
     "If friendships form twice as fast, the hours people spend side by side at events knit many ties: the "
     "integrated side keeps nearly all its turnout without its organizers (over 90% in the median seed), and about "
     "half of the mobilized seeds still led by an organizer keep at least half of theirs."},
    {"Integration without action", PresetTarget::Integrated, "relational_share=1", "",
     "With every hour spent on relationships and none on calls, nobody practises acting together and attending never "
     "makes leaders: the integrated side keeps about 12% of its turnout without its organizers, about ten times the "
     "mobilized side's 1.2% but far below the 60% of the default mix (Han: the best chapters combine both)."},
    {"Forgetful neighborhood", PresetTarget::Both, "lambda0=0.02 lambda_weak=0.02", "",
     "If unused ties fade twice as fast, the relationships organizing builds do not outlast the weeks between "
     "contacts, so neither neighborhood can act alone: each keeps less than a fifth of its turnout without its "
     "organizers."},
    {"No time begets time", PresetTarget::Both, "t_gain=0", "",
     "If having friends does not make people spend more time together, relational work cannot snowball: the "
     "integrated side weakens (it keeps less of its turnout without its organizers than at the defaults), and in "
     "about a third of the seeds it keeps less than a fifth."},
    {"Leaders coordinate without ties", PresetTarget::Both, "initiator=1", "",
     "If every leader can start a call at once without hearing of it through ties, the integrated side's many "
     "leaders suffice on their own: it keeps at least 70% of its turnout without its organizers in almost every "
     "seed, while the mobilized side, with few leaders, still keeps less than a fifth."},
    {"Minnesota: big strike, leaders emerge", PresetTarget::Mobilized,
     "strike_walkout=0.4 fusion=1.5 picket_pairs=5 dl_strike=0.15", "strike@18",
     "A long shared struggle with repression bonds the strikers quickly, and picket captains who emerge can start "
     "the next action, so the mobilized neighborhood becomes able to act without its organizers: at month 30 it "
     "keeps at least 60% of its turnout without them in most seeds."},
    {"Strike, no leaders emerge", PresetTarget::Mobilized, "strike_walkout=0.4 fusion=1.5 picket_pairs=5 dl_strike=0",
     "strike@18",
     "The strike builds ties just as fast, but nobody learns to call the next action, so without the organizers "
     "the neighbors still do not know where the protest is: at month 30 a call without them brings out fewer than "
     "2% of the residents in every seed."},
    {"Mobilizers call as rarely", PresetTarget::Mobilized, "call_cost=320", "",
     "Each call takes four times the hours to prepare, so the mobilized organizers call about as rarely as the "
     "integrated ones while still spending a tenth of their hours on relationships: none of them quits by month 40, "
     "and about half the neighbors come to each call, yet they make almost no close ties and keep almost none of their "
     "turnout without the organizers."},
    {"Fragile conditional trust", PresetTarget::Both, "conditional_fragility=1", "",
     "If trust built by conditional (negotiated) help breaks at smaller disagreements (Molm), conditional aid also "
     "makes ties and lists churn on divisive issues, not only sort who gets helped: at the same hours, it loses more "
     "friendships to a divisive issue and more subscribers than unconditional aid."},
    {"Acquaintances fade within a year (Burt)", PresetTarget::Both, "lambda_weak=0.0275", "",
     "If an acquaintance nobody keeps up is gone within a year, as Burt found for new ties in firms, few acquaintances "
     "last long enough to become friendships: the integrated side still makes as many leaders but has half the close "
     "ties, and without its organizers it can no more act than the mobilized side."},
};

constexpr Assumption AssumptionList[] = {
    {"Relationships", "Friendship takes time: each shared hour closes part of the gap to a full tie (~50 h to a casual friend).",
     "Hall 2019", "alpha"},
    {"Relationships", "Unused friendships fade; ties with mutual close friends fade more slowly.",
     "Burt 2002; Roberts & Dunbar 2015", "lambda0"},
    {"Relationships",
     "How long an acquaintance you never see again lasts: ties below the friend weight fade at their own rate, "
     "slowed by mutual close friends in the same way. The result turns on it (the sensitivity chart below).",
     "against long-lasting: Burt 2000, 2002 (new, weak ties in firms mostly vanish within a year); for: chance "
     "meetings (p_chance) and Han 2014 (ties from one-on-ones last)",
     "lambda_weak"},
    {"Relationships", "Mutual close friends slow the fading of a tie.", "Burt 2002", "kappa"},
    {"Relationships", "People with friends spend more time with neighbors: relationships beget time.",
     "Kumpula et al. 2007", "t_gain"},
    {"Relationships", "The neighborhood starts atomized: half an hour of neighborly time a week.", "Putnam 2000",
     "t_social"},
    {"Relationships", "Some social time goes to friends of friends, closing triangles.", "Kumpula et al. 2007",
     "p_triadic"},
    {"Relationships", "A divisive issue damages weak ties across a large opinion gap more than strong ones.",
     "McPherson et al. 2001; Holme & Newman 2006", "s_dis"},
    {"Participation", "Word of a call spreads over weak ties too (awareness is a simple contagion).",
     "Granovetter 1973", "w_info"},
    {"Participation", "People join an action when enough of their friends go (a weighted threshold).",
     "McAdam 1986; Centola & Macy 2007", "theta_high"},
    {"Participation", "A few die-hards join on little encouragement.", "Granovetter 1978", "diehard_share"},
    {"Participation", "An email blast is one weak nudge, not a relationship.", "Klandermans & Oegema 1987", "push"},
    {"Participation", "Someone must start the call, and the others must hear about it through ties.",
     "Ganz; simulation.md §4.2", "initiator"},
    {"Participation", "Subscribers who ignore enough calls leave the list.", "Oegema & Klandermans 1994",
     "k_ignore"},
    {"Organizers", "Both strategies spend the same organizer hours; only their split differs.", "Han 2014",
     "organizer_hours"},
    {"Organizers", "The strategy is the share of hours spent on 1:1s, gatherings and aid matching.", "Han 2014",
     "relational_share"},
    {"Organizers", "Leaders are made in 1:1s, and a little by helping and attending.", "Han 2014; Ganz 2009",
     "dl_one_on_one"},
    {"Organizers", "Each call costs banked organizer hours.", "Han 2014 (mobilizing as transactions)", "call_cost"},
    {"Aid", "Aid counts double per hour: reciprocal help builds trust and affect.", "Molm et al. 2000, 2007",
     "alpha_aid"},
    {"Aid", "Conditional aid helps, and draws helpers from, members only.", "Molm et al. 2009", "aid_conditional"},
    {"Aid", "Conditional help yields more fragile trust (off by default).", "Molm, Schaefer & Collett 2009",
     "conditional_fragility"},
    {"Energy", "Each action costs energy; close friends at the action halve the cost and speed recovery.",
     "Chen & Gorski 2015", "event_cost"},
    {"Energy", "Close ties speed recovery.", "Chen & Gorski 2015", "recovery_social"},
    {"Energy", "Organizers quit after repeated burnouts.", "Chen & Gorski 2015", "quit_after"},
    {"Struggle", "Shared hardship bonds: repression multiplies the ties built on the picket line.",
     "Whitehouse et al. 2017; Bastian et al. 2014", "fusion"},
    {"Struggle", "Repression chills onlookers tied to the repressed.", "Opp & Roehl 1990; Sullivan & Davenport",
     "deter"},
    {"Struggle", "Repression commits those who suffered it.", "Opp & Roehl 1990", "commit"},
    {"Struggle", "Leaders may emerge in struggle (picket captains); off by default.", "Fantasia 1988; McAlevey 2016",
     "dl_strike"},
    {"Struggle", "A strike is high-risk: thresholds are multiplied.", "McAdam 1986", "strike_risk"},
};

constexpr const char* OmissionList[] = {
    "Demands and wins: nothing is ever won or lost, so success cannot feed back into participation.",
    "Media and allies.",
    "Employers and landlords as actors: repression is a fixed chance, not a strategy.",
    "Online reach to the periphery (e.g. Barberá et al. 2015; Steinert-Threlkeld 2017).",
    "Unaffiliated marchers (about 51% of demonstrators in Klandermans et al.).",
    "Abeyance: movements that go quiet and return (Taylor 1989).",
    "Kin ties, which hardly decay.",
    "Moving in and out: the population is fixed.",
    "Units (weeks, hours, months of four weeks) are illustrative, not a forecast.",
};

}  // namespace

bool ParseSchedule(std::string_view text, std::vector<ScheduledIntervention>* out, std::string* out_error) {
    while (!text.empty()) {
        const size_t space = text.find(' ');
        const std::string_view item = text.substr(0, space);
        if (!item.empty()) {
            ScheduledIntervention s;
            if (!ParseScheduledIntervention(item, &s, out_error)) return false;
            out->push_back(s);
        }
        if (space == std::string_view::npos) break;
        text.remove_prefix(space + 1);
    }
    return true;
}

std::span<const FlipPreset> FlipPresets() { return Presets; }

const FlipPreset* FindPreset(std::string_view name) {
    for (const FlipPreset& p : Presets)
        if (name == p.name) return &p;
    return nullptr;
}

bool ApplyPreset(const FlipPreset& preset, ScenarioKind panel, Settings* settings,
                 std::vector<ScheduledIntervention>* schedule, std::string* out_error) {
    const bool applies = preset.target == PresetTarget::Both ||
                         (preset.target == PresetTarget::Mobilized) == (panel == ScenarioKind::Mobilized);
    if (applies && !ApplyAssignments(*settings, preset.settings, out_error)) return false;
    return ParseSchedule(preset.schedule, schedule, out_error);
}

std::span<const Assumption> Assumptions() { return AssumptionList; }

std::span<const char* const> Omissions() { return OmissionList; }

}  // namespace sim
