// The parameter table (names, slider ranges, meanings) and the "name=value" parser; knows nothing of the model.
#include "sim/settings.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace sim {
namespace {

using S = Settings;
using G = ParamGroup;

// Ranges are the slider ranges shown to readers; the flip tests (B11) search only inside them.
const ParamInfo Params[] = {
    {"residents", G::World, &S::residents, 10, 200000, "residents in the neighborhood"},
    {"organizers", G::World, &S::organizers, 0, 20000, "organizers"},
    {"near_ties", G::World, &S::near_ties, 1, 6, "acquaintance ties to nearest neighbors at the start"},
    {"long_tie_chance", G::World, &S::long_tie_chance, 0, 1, "chance of one random long acquaintance tie"},
    {"w0", G::World, &S::w0, 0.05, 0.3, "weight of a new acquaintance tie"},
    {"alpha", G::Relationships, &S::alpha, 0, 0.05, "tie gain per shared hour"},
    {"alpha_aid", G::Relationships, &S::alpha_aid, 0, 0.1, "tie gain per hour of aid"},
    {"lambda0", G::Relationships, &S::lambda0, 0, 0.05, "weekly decay of an unembedded friendship"},
    {"lambda_weak", G::Relationships, &S::lambda_weak, 0, 0.05,
     "how long an acquaintance you never see again lasts (weekly decay of a tie below the friend weight)"},
    {"kappa", G::Relationships, &S::kappa, 0, 2, "how much mutual close friends slow decay"},
    {"t_social", G::Relationships, &S::t_social, 0, 4, "baseline social hours per week"},
    {"t_gain", G::Relationships, &S::t_gain, 0, 4, "extra social hours once a resident has friends"},
    {"p_triadic", G::Relationships, &S::p_triadic, 0, 0.5, "share of social hours with a friend of a friend"},
    {"p_chance", G::Relationships, &S::p_chance, 0, 1, "weekly chance encounter with a near neighbor"},
    {"w_min", G::Relationships, &S::w_min, 0.01, 0.1, "ties below this weight are gone"},
    {"w_info", G::Participation, &S::w_info, 0.03, 0.3, "ties this strong carry word of a call"},
    {"w_friend", G::Relationships, &S::w_friend, 0.2, 0.5, "weight of a friend tie"},
    {"w_close", G::Relationships, &S::w_close, 0.3, 0.8, "weight of a close tie"},
    {"p_need", G::Aid, &S::p_need, 0, 0.2, "weekly chance of a need"},
    {"h_need", G::Aid, &S::h_need, 0, 10, "hours one need takes"},
    {"willing", G::Aid, &S::willing, 0, 1, "chance a matched neighbor helps"},
    {"willing_helped", G::Aid, &S::willing_helped, 0, 1, "chance a matched neighbor helps if helped before"},
    {"member_radius", G::Aid, &S::member_radius, 0, 2, "conditional aid: distance from the line that counts as member"},
    {"member_weeks", G::Aid, &S::member_weeks, 0, 52, "conditional aid: weeks since attending that count as member"},
    {"conditional_fragility", G::Aid, &S::conditional_fragility, 0, 1, "Molm: trust from conditional aid breaks easily"},
    {"relational_share", G::Organizers, &S::relational_share, 0, 1, "share of organizer hours on relational work"},
    {"aid_conditional", G::Organizers, &S::aid_conditional, 0, 1, "organizer-matched aid only for members"},
    {"organizer_hours", G::Organizers, &S::organizer_hours, 0, 60, "weekly hours per organizer"},
    {"share_one_on_one", G::Organizers, &S::share_one_on_one, 0, 1, "share of relational hours in 1:1s"},
    {"share_gathering", G::Organizers, &S::share_gathering, 0, 1, "share of relational hours hosting gatherings"},
    {"call_cost", G::Organizers, &S::call_cost, 10, 400, "organizer hours per call to action"},
    {"canvass_share", G::Organizers, &S::canvass_share, 0, 1, "share of mobilizing hours canvassing"},
    {"canvass_rate", G::Organizers, &S::canvass_rate, 0, 10, "new subscribers per canvassing hour"},
    {"list_init", G::Organizers, &S::list_init, 0, 100000, "initial list size per organizer"},
    {"push", G::Participation, &S::push, 0, 2, "pull of an email blast"},
    {"k_ignore", G::Organizers, &S::k_ignore, 1, 50, "ignored calls before unsubscribing"},
    {"dl_one_on_one", G::Organizers, &S::dl_one_on_one, 0, 0.1, "leadership per 1:1 hour"},
    {"dl_aid", G::Organizers, &S::dl_aid, 0, 0.1, "leadership per act of help"},
    {"dl_event", G::Organizers, &S::dl_event, 0, 0.05, "leadership per call attended"},
    {"leader_level", G::Organizers, &S::leader_level, 0.1, 2, "leadership that makes a leader"},
    {"initiator", G::Participation, &S::initiator, 0, 2,
     "who starts a call without organizers: 0 one leader, 1 leaders coordinate, 2 a random resident"},
    {"diehard_share", G::Participation, &S::diehard_share, 0, 1, "share of die-hards"},
    {"theta_diehard", G::Participation, &S::theta_diehard, 0, 1, "threshold of die-hards"},
    {"theta_low", G::Participation, &S::theta_low, 0, 3, "lowest ordinary threshold"},
    {"theta_high", G::Participation, &S::theta_high, 0, 5, "highest ordinary threshold"},
    {"availability", G::Participation, &S::availability, 0, 1, "chance an eligible resident is free"},
    {"copresence_pairs", G::Participation, &S::copresence_pairs, 0, 10, "co-attendees met per call"},
    {"event_hours", G::Participation, &S::event_hours, 0, 8, "hours spent with each co-attendee"},
    {"issue_line", G::Participation, &S::issue_line, -1, 1, "the issue's position"},
    {"issue_tolerance", G::Participation, &S::issue_tolerance, 0, 2, "distance from the line that costs nothing"},
    {"issue_gain", G::Participation, &S::issue_gain, 0, 10, "threshold rise per unit of distance beyond it"},
    {"e_min", G::Energy, &S::e_min, 0, 1, "energy needed to attend"},
    {"e_burn", G::Energy, &S::e_burn, 0, 0.5, "energy at which burnout starts"},
    {"recovery", G::Energy, &S::recovery, 0, 0.2, "weekly recovery"},
    {"recovery_social", G::Energy, &S::recovery_social, 0, 0.2, "weekly recovery from close ties"},
    {"event_cost", G::Energy, &S::event_cost, 0, 0.5, "energy per call"},
    {"organizer_event_cost", G::Energy, &S::organizer_event_cost, 0, 0.3, "organizer energy per call"},
    {"organizer_drain", G::Energy, &S::organizer_drain, 0, 0.1, "weekly drain on organizers"},
    {"burnout_weeks", G::Energy, &S::burnout_weeks, 0, 52, "weeks a burnout lasts"},
    {"quit_after", G::Energy, &S::quit_after, 1, 20, "burnouts before an organizer quits"},
    {"shock_every", G::Disagreement, &S::shock_every, 0, 104, "weeks between divisive issues (0 never)"},
    {"dis_cut", G::Disagreement, &S::dis_cut, 0, 2, "opinion gap at which a tie suffers"},
    {"s_dis", G::Disagreement, &S::s_dis, 0, 2, "damage to a tie per unit of gap"},
    {"unsub_distance", G::Disagreement, &S::unsub_distance, 0, 2, "distance from the line that may unsubscribe"},
    {"p_unsub", G::Disagreement, &S::p_unsub, 0, 1, "chance such a subscriber leaves"},
    {"strike_weeks", G::Struggle, &S::strike_weeks, 1, 26, "weeks a strike lasts"},
    {"strike_risk", G::Struggle, &S::strike_risk, 1, 5, "threshold multiplier for a strike"},
    {"strike_walkout", G::Struggle, &S::strike_walkout, 0, 1, "forced walkout share (0: spreads by the cascade)"},
    {"picket_pairs", G::Struggle, &S::picket_pairs, 0, 10, "picket partners per striker per week"},
    {"picket_hours", G::Struggle, &S::picket_hours, 0, 12, "hours per picket pairing"},
    {"p_repress", G::Struggle, &S::p_repress, 0, 1, "weekly chance a striker is repressed"},
    {"repress_energy", G::Struggle, &S::repress_energy, 0, 1, "energy lost to repression"},
    {"fusion", G::Struggle, &S::fusion, 0, 5, "bonding multiplier for shared repression"},
    {"deter", G::Struggle, &S::deter, 0, 1, "threshold rise for onlookers of repression"},
    {"commit", G::Struggle, &S::commit, 0, 1, "threshold drop for the repressed"},
    {"dl_strike", G::Struggle, &S::dl_strike, 0, 0.5, "leadership per strike week (picket captains)"},
};

std::string Quote(std::string_view name, std::string_view value) {
    std::string s(name);
    s += '=';
    s += value;
    return s;
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// strtod on a bounded copy: std::from_chars for double is missing in libc++ 14 (Emscripten 3.1.6).
bool ParseReal(std::string_view text, double* out_value) {
    if (text.empty() || text.size() > 64) return false;
    char buffer[72];
    text.copy(buffer, text.size());
    buffer[text.size()] = '\0';
    char* end = nullptr;
    const double value = std::strtod(buffer, &end);
    if (end != buffer + text.size() || !std::isfinite(value)) return false;
    *out_value = value;
    return true;
}

std::string FormatNumber(double v) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(v));
    if (static_cast<double>(static_cast<long long>(v)) == v && ec == std::errc()) return std::string(buffer, end);
    std::string s = std::to_string(v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
}

}  // namespace

