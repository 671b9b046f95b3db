// Parses and formats URL fragments of the reading position and open objections; no browser, no allocation per char.
#include "app/location.h"

#include "sim/scenario.h"
#include "sim/settings.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace app {

namespace {
bool IsIdChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; }

bool IsId(std::string_view s) { return !s.empty() && s.size() <= 128 && std::all_of(s.begin(), s.end(), IsIdChar); }

// Splits `s` at `sep`, calling `f` with each piece; stops and returns false when `f` does.
template <typename F> bool Split(std::string_view s, char sep, F&& f) {
    while (true) {
        const size_t at = s.find(sep);
        if (!f(s.substr(0, at)))
            return false;
        if (at == std::string_view::npos)
            return true;
        s.remove_prefix(at + 1);
    }
}

bool IsPlace(std::string_view id, const doc::Document& d) {
    return d.FindBlock(id).valid() || d.FindSection(id).valid() || d.FindComment(id).valid();
}

void AddOpen(Location& location, doc::ObjectionId id) {
    if (std::find(location.open.begin(), location.open.end(), id) == location.open.end())
        location.open.push_back(id);
}

const char* const ContentPresetNames[] = {"remove-organizers", "aid-policy", "burnout", "strike-repression"};

bool IsValueChar(char c) { return IsIdChar(c) || c == '.' || c == '@'; }

// A plain decimal number: digits, at most one point, an optional leading minus; nothing strtod would also take
// (exponents, hex, inf, nan), so every link has one spelling.
std::optional<double> ParseNumber(std::string_view s) {
    if (s.empty() || s.size() > 48)
        return std::nullopt;
    size_t i = s.front() == '-' ? 1 : 0, points = 0, digits = 0;
    for (; i < s.size(); ++i) {
        if (s[i] == '.')
            ++points;
        else if (s[i] >= '0' && s[i] <= '9')
            ++digits;
        else
            return std::nullopt;
    }
    if (digits == 0 || points > 1)
        return std::nullopt;
    const std::string text(s);
    return std::strtod(text.c_str(), nullptr);
}

// A whole number of at most 10 digits (seeds and weeks), clamped by the caller.
std::optional<uint64_t> ParseWhole(std::string_view s) {
    if (s.empty() || s.size() > 10 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    uint64_t v = 0;
    for (const char c : s)
        v = v * 10 + uint64_t(c - '0');
    return v;
}

// The canonical preset name: an objection's id, or a flip preset's slug, also named by a prefix of its slug that
// ends at a word break and names only it ("forgetful" for "forgetful-neighborhood"). Links made while the presets
// were spelled "neighbourhood" still name theirs.
std::string CanonicalPreset(std::string_view asked) {
    constexpr std::string_view Old = "neighbour", New = "neighbor";
    std::string name(asked);
    if (const size_t at = name.find(Old); at != std::string::npos)
        name.replace(at, Old.size(), New);
    for (const char* id : ContentPresetNames)
        if (name == id)
            return id;
    std::string found;
    int matches = 0;
    for (const sim::FlipPreset& p : sim::FlipPresets()) {
        std::string slug;
        for (const char c : std::string_view(p.name)) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                slug += c;
            else if (c >= 'A' && c <= 'Z')
                slug += char(c - 'A' + 'a');
            else if (!slug.empty() && slug.back() != '-')
                slug += '-';
        }
        while (!slug.empty() && slug.back() == '-')
            slug.pop_back();
        if (slug == name)
            return slug;
        if (slug.size() > name.size() && slug.compare(0, name.size(), name) == 0 && slug[name.size()] == '-') {
            found = slug;
            ++matches;
        }
    }
    return matches == 1 ? found : std::string();
}

// The shortest plain decimal that reads back as exactly v (a slider's value must replay to the same state hash).
std::string FormatNumber(double v) {
    char buffer[64];
    for (int digits = 0; digits <= 30; ++digits) {
        std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
        if (std::strtod(buffer, nullptr) == v)
            break;
    }
    return buffer;
}
} // namespace

bool IsSimActName(std::string_view name) {
    return sim::InterventionByName(name).has_value();
}

bool IsSimPresetName(std::string_view name) { return !name.empty() && CanonicalPreset(name) == name; }

