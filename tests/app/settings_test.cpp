// Tests of the reader settings' stored form: round trips, and forgiving parsing of whatever storage holds.
#include "app/settings.h"

#include <catch2/catch.hpp>

TEST_CASE("settings round-trip through their stored form", "[settings]") {
    const auto theme = GENERATE(app::ThemeChoice::Auto, app::ThemeChoice::Light, app::ThemeChoice::Dark);
    const int step = GENERATE(range(app::MinTextStep, app::MaxTextStep + 1));
    const auto mode = GENERATE(app::ObjectionsMode::Hidden, app::ObjectionsMode::Markers, app::ObjectionsMode::AllOpen);
    const bool hint_seen = GENERATE(false, true);
    const app::ReaderSettings settings{theme, step, hint_seen};
    const std::string text = app::FormatSettings(settings, mode);
    CAPTURE(text);
    app::ReaderSettings back;
    app::ObjectionsMode back_mode = app::ObjectionsMode::Markers;
    CHECK(app::ParseSettings(text, back, back_mode) == (hint_seen ? 4 : 3));
    CHECK(back.theme == theme);
    CHECK(back.text_step == step);
    CHECK(back.hint_seen == hint_seen);
    CHECK(back_mode == mode);
}

TEST_CASE("bad stored settings are skipped, good ones kept", "[settings]") {
    app::ReaderSettings s;
    app::ObjectionsMode mode = app::ObjectionsMode::Markers;
    CHECK(app::ParseSettings("theme=purple;size=12;objections=some;junk;=;size=-3;size=2x;hint=1", s, mode) == 0);
    CHECK_FALSE(s.hint_seen);
    CHECK(s.theme == app::ThemeChoice::Auto);
    CHECK(s.text_step == 0);
    CHECK(mode == app::ObjectionsMode::Markers);
    CHECK(app::ParseSettings("future=1;theme=dark;size=-2", s, mode) == 2);
    CHECK(s.theme == app::ThemeChoice::Dark);
    CHECK(s.text_step == -2);
    CHECK(app::ParseSettings(std::string(600, 'x'), s, mode) == 0);
}

TEST_CASE("text steps scale the body by about a tenth", "[settings]") {
    CHECK(app::TextScale(0) == 1.0f);
    CHECK(app::TextScale(1) == Approx(1.1f));
    CHECK(app::TextScale(-99) == app::TextScale(app::MinTextStep));
    CHECK(app::TextScale(99) == app::TextScale(app::MaxTextStep));
    for (int s = app::MinTextStep; s < app::MaxTextStep; ++s)
        CHECK(app::TextScale(s) < app::TextScale(s + 1));
}
