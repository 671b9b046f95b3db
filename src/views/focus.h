// Keyboard focus in reading order for the canvas: Tab and Shift+Tab visit every control, Enter or Space activates,
// and a visible ring shows where focus is. Knows ImGui; nothing of documents.
//
// Why not ImGui's own navigation: in ImGui 1.86 Tab reaches only text inputs, and its order is window order, not
// reading order. Here each control registers itself every frame, in the order a reader meets it, with its rectangle
// in content coordinates, so focus can also move to a control that is scrolled out of view.
#pragma once

#include "imgui.h"

#include <vector>

namespace views {

// View state, owned by the essay view for the app's lifetime.
struct FocusRing {
    struct Item {
        ImGuiID id = 0;
        ImGuiID group = 0; // the marker a card's control belongs to, for Esc; 0 for none
        ImVec2 min, max;   // content coordinates (scrolled with the essay) or screen ones for fixed controls
        bool fixed = false;
    };
    std::vector<Item> items;    // registered this frame
    std::vector<Item> previous; // registered last frame: Tab moves through these
    ImGuiID focused = 0;
    bool visible = false;        // a ring is drawn only while the keyboard drives focus
    ImGuiID activated = 0;       // Enter/Space this frame on the focused item
    bool moved = false;          // focus moved by Tab this frame: the view scrolls it into view
    ImVec2 moved_min, moved_max; // where it moved to
    bool moved_fixed = false;
};

// Reads Tab, Shift+Tab, Enter and Space for the frame; call before any control registers.
void BeginFocusFrame(FocusRing& ring, bool keyboard_free);
// Registers a control and draws the ring around it when focused. `scroll_y` turns screen y into content y for
// controls that scroll with the essay; `fixed` controls (the top bar) ignore it. Returns true when the keyboard
// activated the control this frame.
bool FocusableItem(FocusRing& ring, ImGuiID id, ImVec2 screen_min, ImVec2 screen_max, float scroll_y, bool fixed,
                   ImGuiID group = 0);
void FocusOn(FocusRing& ring, ImGuiID id);
// Whether the keyboard's visible focus is on `id` (its ring is drawn).
inline bool HasFocus(const FocusRing& ring, ImGuiID id) { return ring.visible && ring.focused == id; }
// The group of the focused item, or 0.
ImGuiID FocusedGroup(const FocusRing& ring);

} // namespace views
