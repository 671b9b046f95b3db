// Tests of the scroll physics: clamping, glide, momentum and frame-rate independence; knows no input device.
#include "app/scroll.h"

#include <catch2/catch.hpp>

#include <limits>

using app::Scroll;

namespace {
Scroll Page(float content = 5000.0f, float viewport = 800.0f) {
    Scroll s;
    app::SetExtent(s, content, viewport);
    return s;
}
// Content above the window grew by dy, and the page by as much.
void Relayout(Scroll& s, float dy) { app::Relayout(s, s.content_height + dy, s.viewport_height, dy); }
float RunUntilRest(Scroll& s, float dt, int max_steps = 10000) {
    float elapsed = 0.0f;
    for (int i = 0; i < max_steps && app::Step(s, dt); ++i)
        elapsed += dt;
    return elapsed;
}
} // namespace

TEST_CASE("offsets stay within the content", "[scroll]") {
    Scroll s = Page();
    SECTION("above the top") {
        app::ScrollBy(s, -300.0f, false);
        CHECK(s.y == 0.0f);
    }
    SECTION("past the end") {
        app::ScrollTo(s, 1e9f, false);
        CHECK(s.y == Approx(4200.0f));
    }
    SECTION("content shorter than the viewport cannot scroll") {
        app::SetExtent(s, 300.0f, 800.0f);
        app::ScrollBy(s, 100.0f, false);
        CHECK(s.y == 0.0f);
    }
    SECTION("a shrinking page pulls the offset back in range") {
        app::ScrollTo(s, 4000.0f, false);
        app::SetExtent(s, 2000.0f, 800.0f);
        CHECK(s.y == Approx(1200.0f));
        CHECK(s.target == Approx(1200.0f));
    }
    SECTION("non-finite input is ignored") {
        app::ScrollTo(s, 500.0f, false);
        app::ScrollTo(s, std::numeric_limits<float>::quiet_NaN(), false);
        app::DragBy(s, std::numeric_limits<float>::infinity(), 0.016f);
        CHECK(s.y == 500.0f);
    }
}

TEST_CASE("a wheel glide lands exactly on its target and then rests", "[scroll]") {
    Scroll s = Page();
    app::ScrollBy(s, 100.0f, true);
    app::ScrollBy(s, 100.0f, true); // a second tick mid-glide adds, never replaces
    CHECK(s.y == 0.0f);
    CHECK(app::IsMoving(s));
    const float dt = GENERATE(1.0f / 144.0f, 1.0f / 60.0f, 1.0f / 20.0f);
    CAPTURE(dt);
    const float t = RunUntilRest(s, dt);
    CHECK(s.y == 200.0f);
    CHECK_FALSE(app::IsMoving(s));
    CHECK(t < 1.0f);
}

TEST_CASE("without animation a scroll is immediate", "[scroll]") {
    Scroll s = Page();
    app::ScrollBy(s, 640.0f, false);
    CHECK(s.y == 640.0f);
    CHECK_FALSE(app::Step(s, 0.016f));
}

TEST_CASE("a touch fling coasts in the drag's direction and stops", "[scroll]") {
    Scroll s = Page();
    app::ScrollTo(s, 1000.0f, false);
    app::BeginDrag(s);
    for (int i = 0; i < 6; ++i)
        app::DragBy(s, 20.0f, 0.016f); // 1250 px/s upward swipe moves content down the page
    CHECK(s.y == Approx(1120.0f));
    app::EndDrag(s, true);
    CHECK(s.velocity > 1000.0f);
    RunUntilRest(s, 1.0f / 60.0f);
    CHECK(s.y > 1400.0f);
    CHECK(s.y < 2000.0f);
    CHECK(s.velocity == 0.0f);

    SECTION("released without momentum it stays put") {
        app::BeginDrag(s);
        app::DragBy(s, -30.0f, 0.016f);
        const float held = s.y;
        app::EndDrag(s, false);
        CHECK_FALSE(app::Step(s, 0.016f));
        CHECK(s.y == held);
    }
}

TEST_CASE("the coast distance does not depend on the frame rate", "[scroll]") {
    auto coast = [](float dt) {
        Scroll s = Page(100000.0f, 800.0f);
        app::BeginDrag(s);
        app::DragBy(s, 30.0f, 0.016f);
        app::DragBy(s, 30.0f, 0.016f);
        app::EndDrag(s, true);
        RunUntilRest(s, dt);
        return s.y;
    };
    CHECK(coast(1.0f / 30.0f) == Approx(coast(1.0f / 120.0f)).epsilon(0.02));
}

TEST_CASE("a fling stops at the end of the content", "[scroll]") {
    Scroll s = Page(1000.0f, 800.0f);
    app::BeginDrag(s);
    app::DragBy(s, 50.0f, 0.01f);
    app::DragBy(s, 50.0f, 0.01f);
    app::EndDrag(s, true);
    RunUntilRest(s, 0.016f);
    CHECK(s.y == 200.0f);
    CHECK(s.velocity == 0.0f);
}

TEST_CASE("content growing above the window shifts the offset and its target alike", "[scroll]") {
    Scroll s = Page();
    app::ScrollTo(s, 1000.0f, false);
    SECTION("at rest, it stays at rest on the same content") {
        Relayout(s, 40.0f);
        CHECK(s.y == 1040.0f);
        CHECK(s.target == 1040.0f);
        CHECK_FALSE(app::Step(s, 0.016f));
    }
    SECTION("a glide carries on to the same place in the content") {
        app::ScrollBy(s, 300.0f, true);
        app::Step(s, 0.016f);
        const float gone = s.y - 1000.0f;
        Relayout(s, -40.0f);
        CHECK(s.target == 1260.0f);
        CHECK(s.y == Approx(960.0f + gone));
        RunUntilRest(s, 1.0f / 60.0f);
        CHECK(s.y == 1260.0f);
    }
    SECTION("a fling keeps its speed") {
        app::BeginDrag(s);
        for (int i = 0; i < 6; ++i)
            app::DragBy(s, 20.0f, 0.016f);
        app::EndDrag(s, true);
        const float v = s.velocity;
        Relayout(s, 40.0f);
        CHECK(s.velocity == v);
    }
    SECTION("never past the content's ends, nor by a non-number") {
        app::Relayout(s, s.content_height, s.viewport_height, 1e9f);
        CHECK(s.y == app::MaxScroll(s));
        app::Relayout(s, s.content_height, s.viewport_height, std::numeric_limits<float>::quiet_NaN());
        CHECK(s.y == app::MaxScroll(s));
        app::Relayout(s, s.content_height, s.viewport_height, -1e9f);
        CHECK(s.y == 0.0f);
    }
    // A phone's figure loses its invitation's two lines once it has run, which happens as a reader passes it.
    SECTION("at the end, or gliding there, it ends at the new end when the content above shrinks or grows") {
        const float dy = GENERATE(-38.0f, 40.0f);
        const bool gliding = GENERATE(false, true);
        app::ScrollTo(s, app::MaxScroll(s), gliding);
        if (gliding)
            app::Step(s, 0.016f);
        Relayout(s, dy);
        RunUntilRest(s, 1.0f / 60.0f);
        CHECK(s.y == app::MaxScroll(s));
    }
}
