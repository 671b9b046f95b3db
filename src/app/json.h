// Appending JSON text for the inspection API: one string escaper shared by app_state.cpp and simulation.cpp.
// Knows JSON's escaping rules only; ids are slugs and titles the writer's UTF-8, which passes through.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace app {

inline void AppendJsonString(std::string& out, std::string_view s) {
    out += '"';
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

} // namespace app
