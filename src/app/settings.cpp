// Reader settings <-> "key=value;…" text; bounded and forgiving, since the text comes from storage the reader owns.
#include "app/settings.h"

#include <cstdio>

namespace app {

namespace {
constexpr float Scales[] = {0.8f, 0.9f, 1.0f, 1.1f, 1.2f, 1.35f, 1.5f}; // steps -2..4

const char* ThemeChoiceName(ThemeChoice t) {
    return t == ThemeChoice::Light ? "light" : t == ThemeChoice::Dark ? "dark" : "auto";
}
} // namespace

float TextScale(int text_step) {
    if (text_step < MinTextStep)
        text_step = MinTextStep;
    if (text_step > MaxTextStep)
        text_step = MaxTextStep;
    return Scales[text_step - MinTextStep];
}

std::string FormatSettings(const ReaderSettings& settings, ObjectionsMode mode) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "theme=%s;size=%d;objections=%s%s", ThemeChoiceName(settings.theme),
                  settings.text_step, ObjectionsModeName(mode), settings.hint_seen ? ";hint=seen" : "");
    return buffer;
}

int ParseSettings(std::string_view text, ReaderSettings& settings, ObjectionsMode& mode) {
    if (text.size() > 512)
        return 0;
    int applied = 0;
    while (!text.empty()) {
        const size_t end = text.find(';');
        const std::string_view entry = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const size_t eq = entry.find('=');
        if (eq == std::string_view::npos)
            continue;
        const std::string_view key = entry.substr(0, eq), value = entry.substr(eq + 1);
        if (key == "theme") {
            if (value == "auto" || value == "light" || value == "dark") {
                settings.theme = value == "light" ? ThemeChoice::Light
                                 : value == "dark" ? ThemeChoice::Dark
                                                   : ThemeChoice::Auto;
                ++applied;
            }
        } else if (key == "size") {
            const bool negative = !value.empty() && value.front() == '-';
            const std::string_view digits = negative ? value.substr(1) : value;
            if (digits.size() == 1 && digits[0] >= '0' && digits[0] <= '9') {
                const int step = (negative ? -1 : 1) * (digits[0] - '0');
                if (step >= MinTextStep && step <= MaxTextStep) {
                    settings.text_step = step;
                    ++applied;
                }
            }
        } else if (key == "hint") {
            if (value == "seen") {
                settings.hint_seen = true;
                ++applied;
            }
        } else if (key == "objections") {
            for (ObjectionsMode m : {ObjectionsMode::Hidden, ObjectionsMode::Markers, ObjectionsMode::AllOpen}) {
                if (value == ObjectionsModeName(m)) {
                    mode = m;
                    ++applied;
                }
            }
        }
    }
    return applied;
}

} // namespace app