std::span<const ParamInfo> ParamTable() { return Params; }

const ParamInfo* FindParam(std::string_view name) {
    for (const ParamInfo& p : Params)
        if (name == p.name) return &p;
    return nullptr;
}

const char* ParamGroupName(ParamGroup group) {
    switch (group) {
        case ParamGroup::World: return "World";
        case ParamGroup::Relationships: return "Relationships";
        case ParamGroup::Aid: return "Aid";
        case ParamGroup::Organizers: return "Organizers";
        case ParamGroup::Participation: return "Participation";
        case ParamGroup::Energy: return "Energy";
        case ParamGroup::Disagreement: return "Disagreement";
        case ParamGroup::Struggle: return "Struggle";
    }
    return "";
}

double GetParam(const Settings& settings, const ParamInfo& param) {
    return std::visit(
        [&](auto field) -> double {
            using T = std::remove_reference_t<decltype(settings.*field)>;
            if constexpr (std::is_same_v<T, const InitiatorRule>)
                return static_cast<double>(static_cast<int>(settings.*field));
            else
                return static_cast<double>(settings.*field);
        },
        param.field);
}

void SetParam(Settings& settings, const ParamInfo& param, double value) {
    std::visit(
        [&](auto field) {
            using T = std::remove_reference_t<decltype(settings.*field)>;
            if constexpr (std::is_same_v<T, double>)
                settings.*field = value;
            else if constexpr (std::is_same_v<T, int>)
                settings.*field = static_cast<int>(value < 0 ? value - 0.5 : value + 0.5);
            else if constexpr (std::is_same_v<T, bool>)
                settings.*field = value >= 0.5;
            else
                settings.*field = static_cast<InitiatorRule>(static_cast<int>(value + 0.5));
        },
        param.field);
}

