// Scroll physics for the reading column: smooth wheel/keyboard scrolling, touch drag with momentum, and clamping.
// Knows no input device, window or clock: callers pass distances in CSS pixels and elapsed time in seconds.
#pragma once

namespace app {

// A value type; zero-initialised means "at the top of empty content". All fields are plain so views can read them.
struct Scroll {
    float y = 0.0f;        // the offset shown now, in CSS px from the top of the content
    float target = 0.0f;   // where smooth scrolling is heading; equals y when at rest
    float velocity = 0.0f; // px/s of a touch fling's momentum; 0 when none
    float content_height = 0.0f;
    float viewport_height = 0.0f;
    bool dragging = false; // a finger (or the scrollbar thumb) holds the content; momentum waits for release
};

float MaxScroll(const Scroll& s);
// Sets the content and viewport heights and keeps the offsets in range (after a resize or a re-layout).
void SetExtent(Scroll& s, float content_height, float viewport_height);
// Wheel, keyboard and links: moves the target; Step() glides to it unless `animate` is false.
void ScrollBy(Scroll& s, float dy, bool animate);
void ScrollTo(Scroll& s, float y, bool animate);
// The content was laid out again, and what lies above the window grew (or shrank) by `shift`: the offset and its
// target move alike, so what is on screen stays put and a glide or a fling carries on (scroll anchoring), and only
// then are they kept within the new extent. (Clamped to the new extent first, a page at its end whose figure above
// shrank was moved up twice, and stopped short of the end.)
void Relayout(Scroll& s, float content_height, float viewport_height, float shift);
// Touch drag: the content follows the finger exactly; `dt` is the time since the previous drag sample, so the
// release velocity is a smoothed estimate of the finger's speed.
void BeginDrag(Scroll& s);
void DragBy(Scroll& s, float dy, float dt);
void EndDrag(Scroll& s, bool momentum);
// Advances animation by `dt` seconds. Returns true while anything still moves, so the caller keeps drawing.
bool Step(Scroll& s, float dt);
bool IsMoving(const Scroll& s);

} // namespace app
