// Reading-order keyboard focus over controls registered each frame.
#include "views/focus.h"

#include <algorithm>

namespace views {

namespace {
bool Pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }
} // namespace

void BeginFocusFrame(FocusRing& ring, bool keyboard_free) {
    ring.previous.swap(ring.items);
    ring.items.clear();
    ring.activated = 0;
    ring.moved = false;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseClicked[0])
        ring.visible = false; // pointer users get no ring; the next Tab brings it back where it was
    if (!keyboard_free || ring.previous.empty())
        return;
    if (Pressed(ImGuiKey_Tab)) {
        const auto& list = ring.previous;
        auto at = std::find_if(list.begin(), list.end(), [&](const FocusRing::Item& i) { return i.id == ring.focused; });
        size_t next;
        if (at == list.end())
            next = io.KeyShift ? list.size() - 1 : 0;
        else if (io.KeyShift)
            next = at == list.begin() ? list.size() - 1 : size_t(at - list.begin()) - 1;
        else
            next = (size_t(at - list.begin()) + 1) % list.size();
        // When the ring was hidden, Tab first shows it where focus already is.
        if (!ring.visible && at != list.end())
            next = size_t(at - list.begin());
        ring.focused = list[next].id;
        ring.visible = true;
        ring.moved = true;
        ring.moved_min = list[next].min;
        ring.moved_max = list[next].max;
        ring.moved_fixed = list[next].fixed;
    } else if (ring.visible && ring.focused != 0 && (Pressed(ImGuiKey_Enter) || Pressed(ImGuiKey_KeyPadEnter) ||
                                                     Pressed(ImGuiKey_Space))) {
        ring.activated = ring.focused;
    }
}

bool FocusableItem(FocusRing& ring, ImGuiID id, ImVec2 screen_min, ImVec2 screen_max, float scroll_y, bool fixed,
                   ImGuiID group) {
    const float to_content = fixed ? 0.0f : scroll_y;
    ring.items.push_back({id, group, ImVec2(screen_min.x, screen_min.y + to_content),
                          ImVec2(screen_max.x, screen_max.y + to_content), fixed});
    if (HasFocus(ring, id)) {
        const ImU32 col = ImGui::GetColorU32(ImGuiCol_NavHighlight);
        ImGui::GetWindowDrawList()->AddRect(ImVec2(screen_min.x - 3, screen_min.y - 3),
                                            ImVec2(screen_max.x + 3, screen_max.y + 3), col, 4.0f, 0, 2.0f);
    }
    return ring.activated == id;
}

void FocusOn(FocusRing& ring, ImGuiID id) {
    ring.focused = id;
    ring.visible = true;
}

ImGuiID FocusedGroup(const FocusRing& ring) {
    for (const FocusRing::Item& item : ring.previous)
        if (item.id == ring.focused)
            return item.group;
    return 0;
}

} // namespace views
