// Serialises the reader-visible state for the page's inspection API; knows no browser, only JSON text.
#include "app/app_state.h"

#include <cstdio>

namespace app {

const char* ThemeName(Theme theme) { return theme == Theme::Dark ? "dark" : "light"; }

std::string StateJson(const AppState& state) {
    char buffer[256];
    // Rounded to 0.01 px: enough for tests and publishers, and stable across frames with sub-pixel jitter.
    std::snprintf(buffer, sizeof buffer,
                  "{\"scrollY\":%.2f,\"contentHeight\":%.2f,\"viewport\":{\"width\":%.2f,\"height\":%.2f},"
                  "\"dpr\":%.3g,\"theme\":\"%s\"}",
                  double(state.scroll.y), double(state.scroll.content_height), double(state.viewport.width),
                  double(state.viewport.height), double(state.viewport.dpr), ThemeName(state.theme));
    std::string json = buffer;
    // The simulation appears once it exists (the platform starts it on the first frame).
    if (state.sim.initialized) {
        json.pop_back();
        json += ",\"sim\":" + SimJson(state.sim) + "}";
    }
    return json;
}

} // namespace app
