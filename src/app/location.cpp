// Parses and formats URL fragments of the reading position and open objections; no browser, no allocation per char.
#include "app/location.h"

#include <algorithm>

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
} // namespace

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
    return out.empty() ? out : "#" + out;
}

} // namespace app
