// Everything the reader sees and has chosen, as plain data: the document, scroll, viewport and reader settings.
// Knows no ImGui, SDL or browser; the platform layer owns one AppState for the program's lifetime.
#pragma once

#include "app/scroll.h"
#include "doc/document.h"

#include <cstdint>
#include <string>

namespace app {

enum class Theme : uint8_t { Light, Dark };

struct Viewport {
    float width = 0.0f;  // CSS px
    float height = 0.0f; // CSS px
    float dpr = 1.0f;    // device pixels per CSS px
};

struct AppState {
    doc::Document document; // immutable after import
    Scroll scroll;
    Viewport viewport;
    Theme theme = Theme::Light;
    bool reduced_motion = false;
};

const char* ThemeName(Theme theme);
// The JSON object behind `window.essay.state()`: scrollY, contentHeight, viewport {width, height}, dpr, theme.
std::string StateJson(const AppState& state);

} // namespace app