std::optional<SimLink> ParseSimLink(std::string_view value) {
    SimLink link;
    bool time_given = false;
    const bool ok = Split(value, ',', [&](std::string_view item) {
        const size_t colon = item.find(':');
        if (colon == std::string_view::npos)
            return false;
        const std::string_view key = item.substr(0, colon), v = item.substr(colon + 1);
        if (!IsId(key) || v.empty() || v.size() > 64 || !std::all_of(v.begin(), v.end(), IsValueChar))
            return false;
        if (key == "seed") {
            const std::optional<uint64_t> seed = ParseWhole(v);
            if (!seed)
                return false;
            link.seed = std::clamp<uint64_t>(*seed, 1, 0xFFFFFFFFull);
            return true;
        }
        if (key == "month" || key == "week") {
            const std::optional<uint64_t> n = ParseWhole(v);
            if (!n)
                return false;
            const uint64_t weeks = key == "month" ? *n * 4 : *n;  // sim::WeeksPerMonth
            link.week = int(std::min<uint64_t>(weeks, MaxLinkWeeks));
            time_given = true;
            return true;
        }
        if (key == "guide") {
            const std::optional<uint64_t> step = ParseWhole(v);
            if (!step)
                return false;
            link.guide = int(std::clamp<uint64_t>(*step, 1, MaxGuideStep));
            return true;
        }
        if (key == "preset") {
            if (!IsId(v))
                return false;
            link.preset = CanonicalPreset(v);  // unknown: dropped
            return true;
        }
        if (key == "act") {
            const size_t at = v.find('@');
            if (at == std::string_view::npos)
                return false;
            const std::optional<uint64_t> week = ParseWhole(v.substr(at + 1));
            if (!week || !IsId(v.substr(0, at)))
                return false;
            if (IsSimActName(v.substr(0, at)) && link.acts.size() < MaxLinkActs)
                link.acts.push_back({int(std::min<uint64_t>(*week, MaxLinkWeeks)), std::string(v.substr(0, at)), std::nullopt});
            return true;
        }
        // Unknown keys (from a newer version) are dropped; a known parameter must have a number, and a week when it
        // was moved during the run.
        const sim::ParamInfo* param = sim::FindParam(key);
        if (param == nullptr)
            return true;
        const size_t at = v.find('@');
        const std::optional<double> number = ParseNumber(v.substr(0, at));
        std::optional<uint64_t> week;
        if (at != std::string_view::npos && !(week = ParseWhole(v.substr(at + 1))))
            return false;
        if (!number)
            return false;
        // The strategy is what differs between the panels: a link cannot set it.
        if (key == "relational_share" || key == "aid_conditional")
            return true;
        // Clamped, then rounded to what the canonical form can spell, so a link reads back as itself.
        const double clamped = std::strtod(FormatNumber(std::clamp(*number, param->min, param->max)).c_str(), nullptr);
        if (week) {
            if (link.acts.size() < MaxLinkActs)
                link.acts.push_back({int(std::min<uint64_t>(*week, MaxLinkWeeks)), std::string(key), clamped});
            return true;
        }
        for (auto& p : link.params)
            if (p.first == key) {
                p.second = clamped;
                return true;
            }
        link.params.emplace_back(std::string(key), clamped);
        return true;
    });
    if (!ok)
        return std::nullopt;
    if (link.guide > 0)
        return SimLink{link.seed, {}, {}, {}, 0, link.guide};
    if (!time_given)
        for (const SimAct& act : link.acts)
            link.week = std::max(link.week, act.week); // the acts alone say how far the reader went
    // Canonical order: parameters as in the table, acts by week (stable), none after the link's own week.
    const auto table = sim::ParamTable();
    auto rank = [&](const std::string& name) {
        for (size_t i = 0; i < table.size(); ++i)
            if (name == table[i].name)
                return i;
        return table.size();
    };
    std::stable_sort(link.params.begin(), link.params.end(),
                     [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    std::stable_sort(link.acts.begin(), link.acts.end(), [](const SimAct& a, const SimAct& b) { return a.week < b.week; });
    link.acts.erase(std::remove_if(link.acts.begin(), link.acts.end(), [&](const SimAct& a) { return a.week > link.week; }),
                    link.acts.end());
    return link;
}

std::string FormatSimLink(const SimLink& link) {
    std::string out = "seed:" + std::to_string(link.seed);
    if (link.guide > 0)
        return out + ",guide:" + std::to_string(link.guide); // a step says everything else itself
    if (!link.preset.empty())
        out += ",preset:" + link.preset;
    for (const auto& [name, value] : link.params)
        out += "," + name + ":" + FormatNumber(value);
    for (const SimAct& act : link.acts)
        out += act.value ? "," + act.name + ":" + FormatNumber(*act.value) + "@" + std::to_string(act.week)
                         : ",act:" + act.name + "@" + std::to_string(act.week);
    out += link.week % 4 == 0 ? ",month:" + std::to_string(link.week / 4) : ",week:" + std::to_string(link.week);
    return out;
}

std::optional<Location> ParseLocation(std::string_view fragment, const doc::Document& document) {
    if (!fragment.empty() && fragment.front() == '#')
        fragment.remove_prefix(1);
    if (fragment.size() > MaxFragmentLength)
        return std::nullopt;
    Location location;
    if (fragment.empty())
        return location;
    const bool ok = Split(fragment, '&', [&](std::string_view part) {
        const size_t eq = part.find('=');
        if (eq == std::string_view::npos) {
            if (!IsId(part))
                return false;
            const doc::ObjectionId objection = document.FindObjection(part);
            if (objection.valid())
                AddOpen(location, objection);
            else if (IsPlace(part, document))
                location.at = std::string(part);
            return true;
        }
        const std::string_view key = part.substr(0, eq), value = part.substr(eq + 1);
        if (key == "at") {
            if (!IsId(value))
                return false;
            if (IsPlace(value, document))
                location.at = std::string(value);
            return true;
        }
        if (key == "sim") {
            std::optional<SimLink> sim = ParseSimLink(value);
            if (!sim)
                return false;
            location.sim = std::move(*sim);
            return true;
        }
        if (key == "open") {
            return Split(value, ',', [&](std::string_view id) {
                if (!IsId(id))
                    return false;
                const doc::ObjectionId objection = document.FindObjection(id);
                if (objection.valid())
                    AddOpen(location, objection);
                return true;
            });
        }
        return IsId(key); // an unknown but well-formed key, from a newer version: ignored
    });
    if (!ok)
        return std::nullopt;
    std::sort(location.open.begin(), location.open.end(),
              [](doc::ObjectionId a, doc::ObjectionId b) { return a.index < b.index; });
    return location;
}

std::string FormatLocation(const Location& location, const doc::Document& document) {
    std::string out;
    if (!location.at.empty())
        out += "at=" + location.at;
    if (!location.open.empty()) {
        out += out.empty() ? "open=" : "&open=";
        for (size_t i = 0; i < location.open.size(); ++i)
            out += (i ? "," : "") + document.objection(location.open[i]).id;
    }
    if (location.sim)
        out += (out.empty() ? "sim=" : "&sim=") + FormatSimLink(*location.sim);
    return out.empty() ? out : "#" + out;
}

} // namespace app
