// The reader's settings (theme, text size, objections, whether the first-visit hint was shown), and their one-line text form for the browser's
// localStorage. Knows nothing of storage itself; the platform reads and writes the string.
#pragma once

#include "app/objections.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace app {

enum class ThemeChoice : uint8_t { Auto, Light, Dark }; // Auto follows prefers-color-scheme

inline constexpr int MinTextStep = -2;
inline constexpr int MaxTextStep = 4;

struct ReaderSettings {
    ThemeChoice theme = ThemeChoice::Auto;
    int text_step = 0; // MinTextStep..MaxTextStep; 0 is the default size
    bool hint_seen = false; // the first-visit hint about the marks has been shown once: never again
};

// Body size multiplier for a text step: about 10% per step, the browser's zoom ladder.
float TextScale(int text_step);

// "theme=dark;size=1;objections=all", with ";hint=seen" once the hint was shown. Parsing is forgiving: unknown keys and bad values are skipped, so a setting
// saved by another version never breaks the page; it returns how many entries it applied.
std::string FormatSettings(const ReaderSettings& settings, ObjectionsMode mode);
int ParseSettings(std::string_view text, ReaderSettings& settings, ObjectionsMode& mode);

} // namespace app
