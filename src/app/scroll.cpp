// Scroll physics: exponential glide toward a target and exponentially decaying momentum; no input, window or clock.
#include "app/scroll.h"

#include <algorithm>
#include <cmath>

namespace app {

namespace {
// Time constants chosen to feel like native scrolling: a wheel glide settles in ~0.25 s, a fling coasts ~1 s.
constexpr float GlideTau = 0.06f;
constexpr float MomentumTau = 0.325f;
constexpr float StopVelocity = 12.0f; // px/s below which a fling ends
constexpr float SnapDistance = 0.5f;  // px within which a glide lands on its target
constexpr float VelocitySmoothing = 0.6f;

float Clamp(const Scroll& s, float y) { return std::clamp(y, 0.0f, MaxScroll(s)); }
} // namespace

float MaxScroll(const Scroll& s) { return std::max(0.0f, s.content_height - s.viewport_height); }

void SetExtent(Scroll& s, float content_height, float viewport_height) {
    s.content_height = std::max(0.0f, content_height);
    s.viewport_height = std::max(0.0f, viewport_height);
    s.y = Clamp(s, s.y);
    s.target = Clamp(s, s.target);
}

void ScrollBy(Scroll& s, float dy, bool animate) {
    // Successive wheel ticks accumulate on the target, so a fast wheel never loses distance mid-glide.
    ScrollTo(s, s.target + dy, animate);
}

void ScrollTo(Scroll& s, float y, bool animate) {
    s.velocity = 0.0f;
    s.target = Clamp(s, std::isfinite(y) ? y : s.y);
    if (!animate)
        s.y = s.target;
}

void Relayout(Scroll& s, float content_height, float viewport_height, float shift) {
    if (std::isfinite(shift)) {
        s.y += shift;
        s.target += shift;
    }
    SetExtent(s, content_height, viewport_height);
}

void BeginDrag(Scroll& s) {
    s.dragging = true;
    s.velocity = 0.0f;
    s.target = s.y;
}

void DragBy(Scroll& s, float dy, float dt) {
    if (!std::isfinite(dy))
        return;
    const float before = s.y;
    s.y = Clamp(s, s.y + dy);
    s.target = s.y;
    if (dt > 0.0f) {
        const float sample = (s.y - before) / dt;
        s.velocity = VelocitySmoothing * sample + (1.0f - VelocitySmoothing) * s.velocity;
    }
}

void EndDrag(Scroll& s, bool momentum) {
    s.dragging = false;
    if (!momentum || std::fabs(s.velocity) < StopVelocity)
        s.velocity = 0.0f;
}

bool Step(Scroll& s, float dt) {
    if (s.dragging || !(dt > 0.0f))
        return IsMoving(s);
    if (s.velocity != 0.0f) {
        const float decay = std::exp(-dt / MomentumTau);
        // Distance is the integral of v·e^(-t/τ) over the step, so the coast length does not depend on frame rate.
        s.y = Clamp(s, s.y + s.velocity * MomentumTau * (1.0f - decay));
        s.velocity *= decay;
        if (std::fabs(s.velocity) < StopVelocity || s.y <= 0.0f || s.y >= MaxScroll(s))
            s.velocity = 0.0f;
        s.target = s.y;
    } else if (s.y != s.target) {
        s.y += (s.target - s.y) * (1.0f - std::exp(-dt / GlideTau));
        if (std::fabs(s.target - s.y) < SnapDistance)
            s.y = s.target;
    }
    return IsMoving(s);
}

bool IsMoving(const Scroll& s) { return s.velocity != 0.0f || s.y != s.target; }

} // namespace app
