// Controls drawn with ImGui draw lists over invisible ImGui buttons: ImGui does the hit-testing, the theme the looks.
#include "views/widgets.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace views {

namespace {
constexpr float PillPadding = 12.0f;
constexpr float SegmentPadding = 11.0f;

// Words without a box (Text and Link) sit closer to their neighbours than a pill's label does to its outline.
bool Boxless(ButtonLook look) { return look == ButtonLook::Text || look == ButtonLook::Link; }
float PaddingOf(ButtonLook look) { return Boxless(look) ? TextButtonPadding : PillPadding; }

ImFont* FontOf(const Fonts& fonts, FontRole role) { return fonts.font[role] ? fonts.font[role] : ImGui::GetFont(); }
float SizeOf(const Fonts& fonts, FontRole role) {
    return FontOf(fonts, role)->FontSize * ImGui::GetIO().FontGlobalScale;
}

// Under a word that is the choice, a short accent rule; under one the pointer is on, a hairline: the one look of
// the segmented control's choices and of a text button open on its menu.
void DrawWordRule(ImDrawList* list, const Palette& p, ImVec2 text_at, ImVec2 text, bool chosen, ImU32 hover_colour) {
    const float rule_y = std::round(text_at.y + text.y + 2.0f);
    list->AddRectFilled(ImVec2(text_at.x, rule_y),
                        ImVec2(text_at.x + text.x, rule_y + (chosen ? 2.0f : ThemeMetrics.hairline)),
                        chosen ? p.accent : hover_colour);
}

// The hit rectangle: the drawn one grown, about its centre, to the least hit size.
void GrowToHit(const Ui& ui, ImVec2& min, ImVec2& max) {
    const float grow_x = std::max(0.0f, ui.min_hit - (max.x - min.x)) * 0.5f;
    const float grow_y = std::max(0.0f, ui.min_hit - (max.y - min.y)) * 0.5f;
    min = ImVec2(min.x - grow_x, min.y - grow_y);
    max = ImVec2(max.x + grow_x, max.y + grow_y);
}

// An invisible button over [min, max] grown to the least hit size, under an id from kind and id; `hit_min` and
// `hit_max` are where it answers. Returns that id.
ImGuiID HitTarget(const Ui& ui, const char* kind, std::string_view id, ImVec2 min, ImVec2 max, ImVec2& hit_min,
                  ImVec2& hit_max, bool& clicked, bool& hovered, bool& held) {
    hit_min = min;
    hit_max = max;
    GrowToHit(ui, hit_min, hit_max);
    ImGui::PushID(kind);
    // An empty id's data() may be null, which ImGui would read as a zero-terminated string.
    const char* id_begin = id.empty() ? "" : id.data();
    ImGui::PushID(id_begin, id_begin + id.size());
    const ImGuiID target = ImGui::GetID("##control");
    ImGui::SetCursorScreenPos(hit_min);
    clicked = ImGui::InvisibleButton("##control", ImVec2(hit_max.x - hit_min.x, hit_max.y - hit_min.y));
    hovered = ImGui::IsItemHovered();
    held = ImGui::IsItemActive();
    ImGui::PopID();
    ImGui::PopID();
    if (hovered)
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return target;
}
} // namespace

ImVec2 UiTextSize(const Fonts& fonts, FontRole role, std::string_view text) {
    return FontOf(fonts, role)->CalcTextSizeA(SizeOf(fonts, role), 1e9f, 0.0f, text.data(), text.data() + text.size());
}

void DrawUiText(ImDrawList* list, const Fonts& fonts, FontRole role, ImVec2 at, ImU32 colour, std::string_view text,
                float scale) {
    list->AddText(FontOf(fonts, role), SizeOf(fonts, role) * scale, at, colour, text.data(), text.data() + text.size());
}

void FadeSince(ImDrawList* list, int from, float alpha) {
    if (alpha >= 1.0f)
        return;
    for (int i = from; i < list->VtxBuffer.Size; ++i) {
        ImU32& colour = list->VtxBuffer[i].col;
        const float a = float((colour & IM_COL32_A_MASK) >> IM_COL32_A_SHIFT) * std::max(alpha, 0.0f);
        colour = (colour & ~IM_COL32_A_MASK) | (ImU32(a + 0.5f) << IM_COL32_A_SHIFT);
    }
}

void ReportControl(app::FrameReport& report, const app::Viewport& viewport, const FocusRing& focus, ImGuiID focus_id,
                   const char* kind, std::string_view id, ImVec2 min, ImVec2 max) {
    if (HasFocus(focus, focus_id))
        report.focused_control = id.empty() ? std::string(kind) : std::string(kind) + ":" + std::string(id);
    if (max.y < 0.0f || min.y > viewport.height)
        return;
    report.controls.push_back({kind, std::string(id), min.x, min.y, max.x - min.x, max.y - min.y});
}