bool ParseInteger(std::string_view what, std::string_view text, long long min, long long max, long long* out_value,
                  std::string* out_error) {
    text = Trim(text);
    long long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
        if (out_error) *out_error = Quote(what, text) + ": expected an integer";
        return false;
    }
    if (value < min || value > max) {
        if (out_error)
            *out_error = Quote(what, text) + ": out of range [" + std::to_string(min) + ", " + std::to_string(max) + "]";
        return false;
    }
    *out_value = value;
    return true;
}

bool ApplyAssignment(Settings& settings, std::string_view text, std::string* out_error) {
    const size_t eq = text.find('=');
    if (eq == std::string_view::npos) {
        if (out_error) *out_error = std::string(Trim(text)) + ": expected name=value";
        return false;
    }
    const std::string_view name = Trim(text.substr(0, eq));
    const std::string_view value_text = Trim(text.substr(eq + 1));
    const ParamInfo* param = FindParam(name);
    if (!param) {
        if (out_error) *out_error = Quote(name, value_text) + ": unknown parameter";
        return false;
    }
    double value = 0;
    if (std::holds_alternative<bool Settings::*>(param->field)) {
        if (value_text == "true" || value_text == "1" || value_text == "on") {
            value = 1;
        } else if (value_text == "false" || value_text == "0" || value_text == "off") {
            value = 0;
        } else {
            if (out_error) *out_error = Quote(name, value_text) + ": expected true or false";
            return false;
        }
    } else if (std::holds_alternative<double Settings::*>(param->field)) {
        if (!ParseReal(value_text, &value)) {
            if (out_error) *out_error = Quote(name, value_text) + ": expected a number";
            return false;
        }
    } else {
        long long integer = 0;
        if (!ParseInteger(name, value_text, static_cast<long long>(param->min), static_cast<long long>(param->max),
                          &integer, out_error))
            return false;
        value = static_cast<double>(integer);
    }
    if (value < param->min || value > param->max) {
        if (out_error)
            *out_error = Quote(name, value_text) + ": out of range [" + FormatNumber(param->min) + ", " +
                         FormatNumber(param->max) + "]";
        return false;
    }
    SetParam(settings, *param, value);
    return true;
}

bool ApplyAssignments(Settings& settings, std::string_view text, std::string* out_error) {
    Settings result = settings;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = text.find_first_of(" ,\t\n", start);
        const std::string_view item = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
        if (!item.empty() && !ApplyAssignment(result, item, out_error)) return false;
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    settings = result;
    return true;
}

std::string ValidateSettings(const Settings& settings) {
    for (const ParamInfo& p : Params) {
        const double v = GetParam(settings, p);
        if (!(v >= p.min && v <= p.max))
            return std::string(p.name) + "=" + FormatNumber(v) + ": out of range [" + FormatNumber(p.min) + ", " +
                   FormatNumber(p.max) + "]";
    }
    if (settings.theta_low > settings.theta_high) return "theta_low must not exceed theta_high";
    if (settings.share_one_on_one + settings.share_gathering > 1.0)
        return "share_one_on_one + share_gathering must not exceed 1 (aid matching takes the rest)";
    if (settings.e_burn > settings.e_min) return "e_burn must not exceed e_min";
    if (settings.w_friend > settings.w_close) return "w_friend must not exceed w_close";
    return {};
}

Settings SettingsForPopulation(int residents, Settings base) {
    base.residents = residents;
    base.organizers = (residents * 4 + 150) / 300;
    if (base.organizers < 1) base.organizers = 1;
    return base;
}

}  // namespace sim
