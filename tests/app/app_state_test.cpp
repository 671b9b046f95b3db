// Tests of the inspection JSON that tests and publishers read through window.essay.state().
#include "app/app_state.h"

#include <catch2/catch.hpp>

TEST_CASE("state JSON carries scroll, extent, viewport, density and theme", "[app]") {
    app::AppState state;
    app::SetExtent(state.scroll, 9000.0f, 700.0f);
    app::ScrollTo(state.scroll, 1234.5f, false);
    state.viewport = {1280.0f, 700.0f, 2.0f};
    state.theme = app::Theme::Dark;
    CHECK(app::StateJson(state) == "{\"scrollY\":1234.50,\"contentHeight\":9000.00,"
                                   "\"viewport\":{\"width\":1280.00,\"height\":700.00},\"dpr\":2,\"theme\":\"dark\"}");
    state.theme = app::Theme::Light;
    state.viewport.dpr = 1.25f;
    CHECK(app::StateJson(state).find("\"dpr\":1.25,\"theme\":\"light\"}") != std::string::npos);
}