bool Interact(Ui& ui, const char* kind, std::string_view id, ImVec2 min, ImVec2 max, bool& hovered, bool& held,
              ImGuiID focus_id) {
    ImVec2 hit_min, hit_max;
    bool clicked = false;
    const ImGuiID target = HitTarget(ui, kind, id, min, max, hit_min, hit_max, clicked, hovered, held);
    if (focus_id == 0)
        focus_id = target;
    const bool activated = FocusableItem(ui.focus, focus_id, min, max, ui.state.scroll.y, ui.fixed, ui.group);
    ReportControl(ui.report, ui.state.viewport, ui.focus, focus_id, kind, id, hit_min, hit_max);
    return clicked || activated;
}

bool PointerTarget(Ui& ui, const char* kind, std::string_view id, ImVec2 min, ImVec2 max, bool& hovered, bool& held) {
    ImVec2 hit_min, hit_max;
    bool clicked = false;
    const ImGuiID target = HitTarget(ui, kind, id, min, max, hit_min, hit_max, clicked, hovered, held);
    ReportControl(ui.report, ui.state.viewport, ui.focus, target, kind, id, hit_min, hit_max);
    return clicked;
}

float PillWidth(const Fonts& fonts, std::string_view label) {
    return std::ceil(UiTextSize(fonts, Font_Ui, label).x + 2.0f * PaddingOf(ButtonLook::Pill));
}

float SegmentedWidth(const Fonts& fonts, std::span<const Segment> segments) {
    float width = 0.0f;
    for (const Segment& s : segments)
        width += std::ceil(UiTextSize(fonts, Font_Ui, s.label).x + 2.0f * SegmentPadding);
    return width;
}

ImVec2 ButtonSize(const Ui& ui, const Button& button, float height) {
    const ImVec2 text = UiTextSize(ui.fonts, button.font, button.label);
    return ImVec2(button.width > 0.0f ? button.width : std::ceil(text.x + 2.0f * PaddingOf(button.look)), height);
}

bool DrawButton(Ui& ui, const Button& button, ImVec2 at, float height) {
    const ImVec2 size = ButtonSize(ui, button, height);
    const ImVec2 max(at.x + size.x, at.y + size.y);
    bool hovered = false, held = false;
    bool pressed = false;
    if (button.disabled) {
        ImGui::BeginDisabled();
        Interact(ui, button.kind, button.id, at, max, hovered, held);
        ImGui::EndDisabled();
        hovered = held = false;
    } else {
        pressed = Interact(ui, button.kind, button.id, at, max, hovered, held);
    }
    const Palette& p = ui.palette;
    ImDrawList* list = ImGui::GetWindowDrawList();
    // Round ends at every height: with a fixed radius a phone's 44 px buttons were rounded rectangles beside the
    // desktop's 30 px pills (a fresh reader).
    const float rounding = height * 0.5f;
    const bool accent = button.look == ButtonLook::AccentPill || button.look == ButtonLook::Link;
    ImU32 ink = accent ? p.accent : button.quiet && !hovered && !button.selected ? p.muted : p.ink;
    const bool text_look = Boxless(button.look);
    // A text button open on its menu carries the segmented choice's accent rule, not a grey fill (a fresh reader
    // found the filled "Contents" stock).
    if (held || (button.selected && !text_look))
        list->AddRectFilled(at, max, p.control_pressed, rounding);
    else if (hovered && !text_look)
        list->AddRectFilled(at, max, p.control_hover, rounding);
    if (!text_look)
        list->AddRect(at, max, accent && !button.disabled ? Faded(p.accent, 0.6f) : p.card_border, rounding, 0,
                      ThemeMetrics.hairline);
    if (button.disabled)
        ink = Faded(p.muted, 0.7f);
    const ImVec2 text = UiTextSize(ui.fonts, button.font, button.label);
    const float left = button.width > 0.0f ? PillPadding : std::round((size.x - text.x) * 0.5f);
    const ImVec2 text_at(at.x + left, std::round(at.y + (height - text.y) * 0.5f));
    DrawUiText(list, ui.fonts, button.font, text_at, ink, button.label);
    if (text_look && (hovered || button.selected))
        DrawWordRule(list, p, text_at, text, button.selected, ink);
    return pressed;
}

int DrawSegmented(Ui& ui, std::span<const Segment> segments, int selected, ImVec2 at, float height, bool boxed) {
    const Palette& p = ui.palette;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float rounding = height * 0.5f;
    int chosen = -1;
    float x = at.x;
    if (boxed)
        list->AddRect(at, ImVec2(at.x + SegmentedWidth(ui.fonts, segments), at.y + height), p.card_border, rounding, 0,
                      ThemeMetrics.hairline);
    for (size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        const ImVec2 text = UiTextSize(ui.fonts, Font_Ui, s.label);
        const float w = std::ceil(text.x + 2.0f * SegmentPadding);
        const ImVec2 min(x, at.y), max(x + w, at.y + height);
        bool hovered = false, held = false;
        if (Interact(ui, s.kind, s.id, min, max, hovered, held))
            chosen = int(i);
        const bool here = int(i) == selected;
        // Typographic, like a contents line's tabs rather than a toolbar's buttons: the choice is set in bold ink
        // over a short accent rule, the others in muted text; no box around them. Boxed, the choice is on a tint
        // inside the outline instead.
        if (held || (boxed && (here || hovered)))
            list->AddRectFilled(ImVec2(min.x + 2.0f, min.y + 2.0f), ImVec2(max.x - 2.0f, max.y - 2.0f),
                                held ? p.control_pressed : here ? p.control_selected : p.control_hover, rounding - 2.0f);
        const FontRole role = here ? Font_UiBold : Font_Ui;
        const ImVec2 t = UiTextSize(ui.fonts, role, s.label);
        const float tx = std::round(x + (w - t.x) * 0.5f), ty = std::round(at.y + (height - t.y) * 0.5f);
        DrawUiText(list, ui.fonts, role, ImVec2(tx, ty), here || hovered ? p.ink : p.muted, s.label);
        if (!boxed && (here || hovered))
            DrawWordRule(list, p, ImVec2(tx, ty), t, here, p.muted);
        x += w;
    }
    return chosen;
}

namespace {
// The label is set a step smaller than the interface text in MarkerRadius's circle, to sit inside it, and in
// proportion to a larger one; two digits at a step smaller again, so "14" keeps a margin inside the ring.
float MarkerLabelScale(std::string_view label, float radius) {
    return (label.size() > 1 ? 0.7f : 0.8f) * radius / MarkerRadius;
}
} // namespace

float MarkerHalfWidth(const Fonts& fonts, float radius, std::string_view label) {
    if (label.size() <= 2)
        return radius;
    return std::max(radius, std::ceil(UiTextSize(fonts, Font_UiBold, label).x * MarkerLabelScale(label, radius) * 0.5f +
                                      radius * 0.55f));
}

void DrawMarkerGlyph(ImDrawList* list, const Fonts& fonts, const Palette& palette, ImVec2 centre, float radius,
                     std::string_view label, bool open, bool hovered, ImU32 rest) {
    // Open, a second ring round it in its verdict's colour, where it has one. Not filled: filled in its verdict's
    // colour, the open mark read as "addressed" (the legend's filled dot) to four of stop 64's six fresh readers; in
    // the accent, as a fourth verdict to two of stop 62's.
    const ImU32 colour = rest != 0 ? rest : palette.accent;
    const ImU32 ring = open ? colour : hovered ? palette.ink : rest != 0 ? rest : palette.marker;
    const float half = MarkerHalfWidth(fonts, radius, label) - radius; // a capsule's straight run, each side
    // A ring (or a capsule's outline) `grow` px outside the marker, on the card's paper.
    const auto outline = [&](float grow, float thickness) {
        const float r = radius + grow;
        if (half <= 0.0f) {
            list->AddCircleFilled(centre, r, palette.card_background, 24);
            list->AddCircle(centre, r, ring, 24, thickness);
        } else {
            const ImVec2 lo(centre.x - half - r, centre.y - r), hi(centre.x + half + r, centre.y + r);
            list->AddRectFilled(lo, hi, palette.card_background, r);
            list->AddRect(lo, hi, ring, r, 0, thickness);
        }
    };
    if (open)
        outline(OpenMarkerHalo, 1.5f);
    outline(0.0f, open ? 2.0f : 1.25f);
    const ImVec2 t = UiTextSize(fonts, Font_UiBold, label);
    const float scale = MarkerLabelScale(label, radius);
    list->AddText(FontOf(fonts, Font_UiBold), SizeOf(fonts, Font_UiBold) * scale,
                  ImVec2(std::round(centre.x - t.x * scale * 0.5f), std::round(centre.y - t.y * scale * 0.5f)), ring,
                  label.data(), label.data() + label.size());
}

float WrappedUiTextHeight(const Fonts& fonts, FontRole role, float width, std::string_view text) {
    return FontOf(fonts, role)
        ->CalcTextSizeA(SizeOf(fonts, role), 1e9f, width, text.data(), text.data() + text.size())
        .y;
}

float DrawWrappedUiText(ImDrawList* list, const Fonts& fonts, FontRole role, ImVec2 at, float width, ImU32 colour,
                        std::string_view text) {
    list->AddText(FontOf(fonts, role), SizeOf(fonts, role), at, colour, text.data(), text.data() + text.size(), width);
    return WrappedUiTextHeight(fonts, role, width, text);
}

} // namespace views
